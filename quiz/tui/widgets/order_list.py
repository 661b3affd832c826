"""The items of an ordering question, which the player rearranges by key or by mouse.

↑↓ move the cursor; Shift+↑↓ move the item under it; or Space grabs the item, ↑↓ carry it, Space
drops it (the keyboard pattern of accessible drag and drop). A grabbed item is marked `⇅` and the
cursor item `▶`, so neither depends on colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets.option_list import Option

from quiz.core.text import clean_text
from quiz.tui.widgets.answer_list import hanging
from quiz.tui.widgets.answering import AnswerOptions, AnswerWidgetMessage


class OrderList(AnswerOptions):
    """`order` holds the item values (file indices) as currently arranged, first to last."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "key.submit", id="order.submit"),
        # Spelled out in the hint above the list and in the help: the key bar keeps to the essentials.
        Binding("shift+up", "move(-1)", "key.move_up", show=False, id="order.move_up"),
        Binding("shift+down", "move(1)", "key.move_down", show=False, id="order.move_down"),
        Binding("space", "grab", "key.grab", show=False, id="order.grab"),
        Binding("up", "cursor(-1)", show=False, id="order.cursor_up"),
        Binding("down", "cursor(1)", show=False, id="order.cursor_down"),
    ]

    class Submitted(AnswerWidgetMessage):
        """The player confirmed this order (item values, first to last)."""

        def __init__(self, order_list: OrderList, order: tuple[int, ...]) -> None:
            super().__init__()
            self.order_list = order_list
            self.order = order

        @property
        def control(self) -> OrderList:
            return self.order_list

    def __init__(self, texts: Sequence[str], values: Sequence[int], *, id: str | None = None):
        self._text_of = {value: clean_text(text) for text, value in zip(texts, values, strict=True)}
        self.order: list[int] = list(values)
        self.grabbed = False
        super().__init__(id=id)

    def on_mount(self) -> None:
        self._redraw(0)

    def _redraw(self, highlighted: int) -> None:
        self.set_options(Option(self._prompt_at(p, highlighted)) for p in range(len(self.order)))
        self.highlighted = highlighted

    def _prompt_at(self, position: int, highlighted: int) -> Table:
        value = self.order[position]
        carried = self.grabbed and position == highlighted
        cursor = "▶" if position == highlighted else " "
        label = f"{cursor}{position + 1}. {'⇅' if carried else ' '}"
        return hanging(Text(label, style="bold"), self._text_of[value])

    def action_cursor(self, step: int) -> None:
        if self.grabbed:
            self.action_move(step)
        elif self.highlighted is not None:
            self._redraw(max(0, min(len(self.order) - 1, self.highlighted + step)))

    def action_move(self, step: int) -> None:
        """Move the highlighted item `step` places (−1 up, +1 down), staying within the list."""
        position = self.highlighted
        if position is None:
            return
        target = position + step
        if not 0 <= target < len(self.order):
            return
        self.order[position], self.order[target] = self.order[target], self.order[position]
        self._redraw(target)

    def action_grab(self) -> None:
        self.grabbed = not self.grabbed
        self._redraw(self.highlighted or 0)

    def action_select(self) -> None:
        """A click only moves the cursor: the ▲/▼ buttons (or keys) do the moving."""
        self._redraw(self.highlighted or 0)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, tuple(self.order)))
