"""A game killed half-way keeps every answer it committed, and nothing half-written.

A writer process records answers as fast as it can and is SIGKILLed at a random moment, often in
the middle of a transaction, 30 times over the same attempt, each time resumed where it stopped.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.store.db import ResultsStore

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).parent.parent.parent
SET_ID, SET_HASH = "concurrency", "0123456789abcdef"
QUESTIONS = 100_000


def start_writer(db_path: Path, attempt: int | None) -> subprocess.Popen[str]:
    resume = ["--attempt", str(attempt)] if attempt else []
    return subprocess.Popen(
        [
            sys.executable,
            str(WRITER),
            str(db_path),
            "Léa",
            str(QUESTIONS),
            "--questions",
            str(QUESTIONS),
            *resume,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        text=True,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_thirty_kills_in_mid_game_lose_nothing_committed(tmp_path: Path) -> None:
    db_path = tmp_path / "classe.sqlite3"
    chance = random.Random(20131102)
    attempt: int | None = None
    previous = 0
    for _ in range(30):
        writer = start_writer(db_path, attempt)
        assert writer.stdout is not None
        started = writer.stdout.readline().split()
        assert started[:1] == ["started"], writer.stderr.read() if writer.stderr else ""
        attempt = int(started[1])
        lines = [writer.stdout.readline() for _ in range(chance.randint(0, 3))]
        time.sleep(chance.uniform(0, 0.01))  # lands anywhere, often inside a transaction
        writer.send_signal(signal.SIGKILL)
        # Read the rest through the same buffered stream: `communicate()` reads the raw pipe and
        # would lose lines that readline() had already buffered (a busy machine buffers several).
        rest = writer.stdout.read()
        assert writer.wait() == -signal.SIGKILL
        # The writer prints each answer after its commit: the last line it got out is committed.
        lines += rest.splitlines()
        writer.stdout.close()
        writer.stderr.close()  # type: ignore[union-attr]
        reported = [int(line.split()[1]) for line in lines if line.startswith("answered")]
        last_reported = max(reported, default=0)

        with ResultsStore.open(db_path, create=False) as store:
            assert store.integrity_check() == "ok"
            (unfinished,) = store.unfinished_attempts("Léa", SET_ID, SET_HASH)
            given = store.attempt_answers(attempt)
        assert unfinished.id == attempt
        assert unfinished.answered == len(given)
        # Every answer reported before the kill was committed; at most one more slipped in.
        assert last_reported <= len(given) <= max(last_reported, previous) + 1
        previous = len(given)
        # The answers run 1..n without a gap, each one whole.
        assert [a.question_number for a in given] == list(range(1, len(given) + 1))
        for answer in given:
            n = answer.question_number
            assert answer.question_id == f"q{n}"
            assert answer.answer_text == f"réponse {n}"
            assert answer.answer_json == {"choices": [n % 4]}
            assert answer.points == (900 if n % 3 else 0)
    assert previous > 30  # the game went on across the kills
