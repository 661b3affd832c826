"""Answers of every question type, and the one place the rest of the game checks them against the key.

An answer is a small frozen value that says what the student did, in terms of the file (choice
indices in file order, never display positions), so that it can be stored, replayed and graded the
same way everywhere. Each type defines its answer and its rules in its module of `quiz.core.kinds`;
the functions here find the question's kind in the registry and ask it. `grade` gives partial
credit where the type allows it; `describe_answer` and `describe_key` turn answers and keys into
plain text for the review screen and the results store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz.core.kinds import KINDS, kind_of, kind_of_stored
from quiz.core.kinds.categorize import CategorizeAnswer
from quiz.core.kinds.choice import ChoiceAnswer
from quiz.core.kinds.highlight import HighlightAnswer
from quiz.core.kinds.kind import NOTHING, RIGHT, WRONG, Answer, Grade, JsonAnswer, QuestionKind
from quiz.core.kinds.numeric import NumberAnswer
from quiz.core.kinds.order import OrderAnswer
from quiz.core.kinds.text import TextAnswer
from quiz.core.kinds.true_false import BooleanAnswer, boolean_word
from quiz.core.question_base import QuestionBase

__all__ = [
    "NOTHING",
    "RIGHT",
    "WRONG",
    "Answer",
    "BooleanAnswer",
    "CategorizeAnswer",
    "ChoiceAnswer",
    "Grade",
    "HighlightAnswer",
    "JsonAnswer",
    "NumberAnswer",
    "OrderAnswer",
    "TextAnswer",
    "boolean_word",
    "decode_answer",
    "describe_answer",
    "describe_key",
    "encode_answer",
    "expected_answer_type",
    "grade",
    "right_answer",
]


def expected_answer_type(question: QuestionBase) -> type[Any]:
    """The `Answer` class a question takes; `TypeError` for a question type the engine ignores."""
    return kind_of(question).answer_type


def _kind_for(question: QuestionBase, answer: object) -> QuestionKind[Any, Any]:
    kind = kind_of(question)
    if not isinstance(answer, kind.answer_type):
        raise TypeError(
            f"question '{question.id}' ({kind.name}) takes a {kind.answer_type.__name__}, "
            f"not a {type(answer).__name__}"
        )
    return kind


def grade(question: QuestionBase, answer: Answer) -> Grade:
    """Check `answer` against `question`'s key.

    - single, true_false, numeric (within `tolerance`), text (`TextQuestion.accepts`: case, accents,
      spacing and edge punctuation ignored unless the question says otherwise): all or nothing;
    - multiple and highlight: (right picks − wrong picks) / number of right items, floored at 0;
    - order: the share of item pairs in the right relative order; 1 only with every item in place;
    - categorize: the share of items placed in their category; 1 only with every item right.

    Raises `TypeError` for an answer of the wrong kind for the question, `ValueError` for an answer
    that names a choice, item or word the question does not have.
    """
    return _kind_for(question, answer).grade(question, answer)


def describe_answer(question: QuestionBase, answer: Answer, *, language: str = "en") -> str:
    """The answer given, in words: choice texts joined with "; ", the number with its unit, the
    ordered items joined with " → ", the picked words, "item → category" pairs; "—" for an empty
    answer.

    `language` (the set's) picks the words for true/false and the decimal separator.
    """
    return _kind_for(question, answer).describe_answer(question, answer, language)


def describe_key(question: QuestionBase, *, language: str = "en") -> str:
    """The right answer, in words, in the same form as `describe_answer`.

    Several accepted texts are joined with " / "; a numeric tolerance is shown as "(± 1)".
    """
    return kind_of(question).describe_key(question, language)


def right_answer(question: QuestionBase) -> Answer:
    """The answer that earns full credit (for demonstrations, tests and practice reveals)."""
    answer: Answer = kind_of(question).right_answer(question)
    return answer


# --- Storing answers ------------------------------------------------------------------------------


def encode_answer(answer: Answer) -> JsonAnswer:
    """A JSON-ready dict for the results store; `decode_answer` reads it back."""
    for kind in KINDS.values():
        if type(answer) is kind.answer_type:
            encoded: JsonAnswer = kind.encode(answer)
            return encoded
    raise TypeError(f"not an answer: {answer!r}")


def decode_answer(data: Mapping[str, Any]) -> Answer:
    """Read back what `encode_answer` wrote; `ValueError` for anything else."""
    answer: Answer = kind_of_stored(data).decode(data)
    return answer
