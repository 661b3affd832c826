"""Fixtures for the results store: a real database file per test, and a class that played a set.

Times are pinned to UTC so that exported local times do not depend on the machine. (`QUIZ_DB` is
cleared for every test by the root conftest, so the developer's own class database is never touched.)
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.core.loader import load_question_set
from quiz.core.models import QuestionSet
from quiz.store.db import ResultsStore

from .helpers import SET_FILE


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "classe.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[ResultsStore]:
    with ResultsStore.open(db_path) as opened:
        yield opened


@pytest.fixture
def question_set() -> QuestionSet:
    return load_question_set(SET_FILE)
