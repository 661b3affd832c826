"""A mistake found in a valid set, at the path of the node at fault, and the checks every kind uses.

Paths look like pydantic's (`questions`, 3, `answer`), so the loader can point at the exact line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from quiz.core.diagnostics import Severity
from quiz.core.text import normalise_answer

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    path: Path
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR
    code: str = "check"
    related: Path | None = None
    """Another node the message refers to; the loader appends "(see line N)"."""


def nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to a misspelt `word`, if any is close enough to be a likely typo."""
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return match[0] if match else None


def check_unique(
    texts: list[str], at: Path, what: str, keys: list[str] | None = None
) -> Iterator[Finding]:
    """Texts that repeat one another once normalised (`keys`: their normal forms, if known)."""
    seen: dict[str, int] = {}
    for i, key in enumerate(keys if keys is not None else [normalise_answer(t) for t in texts]):
        if key in seen:
            yield Finding(
                (*at, i),
                f"this {what} repeats {what} {seen[key] + 1} ('{texts[seen[key]]}')",
                f"remove one of them: {what}s must differ once case, accents and spaces are ignored",
                code="duplicate",
                related=(*at, seen[key]),
            )
        else:
            seen[key] = i
