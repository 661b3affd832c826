"""The visible countdown of a timed question: seconds left in words and a shrinking bar."""

from __future__ import annotations

import math

from textual.content import Content
from textual.widgets import Static

from quiz.tui.i18n import Strings

BAR_WIDTH = 10


class Countdown(Static):
    """`◷ 23 s ███████░░░`; the last five seconds are flagged by a `low` class (and the bar)."""

    DEFAULT_CSS = """
    Countdown {
        width: auto;
        height: 1;
        text-style: bold;
    }
    Countdown.low {
        color: $error;
        text-style: bold reverse;
    }
    """

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._strings = strings
        self.seconds_left: int | None = None

    def show_time(self, remaining: float | None, limit: int | None) -> None:
        """Show `remaining` seconds of `limit` (both None: an untimed question)."""
        if remaining is None or limit is None:
            self.seconds_left = None
            self.remove_class("low")
            self.update(Content(self._strings("question.no_timer")))
            return
        self.seconds_left = math.ceil(remaining - 1e-6)
        filled = math.ceil(BAR_WIDTH * remaining / limit) if limit else 0
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        self.set_class(self.seconds_left <= 5, "low")
        text = self._strings("question.time_left", seconds=self.seconds_left)
        self.update(Content(f"{text} {bar}"))
