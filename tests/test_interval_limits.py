"""What a replication interval does not cover, measured on counts whose mean is known
(docs/how-results-are-computed.md, "What the intervals do not cover"): the t interval of
:func:`sim.analysis.stats.summarise` holds a common count's mean about 95 % of the time from
five replications, a rare count's far less often from two."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.stats import summarise

EXPERIMENTS = 2000


def _coverage(mean: float, reps: int, seed: int) -> tuple[float, float]:
    """The share of ``EXPERIMENTS`` experiments of ``reps`` Poisson(``mean``) replications
    whose 95 % interval (as ``summarise`` gives it) holds ``mean``, and the share whose
    interval has no width (every replication the same)."""
    draws = np.random.default_rng(seed).poisson(mean, size=(reps, EXPERIMENTS))
    table = summarise(pd.DataFrame(draws.astype(float), columns=[f"e{i}" for i in
                                                                 range(EXPERIMENTS)]))
    low, high = table["ci_low"].to_numpy(), table["ci_high"].to_numpy()
    held = (low <= mean) & (mean <= high)
    return float(held.mean()), float((high == low).mean())


def test_a_common_count_is_covered_as_the_interval_says():
    """Twenty events a replication, five replications: about 95 % (a normal quantile in
    place of the t quantile gives about 88 %)."""
    held, _ = _coverage(20.0, 5, seed=1)
    assert 0.93 <= held <= 0.97


def test_a_rare_count_from_two_replications_is_covered_far_less_often():
    """Half an event a replication, two replications: about 53 %, nearly half the intervals
    of no width (both replications 0, or both 1); ten replications bring it back to 95 %."""
    held, none = _coverage(0.5, 2, seed=2)
    assert held < 0.65 and none > 0.35
    held, _ = _coverage(0.5, 10, seed=3)
    assert 0.93 <= held <= 0.97

