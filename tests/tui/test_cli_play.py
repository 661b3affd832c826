"""`quiz play`'s command line: cheap to import, and in step with the store it does not import."""

from __future__ import annotations

import subprocess
import sys

from quiz import cli
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
