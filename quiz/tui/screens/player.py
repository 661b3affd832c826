"""Who is playing: a name (required) and a class (optional), before the first question.

The screen dismisses with the names as typed; `GameSettings` cleans them (`clean_name`: one line,
printable, trimmed, bounded) and every later screen shows that cleaned form literally.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from quiz.core.models import QuestionSet, ScoringRule
from quiz.core.text import clean_name
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.key_bar import KeyBar

NAME_LENGTH = 40


class PlayerScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="player.back"),
        Binding("f2", "read_article", "key.article", id="player.article"),
    ]

    def __init__(
        self, strings: Strings, question_set: QuestionSet, rule: ScoringRule | None = None
    ) -> None:
        super().__init__(strings)
        self.question_set = question_set
        self.rule = rule or question_set.defaults.scoring

    def compose(self) -> ComposeResult:
        s = self.strings
        yield Static(Content(s("player.title")), classes="screen-title")
        with VerticalScroll(id="player-form"):
            yield Label(Content(s("player.set")), classes="field-label")
            yield Static(literal(self.question_set.title, "bold"), id="player-set")
            yield Label(Content(s("player.name")), classes="field-label")
            yield Input(placeholder=s("player.name_placeholder"), max_length=NAME_LENGTH, id="name")
            yield Label(Content(s("player.class")), classes="field-label")
            yield Input(
                placeholder=s("player.class_placeholder"), max_length=NAME_LENGTH, id="class"
            )
            yield Static(Content(s(f"player.rules.{self.rule.value}")), classes="hint")
            yield Static(Content(""), id="player-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(Content(s("player.start")), id="start", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _name_done(self) -> None:
        # Without a name, say so at once: moving on would have the name typed into the class.
        if self._name_missing():
            return
        self.query_one("#class", Input).focus()

    def _name_missing(self) -> bool:
        """Whether the name field is empty once cleaned; if so, say so and put the cursor there."""
        if clean_name(self.query_one("#name", Input).value):
            return False
        self.query_one("#player-error", Static).update(
            Content(self.strings("player.name_required"))
        )
        self.query_one("#name", Input).focus()
        return True

    @on(Input.Submitted, "#class")
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        if self._name_missing():
            return
        name = self.query_one("#name", Input).value
        class_name = self.query_one("#class", Input).value
        self.dismiss((name, class_name or None))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_read_article(self) -> None:
        self.quiz.read_article(self.question_set)
