"""Fixtures for every test: results never depend on the developer's machine or configuration."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SEED_ARTICLE_NAME = "000_2c25a1791533c941.txt"


@pytest.fixture(scope="session")
def seed_article() -> Path:
    """The project's seed article (an AFP dispatch), or a skip where it is absent.

    It lives in `shared/seeds` beside the repository (a checkout or one of its worktrees, so any
    parent folder), or in $QUIZ_SHARED_DIR/seeds; never inside it: the AFP text is quoted, not
    redistributed.
    """
    shared = os.environ.get("QUIZ_SHARED_DIR")
    folders = [Path(shared)] if shared else []
    folders += [folder / "shared" for folder in Path(__file__).resolve().parents]
    for folder in folders:
        candidate = folder / "seeds" / SEED_ARTICLE_NAME
        if candidate.is_file():
            return candidate
    pytest.skip("the AFP seed article (shared/seeds beside the repository) is absent")


@pytest.fixture(autouse=True)
def _neutral_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A fixed locale, no user theme or colour settings, private data, config and cache folders.

    pytest-textual-snapshot keeps its working folder in TEXTUAL_SNAPSHOT_*: those stay.
    """
    for name in list(os.environ):
        if name.startswith("TEXTUAL_SNAPSHOT"):
            continue
        if name.startswith(("LC_", "XDG_", "TEXTUAL")) or name in (
            "NO_COLOR",
            "FORCE_COLOR",
            "QUIZ_DB",
            "LANGUAGE",
            "COLUMNS",
            "LINES",
        ):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # Each test starts with an empty cache of set summaries (quiz.tui.preload).
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
