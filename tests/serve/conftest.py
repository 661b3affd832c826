"""Fixtures of the `quiz serve` tests: real servers on free loopback ports, always stopped with
every process they started."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .served import PROC, Served, start_server


@pytest.fixture
def serve_quiz(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Start `quiz serve` with the given options (on the one-question set); each server and its
    process group are ended after the test."""
    if not PROC.is_dir():
        pytest.skip("these tests read the server's processes from /proc (Linux)")
    started: list[Served] = []

    def start(*options: str) -> Served:
        served = start_server(tmp_path, *options)
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()
