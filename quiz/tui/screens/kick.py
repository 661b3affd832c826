"""Which player to remove from a live game: the host picks a name; Escape changes nothing."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizModal


class KickScreen(QuizModal):
    """Dismisses with the chosen player's name, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.back", id="kick.cancel"),
    ]

    def __init__(self, strings: Strings, names: list[str]) -> None:
        super().__init__(strings)
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="kick-panel", classes="dialog"):
            yield Static(Content(self.strings("host.kick_title")), classes="section")
            yield OptionList(*(Option(literal(name)) for name in self.names), id="kick-players")

    def on_mount(self) -> None:
        self.query_one("#kick-players", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
