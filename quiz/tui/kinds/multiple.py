"""`multiple`: several right choices, partial credit. Letters, numbers or Space tick and untick;
Enter or the button submits. The feedback is a single choice's, with every pick listed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget

from quiz.core.models import MultipleChoiceQuestion, SingleChoiceQuestion
from quiz.core.question_view import QuestionView
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import Reading, pressed, submit_button
from quiz.tui.kinds.single import SingleChoice
from quiz.tui.widgets.answer_list import AnswerList


class MultipleChoice(SingleChoice):
    multiple: ClassVar[bool] = True
    model: ClassVar[type[SingleChoiceQuestion | MultipleChoiceQuestion]] = MultipleChoiceQuestion

    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        yield from super().answer_widgets(
            strings, view, choice_values=choice_values, item_values=item_values
        )
        with Horizontal(classes="buttons"):
            yield submit_button(strings)

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        if pressed(message, "submit") and isinstance(answer, AnswerList):
            answer.action_submit()
            return None
        return super().read(message, answer, strings, view)
