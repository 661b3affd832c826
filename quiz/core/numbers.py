"""Numbers as people write them in the set's language: the one reader of typed answers and of
numbers written as text in a set's YAML (`answer: 2,300`), and the one writer of numbers shown.

The rule, for every set (the README's teacher's guide says the same):

- a point is always a decimal point: `3.5`;
- spaces group thousands in every language — plain, no-break and narrow no-break spaces alike —
  and so do apostrophes (`1'000`, as in Switzerland) and underscores (`1_000`, as YAML and
  Python write them): `2 300`;
- a comma is the decimal separator in the languages that write decimals with one (French,
  Spanish, German, Italian, Portuguese, Dutch): `3,5`; elsewhere (English…) it groups thousands:
  `2,300`, `2,300.5`;
- a thousands separator must be followed by exactly three digits each time, and one number uses
  one kind of separator. A form the rule cannot read for sure is refused with the forms the
  language accepts, never guessed: in an English set `3,5` is neither 35 nor 3.5.

Without a known language only the forms every language reads alike are taken (`2 300`, `3.5`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from quiz.core.text import clean_text

MAX_NUMBER_CHARACTERS = 100
"""Longer text is refused before it is read: no answer or key needs more."""


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers: its decimal and thousands separators, and an example of
    each form for messages."""

    decimal: str
    """The characters read as a decimal separator."""
    groups: str
    """The characters read as a thousands separator (after spaces are made plain)."""
    thousands_example: str
    decimal_example: str
    forms: str
    """The accepted forms in words, for a teacher's hint."""


_DECIMAL_COMMA_LANGUAGES = frozenset({"fr", "es", "de", "it", "pt", "nl"})

DECIMAL_COMMA = NumberStyle(
    decimal=",.",
    groups=" '_",
    thousands_example="2 300",
    decimal_example="3,5",
    forms="thousands grouped with a space (2 300) and decimals after a comma or a point "
    "(3,5 or 3.5)",
)
DECIMAL_POINT = NumberStyle(
    decimal=".",
    groups=" ,'_",
    thousands_example="2,300",
    decimal_example="3.5",
    forms="thousands grouped with a comma or a space (2,300 or 2 300) and decimals after a "
    "point (3.5, 2,300.5)",
)
NEUTRAL = NumberStyle(
    decimal=".",
    groups=" '_",
    thousands_example="2 300",
    decimal_example="3.5",
    forms="thousands grouped with a space (2 300) and decimals after a point (3.5)",
)


def base_language(language: str) -> str:
    """`fr` for `fr-CA`: the part of a language code that decides how numbers are written."""
    return language.split("-", 1)[0].lower()


def number_style(language: str | None) -> NumberStyle:
    """How numbers are written in `language`; `NEUTRAL` when the language is not known."""
    if language is None:
        return NEUTRAL
    code = base_language(language)
    return DECIMAL_COMMA if code in _DECIMAL_COMMA_LANGUAGES else DECIMAL_POINT


def format_number(value: float, language: str = "en") -> str:
    """A number as a reader expects it: no useless ".0", a decimal comma in French."""
    if value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = repr(value)
    if number_style(language) is DECIMAL_COMMA:
        text = text.replace(".", ",")
    return text


# Every Unicode space a keyboard, a word processor or a copied page may put between digit groups.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _pattern(style: NumberStyle) -> re.Pattern[str]:
    """sign, whole part (plain, or in groups of three), decimal part, exponent."""
    groups, decimal = re.escape(style.groups), re.escape(style.decimal)
    return re.compile(
        rf"(?P<sign>[+-]?)"
        rf"(?:(?P<whole>\d{{1,3}}(?P<sep>[{groups}])\d{{3}}(?:(?P=sep)\d{{3}})*|\d+)"
        rf"(?:[{decimal}](?P<fraction>\d*))?"
        rf"|[{decimal}](?P<bare_fraction>\d+))"
        rf"(?:[eE](?P<exponent>[+-]?\d+))?"
    )


_PATTERNS = {style: _pattern(style) for style in (DECIMAL_COMMA, DECIMAL_POINT, NEUTRAL)}


def parse_number(text: str, language: str | None) -> float:
    """Read a number written as `language` writes them (see the module's rule).

    Raises `ValueError` with a short message when the text is not a finite number in that
    language; `number_style(language).forms` says which forms are accepted.
    """
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise ValueError(f"a number of more than {MAX_NUMBER_CHARACTERS} characters")
    typed = clean_text(text).strip()
    compact = _SPACES.sub(" ", typed).replace("\u2212", "-").replace("\u2019", "'")
    found = _PATTERNS[number_style(language)].fullmatch(compact)
    if found is None:
        raise ValueError(f"'{typed}' is not a number")
    whole = (found["whole"] or "0").replace(found["sep"] or " ", "")
    fraction = found["fraction"] or found["bare_fraction"] or "0"
    value = float(f"{found['sign']}{whole}.{fraction}e{found['exponent'] or 0}")
    if not math.isfinite(value):
        raise ValueError(f"'{typed}' is too large a number")
    return value


_NOT_FINITE = frozenset({"inf", "infinity", "nan"})


def spells_non_finite(value: object) -> bool:
    """Whether `value` is, or spells, infinity or not-a-number (".inf", "-.inf", "NaN", "1e309")."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, str):
        spelt = value.strip().lstrip("+-.").casefold()
        if spelt in _NOT_FINITE:
            return True
        try:
            return not math.isfinite(float(value))
        except ValueError:
            return False
    return False
