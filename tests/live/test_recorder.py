"""The live game's store writer: writes queued together commit together, in order, and one that
the database refuses fails alone."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from quiz.live.recorder import Recorder
from quiz.store.db import AnswerRecord, ResultsStore, StoreError

from .conftest import rows_in_database_file


def answer(attempt: int, number: int, points: int) -> AnswerRecord:
    return AnswerRecord(
        attempt, f"q{number}", "context", number, "x", None, True, 1.0, 1.0, points, False
    )


async def test_a_refused_answer_fails_alone_and_order_is_kept(tmp_path: Path) -> None:
    recorder = Recorder(ResultsStore.open(tmp_path / "db.sqlite3"), asyncio.get_running_loop())
    try:
        session = await recorder.run(
            lambda s: s.start_live_session("set", "hash", "T", "classic", 1, "ABCDE", 3)
        )
        # Queued in one turn of the loop: a join, answers (one a second answer to q1), a read.
        joined = recorder.submit(lambda s: s.join_live_session(session, "Ana", "", "h"))
        first = recorder.record(answer(1, 1, 100))
        again = recorder.record(answer(1, 1, 999))
        second = recorder.record(answer(1, 2, 200))
        total = recorder.submit(lambda s: s.attempt(1).score)
        assert await joined == 1
        await first
        with pytest.raises(StoreError, match="answers refused"):
            await again
        await second
        assert await total == 300  # the read came after both good answers, in queue order
        assert recorder.problem is not None
        assert "UNIQUE" in recorder.problem
    finally:
        await recorder.close()
    with pytest.raises(StoreError, match="closed"):
        await recorder.run(lambda s: None)


async def test_a_checkpoint_comes_after_the_writes_queued_before_it(tmp_path: Path) -> None:
    """Commits never checkpoint the journal (an answer's commit would wait for it); the game
    asks for it between questions, and it runs after what was queued before it is committed."""
    path = tmp_path / "db.sqlite3"
    recorder = Recorder(ResultsStore.open(path), asyncio.get_running_loop())
    try:
        assert await recorder.run(lambda s: s.pragma("wal_autocheckpoint")) == 0
        session = await recorder.run(
            lambda s: s.start_live_session("set", "hash", "T", "classic", 1, "ABCDE", 3)
        )
        await recorder.run(lambda s: s.join_live_session(session, "Ana", "", "h"))
        await recorder.checkpoint()
        recorded = recorder.record(answer(1, 1, 100))
        checkpointed = recorder.checkpoint()
        assert rows_in_database_file(path, "SELECT count(*) FROM answers") == [(0,)]
        await checkpointed
        assert recorded.done()
        assert rows_in_database_file(path, "SELECT count(*) FROM answers") == [(1,)]
    finally:
        await recorder.close()
