"""The ``electronic_certificates`` reform (the seed paper's electronic certificates): the
quarantine officer no longer verifies a paper certificate for the covered share of goods, so
each on-site quarantine check is shorter, and the goods it checks are released sooner."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import sim
from sim.reforms import REFORMS, apply

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 0, "drain_days": 2}


def test_every_port_with_quarantine_gets_a_shorter_check_and_none_other():
    base = sim.load_scenario(SMALL, SHORT)
    changes = REFORMS["electronic_certificates"](coverage=1.0, verify_share=0.5).fields(base)
    assert changes == {
        "ports.sea.quarantine.check": {"dist": "lognormal", "mean": 0.375, "cv": 0.5}
    }  # the 45 min check, half of it the paper certificate, every certificate electronic


def test_quarantine_checked_goods_are_released_sooner_on_the_same_draws():
    """Same seed, so the same consignments draw the same uniforms: each quarantine check
    takes coverage x verify_share (0.5 x 0.2 = 10 %) less time, and the officers' queue is
    no longer, so the goods selected for quarantine are released sooner on average."""
    base = sim.load_scenario(SMALL, SHORT)
    before = sim.simulate(base, 1, log=True).log
    after = sim.simulate(apply(base, "electronic_certificates"), 1, log=True).log
    checked = before.sel_quarantine.astype(bool).to_numpy()
    assert checked.sum() > 20
    np.testing.assert_allclose(
        after.quarantine_time[checked], 0.9 * before.quarantine_time[checked], rtol=1e-9
    )
    waited = (before.released - before.arrived)[checked].mean()
    assert (after.released - after.arrived)[checked].mean() < waited
