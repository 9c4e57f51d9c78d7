"""The costs of no port (overheads) in the cost per consignment: each figure's overhead part
is its own metric, so a port's own cost can be read alone, and each sharing rule
(``costs.overhead_shared_by``) gives the ports shares that add up to the overhead."""

from __future__ import annotations

from typing import Any

import det_scenarios as D
import pytest
from test_costs import two_ports, with_costs

import sim
from sim.model.cost_sharing import STAFFED
from sim.model.costs import HOURS_PER_YEAR
from sim.warning_codes import record

KEY = "{}_port_{}_import"


#: fixed posts: p staffed three times as long as q, which declares about twice as much
POSTS = {"p": {"officer": 3}, "q": {"officer": 1}}


def _run(**over: Any) -> sim.RunResult:
    return sim.simulate(two_ports(systems={"it": 876000}, posts=POSTS, **over), seed=1)


def _port_totals(r: sim.RunResult) -> dict[str, float]:
    """Each port's overhead over the window: its overhead per consignment x consignments."""
    c = r.costs
    assert c is not None
    ports = c[c["dimension"] == "port"]
    return {g: float(n * o) for g, n, o in zip(ports["group"], ports["n"],
                                                  ports["agency_overhead"], strict=True)}


def _overhead(r: sim.RunResult) -> float:
    a = r.agency
    assert a is not None
    return float(a.loc[a["port"] == "*", "cost"].sum())


@pytest.mark.parametrize("rule", ["declarations", "staff_hours"])
def test_each_rules_shares_add_up_to_the_overhead(rule):
    r = _run(overhead_shared_by=rule)
    totals = _port_totals(r)
    assert _overhead(r) > 0
    assert sum(totals.values()) == pytest.approx(_overhead(r), rel=1e-9)
    m = r.metrics()  # (the all-ports figure holds all of it too)
    c = r.costs
    assert c is not None
    n = int(c[c["dimension"] == "all"]["n"].iloc[0])
    assert m["agency_cost_overhead_per_consignment"] * n == pytest.approx(_overhead(r))


def test_declarations_share_alike_per_declaration_staff_hours_by_staffed_time():
    by_n, by_hours = _run(), _run(overhead_shared_by="staff_hours")
    m = by_n.metrics()
    per = [m[KEY.format("agency_cost_overhead_per_consignment", p)] for p in "pq"]
    assert per[0] == pytest.approx(per[1], rel=1e-9) and per[0] > 0
    a = by_hours.agency
    assert a is not None
    staffed = a[a["kind"].isin(STAFFED)].groupby("port")["quantity"].sum()
    totals = _port_totals(by_hours)
    for p in "pq":  # each port's share is its part of the staffed head-hours
        assert totals[p] / _overhead(by_hours) == pytest.approx(
            staffed[p] / staffed.sum(), rel=1e-9
        )
    # q declares twice as much as p with a third of its staff: p carries more per declaration
    h = by_hours.metrics()
    assert (h[KEY.format("agency_cost_overhead_per_consignment", "p")]
            > 3 * h[KEY.format("agency_cost_overhead_per_consignment", "q")])


def test_a_ports_own_cost_is_its_figure_less_its_overhead():
    """Adding a cost of no port moves a port's agency cost per consignment by exactly its
    overhead part: the figure less the overhead is the port's own work, as without it."""
    base = sim.simulate(two_ports(posts=POSTS), seed=1).metrics()
    every = _run().metrics()
    for p in "pq":
        own = every[KEY.format("agency_cost_per_consignment", p)] - every[
            KEY.format("agency_cost_overhead_per_consignment", p)
        ]
        assert own == pytest.approx(base[KEY.format("agency_cost_per_consignment", p)],
                                    rel=1e-9)
        assert base[KEY.format("agency_cost_overhead_per_consignment", p)] == 0


def _idle_port(rate: str) -> sim.RunResult:
    """p busy, q with ``rate`` arrivals (so few that it finishes none in a short run)."""
    s = D.scenario({"p": D.port(rate="2/h"), "q": D.port(rate=rate)}, days=1, warmup_days=1)
    return sim.simulate(with_costs(s, posts=POSTS), seed=1)


def test_a_port_that_finished_nothing_is_noted_with_the_cost_per_consignment_leaves_out():
    r = _idle_port("1/1000h")
    c, m = r.costs, r.cost_metrics
    assert c is not None and "q" not in set(c.loc[c["dimension"] == "port", "group"])
    window = (r.days * 24) / HOURS_PER_YEAR  # (years observed)
    n = int(c[c["dimension"] == "all"]["n"].iloc[0])
    unshared = m["agency_cost_unshared_per_year"]
    assert unshared > 0
    # per consignment x consignments + the ports' left out = the cost over the window
    assert (m["agency_cost_per_consignment"] * n + unshared * window
            == pytest.approx(m["agency_cost_per_year"] * window, rel=1e-9))
    said = [x for x in r.notes if "ports that finished no consignment" in x]
    assert len(said) == 1 and f"{unshared:,.0f} a year" in said[0]
    assert record(said[0])["figures"]["cost_per_year"] == pytest.approx(unshared, abs=1)
    busy = _idle_port("1/h")  # both finish: nothing left out, no note
    assert busy.cost_metrics["agency_cost_unshared_per_year"] == 0
    assert not [x for x in busy.notes if "ports that finished no consignment" in x]
