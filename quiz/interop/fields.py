"""Small helpers shared by the formats: question-set fields from parts, and what a set loses.

Readers build the fields a teacher would write in YAML; writers ask which of a question's details
a format has no place for, so that each loss is reported by the question it belongs to.
"""

from __future__ import annotations

from typing import Any

from quiz.core.kinds import kind_of
from quiz.core.models import QuestionBase, TextQuestion
from quiz.core.text import clean_text, strip_accents


def clean(text: str) -> str:
    """A text from a foreign file, at the boundary: control characters out, outer spaces trimmed."""
    return clean_text(text).strip()


def choice(text: str, *, correct: bool = False, feedback: str | None = None) -> Any:
    """A choice as a teacher writes it: plain text unless it carries a flag or feedback."""
    if not correct and not feedback:
        return text
    entry: dict[str, Any] = {"text": text}
    if correct:
        entry["correct"] = True
    if feedback:
        entry["feedback"] = feedback
    return entry


def has_choice_feedback(question: QuestionBase) -> bool:
    """Whether any of the question's choices has feedback (the registry knows which types have
    choices)."""
    return any(c.feedback for c in kind_of(question).choices(question))


def number_text(value: float) -> str:
    """A number as its shortest exact text: 4, not 4.0; 0.1, not 0.1000000000000000055."""
    return str(plain_number(value))


def plain_number(value: float) -> int | float:
    """A whole number as an int (written 4 in YAML, not 4.0), any other as it is."""
    value = float(value)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def details_without_place(question: QuestionBase, held: frozenset[str]) -> list[str]:
    """The details this question has that a format cannot hold (`held`: the ones it can)."""
    lost = []
    # Type-specific settings, read from the fields that hold a value other than their default,
    # so that no type needs naming here.
    settings = question.model_dump(exclude_none=True, exclude_defaults=True)
    checks = {
        "id": True,
        "skill": True,
        "explanation": True,
        "evidence": True,
        "choice feedback": has_choice_feedback(question),
        "points": question.points is not None,
        "difficulty": question.difficulty is not None,
        "time limit": question.time_limit is not None,
        "draft mark": question.draft is not None,
        "unit": "unit" in settings,
        "case sensitivity": settings.get("case_sensitive") is True,
        "accent sensitivity": settings.get("accent_sensitive") is True,
    }
    for name, present in checks.items():
        if present and name not in held:
            lost.append(name)
    return lost


def category_title(category: str) -> str:
    """The last part of a Moodle category path ("$course$/top/Media" → "Media"; "//" is a "/")."""
    parts = category.replace("//", "\0").split("/")
    return clean(parts[-1].replace("\0", "/"))


def join_words(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


class NotHeld(Exception):
    """A valid question of the foreign format that quiz cannot hold: left out, with this reason."""


def choice_fields(
    entries: list[tuple[str, float, str | None]], single: bool, notes: list[str]
) -> dict[str, Any]:
    """Choices with Moodle fractions as quiz's single or multiple choice, noting what differs."""
    if single:
        full = [text for text, value, _ in entries if value >= 0.9999]
        if len(full) > 1:
            raise NotHeld(
                f"{len(full)} answers give full credit ({join_words([repr(t) for t in full])}): "
                "quiz's one-answer question has one right answer"
            )
        for text, value, _ in entries:
            if 0 < value < 0.9999:
                notes.append(f"partial credit ({value:.0%}) for {text!r}: it counts as wrong")
            elif value < 0:
                notes.append(f"a penalty ({value:.0%}) for {text!r}: quiz takes no points away")
        choices = [choice(t, correct=v >= 0.9999, feedback=f) for t, v, f in entries]
        return {"type": "single", "choices": choices}
    right = [value for _, value, _ in entries if value > 0]
    if not right:
        raise NotHeld("no answer gives any credit")
    share = 1 / len(right)
    if any(abs(v - share) > 0.005 for v in right) or any(
        v <= 0 and abs(v + share) > 0.005 for _, v, _ in entries
    ):
        weights = ", ".join(f"{v:+.0%}" for _, v, _ in entries)
        notes.append(
            f"the answers' weights ({weights}) are not quiz's: quiz scores a multiple choice as "
            "(right boxes − wrong boxes) / right boxes"
        )
    choices = [choice(t, correct=v > 0, feedback=f) for t, v, f in entries]
    return {"type": "multiple", "choices": choices}


def accent_loss(question: TextQuestion) -> list[str]:
    """Moodle compares short answers accents included; quiz forgives them unless told not to."""
    if question.accent_sensitive or all(strip_accents(a) == a for a in question.answer):
        return []
    return ["Moodle will require the accents that quiz forgives in the accepted answers"]
