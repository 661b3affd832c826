"""The article of a set, read before playing (from the home or player screen)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from quiz.core.models import QuestionSet
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.article_view import ArticleView
from quiz.tui.widgets.key_bar import KeyBar


class ArticleScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f2", "close", "key.close", id="article.close"),
    ]

    def __init__(self, strings: Strings, question_set: QuestionSet) -> None:
        super().__init__(strings)
        self.question_set = question_set

    def compose(self) -> ComposeResult:
        yield ArticleView(self.question_set, self.strings, id="article")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()

    def action_close(self) -> None:
        self.dismiss(None)
