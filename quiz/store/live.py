"""The live class game's side of the store (`quiz host`): its sessions and their players.

A live class game is one `live_sessions` row: its players are ordinary attempts, linked to it by
`live_players` (with the hash of each player's resume token), so leaderboards, reports and exports
work on it as on any game, and `session=` selects it alone.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from quiz.core.text import clean_name, clean_text
from quiz.store.attempts import AttemptRecords
from quiz.store.errors import RecordRefusedError, StoreError, explain
from quiz.store.records import LivePlayerInfo, LiveSessionInfo, StoredAnswer, timestamp
from quiz.store.schema import LIVE_STATES

_LIVE_SESSION_COLUMNS = """
    id, set_id, set_hash, set_title, rule, seed, join_code, question_count, current_question, state,
    started_at, finished_at
"""


def live_name_key(name: str) -> str:
    """The form in which two players' names in one live game are the same name ("Léa", "léa ")."""
    return clean_name(name).casefold()


class LiveGameRecords(AttemptRecords):
    """The writes and reads of live games; their players' answers are those of `AttemptRecords`."""

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
                raise explain(error, self.path) from error

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
                    timestamp(started_at),
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
        moment = timestamp(finished_at)
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
