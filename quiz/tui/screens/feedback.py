"""Feedback after each answer: right or wrong in words and symbols, the key, the explanation, the
evidence quote, points and streak. F2 shows the article with the evidence highlighted.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from quiz.core.question_view import question_view
from quiz.core.session import GameSession, PresentedQuestion, QuestionResult
from quiz.tui.display import literal, quoted
from quiz.tui.i18n import Strings
from quiz.tui.kinds import kind_for
from quiz.tui.kinds.base import Shown
from quiz.tui.screens.base import QuizScreen
from quiz.tui.screens.question import question_details, question_header
from quiz.tui.widgets.article_view import ArticleView
from quiz.tui.widgets.key_bar import KeyBar


def verdict_key(result: QuestionResult) -> str:
    """Which verdict to show: each has its own words and symbol (✓ ◐ ✗ ◷), never colour alone."""
    if result.timed_out:
        return "feedback.timed_out"
    if result.correct:
        return "feedback.right"
    return "feedback.partial" if result.grade.fraction > 0 else "feedback.wrong"


class FeedbackScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "continue", "key.next", id="feedback.next"),
        Binding("f2", "toggle_article", "key.article", id="feedback.article"),
        Binding("escape", "leave", "key.leave", id="feedback.leave"),
        # The button keeps the focus (Enter goes on), so the keys that read on scroll the text.
        Binding("up", "scroll(-1)", show=False, id="feedback.scroll_up"),
        Binding("down", "scroll(1)", show=False, id="feedback.scroll_down"),
        Binding("pageup", "scroll(-10)", show=False, id="feedback.page_up"),
        Binding("pagedown", "scroll(10)", show=False, id="feedback.page_down"),
    ]

    def __init__(
        self,
        strings: Strings,
        session: GameSession,
        presented: PresentedQuestion,
        result: QuestionResult,
    ) -> None:
        super().__init__(strings)
        self.session = session
        self.presented = presented
        self.result = result

    def compose(self) -> ComposeResult:
        s = self.strings
        question = self.presented.question
        language = self.session.question_set.language
        view = question_view(self.presented, language)
        kind = kind_for(view.type)
        key = verdict_key(self.result)
        with Horizontal(classes="bar"):
            yield Static(Content(question_header(s, self.session, self.presented)))
        yield Static(Content(question_details(s, view)), classes="details")
        verdict = Static(Content(s(key)), id="verdict", classes=key.replace(".", "-"))
        yield verdict
        yield Static(Content(self._score_line()), id="feedback-points")
        with VerticalScroll(id="feedback-body"):
            yield Static(literal(question.prompt), id="feedback-prompt")
            yield from self._field(
                s("feedback.your_answer"), kind.your_answer(question, self.result)
            )
            if not self.result.correct:
                right = kind.right_answer(question, language)
                yield from self._field(s("feedback.right_answer"), right)
            for choice_note in kind.choice_notes(question, self.result):
                yield from self._field(s("feedback.about_choice"), choice_note)
            yield from self._field(s("feedback.explanation"), question.explanation)
            yield from self._field(s("feedback.evidence"), quoted(question.evidence, language))
            if self.session.question_set.article_text:
                yield Static(Content(s("feedback.article_hint")), classes="hint")
        yield ArticleView(self.session.question_set, s, id="article")
        with Horizontal(classes="buttons", id="feedback-buttons"):
            label = "feedback.next" if self.session.has_next else "feedback.results"
            yield Button(Content(s(label)), id="continue", variant="primary")
        yield KeyBar()

    def _field(self, label: str, value: Shown) -> ComposeResult:
        yield Static(Content(label).stylize("bold"), classes="field-label")
        yield Static(literal(value) if isinstance(value, str) else value, classes="field-value")

    def _score_line(self) -> str:
        s = self.strings
        if not self.presented.max_points:
            return s("feedback.practice")
        parts = [s("feedback.points", points=self.result.points)]
        if self.result.streak > 1:
            parts.append(s("feedback.streak", streak=self.result.streak))
        parts.append(s("feedback.score", score=self.session.score))
        return " · ".join(parts)

    def on_mount(self) -> None:
        article = self.query_one("#article", ArticleView)
        article.display = False
        article.highlight(self.presented.question.evidence)
        self.query_one("#continue", Button).focus()

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#feedback-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)

    def action_continue(self) -> None:
        self.quiz.continue_game()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.quiz.continue_game()

    def action_toggle_article(self) -> None:
        article = self.query_one("#article", ArticleView)
        article.display = not article.display
        for widget in self.query("#feedback-body, #feedback-points, #verdict"):
            widget.display = not article.display
        if article.display:
            article.focus()
            article.highlight(self.presented.question.evidence)
        else:
            self.query_one("#continue", Button).focus()

    def action_leave(self) -> None:
        self.quiz.action_leave_game()
