"""`categorize` through Moodle's matching question, both ways, on real files.

Out and back through GIFT and Moodle XML gives the same question (the categories in their order,
each item in its category, a category no item has kept); a matching question that does not fit
categorize's limits is left out with the reason at its line; Aiken and Kahoot! say why they
cannot hold it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.loader import check_paths, load_question_set
from quiz.core.models import CategorizeQuestion
from quiz.interop import FORMATS, InteropError, export_set, import_file

DATA = Path(__file__).resolve().parents[1] / "data"
TRIER = DATA / "categorize" / "trier.yaml"

SET_HEAD = """\
id: sorting
title: Sorting statements
language: en
article:
  headline: Ministers meet in Tokyo
questions:
"""


def sorting_set(tmp_path: Path, categories: list[str], items: list[tuple[str, str]]) -> Path:
    """A set of one categorize question, written as a teacher would."""
    lines = [
        "  - id: sort-them",
        "    type: categorize",
        "    skill: fact_vs_opinion",
        "    prompt: Sort each statement.",
        f"    categories: [{', '.join(categories)}]",
        "    items:",
    ]
    for text, category in items:
        lines += [f"      - text: {text}", f"        category: {category}"]
    lines += ["    explanation: Facts can be checked.", "    evidence: met in Tokyo"]
    path = tmp_path / "sorting.yaml"
    path.write_text(SET_HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def placements(question: CategorizeQuestion) -> list[tuple[str, str]]:
    """Each item with its category as the category list spells it (what a student is marked on)."""
    return [
        (item.text, question.categories[key] if key is not None else "?")
        for item, key in zip(question.items, question.key, strict=True)
    ]


def round_trip(set_file: Path, format_name: str, tmp_path: Path) -> CategorizeQuestion:
    original = load_question_set(set_file)
    exported = export_set(original, format_name)
    target = tmp_path / f"out{FORMATS[format_name].suffix}"
    target.write_bytes(exported.data)
    back_file = tmp_path / "back.yaml"
    result = import_file(target, back_file)
    back_file.write_text(result.yaml_text, encoding="utf-8")
    assert not check_paths([back_file]).errors
    (question,) = result.question_set.questions
    assert isinstance(question, CategorizeQuestion)
    return question


@pytest.mark.parametrize("format_name", ["gift", "moodle-xml"])
def test_a_category_no_item_has_and_a_spelling_of_the_key_come_back(
    format_name: str, tmp_path: Path
) -> None:
    original = load_question_set(TRIER).questions[0]
    assert isinstance(original, CategorizeQuestion)
    back = round_trip(TRIER, format_name, tmp_path)
    assert back.categories == original.categories  # 'Rumeur', which no item has, included
    assert placements(back) == placements(original)
    # The one change: an item's category is spelt as `categories:` spells it ('opinion' →
    # 'Opinion'), since Moodle matches answers letter for letter; the key is the same.
    assert back.key == original.key
    assert [i.category for i in back.items] == [original.categories[k] for k in original.key]  # type: ignore[index]
    assert (back.id, back.prompt, back.explanation, back.evidence, back.skill) == (
        original.id,
        original.prompt,
        original.explanation,
        original.evidence,
        original.skill,
    )


@pytest.mark.parametrize("format_name", ["gift", "moodle-xml"])
def test_the_order_of_the_categories_comes_back_from_the_comment(
    format_name: str, tmp_path: Path
) -> None:
    """Moodle has no order for answers: the first item is an opinion, yet 'Fact' stays first."""
    set_file = sorting_set(
        tmp_path,
        ["Fact", "Opinion", "Hypothesis"],
        [
            ("A good start", "Opinion"),
            ("They met in Tokyo", "Fact"),
            ("China, maybe", "Hypothesis"),
        ],
    )
    original = load_question_set(set_file).questions[0]
    back = round_trip(set_file, format_name, tmp_path)
    assert back == original


def test_gift_writes_the_pairs_moodle_documents(tmp_path: Path) -> None:
    text = export_set(load_question_set(TRIER), "gift").data.decode("utf-8")
    assert "\t=Nous avons pris un bon départ. -> Opinion\n" in text
    assert "\t= -> Rumeur\n" in text  # a category no item has: an extra answer


def test_moodle_xml_writes_subquestions_and_an_extra_answer() -> None:
    from lxml import etree

    root = etree.fromstring(export_set(load_question_set(TRIER), "moodle-xml").data)
    (question,) = [q for q in root.findall("question") if q.get("type") == "matching"]
    rows = [
        (s.findtext("text") or "", s.findtext("answer/text"))
        for s in question.findall("subquestion")
    ]
    assert rows[1] == ("Nous avons pris un bon départ.", "Opinion")
    assert rows[-1] == ("", "Rumeur")
    assert len(rows) == 5
    assert question.findtext("shuffleanswers") == "true"


def test_gift_needs_three_pairs_and_moodle_xml_says_what_its_editor_wants(
    tmp_path: Path,
) -> None:
    set_file = sorting_set(
        tmp_path, ["Fact", "Opinion"], [("They met", "Fact"), ("Good", "Opinion")]
    )
    question_set = load_question_set(set_file)
    with pytest.raises(InteropError) as refused:
        export_set(question_set, "gift")
    (left_out,) = [d for d in refused.value.diagnostics if "left out" in d.message]
    assert "is left out: GIFT, as Moodle documents it, needs at least 3 matching pairs" in (
        left_out.message
    )
    assert left_out.line == 7  # the question's line in the set's file
    written = export_set(question_set, "moodle-xml")
    assert written.exported == 1
    (note,) = written.diagnostics
    assert "its editing form asks for 3 answers" in note.message


def test_an_item_with_an_arrow_cannot_be_written_in_gift(tmp_path: Path) -> None:
    set_file = sorting_set(
        tmp_path,
        ["Fact", "Opinion"],
        [("'A -> B'", "Fact"), ("Good", "Opinion"), ("Met", "Fact")],
    )
    with pytest.raises(InteropError) as refused:
        export_set(load_question_set(set_file), "gift")
    assert any(
        "contains '->', which GIFT reads as the end of the item" in d.message
        for d in refused.value.diagnostics
    )


@pytest.mark.parametrize("format_name", ["aiken", "kahoot-xlsx"])
def test_formats_without_matching_say_why(format_name: str) -> None:
    question_set = load_question_set(DATA / "valid" / "japon-russie.yaml")
    exported = export_set(question_set, format_name)
    categorize = [q.id for q in question_set.questions if q.type == "categorize"]
    assert categorize
    for question_id in categorize:
        (line,) = [d for d in exported.diagnostics if f"'{question_id}' is left out" in d.message]
        assert "group" in line.message or "lettered answers" in line.message


def gift_matching(pairs: list[str]) -> str:
    return "::sort::Sort them. {\n" + "\n".join(f"\t{pair}" for pair in pairs) + "\n}\n"


@pytest.mark.parametrize(
    ("pairs", "reason"),
    [
        (
            [f"=item {n} -> answer {n}" for n in range(7)],
            "which has 2 to 6 categories: this one has 7 different answer(s)",
        ),
        (
            [f"=item {n} -> answer {n % 3}" for n in range(13)],
            "which sorts 2 to 12 items: this one has 13 subquestion(s)",
        ),
        (["=a -> x", "=b ->", "=c -> y"], "the subquestion 'b' has no answer"),
        (["=a -> x", "= -> y"], "which sorts 2 to 12 items: this one has 1 subquestion(s)"),
    ],
)
def test_a_matching_question_beyond_the_limits_is_left_out_at_its_line(
    pairs: list[str], reason: str, tmp_path: Path
) -> None:
    bank = tmp_path / "bank.gift"
    bank.write_text("Kept? {T}\n\n// the matching question\n" + gift_matching(pairs), "utf-8")
    result = import_file(bank, tmp_path / "bank.yaml", language="en")
    assert len(result.question_set.questions) == 1
    (warning,) = [d for d in result.diagnostics if "left out" in d.message]
    assert (warning.line, warning.column) == (4, 1)
    assert reason in warning.message


def test_a_pair_without_an_arrow_is_an_error_at_its_place(tmp_path: Path) -> None:
    bank = tmp_path / "bank.gift"
    bank.write_text("Sort them. {\n\t=a -> x\n\t=b\n\t=c -> y\n}\n", "utf-8")
    with pytest.raises(InteropError) as error:
        import_file(bank, tmp_path / "bank.yaml", language="en")
    (diagnostic,) = error.value.diagnostics
    assert (diagnostic.line, diagnostic.column) == (3, 3)
    assert diagnostic.message == "this matching pair has no '->'"
    assert diagnostic.hint == "write each pair as =item -> category"


def test_a_moodle_matching_question_beyond_the_limits_is_left_out_at_its_line(
    tmp_path: Path,
) -> None:
    subquestions = "".join(
        f"<subquestion><text>item {n}</text><answer><text>answer {n}</text></answer></subquestion>"
        for n in range(7)
    )
    bank = tmp_path / "bank.xml"
    bank.write_text(
        '<?xml version="1.0"?>\n<quiz>\n'
        '<question type="truefalse"><name><text>kept</text></name>'
        "<questiontext><text>Kept?</text></questiontext>"
        '<answer fraction="100"><text>true</text></answer></question>\n'
        '<question type="matching"><name><text>wide</text></name>\n'
        f"<questiontext><text>Match.</text></questiontext>{subquestions}</question>\n</quiz>\n",
        "utf-8",
    )
    result = import_file(bank, tmp_path / "bank.yaml", language="en")
    assert len(result.question_set.questions) == 1
    (warning,) = [d for d in result.diagnostics if "left out" in d.message]
    assert warning.line == 4
    assert "2 to 6 categories: this one has 7 different answer(s): question 'wide'" in (
        warning.message
    )


def test_a_comment_that_lists_other_categories_is_reported_and_the_file_order_kept(
    tmp_path: Path,
) -> None:
    bank = tmp_path / "bank.gift"
    bank.write_text(
        '// quiz: {"categories": ["Fact", "Rumour"]}\n'
        + gift_matching(["=a -> Opinion", "=b -> Fact", "=c -> Fact"]),
        "utf-8",
    )
    result = import_file(bank, tmp_path / "bank.yaml", language="en")
    (question,) = result.question_set.questions
    assert isinstance(question, CategorizeQuestion)
    assert question.categories == ["Opinion", "Fact"]
    assert any(
        "the quiz comment's 'categories' do not name the question's answers" in d.message
        for d in result.diagnostics
    )
