"""Where a game's results go: a tiny protocol the app calls, and a sink that keeps nothing.

The app calls `start` when a game begins, `record` after every answer (timed-out ones included) and
`finish` once the game is over; a game the player leaves early gets no `finish`. Every argument is
a plain engine value from `quiz.core.session`, so a results store can implement this without
importing Textual. Calls happen on the UI thread: keep them quick (a single SQLite insert is fine).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from quiz.core.session import GameResult, GameSession, PresentedQuestion, QuestionResult


class ResultsSink(Protocol):
    """Receives each game as it is played."""

    def start(self, session: GameSession) -> None:
        """A game begins: `session.settings` (player, class), `session.seed`, `session.rule`."""

    def record(self, question: PresentedQuestion, result: QuestionResult) -> None:
        """One question was answered or timed out."""

    def finish(self, result: GameResult) -> None:
        """The last question was answered: the whole game's result."""


class NoResults:
    """The default sink: results are shown on screen and kept nowhere."""

    def start(self, session: GameSession) -> None:
        pass

    def record(self, question: PresentedQuestion, result: QuestionResult) -> None:
        pass

    def finish(self, result: GameResult) -> None:
        pass


__all__ = ["NoResults", "ResultsSink"]
