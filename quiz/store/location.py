"""Where the results database lives when none is named: `QUIZ_DB`, else the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DB_ENV_VAR = "QUIZ_DB"
DB_FILE_NAME = "results.sqlite3"


def user_db_path() -> Path:
    """The database in the user's data directory (per OS, via platformdirs)."""
    return Path(platformdirs.user_data_dir("quiz", appauthor=False)) / DB_FILE_NAME


def default_db_path() -> Path:
    """The database to use when none is named: `QUIZ_DB` if set, else the user's data directory."""
    named = os.environ.get(DB_ENV_VAR, "").strip()
    return Path(named).expanduser() if named else user_db_path()
