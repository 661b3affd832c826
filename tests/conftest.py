"""Fixtures for every test: results never depend on the developer's machine or configuration."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
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


class SmallDisk:
    """A real filesystem of 1 MB (tmpfs), mounted for one test: it fills up, and it can be made
    read-only, as a full disk or a locked USB key is."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._filler = path / "filler"

    def fill(self) -> None:
        """Take every free byte: the next write that needs room fails with ENOSPC."""
        descriptor = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(descriptor, b"\0" * 4096)
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
        finally:
            os.close(descriptor)

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)

    def make_read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A `SmallDisk` at tmp_path/disk, or a skip that says why it cannot be mounted here."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small disk (tmpfs) needs root on Linux")
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("mounting a small disk needs the mount and umount commands")
    point = tmp_path / "disk"
    point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0777", "tmpfs", str(point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(point)
    finally:
        # Lazily: a connection the test left open must not keep the mount alive.
        subprocess.run(["umount", "-l", str(point)], check=False)
