"""Every bundled set → each format → back, compared question by question.

What a format cannot hold must be listed for that question (at its line in the set's file); the
rest must come back equal. Real files on disk, the real loader, and `quiz check`'s own checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quiz.core.loader import check_paths, load_question_set
from quiz.core.models import QuestionSet, TrueFalseQuestion
from quiz.interop import FORMATS, export_set, import_file
from quiz.interop.kahoot import TIME_LIMITS
from quiz.paths import bundled_questions_dir

BUNDLED = sorted(bundled_questions_dir().glob("*.yaml"))

# The details each format has no place for (GIFT and Moodle XML keep quiz's own in comments), and
# the words its report uses for them.
LOST: dict[str, dict[str, str]] = {
    "gift": {},
    "moodle-xml": {},
    "aiken": {
        "id": "id",
        "skill": "skill",
        "explanation": "explanation",
        "evidence": "evidence",
        "feedback": "choice feedback",
        "points": "points",
        "difficulty": "difficulty",
        "time_limit": "time limit",
        "draft": "draft mark",
    },
    "kahoot-xlsx": {
        "id": "id",
        "skill": "skill",
        "explanation": "explanation",
        "evidence": "evidence",
        "feedback": "choice feedback",
        "points": "points",
        "difficulty": "difficulty",
        "draft": "draft mark",
    },
}
TRUE_FALSE_WORDS = {"fr": ("Vrai", "Faux"), "en": ("True", "False")}


def comparable(question: Any, question_set: QuestionSet, format_name: str) -> dict[str, Any]:
    """The question's fields as the format should bring them back."""
    data = question.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["type"] = question.type
    if format_name in ("aiken", "kahoot-xlsx") and isinstance(question, TrueFalseQuestion):
        true, false = TRUE_FALSE_WORDS[question_set.language]
        data["type"] = "single"
        data["choices"] = [
            {"text": true, "correct": question.answer},
            {"text": false, "correct": not question.answer},
        ]
        del data["answer"]
    if "choices" in data:
        right = getattr(question, "correct_choices", None)
        choices = []
        for index, entry in enumerate(data["choices"]):
            correct = entry.get("correct", False) if right is None else index in right
            choices.append(
                {"text": entry["text"], "correct": correct, "feedback": entry.get("feedback")}
            )
        data["choices"] = choices
        data.pop("answer", None)  # the key is in `correct`, however the teacher marked it
    if format_name == "kahoot-xlsx":
        limit = question_set.time_limit_for(question)
        data["time_limit"] = next((t for t in TIME_LIMITS if limit and t >= limit), 240)
    for key in LOST[format_name]:
        if key == "feedback" and "choices" in data:
            for entry in data["choices"]:
                entry["feedback"] = None
        else:
            data.pop(key, None)
    return data


def exported_ids(question_set: QuestionSet, diagnostics: list[Any]) -> list[str]:
    left_out = {d.message.split("'")[1] for d in diagnostics if "is left out" in d.message}
    return [q.id for q in question_set.questions if q.id not in left_out]


@pytest.mark.parametrize("format_name", list(FORMATS))
@pytest.mark.parametrize("set_file", BUNDLED, ids=lambda p: p.stem)
def test_bundled_set_round_trip(set_file: Path, format_name: str, tmp_path: Path) -> None:
    original = load_question_set(set_file)
    exported = export_set(original, format_name)
    target = tmp_path / f"exported{FORMATS[format_name].suffix}"
    target.write_bytes(exported.data)
    result = import_file(
        target, tmp_path / "back.yaml", format_name=format_name, language=original.language
    )
    (tmp_path / "back.yaml").write_text(result.yaml_text, encoding="utf-8")

    # The file written passes `quiz check` (a warning for unchecked evidence at most).
    report = check_paths([tmp_path / "back.yaml"])
    assert not report.errors, report.errors

    ids = exported_ids(original, exported.diagnostics)
    assert exported.exported == len(ids) == len(result.question_set.questions) > 0
    by_id = {q.id: q for q in original.questions}
    messages = {d.message.split("'")[1]: d for d in exported.diagnostics}
    for question_id, back in zip(ids, result.question_set.questions, strict=True):
        question = by_id[question_id]
        expected = comparable(question, original, format_name)
        assert comparable(back, result.question_set, format_name) == expected, question_id
        # Every detail lost is named in the question's line of the report, located in the set.
        present = question.model_dump(exclude_none=True, exclude_defaults=True)
        has_feedback = any(c.get("feedback") for c in present.get("choices", []))
        for key, word in LOST[format_name].items():
            if key in present or (key == "feedback" and has_feedback):
                diagnostic = messages[question_id]
                assert word in diagnostic.message, (question_id, word)
                assert diagnostic.path == str(set_file)
                assert diagnostic.line > 1
        # What the file could not give is a marked draft, never invented.
        if "explanation" in LOST[format_name]:
            assert back.draft is not None
            assert back.draft.confidence == 0
            assert back.explanation.startswith(("DRAFT", "BROUILLON"))
            assert back.evidence.startswith(("DRAFT", "BROUILLON"))
        else:
            assert back.explanation == question.explanation
            assert back.evidence == question.evidence

    # Each question left out is named with the reason.
    for question in original.questions:
        if question.id not in ids:
            assert f"question '{question.id}' is left out: " in messages[question.id].message


@pytest.mark.parametrize("format_name", ["gift", "moodle-xml"])
@pytest.mark.parametrize("set_file", BUNDLED, ids=lambda p: p.stem)
def test_comment_formats_keep_the_whole_question_and_set(
    set_file: Path, format_name: str, tmp_path: Path
) -> None:
    """Through GIFT or Moodle XML, every question that goes out comes back identical."""
    original = load_question_set(set_file)
    target = tmp_path / f"set{FORMATS[format_name].suffix}"
    target.write_bytes(export_set(original, format_name).data)
    back = import_file(target, tmp_path / "back.yaml").question_set
    by_id = {q.id: q for q in original.questions}
    for question in back.questions:
        assert question == by_id[question.id]
    assert back.title == original.title
    assert back.language == original.language
    assert back.defaults == original.defaults
    assert back.article.model_dump(exclude={"text_file"}) == original.article.model_dump(
        exclude={"text_file"}
    )
