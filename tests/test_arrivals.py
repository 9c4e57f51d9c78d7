"""Arrivals: Poisson with an hour-of-day and day-of-week profile; vessels in batches."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
QUIET = {"declaration.review_share": {}, "selection": {}}


def land(over: dict) -> dict:
    """small.toml's port as a road crossing: one declaration per arrival, no vessels."""
    return {
        **QUIET,
        "ports.sea.mode": "land",
        "ports.sea.arrivals": over,
        "warmup_days": 0,
        "drain_days": 2,
    }


def test_profile_shapes_the_arrivals_and_keeps_the_rate():
    hourly = [0] * 8 + [1] * 8 + [2] * 8
    weekly = [1, 1, 1, 1, 1, 0.5, 0]
    s = sim.load_scenario(
        SMALL, {**land({"rate": "240/d", "hourly": hourly, "weekly": weekly}), "days": 56}
    )
    log = sim.simulate(s, 9, log=True).log
    t = log[log.direction == "import"].arrived.to_numpy()  # exports have their own arrivals
    n = len(t)
    expected = 240 * 56  # the rate is the weekly average
    assert abs(n - expected) < 4 * math.sqrt(expected)
    hour, day = (t % 24).astype(int), (t // 24 % 7).astype(int)
    assert (hour[hour < 8].size == 0) and (day == 6).sum() == 0
    # day-time thirds in proportion 0 : 1 : 2, weekdays 1 : 0.5 on Saturday
    counts = np.array([((hour >= 8) & (hour < 16)).sum(), (hour >= 16).sum()])
    assert stats.binomtest(int(counts[0]), int(counts.sum()), 1 / 3).pvalue > 0.001
    sat, weekday = (day == 5).sum(), (day < 5).sum()
    assert stats.binomtest(int(sat), int(sat + weekday), 0.5 / 5.5).pvalue > 0.001


def test_interarrival_times_are_exponential_under_a_flat_profile():
    s = sim.load_scenario(SMALL, {**land({"rate": "10/h"}), "days": 20})
    log = sim.simulate(s, 4, log=True).log
    t = np.sort(log[log.direction == "import"].arrived.to_numpy())
    gaps = np.diff(t)
    assert stats.kstest(gaps, "expon", args=(0, 0.1)).pvalue > 0.001


def test_vessel_calls_bring_batches():
    s = sim.load_scenario(SMALL, {**QUIET, "days": 60, "warmup_days": 0})
    log = sim.simulate(s, 2, log=True).log
    calls = log[log.direction == "import"].groupby("arrived").size()  # exports come by truck
    assert len(calls) == pytest.approx(3 * 60, abs=4 * math.sqrt(3 * 60))  # 3 calls a day
    assert calls.min() >= 70 and calls.max() <= 210  # uniform(70, 210) declarations
    assert calls.mean() == pytest.approx(140, rel=0.08)
