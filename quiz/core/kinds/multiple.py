"""`type: multiple` — select all that apply; (right picks − wrong picks) / right choices."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from quiz.core.findings import Finding, Path
from quiz.core.kinds.choice import ChoiceAnswer, ChoiceKind, ChoiceQuestion
from quiz.core.kinds.kind import Grade, check_indices
from quiz.core.kinds.picks import picks_fraction
from quiz.core.question_base import Text, as_list


class MultipleChoiceQuestion(ChoiceQuestion):
    """Select all that apply."""

    type: Literal["multiple"]
    answer: (
        Annotated[list[Text], BeforeValidator(as_list, json_schema_input_type=list[str] | str)]
        | None
    ) = Field(None, description="The texts of the right choices (or mark each correct).")

    def answer_texts(self) -> list[str]:
        return self.answer or []


class MultipleChoiceKind(ChoiceKind[MultipleChoiceQuestion]):
    name: ClassVar[str] = "multiple"
    model = MultipleChoiceQuestion

    def grade(self, question: MultipleChoiceQuestion, answer: ChoiceAnswer) -> Grade:
        check_indices(question, answer.selected, len(question.choices), "choice")
        return picks_fraction(answer.selected, question.correct_choices)

    def check_key_count(self, right: int, at: Path) -> Iterator[Finding]:
        if right == 0:
            yield Finding(
                (*at, "choices"),
                "a multiple-choice question needs at least one right choice, this one has none",
                "list the right choices under `answer:`, or mark them `correct: true`",
                code="key-count",
            )


KIND = MultipleChoiceKind()
