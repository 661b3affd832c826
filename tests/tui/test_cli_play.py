"""`quiz play`'s command line: cheap to import, and in step with the store it does not import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quiz import cli
from quiz.cli import main
from quiz.store import db


def test_the_database_variable_is_the_stores() -> None:
    assert cli.DB_ENV_VAR == db.DB_ENV_VAR


def test_importing_the_command_line_loads_neither_textual_pydantic_nor_the_store() -> None:
    probe = (
        "import sys, quiz.cli; "
        "print(sorted({m.split('.')[0] if not m.startswith('quiz') else m "
        "for m in sys.modules if m.startswith(('textual', 'pydantic', 'quiz.store', 'yaml'))}))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"


def test_play_with_no_set_that_loads_names_each_file_and_stops(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("id: a\ntitle: x\n", encoding="utf-8")
    second = tmp_path / "b\x07.yaml"
    second.write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["play", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "2 files could not be loaded; no question set could be loaded:"
    assert lines[1].startswith(f"  {first}:1:1: missing required key")
    assert lines[1].endswith("(+2 more errors)")  # language, article, questions
    assert lines[2].startswith(f"  {tmp_path}/b.yaml:2:1: ")  # the bell is not printed
    assert "\x07" not in result.stderr
    assert lines[3] == "`quiz check` on these files shows every error and how to fix it."
