"""Saving a review rewrites only what changed: every other character of the file is kept.

Each edit is checked twice: the text reads back (with the loader's own YAML reader) as exactly the
data intended, and the lines nobody touched are still there, byte for byte.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from quiz.core.yaml_reader import read_yaml
from quiz.review.form import FormValues, apply_values, values_of
from quiz.review.session import ReviewSession
from quiz.review.set_file import ReviewError, SetFile

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SETS = [
    DATA / "review" / "fr_peche_nordique-quiz.yaml",
    DATA / "every_type.yaml",
    DATA / "hostile.yaml",
    *sorted((ROOT / "questions").glob("*.yaml")),
]


def session_of(path: Path) -> ReviewSession:
    return ReviewSession(SetFile.open(path))


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_a_set_nobody_touched_is_written_back_unchanged(path: Path) -> None:
    assert session_of(path).render() == path.read_text(encoding="utf-8").removeprefix("\ufeff")


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_dropping_any_question_removes_it_and_nothing_else(path: Path) -> None:
    session = session_of(path)
    original = session.file.data
    for index in range(len(session.items)):
        session.drop(index)
        data = read_yaml(session.render()).data
        expected = dict(
            original, questions=[q for i, q in enumerate(original["questions"]) if i != index]
        )
        assert data == expected, index
        session.undo()


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_accepting_removes_the_draft_block_only(path: Path) -> None:
    session = session_of(path)
    for index in range(len(session.items)):
        session.accept(index)
    data = read_yaml(session.render()).data
    assert data["questions"] == [
        {k: v for k, v in q.items() if k != "draft"} for q in session.file.questions
    ]


def _edited(values: FormValues) -> FormValues:
    """Every field a form has for this question, changed."""
    changes: dict[str, Any] = {
        "prompt": values.prompt + " (edited: « quoted », 'x': y #not a comment)",
        "explanation": "yes",  # YAML 1.1 would read a plain yes as a boolean
        "evidence": values.evidence + " 2013-11-02",
        "skill": "lateral_reading" if values.skill != "lateral_reading" else "context",
        "difficulty": "hard",
    }
    if values.choices:
        rows = [*values.choices[1:], values.choices[0]]  # the first moves last, keys follow
        changes["choices"] = (*(type(r)(r.text + " !", r.right) for r in rows),)
    if values.truth is not None:
        changes["truth"] = not values.truth
    if values.number:
        changes.update(number="12,5", tolerance="0.5", unit="km")
    if values.answers:
        changes["answers"] = (*values.answers, "null")
    if values.items:
        changes["items"] = tuple(reversed(values.items))
    if values.passage:
        changes["passage"] = values.passage + " 10:30"
    return FormValues(**{**values.__dict__, **changes})


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_every_form_field_edited_reads_back_as_written(path: Path) -> None:
    session = session_of(path)
    wanted = []
    for item in session.items:
        data = apply_values(item.data, _edited(values_of(item.data)))
        session.edit(item.index, data)
        wanted.append({k: v for k, v in data.items() if k != "draft"})
    text = session.render()
    result = read_yaml(text)
    assert not result.problems
    assert result.data["questions"] == wanted
    # The set's header, above the questions, is untouched.
    head = session.file.text[: session.file.text.index("questions:")]
    assert text.startswith(head)


def test_an_edit_changes_only_the_lines_of_the_edited_value() -> None:
    session = session_of(DATA / "every_type.yaml")
    item = session.items[0]  # `choices: [Tokyo, …]` in flow style, `answer: Tokyo`
    values = values_of(item.data)
    session.edit(
        0, apply_values(item.data, values.with_choice(0, right=False).with_choice(1, right=True))
    )
    before = session.file.text
    assert changed_lines(before, session.render()) == [
        "-    answer: Tokyo",
        "+    answer: Moscow",
    ]


def test_a_comment_above_a_dropped_question_goes_with_it_and_others_stay() -> None:
    path = DATA / "review" / "fr_peche_nordique-quiz.yaml"
    session = session_of(path)
    text = session.file.text
    index = next(i for i, item in enumerate(session.items) if item.id == "q07-photographer")
    session.drop(index)
    after = session.render()
    assert "# À retirer ?" in text
    assert "# À retirer ?" not in after
    for comment in ("# Relu en classe", "# L'explication cite", "# Draft question set"):
        assert comment in after


def test_a_key_written_on_the_dash_line_can_be_removed(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        (DATA / "every_type.yaml")
        .read_text(encoding="utf-8")
        .replace("  - id: city\n", "  - draft: {confidence: 0.5}\n    id: city\n"),
        encoding="utf-8",
    )
    session = session_of(path)
    session.accept(0)
    assert session.render() == (DATA / "every_type.yaml").read_text(encoding="utf-8")


def test_line_endings_and_a_byte_order_mark_are_kept(tmp_path: Path) -> None:
    source = (DATA / "review" / "fr_peche_nordique-quiz.yaml").read_text(encoding="utf-8")
    path = tmp_path / "fr_peche_nordique-quiz.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode())
    (tmp_path / "fr_peche_nordique-quiz.txt").write_bytes(
        (DATA / "review" / "fr_peche_nordique-quiz.txt").read_bytes()
    )
    session = session_of(path)
    item = session.items[3]
    session.edit(
        3, apply_values(item.data, FormValues(**{**values_of(item.data).__dict__, "number": "4"}))
    )
    session.accept(0)
    session.save()
    saved = path.read_bytes()
    assert saved.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in saved.replace(b"\r\n", b"")
    assert b"  answer: 4\r\n" in saved


def test_a_set_written_in_flow_style_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    text = (DATA / "every_type.yaml").read_text(encoding="utf-8")
    head, _ = text.split("questions:\n")
    path.write_text(head + "questions: [{id: a, type: text}]\n", encoding="utf-8")
    with pytest.raises(ReviewError) as error:
        SetFile.open(path)
    assert f"{path}:18:12: error: the questions are written as a flow list" in str(error.value)


@pytest.mark.parametrize(
    "name",
    ["syntax-tab.yaml", "duplicate-key.yaml", "alias.yaml", "not-utf8.yaml", "not-a-mapping.yaml"],
)
def test_a_file_that_cannot_be_read_safely_is_refused_as_quiz_check_says(name: str) -> None:
    from quiz.core.loader import check_paths

    path = DATA / "invalid" / name
    with pytest.raises(ReviewError) as error:
        SetFile.open(path)
    first = str(check_paths([path]).errors[0]).split("\n")[0]
    assert str(error.value).split("\n")[0].split(": error: ")[0] == first.split(": error: ")[0]
