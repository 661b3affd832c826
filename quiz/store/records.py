"""The store's records: the values it takes and gives back, and how they become rows and back.

The store takes plain values, not the game engine's objects. `answer_json` is any JSON value the
game chooses; the game stores `quiz.core.answers.encode_answer`, and the report reads its
`{"selected": [i, ...]}` (or `{"choices": [i, ...]}`; indices in file order) for choice questions
and `{"value": true}` for true/false ones, to count how often each wrong choice was picked.

Names and texts are cleaned as they are written and again as they are read back; a value that is
not of the kind the schema writes is damage (`DamagedRecord`), never passed on.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from quiz.core.text import clean_name, clean_text
from quiz.store.errors import DamagedRecord, RecordRefusedError


def now_utc() -> str:
    """This moment as the store writes times: UTC, ISO 8601, to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def timestamp(moment: datetime | None) -> str:
    """`moment` as the store writes times (see `now_utc`); None is now."""
    if moment is None:
        return now_utc()
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time is the machine's local time
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


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
                raise DamagedRecord(f"{name} holds {type(value).__name__}, not text")
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


# Its columns in the order `answer_row` builds them.
INSERT_ANSWER = (
    "INSERT INTO answers (attempt_id, question_number, question_id, skill, answer_text, "
    "answer_json, correct, fraction, elapsed, points, timed_out, answered_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


ROWS_PER_INSERT = 256
"""The most answers one INSERT holds: 12 values each, far within SQLite's bound variables."""


def powers_of_two_in(count: int) -> Iterator[int]:
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


def insert_answers(rows: int) -> str:
    """`INSERT_ANSWER` for `rows` rows at once."""
    return INSERT_ANSWER + ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" * (rows - 1)


def answer_row(record: AnswerRecord) -> tuple[Any, ...]:
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
        timestamp(record.answered_at),
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


# --- values as query parameters, and rows as records ----------------------------------------------


def class_or_none(class_name: str | None) -> str | None:
    """A class to select, cleaned as it was when written; None selects every class."""
    return None if class_name is None else clean_name(class_name)


def stored_answer(*row: Any) -> StoredAnswer:
    number, question_id, skill, text, raw, ok, fraction, elapsed, points, late, answered_at = row
    return StoredAnswer(
        number, question_id, skill, text, json.loads(raw), bool(ok), fraction, elapsed, points,
        bool(late), answered_at,
    )  # fmt: skip


def analysed_answer(*row: Any) -> AnalysedAnswer:
    attempt_id, name, group, question_id, skill, text, raw, ok, fraction, elapsed = row
    return AnalysedAnswer(
        attempt_id, name, group, question_id, skill, text, _loads(raw), bool(ok), fraction, elapsed
    )


def checked_text(value: Any) -> str:
    """A text column's value; anything else there (a damaged page) is `DamagedRecord`."""
    if not isinstance(value, str):
        raise DamagedRecord(f"a text column holds {type(value).__name__}")
    return value


def cleaned_name(value: Any) -> str:
    """A name column's value, checked and cleaned again as it is read back."""
    return clean_name(checked_text(value))


def _loads(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw
