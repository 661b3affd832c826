"""`text`: a few words typed, compared with the accepted answers as the core normalises them."""

from __future__ import annotations

from typing import ClassVar

from quiz.core.answers import TextAnswer
from quiz.core.question_view import QuestionView
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import Reading
from quiz.tui.kinds.typed import TypedKind


class TypedText(TypedKind):
    placeholder: ClassVar[str] = "question.text_placeholder"

    def typed(self, text: str, strings: Strings, view: QuestionView) -> Reading:
        return TextAnswer(text)
