"""Enforcement by a timeline's period and illicit type (``illicit_<type>_<era>``,
``detection_rate_<type>_<era>``): an outbreak's or an order's before and after for the type it
concerns, counted by the goods' arrival as the other ``_era_`` figures are."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.model.enforcement_eras import EraTally
from sim.model.finders import TRUTH
from sim.reforms.compose import apply
from sim.scenario.base import ILLICIT

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
OVER = {"days": 4, "warmup_days": 0, "ports.sea.traffic.origins": {"europe": 0.4, "asia": 0.6}}
T = 48.0  # the outbreak's date, hours after the start: era_1 begins there


def test_a_block_is_counted_by_its_period_and_truth_code():
    tally = EraTally([0.0, 10.0])
    frozen, pest = TRUTH.index("frozen"), TRUTH.index("pest")
    arrived = np.array([1.0, 5.0, 9.9, 10.0, 12.0, 30.0])
    code = np.array([frozen, frozen, pest, frozen, frozen, 0])
    known = np.array([True, False, True, True, True, False])  # (illicit and known)
    detected = np.array([True, False, False, False, True, False])
    nothing = np.zeros(6, bool)
    tally.fold(arrived, np.zeros(6, np.int64), code, (nothing, nothing, known, detected))
    assert tally.by_type[0, frozen].tolist() == [2, 1, 1]  # arrived before 10 h
    assert tally.by_type[1, frozen].tolist() == [2, 2, 1]  # at 10 h or later
    assert tally.by_type[0, pest].tolist() == [1, 1, 0]
    assert tally.by_type[1, 0, 0] == 1  # (the compliant one)
    assert tally.counts[:, 0, 0].tolist() == [3, 3]


def test_no_timeline_no_periods():
    assert not EraTally([0.0]).on and not EraTally([]).on


@functools.lru_cache(maxsize=1)
def _run() -> sim.RunResult:
    base = sim.load_scenario(SMALL, OVER)
    return sim.simulate(apply(base, f"outbreak:origins=europe,factor=5@{T:g}h"), 3, log=True)


def test_each_type_s_periods_add_up_to_the_whole_run():
    m = _run().metrics()
    assert m["illicit_held"] == 0  # (every outcome known: the rates' denominators are counts)
    for kind in ILLICIT:
        n = [m[f"illicit_{kind}_era_{k}"] for k in (0, 1)]
        assert sum(n) == m[f"illicit_{kind}"]
        if n[0] and n[1]:
            found = sum(m[f"detection_rate_{kind}_era_{k}"] * n[k] for k in (0, 1))
            assert found == pytest.approx(m[f"detection_rate_{kind}"] * sum(n))


def test_a_type_s_periods_are_split_by_the_goods_arrival():
    run = _run()
    log, m = run.log, run.metrics()
    frozen = log[log.cohort & (log.illicit.astype(str) == "frozen")]
    assert m["illicit_frozen_era_0"] == (frozen.arrived < T).sum() > 0
    assert m["illicit_frozen_era_1"] == (frozen.arrived >= T).sum() > 0
