"""The real `quiz` command in a real terminal (tmux, 80×24): what a student actually sees.

Pilot drives the app from inside; here keys go through a terminal emulator and the screen is read
back with `capture-pane`, so escape sequences, key parsing and the CLI entry point are all real.
"""

from __future__ import annotations

import os
import shutil
import string
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.core.session import GameSession, GameSettings

from .conftest import DATA, load

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    """One tmux session running one command; `screen()` is what is on it now."""

    def __init__(self, name: str) -> None:
        self.name = name

    def send(self, *keys: str) -> None:
        for key in keys:  # one at a time, with a pause, as a person types
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    name = f"quiz-test-{uuid.uuid4().hex[:8]}"
    yield Terminal(name)
    subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


def start(terminal: Terminal, *arguments: str) -> None:
    environment = {
        "PYTHONPATH": str(ROOT),
        "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],  # the test's own (see conftest)
        "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],  # so is the results database
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    command = " ".join([sys.executable, "-m", "quiz", *arguments])
    # The pane stays open after quiz exits, showing its status, so a test can read both.
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", terminal.name, "-x", "80", "-y", "24"]
        + [f"-e{key}={value}" for key, value in environment.items()]
        + ["-c", str(ROOT), f"{command}; echo quiz exited $?; sleep 30"],
        check=True,
    )


def test_a_student_plays_a_question_in_a_real_terminal(terminal: Terminal) -> None:
    path = DATA / "every_type.yaml"
    start(terminal, "play", "--lang", "fr", "--seed", "5", str(path))
    home = terminal.wait_for("Choisis une série de questions")
    assert "Every question type" in home
    terminal.send("Enter")
    terminal.wait_for("Qui joue ?")
    terminal.send("Z", "o", "é", "Enter", "4", "B", "Enter")
    question = terminal.wait_for("Question 1/7")
    assert "Compétence : Compréhension" in question
    assert "In which city did the ministers meet?" in question
    assert "◷ " in question

    # The same seed gives the same shuffle: find the letter of the right choice.
    session = GameSession(load("every_type.yaml"), GameSettings("Zoé", seed=5))
    presented = session.start_question(0.0)
    right = presented.choice_order.index(next(iter(presented.question.correct_choices)))
    terminal.send(string.ascii_lowercase[right])
    feedback = terminal.wait_for("✓ Bonne réponse !")
    assert "Tokyo" in feedback
    assert "+" in feedback
    assert "points" in feedback

    terminal.send("Escape")
    terminal.wait_for("Quitter cette partie ?")
    terminal.send("Right", "Enter")
    terminal.wait_for("Choisis une série de questions")
    terminal.send("C-q")  # no game in progress: quits at once
    terminal.wait_for("quiz exited 0", timeout=10)


def test_quiz_without_arguments_opens_the_bundled_sets(terminal: Terminal) -> None:
    start(terminal, "--help")
    assert "play" in terminal.wait_for("Commands:")
    subprocess.run(["tmux", "kill-session", "-t", terminal.name], check=True)
    start(terminal)
    home = terminal.wait_for("Choose a set of questions")
    assert "questions" in home
    terminal.send("F1")
    terminal.wait_for("Keys")
    terminal.send("Escape", "C-q")
    terminal.wait_for("quiz exited 0", timeout=10)


def test_a_folder_with_a_broken_file_plays_the_others_and_names_it(
    terminal: Terminal, tmp_path: Path
) -> None:
    folder = tmp_path / "sets"
    shutil.copytree(DATA / "numbers", folder)
    (folder / "typo.yaml").write_text(
        (DATA / "invalid" / "misspelt-required-key.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    start(terminal, "play", "--lang", "fr", str(folder))
    home = terminal.wait_for("1 fichier n’a pas pu être chargé")
    flat = "".join(home.replace("█", "").split())  # the path may wrap anywhere
    assert "typo.yaml:13:5:unknownkey'explication'" in flat
    assert "The harbour's busiest week" in home
    assert "La semaine la plus chargée du port" in home
    terminal.send("C-q")
    # Standard error said the same before the game took the screen; it is there once it quits.
    after = terminal.wait_for("quiz exited 0", timeout=10)
    assert "1 file could not be loaded; playing the other sets:" in after
    assert "typo.yaml:13:5:unknownkey'explication'" in "".join(after.split())
