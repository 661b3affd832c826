"""No escape code reaches the terminal: every path and text the command line prints is cleaned.

A set file handed to a teacher may be named `ESC ] 0 ; title BEL` (retitles the window) or
`ESC ] 52 ; c ; … BEL` (writes the clipboard); C1 controls (U+009B is a CSI) and bidi overrides
(U+202E) reorder or restyle what follows; a name that is not UTF-8 would go back out as raw bytes.
Real processes, their raw output read as bytes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
WARNING_SET = DATA / "invalid" / "no-article-text.yaml"
QUIZ = [sys.executable, "-m", "quiz"]

HOSTILE_NAMES = [
    "\x1b]0;PWNED\x07title.yaml",  # OSC 0: the window's title
    "\x1b]52;c;cm0gLXJmIH4=\x07clip.yaml",  # OSC 52: the clipboard
    "csi\u009b31mred.yaml",  # a C1 CSI, as UTF-8
    "bidi\u202edlrow.yaml",  # right-to-left override
    "bell\x07\x1b[2Jclear.yaml",  # bell, then clear the screen
]


def _only_printable(output: bytes) -> str:
    """The output as text, after checking it is UTF-8 and holds nothing but printable text."""
    text = output.decode("utf-8")  # strict: no raw byte of a non-UTF-8 name got through
    unprintable = sorted({f"U+{ord(c):04X}" for c in text if not (c.isprintable() or c == "\n")})
    assert unprintable == [], text
    return text


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*QUIZ, *arguments], capture_output=True, check=False, cwd=cwd, timeout=120
    )


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A folder of one valid set (with a warning) under each hostile name, and one whose name is
    not UTF-8 (byte 0x9b: a CSI for an 8-bit terminal)."""
    folder = tmp_path / "sets"
    folder.mkdir()
    for index, name in enumerate(HOSTILE_NAMES):
        text = WARNING_SET.read_text(encoding="utf-8").replace(
            "id: no-article-text", f"id: hostile-{index}"
        )
        (folder / name).write_text(text, encoding="utf-8")
    raw_name = os.path.join(os.fsencode(folder), b"raw\x9bbyte.yaml")
    shutil.copyfile(WARNING_SET, raw_name)
    return folder


def test_check_prints_every_path_cleaned(hostile_folder: Path) -> None:
    done = _run("check", str(hostile_folder), cwd=hostile_folder)
    assert done.returncode == 0, done.stderr
    text = _only_printable(done.stdout)
    assert "ok: 6 files, 6 valid sets" in text
    # The names are still recognisable, without their control characters.
    assert "sets/]0;PWNEDtitle.yaml:6:3: warning: evidence quotes are not checked" in text
    assert "sets/]52;c;cm0gLXJmIH4=clip.yaml:6:3" in text
    assert "sets/bididlrow.yaml:6:3" in text
    assert "sets/raw\ufffdbyte.yaml:6:3" in text


def test_check_json_keeps_exact_paths_and_shows_no_escape_code(hostile_folder: Path) -> None:
    done = _run("check", "--format", "json", str(hostile_folder), cwd=hostile_folder)
    assert done.returncode == 0, done.stderr
    report = json.loads(_only_printable(done.stdout))
    # What a program reads back is each file's real name, even the one that is not UTF-8.
    paths = {os.fsencode(d["path"]) for d in report["diagnostics"]}
    assert paths == {os.fsencode(hostile_folder / name) for name in os.listdir(hostile_folder)}
    assert report["warnings"] == 6


def test_an_exports_errors_print_the_names_cleaned(tmp_path: Path) -> None:
    missing_set = tmp_path / "\x1b]0;PWNED\x07set.yaml"
    done = _run("answers", str(missing_set), cwd=tmp_path)
    assert done.returncode == 1
    assert "]0;PWNEDset.yaml:1:1: error:" in _only_printable(done.stderr)

    database = tmp_path / "\x1b]52;c;cm0gLXJmIH4=\x07.sqlite3"
    done = _run("answers", str(DATA / "every_type.yaml"), "--db", str(database), cwd=tmp_path)
    assert done.returncode == 1
    assert "]52;c;cm0gLXJmIH4=.sqlite3" in _only_printable(done.stderr)


def test_clicks_own_messages_are_cleaned_too(tmp_path: Path) -> None:
    # Click quotes an unexpected argument as it was typed.
    done = _run("schema", "\x1b]0;PWNED\x07", cwd=tmp_path)
    assert done.returncode == 2
    assert "Got unexpected extra argument (]0;PWNED)" in _only_printable(done.stderr)
