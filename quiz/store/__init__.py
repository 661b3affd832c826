"""The results store: one SQLite database of players, attempts and answers, and the CSV exports.

Stands alone: no Textual, no TUI, no CLI. The game hands it plain values; the `quiz` command line
turns its tables into CSV files. `quiz.store.db.ResultsStore` gathers the store's parts, one
concern per module (schema, connection, errors, records, attempts, live games, export queries);
`quiz.store.db`'s first lines map them.
"""

from quiz.store.db import (
    AnswerAlreadyRecordedError,
    AttemptFinishedError,
    AttemptInfo,
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    LeaderboardRow,
    NetworkFilesystemError,
    ReadOnlyDatabaseError,
    RecordRefusedError,
    ResultsStore,
    SetVersion,
    StoredAnswer,
    StoreError,
    UnknownAttemptError,
    default_db_path,
    user_db_path,
)

__all__ = [
    "AnswerAlreadyRecordedError",
    "AttemptFinishedError",
    "AttemptInfo",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DiskFullError",
    "LeaderboardRow",
    "NetworkFilesystemError",
    "ReadOnlyDatabaseError",
    "RecordRefusedError",
    "ResultsStore",
    "SetVersion",
    "StoreError",
    "StoredAnswer",
    "UnknownAttemptError",
    "default_db_path",
    "user_db_path",
]
