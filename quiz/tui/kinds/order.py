"""`order`: put items in order. ↑↓ choose an item, Shift+↑↓ or the buttons move it, Enter submits;
the feedback numbers the player's order and, when it is wrong, the right one (the file's)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button

from quiz.core.answers import OrderAnswer
from quiz.core.models import OrderingQuestion, QuestionBase
from quiz.core.question_view import QuestionView
from quiz.core.session import QuestionResult
from quiz.review.form import as_texts
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import (
    KindInterface,
    Reading,
    Shown,
    listing,
    pressed,
    preview_field,
    question_as,
    submit_button,
)
from quiz.tui.widgets.order_list import OrderList


class Ordering(KindInterface):
    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        yield OrderList(view.items, item_values, id="answer")
        with Horizontal(classes="buttons"):
            yield Button(Content(strings("question.move_up")), id="move-up")
            yield Button(Content(strings("question.move_down")), id="move-down")
            yield submit_button(strings)

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        if isinstance(message, OrderList.Submitted):
            return OrderAnswer(message.order)
        if isinstance(answer, OrderList):
            if pressed(message, "move-up"):
                answer.action_move(-1)
            elif pressed(message, "move-down"):
                answer.action_move(1)
            elif pressed(message, "submit"):
                answer.action_submit()
        return None

    def your_answer(self, question: QuestionBase, result: QuestionResult) -> Shown:
        items = question_as(question, OrderingQuestion).items
        if isinstance(result.answer, OrderAnswer):
            return listing([items[i] for i in result.answer.order], numbered=True)
        return result.answer_text

    def right_answer(self, question: QuestionBase, language: str) -> Shown:
        # The file's order is the key.
        return listing(list(question_as(question, OrderingQuestion).items), numbered=True)

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        """The items in the file's order, which is the key."""
        items = as_texts(data.get("items"))
        listed = "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))
        return [preview_field(strings, "review.order", listed)]
