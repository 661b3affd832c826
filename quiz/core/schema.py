"""The JSON Schema of a question-set file, for editors (yaml-language-server) and CI."""

from __future__ import annotations

from typing import Any

from quiz.core.models import QuestionSet

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def question_set_json_schema() -> dict[str, Any]:
    """The schema editors use to complete keys and flag mistakes as the teacher types."""
    schema = QuestionSet.model_json_schema(mode="validation")
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "quiz question set",
        "description": (
            "A set of questions about one news article, for the media-literacy game `quiz`. "
            "Check a file with `quiz check FILE`."
        ),
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
