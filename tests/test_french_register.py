"""One register per language: in French, everything the game says to a student says « tu ».

The interface has always said « tu » (« Écris ton nom »); a question set that says « Sélectionnez »
or « vous » next to it reads as two voices. Quotes of the article (between « », and evidence) keep
the article's own words: a sponsored link that says « trouvez » is the page speaking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.core.loader import load_question_set
from quiz.core.models import (
    HighlightQuestion,
    MultipleChoiceQuestion,
    OrderingQuestion,
    QuestionSet,
    SingleChoiceQuestion,
)
from quiz.generate.languages import profile
from quiz.tui.i18n import catalogue

BUNDLED = Path(__file__).resolve().parent.parent / "questions"
FRENCH_SETS = sorted(BUNDLED.glob("*.fr.yaml"))

# « vous », « votre », « vos », and the verbs of « vous » (« Tapez », « lisez »); words that merely
# end in -ez are not verbs of « vous ».
_VOUS = re.compile(r"\b(vous|votre|vos|\w{2,}ez)\b", re.IGNORECASE)
_NOT_VOUS = {"chez", "assez", "nez", "rez"}
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")


def vous_words(text: str) -> list[str]:
    """The words of `text`, outside quotes, that address the reader as « vous »."""
    unquoted = _QUOTED.sub(" ", text)
    return [m for m in _VOUS.findall(unquoted) if m.casefold() not in _NOT_VOUS]


def test_the_detector_finds_vous_and_ignores_quotes() -> None:
    assert vous_words("Sélectionnez le mot. Ce que vous lisez.") == [
        "Sélectionnez",
        "vous",
        "lisez",
    ]
    assert vous_words("Sélectionne le mot, chez toi, assez vite.") == []
    assert vous_words("« Contenu sponsorisé : trouvez la mutuelle »") == []


def student_texts(question_set: QuestionSet) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a student reads that the teacher wrote (not the article's)."""
    if question_set.description:
        yield "description", question_set.description
    for question in question_set.questions:
        yield f"{question.id}.prompt", question.prompt
        yield f"{question.id}.explanation", question.explanation
        if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
            for number, choice in enumerate(question.choices, start=1):
                yield f"{question.id}.choice{number}", choice.text
                if choice.feedback:
                    yield f"{question.id}.choice{number}.feedback", choice.feedback
        elif isinstance(question, OrderingQuestion):
            for number, item in enumerate(question.items, start=1):
                yield f"{question.id}.item{number}", item
        elif isinstance(question, HighlightQuestion):
            pass  # `text` is a passage of the article, in its own words


def test_there_are_french_sets_to_check() -> None:
    assert len(FRENCH_SETS) >= 2


@pytest.mark.parametrize("path", FRENCH_SETS, ids=lambda p: p.name)
def test_a_french_set_says_tu_to_the_student(path: Path) -> None:
    question_set = load_question_set(path)
    found = {where: vous_words(text) for where, text in student_texts(question_set)}
    assert {where: words for where, words in found.items() if words} == {}


def test_the_french_interface_says_tu() -> None:
    found = {key: vous_words(text) for key, text in catalogue("fr").items()}
    assert {key: words for key, words in found.items() if words} == {}


def test_the_generators_french_questions_say_tu() -> None:
    found = {key: vous_words(text) for key, text in profile("fr").texts.items()}
    assert {key: words for key, words in found.items() if words} == {}
