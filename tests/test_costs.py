"""Costs (sim/model/costs.py, sim/model/costbook.py): agency cost by time on duty, trader
cost by the consignment's own times, who pays for an inspection that finds nothing, and what
slips through, on deterministic scenarios where every figure can be worked out by hand."""

from __future__ import annotations

import copy
import functools
import math
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import det_scenarios as D
import numpy as np
import pytest

import sim
from sim.model.agency_costs import agency_fixed, busy_staff, duty_hours
from sim.model.costbook import LAYOUT, CostBook
from sim.model.costs import AUDIT_DAYS, HOURS_PER_YEAR, PARTS, TRADER_PARTS, P, slipped
from sim.model.draws import REQUIREMENTS
from sim.model.finders import COLUMNS as TRUTH_COLUMNS
from sim.model.finders import PHYSICAL, found_in_log
from sim.model.milestones import MILESTONES, OWNERS, RELEASED, SEIZED
from sim.scenario.costs import (
    ILLICIT_KINDS,
    CommodityCost,
    Costs,
    Equipment,
    Slipped,
    recovery_factor,
)

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
HOURLY = 10.0  # the test role's cost per head-hour: 19,000 a year over 1,900 hours


def costs(**over: Any) -> dict[str, Any]:
    """A [costs] section with round prices (deep-merged with ``over``)."""
    base: dict[str, Any] = {
        "price_year": 2019,
        "hours_per_year": 1900,
        "roles": {"officer": 19000},
        "staff": {"document_check": {"role": "officer", "heads": 2}},
        "trader": {
            "broker_fee": 50,
            "time_cost_per_day": 0.01,
            "storage": {"*": {"free": "6 h", "per_container_day": 24}},
            "inspection_move": 10,
            "exam_handling": 30,
            "attendance": 20,
        },
        "checks": {"sample": 5, "lab_tests": {"standard": 40}},
    }
    return _merge(base, over)


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(a)
    for k, v in b.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def with_costs(scenario: sim.Scenario, **over: Any) -> sim.Scenario:
    return scenario.model_copy(update={"costs": Costs.model_validate(costs(**over))})


def desk(rate: str, lane: dict[str, Any], **kw: Any) -> sim.Scenario:
    """One land port whose every declaration goes through the document check ``lane``."""
    p = D.port(rate=rate, document_check=lane, **kw)
    return D.scenario({"p": p}, selection={"document": 1.0}, days=2, warmup_days=1)


def staff_cost(result: sim.RunResult, item: str = "document_check") -> float:
    a = result.agency
    assert a is not None
    return float(a.loc[a["item"] == item, "cost"].sum())


def all_row(result: sim.RunResult) -> dict[str, float]:
    c = result.costs
    assert c is not None
    return c[c["dimension"] == "all"].iloc[0].to_dict()


# --- agency ------------------------------------------------------------------------------
@pytest.mark.parametrize("rate", ["1/h", "2/h", "0/h"])
def test_fixed_capacity_costs_heads_times_cost_times_duration_whatever_the_load(rate):
    lane = {"capacity": 3, "service": D.fixed(0.25)}
    r = sim.simulate(with_costs(desk(rate, lane)), seed=1)
    assert staff_cost(r) == pytest.approx(3 * 2 * HOURLY * 48, rel=1e-12)  # 3 servers, 2 days


def test_a_schedule_change_changes_staff_cost_by_exactly_the_hours_removed():
    full = [3] * 24
    cut = [1] * 5 + [3] * 19  # two servers fewer from 00:00 to 05:00: 10 server-hours a day
    costs_ = [
        staff_cost(
            sim.simulate(with_costs(desk("1/h", {"schedule": s, "service": D.fixed(0.1)})), seed=1)
        )
        for s in (full, cut)
    ]
    assert costs_[0] - costs_[1] == pytest.approx(10 * 2 * 2 * HOURLY, rel=1e-12)  # 2 days, 2 heads


def test_an_organisation_units_staff_have_their_busy_time_costed():
    """An organisation unit's staff (cost item ``org/<unit>:<role>``) find their utilisation
    where the resources table keeps it, (``org/<unit>``, role); patrols have none measured and
    are left out of the busy cost instead of making it NaN."""
    s = held_scenario(6.0)
    assert s.costs is not None
    s = s.model_copy(update={"costs": s.costs.model_copy(update={"exchange": {"CNY": 0.5}})})
    book = CostBook(s, {"all": ["all"]}, np.zeros(1, int), (0.0, 168.0))
    tariff = SimpleNamespace(count=2, cost_per_year=38000)
    book.org_units = {"u": SimpleNamespace(staff={"tariff": tariff})}
    use = {("p", "document_check"): 0.5, ("org/u", "tariff"): 0.25}
    agency = book.agency_items({"p": {"document_check": [1] * 168}}, {"p": False}, use)
    by_item = {r["item"]: r for r in agency}
    org = by_item["org/u:tariff"]
    assert org["utilisation"] == 0.25
    assert org["busy_cost"] == pytest.approx(org["cost"] * 0.25, rel=1e-12)
    patrol = {**org, "item": "patrol:river", "utilisation": math.nan, "busy_cost": math.nan}
    lane = by_item["document_check"]["busy_cost"]
    assert busy_staff([*agency, patrol]) == pytest.approx(lane + org["busy_cost"], rel=1e-12)


def test_duty_hours_integrates_the_weekly_schedule_exactly():
    week = [0] * 168
    week[8:18] = [4] * 10  # Monday 08:00-18:00, four servers
    assert duty_hours(week, 0, 168) == 40
    assert duty_hours(week, 8.5, 9.25) == pytest.approx(3.0)  # 0.75 h of four servers
    assert duty_hours(week, 160, 168 + 10) == 8  # across the week's end: Monday 08:00-10:00
    assert duty_hours(week, 168 * 3 + 17.5, 168 * 3 + 30) == pytest.approx(2.0)
    assert duty_hours(None, 0, 168) == 0  # an unlimited lane has no staff


def _overtime_from_log(result: sim.RunResult, schedule: list[int], window: tuple[float, float]):
    """Server-hours the document check's servers were busy beyond the schedule's capacity in
    ``window``, and busy in all, swept from the log's own start and end times (not the
    lane's integrator)."""
    log = result.log
    assert log is not None
    start, end = log["doc_start"].to_numpy(), log["doc_end"].to_numpy()
    ok = ~np.isnan(start)
    start, end = start[ok], end[ok]
    edges = np.unique(np.concatenate([start, end, np.arange(window[0], window[1] + 1)]))
    edges = edges[(edges >= window[0]) & (edges <= window[1])]
    overtime = worked = 0.0
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        busy = np.count_nonzero((start <= a) & (end > a))
        overtime += max(0, busy - schedule[int(a) % 24]) * (b - a)
        worked += busy * (b - a)
    return overtime, worked


@pytest.mark.parametrize("servers", [1, 4])
def test_overtime_is_the_busy_time_past_the_schedule_priced_at_the_premium(servers):
    """A server busy when its schedule has it off duty works overtime until its job ends:
    heads x those server-hours, at the role's hourly cost x ``overtime_premium``; the hours
    come out as a sweep of the log's own start and end times gives them."""
    schedule = [0] * 8 + [servers] * 9 + [0] * 7  # from 08:00 to 17:00 (one: a queue all day)
    lane = {"schedule": schedule, "service": D.fixed(1.25)}
    sc = with_costs(desk("1/h", lane), overtime_premium=1.5)
    r = sim.simulate(sc, seed=1, log=True)
    a = r.agency
    assert a is not None
    row = a[(a["item"] == "document_check") & (a["kind"] == "overtime")].iloc[0]
    expected, busy = _overtime_from_log(r, schedule, (24.0, 72.0))
    if servers == 1:  # busy all day: the 16:45 job ends at 18:00
        assert expected == pytest.approx(2.0)  # an hour a day, two days
    assert expected > 0
    assert row["quantity"] == pytest.approx(2 * expected, rel=1e-9)  # 2 heads a server
    assert row["cost"] == pytest.approx(row["quantity"] * HOURLY * 1.5, rel=1e-12)
    assert row["busy_cost"] == row["cost"]  # overtime is busy time all through
    # the busy hours within the schedule are costed once, the overtime ones at the premium
    lane = a[a["item"] == "document_check"]
    assert servers == 1 or lane["utilisation"].iloc[0] < 1  # (idle at times: a split to make)
    paid = 2 * HOURLY * ((busy - expected) + 1.5 * expected)
    assert lane["busy_cost"].sum() == pytest.approx(paid, rel=1e-9)
    staff = a[a["kind"].isin(["staff", "overtime"])]["cost"].sum() * HOURS_PER_YEAR / 48
    assert r.metrics()["agency_staff_cost_per_year"] == pytest.approx(staff, rel=1e-12)


def test_a_lane_of_constant_capacity_works_no_overtime():
    lane = {"capacity": 1, "service": D.fixed(0.75)}  # busier than it can serve: a queue
    r = sim.simulate(with_costs(desk("2/h", lane)), seed=1)
    a = r.agency
    assert a is not None
    assert (a["kind"] == "overtime").sum() == 0


def test_a_review_centres_time_on_duty_is_shared_by_its_ports_scheduled_hours():
    """Officers pooled at a review centre are costed to their ports: each port's share of
    the centre's time on duty (its overtime too) follows its officers' scheduled hours."""
    from sim.model.tables import _review_centres

    def port(name: str, officers: int) -> SimpleNamespace:
        review = SimpleNamespace(
            pool="c", officers=SimpleNamespace(hourly_capacity=lambda: [officers] * 168)
        )
        scan = SimpleNamespace(image_review=review)
        return SimpleNamespace(name=name, spec=SimpleNamespace(scan=scan))

    lanes: dict[str, dict[str, Any]] = {"a": {}, "b": {}}
    use = {("c", "image_officers"): 0.5}
    duty = {"c": {"image_officers": 3 * 168 + 6.0}}  # 6 server-hours of overtime in a week
    _review_centres([port("a", 2), port("b", 1)], lanes, use, duty, (0.0, 168.0))
    assert lanes["a"]["image_officers"] == [2] * 168 and use[("b", "image_officers")] == 0.5
    assert duty["a"]["image_officers"] == pytest.approx(2 * 168 + 4.0)  # two thirds of it
    assert duty["b"]["image_officers"] == pytest.approx(168 + 2.0)


def test_busy_cost_is_staff_cost_times_utilisation():
    r = sim.simulate(with_costs(desk("2/h", {"capacity": 3, "service": D.fixed(0.25)})), seed=1)
    a = r.agency
    assert a is not None
    row = a[a["item"] == "document_check"].iloc[0]
    assert 0 < row["utilisation"] < 1
    assert row["busy_cost"] == pytest.approx(row["cost"] * row["utilisation"], rel=1e-12)


def test_equipment_capital_is_its_equivalent_annual_cost_at_the_discount_rate():
    # the annuity that repays 1 over 10 years at 8 %: 0.149029... (an annuity table's value)
    assert recovery_factor(0.08, 10) == pytest.approx(0.1490294887, rel=1e-9)
    assert recovery_factor(0.0, 8) == 1 / 8  # no interest: equal parts
    assert recovery_factor(1e-9, 8) == pytest.approx(1 / 8, rel=1e-6)  # continuous at 0
    scanner = Equipment(capital=2_600_000, life_years=10)
    assert scanner.per_year() == 260_000
    assert scanner.per_year(0.08) == pytest.approx(387_476.67, abs=0.01)
    # repaid exactly: the payments, discounted, are worth the capital
    pay = scanner.per_year(0.08)
    assert sum(pay / 1.08**t for t in range(1, 11)) == pytest.approx(2_600_000, rel=1e-12)


@pytest.mark.parametrize("rate", [0.0, 0.05, 0.08])
def test_a_ports_scanners_and_lab_are_charged_at_the_scenarios_discount_rate(rate):
    c = Costs.model_validate(costs(
        discount_rate=rate,
        scanner={"*": {"capital": 1_000_000, "life_years": 8}},
        lab={"capital": 500_000, "life_years": 10},
    ))
    rows = agency_fixed(c, "p", "land", {"scanners": [3] * 168}, True, (0.0, HOURS_PER_YEAR))
    cost = {r["item"]: r["cost"] for r in rows}
    assert cost["scanners"] == pytest.approx(3 * 1_000_000 * recovery_factor(rate, 8), rel=1e-12)
    assert cost["lab"] == pytest.approx(500_000 * recovery_factor(rate, 10), rel=1e-12)


# --- trader ------------------------------------------------------------------------------
def held_scenario(
    free_h: float, rate: float = 0.01, billing: str = "prorated"
) -> sim.Scenario:
    """Every consignment lodges 2 h after arrival and leaves 5 h after release: held 7 h."""
    p = D.port(rate="1/h", lodging_h=2.0, pickup_h=5.0)
    p["traffic"]["value"] = 1000
    s = D.scenario({"p": p}, days=2, warmup_days=1)
    storage = {"*": {"free": D.hours(free_h), "per_container_day": 24, "billing": billing}}
    return with_costs(s, trader={"time_cost_per_day": rate, "storage": storage})


def test_time_cost_is_value_times_rate_times_days_held():
    r = sim.simulate(held_scenario(6.0), seed=1, log=True)
    log = r.log
    assert log is not None
    rel = log[log["cohort"] & (log["outcome"] == "released")]
    expected = (rel["value"] * 0.01 * (rel["exited"] - rel["arrived"]) / 24).mean()
    row = all_row(r)
    assert row["n"] == len(rel)
    assert sum(row[f"time_{o}"] for o in OWNERS) == pytest.approx(expected, rel=1e-12)
    assert expected == pytest.approx(1000 * 0.01 * 7 / 24, rel=1e-12)
    # the lodging is the trader's and the pick-up too: the border imposed nothing
    assert row["time_trader"] == pytest.approx(expected, rel=1e-12)
    assert row["border_burden"] == 0


@pytest.mark.parametrize(
    ("free_h", "storage"),
    [(6.0, 1.0), (6.5, 0.5), (7.0, 0.0), (8.0, 0.0)],  # 24 a container-day after the free 7 h
)
def test_storage_starts_exactly_at_the_end_of_the_free_period(free_h, storage):
    row = all_row(sim.simulate(held_scenario(free_h), seed=1))
    assert row["storage"] == pytest.approx(storage, abs=1e-9)


@pytest.mark.parametrize(
    ("free_h", "storage"),
    [(6.0, 24.0), (6.5, 24.0), (7.0, 0.0), (8.0, 0.0)],  # any hour past the free 7 h: a day
)
def test_storage_billed_per_started_day_charges_a_whole_day_for_any_part(free_h, storage):
    """Terminals bill per started day: an hour past the free time pays a day (24 here)."""
    row = all_row(sim.simulate(held_scenario(free_h, billing="per_started_day"), seed=1))
    assert row["storage"] == pytest.approx(storage, abs=1e-9)


def test_storage_billing_other_than_prorated_or_per_started_day_is_refused():
    with pytest.raises(ValueError, match=r"(?s)storage.*billing.*'prorated' or 'per_started_day'"):
        held_scenario(6.0, billing="daily")


def test_free_storage_runs_from_discharge_where_goods_are_discharged():
    """A box is in the terminal's yard from its discharge: the free period runs from then
    (from arrival where nothing is discharged: exports, land, air, post)."""
    book = CostBook(held_scenario(6.0), {"all": ["all"]}, np.zeros(1, int), (0.0, 24.0))
    rows = truth_rows(2)
    rows[:, IX["outcome"]] = RELEASED
    rows[0, IX["discharged"]] = 10.0  # 14 h in the yard: 8 h beyond the free 6 h
    book.fold(rows[:1])
    assert book.sums["all"][0][P["storage"]] == pytest.approx(8.0)  # 24 a container-day
    book.fold(rows[1:])  # not discharged: 24 h from arrival, 18 h beyond the free period
    assert book.sums["all"][0][P["storage"]] == pytest.approx(8.0 + 18.0)


def small(**over: Any) -> sim.Scenario:
    """The small scenario, costed, with a day's warm-up and two days' drain (a week each in
    the scenario): the tests that use it check identities that hold over any run."""
    short = {"warmup_days": 1, "drain_days": 2}
    return with_costs(sim.load_scenario(SMALL, short), **over)


def test_doubling_the_time_cost_rate_doubles_that_part_exactly():
    a = sim.simulate(small(), seed=3)
    b = sim.simulate(small(trader={"time_cost_per_day": 0.02}), seed=3)
    ca, cb = a.costs, b.costs
    assert ca is not None and cb is not None
    time = [f"time_{o}" for o in OWNERS]
    assert (ca[time].to_numpy() > 0).any()
    assert (cb[time].to_numpy() == 2 * ca[time].to_numpy()).all()
    others = [k for k in TRADER_PARTS if k not in time]
    assert (cb[others].to_numpy() == ca[others].to_numpy()).all()


def test_who_pays_for_a_no_find_inspection_moves_its_cost_without_changing_the_total():
    trader = sim.simulate(small(no_find_payer="trader"), seed=2).metrics()
    state = sim.simulate(small(no_find_payer="state"), seed=2).metrics()
    moved = trader["no_find_per_consignment"]
    assert moved > 0 and moved == pytest.approx(state["no_find_per_consignment"], rel=1e-12)
    assert state["agency_cost_per_consignment"] == pytest.approx(
        trader["agency_cost_per_consignment"] + moved, rel=1e-12
    )
    assert state["trader_cost_per_consignment"] == pytest.approx(
        trader["trader_cost_per_consignment"] - moved, rel=1e-12
    )
    assert state["total_cost_per_consignment"] == pytest.approx(
        trader["total_cost_per_consignment"], rel=1e-12
    )
    # the part of the agency cost that is the state's terminal bill is reported apart
    assert state["no_find_state_per_consignment"] == pytest.approx(moved, rel=1e-12)
    assert trader["no_find_state_per_consignment"] == 0


def test_the_staff_cost_counts_the_fixed_posts():
    """Staff cost is every head the agencies pay: the lanes' staff on duty and the posts."""
    lane = {"capacity": 3, "service": D.fixed(0.25)}
    r = sim.simulate(with_costs(desk("1/h", lane), posts={"*": {"officer": 4}}), seed=1)
    a = r.agency
    assert a is not None
    posts = float(a.loc[a["kind"] == "posts", "cost"].sum())
    assert posts == pytest.approx(4 * 19000 * 48 / 8760, rel=1e-12)  # four heads, two days
    per_year = 8760 / 48
    expected = (staff_cost(r) + posts) * per_year
    assert r.metrics()["agency_staff_cost_per_year"] == pytest.approx(expected, rel=1e-12)


def test_total_is_agency_plus_trader_in_every_group():
    r = sim.simulate(small(), seed=1)
    c = r.costs
    assert c is not None and len(c) > 10
    assert np.allclose(c["total"], c["agency"] + c["trader"], rtol=1e-12)
    assert np.allclose(c["agency"], c["agency_fixed"] + c["agency_variable"], rtol=1e-12)
    assert np.allclose(c["trader"], c[list(TRADER_PARTS)].sum(axis=1), rtol=1e-12)
    # the fixed costs are shared out, not lost: per consignment x n adds up to the items
    m = r.metrics()
    n = c.loc[c["dimension"] == "port", "n"]
    shared = (c.loc[c["dimension"] == "port", "agency_fixed"] * n).sum()
    assert r.agency is not None
    assert shared == pytest.approx(r.agency["cost"].sum(), rel=1e-9)
    assert m["total_cost_per_consignment"] == pytest.approx(
        m["agency_cost_per_consignment"] + m["trader_cost_per_consignment"], rel=1e-12
    )


def test_without_a_costs_section_nothing_is_costed():
    r = sim.simulate(sim.load_scenario(SMALL), seed=1)
    assert r.costs is None and r.agency is None
    assert "total_cost_per_consignment" not in r.metrics()


# --- what slips through (the hidden truth, on synthetic rows) -----------------------------
def code(kind: str) -> int:
    return ILLICIT_KINDS.index(kind) + 1


def test_slipped_counts_undetected_illicit_goods_only():
    illicit = np.array(
        [
            0,
            code("undervaluation"),
            code("undervaluation"),
            code("tobacco"),
            code("counterfeit"),
            code("pest"),
        ]
    )
    value = np.array([100.0, 100.0, 100.0, 50.0, 80.0, 10.0])
    true_value = np.array([100.0, 300.0, 300.0, 50.0, 80.0, 10.0])
    detected = np.array([0, 0, 1, 0, 0, 0])
    duty = np.full(6, 0.5)
    true_rate = np.full(len(ILLICIT_KINDS) + 1, np.nan)
    true_rate[code("tobacco")] = 2.0  # tobacco's own rate (declared here at 0.5)
    harm = np.array([0.0, 7.0, 11.0, 13.0, 17.0, 19.0])  # by code: compliant first
    revenue, lost = slipped(illicit, value, true_value, detected, duty, true_rate, harm)
    # the hidden value at the declared rate; tobacco hidden under goods declared at 0.5:
    # 2.0 x 50 due less 0.5 x 50 assessed
    assert revenue.tolist() == [0, 100, 0, 75, 0, 0]
    assert lost.tolist() == [0, harm[code("undervaluation")], 0, 7, 11, 17]


def test_harm_counts_per_consignment_container_or_unit_of_value_as_each_kind_says():
    """A kind's harm is per consignment, per container or per unit of true value: its
    harm is multiplied by 1, the boxes or the true value; compliant goods count nothing."""
    from sim.model.costs import harm_units

    per = np.array([0, 0, 1, 2, 0, 0])  # by code: tobacco per load, counterfeit per box, ...
    illicit = np.array([0, code("tobacco"), code("counterfeit"), code("frozen")])
    boxes, true_value = np.array([3.0, 4.0, 5.0, 6.0]), np.array([10.0, 20.0, 30.0, 40.0])
    units = harm_units(illicit, per, boxes, true_value)
    assert units.tolist() == [1, 1, 5, 40]
    harm = np.array([0.0, 7.0, 11.0, 13.0, 17.0, 19.0])
    _, lost = slipped(illicit, true_value, true_value, np.zeros(4), np.zeros(4),
                      np.full(6, np.nan), harm, units)
    assert lost.tolist() == [0, 7, 11 * 5, 13 * 40]


#: a week of the default scenario with a harm of 1,000 for every illicit kind
#: (a drain of 2 days, not the default's 14: the ratio below holds whatever is censored, and
#: some 360 missed consignments still finish, well above the 100 the test asks for)
HARM = {
    "days": 7,
    "warmup_days": 2,
    "drain_days": 2,
    "costs.slipped.harm": dict.fromkeys(ILLICIT_KINDS, 1000.0),
}


@functools.cache
def _harm_per_consignment() -> Any:
    """The harm slipped of ``HARM`` with harm per consignment: the one run both cases of the
    test below compare with, made once."""
    default = Path(sim.__file__).parent / "scenarios" / "default.toml"
    return sim.simulate(sim.load_scenario(default, HARM), 1).metrics()["harm_slipped"]


@pytest.mark.parametrize(("per", "column"), [("container", "containers"), ("value", "true_value")])
def test_harm_per_container_or_value_scales_the_runs_harm_by_the_missed_goods_own(per, column):
    """Against harm per consignment, the run's harm slipped grows by the mean boxes (or true
    value) of the illicit consignments the log shows finished and never found."""
    kinds = HARM["costs.slipped.harm"]
    over = HARM
    default = Path(sim.__file__).parent / "scenarios" / "default.toml"
    plain = _harm_per_consignment()
    bases = {"costs.slipped.harm_per": dict.fromkeys(kinds, per)}
    scaled = sim.load_scenario(default, {**over, **bases})
    res = sim.simulate(scaled, 1, log=True)
    log = res.log
    missed = log[log.cohort & (log.illicit != "compliant") & log.found_by.isna()
                 & (log.outcome != "censored")]
    assert len(missed) > 100 and missed[column].mean() > 1.2
    ratio = res.metrics()["harm_slipped"] / plain
    assert ratio == pytest.approx(missed[column].mean(), rel=1e-12)


def test_goods_declared_at_their_true_value_and_commodity_evade_no_duty():
    """Frozen goods declared as frozen (without quarantine clearance) and tobacco declared as
    tobacco paid their duty: only a load hidden under another commodity evades the
    difference between its true commodity's duty and the duty assessed."""
    tobacco, frozen = code("tobacco"), code("frozen")
    true_rate = np.full(len(ILLICIT_KINDS) + 1, np.nan)
    true_rate[tobacco], true_rate[frozen] = 1.5, 0.25
    illicit = np.array([tobacco, frozen, tobacco, frozen, frozen])
    value = np.array([1000.0, 1000.0, 1000.0, 1000.0, 1000.0])
    # declared as tobacco, as frozen, as general (0.2), as general, as something dearer
    duty = np.array([1.5, 0.25, 0.2, 0.2, 0.3])
    revenue, _ = slipped(illicit, value, value, np.zeros(5), duty, true_rate, np.zeros(6))
    assert revenue == pytest.approx([0, 0, 1300, 50, 0])


IX = {k: i for i, k in enumerate(LAYOUT)}


def truth_rows(n: int) -> np.ndarray:
    """``n`` statistics rows of compliant consignments (one box worth 1,000, held a day)."""
    rows = np.full((n, len(LAYOUT)), np.nan)
    for k in ("port", "channel", "direction", "commodity", "trader_class", "attend", "premises"):
        rows[:, IX[k]] = 0
    rows[:, IX["containers"]] = 1
    rows[:, IX["value"]] = 1000
    rows[:, IX["checks"]] = 0
    rows[:, IX["arrived"]], rows[:, IX["exited"]] = 0.0, 24.0
    for o in OWNERS:
        rows[:, IX[f"own_{o}"]] = 24.0 if o == "trader" else 0.0
    for i in range(len(TRUTH_COLUMNS)):
        rows[:, IX[f"truth_{i}"]] = 0
    return rows


def test_an_inspection_that_found_something_is_not_a_no_find():
    """Undervaluation the exam found is reassessed and released: its handling is the
    trader's, not the state's "no find"; the exam of compliant goods, or one that missed the
    undervaluation, found nothing. The log's route to the same answer agrees."""
    s = held_scenario(6.0)
    assert s.costs is not None
    s = s.model_copy(update={"costs": s.costs.model_copy(update={"no_find_payer": "state"})})
    book = CostBook(s, {"all": ["all"]}, np.zeros(1, int), (0.0, 24.0))
    rows = truth_rows(3)
    rows[:, IX["outcome"]] = RELEASED
    rows[:, IX["checks"]] = PHYSICAL
    rows[:, IX["exam_start"]], rows[:, IX["exam_end"]] = 1.0, 2.0
    rows[1:, IX["truth_0"]] = code("undervaluation")
    rows[1:, IX["truth_1"]] = 1500
    rows[1, IX["truth_6"]] = 1  # the exam finds the first undervaluation, misses the second
    book.fold(rows)
    sums = book.sums["all"][0]
    handling = 2 * 10 + 30  # two moves and the exam's handling of one box
    assert sums[P["no_find"]] == sums[P["no_find_state"]] == 2 * handling
    assert sums[P["inspection_handling"]] == handling
    col = {REQUIREMENTS[c]: rows[:, IX[f"truth_{i}"]] for i, c in enumerate(TRUTH_COLUMNS)}
    col.update({m: rows[:, IX[m]] for m in LAYOUT if m in MILESTONES})
    found = found_in_log(col)
    assert found is not None and found.tolist() == [False, True, False]


def test_the_cost_book_folds_hidden_truth_apart_from_agency_and_trader_cost():
    s = held_scenario(6.0)
    assert s.costs is not None
    slip = {"duty_rate": 0.5, "harm": {"tobacco": 1000, "undervaluation": 3}}
    # the general goods declared pay 0.2; tobacco (no commodity of its own here) the default
    general = {"general": CommodityCost(duty_rate=0.2)}
    update = {"slipped": Slipped(**slip), "commodities": general}
    s = s.model_copy(update={"costs": s.costs.model_copy(update=update)})
    book = CostBook(s, {"all": ["all"]}, np.zeros(1, int), (0.0, 24.0))
    assert book.truth
    rows = truth_rows(5)
    tobacco, under = code("tobacco"), code("undervaluation")
    # compliant; tobacco slipped; tobacco found by an exam (seized); tobacco found by a later
    # audit; undervaluation slipped (true value 1,500)
    rows[:, IX["truth_0"]] = [0, tobacco, tobacco, tobacco, under]
    rows[:, IX["truth_1"]] = [1000, 1000, 1000, 1000, 1500]
    rows[:, IX["outcome"]] = [RELEASED, RELEASED, SEIZED, RELEASED, RELEASED]
    rows[:, IX["checks"]] = [0, 0, PHYSICAL, 0, 0]
    rows[2, IX["truth_6"]] = 1  # the exam finds it
    rows[3, IX["truth_8"]] = 1  # the audit finds it
    book.fold(rows)
    sums = book.sums["all"][0]
    # the slipped tobacco hidden in general goods: 0.5 x 1000 due less 0.2 x 1000 assessed;
    # the undervaluation: the declared rate on its hidden 500
    assert sums[P["revenue_evaded"]] == pytest.approx(0.5 * 1000 - 0.2 * 1000 + 0.2 * 500)
    assert sums[P["harm_slipped"]] == 1000 + 3
    # trader cost: broker 50, a day's time 10 and 18 h of storage 18, for the four released
    assert sums[[P[k] for k in TRADER_PARTS]].sum() == pytest.approx(4 * (50 + 10 + 18) + 50)
    assert book.compliant[0] == 1  # only the compliant consignment
    assert book.seized == 1  # for the cost per seizure


def test_the_revenue_at_risk_splits_into_found_before_found_after_and_evaded():
    """The duty gap of every illicit consignment is at risk; the exam's find is found before
    release, the audit's after it (credited to the audit), the rest is evaded: the parts add
    up to the whole, and a compliant consignment has no duty at risk."""
    s = held_scenario(6.0)
    assert s.costs is not None
    general = {"general": CommodityCost(duty_rate=0.2)}
    update = {"slipped": Slipped(duty_rate=0.5), "commodities": general}
    s = s.model_copy(update={"costs": s.costs.model_copy(update=update)})
    book = CostBook(s, {"all": ["all"]}, np.zeros(1, int), (0.0, 24.0))
    rows = truth_rows(6)
    tobacco, under = code("tobacco"), code("undervaluation")
    # compliant; undervaluation found by an exam; undervaluation found by the audit;
    # undervaluation slipped; tobacco slipped; undervaluation that a tax review after release
    # and the audit both find (the review's: credited first)
    rows[:, IX["truth_0"]] = [0, under, under, under, tobacco, under]
    rows[:, IX["truth_1"]] = [1000, 1500, 2000, 1200, 1000, 1100]
    rows[:, IX["outcome"]] = RELEASED
    rows[:, IX["checks"]] = [0, PHYSICAL, 0, 0, 0, 0]
    rows[1, IX["truth_6"]] = 1  # the exam finds it
    rows[2, IX["truth_8"]] = 1  # the audit finds it
    rows[5, IX["truth_2"]] = rows[5, IX["truth_8"]] = 1  # the review's papers, the audit
    rows[5, IX["tax_reviewed"]] = 30.0
    rows[2, IX["truth_9"]], rows[5, IX["truth_9"]] = 60 * 24.0, 10 * 24.0  # the audit's lags
    book.fold(rows)
    sums = book.sums["all"][0]
    before, audit, review = 0.2 * 500, 0.2 * 1000, 0.2 * 100
    after, evaded = audit + review, 0.2 * 200 + 0.5 * 1000 - 0.2 * 1000
    assert sums[P["revenue_found_before_release"]] == pytest.approx(before)
    assert sums[P["revenue_found_after_release"]] == pytest.approx(after)
    assert sums[P["revenue_found_by_audit"]] == pytest.approx(audit)
    assert sums[P[AUDIT_DAYS]] == pytest.approx(audit * 60)  # (the review's find is not its)
    assert sums[P["revenue_evaded"]] == pytest.approx(evaded)
    assert sums[P["revenue_at_risk"]] == pytest.approx(before + after + evaded)


def test_the_run_reports_the_revenue_at_risk_and_where_it_was_found():
    """A run's revenue figures a year add up: at risk = found before release + found after
    it + evaded, the audit's part within what was found after release."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 2, "warmup_days": 1})
    s = sim.patch(s, {"enforcement.audit.share": 0.5})
    m = sim.simulate(s, seed=3).metrics()
    parts = ("revenue_found_before_release", "revenue_found_after_release", "revenue_evaded")
    assert m["revenue_found_after_release"] > 0 and m["revenue_found_before_release"] > 0
    assert m["revenue_at_risk"] == pytest.approx(sum(m[k] for k in parts))
    assert 0 < m["revenue_found_by_audit"] <= m["revenue_found_after_release"]


def test_the_audit_team_reports_its_workload_cost_and_yield():
    """The audits a year are the audit's share of the released declarations, scaled to a
    year, and each auditor's share of them; the auditors' cost is their headcount's,
    whatever share they audit (so auditing ten times as much costs the same); the yield per
    audit is the duty the audit found over the audits."""
    # (a day's drain, not the default's 14: audits come months after release, so the drain
    # adds released declarations, not audits of another kind; the identities hold over any run)
    s = sim.load_scenario(sim.default_scenario_path(),
                          {"days": 2, "warmup_days": 1, "drain_days": 1})  # fmt: skip
    runs = {share: sim.simulate(sim.patch(s, {"enforcement.audit.share": share}), seed=3)
            for share in (0.05, 0.5)}  # fmt: skip
    assert s.enforcement is not None and s.costs is not None
    staff = s.enforcement.audit.staff
    for share, r in runs.items():
        m = r.metrics()
        released = m["consignments_released"] * HOURS_PER_YEAR / (2 * 24)
        assert m["audits_per_year"] == pytest.approx(share * released)
        assert m["audits_per_auditor_per_year"] == pytest.approx(m["audits_per_year"] / staff)
        pay = staff * s.costs.hours_per_year * s.costs.hourly(s.costs.audit_role)
        assert m["audit_staff_cost_per_year"] == pytest.approx(pay)
        assert m["revenue_found_per_audit"] == pytest.approx(
            m["revenue_found_by_audit"] / m["audits_per_year"])
    m = runs[0.5].metrics()
    assert m["revenue_found_by_audit"] > 0
    assert 30 <= m["audit_lag_days_mean"] <= 180  # (the default's lag: 30 to 180 days)


def test_every_part_is_named_once():
    assert len(set(PARTS)) == len(PARTS)


# --- bad input ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("over", "words"),
    [
        (
            {"staff": {"document_check": {"role": "clerk"}}},
            ["costs.staff.document_check.role", "'clerk'", "officer"],
        ),
        (
            {"staff": {"desk": {"role": "officer"}}},
            ["costs.staff.desk", "unknown lane", "document_check"],
        ),
        ({"trader": {"broker_fee": {"boat": 5}}}, ["costs.trader.broker_fee", "'boat'", "sea"]),
        ({"commodities": {"fish": {"reefer": True}}}, ["costs.commodities.fish", "general"]),
        (
            {"trader": {"time_cost_per_day": 2}},
            ["costs.trader.time_cost_per_day", "less than or equal to 1"],
        ),
        ({"no_find_payer": "nobody"}, ["costs.no_find_payer", "'trader'", "'state'"]),
        # the ports of a running cost that costs.systems does not have (accepted: it priced
        # nothing)
        ({"system_ports": {"nothing": ["sea"]}, "systems": {"it": 100}},
         ["costs.system_ports.nothing", "no running cost 'nothing' in costs.systems", "it"]),
        ({"slipped": {"harm": {"pest": 5}, "harm_per": {"pest": "box"}}},
         ["costs.slipped.harm_per.pest", "'box'", "'consignment'", "'container'", "'value'"]),
        # a basis for a kind without harm (accepted: it would count nothing)
        ({"slipped": {"harm": {"pest": 5}, "harm_per": {"frozen": "value"}}},
         ["costs.slipped.harm_per.frozen", "no harm of its own"]),
    ],
)
def test_bad_costs_are_reported_by_field(tmp_path, over, words):
    import tomllib

    data = tomllib.loads(SMALL.read_text(encoding="utf-8"))
    data["costs"] = costs(**over)
    path = tmp_path / "bad.toml"
    path.write_text(_toml(data), encoding="utf-8")
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(path)
    text = str(err.value.format() if hasattr(err.value, "format") else err.value)
    assert "bad.toml" in text
    for w in words:
        assert w in text, text


def _toml(data: dict[str, Any], prefix: str = "") -> str:
    """A minimal TOML writer for the test's nested tables."""
    import json

    scalars, tables = [], []
    for k, v in data.items():
        key = json.dumps(k)
        if isinstance(v, dict):
            tables.append(_toml(v, f"{prefix}{key}."))
        else:
            scalars.append(f"{key} = {json.dumps(v)}")
    head = f"[{prefix[:-1]}]\n" if prefix else ""
    return head + "\n".join(scalars) + "\n" + "".join(tables)


# -- staff that serve no single port: patrols and the organisation's units ----------------
REPO = Path(__file__).resolve().parents[1]


def _default_costs(commodities: list[str]) -> dict[str, Any]:
    import tomllib

    costs = tomllib.loads((REPO / "sim" / "scenarios" / "default.toml").read_text())["costs"]
    costs["commodities"] = {
        k: v for k, v in costs.get("commodities", {}).items() if k in commodities
    }
    return costs


def _agency_rows(result: sim.RunResult) -> dict[str, float]:
    a = result.agency
    return dict(zip(a["item"], a["cost"], strict=True)) if a is not None else {}


def test_patrol_staff_cost_hours_on_duty_times_the_patrol_roles_pay():
    beilun = REPO / "sim" / "scenarios" / "beilun-border.toml"
    # (no warm-up or drain, 6 weeks and 2 in the scenario: duty hours are checked over the
    # observed window, whatever it is)
    week = {"days": 7, "warmup_days": 0, "drain_days": 0}
    s = sim.load_scenario(
        beilun, {**week, "costs": _default_costs(["general", "frozen", "plants", "food"])}
    )
    r = sim.simulate(s, 1)
    rows = _agency_rows(r)
    window = (s.warmup_days * 24, (s.warmup_days + s.days) * 24)
    price = s.costs.hourly(s.costs.patrol_role)
    patrols = {n: route.patrol for n, route in s.smuggling.routes.items() if route.patrol}
    assert patrols
    for name, patrol in patrols.items():
        hourly = patrol.schedule if patrol.schedule is not None else [patrol.staff] * 24
        week = (list(hourly) * (168 // len(hourly)))[:168]
        assert rows[f"patrol:{name}"] == pytest.approx(duty_hours(week, *window) * price)
    m = r.metrics()
    total = sum(v for k, v in rows.items())
    assert m["agency_cost_per_year"] > total * 365 / 7 * 0.999  # patrols are in the total


def test_organisation_units_are_costed_through_the_cost_module():
    from test_organisation import _small  # the organisation tests' two-customs scenario

    data = _small("hybrid", {"a": ["sea"], "b": ["sea2"]})
    data["costs"] = _default_costs(["general", "frozen"])
    from theory_scenarios import build

    assert data["costs"].get("currency", "USD") == "USD"
    with pytest.raises(ValueError, match=r"give costs\.exchange\.CNY, the USD value of 1 CNY"):
        build(data)  # (heads priced in CNY cannot be added to dollars without a rate)
    data["costs"]["exchange"] = {"CNY": 0.5}
    r = sim.simulate(build(data), 1)
    rows = {k: v for k, v in _agency_rows(r).items() if k.startswith("org/")}
    assert rows
    m = r.metrics()  # (one money: the organisation's figure converted as the agency's is)
    days = data["days"]
    usd = m["org_staff_cost_per_year"]
    assert usd > 0 and sum(rows.values()) * 365 / days == pytest.approx(usd)
    from sim.model.org.stats import staff_cost_per_year
    from sim.scenario.org_tree import check

    scenario = build(data)
    assert scenario.organisation is not None
    priced = staff_cost_per_year(check(scenario.organisation, list(scenario.ports)).units)
    assert priced > 0 and usd == pytest.approx(0.5 * priced, rel=1e-12)  # (CNY x the rate)
    unpriced = sim.simulate(build({**data, "costs": None}), 1).metrics()
    assert "org_staff_cost_per_year" not in unpriced  # (no [costs]: no currency to report in)
    assert unpriced["org_staff_heads"] == m["org_staff_heads"]


# --- running costs of some ports ----------------------------------------------------------
def two_ports(**over: Any) -> sim.Scenario:
    """Two ports, p and q, alike; with ``over`` merged into the costs section."""
    s = D.scenario({"p": D.port(rate="1/h"), "q": D.port(rate="2/h")}, days=2, warmup_days=1)
    return with_costs(s, **over)


def test_a_running_cost_of_one_port_is_shared_among_that_ports_declarations_only():
    """A running cost listed under the ports it serves lands on their declarations alone: the
    other port's agency cost is what it is without it; the port served carries all of it."""
    base = sim.simulate(two_ports(), seed=1).metrics()
    one = sim.simulate(
        two_ports(systems={"ai": 876000}, system_ports={"ai": ["p"]}), seed=1
    ).metrics()
    every = sim.simulate(two_ports(systems={"ai": 876000}), seed=1).metrics()
    key = "agency_cost_per_consignment_port_{}_import"
    assert one[key.format("q")] == pytest.approx(base[key.format("q")], rel=1e-12)
    assert one[key.format("p")] > every[key.format("p")] > base[key.format("p")]
    assert every[key.format("q")] > base[key.format("q")]  # not listed: every port's
    # the same total either way (876,000 a year: 100 an hour)
    assert one["agency_cost_per_year"] == pytest.approx(every["agency_cost_per_year"], rel=1e-12)


def test_a_reforms_running_cost_serves_the_ports_whose_fields_it_changes():
    """smart_image_review changes nothing at the post hub, whose AI already reads every image
    and clears more than the reform's share, nor the AI's AUC (already the reform's): its
    running cost serves the other three ports."""
    from sim.reforms import get

    default = sim.load_scenario(Path(sim.__file__).parent / "scenarios" / "default.toml")
    changes = get("smart_image_review")(cost_per_year=1000).fields(default)
    assert changes["costs.system_ports.smart_image_review"] == [
        "airport",
        "land_border",
        "sea_port",
    ]
    global_ = get("smart_image_review")(cost_per_year=1000, auc=0.95).fields(default)
    assert "costs.system_ports.smart_image_review" not in global_  # the AUC: every port's


def test_trader_fees_per_container_are_the_groups_fees_over_the_logs_containers():
    """Per container, the unit of Doing Business's cost to export: a group's trader fees over
    the containers of its finished consignments, counted here from the log (a multi-box
    declaration's fees spread over its boxes)."""
    s = sim.load_scenario(SMALL, {"days": 4})
    r = sim.simulate(with_costs(s), seed=2, log=True)
    log, c, m = r.log, r.costs, r.metrics()
    assert log is not None and c is not None
    done = log[log.cohort & (log.outcome != "censored")]
    for d in ("import", "export"):
        row = c[(c.dimension == "port_direction") & (c.group == f"sea/{d}")].iloc[0]
        mine = done[(done.port == "sea") & (done.direction == d)]
        assert row["n"] == len(mine) and mine.containers.sum() > len(mine)  # (several boxes)
        expected = row["trader_fees"] * row["n"] / mine.containers.sum()
        assert row["trader_fees_per_container"] == pytest.approx(expected, rel=1e-12)
        assert m[f"trader_fees_per_container_port_sea_{d}"] == row["trader_fees_per_container"]
        assert row["containers"] == pytest.approx(mine.containers.mean(), rel=1e-12)


def test_the_tables_say_what_money_is_in_and_at_which_years_prices(tmp_path, capsys):
    """A run's table and a comparison's header and report name the currency and the price
    year of the scenario's [costs] (the default: USD at 2019 prices); without costs, none."""
    from sim.cli import main
    from sim.cli_zh import money as zh_money
    from sim.scenario.costs import money_of

    default = sim.default_scenario_path()
    assert money_of(sim.load_scenario(default).costs) == "USD at 2019 prices"
    assert money_of(sim.load_scenario(SMALL).costs) == ""
    costed = sim.load_scenario(default).costs
    assert costed is not None
    costed = costed.model_copy(update={"exchange": {"CNY": 0.145}})
    assert money_of(costed, organisation=True) == (  # (staff converted, the rate said)
        "USD at 2019 prices (the organisation's staff converted from CNY at 0.145 USD a CNY, "
        "costs.exchange)"
    )
    # (with the year of the staff's prices where it is another, as bordersim org says it;
    # in Chinese too)
    said = money_of(costed, organisation=True, org_year=2021)
    assert said.endswith("0.145 USD a CNY, costs.exchange, their 2021 prices)")
    assert zh_money(said) == ("USD（2019 年价格；海关组织人员成本由 CNY 按 costs.exchange "
                              "1 CNY = 0.145 USD 折算，人员按 2021 年价格）")
    in_cny = costed.model_copy(update={"currency": "CNY"})
    assert money_of(in_cny, organisation=True) == "CNY at 2019 prices"
    assert money_of(in_cny, organisation=True, org_year=2019) == "CNY at 2019 prices"
    said = money_of(in_cny, organisation=True, org_year=2021)  # (another year's prices)
    assert said == "CNY at 2019 prices (the organisation's staff cost figures at 2021 prices)"
    assert zh_money(said) == "CNY（2019 年价格；海关组织人员成本按 2021 年价格计）"
    # uncosted with an organisation: goods' values alone, no staff cost in another currency
    assert money_of(None, organisation=True).endswith("no staff cost figures (the "
        "organisation's staff, priced in CNY, are reported in [costs]'s currency)")
    assert zh_money(money_of(None, True, 2019)).endswith("按 [costs] 的币种报告）")
    # (a day and no drain: the money's unit is printed whatever the run's figures; the small
    # scenario priced with the default's [costs]: the unit is the [costs] section's alone)
    short = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=0"]
    priced = [str(SMALL), "--set", f"costs={_inline(_default_costs(['general', 'frozen']))}"]
    assert main(["run", *priced, "--reps", "1", *short, "--out", str(tmp_path / "r")]) == 0
    assert "money in USD at 2019 prices" in " ".join(capsys.readouterr().out.split())
    out = tmp_path / "c"
    argv = ["compare", *priced, "--option", "s4:ports.sea.scan.scanners.capacity=4"]
    # (who gains is not read here: no consignment logs kept)
    assert main([*argv, "--reps", "1", *short, "--no-gains", "--out", str(out)]) == 0
    assert "Money in USD at 2019 prices." in " ".join(capsys.readouterr().out.split())
    page = (out / "report.html").read_text()
    assert "<th scope='row'>money</th><td>USD at 2019 prices</td>" in page
    assert main(["run", str(SMALL), "--reps", "1", *short, "--out", str(tmp_path / "s")]) == 0
    assert "prices" not in capsys.readouterr().out
    # "[costs]" printed as text, not read as the terminal's markup (it vanished); Guangdong
    # without its [costs] section is an organisation scenario with no prices
    argv = [str(_unpriced_guangdong(tmp_path)), "--reps", "1", *short]
    assert main(["run", *argv, "--out", str(tmp_path / "g")]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "(no [costs] section" in said  # (and guangdong's organisation.price_year)
    assert "no staff cost figures" in said
    # the bundled Guangdong (and so its variants) prices in USD, its staff converted from CNY
    argv = ["guangdong", "--reps", "1", *short, "--reforms", "dumbbell", "--no-report"]
    assert main(["compare", *argv, "--no-gains", "--out", str(tmp_path / "gc")]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "no [costs] section" not in said
    assert "Money in USD at 2019 prices" in said


def _unpriced_guangdong(folder: Path) -> Path:
    """A copy of guangdong.toml without its [costs] section (the file's last), in ``folder``."""
    text = (sim.default_scenario_path().parent / "guangdong.toml").read_text()
    head, sep, tail = text.partition("\n[costs]\n")
    assert sep, "guangdong.toml has a [costs] section, last in the file"
    assert "\n[ports." not in tail and "\n[organisation" not in tail
    path = folder / "guangdong-unpriced.toml"
    path.write_text(head + "\n")
    return path


def test_a_price_of_a_test_no_laboratory_runs_is_noted(capsys):
    """A cost table may price tests a scenario's laboratories do not run (one table shared
    by several scenarios), so that is no error; but it prices nothing, and check says so
    (a typo, 'pcr9', was accepted without a word)."""
    from sim.cli import main

    table = costs(checks={"lab_tests": {"pcr9": 40}})
    assert main(["check", str(SMALL), "--set", f"costs={_inline(table)}"]) == 0
    err = capsys.readouterr().err
    assert "costs.checks.lab_tests prices a test 'pcr9' that no laboratory here runs" in err
    assert "'standard' that" not in err


def _inline(data: Any) -> str:
    """``data`` as a TOML inline value."""
    import json

    if isinstance(data, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_inline(v)}" for k, v in data.items()) + "}"
    if isinstance(data, list):
        return "[" + ", ".join(_inline(v) for v in data) + "]"
    return json.dumps(data)


def test_the_currency_is_a_three_letter_code_it_labels_every_money_figure_with(capsys):
    """``costs.currency`` labels every money figure: 'XYZ1' or 'dollars' was accepted and
    printed as the unit; a code in lower case is read in upper case."""
    from sim.cli import main

    default = str(sim.default_scenario_path())
    for bad in ("XYZ1", "dollars", "U$D"):
        assert main(["check", default, "--set", f"costs.currency={bad}"]) == 2
        assert "three-letter ISO 4217 code" in capsys.readouterr().err
    costed = sim.load_scenario(default, {"costs.currency": "cny", "costs.exchange": {}})
    assert costed.costs is not None and costed.costs.currency == "CNY"


def test_auditors_are_costed_full_time_at_the_audit_roles_pay():
    """enforcement.audit.staff are on the books all year (they audit goods released months
    before): heads x the observed years x available hours x the audit role's hourly cost."""
    over = {"costs": costs(roles={"officer": 19000, "auditor": 38000}), "days": 4}
    audit = {"enforcement.audit.staff": 3, "costs.audit_role": "auditor"}
    s = sim.load_scenario(SMALL, {**over, **audit})
    audited = sim.simulate(s, 1)
    rows = _agency_rows(audited)
    years = s.days * 24 / HOURS_PER_YEAR
    assert rows["audit"] == pytest.approx(3 * years * 1900 * 20.0)
    plain = sim.simulate(sim.load_scenario(SMALL, over), 1)
    none = _agency_rows(plain)
    assert "audit" not in none
    assert {k: v for k, v in rows.items() if k != "audit"} == pytest.approx(none)
    # their busy time is not measured: left out of the busy cost (it was NaN with them)
    busy = "agency_busy_staff_cost_per_year"
    assert math.isfinite(audited.metrics()[busy]) and audited.metrics()[busy] > 0
    assert audited.metrics()[busy] == pytest.approx(plain.metrics()[busy], rel=1e-12)


def test_an_audit_role_missing_from_the_costs_roles_is_refused_on_load():
    with pytest.raises(sim.ScenarioError, match=r"costs\.audit_role.*'customs_officer' \(the "
                       r"default\) prices the 3 auditors.*allowed \(costs\.roles\): officer"):
        sim.load_scenario(SMALL, {"costs": costs(), "enforcement.audit.staff": 3})
    ok = sim.load_scenario(SMALL, {"costs": costs(), "enforcement.audit.staff": 0})
    assert ok.enforcement.audit.staff == 0


def test_a_cross_trained_pool_keeps_the_headcount_it_pools():
    """flexible_staffing pools a port's exam teams (2 officers each in the default) and its
    quarantine officers: each pool server is as many people as the team or officer it was.
    The pool was costed at one head a server, so the reform 'saved' a third of the yard's
    staff (6 heads at the air cargo terminal became 4)."""
    # (no warm-up or drain: the headcount is checked over whatever window the run observes)
    week = {"days": 7, "warmup_days": 0, "drain_days": 0}
    base = sim.load_scenario(sim.default_scenario_path(), week)
    pooled = sim.load_scenario(
        sim.default_scenario_path(), {**week, "inspection.joint_staffing": "cross_trained"}
    )
    assert base.costs is not None
    heads = {k: base.costs.staff[k].heads for k in ("exam_teams", "quarantine_officers")}
    assert heads["exam_teams"] == 2 and base.costs.staff["exam_officers"].heads == 1
    window = (base.warmup_days * 24, (base.warmup_days + base.days) * 24)
    a = sim.simulate(pooled, 1).agency
    assert a is not None
    for name, port in pooled.ports.items():
        if port.exam is None or port.quarantine is None:
            continue
        teams = duty_hours(port.exam.teams.hourly_capacity(), *window)
        officers = duty_hours(port.quarantine.officers.hourly_capacity(), *window)
        row = a[(a["port"] == name) & (a["item"] == "exam_officers") & (a["kind"] == "staff")]
        assert len(row) == 1 and teams > 0 and officers > 0
        expected = teams * heads["exam_teams"] + officers * heads["quarantine_officers"]
        assert row["quantity"].iloc[0] == pytest.approx(expected, rel=1e-12), name
        hourly = base.costs.hourly(base.costs.staff["exam_officers"].role)
        assert row["cost"].iloc[0] == pytest.approx(expected * hourly, rel=1e-12)


def test_an_exports_value_of_time_runs_to_its_departure_not_its_cut_off():
    """An export's goods leave with its vessel: the value of its time runs from arrival to the
    departure (the hours after the cut-off the carrier's, as its wait for the cut-off), so
    direct loading's later cut-off onto the same vessel costs the exporter nothing."""
    from sim.model.costs import consignment_costs
    from sim.model.prices import Prices

    s = sim.load_scenario(SMALL, {"days": 3, "costs": _default_costs(["general", "frozen"])})
    log = sim.simulate(s, 1, log=True).log
    col = {k: (v.cat.codes.to_numpy() if hasattr(v, "cat") else v.to_numpy())
           for k, v in log.items()}  # fmt: skip
    prices = Prices.of(s.costs, [p.mode for p in s.ports.values()], s.commodities, False)
    parts = consignment_costs(col, prices)
    time = parts[:, [P[f"time_{o}"] for o in OWNERS]].sum(axis=1)
    out = ((log.outcome == "released") & (log.direction == "export")).to_numpy()
    held = (log.departed - log.arrived).to_numpy()
    assert out.sum() > 50 and (log.departed[out] > log.loaded[out] + 11).all()  # 12 h cut-off
    per_hour = log.value.to_numpy() * prices.time_rate[col["commodity"]] / 24
    np.testing.assert_allclose(time[out], (per_hour * held)[out], rtol=1e-9)
    carrier = per_hour * (log.own_carrier + log.departed - log.loaded).to_numpy()
    np.testing.assert_allclose(parts[out, P["time_carrier"]], carrier[out], rtol=1e-9)


def test_a_comparison_shows_the_agencies_cost_per_container_at_the_port_it_changes():
    """A scanner's buyer prices a box: the table and the report show the agencies' cost per
    container at each port an option changes, imports and exports apart, with no --show."""
    from sim.cli_compare import table_rows
    from sim.experiment.compare import compare
    from sim.report.html import report_rows

    scenario = sim.load_scenario(SMALL, {"costs": costs()})
    # (the rows' names, not their figures: a day with no warm-up, and no who gains)
    res = compare(scenario, ["more:ports.sea.document_check.capacity=3"], reps=2, report=False,
                  log=False, overrides={"days": 1, "warmup_days": 0, "drain_days": 1})  # fmt: skip
    for rows in (table_rows(res), report_rows(res)):
        assert "agency_cost_per_container_port_sea_import" in rows
        assert "agency_cost_per_container_port_sea_export" in rows
