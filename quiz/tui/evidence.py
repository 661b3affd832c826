"""Finding an evidence quote in the article text, so the article view can highlight it.

`quiz check` accepts a quote when it matches the article after `normalise_for_search` (spaces,
quote marks and dashes made uniform). To highlight it we need the quote's place in the ORIGINAL
text, so we normalise the article one character at a time and remember where each output
character came from.
"""

from __future__ import annotations

from quiz.core.text import normalise_for_search


def _normalised_with_origins(text: str) -> tuple[str, list[int]]:
    """`text` normalised like `normalise_for_search`, and for each output character its index."""
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                origins.append(index)
            continue
        for out in normalise_for_search(char) or char:
            chars.append(out)
            origins.append(index)
    # French typography puts spaces inside « guillemets »: the search form drops spaces next to '"'.
    kept = [
        i
        for i, c in enumerate(chars)
        if not (
            c == " "
            and ((i > 0 and chars[i - 1] == '"') or (i + 1 < len(chars) and chars[i + 1] == '"'))
        )
    ]
    return "".join(chars[i] for i in kept), [origins[i] for i in kept]


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The (start, end) offsets of `quote` in `text`, as `quiz check` matches it; None if absent.

    An exact match wins; otherwise the match ignores differences of spacing, quote marks and
    dashes, then of capitals.
    """
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    needle = normalise_for_search(quote)
    if not needle:
        return None
    haystack, origins = _normalised_with_origins(text)
    found = haystack.find(needle)
    if found < 0:
        found = haystack.casefold().find(needle.casefold())
        if found < 0 or len(haystack.casefold()) != len(haystack):
            return None
    last = found + len(needle) - 1
    return origins[found], origins[last] + 1
