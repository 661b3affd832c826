"""What the review form edits of a question, and how its fields turn back into the question's data.

The form works on plain data (the question as read from the YAML), never on validated models: a
draft being fixed is often invalid for a while, and the loader, run on the whole text, is what
says so (`quiz.review.session`). Values a teacher did not change keep their exact data, so the
file keeps its exact text there; a number field that does not parse keeps the typed text, so the
loader's own message explains it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from quiz.core.text import normalise_answer

QUESTION_KEY_ORDER: tuple[str, ...] = (
    "id",
    "type",
    "skill",
    "difficulty",
    "time_limit",
    "points",
    "prompt",
    "text",
    "choices",
    "items",
    "answer",
    "tolerance",
    "unit",
    "case_sensitive",
    "accent_sensitive",
    "explanation",
    "evidence",
    "draft",
)
"""Where a key the form adds goes, among those a question already has (the README's order)."""

CHOICE_TYPES = ("single", "multiple")
LIST_ANSWER_TYPES = ("text", "highlight")
"""Types whose accepted answers (or words to pick) the form edits one per line."""


@dataclass(frozen=True)
class ChoiceRow:
    text: str
    right: bool


@dataclass(frozen=True)
class FormValues:
    """Every field of the form; a question type uses the fields that concern it."""

    prompt: str = ""
    skill: str = ""
    difficulty: str = ""
    explanation: str = ""
    evidence: str = ""
    choices: tuple[ChoiceRow, ...] = ()
    truth: bool | None = None
    number: str = ""
    tolerance: str = ""
    unit: str = ""
    answers: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    passage: str = ""
    """A highlight question's `text:`, where the student picks words."""

    def with_choice(
        self, index: int, *, text: str | None = None, right: bool | None = None
    ) -> FormValues:
        rows = list(self.choices)
        while len(rows) <= index:
            rows.append(ChoiceRow("", False))
        row = rows[index]
        rows[index] = ChoiceRow(
            row.text if text is None else text, row.right if right is None else right
        )
        return replace(self, choices=tuple(rows))


def shown(value: Any) -> str:
    """A value as a form field shows it (nothing for a missing one)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def choice_text(entry: Any) -> str:
    """The text of a choice written as plain text or as a mapping with `text:`."""
    return shown(entry.get("text")) if isinstance(entry, dict) else shown(entry)


def as_texts(value: Any) -> list[str]:
    """A plain value that should be a list of texts (a draft's `items:`, `answer:`), as texts."""
    if isinstance(value, list):
        return [shown(v) for v in value]
    return [] if value is None else [shown(value)]


def right_choices(question: dict[str, Any]) -> set[int]:
    """The indices of the right choices, as the loader finds them: `correct: true` or `answer:`."""
    entries = question.get("choices")
    if not isinstance(entries, list):
        return set()
    wanted = {normalise_answer(a) for a in as_texts(question.get("answer"))}
    return {
        i
        for i, entry in enumerate(entries)
        if (isinstance(entry, dict) and entry.get("correct") is True)
        or normalise_answer(choice_text(entry)) in wanted
    }


_TRUTH = {"true": True, "vrai": True, "false": False, "faux": False}


def truth_of(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return _TRUTH.get(str(value).strip().casefold()) if value is not None else None


def values_of(question: dict[str, Any]) -> FormValues:
    """The form's fields filled from a question's data."""
    kind = question.get("type")
    choices: tuple[ChoiceRow, ...] = ()
    if kind in CHOICE_TYPES and isinstance(question.get("choices"), list):
        right = right_choices(question)
        choices = tuple(
            ChoiceRow(choice_text(entry), i in right) for i, entry in enumerate(question["choices"])
        )
    return FormValues(
        prompt=shown(question.get("prompt")),
        skill=shown(question.get("skill")),
        difficulty=shown(question.get("difficulty")),
        explanation=shown(question.get("explanation")),
        evidence=shown(question.get("evidence")),
        choices=choices,
        truth=truth_of(question.get("answer")) if kind == "true_false" else None,
        number=shown(question.get("answer")) if kind == "numeric" else "",
        tolerance=shown(question.get("tolerance")) if kind == "numeric" else "",
        unit=shown(question.get("unit")) if kind == "numeric" else "",
        answers=tuple(as_texts(question.get("answer"))) if kind in LIST_ANSWER_TYPES else (),
        items=tuple(as_texts(question.get("items"))) if kind == "order" else (),
        passage=shown(question.get("text")) if kind == "highlight" else "",
    )


def apply_values(question: dict[str, Any], values: FormValues) -> dict[str, Any]:
    """The question's data with the form's fields written in; what did not change stays as it was.

    Texts are set even when emptied (the loader then says "this text is empty" under the field);
    optional fields left empty (difficulty, tolerance, unit) are removed.
    """
    before = values_of(question)
    data = dict(question)
    kind = question.get("type")
    for name in ("prompt", "explanation", "evidence", "skill"):
        if getattr(values, name) != getattr(before, name):
            data[name] = getattr(values, name)
    if values.difficulty != before.difficulty:
        _set_optional(data, "difficulty", values.difficulty)
    if kind in CHOICE_TYPES and values.choices != before.choices:
        _apply_choices(data, values.choices)
    elif kind == "true_false" and values.truth != before.truth and values.truth is not None:
        data["answer"] = values.truth
    elif kind == "numeric":
        if values.number != before.number:
            data["answer"] = _number(values.number)
        if values.tolerance != before.tolerance:
            _set_optional(data, "tolerance", values.tolerance and _number(values.tolerance))
        if values.unit != before.unit:
            _set_optional(data, "unit", values.unit)
    elif kind in LIST_ANSWER_TYPES and values.answers != before.answers:
        data["answer"] = _list_like(
            question.get("answer"), [a for a in values.answers if a.strip()]
        )
    elif kind == "order" and values.items != before.items:
        data["items"] = [item for item in values.items if item.strip()]
    if kind == "highlight" and values.passage != before.passage:
        data["text"] = values.passage
    return data


def _set_optional(data: dict[str, Any], key: str, value: Any) -> None:
    if value == "" or value is None:
        data.pop(key, None)
    else:
        data[key] = value


def _number(text: str) -> Any:
    """A typed number as a number when every language reads it alike ("4", "2.5"); anything else
    ("3,5", "2,300") stays text, which the loader reads as the set's language writes numbers."""
    from quiz.core.numbers import parse_number

    try:
        value = parse_number(text, None)
    except ValueError:
        return text
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _list_like(original: Any, texts: list[str]) -> Any:
    """One answer stays written as plain text when it was; several are a list."""
    if len(texts) == 1 and not isinstance(original, list):
        return texts[0]
    return texts


def _apply_choices(data: dict[str, Any], rows: tuple[ChoiceRow, ...]) -> None:
    """Choices and which are right, marked the way the question already marks them: with
    `answer:` (the generator's way), or with `correct: true` on each right choice."""
    entries = data.get("choices") if isinstance(data.get("choices"), list) else []
    assert isinstance(entries, list)
    flags = "answer" not in data and any(isinstance(e, dict) and "correct" in e for e in entries)
    new_entries: list[Any] = []
    right_texts: list[str] = []
    for index, row in enumerate(rows):
        if not row.text.strip():
            continue  # an emptied row removes the choice
        original = entries[index] if index < len(entries) else None
        entry: Any
        if isinstance(original, dict):
            entry = dict(original)
            if choice_text(original) != row.text:
                entry["text"] = row.text
            if flags or "correct" in entry:
                _set_flag(entry, row.right)
        else:
            entry = original if original is not None and shown(original) == row.text else row.text
            if flags and row.right:
                entry = {"text": entry, "correct": True}
        new_entries.append(entry)
        if row.right:
            right_texts.append(row.text)
    data["choices"] = new_entries
    if not flags:
        if data.get("type") == "single":  # the form ticks one; none leaves the loader to say so
            _set_optional(data, "answer", right_texts[0] if right_texts else None)
        else:
            data["answer"] = _list_like(data.get("answer"), right_texts) if right_texts else []


def _set_flag(entry: dict[str, Any], right: bool) -> None:
    if right:
        entry["correct"] = True
    else:
        entry.pop("correct", None)


@dataclass
class FieldProblems:
    """The loader's messages about one question, by form field (`general` for the rest)."""

    by_field: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, []).append(message)


FIELD_OF_KEY = {
    "prompt": "prompt",
    "skill": "skill",
    "difficulty": "difficulty",
    "explanation": "explanation",
    "evidence": "evidence",
    "choices": "choices",
    "items": "items",
    "tolerance": "tolerance",
    "unit": "unit",
    "text": "passage",
}
"""Which form field shows a message located at a key of the question (`answer` depends on the
type: see `field_of`)."""


def field_of(kind: Any, key: str | None) -> str:
    if key == "answer":
        return {
            "single": "choices",
            "multiple": "choices",
            "true_false": "truth",
            "numeric": "number",
        }.get(str(kind), "answers")
    return FIELD_OF_KEY.get(key or "", "general")
