"""The ``electronic_payment`` reform (WTO TFA Art. 7.2): importers paying duties and fees
online, customs seeing the payment at once, so every wait for the duty paid before release
is shorter by uptake x time_cut; exports, which pay no duty in the model, are untouched, and a
scenario whose imports wait for no duty payment is left as it is."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sim
from sim.reforms import REFORMS, apply

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 0, "drain_days": 2}
PAYING = {**SHORT, "after_release.duty_payment": "4 h"}  # importers wait 4 h for the duty


def test_every_wait_for_the_duty_is_shorter_by_uptake_times_cut():
    """The scenario's wait and a port's own, each scaled by 1 - uptake x time_cut; nothing where
    no import waits for its duty (the small scenario's 0 h)."""
    reform = REFORMS["electronic_payment"](uptake=0.8, time_cut=0.5)
    changes = reform.fields(sim.load_scenario(SMALL, {**PAYING, "ports.sea.duty_payment": "3 h"}))
    assert changes == {  # 4 h and 3 h, less 0.8 x 0.5 of them
        "after_release.duty_payment": {"dist": "deterministic", "value": pytest.approx(2.4)},
        "ports.sea.duty_payment": {"dist": "deterministic", "value": pytest.approx(1.8)}}
    assert reform.fields(sim.load_scenario(SMALL, SHORT)) == {}
    assert "no import here waits for it" in reform.no_effect(sim.load_scenario(SMALL, SHORT))


def test_imports_pay_sooner_and_are_released_sooner_and_exports_are_as_they_were():
    """Same seed, so the same consignments: every import not declared in two steps waits
    2.5 h for its duty instead of 4 h (uptake 0.5 x time_cut 0.75 = 37.5 % less), its mean time
    from arrival to release falls, and every export is released when it was."""
    base = sim.load_scenario(SMALL, PAYING)
    before = sim.simulate(base, 1, log=True).log
    after = sim.simulate(apply(base, "electronic_payment"), 1, log=True).log
    imports = (before.direction == "import").to_numpy()
    paid = (before.duty_paid.notna() & after.duty_paid.notna()).to_numpy()  # (in the run)
    assert (imports & paid).sum() > 100 and (~imports).sum() > 50 and not paid[~imports].any()
    np.testing.assert_allclose((before.duty_paid - before.assessed)[paid], 4.0)
    np.testing.assert_allclose((after.duty_paid - after.assessed)[paid], 2.5)
    waited = (before.released - before.arrived)[imports].mean()
    assert (after.released - after.arrived)[imports].mean() < waited - 0.5  # hours
    np.testing.assert_array_equal(after.released[~imports], before.released[~imports])
