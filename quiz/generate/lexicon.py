"""What the generator knows about the world, whatever the language: countries and news agencies.

Each country's names come from the language profiles (`quiz.generate.languages`): its name, its
demonyms, its capital (a capital often stands for its government: "Tokyo et Moscou sont convenus…")
in each language. Look-ups compare folded forms (no case, no accents): `fold`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quiz.core.text import strip_accents
from quiz.generate.languages import PROFILES, CountryNames


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case- and accent-free form used for every look-up in these lists."""
    return strip_accents(text).casefold().replace("’", "'")


_LEADING_ARTICLE = re.compile(r"^(?:le |la |les |l'|the )", re.IGNORECASE)


def without_article(name: str) -> str:
    """The name without its leading definite article: "les Kouriles" -> "Kouriles"."""
    return _LEADING_ARTICLE.sub("", name)


@dataclass(frozen=True, eq=False)
class Country:
    """One country; the list holds each once, so identity is equality."""

    key: str
    names: dict[str, CountryNames]
    """How each language writes it."""

    def name(self, language: str) -> str:
        """With its article where the language uses one ("le Japon", "Japan")."""
        return self.names[language].name

    def demonyms(self, language: str) -> tuple[str, ...]:
        return self.names[language].demonyms

    def capital(self, language: str) -> str:
        return self.names[language].capitals[0]


def _countries() -> tuple[Country, ...]:
    keys: list[str] = []
    for language in PROFILES.values():
        keys += [k for k in language.countries if k not in keys]
    return tuple(
        Country(key, {p.code: p.countries[key] for p in PROFILES.values() if key in p.countries})
        for key in keys
    )


COUNTRIES = _countries()
"""Also the source of distractor countries: the first ones are the most often in the news."""


@dataclass(frozen=True)
class _Index:
    by_name: dict[str, Country]
    by_demonym: dict[str, Country]
    by_capital: dict[str, Country]

    def find(self, key: str) -> Country | None:
        return self.by_name.get(key) or self.by_demonym.get(key) or self.by_capital.get(key)


def _index(languages: list[str]) -> _Index:
    index = _Index({}, {}, {})
    for country in COUNTRIES:
        for language in languages:
            names = country.names.get(language)
            if names is None:
                continue
            for name in (without_article(names.name), *names.aliases):
                index.by_name.setdefault(fold(name), country)
            for demonym in names.demonyms:
                index.by_demonym.setdefault(fold(demonym), country)
            for capital in names.capitals:
                index.by_capital.setdefault(fold(capital), country)
    return index


_INDEXES = {code: _index([code]) for code in PROFILES}
_ANY_LANGUAGE = _index(list(PROFILES))


def country_named(text: str, language: str | None = None) -> Country | None:
    """The country a name, demonym or capital refers to ("russes", "Pékin", "the United States"),
    in `language`, or in any language when none is given."""
    key = fold(without_article(text.strip()))
    index = _INDEXES.get(language or "", _ANY_LANGUAGE)
    return index.find(key)


def is_capital(text: str, language: str | None = None) -> bool:
    index = _INDEXES.get(language or "", _ANY_LANGUAGE)
    return fold(text.strip()) in index.by_capital


AGENCIES: dict[str, str] = {
    "AFP": "Agence France-Presse",
    "Reuters": "Reuters",
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Kyodo": "Kyodo",
    "ANSA": "ANSA",
    "DPA": "Deutsche Presse-Agentur",
    "EFE": "EFE",
    "Belga": "Belga",
    "ATS": "Agence télégraphique suisse",
    "Xinhua": "Xinhua",
    "TASS": "TASS",
    "Ria Novosti": "RIA Novosti",
    "PA": "PA Media",
    "Bloomberg": "Bloomberg",
    "Yonhap": "Yonhap",
    "Anadolu": "Anadolu",
    "Getty Images": "Getty Images",
    "EPA": "European Pressphoto Agency",
}
"""Agencies and picture agencies; the keys are how credits write them."""

DISTRACTOR_AGENCIES = ("AFP", "Reuters", "AP", "DPA", "EFE", "Kyodo")
