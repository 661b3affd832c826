"""Asking the teacher which article to make a draft from (the teacher's view, `g`)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from quiz.tui.screens.base import QuizModal


class ArticlePromptScreen(QuizModal):
    """Dismisses with the path typed, or None (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.back", id="article_prompt.cancel"),
    ]

    DEFAULT_CSS = """
    ArticlePromptScreen { align: center middle; }
    ArticlePromptScreen #article-prompt { width: 76; }
    ArticlePromptScreen #article-prompt > Static { height: auto; margin: 1 0 0 0; }
    """

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="article-prompt", classes="dialog"):
            yield Static(Content(s("teacher.article_prompt")))
            yield Input(placeholder=s("teacher.article_placeholder"), id="article-path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
