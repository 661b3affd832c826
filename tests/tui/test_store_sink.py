"""Which database `quiz play` saves into when no --db is given, found on the saving thread."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from quiz.tui.store_sink import StoreSink


def opened_path(sink: StoreSink) -> Path:
    try:
        return asyncio.run(sink.call(lambda store: store.path))
    finally:
        sink.close()


def test_without_db_the_quiz_db_variable_names_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "class.sqlite3"))
    assert opened_path(StoreSink(None)) == tmp_path / "class.sqlite3"


def test_without_db_or_variable_the_users_data_folder_is_created_and_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZ_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert opened_path(StoreSink(None)) == tmp_path / "data" / "quiz" / "results.sqlite3"


def test_a_named_database_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "other.sqlite3"))
    assert opened_path(StoreSink(tmp_path / "named.sqlite3")) == tmp_path / "named.sqlite3"
