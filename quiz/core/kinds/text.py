"""`type: text` — a short typed answer; by default case, accents and extra spaces do not matter."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field

from quiz.core.findings import Finding, Path, check_unique
from quiz.core.kinds.kind import (
    NOTHING,
    RIGHT,
    WRONG,
    Answer,
    Grade,
    JsonAnswer,
    QuestionKind,
    not_stored,
    one_line,
)
from quiz.core.question_base import QuestionBase, Text, as_list
from quiz.core.text import normalise_answer


class TextQuestion(QuestionBase):
    """A short typed answer; by default case, accents and extra spaces do not matter."""

    type: Literal["text"]
    answer: Annotated[
        list[Text], BeforeValidator(as_list, json_schema_input_type=list[str] | str)
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


@dataclass(frozen=True, slots=True)
class TextAnswer(Answer):
    """The words typed for a short-answer question, as typed."""

    text: str


class TextKind(QuestionKind[TextQuestion, TextAnswer]):
    name: ClassVar[str] = "text"
    model = TextQuestion
    answer_type = TextAnswer
    answer_tag: ClassVar[str] = "text"

    def grade(self, question: TextQuestion, answer: TextAnswer) -> Grade:
        return RIGHT if question.accepts(answer.text) else WRONG

    def right_answer(self, question: TextQuestion) -> TextAnswer:
        return TextAnswer(question.answer[0])

    def describe_answer(self, question: TextQuestion, answer: TextAnswer, language: str) -> str:
        return one_line(answer.text) or NOTHING

    def describe_key(self, question: TextQuestion, language: str) -> str:
        """Every accepted text, joined with " / "."""
        return " / ".join(question.answer)

    def encode(self, answer: TextAnswer) -> JsonAnswer:
        return {"kind": self.answer_tag, "text": answer.text}

    def decode(self, data: Mapping[str, Any]) -> TextAnswer:
        text = data.get("text")
        if data.get("kind") != self.answer_tag or not isinstance(text, str):
            raise not_stored(data)
        return TextAnswer(text)

    def check(self, question: TextQuestion, at: Path) -> Iterator[Finding]:
        yield from check_unique(question.answer, (*at, "answer"), "accepted answer")


KIND = TextKind()
