"""A results database on a read-only disk or in a read-only folder: exports read it, and writing
says "read-only" rather than SQLite's "unable to open database file".

Two kinds of read-only, each real: a read-only mount (a 1 MB tmpfs remounted `ro`; needs root),
and a folder and files without write permission. Root ignores permissions, so as root the second
kind runs quiz in a subprocess stripped of that power (`setpriv`); otherwise it runs as it is.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from quiz.core.models import QuestionSet
from quiz.store.db import ResultsStore

from .helpers import ALL_RIGHT, SET_FILE, play

if TYPE_CHECKING:
    from conftest import SmallDisk  # the root conftest's `small_disk` fixture

ROOT = Path(__file__).resolve().parents[2]
WITHOUT_OVERRIDE = (
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
)
"""Root, but bound by file permissions like anybody else."""


class ReadOnlyFolder:
    """A folder to fill while it is writable, then `lock()`; `quiz(...)` runs quiz against it."""

    def __init__(self, path: Path, disk: SmallDisk | None) -> None:
        self.path = path
        self._disk = disk

    def lock(self) -> None:
        if self._disk is not None:
            self._disk.make_read_only()
            return
        for file in self.path.iterdir():
            file.chmod(0o444)
        self.path.chmod(0o555)

    def unlock(self) -> None:
        if self._disk is None:
            self.path.chmod(0o755)
            for file in self.path.iterdir():
                file.chmod(0o644)

    def python(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Python with quiz importable, in a new process that permissions bind."""
        prefix = WITHOUT_OVERRIDE if self._disk is None and os.geteuid() == 0 else ()
        return subprocess.run(
            [*prefix, sys.executable, *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(ROOT), "TZ": "UTC"},
            timeout=120,
        )

    def quiz(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return self.python("-m", "quiz", *arguments)


@pytest.fixture(params=["read-only mount", "no write permission"])
def read_only_folder(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReadOnlyFolder]:
    if os.name != "posix":
        pytest.skip("read-only folders are made with POSIX mounts or permissions")
    if request.param == "read-only mount":
        disk: SmallDisk = request.getfixturevalue("small_disk")
        folder = ReadOnlyFolder(disk.path, disk)
    else:
        if os.geteuid() == 0 and shutil.which("setpriv") is None:
            pytest.skip("as root, permissions bind only without CAP_DAC_OVERRIDE: needs setpriv")
        path = tmp_path / "locked"
        path.mkdir()
        folder = ReadOnlyFolder(path, None)
    yield folder
    folder.unlock()


@pytest.fixture
def played_db(db_path: Path, question_set: QuestionSet) -> Path:
    with ResultsStore.open(db_path) as store:
        play(store, question_set, "Léa", "5e B", ALL_RIGHT)
        play(store, question_set, "Hugo", "5e B", {**ALL_RIGHT, "ville": [1]})
    return db_path


def csv_rows(result: subprocess.CompletedProcess[str]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))


def copy_while_in_use(
    played_db: Path, question_set: QuestionSet, folder: Path, suffixes: tuple[str, ...]
) -> None:
    """Copy the database while the game writes: the newest answers are only in its -wal file."""
    reader = sqlite3.connect(played_db)  # keeps the journal from being merged at close
    reader.execute("SELECT 1 FROM players").fetchall()
    with ResultsStore.open(played_db) as store:
        play(store, question_set, "Inès", "5e B", ALL_RIGHT)
    for suffix in suffixes:
        shutil.copy(f"{played_db}{suffix}", folder / f"class.sqlite3{suffix}")
    reader.close()


def test_exports_read_a_database_on_a_read_only_disk(
    played_db: Path, read_only_folder: ReadOnlyFolder
) -> None:
    locked = read_only_folder.path / "class.sqlite3"
    shutil.copy(played_db, locked)  # closed cleanly: no -wal, no -shm
    read_only_folder.lock()
    for kind in ("leaderboard", "answers", "attempts", "report", "skills"):
        result = read_only_folder.quiz(kind, str(SET_FILE), "--db", str(locked))
        assert result.returncode == 0, (kind, result.stderr)
        assert csv_rows(result), kind
    leaderboard = csv_rows(read_only_folder.quiz("leaderboard", str(SET_FILE), "--db", str(locked)))
    assert [row["player"] for row in leaderboard] == ["Léa", "Hugo"]
    assert sorted(p.name for p in read_only_folder.path.iterdir()) == ["class.sqlite3"]


def test_exports_read_the_answers_still_in_the_journal_when_it_came_along(
    played_db: Path, question_set: QuestionSet, read_only_folder: ReadOnlyFolder
) -> None:
    copy_while_in_use(played_db, question_set, read_only_folder.path, ("", "-wal", "-shm"))
    read_only_folder.lock()
    locked = read_only_folder.path / "class.sqlite3"
    result = read_only_folder.quiz("leaderboard", str(SET_FILE), "--db", str(locked))
    assert result.returncode == 0, result.stderr
    assert "Inès" in [row["player"] for row in csv_rows(result)]


def test_a_journal_that_cannot_be_read_there_says_what_to_do(
    played_db: Path, question_set: QuestionSet, read_only_folder: ReadOnlyFolder
) -> None:
    # The -shm index was left behind: SQLite would have to create it to read the journal.
    copy_while_in_use(played_db, question_set, read_only_folder.path, ("", "-wal"))
    read_only_folder.lock()
    locked = read_only_folder.path / "class.sqlite3"
    result = read_only_folder.quiz("leaderboard", str(SET_FILE), "--db", str(locked))
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "class.sqlite3-wal" in line
    assert "Copy both files to a folder you can write to" in line
    assert "unable to open database file" not in line


SAVE = """
import sys
from quiz.store.db import ResultsStore, StoreError
try:
    ResultsStore.open(sys.argv[1])
except StoreError as error:
    print(type(error).__name__, error)
"""


def test_saving_into_a_read_only_database_says_it_is_read_only(
    played_db: Path, read_only_folder: ReadOnlyFolder
) -> None:
    locked = read_only_folder.path / "class.sqlite3"
    shutil.copy(played_db, locked)
    read_only_folder.lock()
    for target in (locked, read_only_folder.path / "new.sqlite3"):
        # How the game opens it (its notice, `quiz serve`'s error, say the same).
        said = read_only_folder.python("-c", SAVE, str(target))
        assert said.stderr == ""
        assert said.stdout.startswith(
            f"ReadOnlyDatabaseError the results database {target} is read-only ("
        )
        assert "unable to open database file" not in said.stdout
        assert "--db PATH" in said.stdout
