"""The choices of a single, multiple or true/false question, answerable by key or by click.

Each choice is labelled A, B, C…; its letter or its number (1 for A) answers a one-answer question
at once, or ticks a choice of a several-answers question. True/false also takes the words' initials
(V/F, T/F): that is the key a student reaches for first. A ticked choice shows `[✓]`, so the state
never depends on colour.

No choice is highlighted until the student moves (↑↓) or picks one: Enter pressed by reflex on a
fresh question answers nothing (`Chosen` comes with no values, and the screen says to choose).
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets.option_list import Option

from quiz.core.text import clean_text
from quiz.tui.widgets.answering import AnswerOptions, AnswerWidgetMessage

LETTERS = string.ascii_uppercase


def hanging(label: Text, text: str) -> Table:
    """`label` then `text`, wrapped lines indented under the text. `Text(text)` is literal."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(label, Text(text))
    return grid


class AnswerList(AnswerOptions):
    """Choices in display order; `values[p]` is what the choice at position `p` stands for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "key.submit", id="answer.submit"),
        Binding("space", "select", "key.toggle", show=False, id="answer.toggle"),
    ]

    class Chosen(AnswerWidgetMessage):
        """The player gave an answer: the `values` of the chosen (or ticked) choices."""

        def __init__(self, answer_list: AnswerList, values: frozenset[int]) -> None:
            super().__init__()
            self.answer_list = answer_list
            self.values = values

        @property
        def control(self) -> AnswerList:
            return self.answer_list

    class Ticked(AnswerWidgetMessage):
        """A choice of a several-answers question was ticked or unticked."""

        def __init__(self, answer_list: AnswerList, values: frozenset[int]) -> None:
            super().__init__()
            self.answer_list = answer_list
            self.values = values

        @property
        def control(self) -> AnswerList:
            return self.answer_list

    def __init__(
        self,
        texts: Sequence[str],
        values: Sequence[int],
        *,
        multiple: bool = False,
        initials: Sequence[str] = (),
        id: str | None = None,
    ) -> None:
        """`initials` are extra keys, one per choice in order (V and F for Vrai and Faux)."""
        self._texts = [clean_text(t) for t in texts]
        self._values = list(values)
        self._initials = [i.upper() for i in initials]
        self.multiple = multiple
        self.ticked: set[int] = set()
        super().__init__(*(Option(self._prompt(p)) for p in range(len(texts))), id=id)
        self.highlighted = None  # OptionList highlights its first option; we wait for a choice

    def _prompt(self, position: int) -> Table:
        """ "A [✓] text", the text wrapping under itself rather than under the letter."""
        label = LETTERS[position]
        if self.multiple:
            label += " [✓]" if position in self.ticked else " [ ]"
        return hanging(Text(label, style="bold"), self._texts[position])

    @property
    def selected_values(self) -> frozenset[int]:
        return frozenset(self._values[p] for p in self.ticked)

    def action_select(self) -> None:
        """Enter on a one-answer list, Space, or a click: choose (or tick) the highlighted one."""
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_submit(self) -> None:
        if self.multiple:
            self.post_message(self.Chosen(self, self.selected_values))
        elif self.highlighted is None:  # nothing chosen yet: say so, answer nothing
            self.post_message(self.Chosen(self, frozenset()))
        else:
            self.action_select()

    def pick(self, position: int) -> None:
        """Choose the choice at `position` (one answer) or toggle its tick (several answers)."""
        if not 0 <= position < len(self._values):
            return
        self.highlighted = position
        if not self.multiple:
            self.post_message(self.Chosen(self, frozenset({self._values[position]})))
            return
        self.ticked ^= {position}
        self.replace_option_prompt_at_index(position, self._prompt(position))
        self.post_message(self.Ticked(self, self.selected_values))

    def on_key(self, event: object) -> None:
        """A choice's letter (A…), number (1…) or initial (V for Vrai) picks it."""
        character = getattr(event, "character", None)
        if not character or len(character) != 1:
            return
        position: int | None = None
        if character.isdigit() and character != "0":
            position = int(character) - 1
        elif character.upper() in LETTERS[: len(self._values)] and character.isalpha():
            position = LETTERS.index(character.upper())
        elif character.isalpha() and character.upper() in self._initials:
            position = self._initials.index(character.upper())
        if position is not None and position < len(self._values):
            self.pick(position)
            event.stop()  # type: ignore[attr-defined]
            event.prevent_default()  # type: ignore[attr-defined]
