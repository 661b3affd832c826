"""A question as a player sees it, without its key, and how an answer given on that view maps back.

A live game sends this view to every player before the reveal, and the answer screens build their
widgets from it: it never holds the key, the explanation, the evidence or which choice is right.
Choices and ordering items are listed in display order with no file index, because the file order
is itself a clue (teachers often write the right choice first; an ordering question's file order IS
its key). A player's answer therefore names display positions, and `file_answer` maps it back to
the file's indices before it is graded and stored.

Everything that differs between question types is in `KINDS`, one entry per type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from quiz.core.answers import (
    Answer,
    BooleanAnswer,
    ChoiceAnswer,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
    boolean_word,
)
from quiz.core.models import (
    HighlightQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderingQuestion,
    QuestionBase,
    QuestionType,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from quiz.core.numbers import number_style
from quiz.core.session import PresentedQuestion
from quiz.core.skills import Skill
from quiz.core.text import split_words


class NumberForms(BaseModel):
    """How the set's language writes numbers (`quiz.core.numbers.NumberStyle`), sent with a numeric
    question so that a browser reads a typed number exactly as the terminal does."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    decimal: str = Field(description="The characters read as a decimal separator.")
    groups: str = Field(description="The characters read as a thousands separator.")
    thousands_example: str
    decimal_example: str

    @classmethod
    def of(cls, language: str) -> NumberForms:
        style = number_style(language)
        return cls(
            decimal=style.decimal,
            groups=style.groups,
            thousands_example=style.thousands_example,
            decimal_example=style.decimal_example,
        )


class QuestionView(BaseModel):
    """What a player is shown of one question: enough to answer it, nothing of its key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int = Field(ge=1, description="1-based position in the game.")
    total: int = Field(ge=1)
    type: QuestionType
    skill: Skill
    prompt: str
    language: str = Field(description="The set's language: true/false words, decimal commas.")
    points: int = Field(ge=0, description="The question's points before the rule applies.")
    max_points: int = Field(ge=0, description="The most it can earn under the game's rule.")
    time_limit: int | None = Field(description="Seconds, or None when untimed.")
    choices: list[str] = Field(
        default_factory=list, description="single, multiple, true_false: in display order."
    )
    items: list[str] = Field(default_factory=list, description="order: as first shown.")
    passage: list[str] = Field(
        default_factory=list,
        description="highlight: the text cut as gap, word, gap, word, …, gap (words are the odd "
        "entries, numbered as the answer numbers them).",
    )
    unit: str | None = None
    numbers: NumberForms | None = Field(
        default=None, description="numeric: how the set's language writes numbers."
    )

    @property
    def words(self) -> list[str]:
        """The words of a highlight passage, in the order an answer numbers them."""
        return self.passage[1::2]

    @property
    def passage_text(self) -> str:
        """A highlight question's passage as one text."""
        return "".join(self.passage)


Q = TypeVar("Q", bound=QuestionBase)
A = TypeVar("A")


def _as(kind: type[Q], presented: PresentedQuestion) -> Q:
    question = presented.question
    if not isinstance(question, kind):
        raise TypeError(f"question '{question.id}' is not a {kind.__name__}")
    return question


def _answer_as(kind: type[A], answer: Answer, question: QuestionBase) -> A:
    if not isinstance(answer, kind):
        raise TypeError(
            f"question '{question.id}' takes a {kind.__name__}, not a {type(answer).__name__}"
        )
    return answer


def _through(order: tuple[int, ...], positions: Iterable[int], what: str) -> list[int]:
    """File indices of display `positions`; `ValueError` for a position that is not shown."""
    indices = []
    for position in positions:
        if not 0 <= position < len(order):
            raise ValueError(f"there is no {what} at position {position} (0 to {len(order) - 1})")
        indices.append(order[position])
    return indices


def _passage(text: str) -> list[str]:
    parts, previous = [], 0
    for start, end in split_words(text):
        parts += [text[previous:start], text[start:end]]
        previous = end
    parts.append(text[previous:])
    return parts


# --- The entries, one per question type ----------------------------------------------------------


def _choice_fields(presented: PresentedQuestion, language: str) -> dict[str, Any]:
    return {"choices": [choice.text for _, choice in presented.displayed_choices]}


def _choice_to_file(presented: PresentedQuestion, answer: Answer) -> Answer:
    picked = _answer_as(ChoiceAnswer, answer, presented.question).selected
    return ChoiceAnswer(frozenset(_through(presented.choice_order, picked, "choice")))


def _choice_picked(presented: PresentedQuestion, answer: Answer) -> list[int]:
    selected = _answer_as(ChoiceAnswer, answer, presented.question).selected
    return sorted(presented.choice_order.index(i) for i in selected)


def _choice_key(presented: PresentedQuestion) -> list[int]:
    question = presented.question
    if not isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        raise TypeError(f"question '{question.id}' has no choices")
    return [p for p, i in enumerate(presented.choice_order) if i in question.correct_choices]


def _true_false_fields(presented: PresentedQuestion, language: str) -> dict[str, Any]:
    return {"choices": [boolean_word(True, language), boolean_word(False, language)]}


def _true_false_picked(presented: PresentedQuestion, answer: Answer) -> list[int]:
    return [0 if _answer_as(BooleanAnswer, answer, presented.question).value else 1]


def _true_false_key(presented: PresentedQuestion) -> list[int]:
    return [0 if _as(TrueFalseQuestion, presented).answer else 1]


def _numeric_fields(presented: PresentedQuestion, language: str) -> dict[str, Any]:
    return {"unit": _as(NumericQuestion, presented).unit, "numbers": NumberForms.of(language)}


def _no_fields(presented: PresentedQuestion, language: str) -> dict[str, Any]:
    return {}


def _order_fields(presented: PresentedQuestion, language: str) -> dict[str, Any]:
    return {"items": [text for _, text in presented.displayed_items]}


def _order_to_file(presented: PresentedQuestion, answer: Answer) -> Answer:
    order = _answer_as(OrderAnswer, answer, presented.question).order
    return OrderAnswer(tuple(_through(presented.item_order, order, "item")))


def _order_key(presented: PresentedQuestion) -> list[int]:
    """The shown items' positions, in the right order."""
    count = len(_as(OrderingQuestion, presented).items)
    return [presented.item_order.index(index) for index in range(count)]


def _highlight_fields(presented: PresentedQuestion, language: str) -> dict[str, Any]:
    return {"passage": _passage(_as(HighlightQuestion, presented).text)}


def _highlight_key(presented: PresentedQuestion) -> list[int]:
    return sorted(_as(HighlightQuestion, presented).target_words)


def _unchanged(kind: type[Any]) -> Callable[[PresentedQuestion, Answer], Answer]:
    """Answers that name no display position (a number, words of the passage) map to themselves."""

    def check(presented: PresentedQuestion, answer: Answer) -> Answer:
        return _answer_as(kind, answer, presented.question)  # type: ignore[no-any-return]

    return check


def _none_picked(presented: PresentedQuestion, answer: Answer) -> list[int]:
    return []


def _no_key(presented: PresentedQuestion) -> list[int]:
    return []


@dataclass(frozen=True, slots=True)
class Kind:
    """How one question type is shown without its key, and read back."""

    fields: Callable[[PresentedQuestion, str], dict[str, Any]]
    """The view's type-specific fields (choices, items, passage, unit), given the set's language."""
    to_file: Callable[[PresentedQuestion, Answer], Answer]
    """An answer given on the view (display positions) as the file's indices."""
    choice_bars: bool
    """Whether the reveal shows a bar per choice (else a bar per outcome: right, partly, wrong)."""
    picked: Callable[[PresentedQuestion, Answer], list[int]]
    """The displayed choices a (file) answer picked, for the bars; [] without choice bars."""
    key: Callable[[PresentedQuestion], list[int]]
    """The key in the view's terms, sent with the reveal: the right choices' positions, the shown
    items' positions in the right order, the words to pick; [] for numbers and texts."""


KINDS: dict[str, Kind] = {
    "single": Kind(_choice_fields, _choice_to_file, True, _choice_picked, _choice_key),
    "multiple": Kind(_choice_fields, _choice_to_file, True, _choice_picked, _choice_key),
    "true_false": Kind(
        _true_false_fields, _unchanged(BooleanAnswer), True, _true_false_picked, _true_false_key
    ),
    "numeric": Kind(_numeric_fields, _unchanged(NumberAnswer), False, _none_picked, _no_key),
    "text": Kind(_no_fields, _unchanged(TextAnswer), False, _none_picked, _no_key),
    "order": Kind(_order_fields, _order_to_file, False, _none_picked, _order_key),
    "highlight": Kind(
        _highlight_fields, _unchanged(HighlightAnswer), False, _none_picked, _highlight_key
    ),
}
"""Every question type's entry; `QUESTION_TYPES` and this table must name the same types (tested)."""


def kind_of(question: QuestionBase) -> Kind:
    """The entry of `question`'s type; `TypeError` for a type this module does not know."""
    kind = KINDS.get(getattr(question, "type", ""))
    if kind is None:
        raise TypeError(
            f"no view is known for question '{question.id}' ({type(question).__name__})"
        )
    return kind


def question_view(presented: PresentedQuestion, language: str) -> QuestionView:
    """What a player is shown of `presented`, in a set of `language`."""
    question = presented.question
    return QuestionView(
        number=presented.number,
        total=presented.total,
        type=question.type,  # type: ignore[attr-defined]
        skill=question.skill,
        prompt=question.prompt,
        language=language,
        points=presented.points,
        max_points=presented.max_points,
        time_limit=presented.time_limit,
        **kind_of(question).fields(presented, language),
    )


def file_answer(presented: PresentedQuestion, answer: Answer) -> Answer:
    """An answer given on the view, in the file's indices, ready for `grade`.

    `TypeError` for an answer of the wrong kind, `ValueError` for a position that is not shown.
    """
    return kind_of(presented.question).to_file(presented, answer)
