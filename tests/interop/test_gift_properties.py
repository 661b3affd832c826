"""Any set GIFT can hold comes back from GIFT unchanged, whatever its texts hold.

Texts are drawn with GIFT's special characters (~ = # { } : \\), format prefixes, weights,
comment marks, arrows and line breaks mixed in; the set goes out through the GIFT writer and back
through `quiz import`, the real loader included.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from quiz.core.checks import check_questions
from quiz.core.models import Question, QuestionSet
from quiz.core.text import clean_text
from quiz.interop import InteropError, export_set, import_file

QUESTION: TypeAdapter[Any] = TypeAdapter(Question)
TRICKY = [
    "~", "=", "#", "{", "}", ":", "\\", "\\n", "%50%", "[html]", "[plain]", "->", "//", "####",
    "\n", "TRUE", "T", "$CATEGORY:", "::", "..", "é", "«", "»", " ",
]  # fmt: skip


def canonical(text: str) -> str:
    """A text as the loader hands it over: cleaned, trimmed."""
    return clean_text(text).strip()


texts = (
    st.lists(
        st.one_of(
            st.sampled_from(TRICKY),
            st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), max_size=8),
        ),
        min_size=1,
        max_size=6,
    )
    .map(lambda parts: canonical("".join(parts)))
    .filter(bool)
)
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,20}", fullmatch=True)
numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def gift_questions(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(["single", "multiple", "true_false", "numeric", "text", "categorize"])
    )
    fields: dict[str, Any] = {
        "type": kind,
        "skill": draw(st.sampled_from(["comprehension", "sourcing", "language"])),
        "prompt": draw(texts),
        "explanation": draw(texts),
        "evidence": draw(texts),
    }
    if kind in ("single", "multiple"):
        count = draw(st.integers(2, 5))
        right = draw(
            st.sets(
                st.integers(0, count - 1), min_size=1, max_size=1 if kind == "single" else count
            )
        )
        fields["choices"] = [
            {
                "text": draw(texts),
                "correct": index in right,
                **({"feedback": draw(texts)} if draw(st.booleans()) else {}),
            }
            for index in range(count)
        ]
    elif kind == "true_false":
        fields["answer"] = draw(st.booleans())
    elif kind == "numeric":
        fields["answer"] = draw(numbers)
        fields["tolerance"] = abs(draw(numbers))
        if draw(st.booleans()):
            fields["unit"] = draw(texts)
    elif kind == "categorize":
        categories = draw(st.lists(texts, min_size=2, max_size=4, unique=True))
        fields["categories"] = categories
        fields["items"] = [
            {"text": text, "category": draw(st.sampled_from(categories))}
            for text in draw(st.lists(texts, min_size=2, max_size=4, unique=True))
        ]
    else:
        fields["answer"] = draw(st.lists(texts, min_size=1, max_size=3))
        fields["case_sensitive"] = draw(st.booleans())
        fields["accent_sensitive"] = draw(st.booleans())
    if draw(st.booleans()):
        fields["points"] = draw(st.integers(1, 100_000))
        fields["time_limit"] = draw(st.integers(5, 3600))
        fields["difficulty"] = draw(st.sampled_from(["easy", "medium", "hard"]))
    return fields


@st.composite
def gift_sets(draw: st.DrawFn) -> QuestionSet:
    questions = draw(st.lists(gift_questions(), min_size=1, max_size=4))
    for question, question_id in zip(
        questions,
        draw(st.lists(ids, min_size=len(questions), max_size=len(questions), unique=True)),
        strict=True,
    ):
        question["id"] = question_id
    try:
        parsed = [QUESTION.validate_python(q) for q in questions]
    except ValidationError:
        assume(False)
    assume(not list(check_questions(list(enumerate(parsed)))))
    return QuestionSet.model_validate(
        {
            "id": draw(ids),
            "title": draw(texts),
            "language": draw(st.sampled_from(["fr", "en"])),
            "article": {"headline": draw(texts), "agency": draw(texts)},
            "questions": questions,
        }
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(gift_sets())
def test_gift_round_trip_keeps_every_question(question_set: QuestionSet) -> None:
    # What GIFT cannot write faithfully: '->' in a short answer (read as a matching pair) or in a
    # sorting question's item (read as its end), and a matching question of fewer than 3 pairs.
    unwritable = {
        q.id
        for q in question_set.questions
        if (q.type == "text" and any("->" in a for a in q.answer))
        or (q.type == "categorize" and any("->" in item.text for item in q.items))
        or (q.type == "categorize" and len(q.items) + len(q.categories) - len(set(q.key)) < 3)
    }
    if len(unwritable) == len(question_set.questions):
        with pytest.raises(InteropError, match="no question of this set can be written"):
            export_set(question_set, "gift")
        return
    exported = export_set(question_set, "gift")
    left_out = {d.message.split("'")[1] for d in exported.diagnostics if "is left out" in d.message}
    assert left_out == unwritable
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "set.gift"
        source.write_bytes(exported.data)
        back = import_file(source, Path(folder) / "back.yaml").question_set
    kept = [q for q in question_set.questions if q.id not in left_out]
    assert [q.model_dump() for q in back.questions] == [q.model_dump() for q in kept]
    assert back.model_dump(exclude={"questions"}) == question_set.model_dump(exclude={"questions"})
