"""The question screen: one question of any type, its skill, its points and its countdown.

`AnswerScreen` builds the answer widget for the question's type from what the player may see of it
(`QuestionView`: no key) and turns what the player does into an engine `Answer`; the solo game's
`QuestionScreen` and the live game's `LiveQuestionScreen` are both one. `QuestionScreen` hands the
answer to the app; a 1-second timer refreshes the countdown from the session's clock and, when it
reaches zero, tells the app the time is up. F2 swaps the question for the article (the countdown
keeps running: reading is part of the game); the help (F1) stops it and hides the question
until it closes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from quiz.core.answers import Answer
from quiz.core.question_view import QuestionView, question_view
from quiz.core.session import GameSession, PresentedQuestion
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.kinds import Status, kind_for
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.answering import AnswerWidgetMessage
from quiz.tui.widgets.article_view import ArticleView
from quiz.tui.widgets.countdown import Countdown
from quiz.tui.widgets.key_bar import KeyBar


def question_header(strings: Strings, session: GameSession, presented: PresentedQuestion) -> str:
    """ "Question 2/7 · Score 1500": where the player is."""
    parts = [strings("question.number", number=presented.number, total=presented.total)]
    if presented.max_points:
        parts.append(strings("question.score", score=session.score))
    return " · ".join(parts)


def question_details(strings: Strings, view: QuestionView) -> str:
    """ "Skill: Context · Several answers · 1000 pts": what the question trains and is worth."""
    parts = [
        strings("question.skill", skill=strings.skill(view.skill)),
        strings(f"type.{view.type}"),
    ]
    if view.max_points:
        parts.append(strings("question.points", points=view.points))
    return " · ".join(parts)


class AnswerScreen(QuizScreen):
    """A screen that asks one question: the answer widgets for its type, built from `view`, and
    the `Answer` they give, handed to `answer_given` once.

    `choice_values[p]` and `item_values[p]` are what the choice or item shown at position `p`
    stands for in the answer: the file's indices in a solo game, the display positions themselves
    (the default) in a live one, where the server maps them back. True/false answers are booleans.
    """

    def __init__(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int] | None = None,
        item_values: Sequence[int] | None = None,
    ) -> None:
        super().__init__(strings)
        self.view = view
        self.choice_values = list(choice_values or range(len(view.choices)))
        self.item_values = list(item_values or range(len(view.items)))
        self.kind = kind_for(view.type)
        self._answered = False

    def answer_given(self, answer: Answer) -> None:
        """The player answered (called once per screen)."""
        raise NotImplementedError

    def _hint(self) -> str:
        return self.kind.hint(self.strings, self.view)

    def _answer_widgets(self) -> ComposeResult:
        return self.kind.answer_widgets(
            self.strings,
            self.view,
            choice_values=self.choice_values,
            item_values=self.item_values,
        )

    # --- Answers ----------------------------------------------------------------------------------

    def _submit(self, answer: Answer) -> None:
        if not self._answered:
            self._answered = True
            self.answer_given(answer)

    def _say(self, key: str, **values: object) -> None:
        self._show_status(self.strings(key, **values))

    def _show_status(self, text: str) -> None:
        self.query_one("#question-status", Static).update(Content(text))

    @on(AnswerWidgetMessage)
    @on(Button.Pressed)
    def _answer_widgets_said(self, message: Message) -> None:
        """The answer widgets picked, ticked, submitted…: the question's type reads it."""
        answer = self.query_one("#answer", Widget)
        reading = self.kind.read(message, answer, self.strings, self.view)
        if isinstance(reading, Status):
            self._show_status(reading.text)
        elif reading is not None:
            self._submit(reading)


class QuestionScreen(AnswerScreen):
    """A question of a solo game, its countdown from the session's clock, and the article (F2)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "toggle_article", "key.article", id="question.article"),
        Binding("escape", "leave", "key.leave", id="question.leave"),
    ]

    def __init__(
        self,
        strings: Strings,
        session: GameSession,
        presented: PresentedQuestion,
        clock: Callable[[], float],
    ) -> None:
        super().__init__(
            strings,
            question_view(presented, session.question_set.language),
            choice_values=presented.choice_order,
            item_values=presented.item_order,
        )
        self.session = session
        self.presented = presented
        self.question = presented.question
        self.clock = clock

    # --- Layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self.strings
        with Horizontal(id="question-bar", classes="bar"):
            yield Static(
                Content(question_header(s, self.session, self.presented)), id="question-where"
            )
            yield Countdown(s, id="countdown")
        yield Static(Content(question_details(s, self.view)), classes="details")
        with Vertical(id="question-body"):
            yield Static(literal(self.question.prompt), id="prompt")
            yield Static(Content(self._hint()), id="question-hint", classes="hint")
            yield from self._answer_widgets()
            yield Static(Content(""), id="question-status", classes="status")
        yield ArticleView(self.session.question_set, s, id="article")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#article", ArticleView).display = False
        self.query_one("#answer").focus()
        self._tick()
        if self.presented.time_limit is not None:
            self.set_interval(1.0, self._tick)

    # --- The clock --------------------------------------------------------------------------------

    def pause_for_help(self) -> None:
        """The help covers the question: stop its clock, and hide it so that the pause is no
        time to think."""
        if not self._answered:
            self.session.pause_clock(self.clock())
        self.add_class("-paused")

    def resume_after_help(self) -> None:
        self.session.resume_clock(self.clock())
        self.remove_class("-paused")
        self._tick()

    def _tick(self) -> None:
        if self._answered:
            return
        remaining = self.session.remaining(self.clock())
        self.query_one(Countdown).show_time(remaining, self.presented.time_limit)
        if remaining is None:
            return
        if remaining <= 0:
            self._answered = True
            self.quiz.time_out()
        elif remaining < 1:
            self.set_timer(remaining, self._tick)  # end exactly on time, not up to 1 s late

    def answer_given(self, answer: Answer) -> None:
        self.quiz.submit_answer(answer)

    # --- Article and leaving ----------------------------------------------------------------------

    def action_toggle_article(self) -> None:
        article = self.query_one("#article", ArticleView)
        body = self.query_one("#question-body")
        article.display = not article.display
        body.display = not article.display
        if article.display:
            article.focus()
        else:
            self.query_one("#answer").focus()

    def action_leave(self) -> None:
        self.quiz.action_leave_game()
