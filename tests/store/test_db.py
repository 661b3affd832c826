"""The results database on real SQLite files: settings, schema, recording, resuming, ranking."""

from __future__ import annotations

import sqlite3
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.core.models import QuestionSet
from quiz.store.db import (
    SCHEMA_VERSION,
    AnswerAlreadyRecordedError,
    AttemptFinishedError,
    ResultsStore,
    StoreError,
    UnknownAttemptError,
    default_db_path,
    user_db_path,
)

from .helpers import ALL_RIGHT, T0, play


def test_a_new_database_is_set_up_for_many_writers(store: ResultsStore) -> None:
    assert store.pragma("journal_mode") == "wal"
    assert store.pragma("synchronous") == 2  # FULL
    assert store.pragma("busy_timeout") >= 5000
    assert store.pragma("foreign_keys") == 1
    assert store.pragma("user_version") == SCHEMA_VERSION
    assert store.integrity_check() == "ok"


def test_an_old_database_is_migrated_and_a_newer_one_refused(db_path: Path) -> None:
    sqlite3.connect(db_path).close()  # an empty file at schema version 0
    with ResultsStore.open(db_path) as store:
        assert store.pragma("user_version") == SCHEMA_VERSION
        assert store.class_names() == []
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer version of quiz"):
        ResultsStore.open(db_path)


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("Ceci n'est pas une base de données.\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="is not a quiz results database"):
        ResultsStore.open(notes)


def test_exports_do_not_create_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no results database"):
        ResultsStore.open(tmp_path / "absent.sqlite3", create=False)
    assert not (tmp_path / "absent.sqlite3").exists()
    with pytest.raises(StoreError, match="does not exist"):
        ResultsStore.open(tmp_path / "no-such-folder" / "db.sqlite3")


def test_quiz_db_names_the_class_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_db_path() == user_db_path()
    assert user_db_path().name == "results.sqlite3"
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "5eB.sqlite3"))
    assert default_db_path() == tmp_path / "5eB.sqlite3"


def test_each_answer_is_committed_at_once(
    store: ResultsStore, db_path: Path, question_set: QuestionSet
) -> None:
    attempt = play(store, question_set, "Léa", "5e B", {"ville": [0], "source": [1]}, finish=False)
    # A second connection (another process would do the same) sees both answers already.
    other = sqlite3.connect(db_path)
    rows = other.execute(
        "SELECT question_id, correct FROM answers WHERE attempt_id = ? ORDER BY question_number",
        (attempt,),
    ).fetchall()
    other.close()
    assert rows == [("ville", 1), ("source", 0)]


def test_an_unfinished_attempt_can_be_resumed(
    store: ResultsStore, question_set: QuestionSet
) -> None:
    attempt = play(store, question_set, "Léa", "5e B", {"ville": [0], "source": [1]}, finish=False)
    play(store, question_set, "Léa", "5e B", ALL_RIGHT)  # a finished one is not offered
    unfinished = store.unfinished_attempts("Léa", question_set.id, question_set.content_hash)
    assert [a.id for a in unfinished] == [attempt]
    info = unfinished[0]
    assert (info.answered, info.correct, info.score, info.seed) == (2, 1, 1000, 1)
    assert not info.finished
    given = store.attempt_answers(attempt)
    assert [(a.question_number, a.question_id, a.answer_json) for a in given] == [
        (1, "ville", {"choices": [0]}),
        (2, "source", {"choices": [1]}),
    ]
    # Another version of the set, or another class, does not offer this attempt.
    assert store.unfinished_attempts("Léa", question_set.id, "another-version") == []
    assert (
        store.unfinished_attempts(
            "Léa", question_set.id, question_set.content_hash, class_name="4e A"
        )
        == []
    )
    store.finish_attempt(attempt)
    assert store.unfinished_attempts("Léa", question_set.id, question_set.content_hash) == []


def test_answers_are_refused_where_they_do_not_belong(
    store: ResultsStore, question_set: QuestionSet
) -> None:
    attempt = play(store, question_set, "Léa", "5e B", {"ville": [0]}, finish=False)
    record = store.record_answer
    with pytest.raises(AnswerAlreadyRecordedError):
        record(attempt, "ville", "comprehension", 1, "Moscou", [1], False, 0.0, 3.0, 0, False)
    with pytest.raises(StoreError, match="outside attempt"):
        record(attempt, "extra", "comprehension", 6, "x", None, False, 0.0, 3.0, 0, False)
    with pytest.raises(StoreError, match="number of seconds"):
        record(attempt, "source", "sourcing", 2, "AFP", [0], True, 1.0, float("nan"), 1, False)
    with pytest.raises(StoreError, match="between 0 and 1"):
        record(attempt, "source", "sourcing", 2, "AFP", [0], True, 1.5, 3.0, 1000, False)
    with pytest.raises(UnknownAttemptError):
        record(attempt + 99, "source", "sourcing", 2, "AFP", [0], True, 1.0, 3.0, 1000, False)
    store.finish_attempt(attempt)
    with pytest.raises(AttemptFinishedError):
        record(attempt, "source", "sourcing", 2, "AFP", [0], True, 1.0, 3.0, 1000, False)
    # The refused answers left nothing behind, and the transaction is not left open.
    assert len(store.attempt_answers(attempt)) == 1
    assert store.integrity_check() == "ok"


def test_names_are_cleaned_at_the_boundary(store: ResultsStore, question_set: QuestionSet) -> None:
    play(store, question_set, "  Zoé\x1b[31m \u202eEvil ", "5e\tB", {"ville": [0]})
    (row,) = store.leaderboard(question_set.id)
    assert (row.player, row.class_name) == ("Zoé[31m Evil", "5e B")
    assert store.class_names() == ["5e B"]
    with pytest.raises(StoreError, match="needs a name"):
        store.start_attempt(" \x07 ", "5e B", "s", "h", "t", "classic", 3)


def test_the_leaderboard_ranks_best_attempts_and_shares_ties(
    store: ResultsStore, question_set: QuestionSet
) -> None:
    wrong_city = {**ALL_RIGHT, "ville": [1]}
    play(store, question_set, "Léa", "5e B", wrong_city, seconds=5)
    play(store, question_set, "Léa", "5e B", ALL_RIGHT, seconds=8, start=T0 + timedelta(hours=1))
    play(store, question_set, "Hugo", "5e B", ALL_RIGHT, seconds=8)
    play(store, question_set, "Inès", "4e A", wrong_city, seconds=4)
    play(store, question_set, "Noah", "5e B", ALL_RIGHT, finish=False)  # unfinished: not ranked
    rows = store.leaderboard(question_set.id)
    assert [(r.rank, r.player, r.score, r.correct, r.accuracy, r.total_time) for r in rows] == [
        (1, "Hugo", 5000, 5, 100.0, 40.0),
        (1, "Léa", 5000, 5, 100.0, 40.0),
        (3, "Inès", 4000, 4, 80.0, 20.0),
    ]
    assert rows[0].finished_at == "2026-03-16 09:05:00"
    assert rows[0].set_version == question_set.content_hash
    every = store.leaderboard(question_set.id, all_attempts=True)
    assert [(r.rank, r.player, r.score) for r in every] == [
        (1, "Hugo", 5000),
        (1, "Léa", 5000),
        (3, "Inès", 4000),  # as many points as Léa's first attempt, in less time
        (4, "Léa", 4000),
    ]
    class_b = store.leaderboard(question_set.id, "5e B")
    assert [r.player for r in class_b] == ["Hugo", "Léa"]
    assert store.class_names() == ["4e A", "5e B"]


def test_versions_of_a_set_are_ranked_apart(store: ResultsStore, question_set: QuestionSet) -> None:
    play(store, question_set, "Léa", "5e B", ALL_RIGHT, set_hash="old0000000000000")
    later = T0 + timedelta(days=7)
    play(store, question_set, "Hugo", "5e B", ALL_RIGHT, start=later)
    versions = store.set_versions(question_set.id)
    assert [v.set_hash for v in versions] == [question_set.content_hash, "old0000000000000"]
    assert [r.player for r in store.leaderboard(question_set.id)] == ["Hugo"]
    old = store.leaderboard(question_set.id, set_hash="old0000000000000")
    assert [(r.player, r.set_version) for r in old] == [("Léa", "old0000000000000")]


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is the Linux convention")
def test_by_default_the_database_lives_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with ResultsStore.open(None) as store:
        assert store.path == tmp_path / "data" / "quiz" / "results.sqlite3"
    assert (tmp_path / "data" / "quiz" / "results.sqlite3").is_file()


def test_each_scoring_rule_is_ranked_on_its_own(
    store: ResultsStore, question_set: QuestionSet
) -> None:
    play(store, question_set, "Léa", "5e B", ALL_RIGHT)  # the helper plays "accuracy"
    classic = store.start_attempt(
        "Hugo", "5e B", question_set.id, question_set.content_hash, question_set.title, "classic", 5
    )
    store.record_answer(
        classic, "ville", "comprehension", 1, "Tokyo", [0], True, 1.0, 2.0, 9000, False
    )
    store.finish_attempt(classic)
    rows = store.leaderboard(question_set.id)
    assert [(r.rule, r.rank, r.player) for r in rows] == [
        ("accuracy", 1, "Léa"),
        ("classic", 1, "Hugo"),
    ]


def test_names_and_titles_edited_into_the_file_are_cleaned_as_they_are_read(
    db_path: Path, question_set: QuestionSet
) -> None:
    with ResultsStore.open(db_path) as store:
        attempt = play(store, question_set, "Léa", "4B", ALL_RIGHT)
    # Someone edits the database by hand (or another program writes it): escape codes, a bidi
    # override and a line break in a name, a class and a title.
    edit = sqlite3.connect(db_path)
    edit.execute("UPDATE players SET name = 'L\u202eéa\x1b[2J', class_name = '4\nB'")
    edit.execute("UPDATE attempts SET set_title = 'Titre\x07 \u2066piégé'")
    edit.commit()
    edit.close()
    with ResultsStore.open(db_path) as store:
        (row,) = store.leaderboard(question_set.id)
        assert (row.player, row.class_name) == ("Léa[2J", "4 B")
        assert store.class_names() == ["4 B"]
        assert store.attempt(attempt).set_title == "Titre piégé"
        assert store.attempt(attempt).player == "Léa[2J"
        (version,) = store.set_versions(question_set.id)
        assert version.set_title == "Titre piégé"
