"""`categorize`: sort statements into groups. ↑↓ choose a statement, ←→ or a category's number put
it in a category (or click a statement, then a category's button), Enter submits once every
statement is sorted; the feedback lists each statement with the player's category, marked ✓ or ✗,
and the right category where it differs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button

from quiz.core.answers import CategorizeAnswer
from quiz.core.models import CategorizeQuestion, QuestionBase
from quiz.core.question_view import QuestionView
from quiz.core.session import QuestionResult
from quiz.core.text import clean_text
from quiz.review.form import as_texts, shown
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import (
    KindInterface,
    Reading,
    Shown,
    Status,
    preview_field,
    question_as,
    submit_button,
)
from quiz.tui.widgets.category_sorter import CategorySorter

_BUTTON_PREFIX = "category-"


class Categorize(KindInterface):
    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        # The statements in display order; the answer names them by `item_values` (see
        # `AnswerScreen`).
        yield CategorySorter(view.items, item_values, view.categories, id="answer")
        with Grid(id="category-buttons"):
            for number, name in enumerate(view.categories, start=1):
                label = Content.assemble((f"{number} ", "bold"), clean_text(name))
                button = Button(label, id=f"{_BUTTON_PREFIX}{number - 1}", compact=True)
                # Keys have the numbers; a click leaves the focus on the statements, so their
                # focus border stays and nothing moves between the press and the release.
                button.can_focus = False
                yield button
        with Horizontal(classes="buttons"):
            yield submit_button(strings)

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        if not isinstance(answer, CategorySorter):
            return None
        if isinstance(message, CategorySorter.Submitted):
            if answer.unsorted:
                return Status(strings.count("question.unsorted", answer.unsorted))
            return CategorizeAnswer(message.placements)
        if isinstance(message, CategorySorter.Changed):
            if answer.unsorted:
                return Status(strings.count("question.unsorted", answer.unsorted))
            return Status(strings("question.all_sorted"))
        if isinstance(message, Button.Pressed):
            button = message.button.id or ""
            if button == "submit":
                answer.action_submit()
            elif button.startswith(_BUTTON_PREFIX):
                # A click on a category sorts the statement the player clicked before it.
                answer.place(int(button.removeprefix(_BUTTON_PREFIX)))
        return None

    def your_answer(self, question: QuestionBase, result: QuestionResult) -> Shown:
        """Each statement and the player's category, ✓ or ✗ (with the right one after ✗)."""
        sorting = question_as(question, CategorizeQuestion)
        if not isinstance(result.answer, CategorizeAnswer):
            return result.answer_text
        rows = []
        for item, placed, key in zip(
            sorting.items, result.answer.placements, sorting.key, strict=True
        ):
            chosen = "—" if placed is None else sorting.categories[placed]
            where = Text(f"→ {clean_text(chosen)}")
            if placed is not None and placed == key:
                where.append(" ✓", style="bold")
            else:
                right = "—" if key is None else sorting.categories[key]
                where.append(" ✗", style="bold").append(f"  ({clean_text(right)})")
            rows.append((item.text, where))
        return _sorted_rows(rows)

    def right_answer(self, question: QuestionBase, language: str) -> Shown:
        sorting = question_as(question, CategorizeQuestion)
        rows = [
            (item.text, Text(f"→ {clean_text('—' if key is None else sorting.categories[key])}"))
            for item, key in zip(sorting.items, sorting.key, strict=True)
        ]
        return _sorted_rows(rows)

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        """The categories, then each statement with the category it belongs to."""
        categories = " · ".join(as_texts(data.get("categories")))
        items = data.get("items")
        rows = []
        for item in items if isinstance(items, list) else []:
            entry = item if isinstance(item, dict) else {}
            rows.append(f"• {shown(entry.get('text'))}\n  → {shown(entry.get('category'))}")
        return [
            preview_field(strings, "review.categories", categories),
            preview_field(strings, "review.sorting", "\n".join(rows)),
        ]


def _sorted_rows(rows: Sequence[tuple[str, Text]]) -> Table:
    """One statement per row behind a bullet, its category on the line under it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for statement, where in rows:
        grid.add_row("•", Text(clean_text(statement)))
        grid.add_row("", where)
    return grid
