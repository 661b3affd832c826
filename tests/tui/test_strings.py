"""The interface catalogues: same keys and placeholders in every language; locale detection."""

from __future__ import annotations

import string
from datetime import date

import pytest

from quiz.core.skills import Skill
from quiz.tui.i18n import LANGUAGES, Strings, catalogue, detect_language


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_catalogue_has_the_same_keys_and_placeholders() -> None:
    english = catalogue("en")
    for code in LANGUAGES:
        strings = catalogue(code)
        assert strings.keys() == english.keys(), code
        for key, text in strings.items():
            assert placeholders(text) == placeholders(english[key]), (code, key)
            assert text.strip(), (code, key)


def test_every_skill_has_a_short_label_in_every_language() -> None:
    for code in LANGUAGES:
        strings = Strings(code)
        labels = [strings.skill(skill) for skill in Skill]
        assert len(set(labels)) == len(labels)
        assert all(len(label) <= 24 for label in labels)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_BE", "LANG": "de_DE.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8", "LANGUAGE": "fr"}, "fr"),
        ({}, "en"),
    ],
)
def test_the_locale_picks_the_interface_language(environ: dict[str, str], expected: str) -> None:
    assert detect_language(environ) == expected


def test_counts_dates_and_numbers_follow_the_language() -> None:
    fr, en = Strings("fr"), Strings("en")
    assert fr.count("home.questions", 1) == "1 question"
    assert fr.count("home.questions", 0) == "0 question"
    assert en.count("home.questions", 0) == "0 questions"
    assert fr.date(date(2013, 11, 2)) == "2 nov. 2013"
    assert en.date(date(2013, 11, 2)) == "2 Nov 2013"
    assert fr.number(42.5, 1) == "42,5"
    assert en.duration(65) == "1 min 05 s"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no interface language 'de'"):
        Strings("de")
