"""Stage 4 and 5 in isolation: templates, choices, and how candidates are ranked."""

from __future__ import annotations

from datetime import date

from quiz.core.skills import Skill
from quiz.generate.questions import Candidate, format_date, pick_choices
from quiz.generate.rank import select


def test_choices_drop_duplicates_of_the_key_once_normalised() -> None:
    choices = pick_choices("Les îles Kouriles", ["les iles kouriles.", "Pékin", "PÉKIN", "Moscou"])
    assert choices is not None
    assert sorted(choices) == ["Les îles Kouriles", "Moscou", "Pékin"]
    assert pick_choices("Tokyo", ["tokyo"]) is None  # no false choice left: no question


def test_choices_are_stable_and_the_key_is_not_always_first() -> None:
    keys = [f"Réponse {n}" for n in range(12)]
    positions = {(pick_choices(k, ["A", "B", "C"]) or []).index(k) for k in keys}
    assert len(positions) > 1
    assert pick_choices("Tokyo", ["Moscou", "Pékin"]) == pick_choices("Tokyo", ["Moscou", "Pékin"])


def test_dates_are_written_as_each_language_writes_them() -> None:
    assert format_date(date(2013, 11, 1), "fr") == "vendredi 1er novembre 2013"
    assert format_date(date(2021, 3, 2), "en") == "Tuesday 2 March 2021"


def _candidate(kind: str, skill: Skill, confidence: float, subject: str = "") -> Candidate:
    return Candidate(kind, skill, confidence, "passage", {"prompt": f"{kind} {subject}"}, subject)


def test_ranking_covers_skills_first_then_confidence_with_caps() -> None:
    pool = [
        _candidate("role", Skill.COMPREHENSION, 0.9, "a"),
        _candidate("role", Skill.COMPREHENSION, 0.9, "b"),
        _candidate("role", Skill.COMPREHENSION, 0.9, "c"),
        _candidate("role", Skill.COMPREHENSION, 0.9, "d"),
        _candidate("role", Skill.COMPREHENSION, 0.9, "e"),
        _candidate("speaker", Skill.ATTRIBUTION, 0.5, "x"),
        _candidate("pool", Skill.SOURCING, 0.4),
        _candidate("pool", Skill.SOURCING, 0.3),  # same kind and subject: a duplicate
    ]
    chosen = select(pool, limit=6)
    kinds = [c.kind for c in chosen]
    assert kinds.count("role") == 4  # capped
    assert "speaker" in kinds  # every skill present before more roles
    assert "pool" in kinds
    assert [c.confidence for c in chosen if c.kind == "pool"] == [0.4]
    # Written in skill order: comprehension, sourcing, attribution.
    assert kinds == ["role", "role", "role", "role", "pool", "speaker"]
    # Fewer places than skills: the rarest skills first (a sentence that alone gives a rare skill
    # is not spent on a common one), then written in skill order.
    assert select(pool, limit=2) == [pool[6], pool[5]]
