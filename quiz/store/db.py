"""The results database: `ResultsStore`, which opens one SQLite file and gathers what it can do.

The store's parts, one concern each (this module re-exports their public names, so that
`from quiz.store.db import ...` keeps working):

- `location`: where the database lives when none is named;
- `connection`: opening a file (read-write or read-only) and the transactions every part runs in;
- `schema`: the tables, and the migrations that bring an older file up to date;
- `errors`: `StoreError` and its family, SQLite's errors in words;
- `records`: the values the store takes and gives back, and their rows;
- `attempts`: a game's players, attempts and answers;
- `live`: live class games (`quiz host`) and their players;
- `queries`: the teacher's exports and reports.

Together they are the one place that knows the SQL.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Self

from quiz.store.connection import (
    BUSY_TIMEOUT_MS,
    configure,
    connect,
    connect_read_only,
    refuse_network_filesystem,
)
from quiz.store.errors import (
    AnswerAlreadyRecordedError,
    AttemptFinishedError,
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    NetworkFilesystemError,
    ReadOnlyDatabaseError,
    RecordRefusedError,
    StoreError,
    UnknownAttemptError,
    explain,
)
from quiz.store.live import LiveGameRecords, live_name_key
from quiz.store.location import DB_ENV_VAR, DB_FILE_NAME, default_db_path, user_db_path
from quiz.store.queries import (
    ANSWERS_HEADER,
    ANSWERS_QUERY,
    ATTEMPTS_HEADER,
    ExportQueries,
    sql_number_cell,
    sql_text_cell,
)
from quiz.store.records import (
    LEADERBOARD_HEADER,
    AnalysedAnswer,
    AnswerRecord,
    AttemptInfo,
    LeaderboardRow,
    LivePlayerInfo,
    LiveSessionInfo,
    SetVersion,
    StoredAnswer,
    now_utc,
)
from quiz.store.schema import LIVE_STATES, SCHEMA_VERSION, check_schema, upgrade, user_version

__all__ = [
    "ANSWERS_HEADER",
    "ANSWERS_QUERY",
    "ATTEMPTS_HEADER",
    "BUSY_TIMEOUT_MS",
    "DB_ENV_VAR",
    "DB_FILE_NAME",
    "LEADERBOARD_HEADER",
    "LIVE_STATES",
    "SCHEMA_VERSION",
    "AnalysedAnswer",
    "AnswerAlreadyRecordedError",
    "AnswerRecord",
    "AttemptFinishedError",
    "AttemptInfo",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DiskFullError",
    "LeaderboardRow",
    "LivePlayerInfo",
    "LiveSessionInfo",
    "NetworkFilesystemError",
    "ReadOnlyDatabaseError",
    "RecordRefusedError",
    "ResultsStore",
    "SetVersion",
    "StoreError",
    "StoredAnswer",
    "UnknownAttemptError",
    "default_db_path",
    "live_name_key",
    "now_utc",
    "sql_number_cell",
    "sql_text_cell",
    "user_db_path",
]


class ResultsStore(LiveGameRecords, ExportQueries):
    """A connection to one results database. Use `ResultsStore.open(path)`; close it when done."""

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        create: bool = True,
        read_only: bool = False,
        _begin: str = "BEGIN IMMEDIATE",
        _mountinfo: str | None = None,
    ) -> Self:
        """Open (and create or migrate) the database at `path`; None means the user's data dir.

        `create=False`: a database that does not exist is an error, not an empty file.
        `read_only=True` is for exports: nothing is created or written, not even the journal mode,
        so that a database on a read-only disk or folder can be exported. `_begin` and
        `_mountinfo` exist only for tests: to prove the concurrency test catches a deferred
        `BEGIN`, and to show the refusal of a network filesystem.
        """
        if path is None:
            target = user_db_path()
            if not read_only:
                target.parent.mkdir(parents=True, exist_ok=True)
        else:
            target = Path(path).expanduser()
        target = target.absolute()
        if target.is_dir():
            raise StoreError(
                f"{target} is a folder; name a database file, e.g. {target / 'quiz.sqlite3'}"
            )
        if not target.exists():
            if read_only or not create:
                raise StoreError(
                    f"no results database at {target}: nothing has been played with it yet "
                    f"(name the class database with --db PATH or {DB_ENV_VAR})"
                )
            if not target.parent.is_dir():
                raise StoreError(
                    f"cannot create {target}: the folder {target.parent} does not exist"
                )
        refuse_network_filesystem(target, _mountinfo)
        try:
            connection = connect_read_only(target) if read_only else connect(target)
        except sqlite3.Error as error:
            raise explain(error, target) from error
        store = cls(connection, target, _begin)
        try:
            if read_only:
                check_schema(connection.execute, target)
            else:
                configure(connection, target)
                store._migrate()
        except sqlite3.Error as error:
            connection.close()
            raise explain(error, target) from error
        except BaseException:
            connection.close()
            raise
        return store

    def _migrate(self) -> None:
        if user_version(self._connection.execute) == SCHEMA_VERSION:
            return
        with self._write() as execute:
            upgrade(execute, self.path)
