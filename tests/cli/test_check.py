"""`quiz check` and `quiz schema` as a teacher runs them: a real process on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.core.schema import question_set_json_schema
from quiz.paths import bundled_questions_dir

REPO = Path(__file__).resolve().parents[2]

BROKEN = """\
id: broken
title: Broken on purpose
language: fr
article:
  headline: Un titre
questions:
  - id: q1
    type: singel
    skill: comprehension
    prompt: Qui ?
    explanation: x
    evidence: y
  - id: q2
    type: single
    skill: sourcng
    prompt: Qui ?
    choices: [Un, Deux]
    answer: Trois
    explanation: x
    evidence: y
"""


def test_check_reports_every_error_located_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{path}:8:11: error: unknown question type 'singel'" in lines
    assert f"{path}:15:12: error: unknown skill 'sourcng'" in lines
    assert any("did you mean 'sourcing'?" in line for line in lines)
    assert lines[-1].startswith("failed: 1 file, 0 valid sets")


def test_check_json_output_is_machine_readable(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["errors"] == len([d for d in report["diagnostics"] if d["severity"] == "error"])
    first = report["diagnostics"][0]
    assert (first["line"], first["column"], first["code"]) == (8, 11, "unknown-type")


def test_check_bundled_sets_is_clean() -> None:
    result = CliRunner().invoke(main, ["check", str(bundled_questions_dir())])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("ok:")
    assert " 0 errors" in result.output


def test_check_missing_path_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_python_dash_m_quiz_runs_check(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 1
    assert "unknown question type 'singel'" in done.stdout
    assert "Traceback" not in done.stderr


def test_shipped_schema_is_up_to_date() -> None:
    shipped = json.loads((bundled_questions_dir() / "schema.json").read_text(encoding="utf-8"))
    assert shipped == question_set_json_schema(), "run: quiz schema -o questions/schema.json"


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].endswith("2020-12/schema")
    # Teachers may write a choice as plain text: the schema must not flag it.
    assert {"type": "string"} in schema["$defs"]["SingleChoiceQuestion"]["properties"]["choices"][
        "items"
    ]["anyOf"]


def test_every_bundled_set_starts_with_the_editor_modeline() -> None:
    for path in sorted(bundled_questions_dir().glob("*.yaml")):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=schema.json", path.name
