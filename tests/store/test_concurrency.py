"""A whole class writing into one database at once: real processes on a real file.

30 students × 100 answers must all land, with no "database is locked" error. The same run with a
plain deferred `BEGIN` must fail, which proves that this test would catch the regression: a
deferred transaction that reads and then writes must upgrade its lock, and SQLite refuses the
upgrade at once when another process committed in between, whatever the busy timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from quiz.store.db import ResultsStore

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).parent.parent.parent


def run_class(db_path: Path, students: int, answers: int, *, deferred: bool) -> list[str]:
    """Run one writer process per student, released together; returns each one's stderr."""
    ResultsStore.open(db_path).close()  # created and migrated once, as the teacher's machine does
    go = db_path.with_suffix(".go")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(WRITER), str(db_path)]
    flags = ["--go", str(go), *(["--deferred"] if deferred else [])]
    writers = [
        subprocess.Popen(
            [*command, f"élève {i}", str(answers), *flags],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=environment,
            text=True,
        )
        for i in range(students)
    ]
    time.sleep(0.5)  # let every process open the database before they all start writing
    go.touch()
    errors = []
    for writer in writers:
        _, stderr = writer.communicate(timeout=120)
        errors.append(stderr if writer.returncode else "")
    return errors


def test_thirty_students_answer_at_once_without_a_lost_answer(tmp_path: Path) -> None:
    db_path = tmp_path / "classe.sqlite3"
    errors = run_class(db_path, students=30, answers=100, deferred=False)
    assert [e for e in errors if e] == []
    with ResultsStore.open(db_path, create=False) as store:
        assert store.integrity_check() == "ok"
        attempts = store.unfinished_attempts("élève 0", "concurrency", "0123456789abcdef")
        assert [a.answered for a in attempts] == [100]
        board_rows = store.answer_rows("concurrency", "0123456789abcdef")
        per_student: dict[str, int] = {}
        for row in board_rows:
            per_student[row[1]] = per_student.get(row[1], 0) + 1
    assert sum(per_student.values()) == 3000
    assert set(per_student.values()) == {100}
    assert len(per_student) == 30


def test_the_same_class_with_a_deferred_begin_fails(tmp_path: Path) -> None:
    db_path = tmp_path / "classe.sqlite3"
    errors = run_class(db_path, students=30, answers=100, deferred=True)
    failed = [e for e in errors if e]
    assert failed, "a deferred BEGIN should have hit 'database is locked'"
    assert all("database is locked" in e for e in failed), failed[:3]
    with ResultsStore.open(db_path, create=False) as store:
        assert store.integrity_check() == "ok"  # locked out, never corrupted
        stored = sum(1 for _ in store.answer_rows("concurrency", "0123456789abcdef"))
    assert stored < 3000
