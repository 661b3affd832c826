"""A question as a player sees it, without its key, and how an answer given on that view maps back.

A live game sends this view to every player before the reveal, and the answer screens build their
widgets from it: it never holds the key, the explanation, the evidence or which choice is right.
Choices and items are listed in display order with no file index, because the file order is itself
a clue (teachers often write the right choice first; an ordering question's file order IS its key).
A player's answer therefore names display positions, and `file_answer` maps it back to the file's
indices before it is graded and stored.

What differs between question types is in each type's kind (`quiz.core.kinds`, the view's part of
`QuestionKind`); the functions here ask the registry for it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from quiz.core.answers import Answer
from quiz.core.kinds import KINDS, kind_of
from quiz.core.models import QuestionType
from quiz.core.numbers import number_style
from quiz.core.session import PresentedQuestion
from quiz.core.skills import Skill

__all__ = [
    "KINDS",
    "NumberForms",
    "QuestionView",
    "file_answer",
    "kind_of",
    "picked_choices",
    "question_view",
    "shows_choice_bars",
    "view_key",
]
# `KINDS` and `kind_of` are the registry's own, re-exported: what a kind does for the view (its
# `key`, `choice_bars`, `picked`) is read through them by the view's tests.


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
    items: list[str] = Field(
        default_factory=list, description="order, categorize: in display order (as first shown)."
    )
    categories: list[str] = Field(
        default_factory=list,
        description="categorize: the groups, in the file's order (an answer names them by index).",
    )
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


def question_view(presented: PresentedQuestion, language: str) -> QuestionView:
    """What a player is shown of `presented`, in a set of `language`."""
    question = presented.question
    kind = kind_of(question)
    return QuestionView(
        number=presented.number,
        total=presented.total,
        type=kind.name,
        skill=question.skill,
        prompt=question.prompt,
        language=language,
        points=presented.points,
        max_points=presented.max_points,
        time_limit=presented.time_limit,
        **kind.view_fields(presented, language),
    )


def file_answer(presented: PresentedQuestion, answer: Answer) -> Answer:
    """An answer given on the view, in the file's indices, ready for `grade`.

    `TypeError` for an answer of the wrong kind, `ValueError` for a position that is not shown.
    """
    mapped: Answer = kind_of(presented.question).file_answer(presented, answer)
    return mapped


def view_key(presented: PresentedQuestion) -> list[int]:
    """The key in the view's terms, for the reveal (`QuestionKind.key`)."""
    return kind_of(presented.question).key(presented)


def shows_choice_bars(presented: PresentedQuestion) -> bool:
    """Whether the reveal shows a bar per choice (else a bar per outcome)."""
    return kind_of(presented.question).choice_bars


def picked_choices(presented: PresentedQuestion, answer: Answer) -> list[int]:
    """The displayed choices a (file) answer picked, for the bars; [] without choice bars."""
    return kind_of(presented.question).picked(presented, answer)
