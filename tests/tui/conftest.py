"""Fixtures of the TUI tests: a machine-independent environment, a fake clock, and helpers.

The developer's theme, colour settings, config folders and locale must not change what a test
sees, so they are cleared for every test; time comes from `FakeClock`, so countdowns, speed points
and time-outs are exact.
"""

from __future__ import annotations

import os
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


@pytest.fixture(autouse=True)
def _neutral_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """tests/conftest.py's neutral environment, keeping pytest-textual-snapshot's own variables.

    The plugin keeps its working folder in TEXTUAL_SNAPSHOT_TEMPDIR, which the general fixture
    (clearing every TEXTUAL* variable) would remove. This one overrides it for the TUI tests.
    """
    for name in list(os.environ):
        if name.startswith("TEXTUAL_SNAPSHOT"):
            continue
        if name.startswith(("LC_", "XDG_", "TEXTUAL")) or name in (
            "NO_COLOR",
            "FORCE_COLOR",
            "QUIZ_DB",
            "LANGUAGE",
            "COLUMNS",
            "LINES",
        ):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # Each test has an empty cache of set summaries of its own (quiz.tui.preload.SummaryCache).
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


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
