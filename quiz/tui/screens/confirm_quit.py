"""Asking before a game in progress is left or the quiz is quit: nothing is lost by a stray key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizModal


class ConfirmScreen(QuizModal):
    """Dismisses with True to leave, False to keep playing (Escape keeps playing); `yes` and `no`
    name the two buttons where leaving a game is not the question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stay", "key.no", id="confirm.stay"),
        Binding("left,right", "switch_button", show=False, id="confirm.switch"),
    ]

    def __init__(
        self, strings: Strings, question: str, *, yes: str | None = None, no: str | None = None
    ) -> None:
        super().__init__(strings)
        self.question = question
        self.yes = yes or strings("confirm.yes")
        self.no = no or strings("confirm.no")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel", classes="dialog"):
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(classes="buttons"):
                yield Button(Content(self.no), id="stay", variant="primary")
                yield Button(Content(self.yes), id="leave", variant="error")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "leave")

    def action_stay(self) -> None:
        self.dismiss(False)

    def action_switch_button(self) -> None:
        self.focus_next(Button)
