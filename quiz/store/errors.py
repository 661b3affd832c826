"""The results store's errors, and SQLite's errors put in words for the person at the keyboard.

Every error of SQLite leaves the store as one `StoreError` that says what is wrong and what to do
(`explain`): a full disk, a read-only file or folder, a damaged file (`damaged_error`), a lock held
too long. A write refused for what it says, not for the state of the disk, is a
`RecordRefusedError`: trying it again cannot help.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from quiz.store.location import DB_ENV_VAR


class StoreError(Exception):
    """A problem with the results database, explained for the person at the keyboard."""


class NetworkFilesystemError(StoreError):
    """The database would live on NFS, SMB/CIFS or a similar filesystem, where SQLite is unsafe."""


class DatabaseBusyError(StoreError):
    """Another program held the write lock for longer than the busy timeout."""


class DiskFullError(StoreError):
    """The disk holding the database has no room left (or the database reached its size limit)."""


class ReadOnlyDatabaseError(StoreError):
    """The database, its folder or its whole disk cannot be written."""


class DamagedDatabaseError(StoreError):
    """SQLite found the file damaged: what it holds cannot be read reliably."""


class RecordRefusedError(StoreError):
    """The store refuses this write for what it says, not for the state of the disk: writing it
    again can never succeed."""


class UnknownAttemptError(RecordRefusedError):
    pass


class AttemptFinishedError(RecordRefusedError):
    pass


class AnswerAlreadyRecordedError(RecordRefusedError):
    pass


class DamagedRecord(Exception):
    """A record whose values are not of the kinds the schema writes: the file is damaged."""


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (the extended code less its detail), when the error has one."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def explain(error: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's error as the person at the keyboard needs it: what is wrong, and what to do."""
    message = str(error)
    code = primary_code(error)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in message:
        return DatabaseBusyError(
            f"the results database {path} is locked by another program ({message}) and stayed "
            "so longer than the busy timeout: try again, or close that program"
        )
    if code == sqlite3.SQLITE_FULL:
        return DiskFullError(
            f"the disk is full: there is no room left for the results database {path}"
        )
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        reason = read_only_reason(path)
        if reason is not None or code == sqlite3.SQLITE_READONLY:
            return ReadOnlyDatabaseError(
                f"the results database {path} is read-only ({reason or message}): results "
                f"cannot be saved there. Name a database in a folder you can write to, with "
                f"--db PATH or {DB_ENV_VAR}"
            )
    if code == sqlite3.SQLITE_NOTADB:
        return StoreError(
            f"{path} is not a quiz results database ({message}); name another file with --db PATH"
        )
    if code == sqlite3.SQLITE_CORRUPT or "Could not decode" in message:
        return damaged_error(path, message)
    if "user-defined function raised exception" in message:
        # Only `sql_cell` is registered, and it cannot fail on a value SQLite hands it: the
        # sqlite3 module failed to decode its argument, a text that is not UTF-8.
        return damaged_error(path, "a text column holds bytes that are not text")
    if code == sqlite3.SQLITE_IOERR:
        return StoreError(
            f"the disk that holds the results database {path} failed to read or write it "
            f"({message}): check the disk, then try again"
        )
    return StoreError(f"cannot use the results database {path}: {message}")


def damaged_error(path: Path, detail: str) -> DamagedDatabaseError:
    """The one error for a damaged file: what SQLite found first, and what to do about it."""
    found = [line for line in detail.strip().splitlines() if not line.startswith("***")]
    what = found[0] if found else "damaged"
    undecodable = _UNDECODABLE.match(what)
    if undecodable:
        what = f"the column {undecodable[1]} holds bytes that are not text"
    return DamagedDatabaseError(
        f"the results database {path} is damaged ({what}), so its results cannot be trusted. "
        "Keep a copy of the file, then restore your last backup of it, or rescue what is "
        "readable into a new file with the .recover command of the sqlite3 tool"
    )


_UNDECODABLE = re.compile(r"Could not decode to UTF-8 column ('[^']*')")


def read_only_reason(target: Path) -> str | None:
    """Why the database at `target` cannot be written, in words, or None if it can be.

    The folder counts as much as the file: SQLite writes its `-wal` and `-shm` files beside it.
    """
    folder = target.parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            if statvfs(folder).f_flag & os.ST_RDONLY:
                return f"the disk that holds {folder} is mounted read-only"
        except OSError:
            pass
    if target.exists() and not os.access(target, os.W_OK):
        return f"the file {target.name} cannot be written"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} cannot be written"
    return None
