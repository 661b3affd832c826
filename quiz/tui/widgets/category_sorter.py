"""The statements of a `categorize` question, which the player sorts into categories.

↑↓ move between statements; ←→ step the statement under the cursor through the categories; a
category's number (1–6) puts it there and goes on to the next statement. With the mouse: click a
statement, then a category's button below the list (`place`). Each statement shows its category in
words after an arrow (`→ Opinion`, `→ ?` while unsorted), and the cursor is `▶`: nothing depends on
colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets.option_list import Option

from quiz.core.kinds.categorize import MAX_CATEGORIES  # one digit key each
from quiz.core.text import clean_text
from quiz.tui.widgets.answering import AnswerOptions, AnswerWidgetMessage


class CategorySorter(AnswerOptions):
    """`placements[p]` is the category (an index into `categories`) of the statement shown at
    position `p`, or None while the player has not sorted it; `values[p]` is what that statement
    stands for in the answer (its file index in a solo game, `p` itself in a live one)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "key.submit", id="categorize.submit"),
        # Spelled out in the hint above the list and in the help: the key bar keeps to the essentials.
        Binding("left", "step(-1)", show=False, id="categorize.previous_category"),
        Binding("right", "step(1)", show=False, id="categorize.next_category"),
        *(
            Binding(str(n), f"place({n - 1})", show=False, id=f"categorize.category_{n}")
            for n in range(1, MAX_CATEGORIES + 1)
        ),
    ]

    class Changed(AnswerWidgetMessage):
        """A statement was put in a category: `placements[v]` is the category of the statement
        whose value is `v` (see the class docstring)."""

        def __init__(self, sorter: CategorySorter, placements: tuple[int | None, ...]) -> None:
            super().__init__()
            self.sorter = sorter
            self.placements = placements

        @property
        def control(self) -> CategorySorter:
            return self.sorter

    class Submitted(Changed):
        """The player confirmed the sorting (placements by value, as for `Changed`)."""

    def __init__(
        self,
        statements: Sequence[str],
        values: Sequence[int],
        categories: Sequence[str],
        *,
        id: str | None = None,
    ) -> None:
        if sorted(values) != list(range(len(statements))):
            raise ValueError(f"values {list(values)} do not number {len(statements)} statements")
        self.statements = [clean_text(text) for text in statements]
        self.values = list(values)
        self.categories = [clean_text(name) for name in categories[:MAX_CATEGORIES]]
        self.placements: list[int | None] = [None] * len(self.statements)
        super().__init__(id=id)

    def by_value(self) -> tuple[int | None, ...]:
        """The placements indexed by the statements' values, as the answer gives them."""
        placed: list[int | None] = [None] * len(self.values)
        for position, value in enumerate(self.values):
            placed[value] = self.placements[position]
        return tuple(placed)

    @property
    def unsorted(self) -> int:
        """How many statements have no category yet."""
        return self.placements.count(None)

    def on_mount(self) -> None:
        self._redraw(0)

    def _redraw(self, highlighted: int) -> None:
        self.set_options(
            Option(self._prompt_at(p, highlighted)) for p in range(len(self.statements))
        )
        self.highlighted = highlighted

    def _prompt_at(self, position: int, highlighted: int) -> Table:
        cursor = "▶" if position == highlighted else " "
        category = self.placements[position]
        where = Text("→ ", style="bold")
        if category is None:
            where.append("?", style="dim")
        else:
            where.append(f"{category + 1}. ", style="bold").append(self.categories[category])
        # The statement, and its category under it, both indented past the number.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(
            Text(f"{cursor}{position + 1}.", style="bold"),
            Group(Text(self.statements[position]), where),
        )
        return grid

    def action_cursor_up(self) -> None:
        self._move_cursor(-1)

    def action_cursor_down(self) -> None:
        self._move_cursor(1)

    def _move_cursor(self, step: int) -> None:
        position = self.highlighted or 0
        self._redraw(max(0, min(len(self.statements) - 1, position + step)))

    def action_step(self, step: int) -> None:
        """Put the statement under the cursor in the previous (−1) or next (+1) category."""
        position = self.highlighted or 0
        current = self.placements[position]
        count = len(self.categories)
        start = -1 if step > 0 else 0  # an unsorted statement starts at the first or the last
        chosen = ((start if current is None else current) + step) % count
        self._place_at(position, chosen, advance=False)

    def action_place(self, category: int) -> None:
        """Put the statement under the cursor in `category` and go on to the next one."""
        self.place(category)

    def place(self, category: int, *, advance: bool = True) -> None:
        """Put the statement under the cursor in `category` (a key or a category's button)."""
        if 0 <= category < len(self.categories):
            self._place_at(self.highlighted or 0, category, advance=advance)

    def _place_at(self, position: int, category: int, *, advance: bool) -> None:
        self.placements[position] = category
        last = len(self.statements) - 1
        self._redraw(min(position + 1, last) if advance else position)
        self.post_message(self.Changed(self, self.by_value()))

    def action_select(self) -> None:
        """A click only moves the cursor: a category's button (or key) does the sorting."""
        self._redraw(self.highlighted or 0)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.by_value()))
