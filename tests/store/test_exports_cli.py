"""The teacher's commands end to end: a real database a class played into, the real set file,
`quiz leaderboard|report|answers|skills|attempts` through click, and the CSV read back."""

from __future__ import annotations

import csv
import io
import sqlite3
import statistics
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.core.models import QuestionSet
from quiz.store.db import ResultsStore

from .helpers import ALL_RIGHT, DATA, SET_FILE, T0, play

SET_ID = "japon-russie-2plus2"
OLD_VERSION = "00dc0ffee0000000"


@pytest.fixture
def class_db(db_path: Path, question_set: QuestionSet) -> Path:
    """5e B and 4e A played the set; Noah's game was killed; last year's version had one player."""
    with ResultsStore.open(db_path) as store:
        play(store, question_set, "Ancien", "5e B", ALL_RIGHT, set_hash=OLD_VERSION)
        later = T0 + timedelta(days=30)
        play(store, question_set, "Léa", "5e B", ALL_RIGHT, start=later, seconds=6)
        play(
            store,
            question_set,
            "Hugo",
            "5e B",
            {**ALL_RIGHT, "ville": [1], "voix": [0, 2]},
            start=later,
            seconds=9,
        )
        play(
            store,
            question_set,
            "Inès",
            "5e B",
            {**ALL_RIGHT, "source": [2], "hypothese": True, "iles": -4.5},
            start=later,
            seconds=12,
        )
        play(store, question_set, "Zoé", "4e A", {**ALL_RIGHT, "ville": [1]}, start=later)
        play(
            store,
            question_set,
            "Noah",
            "5e B",
            {"ville": [0], "source": [0]},
            start=later,
            finish=False,
        )
    return db_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(main, list(arguments), catch_exceptions=False)


def export(
    kind: str, db: Path, tmp_path: Path, *extra: str, target: str = str(SET_FILE)
) -> list[dict[str, str]]:
    output = tmp_path / f"{kind}.csv"
    result = run(kind, target, "--db", str(db), "-o", str(output), *extra)
    assert result.exit_code == 0, result.output
    with output.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_leaderboard(class_db: Path, tmp_path: Path, question_set: QuestionSet) -> None:
    rows = export("leaderboard", class_db, tmp_path)
    assert [(r["rank"], r["player"], r["class"], r["score"], r["correct"]) for r in rows] == [
        ("1", "Léa", "5e B", "5000", "5"),
        ("2", "Zoé", "4e A", "4000", "4"),
        ("3", "Hugo", "5e B", "3000", "3"),
        ("4", "Inès", "5e B", "2000", "2"),
    ]
    assert rows[0]["accuracy %"] == "100.0"
    assert rows[0]["total time (s)"] == "30.0"
    assert rows[0]["finished at"] == "2026-04-15 09:05:00"
    assert {r["set version"] for r in rows} == {question_set.content_hash}
    in_class = export("leaderboard", class_db, tmp_path, "--class", "4e A")
    assert [(r["rank"], r["player"]) for r in in_class] == [("1", "Zoé")]


def test_leaderboard_on_stdout_in_french_excel_form(class_db: Path) -> None:
    result = run("leaderboard", SET_ID, "--db", str(class_db), "--delimiter", ";")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    text = result.stdout_bytes.decode("utf-8-sig")
    assert text.startswith("rank;player;class;score;correct;questions;accuracy %;")
    assert "\r\n1;Léa;5e B;5000;5;5;100,0;30,0;2026-04-15 09:05:00;" in text


def test_versions_are_never_mixed(class_db: Path, tmp_path: Path) -> None:
    old = export("leaderboard", class_db, tmp_path, "--set-version", OLD_VERSION[:6])
    assert [(r["player"], r["set version"]) for r in old] == [("Ancien", OLD_VERSION)]
    every = export("leaderboard", class_db, tmp_path, "--all-versions")
    assert [(r["rank"], r["player"]) for r in every][-1] == ("1", "Ancien")
    result = run("leaderboard", SET_ID, "--db", str(class_db))
    assert "has 2 versions with results" in result.stderr
    result = run("leaderboard", SET_ID, "--db", str(class_db), "--set-version", "ffff")
    assert result.exit_code == 1
    assert "is not a version with results" in result.stderr


def test_report(class_db: Path, tmp_path: Path) -> None:
    rows = {r["question id"]: r for r in export("report", class_db, tmp_path)}
    assert list(rows) == ["ville", "source", "voix", "hypothese", "iles"]
    ville = rows["ville"]
    assert ville["prompt"] == "Dans quelle ville les quatre ministres se sont-ils réunis ?"
    assert (ville["skill"], ville["answers"], ville["facility %"]) == ("comprehension", "4", "50.0")
    assert ville["wrong choices picked"] == "Moscou (2) | Pékin (0) | Vladivostok (0)"
    # A choice text that looks like a formula stays text in the spreadsheet.
    assert rows["source"]["wrong choices picked"].startswith("'=HYPERLINK(")
    assert rows["voix"]["wrong choices picked"] == "Tokyo (1) | Moscou (0)"
    assert rows["hypothese"]["wrong choices picked"] == "Vrai (1)"
    assert rows["iles"]["wrong choices picked"] == "'-4.5 (1)"  # starts with "-": neutralised
    assert float(rows["iles"]["mean time (s)"]) == pytest.approx(9.25, abs=0.051)
    for question_id, row in rows.items():
        assert float(row["discrimination %"]) == pytest.approx(
            _item_rest(question_id, class_db), abs=0.051
        )


def _item_rest(question_id: str, db: Path) -> float:
    """The index recomputed here, straight from SQL, as an independent check of the export."""
    connection = sqlite3.connect(db)
    rows = connection.execute(
        "SELECT attempt_id, question_id, fraction FROM answers "
        "JOIN attempts a ON a.id = attempt_id WHERE a.finished_at IS NOT NULL AND a.set_hash <> ?",
        (OLD_VERSION,),
    ).fetchall()
    connection.close()
    totals: dict[int, float] = {}
    item: dict[int, float] = {}
    for attempt, qid, fraction in rows:
        totals[attempt] = totals.get(attempt, 0.0) + fraction
        if qid == question_id:
            item[attempt] = fraction
    attempts = sorted(totals)
    xs = [item.get(a, 0.0) for a in attempts]
    return 100 * statistics.correlation(
        xs, [totals[a] - x for a, x in zip(attempts, xs, strict=True)]
    )


def test_report_by_id_finds_the_set_in_a_questions_folder(class_db: Path, tmp_path: Path) -> None:
    rows = export("report", class_db, tmp_path, "--questions", str(DATA), target=SET_ID)
    assert rows[0]["prompt"].startswith("Dans quelle ville")


def test_report_by_unknown_id_works_from_the_database_alone(class_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no-sets"
    empty.mkdir()
    result = run("report", SET_ID, "--db", str(class_db), "--questions", str(empty))
    assert result.exit_code == 0
    assert "no set file found" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    ville = next(r for r in rows if r["question id"] == "ville")
    assert ville["prompt"] == ""
    assert ville["wrong choices picked"] == "Moscou (2)"  # counted by the answers' text


def test_answers_has_one_row_per_student_per_question(class_db: Path, tmp_path: Path) -> None:
    rows = export("answers", class_db, tmp_path)
    assert len(rows) == 4 * 5 + 2  # four finished games, and Noah's two answers
    noah = [r for r in rows if r["player"] == "Noah"]
    assert [(r["status"], r["question id"]) for r in noah] == [
        ("unfinished", "ville"),
        ("unfinished", "source"),
    ]
    ines_iles = next(r for r in rows if r["player"] == "Inès" and r["question id"] == "iles")
    assert (ines_iles["answer"], ines_iles["correct"], ines_iles["points"]) == ("-4.5", "0", "0")
    assert ines_iles["answered at"] == "2026-04-15 09:01:00"


def test_skills_per_student(class_db: Path, tmp_path: Path) -> None:
    rows = {r["player"]: r for r in export("skills", class_db, tmp_path)}
    assert list(next(iter(rows.values()))) == [
        "player",
        "class",
        "answers",
        "comprehension %",
        "sourcing %",
        "fact_vs_opinion %",
        "missing_voices %",
        "overall %",
        "set version",
    ]
    assert set(rows) == {"Zoé", "Hugo", "Inès", "Léa"}  # Noah never finished
    hugo = rows["Hugo"]
    assert (hugo["comprehension %"], hugo["missing_voices %"], hugo["overall %"]) == (
        "50.0",
        "25.0",
        "65.0",
    )
    assert rows["Inès"]["fact_vs_opinion %"] == "0.0"


def test_attempts_lists_the_unfinished_games(class_db: Path, tmp_path: Path) -> None:
    rows = export("attempts", class_db, tmp_path)
    unfinished = [
        (r["player"], r["answered"], r["questions"]) for r in rows if r["status"] == "unfinished"
    ]
    assert unfinished == [("Noah", "2", "5")]
    assert all(r["finished at"] for r in rows if r["status"] == "finished")


def test_mistakes_get_one_clear_line(class_db: Path, tmp_path: Path) -> None:
    result = run("leaderboard", "no-such-set", "--db", str(class_db))
    assert result.exit_code == 1
    assert "no results for set 'no-such-set'" in result.stderr
    assert SET_ID in result.stderr
    result = run("leaderboard", SET_ID, "--db", str(tmp_path / "absent.sqlite3"))
    assert result.exit_code == 1
    assert "no results database" in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    result = run("report", str(broken), "--db", str(class_db))
    assert result.exit_code == 1
    assert "broken.yaml:" in result.stderr
    result = run("answers", SET_ID, "--db", str(class_db), "--delimiter", "::")
    assert result.exit_code == 2
    assert "--delimiter" in result.stderr
    result = run("answers", SET_ID, "--db", str(class_db), "-o", str(tmp_path / "nope" / "a.csv"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_quiz_db_names_the_database(class_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_DB", str(class_db))
    result = run("leaderboard", SET_ID)
    assert result.exit_code == 0
    assert "Léa" in result.stdout_bytes.decode("utf-8-sig")


def test_answers_in_french_excel_form_keep_numbers_as_numbers(class_db: Path) -> None:
    result = run("answers", SET_ID, "--db", str(class_db), "--delimiter", ";", "--class", "5e B")
    assert result.exit_code == 0, result.stderr
    text = result.stdout_bytes.decode("utf-8-sig")
    assert "\r\r\n" not in text
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert {r["class"] for r in rows} == {"5e B"}
    hugo_voix = next(r for r in rows if r["player"] == "Hugo" and r["question id"] == "voix")
    assert (hugo_voix["fraction"], hugo_voix["time (s)"]) == ("0,25", "9,0")
    assert ";0,25;0;9,0;0;" in text  # unquoted: numbers to French Excel


HOSTILE_NAMES = ["=cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3", "+HYPERLINK(1)"]


@pytest.mark.parametrize("kind", ["leaderboard", "answers", "skills", "attempts", "report"])
def test_no_export_lets_a_formula_through(
    kind: str, db_path: Path, question_set: QuestionSet, tmp_path: Path
) -> None:
    with ResultsStore.open(db_path) as store:
        for name in HOSTILE_NAMES:
            play(store, question_set, name, "=1+1", {**ALL_RIGHT, "iles": "=2*2"})
    for delimiter in (",", ";"):
        output = tmp_path / f"{kind}.csv"
        result = run(
            kind, str(SET_FILE), "--db", str(db_path), "-o", str(output), "--delimiter", delimiter
        )
        assert result.exit_code == 0, result.stderr
        with output.open(encoding="utf-8-sig", newline="") as stream:
            cells = [cell for row in csv.reader(stream, delimiter=delimiter) for cell in row]
        dangerous = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))]
        assert dangerous == []
        if kind == "report":
            assert "'=2*2 (4)" in cells  # the wrong typed answers, counted
        else:
            assert "'=cmd|' /C calc'!A0" in cells


def test_the_written_files_name_is_printed_cleaned(class_db: Path, tmp_path: Path) -> None:
    # A real process, its raw stderr: the output's name holds an OSC 52 (write the clipboard).
    output = tmp_path / "\x1b]52;c;cm0gLXJmIH4=\x07answers.csv"
    command = ["answers", str(SET_FILE), "--db", str(class_db), "-o", str(output)]
    done = subprocess.run(
        [sys.executable, "-m", "quiz", *command],
        capture_output=True,
        check=False,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert output.is_file()
    message = done.stderr.decode("utf-8")
    assert f"to {tmp_path}/]52;c;cm0gLXJmIH4=answers.csv" in message
    assert "\x1b" not in message
    assert "\x07" not in message


HIDDEN_NAMES = ["＝1+1", "＠SUM(A1:A9)", "－2+3", "＋HYPERLINK(1)"]


@pytest.mark.parametrize("kind", ["leaderboard", "answers", "skills", "attempts", "report"])
def test_no_export_lets_a_formula_through_behind_spaces_or_in_full_width(
    kind: str, db_path: Path, question_set: QuestionSet, tmp_path: Path
) -> None:
    # Names lose their leading spaces when stored; typed answers keep them.
    with ResultsStore.open(db_path) as store:
        for name in HIDDEN_NAMES:
            play(store, question_set, name, "＝1", {**ALL_RIGHT, "iles": "\u3000\t=2*2"})
    output = tmp_path / f"{kind}.csv"
    result = run(kind, str(SET_FILE), "--db", str(db_path), "-o", str(output))
    assert result.exit_code == 0, result.stderr
    with output.open(encoding="utf-8-sig", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    visible = ["".join(c.split()).lstrip("\u200b\ufeff") for c in cells]
    dangerous = [c for c in visible if c.startswith(("=", "+", "-", "@", "＝", "＋", "－", "＠"))]
    assert dangerous == []
    if kind == "answers":
        assert "'\u3000 =2*2" in cells  # stored with its tab as a space
    elif kind == "report":
        assert "'=2*2 (4)" in cells
    else:
        assert "'＝1+1" in cells
