"""What a player is shown of a question: every type, never its key, and answers mapped back."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.answers import (
    BooleanAnswer,
    CategorizeAnswer,
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


# --- categorize: items as shown, categories in file order, placements mapped back ----------------


@pytest.fixture(scope="module")
def sorting() -> PresentedQuestion:
    """trier.yaml's question: 4 items (the 1st and 4th facts), 4 categories (the last unused)."""
    question_set = load_question_set(DATA / "categorize" / "trier.yaml")
    return presentations(question_set, seed=3)[0]


def test_a_categorize_view_shows_the_items_as_shuffled_and_the_categories_in_file_order(
    sorting: PresentedQuestion,
) -> None:
    question = sorting.question
    view = question_view(sorting, "fr")
    texts = [item.text for item in question.items]  # type: ignore[attr-defined]
    assert view.items == [texts[i] for i in sorting.item_order]
    assert view.items != texts  # the seed shuffles them: the file's grouping is a clue
    assert view.categories == ["Fait vérifiable", "Opinion", "Hypothèse", "Rumeur"]
    assert "category" not in view.model_dump_json()


def test_other_types_have_no_categories(every_type: QuestionSet) -> None:
    assert all(question_view(p, "en").categories == [] for p in presentations(every_type))


def test_a_categorize_answer_on_the_view_is_moved_to_file_order(
    sorting: PresentedQuestion,
) -> None:
    order = sorting.item_order
    key = kind_of(sorting.question).key(sorting)
    assert key == [sorting.question.key[i] for i in order]  # type: ignore[attr-defined]
    mapped = file_answer(sorting, CategorizeAnswer(tuple(key)))
    assert mapped == CategorizeAnswer((0, 1, 2, 0))
    assert grade(sorting.question, mapped).correct
    # The item shown first left unplaced, the one shown last put in "Rumeur": half right.
    given = (None, *key[1:-1], 3)
    mapped = file_answer(sorting, CategorizeAnswer(given))
    expected: list[int | None] = [0, 1, 2, 0]
    expected[order[0]], expected[order[-1]] = None, 3
    assert mapped == CategorizeAnswer(tuple(expected))
    assert grade(sorting.question, mapped).fraction == 0.5
    assert file_answer(sorting, CategorizeAnswer((None,) * 4)) == CategorizeAnswer((None,) * 4)
    kind = kind_of(sorting.question)
    assert not kind.choice_bars
    assert kind.picked(sorting, mapped) == []


@pytest.mark.parametrize(
    ("placements", "message"),
    [
        ((0, 1, 2), "there are 4 items to place, the answer places 3"),
        ((0, 1, 2, 0, 1), "there are 4 items to place, the answer places 5"),
        ((), "there are 4 items to place, the answer places 0"),
        ((0, 1, 4, 0), r"there is no category 4 \(0 to 3\) for the item at position 2"),
        ((-1, 1, 2, 0), r"there is no category -1 \(0 to 3\) for the item at position 0"),
    ],
)
def test_a_categorize_answer_that_does_not_fit_the_view_is_refused(
    sorting: PresentedQuestion, placements: tuple[int | None, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        file_answer(sorting, CategorizeAnswer(placements))


def test_a_categorize_question_takes_only_placements(sorting: PresentedQuestion) -> None:
    with pytest.raises(TypeError, match="takes a CategorizeAnswer, not a OrderAnswer"):
        file_answer(sorting, OrderAnswer((0, 1, 2, 3)))
