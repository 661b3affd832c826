"""Moodle's matching question as quiz's `categorize`, both ways: the rows GIFT and Moodle XML
write, and the limits a matching question must fit to come in.

A categorize question goes out as a matching question: each item is a subquestion answered by
its category, and a category no item has is an extra answer with an empty subquestion (Moodle's
way of offering a distractor). A matching question comes in as categorize when it fits
categorize's limits (2–6 distinct answers, 2–12 subquestions); otherwise it is left out with the
reason. Moodle shuffles the answers and keeps no order for them, so quiz's order of the
categories travels in the question's `quiz:` comment (`quiz.interop.metadata`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.core.models import CategorizeQuestion
from quiz.interop.fields import NotHeld, clean

ORDER_KEY = "categories"
"""The `quiz:` comment's key for the order of the categories."""


def _length_limits(field: str) -> tuple[int, int]:
    """The model's own bounds for a list field, so that the limits live in one place."""
    metadata = CategorizeQuestion.model_fields[field].metadata
    low = next(m.min_length for m in metadata if hasattr(m, "min_length"))
    high = next(m.max_length for m in metadata if hasattr(m, "max_length"))
    return int(low), int(high)


MIN_CATEGORIES, MAX_CATEGORIES = _length_limits("categories")
MIN_ITEMS, MAX_ITEMS = _length_limits("items")


@dataclass(frozen=True)
class Row:
    """One subquestion of a matching question: an item and its category ("" item: an extra
    answer, which students may choose but no item has)."""

    item: str
    category: str


def rows_of(question: CategorizeQuestion) -> list[Row]:
    """The items in the file's order, each with its category spelt as `categories:` spells it
    (Moodle matches answers letter for letter), then a row for each category no item has."""
    rows = [
        Row(item.text, question.categories[key] if key is not None else item.category)
        for item, key in zip(question.items, question.key, strict=True)
    ]
    used = set(question.key)
    rows += [Row("", c) for i, c in enumerate(question.categories) if i not in used]
    return rows


def categorize_fields(rows: list[Row]) -> dict[str, Any]:
    """A matching question's rows as a categorize question's fields; `NotHeld` with the reason
    when they do not fit categorize's limits."""
    rows = [row for row in rows if row.item or row.category]  # Moodle ignores blank rows too
    items = [row for row in rows if row.item]
    for row in items:
        if not row.category:
            raise NotHeld(f"the subquestion {row.item!r} has no answer")
    categories = list(dict.fromkeys(row.category for row in rows))
    becomes = "a matching question comes in as a sorting question (categorize)"
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        raise NotHeld(
            f"{becomes}, which sorts {MIN_ITEMS} to {MAX_ITEMS} items: this one has "
            f"{len(items)} subquestion(s)"
        )
    if not MIN_CATEGORIES <= len(categories) <= MAX_CATEGORIES:
        raise NotHeld(
            f"{becomes}, which has {MIN_CATEGORIES} to {MAX_CATEGORIES} categories: this one "
            f"has {len(categories)} different answer(s)"
        )
    return {
        "type": "categorize",
        "categories": categories,
        "items": [{"text": row.item, "category": row.category} for row in items],
    }


def apply_category_order(fields: dict[str, Any], listed: object, notes: list[str]) -> None:
    """Put the categories in the order the `quiz:` comment lists, when it lists exactly the
    question's answers; otherwise keep the file's order and say why."""
    if listed is None:
        return
    if fields.get("type") != "categorize":
        notes.append(f"the quiz comment's '{ORDER_KEY}' belong to no matching question: ignored")
        return
    if isinstance(listed, list) and all(isinstance(c, str) for c in listed):
        cleaned = [clean(c) for c in listed]
        if sorted(cleaned) == sorted(fields["categories"]):
            fields["categories"] = cleaned
            return
    notes.append(
        f"the quiz comment's '{ORDER_KEY}' do not name the question's answers: "
        "they are kept in the file's order"
    )
