"""The README is the teachers' first documentation: its commands and its example must stay true."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

from quiz.core.loader import load_question_set
from quiz.core.models import QUESTION_TYPES
from quiz.core.text import normalise_for_search

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
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), ".ci/run must call the README's test command"
    assert shlex.split(test)  # a well-formed shell line


def test_readme_example_is_a_valid_set_with_every_question_type(tmp_path: Path) -> None:
    example = _example_set()
    (tmp_path / "demo.yaml").write_text(example, encoding="utf-8")
    # The example links an article: give it one made of its own quotes, so the check is real.
    quotes = re.findall(r"^    evidence: (.+)$", example, flags=re.MULTILINE)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "2plus2.txt").write_text("\n".join(quotes), encoding="utf-8")
    question_set = load_question_set(tmp_path / "demo.yaml")
    assert {q.type for q in question_set.questions} == set(QUESTION_TYPES)


def test_readme_example_quotes_the_seed_article_verbatim(seed_article: Path) -> None:
    article = normalise_for_search(seed_article.read_text(encoding="utf-8"))
    for quote in re.findall(r"^    evidence: (.+)$", _example_set(), flags=re.MULTILINE):
        assert normalise_for_search(quote.strip().strip("'")) in article, quote


def test_pyproject_pins_textual_exactly() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(re.fullmatch(r"textual==\d+\.\d+\.\d+", d) for d in project["dependencies"])
