"""Item statistics: facility and the item–rest discrimination index, checked by hand and by
`statistics.correlation` as an independent oracle."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.store.stats import discrimination_indices, facility, pearson

# Four students, three questions; the worked example of the report section in docs/classroom.md.
SCORES = {
    1: {"q1": 1.0, "q2": 1.0, "q3": 1.0},
    2: {"q1": 1.0, "q2": 1.0, "q3": 0.0},
    3: {"q1": 0.0, "q2": 1.0},  # q3 unanswered: it scores 0
    4: {"q1": 0.0, "q2": 0.0, "q3": 0.0},
}


def test_discrimination_is_the_item_rest_correlation() -> None:
    indices = discrimination_indices(SCORES, ["q1", "q2", "q3"])
    assert indices["q1"] == pytest.approx(100 / math.sqrt(2))  # 70.7 %
    assert indices["q2"] == pytest.approx(100 * 0.75 / math.sqrt(0.75 * 2.75))  # 52.2 %
    assert indices["q3"] == pytest.approx(indices["q2"])


def test_discrimination_is_undefined_without_variation_or_attempts() -> None:
    everyone_right = {a: {"q1": 1.0, "q2": float(a % 2)} for a in range(4)}
    assert discrimination_indices(everyone_right, ["q1", "q2"])["q1"] is None
    assert discrimination_indices({1: {"q1": 1.0}}, ["q1"]) == {"q1": None}
    assert discrimination_indices({}, ["q1"]) == {"q1": None}


def test_facility_is_the_mean_fraction() -> None:
    assert facility([1.0, 0.0, 0.5, 1.0]) == pytest.approx(62.5)
    assert facility([]) is None


@given(st.lists(st.tuples(st.floats(0, 1), st.floats(-50, 50)), min_size=2, max_size=30))
def test_pearson_agrees_with_the_standard_library(pairs: list[tuple[float, float]]) -> None:
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    assume(statistics.pvariance(xs) > 1e-6 and statistics.pvariance(ys) > 1e-6)
    r = pearson(xs, ys)
    assert r is not None
    assert r == pytest.approx(statistics.correlation(xs, ys), abs=1e-9)
