"""Scoring rules: how a graded answer, its time and the current streak become points.

Pure arithmetic, no clock: the session passes the seconds an answer took. The README's "Scoring"
section gives the same formulas with a worked example; keep the two in step.
"""

from __future__ import annotations

import math

from quiz.core.answers import Grade
from quiz.core.models import ScoringRule

SLOWEST_SHARE = 0.5
"""CLASSIC: the share of a question's points a right answer keeps when given at the last second."""
STREAK_STEP = 0.05
"""CLASSIC: the bonus per consecutive right answer before this one, as a share of the points."""
STREAK_CAP = 5
"""CLASSIC: the bonus stops growing after this many right answers in a row before this (+25%)."""


def round_half_up(value: float) -> int:
    """Round to the nearest integer, halves up (Python's `round` sends 2.5 to 2; players expect 3).

    A tiny epsilon absorbs float noise: 1000 × (1 − 0.5 × 5.3 / 20) computes as 867.4999999999999.
    """
    return math.floor(value + 0.5 + 1e-9)


def speed_factor(elapsed: float, time_limit: float | None) -> float:
    """CLASSIC: `1 − 0.5 × min(elapsed, limit) / limit`: 1 when instant, down to 0.5 at the limit.

    Without a time limit the factor is 1. Negative times (a clock that stepped back) count as 0.
    """
    if time_limit is None or time_limit <= 0:
        return 1.0
    spent = min(max(elapsed, 0.0), time_limit)
    return 1.0 - (1.0 - SLOWEST_SHARE) * spent / time_limit


def streak_bonus(points: int, streak: int) -> int:
    """CLASSIC: `round(min(streak − 1, 5) × points × 0.05)` for a fully right answer.

    `streak` counts this answer: the first right answer in a row earns no bonus, the sixth and later
    earn +25% of the question's points.
    """
    steps = min(max(streak - 1, 0), STREAK_CAP)
    return round_half_up(steps * points * STREAK_STEP)


def points_for(
    rule: ScoringRule,
    grade: Grade,
    points: int,
    elapsed: float,
    time_limit: float | None,
    streak: int,
) -> int:
    """The points an answer earns under `rule`.

    - CLASSIC: `round(points × fraction × (1 − 0.5 × min(elapsed, limit) / limit))`, the speed
      factor being 1 without a time limit, plus, only when the answer is fully right,
      `round(min(streak − 1, 5) × points × 0.05)` where `streak` counts this answer.
    - ACCURACY: `round(points × fraction)`; time and streak are ignored.
    - PRACTICE: always 0.

    Rounding is half up. Never negative, never more than `max_points(rule, points)`. A timed-out
    answer is the session's business: it grades it zero before calling this.
    """
    if rule is ScoringRule.PRACTICE:
        return 0
    if rule is ScoringRule.ACCURACY:
        return round_half_up(points * grade.fraction)
    if rule is ScoringRule.CLASSIC:
        base = round_half_up(points * grade.fraction * speed_factor(elapsed, time_limit))
        bonus = streak_bonus(points, streak) if grade.correct else 0
        return base + bonus
    raise ValueError(f"unknown scoring rule {rule!r}")


def max_points(rule: ScoringRule, points: int) -> int:
    """The most one question can earn under `rule`: CLASSIC `points + round(points × 0.25)`
    (instant answer with a full streak bonus), ACCURACY `points`, PRACTICE 0."""
    if rule is ScoringRule.PRACTICE:
        return 0
    if rule is ScoringRule.ACCURACY:
        return points
    if rule is ScoringRule.CLASSIC:
        return points + streak_bonus(points, STREAK_CAP + 1)
    raise ValueError(f"unknown scoring rule {rule!r}")
