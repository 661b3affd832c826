"""The scoring rules, with the worked examples of the README's "Scoring" section and bounds for any input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.core.answers import Grade
from quiz.core.models import ScoringRule
from quiz.core.scoring import max_points, points_for, round_half_up, speed_factor, streak_bonus

RIGHT = Grade(1.0, True)
WRONG = Grade(0.0, False)
HALF = Grade(0.5, False)
CLASSIC, ACCURACY, PRACTICE = ScoringRule.CLASSIC, ScoringRule.ACCURACY, ScoringRule.PRACTICE


def test_the_worked_example_of_the_docs() -> None:
    # 1000 points, 20 s limit, right in 5 s, third right answer in a row:
    # 1000 × (1 − 0.5 × 5/20) = 875, plus min(3 − 1, 5) × 1000 × 0.05 = 100.
    assert points_for(CLASSIC, RIGHT, 1000, 5.0, 20, 3) == 975
    # The same answer half right (a multiple choice with one of two right picks): no streak bonus.
    assert points_for(CLASSIC, HALF, 1000, 5.0, 20, 0) == 438  # 437.5 rounds half up


@pytest.mark.parametrize(
    ("elapsed", "limit", "factor"),
    [
        (0.0, 20, 1.0),
        (10.0, 20, 0.75),
        (20.0, 20, 0.5),
        (35.0, 20, 0.5),  # never below half: late answers are the session's business
        (-1.0, 20, 1.0),  # a clock that stepped back
        (1e6, None, 1.0),  # untimed: full speed factor
    ],
)
def test_speed_factor_runs_from_one_to_one_half(
    elapsed: float, limit: int | None, factor: float
) -> None:
    assert speed_factor(elapsed, limit) == factor


@pytest.mark.parametrize(
    ("streak", "bonus"),
    [(0, 0), (1, 0), (2, 50), (3, 100), (6, 250), (7, 250), (100, 250)],
)
def test_the_streak_bonus_is_capped_at_a_quarter(streak: int, bonus: int) -> None:
    assert streak_bonus(1000, streak) == bonus
    assert points_for(CLASSIC, RIGHT, 1000, 0.0, None, streak) == 1000 + bonus


def test_classic_gives_no_streak_bonus_to_a_partial_or_wrong_answer() -> None:
    assert points_for(CLASSIC, HALF, 1000, 0.0, 20, 6) == 500
    assert points_for(CLASSIC, WRONG, 1000, 0.0, 20, 6) == 0


def test_classic_at_the_last_second_keeps_half() -> None:
    assert points_for(CLASSIC, RIGHT, 1000, 20.0, 20, 1) == 500


def test_accuracy_ignores_time_and_streak() -> None:
    assert points_for(ACCURACY, RIGHT, 1000, 19.9, 20, 6) == 1000
    assert points_for(ACCURACY, Grade(2 / 3, False), 1000, 0.0, 20, 0) == 667
    assert points_for(ACCURACY, HALF, 5, 0.0, None, 0) == 3  # 2.5 rounds half up, not to even


def test_practice_scores_nothing() -> None:
    assert points_for(PRACTICE, RIGHT, 1000, 0.0, None, 6) == 0
    assert max_points(PRACTICE, 1000) == 0


@pytest.mark.parametrize(
    ("rule", "points", "most"),
    [(CLASSIC, 1000, 1250), (CLASSIC, 10, 13), (CLASSIC, 1, 1), (ACCURACY, 1000, 1000)],
)
def test_max_points(rule: ScoringRule, points: int, most: int) -> None:
    assert max_points(rule, points) == most


def test_round_half_up_absorbs_float_noise() -> None:
    # 1000 × (1 − 0.5 × 5.3 / 20) is 867.5, computed as 867.4999999999999.
    assert 1000 * speed_factor(5.3, 20) < 867.5
    assert points_for(CLASSIC, RIGHT, 1000, 5.3, 20, 1) == 868
    assert round_half_up(0.5) == 1
    assert round_half_up(2.5) == 3
    assert round_half_up(2.4999) == 2


@given(
    rule=st.sampled_from(ScoringRule),
    fraction=st.floats(0.0, 1.0),
    points=st.integers(1, 100_000),
    elapsed=st.floats(-10.0, 10_000.0),
    limit=st.none() | st.integers(5, 3600),
    streak=st.integers(0, 50),
)
def test_every_rule_stays_within_zero_and_max_points(
    rule: ScoringRule,
    fraction: float,
    points: int,
    elapsed: float,
    limit: int | None,
    streak: int,
) -> None:
    grade = Grade(fraction, fraction == 1.0)
    earned = points_for(rule, grade, points, elapsed, limit, streak)
    assert 0 <= earned <= max_points(rule, points)
    if fraction == 0.0:
        assert earned == 0


@given(
    points=st.integers(1, 100_000),
    faster=st.floats(0.0, 60.0),
    slower=st.floats(0.0, 60.0),
    streak=st.integers(0, 10),
)
def test_classic_never_pays_a_slower_answer_more(
    points: int, faster: float, slower: float, streak: int
) -> None:
    faster, slower = sorted((faster, slower))
    quick = points_for(CLASSIC, RIGHT, points, faster, 30, streak)
    slow = points_for(CLASSIC, RIGHT, points, slower, 30, streak)
    assert quick >= slow
