"""`type: true_false` — true or false (`vrai`/`faux` in French sets); all or nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field

from quiz.core.kinds.kind import (
    RIGHT,
    WRONG,
    Answer,
    Grade,
    JsonAnswer,
    Presented,
    QuestionKind,
    StoredAnswer,
    not_stored,
)
from quiz.core.numbers import base_language
from quiz.core.question_base import QuestionBase
from quiz.core.text import normalise_answer

_BOOLEAN_WORDS_IN_FILES = {"vrai": True, "faux": False, "true": True, "false": False}


def _boolean_word_in_file(value: Any) -> Any:
    if isinstance(value, str):
        return _BOOLEAN_WORDS_IN_FILES.get(value.strip().casefold(), value)
    return value


class TrueFalseQuestion(QuestionBase):
    type: Literal["true_false"]
    answer: Annotated[
        bool, BeforeValidator(_boolean_word_in_file, json_schema_input_type=bool | str)
    ] = Field(description="true or false (vrai or faux).")


@dataclass(frozen=True, slots=True)
class BooleanAnswer(Answer):
    """True or false."""

    value: bool


_BOOLEAN_WORDS: dict[str, tuple[str, str]] = {
    "en": ("True", "False"),
    "fr": ("Vrai", "Faux"),
    "es": ("Verdadero", "Falso"),
    "de": ("Wahr", "Falsch"),
    "it": ("Vero", "Falso"),
}


def boolean_word(value: bool, language: str = "en") -> str:
    """ "True"/"False" in the set's language (English when the language is not known)."""
    words = _BOOLEAN_WORDS.get(base_language(language), _BOOLEAN_WORDS["en"])
    return words[0] if value else words[1]


class TrueFalseKind(QuestionKind[TrueFalseQuestion, BooleanAnswer]):
    name: ClassVar[str] = "true_false"
    model = TrueFalseQuestion
    answer_type = BooleanAnswer
    answer_tag: ClassVar[str] = "boolean"
    choice_bars: ClassVar[bool] = True

    def grade(self, question: TrueFalseQuestion, answer: BooleanAnswer) -> Grade:
        return RIGHT if answer.value == question.answer else WRONG

    def right_answer(self, question: TrueFalseQuestion) -> BooleanAnswer:
        return BooleanAnswer(question.answer)

    def describe_answer(
        self, question: TrueFalseQuestion, answer: BooleanAnswer, language: str
    ) -> str:
        return boolean_word(answer.value, language)

    def describe_key(self, question: TrueFalseQuestion, language: str) -> str:
        return boolean_word(question.answer, language)

    def encode(self, answer: BooleanAnswer) -> JsonAnswer:
        return {"kind": self.answer_tag, "value": answer.value}

    def decode(self, data: Mapping[str, Any]) -> BooleanAnswer:
        value = data.get("value")
        if data.get("kind") != self.answer_tag or not isinstance(value, bool):
            raise not_stored(data)
        return BooleanAnswer(value)

    # --- The key-free view: two choices, true then false, in the set's words ---------------------

    def view_fields(self, presented: Presented, language: str) -> dict[str, Any]:
        return {"choices": [boolean_word(True, language), boolean_word(False, language)]}

    def picked(self, presented: Presented, answer: Answer) -> list[int]:
        return [0 if self.answer_on(presented, answer).value else 1]

    def key(self, presented: Presented) -> list[int]:
        return [0 if self.question_in(presented).answer else 1]

    def wrong_picks(
        self, question: TrueFalseQuestion, answers: Sequence[StoredAnswer], language: str
    ) -> Counter[str]:
        """The wrong value, in the words the students saw, and how often it was chosen."""
        wrong_value = not question.answer
        label = boolean_word(wrong_value, language)
        counts = Counter({label: 0})
        for answer in answers:
            if _chosen_boolean(answer) is wrong_value:
                counts[label] += 1
        return counts


_BOOLEAN_ANSWER_TEXTS = {"true": True, "vrai": True, "false": False, "faux": False}


def _chosen_boolean(answer: StoredAnswer) -> bool | None:
    value = answer.answer_json
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool):
        return value
    return _BOOLEAN_ANSWER_TEXTS.get(normalise_answer(answer.answer_text))


KIND = TrueFalseKind()
