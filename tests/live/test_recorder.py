"""The live game's store writer: writes queued together commit together, in order, and one that
the database refuses fails alone."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from quiz.live.recorder import Recorder
from quiz.store.db import AnswerRecord, ResultsStore, StoreError


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
