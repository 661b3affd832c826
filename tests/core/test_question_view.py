"""What a player is shown of a question: every type, never its key, and answers mapped back."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.answers import (
    BooleanAnswer,
    ChoiceAnswer,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
    grade,
    right_answer,
)
from quiz.core.loader import load_question_set
from quiz.core.models import QUESTION_TYPES, QuestionSet
from quiz.core.question_view import KINDS, file_answer, kind_of, question_view
from quiz.core.session import GameSession, GameSettings, PresentedQuestion

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def every_type() -> QuestionSet:
    return load_question_set(DATA / "every_type.yaml")


def presentations(question_set: QuestionSet, seed: int = 7) -> list[PresentedQuestion]:
    session = GameSession(question_set, GameSettings("view", seed=seed))
    return [session.presentation(n) for n in range(1, len(session.questions) + 1)]


def test_every_question_type_has_an_entry() -> None:
    assert set(KINDS) == set(QUESTION_TYPES)


def test_a_view_holds_nothing_of_the_key(every_type: QuestionSet) -> None:
    for presented in presentations(every_type):
        question = presented.question
        view = question_view(presented, every_type.language)
        dumped = view.model_dump_json()
        assert question.explanation not in dumped
        assert question.evidence not in dumped
        assert "correct" not in dumped
        assert "answer" not in view.model_dump()
        assert view.prompt == question.prompt
        assert (view.number, view.total) == (presented.number, presented.total)


def test_choices_and_items_are_in_display_order_without_file_indices(
    every_type: QuestionSet,
) -> None:
    for presented in presentations(every_type):
        view = question_view(presented, "en")
        if presented.choice_order:
            assert view.choices == [c.text for _, c in presented.displayed_choices]
        if presented.item_order:
            assert view.items == [t for _, t in presented.displayed_items]
            assert view.items != list(presented.question.items)  # the file order is the key


def test_true_false_shows_the_sets_words_and_highlight_its_words(every_type: QuestionSet) -> None:
    by_type = {p.question.type: p for p in presentations(every_type)}  # type: ignore[attr-defined]
    assert question_view(by_type["true_false"], "fr").choices == ["Vrai", "Faux"]
    highlight = by_type["highlight"]
    view = question_view(highlight, "en")
    assert view.passage_text == highlight.question.text  # type: ignore[attr-defined]
    assert view.words == highlight.question.words  # type: ignore[attr-defined]
    assert question_view(by_type["numeric"], "en").unit == "islands"


def test_the_right_answer_given_on_the_view_maps_back_to_full_credit(
    every_type: QuestionSet,
) -> None:
    for seed in range(5):
        for presented in presentations(every_type, seed):
            kind = kind_of(presented.question)
            key = kind.key(presented)
            given = {
                "single": lambda key=key: ChoiceAnswer(frozenset(key)),
                "multiple": lambda key=key: ChoiceAnswer(frozenset(key)),
                "true_false": lambda key=key: BooleanAnswer(key == [0]),
                "order": lambda key=key: OrderAnswer(tuple(key)),
                "highlight": lambda key=key: HighlightAnswer(frozenset(key)),
            }.get(presented.question.type)  # type: ignore[attr-defined]
            answer = given() if given else right_answer(presented.question)
            mapped = file_answer(presented, answer)
            assert grade(presented.question, mapped).correct, (seed, presented.question.id)
            if kind.choice_bars:
                assert kind.picked(presented, mapped) == key


def test_positions_that_are_not_shown_and_wrong_kinds_are_refused(every_type: QuestionSet) -> None:
    single, _, _, numeric, text, order, _ = presentations(every_type)
    with pytest.raises(ValueError, match="no choice at position 9"):
        file_answer(single, ChoiceAnswer(frozenset({9})))
    with pytest.raises(ValueError, match="no item at position 3"):
        file_answer(order, OrderAnswer((0, 1, 3)))
    with pytest.raises(TypeError):
        file_answer(numeric, TextAnswer("4"))
    with pytest.raises(TypeError):
        file_answer(text, NumberAnswer(4.0))
