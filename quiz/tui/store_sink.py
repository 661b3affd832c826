"""The game's results sink backed by the SQLite results store, written from one background thread.

`StoreSink` implements `quiz.tui.sink.ResultsSink` with `quiz.store.db.ResultsStore`: an attempt
is started with the game (its seed and the set's content hash), each answer is committed the moment
it is given, and the attempt is finished with the game. Every database call runs, in order, on one
worker thread, so a write that waits for another student's lock (SQLite's busy timeout) never
freezes the screen; the app awaits the reads it needs (`call`).

A database problem never stops the game, and never leaves a hole in it. A write that fails (a full
disk, a database locked too long) is kept, in order, and tried again before each later write and
when the app closes; the writes after it wait behind it. So the stored answers of a game are always
its first ones (a resumed game goes on right after them), and a game is marked finished only once
every answer before it is stored. The student is told once, in plain words, that answers are not
being saved, and told again when they all are. A write the store refuses for what it says (it can
never succeed) drops the rest of its game: the game stays unfinished rather than finished with a
hole. The store itself knows nothing of Textual; this adapter is the only place where the two meet.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quiz.core.text import clean_text
from quiz.tui.sink import SavedAnswer

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

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
    from quiz.tui.i18n import Strings
    from quiz.tui.preload import BrokenSetFile, SetEntry

T = TypeVar("T")

TOP_SCORES = 10
"""How many of the class's best scores the results screen lists."""


@dataclass(frozen=True)
class Standing:
    """Where a finished game puts its player among their class on that set, version and rule."""

    top: list[LeaderboardRow]
    """The best `TOP_SCORES` rows (each player's best game)."""
    own: LeaderboardRow | None
    """The player's row (their best game), or None if the game could not be saved."""
    players: int
    """How many players of the class have finished this set."""
    answers_waiting: int | None = None
    """When the game is not all in the database yet: how many of its answers still wait to be
    written (it is on no leaderboard until they are, and its end with them). None: all saved."""


@dataclass(frozen=True)
class _Write:
    """One write of a game, kept until the database has it."""

    game: int
    """Which game it belongs to (`StoreSink.start` and `continue_attempt` count them)."""
    run: Callable[[ResultsStore], object]
    is_answer: bool = False


class StoreSink:
    """Sends every game to a results database; see the module docstring.

    `path` is opened on the worker thread the first time it is needed (None: `$QUIZ_DB`, else
    the user's data folder, created if need be). Call `attach(app)` so that problems reach the
    screen, and `close()` when the app has exited: it tries the writes still waiting one last
    time, and `unsaved()` then says what could not be saved.
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = None if path is None else Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quiz-results")
        self._store: ResultsStore | None = None
        self._attempt_id: int | None = None
        self._app: QuizApp | None = None
        self._game = 0  # the UI thread's count of games; writes carry it
        # Only the worker thread touches these three:
        self._waiting: deque[_Write] = deque()
        """Writes not saved yet, oldest first: each waits for the one before it."""
        self._refused_games: set[int] = set()
        """Games a write of which the store refused: the rest of each was dropped."""
        self._told_not_saved = False
        """The student was told answers are not being saved, and not yet that they all are."""
        self.problem: str | None = None
        """Why the last write or read failed, or None while none has."""

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
        """Try the writes still waiting one last time, then close the database."""
        self._executor.submit(self._save_waiting)
        self._executor.submit(self._close_store)
        self._executor.shutdown(wait=True)

    def unsaved(self) -> str | None:
        """After `close()`: what could not be saved, and why, in one sentence; None if all was."""
        if not self._waiting:
            return None
        answers = sum(write.is_answer for write in self._waiting)
        what = f"{answers} answer{'s' if answers != 1 else ''}" if answers else "the end of a game"
        where = self.path or "the results database"
        return f"{what} could not be saved in {where}: {self.problem or 'unknown reason'}"

    # --- ResultsSink ------------------------------------------------------------------------------

    def start(self, session: GameSession) -> None:
        settings, question_set = session.settings, session.question_set
        self._game += 1

        def write(store: ResultsStore) -> None:
            # Forget the last game's attempt first: this game's answers never go into it.
            self._attempt_id = None
            self._attempt_id = store.start_attempt(
                settings.player,
                settings.class_name or "",
                question_set.id,
                question_set.content_hash,
                question_set.title,
                str(session.rule),
                len(session.questions),
                session.seed,
            )

        self._save(write)

    def record(self, question: PresentedQuestion, result: QuestionResult) -> None:
        from quiz.core.answers import encode_answer

        answer_json = None if result.answer is None else encode_answer(result.answer)

        def write(store: ResultsStore) -> None:
            store.record_answer(
                self._current_attempt(),
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

        self._save(write, is_answer=True)

    def finish(self, result: GameResult) -> None:
        self._save(lambda store: store.finish_attempt(self._current_attempt()))

    # --- What keeping results makes possible ------------------------------------------------------

    @property
    def saves_results(self) -> bool:
        return True

    def class_leaderboard(self, strings: Strings, result: GameResult) -> Widget | None:
        """The class's best scores, read once this game's answers are written."""
        from quiz.tui.widgets.class_leaderboard import ClassLeaderboard

        return ClassLeaderboard(strings, self, result)

    def teacher_view(
        self, strings: Strings, entries: Sequence[SetEntry], broken: Sequence[BrokenSetFile]
    ) -> Screen[None] | None:
        """Every result of the database, and the exports."""
        from quiz.tui.screens.teacher import TeacherScreen

        return TeacherScreen(strings, self, entries, broken)

    # --- Resuming ---------------------------------------------------------------------------------

    async def unfinished(
        self, question_set: QuestionSet, settings: GameSettings
    ) -> AttemptInfo | None:
        """The player's newest unfinished game of this very version of the set, under the rule
        they would play now, with at least one answer given; None if there is none (or no store,
        or answers of an earlier game still wait to be written: the database is behind).
        """
        rule = str(settings.rule or question_set.defaults.scoring)

        def find(store: ResultsStore) -> AttemptInfo | None:
            if self._waiting:
                return None
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
        self._game += 1
        self._save(lambda store: self._resumed(attempt_id))

    # --- Reads for the screens --------------------------------------------------------------------

    async def standing(self, result: GameResult) -> Standing | None:
        """The class's best scores on the set just played, once this game's writes are done; if
        some still wait, a `Standing` that says how many (it agrees with the database)."""
        game = self._game

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

        def stand() -> Standing | None:
            self._save_waiting()
            if game in self._refused_games:  # not saved whole, and never will be: not ranked
                return None
            waiting = [write for write in self._waiting if write.game == game]
            if waiting and self._store is not None:
                return Standing([], None, 0, sum(write.is_answer for write in waiting))
            return self._reported(read)

        return await asyncio.wrap_future(self._executor.submit(stand))

    async def call(self, read: Callable[[ResultsStore], T]) -> T:
        """Run `read` on the worker thread, after every pending write, and return its value; its
        error (a `StoreError` with a clear message, usually) is raised here, to the caller."""
        return await asyncio.wrap_future(self._executor.submit(self._with_store, read))

    # --- Internals --------------------------------------------------------------------------------

    def _save(self, run: Callable[[ResultsStore], object], *, is_answer: bool = False) -> None:
        """On the UI thread: hand a write of the current game to the worker, which queues it and
        saves every write waiting. Everything below runs on the worker thread."""
        write = _Write(self._game, run, is_answer)
        self._executor.submit(self._save_after_the_others, write)

    def _save_after_the_others(self, write: _Write) -> None:
        if write.game not in self._refused_games:  # else it goes with the rest of its game
            self._waiting.append(write)
        self._save_waiting()

    def _save_waiting(self) -> None:
        """Save the waiting writes in order, up to the first that fails (it stays first)."""
        from quiz.store.db import RecordRefusedError

        while self._waiting:
            write = self._waiting[0]
            try:
                self._with_store(write.run)
            except RecordRefusedError as error:
                # It can never be saved: neither can the rest of its game, which must not be
                # finished (or resumed) with a hole in it. Later games go on.
                self._waiting = deque(w for w in self._waiting if w.game != write.game)
                self._refused_games.add(write.game)
                self.problem = str(error)
                self._tell(partial(_notify_refused, why=self.problem))
                continue
            except Exception as error:  # saving must never end the game: try again later
                self._tell_not_saved(_reason(error))
                return
            self._waiting.popleft()
        if self._told_not_saved:
            self._told_not_saved = False
            self._tell(_notify_saved)

    def _current_attempt(self) -> int:
        from quiz.store.db import RecordRefusedError

        if self._attempt_id is None:  # its game's start was refused: this write goes with it
            raise RecordRefusedError("the game has no attempt in the database")
        return self._attempt_id

    def _resumed(self, attempt_id: int) -> None:
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

    async def _quiet_read(self, read: Callable[[ResultsStore], T]) -> T | None:
        """A read the game can do without, after the waiting writes: its failure is reported
        like a write's, and gives None."""

        def after_the_writes() -> T | None:
            self._save_waiting()
            return self._reported(read)

        return await asyncio.wrap_future(self._executor.submit(after_the_writes))

    def _reported(self, job: Callable[[ResultsStore], T]) -> T | None:
        """One database read of the game: a failure is reported, not raised."""
        try:
            return self._with_store(job)
        except Exception as error:  # saving must never end the game
            self._tell_not_saved(_reason(error))
        return None

    def _tell_not_saved(self, why: str) -> None:
        """Tell the player that answers are not being saved and why: once, until they all are."""
        self.problem = why
        if self._told_not_saved:
            return
        self._told_not_saved = True
        self._tell(lambda app: _notify_not_saved(app, why))

    def _tell(self, notify: Callable[[QuizApp], None]) -> None:
        app = self._app
        if app is None or not app.is_running:
            return
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile: nobody left to tell
            app.call_from_thread(notify, app)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _reason(error: Exception) -> str:
    from quiz.store.db import StoreError

    return str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"


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


def _notify_refused(app: QuizApp, why: str) -> None:
    app.notify(
        app.strings("classroom.refused", why=clean_text(why)),
        title=app.strings("classroom.not_saved.title"),
        severity="error",
        timeout=30,
        markup=False,
    )


def _notify_saved(app: QuizApp) -> None:
    app.notify(
        app.strings("classroom.saved"),
        title=app.strings("classroom.saved.title"),
        timeout=15,
        markup=False,
    )
