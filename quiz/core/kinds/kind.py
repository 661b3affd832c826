"""What a question type is to the game: the contract every module of `quiz.core.kinds` fulfils.

A kind knows its YAML `type:`, its pydantic model, the shape of its answers, how an answer is
graded (with partial credit where the type allows it), the right answer, how answers and the key
read in words, how an answer is stored and read back, the `quiz check` findings only it can see,
how it is shuffled for a player, and what the teacher's report counts about it. The rest of the
game asks the registry (`quiz.core.kinds`) for a question's kind and never tests its class.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from pydantic import BaseModel

from quiz.core.findings import Finding, Path
from quiz.core.question_base import Choice, QuestionBase
from quiz.core.text import clean_text


class Answer:
    """What a student did on one question, in terms of the file (indices in FILE order, never
    display positions), so that it can be stored, replayed and graded the same way everywhere.

    Each kind's answer is a small frozen dataclass deriving from this one.
    """

    __slots__ = ()


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

NOTHING = "—"
"""What an empty answer (no choice, no word picked, blank text) is described as."""

JsonAnswer = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Shuffle:
    """A question's shuffles for one player: FILE indices in display order (empty when none)."""

    choice_order: tuple[int, ...] = ()
    item_order: tuple[int, ...] = ()


Shuffler = Callable[[str], random.Random]
"""A random generator seeded from the game's seed, this question and a purpose ("choices")."""


class StoredAnswer(Protocol):
    """What the teacher's report reads of each stored answer (the store's `AnalysedAnswer`)."""

    @property
    def answer_json(self) -> Any: ...
    @property
    def answer_text(self) -> str: ...
    @property
    def fraction(self) -> float: ...


def one_line(text: str) -> str:
    """Text cleaned for display on one line (control characters removed, spaces collapsed)."""
    return " ".join(clean_text(text).split())


def check_indices(question: QuestionBase, indices: Iterable[int], count: int, what: str) -> None:
    """`ValueError` when an answer names a choice, item or word the question does not have."""
    for index in indices:
        if not 0 <= index < count:
            raise ValueError(
                f"question '{question.id}' has {count} {what}s (0 to {count - 1}), "
                f"the answer names {what} {index}"
            )


def int_list(data: Mapping[str, Any], key: str) -> list[int]:
    """A stored answer's list of indices, or `ValueError`."""
    value = data.get(key)
    if not isinstance(value, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in value
    ):
        raise ValueError(f"a stored answer's '{key}' must be a list of integers, not {value!r}")
    return value


def not_stored(data: Mapping[str, Any]) -> ValueError:
    return ValueError(f"not a stored answer: {dict(data)!r}")


QuestionT = TypeVar("QuestionT", bound=QuestionBase)
AnswerT = TypeVar("AnswerT", bound=Answer)


class QuestionKind(ABC, Generic[QuestionT, AnswerT]):
    """One question type. Subclasses fill the class attributes and the abstract methods; the
    others have defaults that suit a type with no choices, no items and no checks of its own."""

    name: ClassVar[str]
    """The YAML `type:`."""
    model: type[QuestionT]
    answer_type: type[AnswerT]
    answer_tag: ClassVar[str]
    """The `kind` of a stored answer (`encode`); types sharing an answer shape share the tag."""
    nested: ClassVar[Mapping[str, tuple[type[BaseModel], str]]] = {}
    """Keys holding mappings of their own, their model and its name ("choices": Choice, "choice"),
    so that an unknown key inside one lists the right allowed keys."""

    # --- Answers ----------------------------------------------------------------------------------

    @abstractmethod
    def grade(self, question: QuestionT, answer: AnswerT) -> Grade:
        """Check `answer` against the key; `ValueError` for an answer naming what is not there."""

    @abstractmethod
    def right_answer(self, question: QuestionT) -> AnswerT:
        """The answer that earns full credit."""

    @abstractmethod
    def describe_answer(self, question: QuestionT, answer: AnswerT, language: str) -> str:
        """The answer in words, on one line ("—" when empty), for feedback and reports."""

    @abstractmethod
    def describe_key(self, question: QuestionT, language: str) -> str:
        """The right answer in words, in the same form as `describe_answer`."""

    @abstractmethod
    def encode(self, answer: AnswerT) -> JsonAnswer:
        """A JSON-ready dict for the results store, with `"kind": answer_tag`."""

    @abstractmethod
    def decode(self, data: Mapping[str, Any]) -> AnswerT:
        """Read back what `encode` wrote; `ValueError` for anything else."""

    # --- Checks, play and reports -----------------------------------------------------------------

    def check(self, question: QuestionT, at: Path) -> Iterator[Finding]:
        """The `quiz check` findings only this type can see (`at`: the question's path)."""
        return iter(())

    def shuffle(self, question: QuestionT, rng: Shuffler, shuffle_choices: bool) -> Shuffle:
        """The order the player sees choices and items in (`shuffle_choices`: the set's default)."""
        return Shuffle()

    def choices(self, question: QuestionT) -> Sequence[Choice]:
        """The choices `Shuffle.choice_order` indexes, in file order."""
        return ()

    def item_texts(self, question: QuestionT) -> Sequence[str]:
        """The texts `Shuffle.item_order` indexes, in file order."""
        return ()

    def wrong_picks(
        self, question: QuestionT, answers: Sequence[StoredAnswer], language: str
    ) -> Counter[str] | None:
        """The report's wrong answers and how often each was given; None: the most common wrong
        answers by their text, which suits any type."""
        return None

    def picks_per_item(self, question: QuestionT, answers: Sequence[StoredAnswer]) -> str:
        """The report's per-item counts, for types whose answer places each item ("" otherwise)."""
        return ""
