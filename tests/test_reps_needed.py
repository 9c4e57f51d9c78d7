"""How many replications a precision target needs (:func:`sim.experiment.precision.reps_needed`):
the t quantile of the few replications run must not be carried into the many asked for."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.analysis.stats import mean_half_width, t_quantile
from sim.experiment.precision import reps_needed


def _half(n: int, spread: float) -> float:
    """The 95 % Student-t half-width of ``n`` values of standard deviation ``spread``."""
    return t_quantile(0.975, n - 1) * spread / math.sqrt(n)


@pytest.mark.parametrize("n", [2, 3, 5, 10, 40])
def test_the_count_is_the_smallest_whose_interval_meets_the_target(n):
    """Spread 1, target 0.2: 99 replications give a half-width within 0.2, 98 do not, and
    so the count asked for is 99 whatever pilot the spread was measured on (the old
    ``n (h / H)^2`` asked 4,037 from two, 463 from three, 128 from ten)."""
    need = reps_needed(n, _half(n, 1.0), 0.2)
    assert need is not None
    assert _half(need, 1.0) <= 0.2 < _half(need - 1, 1.0)
    assert need == 99


def test_the_count_meets_the_target_on_the_spread_measured():
    """From the half-width of real values: the count's own interval, at the spread those
    values have, is within the target; one fewer's is not."""
    values = np.random.default_rng(7).normal(10.0, 2.0, size=4)
    _, half = mean_half_width(values)
    assert half is not None
    spread = float(values.std(ddof=1))
    need = reps_needed(4, half, 0.05 * 10.0)
    assert need is not None and need > 5
    assert _half(need, spread) <= 0.5 < _half(need - 1, spread)


def test_at_least_one_more_and_none_without_an_interval():
    assert reps_needed(10, 0.1001, 0.1) == 11
    assert reps_needed(10, 0.05, 0.1) == 11  # (already met: the next one, as before)
    assert reps_needed(10, None, 0.1) is None and reps_needed(1, 0.2, 0.1) is None
    assert reps_needed(10, 0.2, 0.0) is None and reps_needed(10, math.inf, 0.1) is None


def test_a_vast_count_is_still_given():
    """A target far below the spread: the count is huge, and found without looping on."""
    need = reps_needed(3, 1e6, 1e-9)
    assert need is not None and need > 10**29
