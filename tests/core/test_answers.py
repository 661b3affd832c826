"""Answers and grading against the real `tests/data/every_type.yaml` set (one question per type)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.core.answers import (
    Answer,
    BooleanAnswer,
    ChoiceAnswer,
    Grade,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
    decode_answer,
    describe_answer,
    describe_key,
    encode_answer,
    grade,
    right_answer,
)
from quiz.core.loader import check_paths, load_question_set, parse_question_set
from quiz.core.models import (
    HighlightQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderingQuestion,
    QuestionBase,
    SingleChoiceQuestion,
    TextQuestion,
    TrueFalseQuestion,
)

DATA = Path(__file__).parent.parent / "data"
EVERY_TYPE = load_question_set(DATA / "every_type.yaml")
BY_ID: dict[str, QuestionBase] = {q.id: q for q in EVERY_TYPE.questions}

CITY = BY_ID["city"]  # Tokyo, Moscow, Beijing, Canberra; Tokyo right
COOPERATION = BY_ID["cooperation"]  # Terrorism, Piracy right; Drought, Inflation wrong
BEIJING_VOICE = BY_ID["beijing-voice"]  # false
ISLANDS = BY_ID["islands"]  # 4 islands
AGENCY = BY_ID["agency"]  # AFP / Agence France-Presse
TIMELINE = BY_ID["timeline"]  # 3 items
HEDGE = BY_ID["hedge"]  # "According to observers" and "could": words 0, 1, 2, 7 of 12


def test_the_shared_set_loads_without_a_single_warning() -> None:
    report = check_paths([DATA / "every_type.yaml"])
    assert [str(d) for d in report.diagnostics] == []  # evidence quotes found in the article
    assert len(report.question_sets) == 1


def test_the_shared_set_has_one_question_of_each_type() -> None:
    kinds = [type(q) for q in EVERY_TYPE.questions]
    assert kinds == [
        SingleChoiceQuestion,
        MultipleChoiceQuestion,
        TrueFalseQuestion,
        NumericQuestion,
        TextQuestion,
        OrderingQuestion,
        HighlightQuestion,
    ]
    assert isinstance(HEDGE, HighlightQuestion)
    assert HEDGE.target_words == frozenset({0, 1, 2, 7})


# Each question's key, written by hand from every_type.yaml, so that grading is checked against
# the file and not against another function of the module under test.
HAND_KEYS: dict[str, Answer] = {
    "city": ChoiceAnswer(frozenset({0})),  # Tokyo
    "cooperation": ChoiceAnswer(frozenset({0, 1})),  # Terrorism, Piracy
    "beijing-voice": BooleanAnswer(False),
    "islands": NumberAnswer(4.0),
    "agency": TextAnswer("AFP"),  # the first accepted form: the one shown as the key
    "timeline": OrderAnswer((0, 1, 2)),  # as listed: the file gives the items in order
    "hedge": HighlightAnswer(frozenset({0, 1, 2, 7})),  # According to observers … could
}


def test_every_question_has_a_hand_written_key() -> None:
    assert set(HAND_KEYS) == set(BY_ID)


@pytest.mark.parametrize("question", EVERY_TYPE.questions, ids=lambda q: q.id)
def test_the_key_earns_full_credit(question: QuestionBase) -> None:
    assert grade(question, HAND_KEYS[question.id]) == Grade(1.0, True)


@pytest.mark.parametrize("question", EVERY_TYPE.questions, ids=lambda q: q.id)
def test_right_answer_is_the_key_the_file_gives(question: QuestionBase) -> None:
    assert right_answer(question) == HAND_KEYS[question.id]


# --- All-or-nothing types ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selected", "correct"),
    [({0}, True), ({1}, False), ({3}, False), (set(), False)],
)
def test_single_choice_is_all_or_nothing(selected: set[int], correct: bool) -> None:
    result = grade(CITY, ChoiceAnswer(frozenset(selected)))
    assert result.correct is correct
    assert result.fraction == (1.0 if correct else 0.0)


def test_single_choice_refuses_two_picks_and_unknown_choices() -> None:
    with pytest.raises(ValueError, match="takes one choice"):
        grade(CITY, ChoiceAnswer(frozenset({0, 1})))
    with pytest.raises(ValueError, match=r"has 4 choices \(0 to 3\), the answer names choice 4"):
        grade(CITY, ChoiceAnswer(frozenset({4})))
    with pytest.raises(ValueError, match="choice -1"):
        grade(CITY, ChoiceAnswer(frozenset({-1})))


def test_true_false() -> None:
    assert grade(BEIJING_VOICE, BooleanAnswer(False)).correct
    assert grade(BEIJING_VOICE, BooleanAnswer(True)) == Grade(0.0, False)


def _numeric(tolerance: float) -> NumericQuestion:
    return NumericQuestion.model_validate(
        {
            "id": "year",
            "type": "numeric",
            "skill": "sourcing",
            "prompt": "In which year was the dispatch published?",
            "answer": 2013,
            "tolerance": tolerance,
            "explanation": "The dateline says 2 November 2013.",
            "evidence": "2013",
        }
    )


@pytest.mark.parametrize(
    ("tolerance", "value", "correct"),
    [
        (0, 2013, True),
        (0, 2013.0001, False),
        (0, 2014, False),
        (1, 2014, True),
        (1, 2012, True),
        (1, 2015, False),
        (0.5, 2013.5, True),
    ],
)
def test_numeric_accepts_within_the_tolerance(
    tolerance: float, value: float, correct: bool
) -> None:
    assert grade(_numeric(tolerance), NumberAnswer(value)).correct is correct


def test_a_numeric_answer_is_finite() -> None:
    with pytest.raises(ValueError, match="finite"):
        NumberAnswer(math.nan)
    with pytest.raises(ValueError, match="finite"):
        NumberAnswer(math.inf)


@pytest.mark.parametrize(
    ("typed", "correct"),
    [
        ("AFP", True),
        ("  afp. ", True),
        ("Agence  France-Presse", True),
        ("agence france-presse", True),
        ("AP", False),
        ("", False),
        ("   ", False),
    ],
)
def test_text_is_normalised_then_all_or_nothing(typed: str, correct: bool) -> None:
    assert grade(AGENCY, TextAnswer(typed)).correct is correct


# --- Partial credit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selected", "fraction"),
    [
        ({0, 1}, 1.0),
        ({0}, 0.5),
        ({1}, 0.5),
        ({0, 2}, 0.0),  # one right, one wrong
        ({0, 1, 2}, 0.5),  # two right, one wrong
        ({0, 1, 2, 3}, 0.0),  # ticking everything earns nothing
        ({2, 3}, 0.0),  # floored at 0, never negative
        (set(), 0.0),
    ],
)
def test_multiple_choice_partial_credit(selected: set[int], fraction: float) -> None:
    result = grade(COOPERATION, ChoiceAnswer(frozenset(selected)))
    assert result.fraction == fraction
    assert result.correct is (selected == {0, 1})


@pytest.mark.parametrize(
    ("order", "fraction"),
    [
        ((0, 1, 2), 1.0),
        ((1, 0, 2), 2 / 3),  # pairs (0,2) and (1,2) right, (0,1) swapped
        ((0, 2, 1), 2 / 3),
        ((1, 2, 0), 1 / 3),
        ((2, 1, 0), 0.0),
    ],
)
def test_ordering_partial_credit_counts_pairs_in_order(
    order: tuple[int, ...], fraction: float
) -> None:
    result = grade(TIMELINE, OrderAnswer(order))
    assert result.fraction == pytest.approx(fraction)
    assert result.correct is (order == (0, 1, 2))


@pytest.mark.parametrize("order", [(0, 1), (0, 1, 1), (0, 1, 3), (0, 1, 2, 3), ()])
def test_ordering_needs_each_item_once(order: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="exactly once"):
        grade(TIMELINE, OrderAnswer(order))


@pytest.mark.parametrize(
    ("words", "fraction"),
    [
        ({0, 1, 2, 7}, 1.0),
        ({7}, 0.25),
        ({0, 1, 2}, 0.75),
        ({0, 1, 2, 7, 6}, 0.75),  # "Beijing" is not a hedge
        ({3, 4, 5, 6}, 0.0),
        (set(), 0.0),
    ],
)
def test_highlight_partial_credit(words: set[int], fraction: float) -> None:
    result = grade(HEDGE, HighlightAnswer(frozenset(words)))
    assert result.fraction == fraction
    assert result.correct is (fraction == 1.0)


def test_highlight_refuses_words_the_text_does_not_have() -> None:
    with pytest.raises(ValueError, match="has 12 words"):
        grade(HEDGE, HighlightAnswer(frozenset({12})))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (CITY, BooleanAnswer(True)),
        (BEIJING_VOICE, ChoiceAnswer(frozenset({0}))),
        (ISLANDS, TextAnswer("4")),
        (AGENCY, NumberAnswer(4)),
        (TIMELINE, HighlightAnswer(frozenset({0}))),
        (HEDGE, OrderAnswer((0, 1))),
    ],
    ids=lambda v: getattr(v, "id", type(v).__name__),
)
def test_an_answer_of_the_wrong_kind_is_a_type_error(
    question: QuestionBase, answer: Answer
) -> None:
    with pytest.raises(TypeError, match=f"question '{question.id}' .* takes a"):
        grade(question, answer)
    with pytest.raises(TypeError):
        describe_answer(question, answer)


def test_a_grade_is_a_fraction_and_correct_only_when_full() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        Grade(1.5, False)
    with pytest.raises(ValueError, match="between 0 and 1"):
        Grade(-0.1, False)
    with pytest.raises(ValueError, match="full fraction"):
        Grade(0.5, True)


# --- Partial credit, for any answer -----------------------------------------------------------


@given(st.frozensets(st.integers(0, 3)))
def test_multiple_choice_credit_is_in_range_and_full_only_for_the_key(
    selected: frozenset[int],
) -> None:
    result = grade(COOPERATION, ChoiceAnswer(selected))
    assert 0.0 <= result.fraction <= 1.0
    assert result.correct is (result.fraction == 1.0) is (selected == frozenset({0, 1}))


@given(st.frozensets(st.integers(0, 11)))
def test_highlight_credit_is_in_range_and_full_only_for_the_key(words: frozenset[int]) -> None:
    assert isinstance(HEDGE, HighlightQuestion)
    result = grade(HEDGE, HighlightAnswer(words))
    assert 0.0 <= result.fraction <= 1.0
    assert result.correct is (result.fraction == 1.0) is (words == HEDGE.target_words)


@given(st.permutations(list(range(8))))
def test_ordering_credit_is_in_range_and_full_only_in_order(order: list[int]) -> None:
    question = OrderingQuestion.model_validate(
        {
            "id": "eight",
            "type": "order",
            "skill": "context",
            "prompt": "Order them.",
            "items": [f"step {i}" for i in range(8)],
            "explanation": "In numeric order.",
            "evidence": "step",
        }
    )
    result = grade(question, OrderAnswer(tuple(order)))
    assert 0.0 <= result.fraction <= 1.0
    assert result.correct is (result.fraction == 1.0) is (order == sorted(order))
    reversed_result = grade(question, OrderAnswer(tuple(reversed(order))))
    # A pair is in order in exactly one of an arrangement and its reverse.
    assert result.fraction + reversed_result.fraction == pytest.approx(1.0)


# --- Describing answers and keys ------------------------------------------------------------------


def test_describe_answers_in_words() -> None:
    assert describe_answer(CITY, ChoiceAnswer(frozenset({2}))) == "Beijing"
    # Choices are described in file order, whatever order they were clicked in.
    assert describe_answer(COOPERATION, ChoiceAnswer(frozenset({3, 0}))) == "Terrorism; Inflation"
    assert describe_answer(COOPERATION, ChoiceAnswer(frozenset())) == "—"
    assert describe_answer(BEIJING_VOICE, BooleanAnswer(True)) == "True"
    assert describe_answer(BEIJING_VOICE, BooleanAnswer(True), language="fr") == "Vrai"
    assert describe_answer(ISLANDS, NumberAnswer(4.0)) == "4 islands"
    assert describe_answer(ISLANDS, NumberAnswer(3.5), language="fr") == "3,5 islands"
    assert describe_answer(AGENCY, TextAnswer("  Reu\x1b[31mters \n ")) == "Reu[31mters"
    assert describe_answer(TIMELINE, OrderAnswer((2, 0, 1))) == (
        'The vice-ministers meet → The Soviets annex the islands → The first "2+2" meeting in Tokyo'
    )
    # Neighbouring words are quoted as the passage's phrase, with its punctuation.
    assert describe_answer(HEDGE, HighlightAnswer(frozenset({7, 2, 1}))) == "to observers; could"
    assert describe_answer(HEDGE, HighlightAnswer(frozenset({2, 3}))) == "observers, the"


def test_describe_keys_in_words() -> None:
    assert describe_key(CITY) == "Tokyo"
    assert describe_key(COOPERATION) == "Terrorism; Piracy"
    assert describe_key(BEIJING_VOICE) == "False"
    assert describe_key(BEIJING_VOICE, language="fr-FR") == "Faux"
    assert describe_key(ISLANDS) == "4 islands"
    assert describe_key(_numeric(1)) == "2013 (± 1)"
    assert describe_key(AGENCY) == "AFP / Agence France-Presse"
    assert describe_key(TIMELINE) == (
        'The Soviets annex the islands → The first "2+2" meeting in Tokyo → The vice-ministers meet'
    )
    assert describe_key(HEDGE) == "According to observers; could"


@pytest.mark.parametrize("question", EVERY_TYPE.questions, ids=lambda q: q.id)
def test_the_key_described_is_the_right_answer_described(question: QuestionBase) -> None:
    given_text = describe_answer(question, HAND_KEYS[question.id])
    if isinstance(question, TextQuestion):  # the key also lists the other accepted answers
        assert describe_key(question).startswith(f"{given_text} / ")
    else:
        assert describe_key(question) == given_text


# --- Storing answers ------------------------------------------------------------------------------

ANSWERS: list[Answer] = [
    ChoiceAnswer(frozenset({2, 0})),
    ChoiceAnswer(frozenset()),
    BooleanAnswer(False),
    NumberAnswer(-2.5),
    TextAnswer("Agence France-Presse"),
    OrderAnswer((2, 0, 1)),
    HighlightAnswer(frozenset({7, 1})),
]


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: type(a).__name__)
def test_an_encoded_answer_decodes_to_itself(answer: Answer) -> None:
    import json

    assert decode_answer(json.loads(json.dumps(encode_answer(answer)))) == answer


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "choice", "selected": "0"},
        {"kind": "choice", "selected": [True]},
        {"kind": "boolean", "value": 1},
        {"kind": "number", "value": "4"},
        {"kind": "number", "value": True},
        {"kind": "text", "text": None},
        {"kind": "vote", "value": 1},
    ],
)
def test_decode_refuses_what_encode_never_writes(data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="stored answer"):
        decode_answer(data)


def test_a_french_set_describes_in_french() -> None:
    text = (
        (DATA / "every_type.yaml")
        .read_text(encoding="utf-8")
        .replace("language: en", "language: fr")
    )
    french = parse_question_set(text, str(DATA / "every_type.yaml"), DATA)
    question = next(q for q in french.questions if q.id == "beijing-voice")
    assert describe_key(question, language=french.language) == "Faux"
