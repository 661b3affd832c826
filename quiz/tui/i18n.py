"""Interface strings in the player's language: one catalogue per language, chosen once at start.

Only the interface is translated; questions stay in their set's language. Catalogue values are
plain text with `{name}` placeholders filled by `str.format`: the result is still plain text, and
every widget shows it literally (never as markup), so a player's name inside a sentence is safe.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING

from quiz.core.skills import Skill

if TYPE_CHECKING:
    from textual.dom import DOMNode

LANGUAGES: tuple[str, ...] = ("en", "fr")
"""Every interface language, by code: each has its catalogue module `quiz.tui.strings_<code>`."""


def catalogue(language: str) -> Mapping[str, str]:
    """The interface strings of one language (only that module is imported)."""
    if language not in LANGUAGES:
        raise ValueError(f"no interface language '{language}' (known: {', '.join(LANGUAGES)})")
    module = import_module(f"quiz.tui.strings_{language}")
    return module.CATALOGUE  # type: ignore[no-any-return]


DEFAULT_LANGUAGE = "en"

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the locale asks for (POSIX precedence), English when unknown."""
    environ = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


class Strings:
    """The interface catalogue of one language: `strings("key", name=value)` gives the text."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self._catalogue = catalogue(language)
        self.language = language

    def __call__(self, key: str, /, **values: object) -> str:
        return self._catalogue[key].format(**values)

    def __contains__(self, key: str) -> bool:
        return key in self._catalogue

    def count(self, key: str, count: int) -> str:
        """`key.one` or `key.other` with `{count}` filled (French counts 0 and 1 as singular)."""
        singular = count in (0, 1) if self.language == "fr" else count == 1
        return self(f"{key}.{'one' if singular else 'other'}", count=count)

    def skill(self, skill: Skill) -> str:
        """A skill's short label, as shown beside every question."""
        return self(f"skill.{skill.value}")

    def date(self, day: date) -> str:
        months = self("date.months").split(",")
        return self("date.format", day=day.day, month=months[day.month - 1], year=day.year)

    def number(self, value: float, digits: int = 0) -> str:
        """A number with the language's decimal separator: 12.5 or 12,5."""
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.language == "fr" else text

    def duration(self, seconds: float) -> str:
        minutes, rest = divmod(round(seconds), 60)
        return self("time.minutes", minutes=minutes, seconds=f"{rest:02d}")

    def translate_bindings(self, node: DOMNode) -> None:
        """Show `node`'s key bindings in this language.

        Bindings are declared with a catalogue key as description (`"key.help"`) because `BINDINGS`
        is fixed when the class is created, before the language is known. Each node owns a copy
        of its class's bindings, so rewriting the copy here changes nothing for other apps.
        """
        # `_bindings` is the node's own BindingsMap (Textual has no public setter for it).
        for key, bindings in node._bindings.key_to_bindings.items():
            node._bindings.key_to_bindings[key] = [
                replace(binding, description=self(binding.description))
                if binding.description in self
                else binding
                for binding in bindings
            ]
