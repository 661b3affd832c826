"""`type: single` — pick the one right answer; all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from quiz.core.findings import Finding, Path
from quiz.core.kinds.choice import ChoiceAnswer, ChoiceKind, ChoiceQuestion
from quiz.core.kinds.kind import RIGHT, WRONG, Grade, check_indices
from quiz.core.question_base import Text


class SingleChoiceQuestion(ChoiceQuestion):
    """Pick the one right answer."""

    type: Literal["single"]
    answer: Text | None = Field(
        None, description="The text of the right choice (or mark it correct)."
    )

    def answer_texts(self) -> list[str]:
        return [self.answer] if self.answer else []


class SingleChoiceKind(ChoiceKind[SingleChoiceQuestion]):
    name: ClassVar[str] = "single"
    model = SingleChoiceQuestion

    def grade(self, question: SingleChoiceQuestion, answer: ChoiceAnswer) -> Grade:
        check_indices(question, answer.selected, len(question.choices), "choice")
        if len(answer.selected) > 1:
            raise ValueError(
                f"question '{question.id}' takes one choice, the answer has {len(answer.selected)}"
            )
        return RIGHT if answer.selected == question.correct_choices else WRONG

    def answer_path(self, at: Path, index: int) -> Path:
        return (*at, "answer")

    def check_key_count(self, right: int, at: Path) -> Iterator[Finding]:
        if right != 1:
            yield Finding(
                (*at, "choices"),
                f"a single-choice question needs exactly one right choice, this one has {right}",
                "give `answer:` the right choice's text, or mark one choice `correct: true`; "
                "for several right answers use `type: multiple`",
                code="key-count",
            )


KIND = SingleChoiceKind()
