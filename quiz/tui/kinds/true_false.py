"""`true_false`: a statement, true or false. The words' initials (V/F, T/F) answer at once unless
they clash with A and B; the feedback says the word given and the right one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from quiz.core.answers import BooleanAnswer
from quiz.core.question_view import QuestionView
from quiz.review.form import truth_of
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import KindInterface, Reading, Status, preview_field
from quiz.tui.widgets.answer_list import AnswerList

TRUE, FALSE = 1, 0
"""The values of the two choices, shown true first: the answer is `bool(value)`."""


class TrueFalse(KindInterface):
    def hint(self, strings: Strings, view: QuestionView) -> str:
        initials = initials_of(view)
        if initials:
            true, false = initials
            return strings("question.hint.true_false_initials", true=true, false=false)
        return super().hint(strings, view)

    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        yield AnswerList(view.choices, [TRUE, FALSE], initials=initials_of(view), id="answer")

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        if isinstance(message, AnswerList.Chosen):
            if not message.values:
                return Status(strings("question.choose_first"))
            return BooleanAnswer(bool(next(iter(message.values))))
        return None

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        truth = truth_of(data.get("answer"))
        answer = strings("form.true") if truth else strings("form.false") if truth is False else "?"
        return [preview_field(strings, "review.key", answer)]


def initials_of(view: QuestionView) -> list[str]:
    """V and F (Vrai, Faux), T and F…: the true/false keys, unless they clash with A and B."""
    initials = [word[0].upper() for word in view.choices]
    if initials[0] == initials[1] or set(initials) & {"A", "B"}:
        return []
    return initials
