"""The results database: the one place that knows the SQL.

One SQLite file holds every player, attempt and answer. A whole class may share one file (terminals
over SSH, or browser tabs served from one machine), so every connection is set up for many writers:

- WAL, so that readers (a teacher exporting) never block writers (students answering);
- `synchronous=FULL`, so that a committed answer survives a power cut, not only a killed process;
- `busy_timeout`, so that a writer waits for the lock instead of failing at once;
- every write in `BEGIN IMMEDIATE`: the write lock is taken before the first read. A deferred
  `BEGIN` that reads then writes must upgrade its lock, and when another process committed in
  between, SQLite fails it with "database is locked" at once, whatever the busy timeout.

Each answer is committed the moment it is given: a game killed half-way keeps its answers, and the
attempt can be resumed (`unfinished_attempts`, `attempt_answers`) or is listed as unfinished.

The schema is versioned with `PRAGMA user_version`; `_MIGRATIONS[i]` takes version i to i + 1.

Exports open the file read-only (`read_only=True`): nothing is written, so a database on a
read-only disk or folder exports too. Every error of SQLite leaves the store as one `StoreError`
that says what is wrong in words (`_explain`): a full disk, a read-only file or folder, a damaged
file (`check_integrity`, which exports run first), a lock held too long. A write refused for what
it says, not for the state of the disk, is a `RecordRefusedError`: trying it again cannot help.

A live class game (`quiz host`) is one `live_sessions` row: its players are ordinary attempts,
linked to it by `live_players` (with the hash of each player's resume token), so leaderboards,
reports and exports work on it as on any game, and `session=` selects it alone.

The store takes plain values, not the game engine's objects. `answer_json` is any JSON value the
game chooses; the game stores `quiz.core.answers.encode_answer`, and the report reads its
`{"selected": [i, ...]}` (or `{"choices": [i, ...]}`; indices in file order) for choice questions
and `{"value": true}` for true/false ones, to count how often each wrong choice was picked.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

import platformdirs

from quiz.core.text import clean_name, clean_text
from quiz.store.csv_export import PLAIN_FIRST_CODE_POINTS, SQL_CELL_FUNCTION, sql_cell
from quiz.store.filesystem import network_filesystem_of

DB_ENV_VAR = "QUIZ_DB"
DB_FILE_NAME = "results.sqlite3"
BUSY_TIMEOUT_MS = 15_000
"""How long a writer waits for the lock; 30 students answering at once hold it a few ms each."""


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


def user_db_path() -> Path:
    """The database in the user's data directory (per OS, via platformdirs)."""
    return Path(platformdirs.user_data_dir("quiz", appauthor=False)) / DB_FILE_NAME


def default_db_path() -> Path:
    """The database to use when none is named: `QUIZ_DB` if set, else the user's data directory."""
    named = os.environ.get(DB_ENV_VAR, "").strip()
    return Path(named).expanduser() if named else user_db_path()


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _timestamp(moment: datetime | None) -> str:
    if moment is None:
        return now_utc()
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time is the machine's local time
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


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


def live_name_key(name: str) -> str:
    """The form in which two players' names in one live game are the same name ("Léa", "léa ")."""
    return clean_name(name).casefold()


class _DamagedRecord(Exception):
    """A record whose values are not of the kinds the schema writes: the file is damaged."""


def _clean_as_read(record: Any) -> None:
    """Clean a record's people and texts once more as they are read back.

    They were cleaned when written, but the file may have been edited since (or written by another
    program): what the game and the exports show must never carry control or bidi characters. A
    text that is not text (a damaged page can turn it into a number or NULL) is damage, said so.
    """
    for name, clean in _CLEANED_AS_READ:
        if hasattr(record, name):
            value = getattr(record, name)
            if not isinstance(value, str):
                raise _DamagedRecord(f"{name} holds {type(value).__name__}, not text")
            object.__setattr__(record, name, clean(value))


_CLEANED_AS_READ = (
    ("player", clean_name),
    ("class_name", clean_name),
    ("set_title", clean_text),
    ("answer_text", clean_text),
)


@dataclass(frozen=True)
class AttemptInfo:
    """One attempt with its running totals; `finished_at` is None while it is unfinished."""

    id: int
    player: str
    class_name: str
    set_id: str
    set_hash: str
    set_title: str
    rule: str
    question_count: int
    seed: int | None
    started_at: str
    finished_at: str | None
    answered: int
    score: int
    correct: int

    def __post_init__(self) -> None:
        _clean_as_read(self)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class StoredAnswer:
    question_number: int
    question_id: str
    skill: str
    answer_text: str
    answer_json: Any
    correct: bool
    fraction: float
    elapsed: float
    points: int
    timed_out: bool
    answered_at: str

    def __post_init__(self) -> None:
        _clean_as_read(self)


@dataclass(frozen=True)
class SetVersion:
    """One content hash of a set seen in the database: results of different versions never mix."""

    set_hash: str
    set_title: str
    attempts: int
    first_started: str
    last_started: str

    def __post_init__(self) -> None:
        _clean_as_read(self)


@dataclass(frozen=True)
class AnswerRecord:
    """One answer to store, as a value: what `record_answer` takes, for `record_answers`."""

    attempt_id: int
    question_id: str
    skill: str
    question_number: int
    answer_text: str
    answer_json: Any
    correct: bool
    fraction: float
    elapsed: float
    points: int
    timed_out: bool
    answered_at: datetime | None = None


_INSERT_ANSWER = (
    "INSERT INTO answers (attempt_id, question_number, question_id, skill, answer_text, "
    "answer_json, correct, fraction, elapsed, points, timed_out, answered_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


ROWS_PER_INSERT = 256
"""The most answers one INSERT holds: 12 values each, far within SQLite's bound variables."""


def _powers_of_two_in(count: int) -> Iterator[int]:
    """Chunk sizes that add up to `count`: `ROWS_PER_INSERT` as often as it fits, then the powers
    of two of the rest, largest first."""
    while count >= ROWS_PER_INSERT:
        yield ROWS_PER_INSERT
        count -= ROWS_PER_INSERT
    size = ROWS_PER_INSERT
    while count:
        size //= 2
        if count >= size:
            yield size
            count -= size


def _insert_answers(rows: int) -> str:
    """`_INSERT_ANSWER` for `rows` rows at once."""
    return _INSERT_ANSWER + ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" * (rows - 1)


def _answer_row(record: AnswerRecord) -> tuple[Any, ...]:
    """The answers table's row for `record`, checked and cleaned (`RecordRefusedError` if not)."""
    if not 0 <= record.fraction <= 1:
        raise RecordRefusedError(f"fraction must be between 0 and 1, not {record.fraction}")
    if not 0 <= record.elapsed < math.inf:
        raise RecordRefusedError(f"elapsed must be a number of seconds, not {record.elapsed}")
    return (
        record.attempt_id,
        record.question_number,
        record.question_id,
        str(record.skill),
        clean_text(record.answer_text),
        json.dumps(record.answer_json, ensure_ascii=False),
        int(bool(record.correct)),
        float(record.fraction),
        float(record.elapsed),
        int(record.points),
        int(bool(record.timed_out)),
        _timestamp(record.answered_at),
    )


@dataclass(frozen=True)
class LiveSessionInfo:
    """One live class game: its set, seed and code, and how far it got."""

    id: int
    set_id: str
    set_hash: str
    set_title: str
    rule: str
    seed: int
    join_code: str
    question_count: int
    current_question: int
    """The question asked (or skipped) last; 0 before the first."""
    state: str
    """One of `LIVE_STATES`: what `current_question` is going through."""
    started_at: str
    finished_at: str | None

    def __post_init__(self) -> None:
        _clean_as_read(self)


@dataclass(frozen=True)
class LivePlayerInfo:
    """A player of a live game: their attempt, and the hash of the token that lets them back in."""

    attempt_id: int
    player: str
    class_name: str
    token_hash: str
    kicked: bool

    def __post_init__(self) -> None:
        _clean_as_read(self)


LEADERBOARD_HEADER = (
    "rank",
    "player",
    "class",
    "score",
    "correct",
    "questions",
    "accuracy %",
    "total time (s)",
    "finished at",
    "set version",
    "rule",
)


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    player: str
    class_name: str
    score: int
    correct: int
    questions: int
    accuracy: float
    total_time: float
    finished_at: str
    set_version: str
    rule: str
    attempt_id: int

    def __post_init__(self) -> None:
        _clean_as_read(self)

    def cells(self) -> tuple[Any, ...]:
        """The row under `LEADERBOARD_HEADER`."""
        return (
            self.rank,
            self.player,
            self.class_name,
            self.score,
            self.correct,
            self.questions,
            self.accuracy,
            self.total_time,
            self.finished_at,
            self.set_version,
            self.rule,
        )


@dataclass(frozen=True)
class AnalysedAnswer:
    """An answer of an attempt chosen for statistics (report, skills)."""

    attempt_id: int
    player: str
    class_name: str
    question_id: str
    skill: str
    answer_text: str
    answer_json: Any
    correct: bool
    fraction: float
    elapsed: float

    def __post_init__(self) -> None:
        _clean_as_read(self)


_ATTEMPT_COLUMNS = """
    a.id, p.name, p.class_name, a.set_id, a.set_hash, a.set_title, a.rule, a.question_count,
    a.seed, a.started_at, a.finished_at,
    (SELECT COUNT(*) FROM answers WHERE attempt_id = a.id),
    (SELECT COALESCE(SUM(points), 0) FROM answers WHERE attempt_id = a.id),
    (SELECT COALESCE(SUM(correct), 0) FROM answers WHERE attempt_id = a.id)
"""

_LIVE_SESSION_COLUMNS = """
    id, set_id, set_hash, set_title, rule, seed, join_code, question_count, current_question, state,
    started_at, finished_at
"""

# Export timestamps in the machine's local time, in the form spreadsheets recognise as a date.
_LOCAL = "strftime('%Y-%m-%d %H:%M:%S', {}, 'localtime')"

ANSWERS_HEADER = (
    "attempt",
    "player",
    "class",
    "set version",
    "status",
    "question",
    "question id",
    "skill",
    "answer",
    "correct",
    "fraction",
    "points",
    "time (s)",
    "timed out",
    "answered at",
)


def sql_text_cell(expression: str) -> str:
    """SQL that turns a text value into its safe CSV cell: `csv_export.neutralise` decides, called
    from SQL as `SQL_CELL_FUNCTION` (every connection of the store registers it). The cells it
    keeps as they are and that are quick to recognise (a plain first character, no CR) skip the
    call: most cells of a big export never leave SQLite.
    """
    first = f"unicode({expression})"
    plain = " OR ".join(
        f"{first} BETWEEN {low} AND {high}" for low, high in PLAIN_FIRST_CODE_POINTS
    )
    return (
        f"CASE WHEN ({plain}) AND instr({expression}, char(13)) = 0 THEN {expression} "
        f"ELSE {SQL_CELL_FUNCTION}({expression}) END"
    )


def sql_number_cell(expression: str, digits: int) -> str:
    """SQL for a rounded number cell: a number, or text with a decimal comma when `:comma` is 1."""
    rounded = f"round({expression}, {digits})"
    return f"CASE WHEN :comma THEN replace(CAST({rounded} AS TEXT), '.', ',') ELSE {rounded} END"


# Every stored text goes through sql_text_cell: the store takes any string from its caller, and a
# spreadsheet must never run one.
ANSWERS_QUERY = f"""
SELECT a.id AS attempt,
       {sql_text_cell("p.name")} AS player,
       {sql_text_cell("p.class_name")} AS class,
       {sql_text_cell("a.set_hash")} AS set_version,
       CASE WHEN a.finished_at IS NULL THEN 'unfinished' ELSE 'finished' END AS status,
       s.question_number AS question,
       {sql_text_cell("s.question_id")} AS question_id,
       {sql_text_cell("s.skill")} AS skill,
       {sql_text_cell("s.answer_text")} AS answer,
       s.correct,
       {sql_number_cell("s.fraction", 3)} AS fraction,
       s.points,
       {sql_number_cell("s.elapsed", 2)} AS time_s,
       s.timed_out,
       {_LOCAL.format("s.answered_at")} AS answered_at
FROM answers s
JOIN attempts a ON a.id = s.attempt_id
JOIN players p ON p.id = a.player_id
WHERE a.set_id = :set_id AND a.set_hash = :hash
  AND (:class IS NULL OR p.class_name = :class)
  AND (:session IS NULL OR a.id IN (SELECT attempt_id FROM live_players WHERE session_id = :session))
ORDER BY p.class_name, p.name, a.id, s.question_number
"""
"""The `quiz answers` export, with cells ready for CSV (no Python loop over 100,000 rows); the
benchmark runs the same text through the sqlite3 shell, less the call of `SQL_CELL_FUNCTION`."""

ATTEMPTS_HEADER = (
    "attempt",
    "player",
    "class",
    "set version",
    "status",
    "answered",
    "questions",
    "score",
    "correct",
    "started at",
    "finished at",
)


class ResultsStore:
    """A connection to one results database. Use `ResultsStore.open(path)`; close it when done."""

    def __init__(self, connection: sqlite3.Connection, path: Path, begin: str) -> None:
        self._connection = connection
        # The TUI may write from a worker thread; re-entrant so that writes nest inside `batch()`.
        self._lock = threading.RLock()
        self._depth = 0  # write transactions open on this connection (nested ones are savepoints)
        self._begin = begin
        self.path = path

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
        _refuse_network_filesystem(target, _mountinfo)
        try:
            connection = _connect_read_only(target) if read_only else _connect(target)
        except sqlite3.Error as error:
            raise _explain(error, target) from error
        store = cls(connection, target, _begin)
        try:
            if read_only:
                store._check_schema()
            else:
                store._configure()
                store._migrate()
        except sqlite3.Error as error:
            connection.close()
            raise _explain(error, target) from error
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- setup ------------------------------------------------------------------------------------

    def _configure(self) -> None:
        execute = self._connection.execute
        mode = execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{self.path}: SQLite could not switch to WAL mode (got {mode!r})")
        execute("PRAGMA synchronous = FULL")
        execute("PRAGMA foreign_keys = ON")

    def _migrate(self) -> None:
        if self._user_version() == SCHEMA_VERSION:
            return
        with self._write() as execute:
            # Read again under the write lock: another process may have migrated meanwhile.
            version = self._user_version()
            if version > SCHEMA_VERSION:
                raise self._newer_schema(version)
            for statements in _MIGRATIONS[version:]:
                for statement in statements:
                    execute(statement)
            execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _check_schema(self) -> None:
        """A database opened read-only cannot be migrated: it must already be of this schema."""
        version = self._user_version()
        if version > SCHEMA_VERSION:
            raise self._newer_schema(version)
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} holds no quiz results (schema version {version}): name the class "
                f"database with --db PATH or {DB_ENV_VAR}"
            )

    def _newer_schema(self, version: int) -> StoreError:
        return StoreError(
            f"{self.path} was written by a newer version of quiz (schema {version}, this "
            f"one knows {SCHEMA_VERSION}): upgrade quiz to read it"
        )

    def _user_version(self) -> int:
        return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

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
            raise _damaged(self.path, str(first))

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
                raise _explain(error, self.path) from error
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
                raise _explain(error, self.path) from error
            except (_DamagedRecord, ValueError) as error:
                raise _damaged(self.path, str(error)) from error

    # --- writes from the game ---------------------------------------------------------------------

    def start_attempt(
        self,
        player: str,
        class_name: str,
        set_id: str,
        set_hash: str,
        set_title: str,
        rule: str,
        question_count: int,
        seed: int | None = None,
        *,
        started_at: datetime | None = None,
    ) -> int:
        """Record that `player` starts playing a set; returns the attempt id answers go under."""
        name, group = clean_name(player), clean_name(class_name)
        if not name:
            raise RecordRefusedError("a player needs a name")
        if question_count < 1:
            raise RecordRefusedError("an attempt needs at least one question")
        moment = _timestamp(started_at)
        with self._write() as execute:
            execute(
                "INSERT INTO players (name, class_name, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name, class_name) DO NOTHING",
                (name, group, moment),
            )
            (player_id,) = execute(
                "SELECT id FROM players WHERE name = ? AND class_name = ?", (name, group)
            ).fetchone()
            cursor = execute(
                "INSERT INTO attempts (player_id, set_id, set_hash, set_title, rule, "
                "question_count, seed, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    player_id,
                    set_id,
                    set_hash,
                    clean_text(set_title),
                    str(rule),
                    question_count,
                    seed,
                    moment,
                ),
            )
            attempt_id = cursor.lastrowid
        if attempt_id is None:  # cannot happen after an INSERT; keeps the type honest
            raise StoreError("SQLite gave no id for the new attempt")
        return attempt_id

    def record_answer(
        self,
        attempt_id: int,
        question_id: str,
        skill: str,
        question_number: int,
        answer_text: str,
        answer_json: Any,
        correct: bool,
        fraction: float,
        elapsed: float,
        points: int,
        timed_out: bool,
        *,
        answered_at: datetime | None = None,
    ) -> None:
        """Store one answer and commit it at once, so that it survives the game being killed."""
        record = AnswerRecord(
            attempt_id,
            question_id,
            skill,
            question_number,
            answer_text,
            answer_json,
            correct,
            fraction,
            elapsed,
            points,
            timed_out,
            answered_at,
        )
        row = _answer_row(record)
        with self._write() as execute:
            found = execute(
                "SELECT finished_at, question_count FROM attempts WHERE id = ?", (attempt_id,)
            ).fetchone()
            if found is None:
                raise UnknownAttemptError(f"no attempt {attempt_id} in {self.path}")
            if found[0] is not None:
                raise AttemptFinishedError(f"attempt {attempt_id} is finished; start a new one")
            if not 1 <= question_number <= found[1]:
                raise RecordRefusedError(
                    f"question number {question_number} is outside attempt {attempt_id} "
                    f"(1 to {found[1]})"
                )
            try:
                execute(_INSERT_ANSWER, row)
            except sqlite3.IntegrityError as error:
                if "UNIQUE" not in str(error):
                    raise RecordRefusedError(
                        f"answer to {question_id!r} refused: {error}"
                    ) from error
                raise AnswerAlreadyRecordedError(
                    f"question {question_id!r} is already answered in attempt {attempt_id}"
                ) from error

    def record_answers(self, records: Sequence[AnswerRecord]) -> None:
        """Store many answers in a few statements: a live game's burst, all of them or none.

        Unlike `record_answer`, the attempts are not looked up one by one (the live game knows
        its players, and answers a question once per player); the schema still refuses an
        unknown attempt or a second answer to a question, and then nothing of the batch is kept.
        The rows go in multi-row INSERTs, one per power of two in their count (37 rows: 32, 4
        and 1), not one statement per row: each statement lets go of the interpreter's lock and
        waits to get it back from the live game's busy event loop, and a handful of distinct
        statements stays in the connection's statement cache.
        """
        rows = [_answer_row(record) for record in records]
        with self._write() as execute:
            try:
                start = 0
                for size in _powers_of_two_in(len(rows)):
                    chunk = rows[start : start + size]
                    execute(_insert_answers(size), [value for row in chunk for value in row])
                    start += size
            except sqlite3.IntegrityError as error:
                raise RecordRefusedError(f"answers refused: {error}") from error

    def finish_attempt(self, attempt_id: int, finished_at: datetime | None = None) -> None:
        """Mark an attempt finished: it enters the leaderboard and cannot take more answers."""
        with self._write() as execute:
            row = execute("SELECT finished_at FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
            if row is None:
                raise UnknownAttemptError(f"no attempt {attempt_id} in {self.path}")
            if row[0] is None:
                execute(
                    "UPDATE attempts SET finished_at = ? WHERE id = ?",
                    (_timestamp(finished_at), attempt_id),
                )

    # --- live class games (quiz host) -------------------------------------------------------------

    def defer_checkpoints(self) -> None:
        """Stop commits from checkpointing the journal (SQLite's default: any commit that finds
        1,000 pages in it copies them into the database, several writes and disk syncs); call
        `checkpoint` when there is time. A live game checkpoints between questions, so that no
        answer's acknowledgement waits for one. Every commit still syncs the journal."""
        with self._lock:
            self._connection.execute("PRAGMA wal_autocheckpoint = 0")

    def checkpoint(self) -> None:
        """Copy what the journal holds into the database, as far as no reader prevents it."""
        with self._lock:
            try:
                self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except sqlite3.Error as error:
                raise _explain(error, self.path) from error

    def start_live_session(
        self,
        set_id: str,
        set_hash: str,
        set_title: str,
        rule: str,
        seed: int,
        join_code: str,
        question_count: int,
        *,
        started_at: datetime | None = None,
    ) -> int:
        """Record a new live game of a set; returns the session id its players' attempts join."""
        if question_count < 1:
            raise RecordRefusedError("a live game needs at least one question")
        with self._write() as execute:
            cursor = execute(
                "INSERT INTO live_sessions (set_id, set_hash, set_title, rule, seed, join_code, "
                "question_count, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    set_id,
                    set_hash,
                    clean_text(set_title),
                    str(rule),
                    seed,
                    join_code,
                    question_count,
                    _timestamp(started_at),
                ),
            )
        if cursor.lastrowid is None:  # cannot happen after an INSERT; keeps the type honest
            raise StoreError("SQLite gave no id for the new live game")
        return cursor.lastrowid

    def live_session(self, session_id: int) -> LiveSessionInfo:
        rows = self._fetch(
            f"SELECT {_LIVE_SESSION_COLUMNS} FROM live_sessions WHERE id = ?", (session_id,)
        )
        if not rows:
            raise StoreError(f"no live game {session_id} in {self.path}")
        return LiveSessionInfo(*rows[0])

    def unfinished_live_session(self, set_id: str, set_hash: str) -> LiveSessionInfo | None:
        """The newest live game of this version of the set that never ended, if any."""
        rows = self._fetch(
            f"SELECT {_LIVE_SESSION_COLUMNS} FROM live_sessions WHERE set_id = ? AND set_hash = ? "
            "AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
            (set_id, set_hash),
        )
        return LiveSessionInfo(*rows[0]) if rows else None

    def set_live_progress(self, session_id: int, current_question: int, state: str) -> None:
        """Remember which question the live game is at, and in what state, for a restart."""
        if state not in LIVE_STATES:
            raise RecordRefusedError(f"unknown live game state {state!r}")
        with self._write() as execute:
            execute(
                "UPDATE live_sessions SET current_question = ?, state = ? WHERE id = ?",
                (current_question, state, session_id),
            )

    def finish_live_session(self, session_id: int, finished_at: datetime | None = None) -> None:
        """End a live game: it and its players' attempts (but the kicked ones') are finished."""
        moment = _timestamp(finished_at)
        with self._write() as execute:
            execute(
                "UPDATE live_sessions SET state = 'finished', finished_at = ? "
                "WHERE id = ? AND finished_at IS NULL",
                (moment, session_id),
            )
            execute(
                "UPDATE attempts SET finished_at = ? WHERE finished_at IS NULL AND id IN "
                "(SELECT attempt_id FROM live_players WHERE session_id = ? AND kicked = 0)",
                (moment, session_id),
            )

    def join_live_session(
        self,
        session_id: int,
        player: str,
        class_name: str,
        token_hash: str,
        *,
        started_at: datetime | None = None,
    ) -> int:
        """A player enters a live game: their attempt is started; returns its id.

        Names are unique in a game (`live_name_key`): a name already taken raises `StoreError`.
        """
        with self._write() as execute:
            session = self.live_session(session_id)
            key = live_name_key(player)
            taken = execute(
                "SELECT 1 FROM live_players WHERE session_id = ? AND name_key = ?",
                (session_id, key),
            ).fetchone()
            if taken:
                raise RecordRefusedError(f"the name {clean_name(player)!r} is taken in this game")
            attempt_id = self.start_attempt(
                player,
                class_name,
                session.set_id,
                session.set_hash,
                session.set_title,
                session.rule,
                session.question_count,
                session.seed,
                started_at=started_at,
            )
            execute(
                "INSERT INTO live_players (attempt_id, session_id, name_key, token_hash) "
                "VALUES (?, ?, ?, ?)",
                (attempt_id, session_id, key, token_hash),
            )
        return attempt_id

    def kick_live_player(self, attempt_id: int) -> None:
        """The host removed this player: their token no longer lets them back in."""
        with self._write() as execute:
            execute("UPDATE live_players SET kicked = 1 WHERE attempt_id = ?", (attempt_id,))

    def live_players(self, session_id: int) -> list[LivePlayerInfo]:
        """Every player of a live game, in the order they joined."""
        rows = self._fetch(
            "SELECT l.attempt_id, p.name, p.class_name, l.token_hash, l.kicked FROM live_players l "
            "JOIN attempts a ON a.id = l.attempt_id JOIN players p ON p.id = a.player_id "
            "WHERE l.session_id = ? ORDER BY l.attempt_id",
            (session_id,),
        )
        return [
            LivePlayerInfo(aid, name, group, token, bool(kicked))
            for aid, name, group, token, kicked in rows
        ]

    def live_answers(self, session_id: int) -> list[tuple[int, StoredAnswer]]:
        """Every answer of a live game as (attempt id, answer), in question order."""
        rows = self._fetch(
            "SELECT s.attempt_id, s.question_number, s.question_id, s.skill, s.answer_text, "
            "s.answer_json, s.correct, s.fraction, s.elapsed, s.points, s.timed_out, s.answered_at "
            "FROM answers s JOIN live_players l ON l.attempt_id = s.attempt_id "
            "WHERE l.session_id = ? ORDER BY s.question_number, s.attempt_id",
            (session_id,),
        )
        return [
            (
                attempt,
                StoredAnswer(
                    number,
                    qid,
                    skill,
                    text,
                    json.loads(raw),
                    bool(ok),
                    frac,
                    secs,
                    pts,
                    bool(late),
                    at,
                ),
            )
            for attempt, number, qid, skill, text, raw, ok, frac, secs, pts, late, at in rows
        ]

    def discard_live_answers(self, session_id: int, question_number: int) -> int:
        """Forget every answer to one question of a live game (the host skipped it while it was
        asked); returns how many were removed."""
        with self._write() as execute:
            cursor = execute(
                "DELETE FROM answers WHERE question_number = ? AND attempt_id IN "
                "(SELECT attempt_id FROM live_players WHERE session_id = ?)",
                (question_number, session_id),
            )
        return cursor.rowcount

    # --- reads for the game -----------------------------------------------------------------------

    def attempt(self, attempt_id: int) -> AttemptInfo:
        rows = self._fetch(
            f"SELECT {_ATTEMPT_COLUMNS} FROM attempts a JOIN players p ON p.id = a.player_id "
            "WHERE a.id = ?",
            (attempt_id,),
            AttemptInfo,
        )
        if not rows:
            raise UnknownAttemptError(f"no attempt {attempt_id} in {self.path}")
        info: AttemptInfo = rows[0]
        return info

    def unfinished_attempts(
        self, player: str, set_id: str, set_hash: str, *, class_name: str | None = None
    ) -> list[AttemptInfo]:
        """The player's attempts at this version of the set that were never finished, newest first.

        `class_name=None` matches the player's name in any class.
        """
        return self._fetch(
            f"SELECT {_ATTEMPT_COLUMNS} FROM attempts a JOIN players p ON p.id = a.player_id "
            "WHERE p.name = ? AND (? IS NULL OR p.class_name = ?) AND a.set_id = ? "
            "AND a.set_hash = ? AND a.finished_at IS NULL ORDER BY a.started_at DESC, a.id DESC",
            (
                clean_name(player),
                _class_or_none(class_name),
                _class_or_none(class_name),
                set_id,
                set_hash,
            ),
            AttemptInfo,
        )

    def attempt_answers(self, attempt_id: int) -> list[StoredAnswer]:
        """The answers already given in an attempt, in question order: what a resumed game skips."""
        return self._fetch(
            "SELECT question_number, question_id, skill, answer_text, answer_json, correct, "
            "fraction, elapsed, points, timed_out, answered_at FROM answers WHERE attempt_id = ? "
            "ORDER BY question_number",
            (attempt_id,),
            _stored_answer,
        )

    def class_names(self) -> list[str]:
        """Every class seen so far (non-empty), alphabetically: what the game offers to pick."""
        return self._fetch(
            "SELECT DISTINCT class_name FROM players WHERE class_name <> '' ORDER BY class_name",
            (),
            _cleaned_name,
        )

    # --- reads for the teacher's exports ----------------------------------------------------------

    def set_ids(self) -> list[str]:
        return self._fetch("SELECT DISTINCT set_id FROM attempts ORDER BY set_id", (), _text)

    def set_versions(self, set_id: str) -> list[SetVersion]:
        """The versions (content hashes) of a set that have results, the newest version first."""
        return self._fetch(
            "SELECT set_hash, (SELECT set_title FROM attempts WHERE set_id = ? AND set_hash = "
            "v.set_hash ORDER BY id DESC LIMIT 1), COUNT(*), MIN(started_at), MAX(started_at) "
            "FROM attempts v WHERE set_id = ? GROUP BY set_hash ORDER BY MIN(started_at) DESC",
            (set_id, set_id),
            SetVersion,
        )

    def leaderboard(
        self,
        set_id: str,
        class_name: str | None = None,
        all_attempts: bool = False,
        *,
        set_hash: str | None = None,
        session: int | None = None,
    ) -> list[LeaderboardRow]:
        """Finished attempts ranked by score, then by total time; ties share a rank.

        By default each player's best attempt; `all_attempts` ranks every finished attempt. Only
        one version of the set is ranked: `set_hash`, or the newest one. Scores of different
        scoring rules do not compare (speed counts in one, not in another): each rule is ranked
        on its own. `session` ranks only the players of that live game.
        """
        version = set_hash or self._newest_hash(set_id)
        if version is None:
            return []
        return self._fetch(
            f"""
            WITH totals AS (
                SELECT a.id AS attempt_id, a.player_id, p.name, p.class_name, a.question_count,
                       a.finished_at, a.rule,
                       COALESCE(SUM(s.points), 0) AS score,
                       COALESCE(SUM(s.correct), 0) AS correct,
                       COALESCE(SUM(s.elapsed), 0.0) AS total_time
                FROM attempts a
                JOIN players p ON p.id = a.player_id
                LEFT JOIN answers s ON s.attempt_id = a.id
                WHERE a.set_id = :set_id AND a.set_hash = :hash AND a.finished_at IS NOT NULL
                  AND (:class IS NULL OR p.class_name = :class)
                  AND (:session IS NULL OR a.id IN (SELECT attempt_id FROM live_players WHERE session_id = :session))
                GROUP BY a.id
            ), chosen AS (
                SELECT *, ROW_NUMBER() OVER (
                    PARTITION BY player_id, rule ORDER BY score DESC, total_time, finished_at
                ) AS nth
                FROM totals
            )
            SELECT RANK() OVER (PARTITION BY rule ORDER BY score DESC, total_time) AS rank,
                   name, class_name, score, correct, question_count,
                   round(100.0 * correct / question_count, 1),
                   round(total_time, 1), {_LOCAL.format("finished_at")}, :hash, rule, attempt_id
            FROM chosen
            WHERE :all OR nth = 1
            ORDER BY rule, rank, name, attempt_id
            """,
            {
                "set_id": set_id,
                "hash": version,
                "class": _class_or_none(class_name),
                "all": int(all_attempts),
                "session": session,
            },
            LeaderboardRow,
        )

    def attempts(
        self,
        set_id: str,
        set_hash: str,
        class_name: str | None = None,
        *,
        session: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """Every attempt at a version, finished or not, as rows under `ATTEMPTS_HEADER`."""
        return self._fetch(
            f"""
            SELECT a.id, p.name, p.class_name, a.set_hash,
                   CASE WHEN a.finished_at IS NULL THEN 'unfinished' ELSE 'finished' END,
                   (SELECT COUNT(*) FROM answers WHERE attempt_id = a.id), a.question_count,
                   (SELECT COALESCE(SUM(points), 0) FROM answers WHERE attempt_id = a.id),
                   (SELECT COALESCE(SUM(correct), 0) FROM answers WHERE attempt_id = a.id),
                   {_LOCAL.format("a.started_at")},
                   CASE WHEN a.finished_at IS NULL THEN NULL
                        ELSE {_LOCAL.format("a.finished_at")} END
            FROM attempts a JOIN players p ON p.id = a.player_id
            WHERE a.set_id = :set_id AND a.set_hash = :hash
              AND (:class IS NULL OR p.class_name = :class)
              AND (:session IS NULL OR a.id IN (SELECT attempt_id FROM live_players WHERE session_id = :session))
            ORDER BY a.started_at, a.id
            """,
            {
                "set_id": set_id,
                "hash": set_hash,
                "class": _class_or_none(class_name),
                "session": session,
            },
        )

    def answer_rows(
        self,
        set_id: str,
        set_hash: str,
        class_name: str | None = None,
        *,
        decimal_comma: bool = False,
        session: int | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Every answer to a version of a set, streamed as rows under `ANSWERS_HEADER`, with
        cells already made safe for CSV (`write_csv(..., prepared=True)`); an error of SQLite
        while they stream is a `StoreError`, as for every other read."""
        parameters = {
            "set_id": set_id,
            "hash": set_hash,
            "class": _class_or_none(class_name),
            "comma": int(decimal_comma),
            "session": session,
        }
        try:
            cursor = self._connection.execute(ANSWERS_QUERY, parameters)
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error
        return _streamed(cursor, self.path)

    def analysed_answers(
        self,
        set_id: str,
        set_hash: str,
        *,
        class_name: str | None = None,
        all_attempts: bool = False,
        session: int | None = None,
    ) -> list[AnalysedAnswer]:
        """The answers statistics are computed on: finished attempts only (as Moodle does), and
        by default only each player's first finished attempt, before retries taught the answers.
        """
        return self._fetch(
            """
            WITH chosen AS (
                SELECT a.id, a.player_id, ROW_NUMBER() OVER (
                    PARTITION BY a.player_id ORDER BY a.started_at, a.id
                ) AS nth
                FROM attempts a JOIN players p ON p.id = a.player_id
                WHERE a.set_id = :set_id AND a.set_hash = :hash AND a.finished_at IS NOT NULL
                  AND (:class IS NULL OR p.class_name = :class)
                  AND (:session IS NULL OR a.id IN (SELECT attempt_id FROM live_players WHERE session_id = :session))
            )
            SELECT c.id, p.name, p.class_name, s.question_id, s.skill, s.answer_text,
                   s.answer_json, s.correct, s.fraction, s.elapsed
            FROM chosen c
            JOIN players p ON p.id = c.player_id
            JOIN answers s ON s.attempt_id = c.id
            WHERE :all OR c.nth = 1
            ORDER BY p.class_name, p.name, c.id, s.question_number
            """,
            {
                "set_id": set_id,
                "hash": set_hash,
                "class": _class_or_none(class_name),
                "all": int(all_attempts),
                "session": session,
            },
            _analysed_answer,
        )

    def _newest_hash(self, set_id: str) -> str | None:
        versions = self.set_versions(set_id)
        return versions[0].set_hash if versions else None


def _class_or_none(class_name: str | None) -> str | None:
    return None if class_name is None else clean_name(class_name)


# --- records as read back -------------------------------------------------------------------------


def _stored_answer(*row: Any) -> StoredAnswer:
    number, question_id, skill, text, raw, ok, fraction, elapsed, points, late, answered_at = row
    return StoredAnswer(
        number, question_id, skill, text, json.loads(raw), bool(ok), fraction, elapsed, points,
        bool(late), answered_at,
    )  # fmt: skip


def _analysed_answer(*row: Any) -> AnalysedAnswer:
    attempt_id, name, group, question_id, skill, text, raw, ok, fraction, elapsed = row
    return AnalysedAnswer(
        attempt_id, name, group, question_id, skill, text, _loads(raw), bool(ok), fraction, elapsed
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _DamagedRecord(f"a text column holds {type(value).__name__}")
    return value


def _cleaned_name(value: Any) -> str:
    return clean_name(_text(value))


def _streamed(cursor: sqlite3.Cursor, path: Path) -> Iterator[tuple[Any, ...]]:
    """A cursor's rows, fetched in batches; SQLite's errors while they stream (a damaged page met
    half-way) come out as the store's errors. Iterators of C, not a generator: dropped after its
    database is closed, it runs nothing, and a row costs no Python call."""

    def batch() -> list[tuple[Any, ...]]:
        try:
            return cursor.fetchmany(_STREAM_BATCH)
        except sqlite3.Error as error:
            raise _explain(error, path) from error

    return itertools.chain.from_iterable(iter(batch, []))


_STREAM_BATCH = 2000


# --- connections, and SQLite's errors in words ----------------------------------------------------


def _connect(target: Path) -> sqlite3.Connection:
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


def _connect_read_only(target: Path) -> sqlite3.Connection:
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
        cannot_index = _primary_code(error) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY)
        if not cannot_index or _read_only_reason(target) is None:
            raise
    journal = Path(f"{target}-wal")
    if journal.exists() and journal.stat().st_size > 0:
        raise ReadOnlyDatabaseError(
            f"the results database {target} cannot be read where it is: "
            f"{_read_only_reason(target)}, and its latest answers are still in {journal.name}, "
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


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _explain(error: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's error as the person at the keyboard needs it: what is wrong, and what to do."""
    message = str(error)
    code = _primary_code(error)
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
        reason = _read_only_reason(path)
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
        return _damaged(path, message)
    if "user-defined function raised exception" in message:
        # Only `sql_cell` is registered, and it cannot fail on a value SQLite hands it: the
        # sqlite3 module failed to decode its argument, a text that is not UTF-8.
        return _damaged(path, "a text column holds bytes that are not text")
    if code == sqlite3.SQLITE_IOERR:
        return StoreError(
            f"the disk that holds the results database {path} failed to read or write it "
            f"({message}): check the disk, then try again"
        )
    return StoreError(f"cannot use the results database {path}: {message}")


def _damaged(path: Path, detail: str) -> DamagedDatabaseError:
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


def _read_only_reason(target: Path) -> str | None:
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


def _loads(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _refuse_network_filesystem(target: Path, mountinfo: str | None) -> None:
    fs_type = network_filesystem_of(target, mountinfo=mountinfo)
    if fs_type is not None:
        raise NetworkFilesystemError(
            f"the results database {target} would be on a network filesystem ({fs_type}). "
            "SQLite's file locking is not reliable there: students writing at the same time could "
            "corrupt it or lose answers. Keep the database on a local disk of the machine the "
            "students play on (for example --db /var/tmp/quiz-class.sqlite3, or set "
            f"{DB_ENV_VAR}), and copy the CSV exports to the shared drive instead."
        )
