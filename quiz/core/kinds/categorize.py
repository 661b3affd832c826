"""`type: categorize` — sort statements into groups: fact, opinion, hypothesis…

The file names 2 to 6 categories and 2 to 12 items, each with the category it belongs to; students
see the items shuffled (the categories stay in the file's order, so their numbers do not move) and
put each one in a category. Credit is the share of items placed right; correct only when all are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, Field

from quiz.core.diagnostics import Severity
from quiz.core.findings import Finding, Path, check_unique, nearest
from quiz.core.kinds.kind import (
    NOTHING,
    RIGHT,
    Answer,
    Grade,
    JsonAnswer,
    Presented,
    QuestionKind,
    Shuffle,
    Shuffler,
    StoredAnswer,
    not_stored,
    one_line,
)
from quiz.core.question_base import QuestionBase, StrictModel, Text
from quiz.core.text import normalise_answer

MAX_CATEGORIES = 6
MAX_ITEMS = 12
"""The most categories and items a question has (the live protocol bounds answers with them)."""

UNPLACED = "—"
"""How an item the student left in no category reads."""


class CategorizeItem(StrictModel):
    """A statement to sort, and the category it belongs to."""

    text: Text
    category: Text = Field(description="One of the question's `categories`, written the same way.")


class CategorizeQuestion(QuestionBase):
    """Put each item in its category."""

    type: Literal["categorize"]
    categories: list[Text] = Field(
        min_length=2,
        max_length=MAX_CATEGORIES,
        description="The groups, as students see them (2 to 6).",
    )
    items: list[CategorizeItem] = Field(
        min_length=2,
        max_length=MAX_ITEMS,
        description="The statements to sort (2 to 12), in any order.",
    )

    @cached_property
    def key(self) -> tuple[int | None, ...]:
        """Each item's category, as an index into `categories` (None: it names no category,
        which `quiz check` reports); case, accents and spaces are ignored, as for choices."""
        index = {normalise_answer(c): i for i, c in reversed(list(enumerate(self.categories)))}
        return tuple(index.get(normalise_answer(item.category)) for item in self.items)


@dataclass(frozen=True, slots=True)
class CategorizeAnswer(Answer):
    """The category chosen for each item, as indices into `categories`, items in FILE order;
    None for an item left in no category."""

    placements: tuple[int | None, ...]


class CategorizeKind(QuestionKind[CategorizeQuestion, CategorizeAnswer]):
    name: ClassVar[str] = "categorize"
    model = CategorizeQuestion
    answer_type = CategorizeAnswer
    answer_tag: ClassVar[str] = "categorize"
    nested: ClassVar[Mapping[str, tuple[type[BaseModel], str]]] = {
        "items": (CategorizeItem, "item")
    }

    def _check_answer(self, question: CategorizeQuestion, answer: CategorizeAnswer) -> None:
        items, categories = len(question.items), len(question.categories)
        if len(answer.placements) != items:
            raise ValueError(
                f"question '{question.id}' has {items} items: the answer must place each of "
                f"them, not {len(answer.placements)}"
            )
        for placed in answer.placements:
            if placed is not None and not 0 <= placed < categories:
                raise ValueError(
                    f"question '{question.id}' has {categories} categories "
                    f"(0 to {categories - 1}), the answer names category {placed}"
                )

    def grade(self, question: CategorizeQuestion, answer: CategorizeAnswer) -> Grade:
        self._check_answer(question, answer)
        right = sum(
            1
            for placed, key in zip(answer.placements, question.key, strict=True)
            if placed is not None and placed == key
        )
        if right == len(question.items):
            return RIGHT
        return Grade(right / len(question.items), False)

    def right_answer(self, question: CategorizeQuestion) -> CategorizeAnswer:
        return CategorizeAnswer(question.key)

    def _placements(self, question: CategorizeQuestion, placements: Sequence[int | None]) -> str:
        return "; ".join(
            f"{one_line(item.text)} → "
            + (one_line(question.categories[placed]) if placed is not None else UNPLACED)
            for item, placed in zip(question.items, placements, strict=True)
        )

    def describe_answer(
        self, question: CategorizeQuestion, answer: CategorizeAnswer, language: str
    ) -> str:
        """Each item with the category chosen, "item → category", joined with "; " in the
        file's order of items; "—" when no item was placed."""
        self._check_answer(question, answer)
        if all(placed is None for placed in answer.placements):
            return NOTHING
        return self._placements(question, answer.placements)

    def describe_key(self, question: CategorizeQuestion, language: str) -> str:
        return self._placements(question, question.key)

    def encode(self, answer: CategorizeAnswer) -> JsonAnswer:
        return {"kind": self.answer_tag, "placements": list(answer.placements)}

    def decode(self, data: Mapping[str, Any]) -> CategorizeAnswer:
        placements = data.get("placements")
        if (
            data.get("kind") != self.answer_tag
            or not isinstance(placements, list)
            or not all(_is_placement(p) for p in placements)
        ):
            raise not_stored(data)
        return CategorizeAnswer(tuple(placements))

    # --- Checks and play --------------------------------------------------------------------------

    def check(self, question: CategorizeQuestion, at: Path) -> Iterator[Finding]:
        categories = question.categories
        yield from check_unique(categories, (*at, "categories"), "category")
        texts = [item.text for item in question.items]
        yield from check_unique(texts, (*at, "items"), "item")
        listed = ", ".join(f"'{c}'" for c in categories)
        for i, (item, key) in enumerate(zip(question.items, question.key, strict=True)):
            if key is None:
                closest = nearest(item.category, categories)
                yield Finding(
                    (*at, "items", i, "category"),
                    f"'{item.category}' is not one of the categories",
                    (f"did you mean '{closest}'? " if closest else "")
                    + f"the categories are: {listed} (or add it to `categories:`)",
                    code="unknown-category",
                )
        used = set(question.key)
        for i, category in enumerate(categories):
            if i not in used and normalise_answer(category) not in _seen_before(categories, i):
                yield Finding(
                    (*at, "categories", i),
                    f"no item belongs to the category '{category}'",
                    "this is allowed (students may still choose it, a fair trap); if it is a "
                    "mistake, give it an item or remove it from `categories:`",
                    severity=Severity.WARNING,
                    code="empty-category",
                )

    def shuffle(
        self, question: CategorizeQuestion, rng: Shuffler, shuffle_choices: bool
    ) -> Shuffle:
        """The items always shuffled: a teacher often writes them grouped by category."""
        items = list(range(len(question.items)))
        rng("items").shuffle(items)
        return Shuffle(item_order=tuple(items))

    def item_texts(self, question: CategorizeQuestion) -> Sequence[str]:
        return [item.text for item in question.items]

    # --- The key-free view: the items as shown, the categories in the file's order ---------------

    def view_fields(self, presented: Presented, language: str) -> dict[str, Any]:
        question = self.question_in(presented)
        return {
            "items": [question.items[i].text for i in presented.item_order],
            "categories": list(question.categories),
        }

    def file_answer(self, presented: Presented, answer: Answer) -> CategorizeAnswer:
        """`placements[p]`, the category of the item shown at position `p`, moved to the item's
        index in the file."""
        question = self.question_in(presented)
        placements = self.answer_on(presented, answer).placements
        order = presented.item_order
        if len(placements) != len(order):
            raise ValueError(
                f"there are {len(order)} items to place, the answer places {len(placements)}"
            )
        count = len(question.categories)
        in_file: list[int | None] = [None] * len(order)
        for position, placed in enumerate(placements):
            if placed is not None and not 0 <= placed < count:
                raise ValueError(
                    f"there is no category {placed} (0 to {count - 1}) for the item at "
                    f"position {position}"
                )
            in_file[order[position]] = placed
        return CategorizeAnswer(tuple(in_file))

    def key(self, presented: Presented) -> list[int]:
        """The right category of each item, in display order."""
        question = self.question_in(presented)
        key = [question.key[i] for i in presented.item_order]
        if any(category is None for category in key):  # `quiz check` refuses such a set
            raise ValueError(f"question '{question.id}' has an item in no category")
        return [category for category in key if category is not None]

    # --- Reports ----------------------------------------------------------------------------------

    def wrong_picks(
        self, question: CategorizeQuestion, answers: Sequence[StoredAnswer], language: str
    ) -> Counter[str]:
        """Each wrong placement given, "item → category", and how often."""
        counts: Counter[str] = Counter()
        for placements in _stored_placements(question, answers):
            for item, placed, key in zip(question.items, placements, question.key, strict=True):
                if placed != key:
                    chosen = question.categories[placed] if placed is not None else UNPLACED
                    counts[f"{one_line(item.text)} → {one_line(chosen)}"] += 1
        return counts

    def picks_per_item(self, question: CategorizeQuestion, answers: Sequence[StoredAnswer]) -> str:
        """Per item, how often each category was chosen, the right one marked ✓:
        "Item → Fait (5) ✓ · Opinion (2) · Hypothèse (0) | Next item → …"."""
        per_item = [Counter[int | None]() for _ in question.items]
        for placements in _stored_placements(question, answers):
            for counts, placed in zip(per_item, placements, strict=True):
                counts[placed] += 1
        cells = []
        for item, key, counts in zip(question.items, question.key, per_item, strict=True):
            picks = [
                f"{one_line(category)} ({counts[i]})" + (" ✓" if i == key else "")
                for i, category in enumerate(question.categories)
            ]
            if counts[None]:
                picks.append(f"{UNPLACED} ({counts[None]})")
            cells.append(f"{one_line(item.text)} → " + " · ".join(picks))
        return " | ".join(cells)


def _is_placement(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _seen_before(texts: list[str], index: int) -> set[str]:
    """The normal forms of the texts before `index` (a repeated category is reported once)."""
    return {normalise_answer(t) for t in texts[:index]}


def _stored_placements(
    question: CategorizeQuestion, answers: Sequence[StoredAnswer]
) -> Iterator[tuple[int | None, ...]]:
    """The placements of each stored answer that fits this question (others are skipped)."""
    for answer in answers:
        value = answer.answer_json
        if not isinstance(value, dict):
            continue
        try:
            decoded = KIND.decode(value)
            KIND._check_answer(question, decoded)
        except ValueError:
            continue
        yield decoded.placements


KIND = CategorizeKind()
