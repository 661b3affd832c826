"""What question types share: the strict model base, the common fields, their text types, and the
choice (used by single and multiple choice).

Each question type adds its own fields in its module under `quiz.core.kinds`; `quiz.core.models`
puts the types together into the `Question` union and the whole `QuestionSet`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from quiz.core.skills import Skill

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text; surrounding white space (such as a block scalar's final newline) is dropped."""

Identifier = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=80, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
    ),
]
Seconds = Annotated[int, Field(ge=5, le=3600)]
Points = Annotated[int, Field(ge=1, le=100_000)]
FiniteNumber = Annotated[float, Field(allow_inf_nan=False)]
"""Infinity would make every answer right within a tolerance, and nothing equals not-a-number."""


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class StrictModel(BaseModel):
    # Numbers where text is expected ("answer: 1945") are the teacher's text, not a type error.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, validate_default=False)


class DraftInfo(StrictModel):
    """Left by `quiz generate` on questions a teacher has not reviewed yet."""

    confidence: FiniteNumber = Field(ge=0, le=1)
    passage: Text | None = Field(None, description="The sentence of the article it came from.")


FIELD_ORDER = (
    "id",
    "type",
    "skill",
    "prompt",
    "text",
    "choices",
    "categories",
    "items",
    "answer",
    "unit",
    "tolerance",
    "case_sensitive",
    "accent_sensitive",
    "explanation",
    "evidence",
    "difficulty",
    "time_limit",
    "points",
    "draft",
)
"""The order in which a question's keys read best in a file: what it asks, then its key, then why."""


def in_field_order(fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` with the keys of `FIELD_ORDER` first, in that order, and any others after them
    (for the files quiz writes: generated drafts and imported sets)."""
    ordered = {key: fields[key] for key in FIELD_ORDER if key in fields}
    ordered.update({key: value for key, value in fields.items() if key not in ordered})
    return ordered


class QuestionBase(StrictModel):
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


class Choice(StrictModel):
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


def as_list(value: Any) -> Any:
    """`answer: X` and `answer: [X, Y]` are both fine where several answers may be right."""
    return (
        [value] if isinstance(value, str | int | float) and not isinstance(value, bool) else value
    )
