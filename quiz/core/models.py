"""The question-set format: what a teacher writes in YAML, as pydantic models.

Forgiving where that is harmless (a choice may be a plain string; the key may be given as `answer:`
or as `correct: true` on a choice; `vrai`/`faux` are booleans), strict where a mistake would reach
students (unknown keys, types and skills are errors). Checks that need the whole set — one right
choice, evidence found in the article — live in `checks.py`, where they can point at the exact node.
"""

from __future__ import annotations

import hashlib
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from quiz.core.numbers import number_style, parse_number, spells_non_finite
from quiz.core.skills import Skill
from quiz.core.text import find_phrase, normalise_answer, split_words

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text; surrounding white space (such as a block scalar's final newline) is dropped."""

Identifier = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=80, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
    ),
]
LanguageCode = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
]
Seconds = Annotated[int, Field(ge=5, le=3600)]
Points = Annotated[int, Field(ge=1, le=100_000)]
FiniteNumber = Annotated[float, Field(allow_inf_nan=False)]
"""Infinity would make every answer right within a tolerance, and nothing equals not-a-number."""

QuestionType = Literal["single", "multiple", "true_false", "numeric", "text", "order", "highlight"]
QUESTION_TYPES: tuple[str, ...] = QuestionType.__args__  # type: ignore[attr-defined]


class ScoringRule(StrEnum):
    """How answers turn into points; the README gives each formula."""

    CLASSIC = "classic"
    """Speed-weighted: half to all of the points by speed, plus a capped streak bonus."""
    ACCURACY = "accuracy"
    """Flat points, time ignored: for slower readers."""
    PRACTICE = "practice"
    """No timer, no score, the explanation straight away."""


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class _Strict(BaseModel):
    # Numbers where text is expected ("answer: 1945") are the teacher's text, not a type error.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, validate_default=False)


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


class DraftInfo(_Strict):
    """Left by `quiz generate` on questions a teacher has not reviewed yet."""

    confidence: FiniteNumber = Field(ge=0, le=1)
    passage: Text | None = Field(None, description="The sentence of the article it came from.")


class QuestionBase(_Strict):
    id: Identifier = Field(description="Stable id: results are stored under it; never reuse one.")
    skill: Skill = Field(description="The one media-literacy skill this question trains.")
    prompt: Text
    explanation: Text = Field(
        description="Shown after answering: teach, do not just repeat the key."
    )
    evidence: Text = Field(
        description="A short verbatim quote of the article that holds the answer."
    )
    difficulty: Difficulty | None = None
    time_limit: Seconds | None = None
    points: Points | None = None
    draft: DraftInfo | None = None


class Choice(_Strict):
    text: Text
    correct: bool = False
    feedback: Text | None = Field(None, description="Why this choice is right or wrong.")


def _choice_from_text(data: Any) -> Any:
    """A choice may be written as plain text when it needs no flag or feedback."""
    if isinstance(data, str | int | float) and not isinstance(data, bool):
        return {"text": str(data)}
    return data


ChoiceEntry = Annotated[
    Choice, BeforeValidator(_choice_from_text, json_schema_input_type=Choice | str)
]


def _as_list(value: Any) -> Any:
    """`answer: X` and `answer: [X, Y]` are both fine where several answers may be right."""
    return (
        [value] if isinstance(value, str | int | float) and not isinstance(value, bool) else value
    )


_BOOLEAN_WORDS = {"vrai": True, "faux": False, "true": True, "false": False}


def _boolean_word(value: Any) -> Any:
    if isinstance(value, str):
        return _BOOLEAN_WORDS.get(value.strip().casefold(), value)
    return value


class _ChoiceQuestion(QuestionBase):
    choices: list[ChoiceEntry] = Field(min_length=2, max_length=12)

    def answer_texts(self) -> list[str]:
        raise NotImplementedError

    @cached_property
    def correct_choices(self) -> frozenset[int]:
        """Indices (in file order) of the right choices, however the teacher marked them."""
        wanted = {normalise_answer(a) for a in self.answer_texts()}
        return frozenset(
            i for i, c in enumerate(self.choices) if c.correct or normalise_answer(c.text) in wanted
        )


class SingleChoiceQuestion(_ChoiceQuestion):
    """Pick the one right answer."""

    type: Literal["single"]
    answer: Text | None = Field(
        None, description="The text of the right choice (or mark it correct)."
    )

    def answer_texts(self) -> list[str]:
        return [self.answer] if self.answer else []


class MultipleChoiceQuestion(_ChoiceQuestion):
    """Select all that apply."""

    type: Literal["multiple"]
    answer: (
        Annotated[list[Text], BeforeValidator(_as_list, json_schema_input_type=list[str] | str)]
        | None
    ) = Field(None, description="The texts of the right choices (or mark each correct).")

    def answer_texts(self) -> list[str]:
        return self.answer or []


class TrueFalseQuestion(QuestionBase):
    type: Literal["true_false"]
    answer: Annotated[bool, BeforeValidator(_boolean_word, json_schema_input_type=bool | str)] = (
        Field(description="true or false (vrai or faux).")
    )


def _number_in_set_language(value: Any, info: ValidationInfo) -> Any:
    """A number written as text (`answer: 2,300`) is read as the set's language writes numbers.

    The loader passes the set's `language` in the validation context; without it, only the forms
    every language reads alike are taken (see `quiz.core.numbers`).
    """
    if not isinstance(value, str):
        return value
    context = info.context if isinstance(info.context, dict) else {}
    language = context.get("language")
    language = language if isinstance(language, str) else None
    try:
        return parse_number(value, language)
    except ValueError:
        if spells_non_finite(value):
            return value  # the finite-number check names it: "expected a finite number"
        raise PydanticCustomError(
            "number_format",
            "expected a number, found {found}",
            {"found": value, "language": language, "forms": number_style(language).forms},
        ) from None


Number = Annotated[
    float,
    Field(allow_inf_nan=False),
    BeforeValidator(_number_in_set_language, json_schema_input_type=float | str),
]
"""A number, also written as text in the set's language: `2,300` in English, `2 300` in French."""
Distance = Annotated[
    float,
    Field(allow_inf_nan=False),
    BeforeValidator(
        _number_in_set_language, json_schema_input_type=Annotated[float, Field(ge=0)] | str
    ),
]
"""A `Number` that is never negative (the schema says so to editors)."""


class NumericQuestion(QuestionBase):
    type: Literal["numeric"]
    answer: Number
    tolerance: Distance = Field(0, ge=0, description="Accepted distance from the answer.")
    unit: Text | None = None

    def accepts(self, value: float) -> bool:
        return abs(value - self.answer) <= self.tolerance + 1e-9


class TextQuestion(QuestionBase):
    """A short typed answer; by default case, accents and extra spaces do not matter."""

    type: Literal["text"]
    answer: Annotated[
        list[Text], BeforeValidator(_as_list, json_schema_input_type=list[str] | str)
    ] = Field(min_length=1, description="Every accepted answer.")
    case_sensitive: bool = False
    accent_sensitive: bool = False

    def accepts(self, typed: str) -> bool:
        given = normalise_answer(
            typed, case_sensitive=self.case_sensitive, accent_sensitive=self.accent_sensitive
        )
        return bool(given) and any(
            given
            == normalise_answer(
                a, case_sensitive=self.case_sensitive, accent_sensitive=self.accent_sensitive
            )
            for a in self.answer
        )


class OrderingQuestion(QuestionBase):
    """Put the items in order; the file lists them in the right order, students see them shuffled."""

    type: Literal["order"]
    items: list[Text] = Field(min_length=2, max_length=12)


class HighlightQuestion(QuestionBase):
    """Pick the word or words of a passage that do something: the hedge, the unnamed source…"""

    type: Literal["highlight"]
    text: Text = Field(description="The passage the student picks words in.")
    answer: Annotated[
        list[Text], BeforeValidator(_as_list, json_schema_input_type=list[str] | str)
    ] = Field(
        min_length=1, description="The word or words to pick, each as it appears in the text."
    )

    @cached_property
    def words(self) -> list[str]:
        return [self.text[start:end] for start, end in split_words(self.text)]

    @cached_property
    def target_words(self) -> frozenset[int]:
        """Indices of the words covered by the answer's phrases (empty if a phrase is missing)."""
        spans = split_words(self.text)
        found: set[int] = set()
        for phrase in self.answer:
            located = find_phrase(self.text, phrase)
            if located is None:
                return frozenset()
            start, end = located
            found.update(i for i, (s, e) in enumerate(spans) if s < end and e > start)
        return frozenset(found)


Question = Annotated[
    SingleChoiceQuestion
    | MultipleChoiceQuestion
    | TrueFalseQuestion
    | NumericQuestion
    | TextQuestion
    | OrderingQuestion
    | HighlightQuestion,
    Field(discriminator="type"),
]


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
        kept = [question for question in self.questions if question.draft is None]
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
