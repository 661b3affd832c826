"""`highlight`: pick the words of a passage that answer. ←→ go from word to word, Space picks or
unpicks, Enter submits; the feedback says the words picked and the right ones."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from quiz.core.answers import HighlightAnswer
from quiz.core.question_view import QuestionView
from quiz.review.form import as_texts, shown
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import (
    KindInterface,
    Reading,
    Status,
    indented,
    pressed,
    preview_field,
    submit_button,
)
from quiz.tui.widgets.word_picker import WordPicker


class Highlight(KindInterface):
    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        yield WordPicker(view.passage_text, id="answer")
        with Horizontal(classes="buttons"):
            yield submit_button(strings)

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        if isinstance(message, WordPicker.Changed):
            return Status(strings.count("question.picked", len(message.words)))
        if isinstance(message, WordPicker.Submitted):
            if message.words:
                return HighlightAnswer(message.words)
            return Status(strings("question.empty"))
        if pressed(message, "submit") and isinstance(answer, WordPicker):
            answer.action_submit()
        return None

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        """The passage, then the words to pick."""
        words = " · ".join(as_texts(data.get("answer")))
        return [
            indented(literal(shown(data.get("text")))),
            preview_field(strings, "review.words", words),
        ]
