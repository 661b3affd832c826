"""The question-set format: what a teacher writes in YAML, as pydantic models.

Forgiving where that is harmless (a choice may be a plain string; the key may be given as `answer:`
or as `correct: true` on a choice; `vrai`/`faux` are booleans), strict where a mistake would reach
students (unknown keys, types and skills are errors). Each question type's model lives in its
module of `quiz.core.kinds` and is re-exported here; checks that need more than one field — one
right choice, evidence found in the article — run in `checks.py`, pointing at the exact node.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, StringConstraints, field_validator

from quiz.core.kinds import QUESTION_TYPES, AnyQuestion
from quiz.core.kinds.categorize import CategorizeItem, CategorizeQuestion
from quiz.core.kinds.highlight import HighlightQuestion
from quiz.core.kinds.multiple import MultipleChoiceQuestion
from quiz.core.kinds.numeric import Distance, Number, NumericQuestion
from quiz.core.kinds.order import OrderingQuestion
from quiz.core.kinds.single import SingleChoiceQuestion
from quiz.core.kinds.text import TextQuestion
from quiz.core.kinds.true_false import TrueFalseQuestion
from quiz.core.question_base import (
    Choice,
    ChoiceEntry,
    Difficulty,
    DraftInfo,
    FiniteNumber,
    Identifier,
    Points,
    QuestionBase,
    Seconds,
    Text,
)
from quiz.core.question_base import StrictModel as _Strict
from quiz.core.skills import Skill

__all__ = [
    "QUESTION_TYPES",
    "Article",
    "CategorizeItem",
    "CategorizeQuestion",
    "Choice",
    "ChoiceEntry",
    "Defaults",
    "Difficulty",
    "Distance",
    "DraftInfo",
    "FiniteNumber",
    "HighlightQuestion",
    "Identifier",
    "LanguageCode",
    "MultipleChoiceQuestion",
    "Number",
    "NumericQuestion",
    "OrderingQuestion",
    "Points",
    "Question",
    "QuestionBase",
    "QuestionSet",
    "QuestionType",
    "ScoringRule",
    "Seconds",
    "SingleChoiceQuestion",
    "Text",
    "TextQuestion",
    "TrueFalseQuestion",
]

LanguageCode = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
]

QuestionType = Literal[QUESTION_TYPES]  # type: ignore[valid-type]
"""The YAML `type:` values, one per module of `quiz.core.kinds` (the registry lists them)."""


class ScoringRule(StrEnum):
    """How answers turn into points; the README gives each formula."""

    CLASSIC = "classic"
    """Speed-weighted: half to all of the points by speed, plus a capped streak bonus."""
    ACCURACY = "accuracy"
    """Flat points, time ignored: for slower readers."""
    PRACTICE = "practice"
    """No timer, no score, the explanation straight away."""


class Article(_Strict):
    """The news article a set is about, and who produced it: the raw material of sourcing questions."""

    headline: Text
    outlet: Text | None = Field(None, description="The newspaper, site or broadcaster that ran it.")
    agency: Text | None = Field(None, description="The news agency that wrote it (AFP, Reuters…).")
    author: Text | None = None
    published: date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    url: Text | None = None
    photo_credit: Text | None = None
    text_file: Text | None = Field(
        None,
        description="Path of a UTF-8 text file holding the article, relative to the set's file. "
        "Evidence quotes are checked against it and students can read it during play.",
    )


class Defaults(_Strict):
    """Settings for every question of the set, unless a question says otherwise."""

    time_limit: Seconds | None = Field(30, description="Seconds per question; null for no timer.")
    points: Points = 1000
    scoring: ScoringRule = ScoringRule.CLASSIC
    shuffle_questions: bool = False
    shuffle_choices: bool = True


Question = Annotated[AnyQuestion, Field(discriminator="type")]
"""Any question, told apart by its `type:` (`quiz.core.kinds` registers the types)."""


class QuestionSet(_Strict):
    """One file: a set of questions about one article."""

    id: Identifier
    title: Text
    language: LanguageCode = Field(description="The language of the questions: fr, en…")
    description: Text | None = None
    article: Article
    defaults: Defaults = Field(default_factory=Defaults)
    questions: list[Question] = Field(min_length=1)

    _source_path: str | None = PrivateAttr(None)
    _article_text: str | None = PrivateAttr(None)

    @field_validator("language", mode="before")
    @classmethod
    def _lower_language(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @property
    def source_path(self) -> str | None:
        """The file the set was loaded from, if any."""
        return self._source_path

    @property
    def article_text(self) -> str | None:
        """The article's text when the set links one (`article.text_file`)."""
        return self._article_text

    @cached_property
    def content_hash(self) -> str:
        """A digest of everything that affects play: an edited set never mixes with its old results."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]

    @property
    def skills(self) -> list[Skill]:
        """The skills the set trains, in vocabulary order."""
        present = {q.skill for q in self.questions}
        return [s for s in Skill if s in present]

    @property
    def draft_count(self) -> int:
        """How many questions are still marked `draft:` (not reviewed by a teacher)."""
        return sum(1 for question in self.questions if question.draft is not None)

    def without_drafts(self) -> QuestionSet | None:
        """The set as students play it: the questions still marked `draft:` left out; None when
        every question is a draft (there is nothing to play)."""
        return self._keeping(lambda question: question.draft is None)

    def _keeping(self, keep: Callable[[QuestionBase], bool]) -> QuestionSet | None:
        kept = [question for question in self.questions if keep(question)]
        if len(kept) == len(self.questions):
            return self
        if not kept:
            return None
        played = self.model_copy(update={"questions": kept})
        played.__dict__.pop("content_hash", None)  # the whole set's, cached: not this one's
        return played

    def points_for(self, question: QuestionBase) -> int:
        return question.points or self.defaults.points

    def time_limit_for(self, question: QuestionBase) -> int | None:
        return question.time_limit or self.defaults.time_limit
