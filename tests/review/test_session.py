"""Review decisions: undo, the loader's own messages sorted by question and field, and saving in
one atomic step that never overwrites a file changed on disk meanwhile."""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.core.loader import check_paths, load_question_set
from quiz.review.form import ChoiceRow, apply_values, values_of
from quiz.review.session import ReviewSession, ReviewState
from quiz.review.set_file import ChangedOnDisk

DATA = Path(__file__).resolve().parents[1] / "data"
DRAFT = DATA / "review" / "fr_peche_nordique-quiz.yaml"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    shutil.copyfile(DRAFT.with_suffix(".txt"), tmp_path / DRAFT.with_suffix(".txt").name)
    return Path(shutil.copyfile(DRAFT, tmp_path / DRAFT.name))


def test_undo_takes_back_one_decision_at_a_time(draft: Path) -> None:
    session = ReviewSession.open(draft)
    assert not session.dirty
    session.accept(0)
    session.drop(1)
    session.drop(0)
    assert [session.items[i].state for i in (0, 1)] == [ReviewState.DROPPED, ReviewState.DROPPED]
    assert session.undo() == 0
    assert session.items[0].state is ReviewState.ACCEPTED
    assert session.undo() == 1
    assert session.undo() == 0
    assert session.undo() is None
    assert not session.dirty
    assert session.render() == session.file.text


def test_an_edit_back_to_the_draft_as_written_is_an_acceptance(draft: Path) -> None:
    session = ReviewSession.open(draft)
    item = session.items[0]
    session.edit(0, apply_values(item.data, values_of(item.data)))
    assert item.state is ReviewState.ACCEPTED


def test_the_live_check_gives_the_loaders_message_under_the_field(draft: Path) -> None:
    session = ReviewSession.open(draft)
    item = session.items[3]  # numeric
    values = replace(values_of(item.data), number="trois", evidence="pas dans l'article")
    result = session.check((3, apply_values(item.data, values)))
    problems = result.problems[3].by_field
    assert list(problems) == ["number"]  # the set does not validate: evidence is checked after
    # Exactly what `quiz check` prints for the same text, but for the file's folder.
    session.edit(3, apply_values(item.data, values))
    draft.write_text(session.render(), encoding="utf-8")
    expected = str(check_paths([draft]).errors[0]).replace(f"{draft.parent}{os.sep}", "")
    assert problems["number"] == [expected]
    assert expected.startswith("fr_peche_nordique-quiz.yaml:74:11: error: expected a number")


def test_an_error_outside_the_questions_is_reported_apart(draft: Path) -> None:
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("language: fr", "language: français"),
        encoding="utf-8",
    )
    result = ReviewSession.open(draft).check()
    assert not result.problems
    assert [d.message for d in result.elsewhere] == ["'français' is not a language code"]


def test_every_question_dropped_leaves_an_empty_set_the_loader_refuses(draft: Path) -> None:
    session = ReviewSession.open(draft)
    for index in range(len(session.items)):
        session.drop(index)
    assert "questions: []" in session.render()
    assert [d.message for d in session.check().errors] == ["needs at least 1 items, has 0"]


def test_saving_replaces_the_file_in_one_step_and_keeps_its_permissions(draft: Path) -> None:
    draft.chmod(0o640)
    session = ReviewSession.open(draft)
    session.accept(0)
    session.drop(1)
    expected = session.render()
    session.save()
    assert draft.read_text(encoding="utf-8") == expected
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert [p.name for p in draft.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert not session.dirty
    assert not session.can_undo
    assert load_question_set(draft).draft_count == 18
    # The next save starts from the saved text: the first question is no draft any more.
    assert session.items[0].state is ReviewState.READY
    session.accept(1)
    session.save()
    assert load_question_set(draft).draft_count == 17


def test_a_file_changed_on_disk_since_it_was_opened_is_not_overwritten(draft: Path) -> None:
    session = ReviewSession.open(draft)
    session.accept(0)
    changed = draft.read_text(encoding="utf-8") + "# a colleague's note\n"
    draft.write_text(changed, encoding="utf-8")
    with pytest.raises(ChangedOnDisk, match="changed on disk since it was opened"):
        session.save()
    assert draft.read_text(encoding="utf-8") == changed
    assert session.dirty  # nothing lost: the decision is still there


def test_the_choices_keep_their_way_of_marking_the_right_ones() -> None:
    question = {
        "type": "multiple",
        "choices": [{"text": "A", "correct": True}, {"text": "B", "feedback": "no"}, "C"],
    }
    values = values_of(question)
    assert values.choices == (ChoiceRow("A", True), ChoiceRow("B", False), ChoiceRow("C", False))
    new = apply_values(question, values.with_choice(2, right=True).with_choice(0, right=False))
    assert new["choices"] == [
        {"text": "A"},
        {"text": "B", "feedback": "no"},
        {"text": "C", "correct": True},
    ]
    assert "answer" not in new
    # Emptying a row removes the choice; a new row adds one.
    single = {"type": "single", "choices": ["A", "B"], "answer": "B"}
    edited = values_of(single).with_choice(0, text="").with_choice(2, text="D", right=True)
    edited = edited.with_choice(1, right=False)
    assert apply_values(single, edited) == {"type": "single", "choices": ["B", "D"], "answer": "D"}


def test_numbers_are_read_as_typed_and_empty_optional_fields_go() -> None:
    question = {"type": "numeric", "answer": 3, "tolerance": 1, "unit": "ans", "difficulty": "easy"}
    values = replace(values_of(question), number="3.5", tolerance="", unit="", difficulty="")
    assert apply_values(question, values) == {"type": "numeric", "answer": 3.5}
    assert apply_values(question, replace(values, number="1 000"))["answer"] == 1000
    # "3,5" is 3.5 in French and refused in English: kept as typed, the loader reads it by the
    # set's language (and says which forms it takes when it cannot).
    assert apply_values(question, replace(values, number="3,5"))["answer"] == "3,5"
