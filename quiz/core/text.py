"""Text at the project's boundaries: sanitising user text once, and the normalisations we compare by.

Everything a person typed or a file supplied (YAML strings, article text, player names) passes
through `clean_text` or `clean_name` exactly once, where it enters the program. After that it is
plain data: the UI shows it literally and never has to think about escape codes again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# C0 controls but newline, DEL, C1 controls; bidi embeddings, overrides, isolates and marks (they can
# reorder what a reader sees); the BOM and other invisible format characters used to hide text.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# Half of a surrogate pair: what Python makes of a file name's bytes that are not UTF-8. Written
# back, it would be the raw byte again (0x9b is a terminal's CSI), or an encoding error.
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNSAFE_OR_SURROGATE = re.compile(f"{_UNSAFE.pattern}|{_SURROGATES.pattern}")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_SEPARATORS = re.compile("\r\n|[\r\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """Remove control and bidi characters; keep line breaks; tabs become spaces; half surrogate
    pairs become U+FFFD; NFC."""
    # The common case costs two C calls. Printable text must still be composed: a decomposed "é"
    # (e + U+0301) is printable, yet "président" would not be found in it.
    if text.isprintable() and unicodedata.is_normalized("NFC", text):
        return text
    text = _LINE_SEPARATORS.sub("\n", text).replace("\t", " ")
    text = _SURROGATES.sub("\ufffd", _UNSAFE.sub("", text))
    return unicodedata.normalize("NFC", text)


def escape_unsafe(text: str, escape: Callable[[str], str]) -> str:
    """`text` with every character `clean_text` removes or replaces written as `escape(character)`.

    For output that must keep each character recoverable, yet show none of them raw: JSON writes
    them as `\\u` escapes, so a file name holding an escape code is still the file's exact name.
    """
    return _UNSAFE_OR_SURROGATE.sub(lambda match: escape(match.group()), text)


def clean_name(text: str, *, max_length: int = 40) -> str:
    """A player's or class's name: one line, printable, trimmed, at most `max_length` characters."""
    single_line = clean_text(text).replace("\n", " ")
    return " ".join(single_line.split())[:max_length].strip()


def squash_spaces(text: str) -> str:
    """Collapse every run of white space (non-breaking ones included) to one plain space."""
    return " ".join(_SPACES.sub(" ", text).split())


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": '"',
        "\u203a": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)
# French typography puts a (thin, non-breaking) space inside « guillemets »; a plain "quote" has none.
# Spaces on both sides of every quote go: an opening quote has one before it and maybe one after.
_SPACE_INSIDE_QUOTES = re.compile(r'\s*"\s*')


def normalise_for_search(text: str) -> str:
    """The form in which an evidence quote is looked for in an article: spaces, quotes, dashes."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return _SPACE_INSIDE_QUOTES.sub('"', squash_spaces(text))


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_EDGE_PUNCTUATION = ".,;:!?\"'()[]«» "


def normalise_answer(
    text: str, *, case_sensitive: bool = False, accent_sensitive: bool = False
) -> str:
    """The form in which a typed answer is compared with the accepted ones.

    Case, accents, quote styles, repeated spaces and punctuation at either end are ignored by
    default: "les Kouriles." and "Les  kouriles" are the same answer.
    """
    text = normalise_for_search(text).strip(_EDGE_PUNCTUATION)
    if not accent_sensitive:
        text = strip_accents(text)
    if not case_sensitive:
        text = text.casefold()
    return unicodedata.normalize("NFC", text)


_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def split_words(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each word of `text`: what a highlight question lets you pick.

    Elisions stay with their word ("l'antiterrorisme" is one word) as a French reader expects, and so
    do hyphenated compounds ("russo-japonais").
    """
    return [m.span() for m in _WORD.finditer(text)]


def find_phrase(text: str, phrase: str) -> tuple[int, int] | None:
    """The (start, end) of the first occurrence of `phrase` in `text` that cuts no word in two.

    A highlight answer "en" must mark the word "en", not the start of "entre" found earlier.
    """
    spans = split_words(text)
    start = text.find(phrase) if phrase else -1
    while start >= 0:
        end = start + len(phrase)
        if not any(s < start < e or s < end < e for s, e in spans):
            return start, end
        start = text.find(phrase, start + 1)
    return None
