"""quiz's own fields carried in comments that Moodle ignores, so that a round trip keeps them.

GIFT and Moodle XML have no place for a question's skill or evidence quote; an export writes them
as one JSON comment before the question (`// quiz: {...}` or `<!-- quiz: {...} -->`) and the set's
own fields once at the top (`quiz-set:`). Moodle skips comments on import; `quiz import` reads them
back, so quiz → GIFT → quiz loses nothing the comment holds.
"""

from __future__ import annotations

import json
from typing import Any

from quiz.core.models import QuestionBase, QuestionSet

QUESTION_PREFIX = "quiz:"
SET_PREFIX = "quiz-set:"
SET_KEYS = ("id", "title", "language", "description", "article", "defaults")
QUESTION_KEYS = (
    "skill",
    "evidence",
    "difficulty",
    "time_limit",
    "points",
    "unit",
    "case_sensitive",
    "accent_sensitive",
    "draft",
    "categories",  # a categorize question's order of categories: Moodle keeps none
)


def question_metadata(question: QuestionBase, keys: tuple[str, ...]) -> dict[str, Any]:
    """The question's values for `keys` that are set (defaults left out, to keep the line short)."""
    dumped = question.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return {key: dumped[key] for key in keys if key in dumped}


def set_metadata(question_set: QuestionSet) -> dict[str, Any]:
    dumped = question_set.model_dump(mode="json", exclude_none=True)
    return {key: dumped[key] for key in SET_KEYS if key in dumped}


def encode(prefix: str, values: dict[str, Any]) -> str:
    """`prefix {json}` on one line; "--" never appears (an XML comment may not contain it)."""
    text = json.dumps(values, ensure_ascii=False, separators=(", ", ": "))
    return f"{prefix} " + text.replace("--", "-\\u002d")


def decode(comment: str, prefix: str) -> dict[str, Any] | str | None:
    """The values of a `prefix {json}` comment; None when it is not one, a message when it is broken."""
    comment = comment.strip()
    if not comment.startswith(prefix):
        return None
    try:
        values = json.loads(comment[len(prefix) :])
    except json.JSONDecodeError as error:
        return f"the '{prefix}' comment is not valid JSON ({error.msg})"
    if not isinstance(values, dict):
        return f"the '{prefix}' comment must hold a JSON object"
    return values
