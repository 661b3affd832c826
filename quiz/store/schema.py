"""The results database's schema: its tables, and the migrations that bring an older file up to date.

The schema is versioned with `PRAGMA user_version`; `_MIGRATIONS[i]` takes version i to i + 1. A
file of a newer version is refused (this quiz cannot know what it holds), and one opened read-only
must already be of this version, since nothing may be written to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from quiz.store.errors import StoreError
from quiz.store.location import DB_ENV_VAR

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 -> 1: players, attempts, answers.
    (
        """
        CREATE TABLE players (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            class_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (name, class_name)
        )
        """,
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            player_id INTEGER NOT NULL REFERENCES players (id),
            set_id TEXT NOT NULL,
            set_hash TEXT NOT NULL,
            set_title TEXT NOT NULL,
            rule TEXT NOT NULL,
            question_count INTEGER NOT NULL CHECK (question_count > 0),
            seed INTEGER,
            started_at TEXT NOT NULL,
            finished_at TEXT
        )
        """,
        "CREATE INDEX attempts_by_set ON attempts (set_id, set_hash, finished_at)",
        "CREATE INDEX attempts_by_player ON attempts (player_id)",
        """
        CREATE TABLE answers (
            attempt_id INTEGER NOT NULL REFERENCES attempts (id),
            question_number INTEGER NOT NULL CHECK (question_number > 0),
            question_id TEXT NOT NULL,
            skill TEXT NOT NULL,
            answer_text TEXT NOT NULL,
            answer_json TEXT NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            fraction REAL NOT NULL CHECK (fraction BETWEEN 0 AND 1),
            elapsed REAL NOT NULL CHECK (elapsed >= 0),
            points INTEGER NOT NULL,
            timed_out INTEGER NOT NULL CHECK (timed_out IN (0, 1)),
            answered_at TEXT NOT NULL,
            PRIMARY KEY (attempt_id, question_id)
        ) WITHOUT ROWID
        """,
    ),
    # 1 -> 2: live class games (quiz host): the session, and which attempts are its players.
    (
        """
        CREATE TABLE live_sessions (
            id INTEGER PRIMARY KEY,
            set_id TEXT NOT NULL,
            set_hash TEXT NOT NULL,
            set_title TEXT NOT NULL,
            rule TEXT NOT NULL,
            seed INTEGER NOT NULL,
            join_code TEXT NOT NULL,
            question_count INTEGER NOT NULL CHECK (question_count > 0),
            current_question INTEGER NOT NULL DEFAULT 0 CHECK (current_question >= 0),
            state TEXT NOT NULL DEFAULT 'lobby'
                CHECK (state IN ('lobby', 'asking', 'closed', 'skipped', 'finished')),
            started_at TEXT NOT NULL,
            finished_at TEXT
        )
        """,
        "CREATE INDEX live_sessions_by_set ON live_sessions (set_id, set_hash, finished_at)",
        """
        CREATE TABLE live_players (
            attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id),
            session_id INTEGER NOT NULL REFERENCES live_sessions (id),
            name_key TEXT NOT NULL,
            token_hash TEXT NOT NULL,
            kicked INTEGER NOT NULL DEFAULT 0 CHECK (kicked IN (0, 1)),
            UNIQUE (session_id, name_key)
        )
        """,
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)

LIVE_STATES = ("lobby", "asking", "closed", "skipped", "finished")
"""The states of a live game that `live_sessions.state` accepts (its CHECK above names them too)."""


def user_version(execute: Callable[..., sqlite3.Cursor]) -> int:
    """The schema version the file says it holds: 0 for a new, empty file."""
    return int(execute("PRAGMA user_version").fetchone()[0])


def upgrade(execute: Callable[..., sqlite3.Cursor], path: Path) -> None:
    """Take the database at `path` to `SCHEMA_VERSION`, inside the write transaction `execute`
    runs in: its version is read under the write lock, since another process may have migrated
    it meanwhile."""
    version = user_version(execute)
    if version > SCHEMA_VERSION:
        raise newer_schema_error(path, version)
    for statements in _MIGRATIONS[version:]:
        for statement in statements:
            execute(statement)
    execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def check_schema(execute: Callable[..., sqlite3.Cursor], path: Path) -> None:
    """A database opened read-only cannot be migrated: it must already be of this schema."""
    version = user_version(execute)
    if version > SCHEMA_VERSION:
        raise newer_schema_error(path, version)
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"{path} holds no quiz results (schema version {version}): name the class "
            f"database with --db PATH or {DB_ENV_VAR}"
        )


def newer_schema_error(path: Path, version: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer version of quiz (schema {version}, this "
        f"one knows {SCHEMA_VERSION}): upgrade quiz to read it"
    )
