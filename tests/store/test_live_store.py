"""Live class games in the results store: the session, its players, batches, and the exports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.store.db import (
    SCHEMA_VERSION,
    AnswerRecord,
    ResultsStore,
    StoreError,
    live_name_key,
)
from quiz.store.exports import ExportRequest, build_export
from quiz.store.sets import SetTarget


def new_game(store: ResultsStore, set_id: str = "every-type") -> int:
    return store.start_live_session(set_id, "hash0000000000aa", "Title", "classic", 7, "ABCDE", 3)


def answer(store: ResultsStore, attempt: int, number: int, points: int, correct: bool) -> None:
    store.record_answer(
        attempt, f"q{number}", "context", number, "x", {"kind": "boolean", "value": True},
        correct, 1.0 if correct else 0.0, 2.5, points, False,
    )  # fmt: skip


def test_a_version_1_database_is_migrated_and_keeps_its_results(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with ResultsStore.open(path) as store:
        attempt = store.start_attempt("Léa", "4B", "s", "h", "T", "classic", 1)
        answer(store, attempt, 1, 900, True)
    old = sqlite3.connect(path)  # as an older quiz left it: version 1, no live tables
    old.executescript("DROP TABLE live_players; DROP TABLE live_sessions; PRAGMA user_version=1;")
    old.close()
    with ResultsStore.open(path) as store:
        assert store.pragma("user_version") == SCHEMA_VERSION == 2
        assert store.attempt(attempt).score == 900
        assert store.live_players(new_game(store)) == []


def test_players_join_once_per_name_and_a_restart_finds_them(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "db.sqlite3") as store:
        game = new_game(store)
        lea = store.join_live_session(game, "Léa", "4B", "hash-lea")
        with pytest.raises(StoreError, match="taken"):
            store.join_live_session(game, "  léa ", "4C", "other")
        other_game = new_game(store)
        store.join_live_session(other_game, "Léa", "4B", "hash-lea-2")  # another game: fine
        tom = store.join_live_session(game, "Tom", "", "hash-tom")
        answer(store, lea, 1, 1000, True)
        store.kick_live_player(tom)
        store.set_live_progress(game, 1, "asking")
        assert store.unfinished_live_session("every-type", "hash0000000000aa").id == other_game
        session = store.live_session(game)
        assert (session.current_question, session.state, session.seed) == (1, "asking", 7)
        players = store.live_players(game)
        assert [(p.player, p.token_hash, p.kicked) for p in players] == [
            ("Léa", "hash-lea", False),
            ("Tom", "hash-tom", True),
        ]
        ((attempt, stored),) = store.live_answers(game)
        assert (attempt, stored.points) == (lea, 1000)
        store.finish_live_session(game)
        assert store.attempt(lea).finished
        assert not store.attempt(tom).finished
        assert store.live_session(game).state == "finished"
    assert live_name_key(" Léa\u200b ") == live_name_key("LÉA") == "léa"


def test_a_batch_commits_once_and_a_failed_write_inside_leaves_the_others(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "db.sqlite3") as store:
        game = new_game(store)
        with store.batch():
            a = store.join_live_session(game, "A", "", "ha")
            with pytest.raises(StoreError):
                store.join_live_session(game, "a", "", "hb")
            b = store.join_live_session(game, "B", "", "hb")
            answer(store, a, 1, 10, True)
            answer(store, b, 1, 0, False)
        assert [p.player for p in store.live_players(game)] == ["A", "B"]
        assert len(store.live_answers(game)) == 2
        assert store.discard_live_answers(game, 1) == 2
        assert store.live_answers(game) == []


def test_a_burst_of_answers_is_a_few_statements_and_all_or_nothing(tmp_path: Path) -> None:
    """Each statement hands the interpreter's lock back to the live game's loop: 300 answers go
    in 4 INSERTs (256, 32, 8, 4), not 300; one answer the schema refuses keeps none of them."""
    with ResultsStore.open(tmp_path / "db.sqlite3") as store:
        game = new_game(store)
        players = [store.join_live_session(game, f"P{i}", "", f"h{i}") for i in range(300)]
        records = [
            AnswerRecord(p, "q1", "context", 1, "x", None, True, 1.0, 2.0, 10, False)
            for p in players
        ]
        inserts: list[str] = []
        store._connection.set_trace_callback(
            lambda sql: inserts.append(sql) if sql.startswith("INSERT") else None
        )
        store.record_answers(records)
        store._connection.set_trace_callback(None)
        assert len(inserts) == 4
        assert sorted(attempt for attempt, _ in store.live_answers(game)) == players
        second = [
            AnswerRecord(p, "q2", "context", 2, "x", None, True, 1.0, 2.0, 10, False)
            for p in players[:40]
        ]
        with pytest.raises(StoreError, match="answers refused"):  # q1 again, after 40 good ones
            store.record_answers([*second, records[0]])
        assert len(store.live_answers(game)) == 300


def test_a_live_store_checkpoints_only_when_told(tmp_path: Path) -> None:
    """The journal's pages reach the database file on `checkpoint`, not on a commit."""
    path = tmp_path / "db.sqlite3"

    def answers_in_the_database_file() -> int:
        # `immutable` reads the database file alone, without the journal.
        file = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        try:
            return int(file.execute("SELECT count(*) FROM answers").fetchone()[0])
        finally:
            file.close()

    with ResultsStore.open(path) as store:
        store.defer_checkpoints()
        assert store.pragma("wal_autocheckpoint") == 0
        game = new_game(store)
        player = store.join_live_session(game, "A", "", "ha")
        store.checkpoint()
        answer(store, player, 1, 10, True)
        assert answers_in_the_database_file() == 0
        store.checkpoint()
        assert answers_in_the_database_file() == 1


def test_exports_select_one_live_game(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "db.sqlite3") as store:
        first, second = new_game(store), new_game(store)
        for game, names in ((first, ["Ana", "Bo"]), (second, ["Cy"])):
            for name in names:
                attempt = store.join_live_session(game, name, "4B", "h" + name)
                answer(store, attempt, 1, 100, True)
            store.finish_live_session(game)
        solo = store.start_attempt("Dee", "4B", "every-type", "hash0000000000aa", "T", "classic", 3)
        answer(store, solo, 1, 100, True)
        store.finish_attempt(solo)
        target = SetTarget("every-type", None, from_file=False)
        for kind in ("leaderboard", "answers", "attempts", "skills"):
            rows = list(build_export(store, ExportRequest(kind, target, session=first)).rows)
            everyone = list(build_export(store, ExportRequest(kind, target)).rows)
            names = {name for name in ("Ana", "Bo", "Cy", "Dee") if name in repr(rows)}
            assert names == {"Ana", "Bo"}, kind
            assert all(name in repr(everyone) for name in ("Ana", "Bo", "Cy", "Dee")), kind
        (report,) = build_export(store, ExportRequest("report", target, session=first)).rows
        assert report[3] == 2  # answers to q1: Ana's and Bo's, not Cy's nor Dee's
        with pytest.raises(StoreError, match="played 'every-type', not 'other'"):
            build_export(
                store, ExportRequest("answers", SetTarget("other", None, False), session=1)
            )
        with pytest.raises(StoreError, match="no live game 9"):
            build_export(store, ExportRequest("answers", target, session=9))
