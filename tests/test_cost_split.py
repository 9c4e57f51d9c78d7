"""Investment apart from running costs, the trader's cost per year, and what an hour saved
costs: the equipment's equivalent annual cost and its one-off outlay, the rest of the
agencies' cost as running cost, agency + trader = total; in a comparison's headline, the cost
per consignment-hour saved where an option changes both cost and time clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.experiment.compare import metric_unit
from sim.scenario.costs import recovery_factor
from tests.headlines import one_option

DEFAULT = Path(sim.__file__).parent / "scenarios" / "default.toml"


def test_capital_and_running_costs_split_the_agency_cost_and_the_outlay_is_one_off():
    s = sim.load_scenario(DEFAULT, {"days": 1, "warmup_days": 1,
                                    "ports.sea_port.scan.scanners.capacity": 4})  # fmt: skip
    m = sim.simulate(s, seed=1).metrics()
    costs = s.costs
    assert costs is not None
    outlay = per_year = 0.0
    for port in s.ports.values():
        scanner = costs.scanner_for(port.mode)
        if port.scan is not None and scanner is not None:
            units = max(port.scan.scanners.hourly_capacity() or [0])
            outlay += units * scanner.capital
            per_year += units * scanner.capital * recovery_factor(
                costs.discount_rate, scanner.life_years)
        lab = port.quarantine.lab if port.quarantine is not None else None
        if lab is not None and costs.lab is not None:
            outlay += costs.lab.capital
            per_year += costs.lab.capital * recovery_factor(costs.discount_rate,
                                                            costs.lab.life_years)
    assert s.ports["sea_port"].scan is not None
    assert outlay >= 4 * 2.6e6 and m["agency_capital_outlay"] == pytest.approx(outlay, rel=1e-12)
    assert m["agency_capital_cost_per_year"] == pytest.approx(per_year, rel=1e-9)
    whole = m["agency_capital_cost_per_year"] + m["agency_running_cost_per_year"]
    assert whole == pytest.approx(m["agency_cost_per_year"], rel=1e-12)
    assert m["agency_cost_per_year"] + m["trader_cost_per_year"] == m["total_cost_per_year"]
    finished = m["consignments_arrived"] - m["consignments_censored"]
    per_consignment = m["total_cost_per_year"] / (finished * 365)  # (one observed day)
    assert per_consignment == pytest.approx(m["total_cost_per_consignment"], rel=1e-9)
    assert metric_unit("agency_capital_outlay") == "currency, one-off (not per year)"
    assert metric_unit("trader_cost_per_year") == "currency per year"


def _headline(cost: tuple[float, float, float], time: tuple[float, float, float]) -> str:
    """The headline of one option whose total cost per year and mean overall clearance
    change by ``cost`` and ``time`` (mean, low, high), 10,000 consignments out of the flow in
    the baseline's 14 observed days."""
    return one_option([("total_cost_per_year", *cost), ("overall_clearance_h_mean", *time),
                       ("agency_cost_per_year", cost[0] / 2, cost[1] / 2, cost[2] / 2),
                       ("consignments_released", 0.0, 0.0, 0.0)])  # fmt: skip


def test_the_headline_prices_a_consignment_hour_saved_where_cost_and_time_both_change():
    text = _headline((3.65e6, 3.0e6, 4.3e6), (-0.5, -0.6, -0.4))
    hours = 0.5 * 10000 * 365 / 14  # consignment-hours saved a year
    assert f"cost per consignment-hour saved: {3.65e6 / hours:.1f} USD" in text
    assert "total cost per year (agencies and traders, the value of the goods' time " \
        "included) 3,650,000 USD more" in text
    assert f"the agencies' cost per year alone changes by {1.825e6 / hours:.1f} USD" in text
    assert "saving per consignment-hour added" in _headline((-1e6, -2e6, -5e5), (0.5, 0.4, 0.6))
    assert "cheaper and faster at once" in _headline((-1e6, -2e6, -5e5), (-0.5, -0.6, -0.4))
    for unclear in (_headline((3.65e6, -1e6, 8e6), (-0.5, -0.6, -0.4)),
                    _headline((3.65e6, 3.0e6, 4.3e6), (-0.5, -0.9, 0.1))):  # fmt: skip
        assert "consignment-hour" not in unclear


def test_agency_cost_per_container_is_the_groups_agency_cost_over_its_containers():
    """As the trader's fees per container: a multi-box declaration's cost spread over its
    boxes; a truck, an air shipment or a parcel is one container, and the unit says so."""
    s = sim.load_scenario(DEFAULT, {"days": 1, "warmup_days": 1})
    r = sim.simulate(s, seed=2, log=True)
    log, m = r.log, r.metrics()
    assert log is not None
    done = log[log.cohort & (log.outcome != "censored")]
    for port in ("sea_port", "post_hub"):
        mine = done[(done.port == port) & (done.direction == "import")]
        agency = m[f"agency_cost_per_consignment_port_{port}_import"] * len(mine)
        expected = agency / mine.containers.sum()
        assert m[f"agency_cost_per_container_port_{port}_import"] == pytest.approx(
            expected, rel=1e-9)
    pooled = m["agency_cost_per_consignment"] * len(done) / done.containers.sum()
    assert m["agency_cost_per_container"] == pytest.approx(pooled, rel=1e-9)
    unit = "currency per container (a truck, air shipment or parcel counts as one)"
    assert metric_unit("agency_cost_per_container") == metric_unit(
        "trader_fees_per_container_port_sea_port_export") == unit


def test_work_after_release_is_costed_per_item_as_it_falls_due():
    """Two-step processing's post-clearance tax reviews and two-step declarations' full
    declarations cost the agencies their price each, for each one booked; at the default
    price of 0 nothing changes (the same run, the same figures as before the prices)."""
    over = {"days": 1, "warmup_days": 1,
            "after_release.two_step_processing.uptake": {"*": 0.5},
            "after_release.two_step_declaration.uptake": {"*": 0.3}}  # fmt: skip
    free = sim.load_scenario(DEFAULT, over)
    assert free.costs is not None and free.costs.checks.post_release_review == 0
    priced = sim.load_scenario(DEFAULT, {**over, "costs.checks.post_release_review": 50,
                                         "costs.checks.supplementary_declaration": 20})
    a, b = sim.simulate(free, seed=4, log=True), sim.simulate(priced, seed=4)
    log = a.log
    assert log is not None
    done = log[log.cohort & (log.outcome != "censored")]
    reviewed, declared = done.tax_reviewed.notna().sum(), done.full_declared.notna().sum()
    assert reviewed > 0 and declared > 0
    m, n = a.metrics(), b.metrics()
    added = (n["agency_cost_per_year"] - m["agency_cost_per_year"]) / 365  # (one day)
    assert added == pytest.approx(50 * reviewed + 20 * declared, rel=1e-9)
    assert n["trader_cost_per_year"] == m["trader_cost_per_year"]
    assert n["agency_cost_per_year"] + n["trader_cost_per_year"] == n["total_cost_per_year"]


def test_the_agency_cost_lines_add_up_to_the_agency_cost_a_year():
    """An auditor reconciles the agencies' cost a year from its lines: staff, capital,
    systems and checks sum to it, and a running cost of systems is its own line."""
    s = sim.load_scenario(DEFAULT, {"days": 1, "warmup_days": 1,
                                    "costs.systems": {"it": 1_000_000}})  # fmt: skip
    m = sim.simulate(s, seed=1).metrics()
    lines = ("agency_staff_cost_per_year", "agency_capital_cost_per_year",
             "agency_systems_cost_per_year", "agency_checks_cost_per_year")
    assert all(m[k] > 0 for k in lines)
    assert m["agency_systems_cost_per_year"] == pytest.approx(1_000_000, rel=1e-9)
    assert sum(m[k] for k in lines) == pytest.approx(m["agency_cost_per_year"], rel=1e-12)
    for k in lines:
        assert metric_unit(k) == "currency per year"
