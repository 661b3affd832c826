"""Offering to resume an unfinished game of the set the player just opened."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizModal

if TYPE_CHECKING:
    from quiz.store.db import AttemptInfo


class ResumeScreen(QuizModal):
    """Dismisses with True to resume, False to start again, None (Escape) to do neither."""

    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    #resume-panel {
        width: 60;
        & > #resume-question { height: auto; margin: 1 0; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="resume.back"),
        Binding("left,right", "switch_button", show=False, id="resume.switch"),
    ]

    def __init__(self, strings: Strings, attempt: AttemptInfo) -> None:
        super().__init__(strings)
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        s = self.strings
        attempt = self.attempt
        question = s(
            "resume.question",
            answered=attempt.answered,
            total=attempt.question_count,
            score=attempt.score,
        )
        with Vertical(id="resume-panel", classes="dialog"):
            yield Static(Content(question), id="resume-question")
            with Horizontal(classes="buttons"):
                yield Button(Content(s("resume.resume")), id="resume", variant="primary")
                yield Button(Content(s("resume.restart")), id="restart")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume")

    def action_back(self) -> None:
        self.dismiss(None)

    def action_switch_button(self) -> None:
        self.focus_next(Button)
