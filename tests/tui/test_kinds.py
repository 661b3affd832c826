"""The registry of question types' interfaces: every type has one, and the screens ask it rather
than branching on the question's class or type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import quiz.tui.screens
from quiz.core.models import QUESTION_TYPES
from quiz.tui.i18n import Strings
from quiz.tui.kinds import KINDS, kind_for

LADDER = re.compile(r"isinstance\(.*Question|type ==|type in \(")
"""What a branch on the question's type looks like (the issue's own count)."""


def test_every_question_type_has_an_interface() -> None:
    assert set(KINDS) == set(QUESTION_TYPES)
    for question_type in QUESTION_TYPES:
        assert kind_for(question_type) is KINDS[question_type]


def test_a_type_without_an_interface_is_named_in_the_error() -> None:
    with pytest.raises(LookupError, match="'sorting_hat'"):
        kind_for("sorting_hat")


def test_the_screens_ask_the_registry_and_never_branch_on_the_type() -> None:
    screens = Path(next(iter(quiz.tui.screens.__path__)))
    branches = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(screens.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if LADDER.search(line)
    ]
    assert branches == []


def test_the_review_preview_shows_a_sorting_questions_key_even_when_it_is_broken() -> None:
    """`quiz review` draws the key from the draft's plain data: each statement's category, and
    whatever is there when the data is not a valid question (a teacher is fixing it)."""
    preview = kind_for("categorize").preview_key
    data = {
        "categories": ["Fact", "Opinion"],
        "items": [
            {"text": "The minister met his counterpart.", "category": "Fact"},
            {"text": "A good start.", "category": "Opinion"},
        ],
    }
    text = "\n".join(part.plain for part in preview(Strings("en"), data))
    assert "Categories\n  Fact · Opinion" in text
    assert "• The minister met his counterpart.\n    → Fact" in text
    assert "• A good start.\n    → Opinion" in text
    broken = {"categories": "Fact", "items": [{"text": "Only this"}, "a bare string"]}
    text = "\n".join(part.plain for part in preview(Strings("fr"), broken))
    assert "Catégories\n  Fact" in text
    assert "• Only this\n    → " in text
