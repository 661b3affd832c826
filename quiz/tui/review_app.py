"""`ReviewApp`: the application `quiz review` runs, one review screen on one set file.

Kept apart from `QuizApp` (the game): it has no sets to list, no results store, no game; what it
shares is the look (`app.tcss`), the interface strings and the help.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.review.session import ReviewSession
from quiz.tui.i18n import Strings
from quiz.tui.screens.review import ReviewScreen


class ReviewApp(App[None]):
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help", id="app.help"),
        Binding("ctrl+q", "request_quit", "key.quit", priority=True, id="app.quit"),
    ]

    def __init__(self, session: ReviewSession, *, language: str = "en") -> None:
        super().__init__()
        self.strings = Strings(language)
        self.strings.translate_bindings(self)
        self.session = session
        self.title = self.strings("app.title")

    def get_default_screen(self) -> Screen:  # type: ignore[type-arg]
        return ReviewScreen(self.strings, self.session)

    def action_help(self) -> None:
        from quiz.tui.screens.help import REVIEW_SECTIONS, HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.strings, REVIEW_SECTIONS))

    def action_request_quit(self) -> None:
        """Ctrl+Q: leave, asking first when decisions are not saved."""
        review = self.screen_stack[0]
        if isinstance(review, ReviewScreen) and self.screen is review:
            if review.editing is not None:
                review.action_done()
            review.action_leave()
        elif isinstance(review, ReviewScreen) and review.unsaved_changes:
            self.pop_screen()
            review.action_leave()
        else:
            self.exit()
