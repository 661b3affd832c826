"""The language registry: one profile per language, complete and consistent with the others."""

from __future__ import annotations

import string
from datetime import date

import pytest

from quiz.generate.languages import PROFILES, UnknownLanguage, profile
from quiz.generate.lexicon import country_named


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


REFERENCE = PROFILES["fr"]


@pytest.mark.parametrize("code", sorted(PROFILES))
def test_every_profile_has_every_template_with_the_same_fields(code: str) -> None:
    texts = PROFILES[code].texts
    assert set(texts) == set(REFERENCE.texts)
    for key, reference in REFERENCE.texts.items():
        assert _fields(texts[key]) == _fields(reference), key
    for widget in PROFILES[code].widgets.values():
        assert widget.meaning not in widget.distractors


@pytest.mark.parametrize("code", sorted(PROFILES))
def test_every_profile_names_every_country_and_writes_dates(code: str) -> None:
    language = PROFILES[code]
    assert set(language.countries) == set(REFERENCE.countries)
    assert len(language.weekdays) == 7
    assert len(language.months) == 12
    assert language.format_date(date(2024, 2, 6))  # a Tuesday
    for key, names in language.countries.items():
        found = country_named(names.name, code)
        assert found is not None
        assert found.key == key


def test_an_unknown_language_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownLanguage, match="use auto, fr, en"):
        profile("de")


def test_country_names_are_looked_up_in_the_article_language_first() -> None:
    # "Mexico" is the city in French and the country in English: both are Mexico's.
    mexico_fr = country_named("Mexico", "fr")
    mexico_en = country_named("Mexico", "en")
    assert mexico_fr is not None
    assert mexico_en is not None
    assert mexico_fr.key == mexico_en.key == "mx"
    assert country_named("Moscou", "en") is None  # a French name in an English article
    japan = country_named("Japon")
    assert japan is not None
    assert japan.name("en") == "Japan"
