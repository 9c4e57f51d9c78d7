"""The risk engine's alerts by a timeline's period (``risk_alert_receipts_<commodity>_<era>``):
one receipt per port an alert reaches, counted at its receipt (the seizure plus
``risk.alert.delay``) in the period it falls in, within the observed days only."""

from __future__ import annotations

from pathlib import Path

import sim
from sim.model.risk_alert_tally import AlertTally
from sim.model.selection import Observation
from sim.model.world import World

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
OVER = {"days": 4, "warmup_days": 1, "periods_at": ["3 d"],
        "risk": {"target": 0.05, "alert": {"delay": "2 h"}}}


def test_a_receipt_counts_in_its_period_within_the_observed_days():
    tally = AlertTally(["general", "frozen"], [0.0, 72.0], warmup=24.0, stop=120.0)
    for at, com in ((10.0, 1), (24.0, 1), (71.9, 0), (72.0, 1), (119.9, 1), (120.0, 1)):
        tally.add(at, com)
    m = tally.metrics()
    assert (m["risk_alert_receipts_general_era_0"], m["risk_alert_receipts_frozen_era_0"]) == (
        1, 1)  # (10 h is in the warm-up)
    assert (m["risk_alert_receipts_general_era_1"], m["risk_alert_receipts_frozen_era_1"]) == (
        0, 2)  # (120 h is after the observed days)


def test_no_periods_no_tally():
    assert AlertTally.of(sim.load_scenario(SMALL, {"risk": {"target": 0.05}}), 0.0, 96.0) is None


def test_a_seizure_s_alert_counts_at_its_receipt_after_the_delay():
    world = World(sim.load_scenario(SMALL, OVER), 0)
    engine = world.selector
    frozen = list(world.scenario.commodities).index("frozen")
    for t in (69.0, 71.0):  # received at 71 h and 73 h: either side of the boundary
        engine.observe(Observation(port="sea", time=t, commodity=frozen, origin=0,
                                   trader_class=0, illicit=0, found=True))
    m = engine.metrics()
    assert m["risk_alert_receipts_frozen_era_0"] == 1
    assert m["risk_alert_receipts_frozen_era_1"] == 1
    assert m["risk_alert_receipts_general_era_1"] == 0
