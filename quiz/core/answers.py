"""Answers of every question type, and the one place that checks them against the key.

An answer is a small frozen value that says what the student did, in terms of the file (choice
indices in file order, never display positions), so that it can be stored, replayed and graded the
same way everywhere. `grade` gives partial credit where the type allows it; `describe_answer` and
`describe_key` turn answers and keys into plain text for the review screen and the results store.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

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
from quiz.core.numbers import base_language, format_number
from quiz.core.text import clean_text, split_words


@dataclass(frozen=True, slots=True)
class ChoiceAnswer:
    """The choices picked in a single or multiple-choice question, as indices in FILE order."""

    selected: frozenset[int]


@dataclass(frozen=True, slots=True)
class BooleanAnswer:
    """True or false."""

    value: bool


@dataclass(frozen=True, slots=True)
class NumberAnswer:
    """A number typed for a numeric question; always finite (`quiz.core.numbers.parse_number`)."""

    value: float

    def __post_init__(self) -> None:
        if not math.isfinite(self.value):
            raise ValueError(f"a numeric answer must be a finite number, not {self.value!r}")


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """The words typed for a short-answer question, as typed."""

    text: str


@dataclass(frozen=True, slots=True)
class OrderAnswer:
    """An ordering question's items as the student arranged them, first to last.

    Each entry is an item's index in FILE order, which is also its right position: the answer is
    right when `order == (0, 1, 2, …)`.
    """

    order: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class HighlightAnswer:
    """The words picked in a highlight question, as indices into `HighlightQuestion.words`."""

    words: frozenset[int]


Answer = ChoiceAnswer | BooleanAnswer | NumberAnswer | TextAnswer | OrderAnswer | HighlightAnswer


@dataclass(frozen=True, slots=True)
class Grade:
    """How right an answer is: `fraction` of the credit in [0, 1]; `correct` only if fully right."""

    fraction: float
    correct: bool

    def __post_init__(self) -> None:
        if not 0.0 <= self.fraction <= 1.0:
            raise ValueError(f"a grade's fraction must be between 0 and 1, not {self.fraction}")
        if self.correct and self.fraction != 1.0:
            raise ValueError("a grade can only be correct with the full fraction 1.0")


WRONG = Grade(0.0, False)
RIGHT = Grade(1.0, True)

_EXPECTED_ANSWER: dict[type[QuestionBase], type[Any]] = {
    SingleChoiceQuestion: ChoiceAnswer,
    MultipleChoiceQuestion: ChoiceAnswer,
    TrueFalseQuestion: BooleanAnswer,
    NumericQuestion: NumberAnswer,
    TextQuestion: TextAnswer,
    OrderingQuestion: OrderAnswer,
    HighlightQuestion: HighlightAnswer,
}


def expected_answer_type(question: QuestionBase) -> type[Any]:
    """The `Answer` class a question takes; `TypeError` for a question type the engine ignores."""
    try:
        return _EXPECTED_ANSWER[type(question)]
    except KeyError:
        raise TypeError(f"no answer type is known for {type(question).__name__}") from None


def _check_kind(question: QuestionBase, answer: object) -> None:
    expected = expected_answer_type(question)
    if not isinstance(answer, expected):
        kind = getattr(question, "type", type(question).__name__)
        raise TypeError(
            f"question '{question.id}' ({kind}) takes a {expected.__name__}, "
            f"not a {type(answer).__name__}"
        )


def _check_indices(question: QuestionBase, indices: Iterable[int], count: int, what: str) -> None:
    for index in indices:
        if not 0 <= index < count:
            raise ValueError(
                f"question '{question.id}' has {count} {what}s (0 to {count - 1}), "
                f"the answer names {what} {index}"
            )


def _picks_fraction(picked: frozenset[int], right: frozenset[int]) -> Grade:
    """(right picks − wrong picks) / number of right items, floored at 0."""
    if not right:  # an invalid key; the loader refuses it, but never divide by zero
        return WRONG
    if picked == right:
        return RIGHT
    hits = len(picked & right)
    misses = len(picked - right)
    return Grade(max(0.0, (hits - misses) / len(right)), False)


def _order_fraction(order: tuple[int, ...]) -> Grade:
    """The share of item pairs placed in the right relative order (a Kendall-style agreement)."""
    if order == tuple(range(len(order))):
        return RIGHT
    pairs = len(order) * (len(order) - 1) // 2
    in_order = sum(1 for a, b in combinations(order, 2) if a < b)
    # Not fully sorted means at least one pair is inverted, so the fraction stays below 1.
    return Grade(in_order / pairs, False)


def grade(question: QuestionBase, answer: Answer) -> Grade:
    """Check `answer` against `question`'s key.

    - single, true_false, numeric (within `tolerance`), text (`TextQuestion.accepts`: case, accents,
      spacing and edge punctuation ignored unless the question says otherwise): all or nothing;
    - multiple and highlight: (right picks − wrong picks) / number of right items, floored at 0;
    - order: the share of item pairs in the right relative order; 1 only with every item in place.

    Raises `TypeError` for an answer of the wrong kind for the question, `ValueError` for an answer
    that names a choice, item or word the question does not have.
    """
    _check_kind(question, answer)
    if isinstance(question, SingleChoiceQuestion) and isinstance(answer, ChoiceAnswer):
        _check_indices(question, answer.selected, len(question.choices), "choice")
        if len(answer.selected) > 1:
            raise ValueError(
                f"question '{question.id}' takes one choice, the answer has {len(answer.selected)}"
            )
        return RIGHT if answer.selected == question.correct_choices else WRONG
    if isinstance(question, MultipleChoiceQuestion) and isinstance(answer, ChoiceAnswer):
        _check_indices(question, answer.selected, len(question.choices), "choice")
        return _picks_fraction(answer.selected, question.correct_choices)
    if isinstance(question, TrueFalseQuestion) and isinstance(answer, BooleanAnswer):
        return RIGHT if answer.value == question.answer else WRONG
    if isinstance(question, NumericQuestion) and isinstance(answer, NumberAnswer):
        return RIGHT if question.accepts(answer.value) else WRONG
    if isinstance(question, TextQuestion) and isinstance(answer, TextAnswer):
        return RIGHT if question.accepts(answer.text) else WRONG
    if isinstance(question, OrderingQuestion) and isinstance(answer, OrderAnswer):
        count = len(question.items)
        if sorted(answer.order) != list(range(count)):
            raise ValueError(
                f"question '{question.id}' has {count} items: the answer must arrange each of "
                f"0 to {count - 1} exactly once, not {list(answer.order)}"
            )
        return _order_fraction(answer.order)
    if isinstance(question, HighlightQuestion) and isinstance(answer, HighlightAnswer):
        _check_indices(question, answer.words, len(question.words), "word")
        return _picks_fraction(answer.words, question.target_words)
    raise TypeError(f"cannot grade question '{question.id}' ({type(question).__name__})")


# --- Describing answers and keys in words ---------------------------------------------------------

_BOOLEAN_WORDS: dict[str, tuple[str, str]] = {
    "en": ("True", "False"),
    "fr": ("Vrai", "Faux"),
    "es": ("Verdadero", "Falso"),
    "de": ("Wahr", "Falsch"),
    "it": ("Vero", "Falso"),
}
NOTHING = "—"
"""What an empty answer (no choice, no word picked, blank text) is described as."""


def boolean_word(value: bool, language: str = "en") -> str:
    """ "True"/"False" in the set's language (English when the language is not known)."""
    words = _BOOLEAN_WORDS.get(base_language(language), _BOOLEAN_WORDS["en"])
    return words[0] if value else words[1]


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def _number_with_unit(value: float, unit: str | None, language: str) -> str:
    number = format_number(value, language)
    return f"{number} {unit}" if unit else number


def _phrases(question: HighlightQuestion, words: Iterable[int]) -> str:
    """Picked words as the passage's phrases: neighbouring words go together, in text order."""
    spans = split_words(question.text)
    runs: list[list[int]] = []
    for index in sorted(words):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    phrases = [question.text[spans[run[0]][0] : spans[run[-1]][1]] for run in runs]
    return "; ".join(_one_line(p) for p in phrases) or NOTHING


def describe_answer(question: QuestionBase, answer: Answer, *, language: str = "en") -> str:
    """The answer given, in words: choice texts joined with "; ", the number with its unit, the
    ordered items joined with " → ", the picked words; "—" for an empty answer.

    `language` (the set's) picks the words for true/false and the decimal separator.
    """
    _check_kind(question, answer)
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion) and isinstance(
        answer, ChoiceAnswer
    ):
        _check_indices(question, answer.selected, len(question.choices), "choice")
        texts = [question.choices[i].text for i in sorted(answer.selected)]
        return "; ".join(texts) or NOTHING
    if isinstance(answer, BooleanAnswer):
        return boolean_word(answer.value, language)
    if isinstance(question, NumericQuestion) and isinstance(answer, NumberAnswer):
        return _number_with_unit(answer.value, question.unit, language)
    if isinstance(answer, TextAnswer):
        return _one_line(answer.text) or NOTHING
    if isinstance(question, OrderingQuestion) and isinstance(answer, OrderAnswer):
        _check_indices(question, answer.order, len(question.items), "item")
        return " → ".join(question.items[i] for i in answer.order) or NOTHING
    if isinstance(question, HighlightQuestion) and isinstance(answer, HighlightAnswer):
        _check_indices(question, answer.words, len(question.words), "word")
        return _phrases(question, answer.words)
    raise TypeError(f"cannot describe an answer to question '{question.id}'")


def describe_key(question: QuestionBase, *, language: str = "en") -> str:
    """The right answer, in words, in the same form as `describe_answer`.

    Several accepted texts are joined with " / "; a numeric tolerance is shown as "(± 1)".
    """
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        return "; ".join(question.choices[i].text for i in sorted(question.correct_choices))
    if isinstance(question, TrueFalseQuestion):
        return boolean_word(question.answer, language)
    if isinstance(question, NumericQuestion):
        text = _number_with_unit(question.answer, question.unit, language)
        if question.tolerance:
            text += f" (± {format_number(question.tolerance, language)})"
        return text
    if isinstance(question, TextQuestion):
        return " / ".join(question.answer)
    if isinstance(question, OrderingQuestion):
        return " → ".join(question.items)
    if isinstance(question, HighlightQuestion):
        return _phrases(question, question.target_words)
    raise TypeError(f"no key is known for question '{question.id}' ({type(question).__name__})")


def right_answer(question: QuestionBase) -> Answer:
    """The answer that earns full credit (for demonstrations, tests and practice reveals)."""
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        return ChoiceAnswer(question.correct_choices)
    if isinstance(question, TrueFalseQuestion):
        return BooleanAnswer(question.answer)
    if isinstance(question, NumericQuestion):
        return NumberAnswer(question.answer)
    if isinstance(question, TextQuestion):
        return TextAnswer(question.answer[0])
    if isinstance(question, OrderingQuestion):
        return OrderAnswer(tuple(range(len(question.items))))
    if isinstance(question, HighlightQuestion):
        return HighlightAnswer(question.target_words)
    raise TypeError(f"no key is known for question '{question.id}' ({type(question).__name__})")


# --- Storing answers ------------------------------------------------------------------------------

JsonAnswer = dict[str, Any]


def encode_answer(answer: Answer) -> JsonAnswer:
    """A JSON-ready dict for the results store; `decode_answer` reads it back."""
    match answer:
        case ChoiceAnswer(selected):
            return {"kind": "choice", "selected": sorted(selected)}
        case BooleanAnswer(value):
            return {"kind": "boolean", "value": value}
        case NumberAnswer(value):
            return {"kind": "number", "value": value}
        case TextAnswer(text):
            return {"kind": "text", "text": text}
        case OrderAnswer(order):
            return {"kind": "order", "order": list(order)}
        case HighlightAnswer(words):
            return {"kind": "highlight", "words": sorted(words)}
    raise TypeError(f"not an answer: {answer!r}")


def _int_list(data: Mapping[str, Any], key: str) -> list[int]:
    value = data.get(key)
    if not isinstance(value, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in value
    ):
        raise ValueError(f"a stored answer's '{key}' must be a list of integers, not {value!r}")
    return value


def decode_answer(data: Mapping[str, Any]) -> Answer:
    """Read back what `encode_answer` wrote; `ValueError` for anything else."""
    kind = data.get("kind")
    if kind == "choice":
        return ChoiceAnswer(frozenset(_int_list(data, "selected")))
    if kind == "order":
        return OrderAnswer(tuple(_int_list(data, "order")))
    if kind == "highlight":
        return HighlightAnswer(frozenset(_int_list(data, "words")))
    value = data.get("value")
    if kind == "boolean" and isinstance(value, bool):
        return BooleanAnswer(value)
    if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return NumberAnswer(float(value))
    text = data.get("text")
    if kind == "text" and isinstance(text, str):
        return TextAnswer(text)
    raise ValueError(f"not a stored answer: {dict(data)!r}")
