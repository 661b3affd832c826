"""The passage of a highlight question, in which the player picks words by key or by click.

←→ move from word to word, Space picks or unpicks, Enter submits, a click toggles a word. The
cursor word is shown reversed and each picked word bold and underlined, so the picks can be read
without colour; nothing is inserted into the passage, so words never move under the mouse.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from quiz.core.text import clean_text, split_words
from quiz.tui.widgets.answering import AnswerWidgetMessage


class WordPicker(Widget, can_focus=True):
    """Words are numbered as `HighlightQuestion.words` numbers them (`split_words` of the text)."""

    DEFAULT_CSS = """
    WordPicker {
        width: 1fr;
        height: auto;
        padding: 0 1;
        border: tall $border-blurred;
        &:focus { border: tall $border; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "key.submit", id="words.submit"),
        Binding("space", "pick", "key.toggle", show=False, id="words.toggle"),
        Binding("left", "move(-1)", show=False, id="words.previous"),
        Binding("right", "move(1)", show=False, id="words.next"),
        Binding("up", "move(-1)", show=False, id="words.previous_alt"),
        Binding("down", "move(1)", show=False, id="words.next_alt"),
        Binding("home", "first", show=False, id="words.first"),
        Binding("end", "last", show=False, id="words.last"),
    ]

    cursor: reactive[int] = reactive(0)
    picked: reactive[frozenset[int]] = reactive(frozenset())

    class Submitted(AnswerWidgetMessage):
        """The player confirmed the picked words (indices into the passage's words)."""

        def __init__(self, picker: WordPicker, words: frozenset[int]) -> None:
            super().__init__()
            self.picker = picker
            self.words = words

        @property
        def control(self) -> WordPicker:
            return self.picker

    class Changed(AnswerWidgetMessage):
        """A word was picked or unpicked."""

        def __init__(self, picker: WordPicker, words: frozenset[int]) -> None:
            super().__init__()
            self.picker = picker
            self.words = words

        @property
        def control(self) -> WordPicker:
            return self.picker

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = clean_text(text)
        self.spans = split_words(self.text)

    def render(self) -> Content:
        parts: list[Content] = []
        previous_end = 0
        for index, (start, end) in enumerate(self.spans):
            parts.append(Content(self.text[previous_end:start]))
            word = Content(self.text[start:end])
            if index in self.picked:
                word = word.stylize("bold underline $accent")
            if index == self.cursor and self.has_focus:
                word = word.stylize("reverse")
            parts.append(word.stylize(Style.from_meta({"word": index})))
            previous_end = end
        parts.append(Content(self.text[previous_end:]))
        return Content("").join(parts)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.spans:
            self.cursor = max(0, min(len(self.spans) - 1, self.cursor + step))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.spans) - 1)

    def action_pick(self) -> None:
        self.toggle(self.cursor)

    def toggle(self, index: int) -> None:
        if 0 <= index < len(self.spans):
            self.cursor = index
            self.picked = self.picked ^ {index}
            self.post_message(self.Changed(self, self.picked))

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.picked))

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("word")
        if isinstance(index, int):
            self.toggle(index)
