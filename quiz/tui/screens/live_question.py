"""A live game's question on the student's terminal: the same answer widgets as solo play
(`AnswerScreen`), a countdown from the time the server says is left, and the answer sent to the
server, which acknowledges it (or says why not: time's up, paused)."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.core.answers import Answer
from quiz.core.question_view import QuestionView
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.screens.question import AnswerScreen, question_details
from quiz.tui.widgets.countdown import Countdown
from quiz.tui.widgets.key_bar import KeyBar


class LiveQuestionScreen(AnswerScreen):
    def __init__(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        remaining: float | None,
        paused: bool,
        whoami: str,
    ) -> None:
        super().__init__(strings, view)
        self.whoami = whoami
        self.paused = paused
        self._remaining_at_pause = remaining
        self._deadline = None if remaining is None else time.monotonic() + remaining

    def compose(self) -> ComposeResult:
        s, view = self.strings, self.view
        with Horizontal(id="question-bar", classes="bar"):
            where = s("question.number", number=view.number, total=view.total)
            yield Static(literal(f"{where} · {self.whoami}"), id="question-where")
            yield Countdown(s, id="countdown")
        yield Static(literal(question_details(s, view)), classes="details")
        with Vertical(id="question-body"):
            yield Static(literal(view.prompt), id="prompt")
            yield Static(Content(self._hint()), id="question-hint", classes="hint")
            yield from self._answer_widgets()
            yield Static(Content(""), id="question-status", classes="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#answer").focus()
        self._tick()
        self.set_interval(0.25, self._tick)

    def remaining(self) -> float | None:
        if self.paused:
            return self._remaining_at_pause
        return None if self._deadline is None else max(0.0, self._deadline - time.monotonic())

    def _tick(self) -> None:
        remaining = self.remaining()
        countdown = self.query_one(Countdown)
        if self.paused:
            countdown.update(Content(self.strings("live.paused")))
            return
        countdown.show_time(remaining, self.view.time_limit)
        if remaining is not None and remaining <= 0 and not self._answered:
            self._answered = True  # the server closes the question: nothing more to send
            self._say("live.time_up")

    def pause(self, remaining: float | None) -> None:
        self.paused, self._remaining_at_pause = True, remaining
        self._tick()

    def resume(self, remaining: float | None) -> None:
        self.paused = False
        self._deadline = None if remaining is None else time.monotonic() + remaining
        self._tick()

    def refused(self, message: str) -> None:
        """The server refused the answer (paused, late): say why; the player may try again."""
        self._answered = False
        self.query_one("#question-status", Static).update(literal(message))

    def answer_given(self, answer: Answer) -> None:
        from quiz.tui.live_join import LiveJoinApp

        app = self.app
        if isinstance(app, LiveJoinApp):
            app.send_answer(self.view.number, answer)
