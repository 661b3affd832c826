"""What the types answered by typing (`numeric`, `text`) share: a field, the unit after it if any,
and a button; Enter or the button submits, and an empty field is no answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from quiz.core.question_view import QuestionView
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import KindInterface, Reading, Status, pressed, submit_button
from quiz.tui.widgets.typed_answer import TypedAnswer

MAX_TYPED = 200
"""The most characters an answer field takes."""


class TypedKind(KindInterface):
    placeholder: ClassVar[str]
    """The strings' key of what the empty field says."""

    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        with Horizontal(id="typed-row"):
            yield TypedAnswer(
                placeholder=strings(self.placeholder), id="answer", max_length=MAX_TYPED
            )
            if view.unit:
                yield Static(literal(view.unit), id="unit")
            yield submit_button(strings)

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        submitted = isinstance(message, TypedAnswer.Submitted) and message.input is answer
        if not (submitted or pressed(message, "submit")) or not isinstance(answer, TypedAnswer):
            return None
        if not answer.value.strip():
            return Status(strings("question.empty"))
        return self.typed(answer.value, strings, view)

    def typed(self, text: str, strings: Strings, view: QuestionView) -> Reading:
        """What the text typed (not blank) answers, or why it answers nothing."""
        raise NotImplementedError
