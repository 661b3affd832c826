"""The README is the teachers' first documentation: its commands and its example must stay true."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from quiz.core.diagnostics import QuestionSetError
from quiz.core.loader import load_question_set
from quiz.core.models import QUESTION_TYPES

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _example_set() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", README, flags=re.DOTALL)
    return next(b for b in blocks if "questions:" in b)


def test_readme_opens_with_the_two_fresh_machine_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    play, test = blocks[0].strip(), blocks[1].strip()
    assert README.index(blocks[0]) < README.index("##"), "the commands come before any section"
    assert play.endswith("quiz"), "the first command runs the game"
    assert "pytest" in test
    assert shlex.split(play)  # well-formed shell lines
    assert shlex.split(test)


@pytest.mark.parametrize("number", [1, 2])
def test_ci_runs_the_readmes_commands_as_printed(number: int) -> None:
    """.ci/run takes the commands from the README itself, so the two can never drift apart."""
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    printed = subprocess.run(
        [sys.executable, str(REPO / ".ci" / "readme-command"), str(number)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert printed == blocks[number - 1].strip()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"$(python3 .ci/readme-command {number})" in ci
    assert "--upgrade pip" not in ci  # a new user's venv has the stock pip


def _example_beside_the_seed(folder: Path, seed_article: Path, example: str) -> Path:
    """The README's example set written where it expects its article: the real seed dispatch."""
    (folder / "demo.yaml").write_text(example, encoding="utf-8")
    (folder / "articles").mkdir()
    shutil.copyfile(seed_article, folder / "articles" / "2plus2.txt")
    return folder / "demo.yaml"


def test_readme_example_is_a_valid_set_with_every_question_type(
    tmp_path: Path, seed_article: Path
) -> None:
    # The loader checks every evidence quote against the article the example links.
    question_set = load_question_set(
        _example_beside_the_seed(tmp_path, seed_article, _example_set())
    )
    assert {q.type for q in question_set.questions} == set(QUESTION_TYPES)


def test_an_example_quote_missing_from_the_seed_is_caught(
    tmp_path: Path, seed_article: Path
) -> None:
    """The check above can fail: one quote changed to words the dispatch never prints."""
    example = _example_set()
    first_quote = re.search(r"^    evidence: (.+)$", example, flags=re.MULTILINE)
    assert first_quote is not None
    broken = example.replace(first_quote.group(0), "    evidence: un sommet à Pékin", 1)
    with pytest.raises(QuestionSetError, match="evidence"):
        load_question_set(_example_beside_the_seed(tmp_path, seed_article, broken))


def test_pyproject_pins_textual_exactly() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(re.fullmatch(r"textual==\d+\.\d+\.\d+", d) for d in project["dependencies"])
