"""Help (F1 or ?): the keys of every screen, in the interface language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizModal

# (section title, its lines), all catalogue keys.
SECTIONS: list[tuple[str, list[str]]] = [
    (
        "help.everywhere",
        ["help.keys.help", "help.keys.article", "help.keys.palette", "help.keys.leave"],
    ),
    ("help.home", ["help.keys.filter"]),
    ("help.choices", ["help.keys.choices"]),
    ("help.typing", ["help.keys.typing"]),
    ("help.order", ["help.keys.order"]),
    ("help.highlight", ["help.keys.highlight"]),
    ("help.categorize", ["help.keys.categorize"]),
    ("help.after", ["help.keys.after"]),
]


REVIEW_SECTIONS: list[tuple[str, list[str]]] = [
    ("help.everywhere", ["help.keys.help", "help.keys.palette"]),
    (
        "help.review",
        [
            "help.keys.review_move",
            "help.keys.review_decide",
            "help.keys.review_form",
            "help.keys.review_save",
        ],
    ),
]


class HelpScreen(QuizModal):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark", "close", "key.close", id="help.close"),
    ]

    def __init__(
        self,
        strings: Strings,
        sections: list[tuple[str, list[str]]] | None = None,
        *,
        clock_stopped: bool = False,
    ) -> None:
        """`sections`: what to list (the game's keys by default); `clock_stopped`: opened over a
        question, whose countdown waits for the help to close."""
        super().__init__(strings)
        self.sections = SECTIONS if sections is None else sections
        self.clock_stopped = clock_stopped

    def compose(self) -> ComposeResult:
        s = self.strings
        with VerticalScroll(id="help-panel", classes="dialog") as panel:
            panel.border_title = Content(s("help.title"))
            # On the frame, not at the end of the text: at 80×24 the panel hides the key bar and
            # the end of the text is below the fold, so a student would not see how to get out.
            panel.border_subtitle = Content(
                s("help.close_clock_stopped" if self.clock_stopped else "help.close")
            )
            for title, lines in self.sections:
                yield Static(Content(s(title)).stylize("bold"), classes="section")
                for line in lines:
                    yield Static(Content(s(line)), classes="help-line")
            yield Static(Content(s("help.mouse")), classes="section")

    def action_close(self) -> None:
        self.dismiss(None)
