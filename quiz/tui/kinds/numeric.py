"""`numeric`: a number, typed as the set's language writes numbers (`2,300` is 2300 in English and
2.3 in French), with the question's unit after the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.content import Content

from quiz.core.answers import NumberAnswer
from quiz.core.numbers import number_style, parse_number
from quiz.core.question_view import QuestionView
from quiz.review.form import shown
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import Reading, Status, preview_field
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

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        answer = shown(data.get("answer"))
        if data.get("unit"):
            answer = f"{answer} {shown(data['unit'])}"
        if data.get("tolerance"):
            answer = strings("review.tolerance", answer=answer, tolerance=shown(data["tolerance"]))
        return [preview_field(strings, "review.key", answer)]
