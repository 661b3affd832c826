"""Credit for answers that pick several things (choices, words): shared by multiple and highlight."""

from __future__ import annotations

from quiz.core.kinds.kind import RIGHT, WRONG, Grade


def picks_fraction(picked: frozenset[int], right: frozenset[int]) -> Grade:
    """(right picks − wrong picks) / number of right items, floored at 0."""
    if not right:  # an invalid key; the loader refuses it, but never divide by zero
        return WRONG
    if picked == right:
        return RIGHT
    hits = len(picked & right)
    misses = len(picked - right)
    return Grade(max(0.0, (hits - misses) / len(right)), False)
