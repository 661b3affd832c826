"""Item statistics for the teacher's report, computed as Moodle's quiz statistics compute them.

- Facility: the mean score on a question as a percentage of its maximum (partial credit counts as
  its fraction); for right/wrong questions, the percentage of students who got it right.
- Discrimination index: the Pearson correlation, across attempts, between the score on a question
  and the score on the rest of the test (total minus that question), as a percentage. A good
  question is answered right by those who do well elsewhere: above 30 % is good, below 0 suggests
  a wrong key or a misleading question. Undefined (None) with fewer than two attempts or when
  either score does not vary.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The correlation coefficient of two equally long series; None when it is undefined."""
    n = len(xs)
    if n != len(ys):
        raise ValueError("both series must have the same length")
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    # Relative tolerance: fractions like 0.1 leave rounding dust where the true variance is zero.
    if sxx <= 1e-12 * n or syy <= 1e-12 * n:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def discrimination_indices(
    scores: Mapping[int, Mapping[str, float]], question_ids: Sequence[str]
) -> dict[str, float | None]:
    """Each question's item–rest correlation × 100, from `scores[attempt][question] = fraction`.

    A question an attempt did not answer scores 0 in it, as an unanswered question does in Moodle.
    """
    attempts = list(scores)
    totals = [sum(scores[a].get(q, 0.0) for q in question_ids) for a in attempts]
    indices: dict[str, float | None] = {}
    for question in question_ids:
        item = [scores[a].get(question, 0.0) for a in attempts]
        rest = [total - x for total, x in zip(totals, item, strict=True)]
        r = pearson(item, rest)
        indices[question] = None if r is None else 100.0 * r
    return indices


def facility(fractions: Sequence[float]) -> float | None:
    """Mean fraction of the maximum, as a percentage; None when nobody answered."""
    return 100.0 * sum(fractions) / len(fractions) if fractions else None
