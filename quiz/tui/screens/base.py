"""What every screen of the game shares: its interface strings and translated key bindings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen

from quiz.tui.i18n import Strings

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class _Translated:
    """Mixed into screens: bindings of the screen and of its widgets shown in the UI language."""

    strings: Strings

    def translate_all_bindings(self) -> None:
        node: Any = self
        for widget in node.walk_children(with_self=True):
            self.strings.translate_bindings(widget)
        node.refresh_bindings()

    @property
    def quiz(self) -> QuizApp:
        """The running `QuizApp` (screens of this package only run inside one)."""
        return self.app  # type: ignore[attr-defined, no-any-return]


class QuizScreen(_Translated, Screen[Any]):
    def __init__(self, strings: Strings, **kwargs: Any) -> None:
        self.strings = strings
        super().__init__(**kwargs)

    def on_mount(self) -> None:
        self.translate_all_bindings()


class QuizModal(_Translated, ModalScreen[Any]):
    def __init__(self, strings: Strings, **kwargs: Any) -> None:
        self.strings = strings
        super().__init__(**kwargs)

    def on_mount(self) -> None:
        self.translate_all_bindings()
