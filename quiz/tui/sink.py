"""Where a game's results go: the protocol the app calls, and a sink that keeps nothing.

The app calls `start` when a game begins, `record` after every answer (timed-out ones included) and
`finish` once the game is over; a game the player leaves early gets no `finish`. Those arguments
are plain engine values from `quiz.core.session`. Calls happen on the UI thread: keep them quick (a
single SQLite insert is fine).

What keeping results makes possible is asked of the sink too, never of which sink it is
(`ResultsSink`): whether it `saves_results`, the player's `unfinished` game to resume, the class's
leaderboard on the results screen, the teacher's view. A sink that keeps nothing answers False,
None and nothing; so does one that only records games (`RecordsGames`), through `results_sink`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

    from quiz.core.answers import Answer
    from quiz.core.models import QuestionSet
    from quiz.core.session import (
        GameResult,
        GameSession,
        GameSettings,
        PresentedQuestion,
        QuestionResult,
    )
    from quiz.store.db import AttemptInfo
    from quiz.tui.i18n import Strings
    from quiz.tui.preload import BrokenSetFile, SetEntry


@dataclass(frozen=True)
class SavedAnswer:
    """A stored answer as `GameSession.resume` reads it (`AnsweredQuestion`)."""

    question_id: str
    answer: Answer | None
    elapsed: float
    timed_out: bool


class RecordsGames(Protocol):
    """Receives each game as it is played: all a sink must do."""

    def start(self, session: GameSession) -> None:
        """A game begins: `session.settings` (player, class), `session.seed`, `session.rule`."""

    def record(self, question: PresentedQuestion, result: QuestionResult) -> None:
        """One question was answered or timed out."""

    def finish(self, result: GameResult) -> None:
        """The last question was answered: the whole game's result."""


@runtime_checkable
class ResultsSink(RecordsGames, Protocol):
    """Receives each game, and says what its keeping makes possible: what the app talks to."""

    @property
    def saves_results(self) -> bool:
        """Whether games are kept: then a game may resume and the teacher's view can open."""

    @property
    def problem(self) -> str | None:
        """Why the last write or read failed, or None while none has."""

    async def unfinished(
        self, question_set: QuestionSet, settings: GameSettings
    ) -> AttemptInfo | None:
        """The player's unfinished game of this set that can be resumed, or None."""

    async def saved_answers(self, attempt_id: int) -> list[SavedAnswer] | None:
        """The answers of an unfinished game, to replay it; None if they cannot be read."""

    def continue_attempt(self, attempt_id: int) -> None:
        """The next answers go to this (resumed) game instead of a new one."""

    def class_leaderboard(self, strings: Strings, result: GameResult) -> Widget | None:
        """The class's best scores for the results screen, or None."""

    def teacher_view(
        self, strings: Strings, entries: Sequence[SetEntry], broken: Sequence[BrokenSetFile]
    ) -> Screen[None] | None:
        """The teacher's view of every result (F3), or None."""


class NoResults:
    """The default sink: results are shown on screen and kept nowhere."""

    saves_results = False
    problem: str | None = None

    def start(self, session: GameSession) -> None:
        pass

    def record(self, question: PresentedQuestion, result: QuestionResult) -> None:
        pass

    def finish(self, result: GameResult) -> None:
        pass

    async def unfinished(
        self, question_set: QuestionSet, settings: GameSettings
    ) -> AttemptInfo | None:
        return None

    async def saved_answers(self, attempt_id: int) -> list[SavedAnswer] | None:
        return None

    def continue_attempt(self, attempt_id: int) -> None:
        pass

    def class_leaderboard(self, strings: Strings, result: GameResult) -> Widget | None:
        return None

    def teacher_view(
        self, strings: Strings, entries: Sequence[SetEntry], broken: Sequence[BrokenSetFile]
    ) -> Screen[None] | None:
        return None


class _OnlyRecords(NoResults):
    """A sink that only records games, answering the rest as one that keeps nothing."""

    def __init__(self, recorder: RecordsGames) -> None:
        self.recorder = recorder

    def start(self, session: GameSession) -> None:
        self.recorder.start(session)

    def record(self, question: PresentedQuestion, result: QuestionResult) -> None:
        self.recorder.record(question, result)

    def finish(self, result: GameResult) -> None:
        self.recorder.finish(result)


def results_sink(sink: RecordsGames | None) -> ResultsSink:
    """The sink the app talks to: `sink` itself when it is a whole `ResultsSink`; a sink that only
    records games (`start`, `record`, `finish`) with the answers of one that keeps nothing; and
    for None, one that keeps nothing. The one place that looks at what a sink can do."""
    if sink is None:
        return NoResults()
    if isinstance(sink, ResultsSink):
        return sink
    return _OnlyRecords(sink)


__all__ = ["NoResults", "RecordsGames", "ResultsSink", "SavedAnswer", "results_sink"]
