"""What a question type is to the game: the contract every module of `quiz.core.kinds` fulfils.

A kind knows its YAML `type:`, its pydantic model, the shape of its answers, how an answer is
graded (with partial credit where the type allows it), the right answer, how answers and the key
read in words, how an answer is stored and read back, the `quiz check` findings only it can see,
how it is shuffled for a player, what the teacher's report counts about it, and how it is shown
without its key (`quiz.core.question_view`) and an answer given on that view read back. The rest of
the game asks the registry (`quiz.core.kinds`) for a question's kind and never tests its class.
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


class Presented(Protocol):
    """A question as one player is shown it (`quiz.core.session.PresentedQuestion`, which imports
    the kinds, so it is named here by what the view reads of it)."""

    @property
    def question(self) -> QuestionBase:
        """The question, in the file's terms (its key too: the view leaves it out)."""

    @property
    def choice_order(self) -> tuple[int, ...]:
        """FILE indices of the choices, in display order (empty when none)."""

    @property
    def item_order(self) -> tuple[int, ...]:
        """FILE indices of the items, in display order (empty when none)."""


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


def file_indices(order: tuple[int, ...], positions: Iterable[int], what: str) -> list[int]:
    """The FILE indices of display `positions`; `ValueError` for a position that is not shown."""
    indices = []
    for position in positions:
        if not 0 <= position < len(order):
            raise ValueError(f"there is no {what} at position {position} (0 to {len(order) - 1})")
        indices.append(order[position])
    return indices


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
    choice_bars: ClassVar[bool] = False
    """Whether a live game's reveal shows a bar per choice (else a bar per outcome: right, partly,
    wrong); a type with choice bars says which displayed choices an answer `picked`."""

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

    # --- The key-free view (`quiz.core.question_view`) ------------------------------------------
    # Choices and items are shown in display order without their file indices (the file's order is
    # a clue, and an ordering question's file order is its key), so an answer given on the view
    # names display positions; `file_answer` maps it back before it is graded and stored.

    def view_fields(self, presented: Presented, language: str) -> dict[str, Any]:
        """The view's fields of this type (choices, items, categories, passage, unit…), given
        the set's language; nothing of the key. Nothing by default."""
        return {}

    def file_answer(self, presented: Presented, answer: Answer) -> AnswerT:
        """An answer given on the view, in the file's indices, ready for `grade`. `TypeError` for
        an answer of another kind, `ValueError` for a position that is not shown.

        By default the answer names no display position (a number, a text, words of the passage)
        and maps to itself."""
        return self.answer_on(presented, answer)

    def picked(self, presented: Presented, answer: Answer) -> list[int]:
        """The displayed choices a (file) answer picked, for the reveal's bars; [] for a type
        without `choice_bars`."""
        return []

    def key(self, presented: Presented) -> list[int]:
        """The key in the view's terms, sent with the reveal (never before): the right choices'
        positions, the shown items' positions in the right order, the words to pick, each shown
        item's category; [] by default, for numbers and texts (the reveal's `key_text` says it)."""
        return []

    def question_in(self, presented: Presented) -> QuestionT:
        """`presented`'s question, as this kind's model; `TypeError` for another type's."""
        question = presented.question
        if not isinstance(question, self.model):
            raise TypeError(f"question '{question.id}' is not a {self.model.__name__}")
        return question

    def answer_on(self, presented: Presented, answer: Answer) -> AnswerT:
        """`answer`, if this kind takes it; `TypeError` for an answer of another kind."""
        if not isinstance(answer, self.answer_type):
            raise TypeError(
                f"question '{presented.question.id}' takes a {self.answer_type.__name__}, "
                f"not a {type(answer).__name__}"
            )
        return answer
