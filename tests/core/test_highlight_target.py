"""A highlight answer marks whole words: the word itself, never a longer word that contains it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.loader import check_paths
from quiz.core.models import HighlightQuestion
from quiz.core.text import find_phrase

DATA = Path(__file__).resolve().parents[1] / "data"


def _highlight(text: str, answer: str | list[str]) -> HighlightQuestion:
    return HighlightQuestion.model_validate(
        {
            "type": "highlight",
            "id": "h",
            "skill": "fact_vs_opinion",
            "prompt": "Pick",
            "explanation": "Because",
            "evidence": "x",
            "text": text,
            "answer": answer,
        }
    )


@pytest.mark.parametrize(
    ("text", "answer", "marked"),
    [
        # "en" first occurs inside "entre"; the word "en" comes later.
        ("Les relations entre Tokyo et Pékin en mer", "en", ["en"]),
        ("Il pourrait venir pour voir", "pour", ["pour"]),
        (
            "Selon des observateurs, Pékin pourrait",
            "Selon des observateurs,",
            ["Selon", "des", "observateurs"],
        ),
        ("Japon et Russie coopérereront", "coopérereront", ["coopérereront"]),
    ],
)
def test_the_answer_marks_the_whole_word_not_a_word_containing_it(
    text: str, answer: str, marked: list[str]
) -> None:
    question = _highlight(text, answer)
    assert [question.words[i] for i in sorted(question.target_words)] == marked


def test_find_phrase_refuses_a_phrase_that_only_cuts_words() -> None:
    assert find_phrase("Cela pourrait expliquer", "pour") is None
    assert find_phrase("Cela pourrait expliquer", "ait exp") is None
    assert find_phrase("Cela pourrait expliquer", "pourrait") == (5, 13)
    assert find_phrase("Cela pourrait expliquer", "") is None


def test_check_reports_an_answer_found_only_inside_a_longer_word() -> None:
    report = check_paths([DATA / "highlight" / "inside-a-word.yaml"])

    (error,) = report.errors
    assert (error.line, error.code) == (12, "highlight-target")
    assert error.hint is not None
    assert "inside a longer word" in error.hint
