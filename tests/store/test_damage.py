"""A damaged results database: every export says so in one line and exits non-zero.

The damage is done to the real file, page by page, as a failing disk or a misdirected write does
it: no traceback, and never a table that quietly misses rows.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.core.models import QuestionSet
from quiz.store.db import DamagedDatabaseError, ResultsStore

from .helpers import ALL_RIGHT, SET_FILE, play

EXPORTS = ("attempts", "answers", "leaderboard", "report", "skills")


def page_of(db: Path, name: str) -> tuple[int, int]:
    """The root page of a table or index, and the page size."""
    connection = sqlite3.connect(db)
    try:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    finally:
        connection.close()
    return root, size


def overwrite_page(db: Path, page: int, size: int, data: bytes) -> None:
    with db.open("r+b") as stream:
        stream.seek((page - 1) * size)
        stream.write(data)


def misdirected_write(db: Path) -> None:
    """The index of attempts by set gets the bytes of another index's page: a valid page, in the
    wrong place. Queries through it find nothing, and say nothing."""
    source, size = page_of(db, "attempts_by_player")
    target, _ = page_of(db, "attempts_by_set")
    with db.open("rb") as stream:
        stream.seek((source - 1) * size)
        data = stream.read(size)
    overwrite_page(db, target, size, data)


def noise_in_the_answers(db: Path) -> None:
    page, size = page_of(db, "answers")
    noise = random.Random(9).randbytes(size)
    overwrite_page(db, page, size, noise)


def broken_text(db: Path) -> None:
    """Bytes of a name that are not UTF-8, as a flipped bit in a text leaves them."""
    connection = sqlite3.connect(db)
    connection.execute("UPDATE players SET name = CAST(x'4cc3' AS TEXT) WHERE name = 'Hugo'")
    connection.commit()
    connection.close()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "misdirected write": misdirected_write,
    "noise in the answers": noise_in_the_answers,
    "broken text": broken_text,
}


@pytest.fixture
def played_db(db_path: Path, question_set: QuestionSet) -> Path:
    with ResultsStore.open(db_path) as store:
        play(store, question_set, "Léa", "5e B", ALL_RIGHT)
        play(store, question_set, "Hugo", "5e B", {**ALL_RIGHT, "ville": [1]})
        play(store, question_set, "Noah", "5e B", {"ville": [0]}, finish=False)
    assert not Path(f"{db_path}-wal").exists()  # everything is in the main file
    return db_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(main, list(arguments))


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("kind", EXPORTS)
def test_every_export_of_a_damaged_database_is_one_clear_error(
    played_db: Path, tmp_path: Path, kind: str, damage: str
) -> None:
    DAMAGE[damage](played_db)
    output = tmp_path / "export.csv"
    result = run(kind, str(SET_FILE), "--db", str(played_db), "-o", str(output))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: the results database ")
    assert "is damaged" in line
    assert "Traceback" not in result.output
    assert not output.exists()
    to_stdout = run(kind, str(SET_FILE), "--db", str(played_db))
    assert to_stdout.exit_code == 1
    assert to_stdout.stderr.splitlines() == [line]


def test_a_sound_database_passes_the_check(played_db: Path) -> None:
    with ResultsStore.open(played_db, read_only=True) as store:
        store.check_integrity()
    misdirected_write(played_db)
    with ResultsStore.open(played_db, read_only=True) as store:
        assert store.leaderboard("japon-russie-2plus2") == []  # what the damage did before
        with pytest.raises(DamagedDatabaseError, match="attempts_by_set"):
            store.check_integrity()


def test_random_damage_never_gives_a_traceback(played_db: Path, tmp_path: Path) -> None:
    """Bytes of noise anywhere after the header: each export either works (the noise fell where
    nothing is read) or says in one line that the database is damaged."""
    original = played_db.read_bytes()
    chance = random.Random(20131102)
    outcomes = set()
    for trial in range(12):
        damaged = tmp_path / f"damaged-{trial}.sqlite3"
        data = bytearray(original)
        start = chance.randrange(4096, len(data) - 64)  # page 1 (the header) stays whole
        data[start : start + 64] = chance.randbytes(64)
        damaged.write_bytes(bytes(data))
        for kind in EXPORTS:
            result = run(kind, str(SET_FILE), "--db", str(damaged))
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                trial,
                kind,
                repr(result.exception),
            )
            if result.exit_code:
                (line,) = result.stderr.splitlines()
                assert "is damaged" in line, line
            outcomes.add(result.exit_code)
    assert outcomes == {0, 1}  # some damage was met, some was not
