"""`type: order` — put the items in order; the file lists them in the right order, students see
them shuffled; credit is the share of item pairs in the right relative order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, ClassVar, Literal

from pydantic import Field

from quiz.core.findings import Finding, Path, check_unique
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
    check_indices,
    file_indices,
    int_list,
    not_stored,
)
from quiz.core.question_base import QuestionBase, Text


class OrderingQuestion(QuestionBase):
    """Put the items in order; the file lists them in the right order, students see them shuffled."""

    type: Literal["order"]
    items: list[Text] = Field(min_length=2, max_length=12)


@dataclass(frozen=True, slots=True)
class OrderAnswer(Answer):
    """An ordering question's items as the student arranged them, first to last.

    Each entry is an item's index in FILE order, which is also its right position: the answer is
    right when `order == (0, 1, 2, …)`.
    """

    order: tuple[int, ...]


def _order_fraction(order: tuple[int, ...]) -> Grade:
    """The share of item pairs placed in the right relative order (a Kendall-style agreement)."""
    if order == tuple(range(len(order))):
        return RIGHT
    pairs = len(order) * (len(order) - 1) // 2
    in_order = sum(1 for a, b in combinations(order, 2) if a < b)
    # Not fully sorted means at least one pair is inverted, so the fraction stays below 1.
    return Grade(in_order / pairs, False)


class OrderKind(QuestionKind[OrderingQuestion, OrderAnswer]):
    name: ClassVar[str] = "order"
    model = OrderingQuestion
    answer_type = OrderAnswer
    answer_tag: ClassVar[str] = "order"

    def grade(self, question: OrderingQuestion, answer: OrderAnswer) -> Grade:
        count = len(question.items)
        if sorted(answer.order) != list(range(count)):
            raise ValueError(
                f"question '{question.id}' has {count} items: the answer must arrange each of "
                f"0 to {count - 1} exactly once, not {list(answer.order)}"
            )
        return _order_fraction(answer.order)

    def right_answer(self, question: OrderingQuestion) -> OrderAnswer:
        return OrderAnswer(tuple(range(len(question.items))))

    def describe_answer(
        self, question: OrderingQuestion, answer: OrderAnswer, language: str
    ) -> str:
        """The items as arranged, joined with " → "."""
        check_indices(question, answer.order, len(question.items), "item")
        return " → ".join(question.items[i] for i in answer.order) or NOTHING

    def describe_key(self, question: OrderingQuestion, language: str) -> str:
        return " → ".join(question.items)

    def encode(self, answer: OrderAnswer) -> JsonAnswer:
        return {"kind": self.answer_tag, "order": list(answer.order)}

    def decode(self, data: Mapping[str, Any]) -> OrderAnswer:
        if data.get("kind") != self.answer_tag:
            raise not_stored(data)
        return OrderAnswer(tuple(int_list(data, "order")))

    def check(self, question: OrderingQuestion, at: Path) -> Iterator[Finding]:
        yield from check_unique(question.items, (*at, "items"), "item")

    def shuffle(self, question: OrderingQuestion, rng: Shuffler, shuffle_choices: bool) -> Shuffle:
        """Always shuffled (the file's order is the key), and never shown already right."""
        right = list(range(len(question.items)))
        items = right.copy()
        generator = rng("items")
        generator.shuffle(items)
        while items == right:  # at least 2 items, so each try is right at most half the time
            generator.shuffle(items)
        return Shuffle(item_order=tuple(items))

    def item_texts(self, question: OrderingQuestion) -> Sequence[str]:
        return question.items

    # --- The key-free view: the items as first shown, never in the file's order ------------------

    def view_fields(self, presented: Presented, language: str) -> dict[str, Any]:
        items = self.question_in(presented).items
        return {"items": [items[i] for i in presented.item_order]}

    def file_answer(self, presented: Presented, answer: Answer) -> OrderAnswer:
        order = self.answer_on(presented, answer).order
        return OrderAnswer(tuple(file_indices(presented.item_order, order, "item")))

    def key(self, presented: Presented) -> list[int]:
        """The shown items' positions, in the right order."""
        count = len(self.question_in(presented).items)
        return [presented.item_order.index(index) for index in range(count)]


KIND = OrderKind()
