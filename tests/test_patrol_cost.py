"""A smuggling patrol on a route outside the ports is no port's cost: doubling the river
patrol at Dongxing (the ``patrol_staff`` reform) moves its own line,
``agency_cost_patrol_per_year``, and the all-ports cost per consignment, never a port's."""

from __future__ import annotations

import pytest

import sim
from sim import reforms

#: beilun-border priced as docs/smuggling.md prices it, cut to a short run
PRICED = {"days": 1, "warmup_days": 1, "drain_days": 1, "costs.price_year": 2019,
          "costs.roles.customs_officer": 21100}


@pytest.fixture(scope="module")
def runs() -> tuple[dict[str, float], dict[str, float]]:
    base = sim.load_scenario("beilun-border", PRICED)
    more = reforms.apply(base, 'patrol_staff:routes=["beilun_river"]')
    return sim.simulate(base, 1).metrics(), sim.simulate(more, 1).metrics()


def test_doubling_the_river_patrol_moves_its_own_line_and_no_ports(runs):
    before, after = runs
    patrol = after["agency_cost_patrol_per_year"] - before["agency_cost_patrol_per_year"]
    assert patrol > 0
    assert after["agency_staff_cost_per_year"] - before["agency_staff_cost_per_year"] == (
        pytest.approx(patrol, rel=1e-9))  # (the patrols' staff are all the reform adds)
    ports = [k for k in before if k.startswith("agency_cost_per_consignment_port_")]
    assert ports and all(k in after for k in ports)
    moved = {k: (before[k], after[k]) for k in ports if not _same(before[k], after[k])}
    assert moved == {}, "a port's cost per consignment holds the patrol's"


def test_the_all_ports_figure_keeps_the_patrol(runs):
    before, after = runs
    each = [m["agency_cost_patrol_per_consignment"] for m in runs]
    assert each[1] > each[0] > 0
    rest = [m["agency_cost_per_consignment"] - m["agency_cost_patrol_per_consignment"]
            for m in (before, after)]
    assert rest[1] == pytest.approx(rest[0], abs=1e-9)


def _same(a: float, b: float) -> bool:
    return a == b or (a != a and b != b)  # (NaN: a port and direction without goods)


def test_a_dearer_patrol_leaves_every_ports_cost_bit_for_bit():
    """The same run with its patrols priced double (their own role at twice the pay): no
    port's work changes, so each port's cost per consignment, not zero here (its review
    desks priced), is the same bit for bit; the patrol line and the all-ports figure move."""
    priced = {**PRICED, "costs.staff.declaration_review": {"role": "customs_officer"},
              "costs.patrol_role": "patrol_officer"}
    runs = [sim.simulate(sim.load_scenario(
        "beilun-border", {**priced, "costs.roles.patrol_officer": pay}), 1).metrics()
        for pay in (21100, 42200)]
    ports = [k for k in runs[0] if k.startswith("agency_cost_per_consignment_port_")]
    assert any(runs[0][k] > 0 for k in ports)
    assert {k: runs[0][k] for k in ports} == pytest.approx(
        {k: runs[1][k] for k in ports}, rel=0, abs=0, nan_ok=True)
    patrol = [m["agency_cost_patrol_per_consignment"] for m in runs]
    assert patrol[1] == pytest.approx(2 * patrol[0], rel=1e-12) and patrol[0] > 0
    assert runs[1]["agency_cost_per_consignment"] - runs[0]["agency_cost_per_consignment"] == (
        pytest.approx(patrol[1] - patrol[0], rel=1e-9))
