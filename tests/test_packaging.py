"""A plain (non-editable) install must carry the bundled sets, the stylesheet and the schema."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel_file,) = out.glob("quiz-*.whl")
    return zipfile.ZipFile(wheel_file)


def test_wheel_ships_every_bundled_set_and_article(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    questions = REPO / "questions"
    expected = [
        p for p in questions.rglob("*") if p.is_file() and p.suffix in (".yaml", ".json", ".txt")
    ]
    assert expected, "the repository has bundled sets"
    for path in expected:
        assert f"quiz/bundled/{path.relative_to(questions).as_posix()}" in names


def test_wheel_ships_the_page_of_served_tabs(wheel: zipfile.ZipFile) -> None:
    assert "quiz/tui/web_page/index.html" in wheel.namelist()


def test_installed_wheel_finds_its_bundled_sets(wheel: zipfile.ZipFile, tmp_path: Path) -> None:
    """Installed as a plain wheel and run from elsewhere, `quiz check` checks the shipped sets."""
    target = tmp_path / "site"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel.filename),
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "check"],
        check=False,
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(target / "quiz" / "bundled") in done.stdout
    assert done.stdout.splitlines()[-1].startswith("ok: 3 files, 3 valid sets")


def test_wheel_ships_every_package_the_stylesheets_and_the_live_page(
    wheel: zipfile.ZipFile,
) -> None:
    names = set(wheel.namelist())
    for source in (REPO / "quiz").rglob("*"):
        # .lark: the GIFT grammar, read at run time by quiz.interop.gift; the rest: the live page
        if (
            source.suffix in (".py", ".tcss", ".lark", ".html", ".js", ".css")
            and "__pycache__" not in source.parts
        ):
            assert source.relative_to(REPO).as_posix() in names, source
