"""The question types: one module each, and this registry, which maps the YAML `type:` to its kind.

Adding a type is a module here (its model, answer and `QuestionKind`) and one line in each of the
two lists below; `docs/content.md` ("Adding a question type") lists what else a type may want.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz.core.kinds import (
    categorize,
    highlight,
    multiple,
    numeric,
    order,
    single,
    text,
    true_false,
)
from quiz.core.kinds.kind import QuestionKind
from quiz.core.question_base import QuestionBase

AnyQuestion = (
    single.SingleChoiceQuestion
    | multiple.MultipleChoiceQuestion
    | true_false.TrueFalseQuestion
    | numeric.NumericQuestion
    | text.TextQuestion
    | order.OrderingQuestion
    | highlight.HighlightQuestion
    | categorize.CategorizeQuestion
)
"""Every question model, for pydantic's discriminated union (`quiz.core.models.Question`)."""

KINDS: Mapping[str, QuestionKind[Any, Any]] = {
    kind.name: kind
    for kind in (
        single.KIND,
        multiple.KIND,
        true_false.KIND,
        numeric.KIND,
        text.KIND,
        order.KIND,
        highlight.KIND,
        categorize.KIND,
    )
}
"""Every kind by its YAML `type:`, in the order the documentation lists them."""

QUESTION_TYPES: tuple[str, ...] = tuple(KINDS)

_BY_ANSWER_TAG: Mapping[str, QuestionKind[Any, Any]] = {
    kind.answer_tag: kind for kind in KINDS.values()
}


def kind_named(name: str) -> QuestionKind[Any, Any] | None:
    """The kind whose YAML `type:` is `name`, if any."""
    return KINDS.get(name)


def kind_of(question: QuestionBase) -> QuestionKind[Any, Any]:
    """The kind of a question; `TypeError` for a model that is not a registered question type."""
    kind = KINDS.get(getattr(question, "type", ""))
    if kind is None or type(question) is not kind.model:
        raise TypeError(f"no answer type is known for {type(question).__name__}")
    return kind


def kind_of_stored(data: Mapping[str, Any]) -> QuestionKind[Any, Any]:
    """The kind that reads a stored answer (by its `kind` tag); `ValueError` for anything else."""
    tag = data.get("kind")
    kind = _BY_ANSWER_TAG.get(tag) if isinstance(tag, str) else None
    if kind is None:
        raise ValueError(f"not a stored answer: {dict(data)!r}")
    return kind
