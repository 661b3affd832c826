"""The game's side of the store: players, their attempts at a set, and each answer as it is given.

Each answer is committed the moment it is given: a game killed half-way keeps its answers, and the
attempt can be resumed (`unfinished_attempts`, `attempt_answers`) or is listed as unfinished.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from quiz.core.text import clean_name, clean_text
from quiz.store.connection import StoreConnection
from quiz.store.errors import (
    AnswerAlreadyRecordedError,
    AttemptFinishedError,
    RecordRefusedError,
    StoreError,
    UnknownAttemptError,
)
from quiz.store.records import (
    INSERT_ANSWER,
    AnswerRecord,
    AttemptInfo,
    StoredAnswer,
    answer_row,
    class_or_none,
    cleaned_name,
    insert_answers,
    powers_of_two_in,
    stored_answer,
    timestamp,
)

_ATTEMPT_COLUMNS = """
    a.id, p.name, p.class_name, a.set_id, a.set_hash, a.set_title, a.rule, a.question_count,
    a.seed, a.started_at, a.finished_at,
    (SELECT COUNT(*) FROM answers WHERE attempt_id = a.id),
    (SELECT COALESCE(SUM(points), 0) FROM answers WHERE attempt_id = a.id),
    (SELECT COALESCE(SUM(correct), 0) FROM answers WHERE attempt_id = a.id)
"""


class AttemptRecords(StoreConnection):
    """The writes of a game being played, and the reads that resume it."""

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
        moment = timestamp(started_at)
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
        row = answer_row(record)
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
                execute(INSERT_ANSWER, row)
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
        rows = [answer_row(record) for record in records]
        with self._write() as execute:
            try:
                start = 0
                for size in powers_of_two_in(len(rows)):
                    chunk = rows[start : start + size]
                    execute(insert_answers(size), [value for row in chunk for value in row])
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
                    (timestamp(finished_at), attempt_id),
                )

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
                class_or_none(class_name),
                class_or_none(class_name),
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
            stored_answer,
        )

    def class_names(self) -> list[str]:
        """Every class seen so far (non-empty), alphabetically: what the game offers to pick."""
        return self._fetch(
            "SELECT DISTINCT class_name FROM players WHERE class_name <> '' ORDER BY class_name",
            (),
            cleaned_name,
        )
