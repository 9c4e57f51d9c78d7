"""``cost_per_seizure`` with smuggling patrols: the patrols' officers are in the agencies'
cost, so the loads they stop outside the ports (``smuggling_interdicted``) are among the
seizures it divides by; before, a patrol's cost was spread over the ports' seizures alone,
and a bigger patrol looked dearer per seizure however much more it stopped."""

from __future__ import annotations

import pytest

import sim
from sim import reforms
from sim.model.costs import HOURS_PER_YEAR

DAYS = 2
#: beilun-border priced as docs/smuggling.md prices it, cut to a short run, with its
#: patrols outside the ports at eight times their officers so that they stop loads in it
PRICED = {"days": DAYS, "warmup_days": 1, "drain_days": 1, "costs.price_year": 2019,
          "costs.roles.customs_officer": 21100}
PORT_CAUGHT = ("consignments_seized", "consignments_detained", "consignments_rejected")


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    scenario = reforms.apply(sim.load_scenario("beilun-border", PRICED), "patrol_staff:factor=8")
    return sim.simulate(scenario, 2).metrics()


def test_the_patrols_interdictions_are_seizures_of_the_cost_they_share(metrics):
    interdicted = metrics["smuggling_interdicted"]
    at_ports = sum(metrics[k] for k in PORT_CAUGHT)
    assert interdicted > 0 and at_ports > 0  # (both kinds in the run, or it shows nothing)
    window_cost = metrics["agency_cost_per_year"] * DAYS * 24 / HOURS_PER_YEAR
    assert metrics["agency_cost_patrol_per_year"] > 0
    assert metrics["cost_per_seizure"] == pytest.approx(
        window_cost / (at_ports + interdicted), rel=1e-9)
