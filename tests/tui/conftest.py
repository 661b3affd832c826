"""Fixtures of the TUI tests: a machine-independent environment, a fake clock, and helpers.

The developer's theme, colour settings, config folders and locale must not change what a test
sees, so they are cleared for every test; time comes from `FakeClock`, so countdowns, speed points
and time-outs are exact.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

# Textual reads some of these when it is imported: clear them before (and again for each test).
for _name in ("TEXTUAL_THEME", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_ANIMATIONS", "NO_COLOR"):
    os.environ.pop(_name, None)

from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input  # noqa: E402

from quiz.core.loader import load_question_set  # noqa: E402
from quiz.core.models import QuestionSet  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "data"


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def load(name: str) -> QuestionSet:
    """A question set of `tests/data/`."""
    return load_question_set(DATA / name)


def screen_text(pilot: Pilot) -> str:  # type: ignore[type-arg]
    """What the terminal shows of the active screen, as plain text lines."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def steady_cursors(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Stop text cursors blinking, so a screenshot never catches one mid-blink."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


async def wait_until(pilot: Pilot, condition: Callable[[], object], what: str) -> None:  # type: ignore[type-arg]
    """Let the app and its worker threads run until `condition` holds (at most 10 s)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")
