"""`text`: a few words typed, compared with the accepted answers as the core normalises them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.content import Content

from quiz.core.answers import TextAnswer
from quiz.core.question_view import QuestionView
from quiz.review.form import as_texts
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import Reading, preview_field
from quiz.tui.kinds.typed import TypedKind


class TypedText(TypedKind):
    placeholder: ClassVar[str] = "question.text_placeholder"

    def typed(self, text: str, strings: Strings, view: QuestionView) -> Reading:
        return TextAnswer(text)

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        accepted = " · ".join(as_texts(data.get("answer")))
        return [preview_field(strings, "review.accepted_answers", accepted)]
