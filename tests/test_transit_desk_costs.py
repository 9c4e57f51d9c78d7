"""The transit desk's staff cost (``costs.staff.transit_desk``) is paid for by the goods it
served: the transit goods sealed there, as a document check's by the declarations it checked.
Goods that never met the desk carry none of it (before, it was shared over every declaration).

One land port, half its consignments of a class that always comes in transit, the rest of a
class that never does, a one-officer desk and a priced document check that both classes use:
the same run with and without the desk's price.
Under a second of CPU.
"""

from __future__ import annotations

from typing import Any

import det_scenarios as D
import pytest
from test_costs import staff_cost, with_costs

import sim

DESK_PRICE = {"transit_desk": {"role": "officer", "heads": 1}}


def _desk_port() -> sim.Scenario:
    port = D.port(rate="1/h", document_check={"capacity": 1, "service": D.fixed(0.1)})
    port["traffic"]["trader_classes"] = {"aeo_advanced": 0.5, "general": 0.5}
    port["transit"] = {
        "share": {"general": 1.0},  # (aeo_advanced: never in transit)
        "formalities": D.fixed(0.5),
        "travel": D.fixed(2.0),
        "desk": {"capacity": 1},
    }
    return D.scenario({"p": port}, selection={"document": 0.3}, days=2, warmup_days=1)


def _by_class(result: sim.RunResult) -> dict[str, Any]:
    c = result.costs
    assert c is not None
    rows = c[c["dimension"] == "trader_class"].set_index("group")
    return {g: (float(r["agency_fixed"]), int(r["n"])) for g, r in rows.iterrows()}


@pytest.fixture(scope="module")
def priced_and_not() -> tuple[sim.RunResult, sim.RunResult]:
    sc = _desk_port()
    return (
        sim.simulate(with_costs(sc, staff=DESK_PRICE), seed=1),
        sim.simulate(with_costs(sc), seed=1),
    )


def test_the_desk_s_staff_cost_goes_to_the_transit_goods_alone(priced_and_not):
    priced, unpriced = priced_and_not
    desk = staff_cost(priced, "transit_desk")
    assert desk > 0 and staff_cost(unpriced, "transit_desk") == 0
    assert staff_cost(unpriced) > 0  # (the document check: both classes pay for it)
    with_, without = _by_class(priced), _by_class(unpriced)
    # the class that never travels in transit pays exactly what it paid without the desk's price
    assert with_["aeo_advanced"] == pytest.approx(without["aeo_advanced"], rel=1e-12)
    # the transit goods carry all of it: per consignment x n, the desk's cost
    (fixed, n), (before, _) = with_["general"], without["general"]
    assert n > 10 and (fixed - before) * n == pytest.approx(desk, rel=1e-9)


def test_the_agency_table_names_the_desk_s_activity(priced_and_not):
    agency = priced_and_not[0].agency
    assert agency is not None
    assert set(agency.loc[agency["item"] == "transit_desk", "activity"]) == {"transit"}


def test_the_transit_goods_cost_per_consignment_is_their_own(priced_and_not):
    """A bonded zone's manager asks what a consignment of theirs costs: the imports that
    came in transit and those cleared directly each have their cost per consignment (the
    cost table's ``transit_direction`` groups, as the clearance times are split), the
    desk's price on the transit goods alone, and together they make the imports' mean."""
    priced, unpriced = priced_and_not
    m, before = priced.metrics(), unpriced.metrics()
    c = priced.costs
    assert c is not None
    rows = c[c["dimension"] == "transit_direction"].set_index("group")
    n = {kind: int(rows.loc[f"{kind}/import", "n"]) for kind in ("transit", "direct")}
    assert min(n.values()) > 10  # (the general class in transit, the AEOs directly)
    for who in ("agency", "trader"):
        parts = sum(m[f"{who}_cost_per_consignment_{k}_import"] * n[k] for k in n)
        whole = m[f"{who}_cost_per_consignment_import"] * sum(n.values())
        assert parts == pytest.approx(whole, rel=1e-9), who
    desk = staff_cost(priced, "transit_desk")
    moved = m["agency_cost_per_consignment_transit_import"]
    assert (moved - before["agency_cost_per_consignment_transit_import"]) * n["transit"] == \
        pytest.approx(desk, rel=1e-9)
    assert m["agency_cost_per_consignment_direct_import"] == pytest.approx(
        before["agency_cost_per_consignment_direct_import"], rel=1e-12)
