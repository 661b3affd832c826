"""Moodle XML from the documentation's examples, quiz's own export, and hostile XML refused.

`moodle-docs.xml` holds the documented question types (multichoice single and multiple,
truefalse, shortanswer, numerical with a unit, ordering, matching, essay, description), with
feedback and tags.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from quiz.core.loader import load_question_set
from quiz.interop import InteropError, export_set, import_file
from quiz.interop.moodle_xml import read
from quiz.paths import bundled_questions_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"
DOCS = DATA / "moodle-docs.xml"


def test_every_documented_type_is_read_or_reported() -> None:
    bank = read(DOCS.read_bytes(), str(DOCS))
    assert bank.title == "Week 3"
    single, multiple, true_false, short, numeric, ordering, matching = bank.questions
    assert single.fields == {
        "prompt": "What is the answer to this question?",
        "explanation": "The general feedback.",
        "skill": "sourcing",  # a tag that names a skill is the question's skill
        "type": "single",
        "choices": [
            {"text": "The correct answer", "correct": True, "feedback": "Correct!"},
            {"text": "A distractor", "feedback": "Ooops!"},
            {"text": "Another distractor", "feedback": "Ooops!"},
        ],
    }
    assert "the tag 'anothertag' has no place in quiz" in single.notes
    assert multiple.fields["type"] == "multiple"
    assert multiple.fields["prompt"] == "Which two are right?\nPick both."  # moodle_auto_format
    assert any("weights (+50%, +50%, -100%) are not quiz's" in n for n in multiple.notes)
    assert true_false.fields["answer"] is True
    assert short.fields["answer"] == ["The correct answer", "An alternative answer"]
    assert short.fields["case_sensitive"] is True
    assert any("'A half-right answer' earns 50%" in n for n in short.notes)
    assert numeric.fields == {
        "prompt": "How many islands?",
        "points": 2000,  # a default grade of 2 weighs twice the set's points
        "type": "numeric",
        "answer": 23,
        "tolerance": 0.5,
        "unit": "islands",
    }
    assert ordering.name == "myid"  # the idnumber, a valid quiz id, is preferred to the name
    assert ordering.fields["items"] == ["Modular", "Object", "Oriented"]  # by fraction = position
    assert any("RELATIVE_NEXT_EXCLUDE_LAST" in n for n in ordering.notes)
    # A matching question is a sorting question: each pair's answer is the item's category.
    assert matching.line == 123
    assert matching.fields["type"] == "categorize"
    assert matching.fields["categories"] == [
        "This is the 2nd item in the 1st pair.",
        "This is the 2nd item in the 2nd pair.",
    ]
    assert matching.fields["items"] == [
        {
            "text": "This is the 1st item in the 1st pair.",
            "category": "This is the 2nd item in the 1st pair.",
        },
        {
            "text": "This is the 1st item in the 2nd pair.",
            "category": "This is the 2nd item in the 2nd pair.",
        },
    ]
    assert [(w.line, w.message.split(":")[0]) for w in bank.warnings] == [
        (139, "an essay question (an open answer marked by hand) has no quiz form"),
        (148, "a description is not a question"),
    ]


def test_export_is_what_moodle_reads() -> None:
    """Structure Moodle's importer reads: types, fractions, tags, ordering and the category."""
    question_set = load_question_set(
        bundled_questions_dir() / "afp-2013-japan-russia-2plus2.en.yaml"
    )
    root = etree.fromstring(export_set(question_set, "moodle-xml").data)
    assert root.tag == "quiz"
    category, first = root.findall("question")[:2]
    assert category.get("type") == "category"
    assert category.findtext("category/text") == f"$course$/top/{question_set.title}"
    assert first.get("type") == "multichoice"
    assert first.findtext("single") == "true"
    assert first.findtext("name/text") == question_set.questions[0].id
    assert first.findtext("tags/tag/text") == question_set.questions[0].skill
    multiple = next(q for q in root.findall("question") if q.findtext("single") == "false")
    fractions = [float(a.get("fraction")) for a in multiple.findall("answer")]
    right = [f for f in fractions if f > 0]
    assert sum(right) == pytest.approx(100, abs=0.001)
    assert all(f == pytest.approx(-right[0]) for f in fractions if f <= 0)
    ordering = next(q for q in root.findall("question") if q.get("type") == "ordering")
    assert ordering.findtext("gradingtype") == "RELATIVE_ALL_PREVIOUS_AND_NEXT"
    assert [a.get("fraction") for a in ordering.findall("answer")] == [
        str(i) for i in range(1, len(ordering.findall("answer")) + 1)
    ]
    assert not any(q.get("type") == "highlight" for q in root.findall("question"))


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="truefalse"><name><text>&lol9;</text></name>
<questiontext><text>&lol9;</text></questiontext>
<answer fraction="100"><text>true</text></answer></question></quiz>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><name><text>x</text></name>
<questiontext><text>&secret;</text></questiontext>
<answer fraction="100"><text>true</text></answer></question></quiz>
"""
NETWORK_DTD = """<?xml version="1.0"?>
<!doctype quiz SYSTEM "http://127.0.0.1:9/evil.dtd">
<quiz/>
"""


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [(BILLION_LAUGHS, 2, 1), (EXTERNAL_ENTITY, 2, 1), (NETWORK_DTD, 2, 1)],
    ids=["billion-laughs", "external-entity", "network-dtd"],
)
def test_declarations_are_refused_before_parsing(
    content: str, line: int, column: int, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml")
    (error,) = caught.value.diagnostics
    assert (error.line, error.column) == (line, column)
    assert "declares <!DOCTYPE>" in error.message
    assert "entity expansion" in error.message
    assert not (tmp_path / "out.yaml").exists()


def test_an_undeclared_entity_is_a_located_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "entity.xml"
    path.write_text("<?xml version='1.0'?>\n<quiz>\n  <question>&secret;</question>\n</quiz>\n")
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml", format_name="moodle-xml")
    (error,) = caught.value.diagnostics
    assert error.line == 3
    assert error.message.startswith("this is not well-formed XML: ")
    assert "secret" in error.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "<?xml version='1.0'?>\n<quiz>\n<question type='truefalse'>\n</quiz>\n",
            "not well-formed",
        ),
        ("<?xml version='1.0'?>\n<html><body/></html>\n", "a Moodle XML file starts with <quiz>"),
    ],
)
def test_broken_or_foreign_xml_is_located(content: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml")
    (error,) = caught.value.diagnostics
    assert message in error.message
    assert error.line >= 2


def test_a_broken_fraction_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "fraction.xml"
    path.write_text(
        "<quiz>\n<question type='multichoice'><name><text>q</text></name>\n"
        "<questiontext><text>Q?</text></questiontext>\n"
        "<answer fraction='lots'><text>a</text></answer>\n"
        "<answer fraction='0'><text>b</text></answer>\n</question>\n</quiz>\n",
        encoding="utf-8",
    )
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml")
    (error,) = caught.value.diagnostics
    assert (error.line, error.message) == (4, "the fraction 'lots' is not a number")
