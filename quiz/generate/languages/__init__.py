"""The languages the generator writes, one module each, behind one registry.

`profile(code)` gives a language's `LanguageProfile`; the generator's stages receive it and never
ask which language it is. Adding a language is one module here (see `fr.py`), its line in
`PROFILES`, and its tests.
"""

from __future__ import annotations

from quiz.generate.languages import en, fr
from quiz.generate.languages.base import CountryNames, LanguageProfile, Widget

PROFILES: dict[str, LanguageProfile] = {p.code: p for p in (fr.PROFILE, en.PROFILE)}
"""Every language, in the order distractor lists and ties prefer them."""


class UnknownLanguage(ValueError):
    """No profile for this language code."""


def profile(code: str) -> LanguageProfile:
    try:
        return PROFILES[code]
    except KeyError:
        raise UnknownLanguage(
            f"unknown language '{code}': use {', '.join(['auto', *PROFILES])}"
        ) from None


__all__ = ["PROFILES", "CountryNames", "LanguageProfile", "UnknownLanguage", "Widget", "profile"]
