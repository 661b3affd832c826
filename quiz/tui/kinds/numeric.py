"""`numeric`: a number, typed as the set's language writes numbers (`2,300` is 2300 in English and
2.3 in French), with the question's unit after the field."""

from __future__ import annotations

from typing import ClassVar

from quiz.core.answers import NumberAnswer
from quiz.core.numbers import number_style, parse_number
from quiz.core.question_view import QuestionView
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import Reading, Status
from quiz.tui.kinds.typed import TypedKind


class Numeric(TypedKind):
    placeholder: ClassVar[str] = "question.number_placeholder"

    def typed(self, text: str, strings: Strings, view: QuestionView) -> Reading:
        try:
            return NumberAnswer(parse_number(text, view.language))
        except ValueError:
            style = number_style(view.language)
            return Status(
                strings(
                    "question.not_a_number",
                    thousands=style.thousands_example,
                    decimal=style.decimal_example,
                )
            )
