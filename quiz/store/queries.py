"""The teacher's reads: the sets and versions with results, and the export and report queries.

Leaderboard, attempts, answers and the answers analysed for the report: each a version of one set
(results of different versions never mix), optionally of one class or one live game (`session=`).
The answers export streams cells already made safe for CSV from SQLite itself.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quiz.store.connection import StoreConnection
from quiz.store.csv_export import PLAIN_FIRST_CODE_POINTS, SQL_CELL_FUNCTION
from quiz.store.errors import explain
from quiz.store.records import (
    AnalysedAnswer,
    LeaderboardRow,
    SetVersion,
    analysed_answer,
    checked_text,
    class_or_none,
)

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


class ExportQueries(StoreConnection):
    """The reads behind the teacher's exports and reports; none of them writes."""

    def set_ids(self) -> list[str]:
        return self._fetch("SELECT DISTINCT set_id FROM attempts ORDER BY set_id", (), checked_text)

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
                "class": class_or_none(class_name),
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
                "class": class_or_none(class_name),
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
            "class": class_or_none(class_name),
            "comma": int(decimal_comma),
            "session": session,
        }
        try:
            cursor = self._connection.execute(ANSWERS_QUERY, parameters)
        except sqlite3.Error as error:
            raise explain(error, self.path) from error
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
                "class": class_or_none(class_name),
                "all": int(all_attempts),
                "session": session,
            },
            analysed_answer,
        )

    def _newest_hash(self, set_id: str) -> str | None:
        versions = self.set_versions(set_id)
        return versions[0].set_hash if versions else None


def _streamed(cursor: sqlite3.Cursor, path: Path) -> Iterator[tuple[Any, ...]]:
    """A cursor's rows, fetched in batches; SQLite's errors while they stream (a damaged page met
    half-way) come out as the store's errors. Iterators of C, not a generator: dropped after its
    database is closed, it runs nothing, and a row costs no Python call."""

    def batch() -> list[tuple[Any, ...]]:
        try:
            return cursor.fetchmany(_STREAM_BATCH)
        except sqlite3.Error as error:
            raise explain(error, path) from error

    return itertools.chain.from_iterable(iter(batch, []))


_STREAM_BATCH = 2000
