"""`quiz import` and `quiz export` as a teacher runs them: real processes on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import INTEROP_FORMATS
from quiz.core.models import QUESTION_TYPES
from quiz.interop import FORMATS
from quiz.interop.model import Unsupported
from quiz.interop.registry import FORMAT_NAMES

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"


def quiz(*arguments: str, cwd: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real `quiz` command (or `code` run before it, to hide a library)."""
    prelude = code or ""
    program = f"{prelude}\nimport sys\nfrom quiz.cli import main\nsys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", program, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_export_then_import_then_check(tmp_path: Path) -> None:
    exported = quiz(
        "export", "afp-2013-japan-russia-2plus2.en", "--to", "gift", "-o", "en.gift", cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    lines = exported.stderr.splitlines()
    assert any(
        ": warning: question 'hedge-pourrait' is left out: GIFT has no question where students "
        "pick words in a passage" in line
        for line in lines
    )
    assert any(line.startswith("note: each question's skill, evidence") for line in lines)
    assert lines[-1] == "wrote en.gift: 21 of 25 questions as Moodle GIFT; 4 left out"

    imported = quiz("import", "en.gift", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.splitlines()[-1] == "wrote en.yaml: 21 questions from Moodle GIFT"
    checked = quiz("check", "en.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.splitlines()[-1].startswith(
        "ok: 1 file, 1 valid set, 21 questions; 0 errors"
    )

    again = quiz("import", "en.gift", cwd=tmp_path)
    assert again.returncode == 1
    assert "en.yaml exists" in again.stderr


def test_a_spreadsheet_goes_to_a_pipe_and_comes_back(tmp_path: Path) -> None:
    exported = subprocess.run(
        [
            sys.executable,
            "-m",
            "quiz",
            "export",
            "afp-2013-japan-russia-2plus2.en",
            "--to",
            "kahoot-xlsx",
        ],
        cwd=tmp_path,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith(b"PK\x03\x04")
    (tmp_path / "en.xlsx").write_bytes(exported.stdout)
    imported = quiz("import", "en.xlsx", "--lang", "en", "-o", "-", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(
        "# Imported by `quiz import` from en.xlsx (Kahoot! spreadsheet)."
    )
    assert "marked draft: to complete" in imported.stderr.splitlines()[-1]


def test_a_broken_file_gives_located_errors_and_status_1(tmp_path: Path) -> None:
    (tmp_path / "bank.gift").write_text("Fine? {T}\n\nBroken { =a\n", encoding="utf-8")
    result = quiz("import", "bank.gift", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "bank.gift:3:8: error: the answers opened here with '{' are never closed",
        "    hint: end them with '}' before the blank line that ends the question",
    ]
    assert not (tmp_path / "bank.yaml").exists()


HIDE_LIBRARIES = (
    "import sys\nfor name in ('lark', 'lxml', 'openpyxl'):\n    sys.modules[name] = None"
)


def test_without_the_interop_extra_the_command_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "bank.gift").write_text("Q? {T}\n", encoding="utf-8")
    result = quiz("import", "bank.gift", cwd=tmp_path, code=HIDE_LIBRARIES)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: Moodle GIFT needs the Python package 'lark', which is not installed: "
        "pip install 'quiz[interop]'"
    )
    # Aiken needs no library at all.
    (tmp_path / "bank.txt").write_text("Q?\nA) x\nB) y\nANSWER: A\n", encoding="utf-8")
    aiken = quiz("import", "bank.txt", "--lang", "en", cwd=tmp_path, code=HIDE_LIBRARIES)
    assert aiken.returncode == 0, aiken.stderr


def test_the_command_line_lists_the_registry_formats() -> None:
    assert INTEROP_FORMATS == FORMAT_NAMES


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_each_format_has_one_entry_per_question_type(format_name: str) -> None:
    """Adding a question type (categorize…) is one entry in each format's table: none is forgotten."""
    table = FORMATS[format_name].exports
    assert set(table) == set(QUESTION_TYPES)
    for entry in table.values():
        assert isinstance(entry, Unsupported) or entry is not None


def test_every_format_has_its_place_in_detection() -> None:
    from quiz.interop.registry import _DETECTION_ORDER

    assert sorted(_DETECTION_ORDER) == sorted(FORMAT_NAMES)
