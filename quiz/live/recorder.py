"""The live game's writer: every write to the results store runs, in order, on one thread, and the
writes waiting together are committed together.

Thirty students (or two thousand) answering within a second would cost a disk sync each if every
answer were its own transaction; here each burst waiting in the queue is one transaction (one
sync), each write in it a savepoint that succeeds or fails alone (`ResultsStore.batch`), and the
answers in it one statement (`record_answers`): the thread does as little as it can, because
every SQLite call it makes takes the interpreter's lock from the busy event loop. The loop never
waits on SQLite: it awaits a future, resolved once the write is committed, so a player's answer
is acknowledged only when it would survive the host's crash.

The journal is checkpointed (copied into the database) only when the game asks (`checkpoint`,
between questions), after the writes committed with it are settled: SQLite's own checkpoints, run
by whichever commit fills the journal, would hold up the answers of that commit.

A store problem never stops the game: the write's future raises `StoreError`, and the first
problem is kept in `problem` (and passed to `on_problem`) for the host's screen to show.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from quiz.store.db import AnswerRecord, ResultsStore, StoreError

T = TypeVar("T")

MAX_BATCH = 1000
"""Writes committed together at most: bounds how long one transaction holds the lock."""


class _Checkpoint:
    """The request to checkpoint the journal, queued like a write."""


CHECKPOINT = _Checkpoint()

_Write = tuple[Callable[[ResultsStore], Any] | AnswerRecord | _Checkpoint, "asyncio.Future[Any]"]
_Batch = list[_Write]


class Recorder:
    """Owns one `ResultsStore` on one thread; `run` and `submit` queue writes (and reads) on it."""

    def __init__(self, store: ResultsStore, loop: asyncio.AbstractEventLoop) -> None:
        self.store = store
        self._loop = loop
        self._queue: queue.SimpleQueue[_Batch | None] = queue.SimpleQueue()
        self._outbox: _Batch = []
        """Writes of this turn of the event loop, handed to the thread together at its end."""
        store.defer_checkpoints()
        self._thread = threading.Thread(target=self._work, name="quiz-live-store", daemon=True)
        self._closed = False
        self.problem: str | None = None
        """The first store problem met (results may be missing since), or None."""
        self.on_problem: Callable[[str], None] | None = None
        self._thread.start()

    def submit(self, write: Callable[[ResultsStore], T]) -> asyncio.Future[T]:
        """Queue `write(store)`; the future gives its result once committed (or its error)."""
        future: asyncio.Future[T] = self._loop.create_future()
        self._queue_write((write, future))
        return future

    def record(self, answer: AnswerRecord) -> asyncio.Future[None]:
        """Queue one answer; answers queued together are inserted together."""
        future: asyncio.Future[None] = self._loop.create_future()
        self._queue_write((answer, future))
        return future

    def checkpoint(self) -> asyncio.Future[None]:
        """Queue a checkpoint of the journal, run once the writes queued with it are settled."""
        future: asyncio.Future[None] = self._loop.create_future()
        self._queue_write((CHECKPOINT, future))
        return future

    def _queue_write(self, write: _Write) -> None:
        if self._closed:
            write[1].set_exception(StoreError("the results store is closed"))
            return
        self._outbox.append(write)
        if len(self._outbox) == 1:  # one wake-up of the thread per turn of the loop, not per write
            self._loop.call_soon(self._hand_over)

    def _hand_over(self) -> None:
        batch, self._outbox = self._outbox, []
        if batch:
            self._queue.put(batch)

    async def run(self, write: Callable[[ResultsStore], T]) -> T:
        return await self.submit(write)

    async def close(self) -> None:
        """Commit what is queued, then close the store (the thread ends)."""
        if self._closed:
            return
        self._closed = True
        self._hand_over()
        self._queue.put(None)
        await asyncio.to_thread(self._thread.join)
        self.store.close()

    # --- The writer thread ------------------------------------------------------------------------

    def _work(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            batch: _Batch = []
            if first is None:
                stop = True
            else:
                batch += first
            while len(batch) < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                else:
                    batch += item
            if batch:
                self._commit(batch)

    def _commit(self, batch: list[_Write]) -> None:
        checkpoints = [future for write, future in batch if write is CHECKPOINT]
        if checkpoints:
            batch = [(write, future) for write, future in batch if write is not CHECKPOINT]
        self._commit_writes(batch)
        if checkpoints:
            error: BaseException | None = None
            try:
                self.store.checkpoint()
            except Exception as failure:
                error = _as_store_error(failure)
            outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]] = [
                (future, None, error) for future in checkpoints
            ]
            self._loop.call_soon_threadsafe(self._settle, outcomes)

    def _commit_writes(self, batch: list[_Write]) -> None:
        if not batch:
            return
        outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]] = []
        answers: list[tuple[AnswerRecord, asyncio.Future[Any]]] = []
        try:
            with self.store.batch():
                for write, future in batch:
                    if isinstance(write, AnswerRecord):
                        answers.append((write, future))
                        continue
                    assert not isinstance(write, _Checkpoint)  # taken out by `_commit`
                    outcomes += self._answers(answers)  # in order: what came before goes first
                    answers = []
                    try:
                        outcomes.append((future, write(self.store), None))
                    except Exception as error:  # one write's failure is that write's alone
                        outcomes.append((future, None, _as_store_error(error)))
                outcomes += self._answers(answers)
        except Exception as error:  # the commit itself failed: none of them is saved
            failure = _as_store_error(error)
            outcomes = [(future, None, failure) for _, future in batch]
        self._loop.call_soon_threadsafe(self._settle, outcomes)

    def _answers(
        self, answers: list[tuple[AnswerRecord, asyncio.Future[Any]]]
    ) -> list[tuple[asyncio.Future[Any], Any, BaseException | None]]:
        """Insert answers in one statement; if it is refused, one by one, to refuse only the bad."""
        if not answers:
            return []
        try:
            self.store.record_answers([record for record, _ in answers])
            return [(future, None, None) for _, future in answers]
        except StoreError as error:
            if len(answers) == 1:
                return [(answers[0][1], None, error)]
        outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]] = []
        for record, future in answers:
            try:
                self.store.record_answers([record])
                outcomes.append((future, None, None))
            except StoreError as error:
                outcomes.append((future, None, error))
        return outcomes

    def _settle(
        self, outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]]
    ) -> None:
        for future, result, error in outcomes:
            if error is not None and self.problem is None:
                self.problem = str(error)
                if self.on_problem is not None:
                    self.on_problem(self.problem)
            if future.done():
                continue
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)


def _as_store_error(error: Exception) -> StoreError:
    return (
        error if isinstance(error, StoreError) else StoreError(f"{type(error).__name__}: {error}")
    )
