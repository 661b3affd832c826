"""`quiz join` without a code or a name: the student types them (the code is on the projector)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from quiz.core.live_protocol import JOIN_CODE_LENGTH
from quiz.core.text import clean_name
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.screens.player import NAME_LENGTH
from quiz.tui.widgets.key_bar import KeyBar


class JoinScreen(QuizScreen):
    """Dismisses with (code, name, class or None)."""

    def __init__(
        self,
        strings: Strings,
        address: str,
        *,
        code: str = "",
        name: str = "",
        class_name: str = "",
        error: str = "",
    ) -> None:
        super().__init__(strings)
        self.address = address
        self.values = (code, name, class_name)
        self.error = error

    def compose(self) -> ComposeResult:
        s = self.strings
        code, name, class_name = self.values
        yield Static(Content(s("join.title")), classes="screen-title")
        with VerticalScroll(id="join-form"):
            yield Static(literal(s("join.address", address=self.address)), classes="hint")
            yield Label(Content(s("join.code")), classes="field-label")
            yield Input(
                code,
                placeholder=s("join.code_placeholder"),
                max_length=2 * JOIN_CODE_LENGTH,
                id="code",
            )
            yield Label(Content(s("join.name")), classes="field-label")
            yield Input(
                name, placeholder=s("player.name_placeholder"), max_length=NAME_LENGTH, id="name"
            )
            yield Label(Content(s("join.class")), classes="field-label")
            yield Input(
                class_name,
                placeholder=s("player.class_placeholder"),
                max_length=NAME_LENGTH,
                id="class",
            )
            yield Static(literal(self.error), id="join-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(Content(s("join.submit")), id="join", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        code, name, _ = self.values
        self.query_one("#name" if code and not name else "#code", Input).focus()

    @on(Input.Submitted, "#code")
    def _code_done(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _name_done(self) -> None:
        self.query_one("#class", Input).focus()

    @on(Input.Submitted, "#class")
    @on(Button.Pressed, "#join")
    def _join(self) -> None:
        code = self.query_one("#code", Input).value.strip()
        name = self.query_one("#name", Input).value
        problem = ""
        if not code:
            problem, field = self.strings("join.code_needed"), "#code"
        elif not clean_name(name):
            problem, field = self.strings("player.name_required"), "#name"
        if problem:
            self.query_one("#join-error", Static).update(Content(problem))
            self.query_one(field, Input).focus()
            return
        class_name = self.query_one("#class", Input).value
        self.dismiss((code, name, class_name or None))
