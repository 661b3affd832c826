"""GIFT read from the examples of Moodle's own documentation, and its mistakes located.

`moodle-docs.gift` holds the documentation's examples, one or more per feature: multiple choice,
missing word, short answer, true/false, matching, numerical (tolerance, range, several answers),
names, per-answer feedback, weights, multiple answers, escapes, comments, $CATEGORY, [html],
[markdown], [plain], general feedback, essay and description.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.interop import InteropError, import_file
from quiz.interop.gift import read

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"
DOCS = DATA / "moodle-docs.gift"


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return read(DOCS.read_bytes(), str(DOCS))


def by_line(bank, line):  # type: ignore[no-untyped-def]
    (question,) = [q for q in bank.questions if q.line == line]
    return question


def test_every_documented_example_is_read_or_reported(bank) -> None:  # type: ignore[no-untyped-def]
    assert bank.title == "harry"  # $CATEGORY: tom/dick/harry
    assert len(bank.questions) == 35
    left_out = {(w.line, w.message) for w in bank.warnings}
    assert left_out == {
        (
            140,
            "an essay question (an open answer marked by hand) has no quiz form: "
            "question 'Q11' left out",
        ),
        (142, "a description (text without answers) is not a question: left out"),
    }


def test_multiple_choice_and_missing_word(bank) -> None:  # type: ignore[no-untyped-def]
    assert by_line(bank, 7).fields == {
        "prompt": "Who's buried in Grant's tomb?",
        "type": "single",
        "choices": ["Grant", "Jefferson", {"text": "no one", "correct": True}],
    }
    assert by_line(bank, 10).fields["prompt"] == "Grant is _____ in Grant's tomb."
    assert (
        by_line(bank, 13).fields["prompt"]
        == "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November."
    )


def test_matching_comes_in_as_categorize(bank) -> None:  # type: ignore[no-untyped-def]
    """Each documented matching example: items are the subquestions, categories the answers."""
    assert by_line(bank, 36).fields == {
        "prompt": "Match the following countries with their corresponding capitals.",
        "type": "categorize",
        "categories": ["Ottawa", "Rome", "Tokyo", "New Delhi"],
        "items": [
            {"text": "Canada", "category": "Ottawa"},
            {"text": "Italy", "category": "Rome"},
            {"text": "Japan", "category": "Tokyo"},
            {"text": "India", "category": "New Delhi"},
        ],
    }
    animals = by_line(bank, 130)
    assert animals.name == "Q4"
    assert animals.fields["categories"] == ["cat food", "dog food"]
    assert animals.fields["items"] == [
        {"text": "cat", "category": "cat food"},
        {"text": "dog", "category": "dog food"},
    ]


def test_short_answer_true_false_and_names(bank) -> None:  # type: ignore[no-untyped-def]
    assert by_line(bank, 26).fields["answer"] == ["no one", "nobody"]
    assert by_line(bank, 28).fields["prompt"] == "Two plus two equals _____."
    assert by_line(bank, 31).fields == {
        "prompt": "Grant is buried in Grant's tomb.",
        "type": "true_false",
        "answer": False,
    }
    assert by_line(bank, 33).fields["answer"] is True
    kanji = by_line(bank, 55)
    assert kanji.name == "Kanji Origins"
    # A line break in the file is a space; the question is one text.
    assert kanji.fields["prompt"] == "Japanese characters originally came from what country?"


def test_numerical_tolerance_range_and_several_answers(bank) -> None:  # type: ignore[no-untyped-def]
    assert by_line(bank, 44).fields["answer"] == 1822
    pi = by_line(bank, 46).fields
    assert (pi["answer"], pi["tolerance"]) == (3.1415, 0.0005)
    interval = by_line(bank, 48).fields
    assert interval["answer"] == pytest.approx(3.1415)
    assert interval["tolerance"] == pytest.approx(0.0005)
    assert by_line(bank, 134).fields["answer"] == 3
    assert by_line(bank, 134).fields["tolerance"] == 2
    several = by_line(bank, 50)
    assert several.fields["answer"] == 1822
    assert "tolerance" not in several.fields
    assert several.notes == ["the further accepted number 1822 ± 2 (50%) has no place in quiz"]


def test_feedback_weights_and_multiple_answers(bank) -> None:  # type: ignore[no-untyped-def]
    assert by_line(bank, 62).fields["choices"][2] == {
        "text": "right answer",
        "correct": True,
        "feedback": "Very good!",
    }
    assert by_line(bank, 71).notes == ["the feedback on true and false has no place in quiz"]
    assert by_line(bank, 74).notes == [
        "partial credit (50%) for 'half credit answer': it counts as wrong"
    ]
    hometown = by_line(bank, 82)
    assert hometown.fields["answer"] == ["Nazareth"]
    assert any("'Nazereth' earns 75%" in note for note in hometown.notes)
    entombed = by_line(bank, 88).fields
    assert entombed["type"] == "multiple"
    assert [
        c if isinstance(c, str) else c["text"] for c in entombed["choices"] if isinstance(c, dict)
    ] == [
        "Grant",
        "Grant's wife",
    ]
    assert by_line(bank, 88).notes == []  # ±50% on two right answers is quiz's own scoring


def test_escapes_general_feedback_and_formats(bank) -> None:  # type: ignore[no-untyped-def]
    assert [
        c if isinstance(c, str) else c["text"] for c in by_line(bank, 95).fields["choices"]
    ] == [
        "= 2 + 2",
        "= 2 + 3",
        "= 2 + 4",
    ]
    controls = by_line(bank, 100).fields["choices"]
    assert [c["text"] for c in controls] == ["~", "=", "#", "{", "}", "\\"]
    assert controls[5]["feedback"].startswith("Correct! \\ (backslash) is not")
    assert by_line(bank, 112).fields["prompt"].startswith("The *American holiday")  # [markdown]
    html = by_line(bank, 118)
    assert html.fields["prompt"] == "What is Moodle?\nOne word."
    assert html.notes == [
        "the HTML held formatting (bold, italics, links…), which plain text cannot: left out"
    ]
    assert by_line(bank, 120).fields["prompt"] == "Is 1 < 2?"  # [plain]
    assert by_line(bank, 136).fields["explanation"] == "Tri- means three."
    ratio = by_line(bank, 138).fields
    assert ratio["prompt"] == "Which ratio is a half: 1:2 or 2:1?"
    assert ratio["answer"] == ["1:2"]


def test_import_of_the_documentation_passes_quiz_check(tmp_path: Path) -> None:
    result = import_file(DOCS, tmp_path / "docs.yaml", language="en")
    assert len(result.question_set.questions) == 35
    assert result.drafts == 35  # GIFT gives no skill or evidence: every one is a marked draft
    text = result.yaml_text
    assert "# from moodle-docs.gift:7" in text
    assert "to complete: skill ('comprehension' stands in), explanation, evidence" in text
    assert "Tri- means three." in text  # a general feedback is an explanation, not a draft


@pytest.mark.parametrize(
    ("gift", "line", "column", "message", "hint"),
    [
        (
            "// a comment\nWho? {=a ~b\n",
            2,
            6,
            "the answers opened here with '{' are never closed",
            "end them with '}' before the blank line that ends the question",
        ),
        ("\n\nWho } is it? {=a ~b}\n", 3, 5, "this '}' closes no answers", r"\}"),
        ("Who? {=a ~b} and {=c}\n", 1, 18, "a second '{'", r"\{"),
        ("How many? {#many}\n", 1, 13, "a number was expected here", r"\#"),
        ("Which? {=a ~b {c}\n", 1, 15, "a '{' inside the answers", r"\{"),
        ("Which? {~a}\n", 1, 9, "a multiple-choice question needs at least two answers", "~"),
        ("Range? {#5..1}\n", 1, 10, "the range 5..1 ends below its start", "smaller"),
    ],
)
def test_mistakes_are_located_with_a_hint(
    gift: str, line: int, column: int, message: str, hint: str, tmp_path: Path
) -> None:
    path = tmp_path / "bank.gift"
    path.write_text(gift, encoding="utf-8")
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml", format_name="gift")
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.path, diagnostic.line, diagnostic.column) == (str(path), line, column)
    assert message in diagnostic.message
    assert diagnostic.hint is not None
    assert hint in diagnostic.hint
    assert str(diagnostic).startswith(f"{path}:{line}:{column}: error: ")


def test_every_broken_question_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bank.gift"
    path.write_text("Fine? {T}\n\nBroken { =a\n\nAlso fine {=x}\n\nBroken } too\n", "utf-8")
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml")
    assert [d.line for d in caught.value.diagnostics] == [3, 7]
