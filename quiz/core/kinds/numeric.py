"""`type: numeric` — a number, right within a tolerance; numbers read as the set's language
writes them (`2,300` in English, `2 300` in French)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from quiz.core.kinds.kind import (
    RIGHT,
    WRONG,
    Answer,
    Grade,
    JsonAnswer,
    Presented,
    QuestionKind,
    not_stored,
)
from quiz.core.numbers import format_number, number_style, parse_number, spells_non_finite
from quiz.core.question_base import QuestionBase, Text


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


@dataclass(frozen=True, slots=True)
class NumberAnswer(Answer):
    """A number typed for a numeric question; always finite (`quiz.core.numbers.parse_number`)."""

    value: float

    def __post_init__(self) -> None:
        if not math.isfinite(self.value):
            raise ValueError(f"a numeric answer must be a finite number, not {self.value!r}")


def _number_with_unit(value: float, unit: str | None, language: str) -> str:
    number = format_number(value, language)
    return f"{number} {unit}" if unit else number


class NumericKind(QuestionKind[NumericQuestion, NumberAnswer]):
    name: ClassVar[str] = "numeric"
    model = NumericQuestion
    answer_type = NumberAnswer
    answer_tag: ClassVar[str] = "number"

    def grade(self, question: NumericQuestion, answer: NumberAnswer) -> Grade:
        return RIGHT if question.accepts(answer.value) else WRONG

    def right_answer(self, question: NumericQuestion) -> NumberAnswer:
        return NumberAnswer(question.answer)

    def describe_answer(
        self, question: NumericQuestion, answer: NumberAnswer, language: str
    ) -> str:
        return _number_with_unit(answer.value, question.unit, language)

    def describe_key(self, question: NumericQuestion, language: str) -> str:
        """The number with its unit; a tolerance is shown as "(± 1)"."""
        text = _number_with_unit(question.answer, question.unit, language)
        if question.tolerance:
            text += f" (± {format_number(question.tolerance, language)})"
        return text

    def encode(self, answer: NumberAnswer) -> JsonAnswer:
        return {"kind": self.answer_tag, "value": answer.value}

    def decode(self, data: Mapping[str, Any]) -> NumberAnswer:
        value = data.get("value")
        if (
            data.get("kind") != self.answer_tag
            or not isinstance(value, int | float)
            or isinstance(value, bool)
        ):
            raise not_stored(data)
        return NumberAnswer(float(value))

    def view_fields(self, presented: Presented, language: str) -> dict[str, Any]:
        """The unit, and how the set's language writes numbers, so that a browser reads a typed
        number exactly as the terminal does."""
        # Imported here: the view's module asks the registry, which imports this module.
        from quiz.core.question_view import NumberForms

        return {"unit": self.question_in(presented).unit, "numbers": NumberForms.of(language)}


KIND = NumericKind()
