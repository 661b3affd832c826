"""How the store talks to SQLite: opening a file, and the transactions and reads every part runs in.

One SQLite file holds every player, attempt and answer. A whole class may share one file (terminals
over SSH, or browser tabs served from one machine), so every connection is set up for many writers:

- WAL, so that readers (a teacher exporting) never block writers (students answering);
- `synchronous=FULL`, so that a committed answer survives a power cut, not only a killed process;
- `busy_timeout`, so that a writer waits for the lock instead of failing at once;
- every write in `BEGIN IMMEDIATE`: the write lock is taken before the first read. A deferred
  `BEGIN` that reads then writes must upgrade its lock, and when another process committed in
  between, SQLite fails it with "database is locked" at once, whatever the busy timeout.

Exports open the file read-only (`connect_read_only`): nothing is written, so a database on a
read-only disk or folder exports too. A file on a network filesystem is refused before SQLite
opens it. `StoreConnection` is what the parts of `ResultsStore` share: the write transaction,
the locked read, and SQLite's own checks of the file.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from quiz.store.csv_export import SQL_CELL_FUNCTION, sql_cell
from quiz.store.errors import (
    DamagedRecord,
    NetworkFilesystemError,
    ReadOnlyDatabaseError,
    StoreError,
    damaged_error,
    explain,
    primary_code,
    read_only_reason,
)
from quiz.store.filesystem import network_filesystem_of
from quiz.store.location import DB_ENV_VAR

BUSY_TIMEOUT_MS = 15_000
"""How long a writer waits for the lock; 30 students answering at once hold it a few ms each."""


class StoreConnection:
    """A connection to one results database, with the transactions and reads its parts share."""

    def __init__(self, connection: sqlite3.Connection, path: Path, begin: str) -> None:
        self._connection = connection
        # The TUI may write from a worker thread; re-entrant so that writes nest inside `batch()`.
        self._lock = threading.RLock()
        self._depth = 0  # write transactions open on this connection (nested ones are savepoints)
        self._begin = begin
        self.path = path

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def pragma(self, name: str) -> Any:
        """The value of one PRAGMA (for diagnostics and tests)."""
        if not name.replace("_", "").isalpha():
            raise ValueError(f"not a pragma name: {name!r}")
        return self._fetch(f"PRAGMA {name}")[0][0]

    def integrity_check(self) -> str:
        """'ok', or SQLite's description of the damage."""
        rows = self._fetch("PRAGMA integrity_check")
        return "\n".join(str(row[0]) for row in rows)

    def check_integrity(self) -> None:
        """Raise `DamagedDatabaseError` unless SQLite finds the whole file sound.

        Exports call it first: a damaged index can make a query quietly return nothing (a
        leaderboard with a header only), and no query error would tell. It reads every page:
        about 0.1 s for 100,000 answers.
        """
        first = self._fetch("PRAGMA integrity_check(1)")[0][0]
        if first != "ok":
            raise damaged_error(self.path, str(first))

    @contextmanager
    def _write(self) -> Iterator[Callable[..., sqlite3.Cursor]]:
        """One write transaction, committed on success and rolled back on any error.

        Inside another write (`batch()`, or a write built on others) it is a savepoint of that
        transaction instead: it succeeds or fails on its own, and the outer one commits once.
        """
        with self._lock:
            connection = self._connection
            self._depth += 1
            try:
                if self._depth > 1:
                    yield from self._savepoint()
                    return
                connection.execute(self._begin)
                try:
                    yield connection.execute
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                raise explain(error, self.path) from error
            finally:
                self._depth -= 1

    def _savepoint(self) -> Iterator[Callable[..., sqlite3.Cursor]]:
        execute = self._connection.execute
        name = f"write_{self._depth}"
        execute(f"SAVEPOINT {name}")
        try:
            yield execute
            execute(f"RELEASE {name}")
        except BaseException:
            execute(f"ROLLBACK TO {name}")
            execute(f"RELEASE {name}")
            raise

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several writes in one transaction, so one commit (one disk sync) for all of them.

        A live game of hundreds of players writes answers in bursts: committing each on its own
        would cost a sync per answer. Each write inside still stands alone (a savepoint): one that
        fails raises as usual and leaves the others to be committed.
        """
        with self._write():
            yield

    def _fetch(
        self, sql: str, parameters: Any = (), record: Callable[..., Any] | None = None
    ) -> list[Any]:
        """All rows of one read, under the lock so that a read never interleaves with a write
        transaction of another thread on this connection; each row made a `record` if given.

        SQLite's errors, and records whose values a damaged page turned into something else,
        come out as one `StoreError` that says what is wrong with the file.
        """
        with self._lock:
            try:
                rows = self._connection.execute(sql, parameters).fetchall()
                return rows if record is None else [record(*row) for row in rows]
            except sqlite3.Error as error:
                raise explain(error, self.path) from error
            except (DamagedRecord, ValueError) as error:
                raise damaged_error(self.path, str(error)) from error


def connect(target: Path) -> sqlite3.Connection:
    """A connection that reads and writes (and creates the file when it is missing)."""
    connection = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        _prepare(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def connect_read_only(target: Path) -> sqlite3.Connection:
    """A connection that never writes, for exports: it can read a database on a read-only disk.

    A WAL database needs its `-shm` index beside it, which SQLite must create when it is missing:
    on a read-only disk or folder it cannot, and `mode=ro` fails. With no `-wal` file (or an
    empty one) everything is in the main file, and `immutable=1` reads it without any index; a
    `-wal` that holds changes cannot be read there, and the error says what to do.
    """
    uri = target.as_uri()
    try:
        return _uri_connection(f"{uri}?mode=ro")
    except sqlite3.OperationalError as error:
        # CANTOPEN on a read-only disk, READONLY in a folder without write permission.
        cannot_index = primary_code(error) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY)
        if not cannot_index or read_only_reason(target) is None:
            raise
    journal = Path(f"{target}-wal")
    if journal.exists() and journal.stat().st_size > 0:
        raise ReadOnlyDatabaseError(
            f"the results database {target} cannot be read where it is: "
            f"{read_only_reason(target)}, and its latest answers are still in {journal.name}, "
            "which SQLite can only read where it may write. Copy both files to a folder you can "
            "write to and export from the copy"
        )
    return _uri_connection(f"{uri}?mode=ro&immutable=1")


def _uri_connection(uri: str) -> sqlite3.Connection:
    """A connection to a `file:` URI, already used once: SQLite opens the files at first use."""
    connection = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        _prepare(connection)
        connection.execute("PRAGMA user_version").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


def _prepare(connection: sqlite3.Connection) -> None:
    """What every connection of the store needs before its first query."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.create_function(SQL_CELL_FUNCTION, 1, sql_cell, deterministic=True)


def configure(connection: sqlite3.Connection, path: Path) -> None:
    """What a connection that writes needs once: WAL, durable commits, and foreign keys."""
    execute = connection.execute
    mode = execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"{path}: SQLite could not switch to WAL mode (got {mode!r})")
    execute("PRAGMA synchronous = FULL")
    execute("PRAGMA foreign_keys = ON")


def refuse_network_filesystem(target: Path, mountinfo: str | None) -> None:
    fs_type = network_filesystem_of(target, mountinfo=mountinfo)
    if fs_type is not None:
        raise NetworkFilesystemError(
            f"the results database {target} would be on a network filesystem ({fs_type}). "
            "SQLite's file locking is not reliable there: students writing at the same time could "
            "corrupt it or lose answers. Keep the database on a local disk of the machine the "
            "students play on (for example --db /var/tmp/quiz-class.sqlite3, or set "
            f"{DB_ENV_VAR}), and copy the CSV exports to the shared drive instead."
        )
