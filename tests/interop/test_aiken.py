"""Aiken: the documentation's example read, mistakes located as Moodle's importer sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.loader import load_question_set
from quiz.interop import InteropError, export_set, import_file
from quiz.paths import bundled_questions_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"
DOCS = DATA / "moodle-docs.aiken.txt"


def test_the_documented_example_becomes_single_choice_drafts(tmp_path: Path) -> None:
    result = import_file(DOCS, tmp_path / "aiken.yaml", language="en")
    first, second = result.question_set.questions
    assert first.prompt == "What is the correct answer to this question?"
    assert [c.text for c in first.choices] == [
        "Is it this one?",
        "Maybe this answer?",
        "Possibly this one?",
        "Must be this one!",
    ]
    assert first.correct_choices == {3}
    assert second.correct_choices == {0}
    assert len(second.choices) == 6
    # Aiken has no explanation, evidence or skill: marked placeholders, never invented.
    for question in (first, second):
        assert question.draft is not None
        assert question.draft.confidence == 0
        assert question.explanation.startswith("DRAFT:")
        assert question.evidence.startswith("DRAFT:")
    assert (
        result.yaml_text.count(
            "to complete: skill ('comprehension' stands in), explanation, evidence"
        )
        == 2
    )
    assert result.question_set.article.headline.startswith("DRAFT:")


def test_detected_without_being_named(tmp_path: Path) -> None:
    assert import_file(DOCS, tmp_path / "a.yaml").format.name == "aiken"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("A) Question not started\nANSWER: A\n", 1, "an answer comes before any question"),
        ("A question\nA) Only answer\nANSWER: A\n", 3, "at least two answers"),
        ("Q?\nA) x\nB) y\nANSWER: C\n", 4, "the key 'C' is not one of the answers A and B"),
        (
            "Started but not finished\nA) one\nB) two\n\nNext?\nA) a\nB) b\nANSWER: A\n",
            1,
            "this question has no 'ANSWER:' line",
        ),
        ("Q?\nA) x\nB) y\n", 1, "this question has no 'ANSWER:' line"),
    ],
)
def test_mistakes_are_located(text: str, line: int, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bank.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml", format_name="aiken")
    error = caught.value.diagnostics[0]  # the first of every mistake found
    assert (error.line, error.column) == (line, 1)
    assert message in error.message
    assert error.hint


def test_export_writes_the_documented_shape_and_says_what_is_left_out() -> None:
    question_set = load_question_set(
        bundled_questions_dir() / "afp-2013-japan-russia-2plus2.en.yaml"
    )
    result = export_set(question_set, "aiken")
    blocks = result.data.decode("utf-8").strip().split("\n\n")
    assert len(blocks) == result.exported
    for block in blocks:
        lines = block.split("\n")
        assert lines[-1].startswith("ANSWER: ")
        assert all(line[1:3] == ") " for line in lines[1:-1])
    messages = [d.message for d in result.diagnostics]
    assert any("is left out: Aiken has one right answer per question" in m for m in messages)
    assert any(
        "true/false is written as a one-answer question: True or False" in m for m in messages
    )
