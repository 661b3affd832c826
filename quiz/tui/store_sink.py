"""The game's results sink backed by the SQLite results store, written from one background thread.

`StoreSink` implements `quiz.tui.sink.ResultsSink` with `quiz.store.db.ResultsStore`: an attempt
is started with the game (its seed and the set's content hash), each answer is committed the moment
it is given, and the attempt is finished with the game. Every database call runs, in order, on one
worker thread, so a write that waits for another student's lock (SQLite's busy timeout) never
freezes the screen; the app awaits the reads it needs (`call`).

A database problem never stops the game: the student keeps playing, and the first problem is shown
once, with its reason, as a notice that results are not being saved. The store itself knows
nothing of Textual; this adapter is the only place where the two meet.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quiz.core.text import clean_text

if TYPE_CHECKING:
    from quiz.core.answers import Answer
    from quiz.core.models import QuestionSet
    from quiz.core.session import (
        GameResult,
        GameSession,
        GameSettings,
        PresentedQuestion,
        QuestionResult,
    )
    from quiz.store.db import AttemptInfo, LeaderboardRow, ResultsStore
    from quiz.tui.app import QuizApp

T = TypeVar("T")

TOP_SCORES = 10
"""How many of the class's best scores the results screen lists."""


@dataclass(frozen=True)
class SavedAnswer:
    """A stored answer as `GameSession.resume` reads it (`AnsweredQuestion`)."""

    question_id: str
    answer: Answer | None
    elapsed: float
    timed_out: bool


@dataclass(frozen=True)
class Standing:
    """Where a finished game puts its player among their class on that set, version and rule."""

    top: list[LeaderboardRow]
    """The best `TOP_SCORES` rows (each player's best game)."""
    own: LeaderboardRow | None
    """The player's row (their best game), or None if the game could not be saved."""
    players: int
    """How many players of the class have finished this set."""


class StoreSink:
    """Sends every game to a results database; see the module docstring.

    `path` is opened on the worker thread the first time it is needed (None: `$QUIZ_DB`, else
    the user's data folder, created if need be). Call `attach(app)` so that problems reach the screen, and `close()` when the app has
    exited: it waits for the last writes.
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = None if path is None else Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quiz-results")
        self._store: ResultsStore | None = None
        self._attempt_id: int | None = None
        self._app: QuizApp | None = None
        self.problem: str | None = None
        """Why results are not being saved (the first problem met), or None."""

    def attach(self, app: QuizApp) -> None:
        self._app = app

    @property
    def db_path(self) -> Path | None:
        """The database file, once opened."""
        return None if self._store is None else self._store.path

    @property
    def last_attempt_id(self) -> int | None:
        """The attempt the current (or last) game writes to, once the worker started it."""
        return self._attempt_id

    def close(self) -> None:
        """Wait for the pending writes, then close the database."""
        self._executor.submit(self._close_store)
        self._executor.shutdown(wait=True)

    # --- ResultsSink ------------------------------------------------------------------------------

    def start(self, session: GameSession) -> None:
        settings, question_set = session.settings, session.question_set
        # Forget the last game's attempt first, on the worker: if this start fails, this game's
        # answers must go nowhere rather than into the previous attempt.
        self._executor.submit(self._started, None)
        self._write(
            lambda store: self._started(
                store.start_attempt(
                    settings.player,
                    settings.class_name or "",
                    question_set.id,
                    question_set.content_hash,
                    question_set.title,
                    str(session.rule),
                    len(session.questions),
                    session.seed,
                )
            )
        )

    def record(self, question: PresentedQuestion, result: QuestionResult) -> None:
        from quiz.core.answers import encode_answer

        answer_json = None if result.answer is None else encode_answer(result.answer)

        def write(store: ResultsStore) -> None:
            if self._attempt_id is None:  # the attempt could not be started: already reported
                return
            store.record_answer(
                self._attempt_id,
                result.question_id,
                str(result.skill),
                question.number,
                result.answer_text,
                answer_json,
                result.correct,
                result.grade.fraction,
                result.elapsed,
                result.points,
                result.timed_out,
            )

        self._write(write)

    def finish(self, result: GameResult) -> None:
        def write(store: ResultsStore) -> None:
            if self._attempt_id is not None:
                store.finish_attempt(self._attempt_id)

        self._write(write)

    # --- Resuming ---------------------------------------------------------------------------------

    async def unfinished(
        self, question_set: QuestionSet, settings: GameSettings
    ) -> AttemptInfo | None:
        """The player's newest unfinished game of this very version of the set, under the rule
        they would play now, with at least one answer given; None if there is none (or no store).
        """
        rule = str(settings.rule or question_set.defaults.scoring)

        def find(store: ResultsStore) -> AttemptInfo | None:
            attempts = store.unfinished_attempts(
                settings.player,
                question_set.id,
                question_set.content_hash,
                class_name=settings.class_name or "",
            )
            usable = [a for a in attempts if a.seed is not None and a.rule == rule and a.answered]
            return usable[0] if usable else None

        return await self._quiet_read(find)

    async def saved_answers(self, attempt_id: int) -> list[SavedAnswer] | None:
        """The answers of an attempt as a resumed session replays them; None if unreadable."""

        from quiz.core.answers import decode_answer

        def read(store: ResultsStore) -> list[SavedAnswer]:
            return [
                SavedAnswer(
                    saved.question_id,
                    None if saved.timed_out else decode_answer(saved.answer_json),
                    saved.elapsed,
                    saved.timed_out,
                )
                for saved in store.attempt_answers(attempt_id)
            ]

        return await self._quiet_read(read)

    def continue_attempt(self, attempt_id: int) -> None:
        """The next answers go to this (resumed) attempt instead of a new one."""
        self._executor.submit(self._started, attempt_id)

    # --- Reads for the screens --------------------------------------------------------------------

    async def standing(self, result: GameResult) -> Standing | None:
        """The class's best scores on the set just played, once this game's writes are done."""

        def read(store: ResultsStore) -> Standing | None:
            attempt_id = self._attempt_id
            if attempt_id is None:
                return None
            rows = [
                row
                for row in store.leaderboard(
                    result.set_id, result.class_name or "", set_hash=result.content_hash
                )
                if row.rule == str(result.rule)
            ]
            own = next(
                (r for r in rows if r.attempt_id == attempt_id),
                next((r for r in rows if r.player == result.player), None),
            )
            return Standing(rows[:TOP_SCORES], own, len(rows))

        return await self._quiet_read(read)

    async def call(self, read: Callable[[ResultsStore], T]) -> T:
        """Run `read` on the worker thread, after every pending write, and return its value; its
        error (a `StoreError` with a clear message, usually) is raised here, to the caller."""
        return await asyncio.wrap_future(self._executor.submit(self._with_store, read))

    # --- Internals --------------------------------------------------------------------------------

    def _started(self, attempt_id: int | None) -> None:
        self._attempt_id = attempt_id

    def _with_store(self, job: Callable[[ResultsStore], T]) -> T:
        """Run `job` on the worker thread, opening the database the first time."""
        if self._store is None:
            # Imported here, on the worker: the store is no part of quiz's start-up.
            from quiz.store.db import ResultsStore, default_db_path, user_db_path

            target = self.path or default_db_path()
            # `open(None)` is the user's data folder, which it creates when it is missing.
            self._store = ResultsStore.open(None if target == user_db_path() else target)
        return job(self._store)

    def _write(self, write: Callable[[ResultsStore], object]) -> Future[object]:
        return self._executor.submit(self._reported, write)

    async def _quiet_read(self, read: Callable[[ResultsStore], T]) -> T | None:
        """A read the game can do without: its failure is reported like a write's, and gives None."""
        return await asyncio.wrap_future(self._executor.submit(self._reported, read))

    def _reported(self, job: Callable[[ResultsStore], T]) -> T | None:
        """One database job of the game on the worker thread: a failure is reported, not raised."""
        from quiz.store.db import StoreError

        try:
            return self._with_store(job)
        except StoreError as error:
            self._report(str(error))
        except Exception as error:  # saving must never end the game
            self._report(f"{type(error).__name__}: {error}")
        return None

    def _report(self, why: str) -> None:
        """Tell the player, once, that results are not being saved and why."""
        if self.problem is not None:
            return
        self.problem = why
        app = self._app
        if app is None or not app.is_running:
            return
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile: nobody left to tell
            app.call_from_thread(_notify_not_saved, app, why)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def top_rows_with_player(standing: Standing) -> Sequence[LeaderboardRow]:
    """The rows to show: the top scores, and the player's own row after them if it is lower."""
    rows = list(standing.top)
    if standing.own is not None and standing.own not in rows:
        rows.append(standing.own)
    return rows


def _notify_not_saved(app: QuizApp, why: str) -> None:
    app.notify(
        app.strings("classroom.not_saved", why=clean_text(why)),
        title=app.strings("classroom.not_saved.title"),
        severity="error",
        timeout=30,
        markup=False,
    )
