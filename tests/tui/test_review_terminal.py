"""The real `quiz review` in a real terminal (tmux, 80×24) on a generated draft: keys through a
terminal emulator, the screen read back, $EDITOR run at the question and the file read again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.core.loader import load_question_set

from .conftest import DATA
from .test_terminal import ROOT, Terminal

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
DRAFT = DATA / "review" / "fr_peche_nordique-quiz.yaml"

# An "editor" that does what a teacher would: it notes where it was opened, and fixes a prompt.
EDITOR = """#!/bin/sh
echo "$@" > "$(dirname "$2")/editor-called-with"
sed -i 's/quelle fonction occupe Ingrid Solberg/quel poste occupe Ingrid Solberg/' "$2"
"""


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    name = f"quiz-review-{os.getpid()}"
    yield Terminal(name)
    subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


def test_a_teacher_reviews_a_draft_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    shutil.copyfile(DRAFT.with_suffix(".txt"), tmp_path / DRAFT.with_suffix(".txt").name)
    draft = Path(shutil.copyfile(DRAFT, tmp_path / DRAFT.name))
    editor = tmp_path / "fake-editor"
    editor.write_text(EDITOR, encoding="utf-8")
    editor.chmod(0o755)
    environment = {
        "PYTHONPATH": str(ROOT),
        "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],
        "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "EDITOR": str(editor),
    }
    command = f"{sys.executable} -m quiz review --lang fr {draft}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", terminal.name, "-x", "80", "-y", "24"]
        + [f"-e{key}={value}" for key, value in environment.items()]
        + ["-c", str(tmp_path), f"{command}; echo quiz exited $?; sleep 30"],
        check=True,
    )
    screen = terminal.wait_for("Relecture : fr_peche_nordique-quiz.yaml")
    assert "quelle fonction occupe" in screen
    terminal.wait_for("La série passe quiz check.")
    terminal.send("a")  # q01 accepted, q02 highlighted
    terminal.wait_for("✓ gardée q01-role")
    terminal.send("o")  # decisions not saved yet: the editor waits
    terminal.wait_for("Enregistre d'abord")
    terminal.send("C-s")
    terminal.wait_for("fr_peche_nordique-quiz.yaml enregistré")
    terminal.send("o")  # at q02, in the "editor"
    screen = terminal.wait_for("relu après ta modification")
    assert "quel poste occupe" in screen
    line = next(
        number
        for number, text in enumerate(draft.read_text(encoding="utf-8").splitlines(), start=1)
        if text == "- id: q02-role"
    )
    assert (tmp_path / "editor-called-with").read_text().split() == [f"+{line}", str(draft)]
    terminal.send("d", "Escape")  # q02 dropped; leaving asks first
    terminal.wait_for("Quitter sans enregistrer ?")
    terminal.send("Right", "Enter")
    terminal.wait_for("quiz exited 0", timeout=10)
    question_set = load_question_set(draft)
    assert [q.id for q in question_set.questions][:2] == ["q01-role", "q02-role"]
    assert question_set.draft_count == 19
