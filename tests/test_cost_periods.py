"""A timeline's periods have costs of their own: each period's agency cost scaled to a year
from its own hours (a dated reform's running cost in full from its date, not averaged over
the run), and the cost per consignment of the goods that arrived in it; the periods add up
to the run's figures, and the compare headline's period lines carry them."""

from __future__ import annotations

import html
from types import SimpleNamespace
from typing import Any

import det_scenarios as D
import pandas as pd
import pytest

import sim
from sim.experiment.compare import metric_unit
from sim.experiment.metric_glossary import lookup
from sim.experiment.options import Option
from sim.report.headline import headline

#: a running cost of 876,000 a year (100 an hour), switched on 12 h into a 48-hour window
RUNNING = 876000.0


def dated(at: str = "36 h") -> sim.Scenario:
    """Two land ports whose every declaration has a document check (2 servers of 2 heads at
    10 an hour each: 40 an hour), nothing else the agency pays for, and a reform whose only
    change is its running cost, switched on at ``at`` (the window is 24 h to 72 h)."""
    costs: dict[str, Any] = {
        "price_year": 2019,
        "hours_per_year": 1900,
        "roles": {"officer": 19000},
        "staff": {"document_check": {"role": "officer", "heads": 2}},
        "trader": {"broker_fee": 50, "time_cost_per_day": 0.01},
    }
    lane = {"capacity": 2, "service": D.fixed(0.1)}
    ports = {"p": D.port(rate="2/h", document_check=lane),
             "q": D.port(rate="1/h", document_check=D.unlimited(0.1))}  # (no staff to pay)
    timeline = [{"reform": f"exam_without_trader:cost_per_year={RUNNING:g}", "at": at}]
    return D.scenario(ports, selection={"document": 1.0}, days=2, warmup_days=1,
                      costs=costs, timeline=timeline)


def test_a_dated_running_cost_counts_in_full_in_its_own_period_and_pro_rata_in_the_run():
    m = sim.simulate(dated(), seed=1).metrics()
    staff = 2 * 2 * 10 * 8760.0  # (servers x heads x hourly cost, a year)
    assert m["agency_cost_per_year_era_0"] == pytest.approx(staff, rel=1e-9)
    assert m["agency_cost_per_year_era_1"] == pytest.approx(staff + RUNNING, rel=1e-9)
    # the run's figure: the running cost for 36 of the 48 observed hours
    assert m["agency_cost_per_year"] == pytest.approx(staff + RUNNING * 36 / 48, rel=1e-9)


def test_the_periods_add_up_to_the_run():
    """Per year, the periods weighted by their observed hours are the run's; per consignment,
    weighted by their finished consignments (all released here)."""
    r = sim.simulate(dated("60 h"), seed=3)
    m = r.metrics()
    hours = {0: 36.0, 1: 12.0}
    per_year = sum(m[f"agency_cost_per_year_era_{k}"] * h for k, h in hours.items()) / 48
    assert per_year == pytest.approx(m["agency_cost_per_year"], rel=1e-12)
    c = r.clearance
    n = {k: int(c[(c.metric == "clearance") & (c.group == f"era_{k}")]["n"].iloc[0])
         for k in hours}  # fmt: skip
    assert sum(n.values()) == m["consignments_released"] == m["consignments_arrived"]
    for what in ("total", "agency"):
        each = {k: m[f"{what}_cost_per_consignment_era_{k}"] for k in n}
        pooled = sum(each[k] * n[k] for k in n) / sum(n.values())
        assert pooled == pytest.approx(m[f"{what}_cost_per_consignment"], rel=1e-12)


def test_a_run_without_periods_has_no_period_costs_and_the_units_read_through_the_suffix():
    s = dated().model_copy(update={"timeline": []})
    assert not [k for k in sim.simulate(s, seed=1).metrics() if "_era_" in k]
    assert metric_unit("agency_cost_per_year_era_1") == "currency per year"
    assert metric_unit("total_cost_per_consignment_era_0") == "currency per consignment"
    # a class named "general" holds the letters "era": not a period
    name = "trader_cost_per_consignment_aeo_general_port_sea_import"
    assert metric_unit(name) == "currency per consignment"
    entry = lookup("agency_cost_per_year_era_2")
    assert entry is not None and entry.stem == "agency_cost_per_year_<era>"


def test_the_headlines_period_lines_carry_the_cost():
    options = [Option("baseline"), Option("sir", reform="smart_image_review@21d")]
    metrics = ["agency_cost_per_year", "clearance_h_mean_era_0_import",
               "clearance_h_mean_era_1_import",
               "agency_cost_per_year_era_0", "agency_cost_per_year_era_1",
               "total_cost_per_consignment_era_1"]  # fmt: skip
    rows = [("sir", m, 1800000.0, 1100000.0, 2500000.0) for m in metrics]
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=["baseline", "sir"], options=options, differences=diffs,
                          meta={"currency": "USD", "periods": [
                              "era_0 from the observed days' start (day 14)",
                              "era_1 from day 21: smart_image_review"]},
                          unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    after = text.split("Goods arriving from day 21")[1]
    assert "agencies' cost per year (this period's own" in after
    assert "1,800,000 USD more" in after and "cost per declaration, agencies and traders" in after


def peak(window_at: str | None, service_h: float = 0.1) -> sim.Scenario:
    """A land port with a document check of 2 servers of 2 heads at 10 an hour (overtime at
    1.5 times), observed 24 h to 72 h in three periods (from 40 h and 56 h), and with
    ``window_at``, two more servers for 8 hours from then (a peak season's extra staff)."""
    costs: dict[str, Any] = {
        "price_year": 2019,
        "hours_per_year": 1900,
        "roles": {"officer": 19000},
        "staff": {"document_check": {"role": "officer", "heads": 2}},
        "overtime_premium": 1.5,
        "trader": {"broker_fee": 50, "time_cost_per_day": 0.01},
    }
    lane = {"capacity": 2, "service": D.fixed(service_h)}
    windows = [] if window_at is None else [
        {"port": "p", "lane": "document_check", "at": window_at, "lasts": "8 h", "servers": 4}]
    return D.scenario({"p": D.port(rate="2/h", document_check=lane)}, selection={"document": 1.0},
                      days=2, warmup_days=1, costs=costs, periods_at=["40 h", "56 h"],
                      capacity_windows=windows)  # fmt: skip


#: what one hour of the window's extra staff costs: 2 servers x 2 heads x 10 an hour x 1.5
EXTRA_HOUR = 2 * 2 * 10 * 1.5


def _per_year(window_at: str | None) -> dict[str, float]:
    m = sim.simulate(peak(window_at), seed=1).metrics()
    return {k: v for k, v in m.items() if k.startswith("agency_cost_per_year")}


def test_a_peak_window_costs_its_own_period_and_leaves_the_others_as_they_were():
    """Extra staff inside one period (44 h to 52 h, in the period from 40 h to 56 h) are that
    period's overtime; the periods before and after cost exactly what they cost without it."""
    base, with_peak = _per_year(None), _per_year("44 h")
    assert with_peak["agency_cost_per_year_era_0"] == base["agency_cost_per_year_era_0"]
    assert with_peak["agency_cost_per_year_era_2"] == base["agency_cost_per_year_era_2"]
    rise = with_peak["agency_cost_per_year_era_1"] - base["agency_cost_per_year_era_1"]
    assert rise == pytest.approx(8 * EXTRA_HOUR * 8760 / 16, rel=1e-9)  # (its 16 hours)
    whole = with_peak["agency_cost_per_year"] - base["agency_cost_per_year"]
    assert whole == pytest.approx(8 * EXTRA_HOUR * 8760 / 48, rel=1e-9)  # (the run's 48)


def test_a_window_across_a_period_edge_is_split_by_its_hours():
    """Extra staff from 36 h to 44 h: 4 hours in the period before 40 h, 4 in the one after."""
    base, with_peak = _per_year(None), _per_year("36 h")
    for k in (0, 1):
        rise = with_peak[f"agency_cost_per_year_era_{k}"] - base[f"agency_cost_per_year_era_{k}"]
        assert rise == pytest.approx(4 * EXTRA_HOUR * 8760 / 16, rel=1e-9)
    assert with_peak["agency_cost_per_year_era_2"] == base["agency_cost_per_year_era_2"]



def test_a_lanes_utilisation_and_wait_are_split_by_period():
    """With a busy document check (0.9 h a job), the peak window's extra servers lower its
    utilisation and wait in their own period; the period before is exactly as without them,
    and the periods' busy over duty hours add up to the window's utilisation."""
    base = sim.simulate(peak(None, service_h=0.9), seed=1).metrics()
    with_peak = sim.simulate(peak("44 h", service_h=0.9), seed=1).metrics()
    lane = "p_document_check"
    for what in ("utilisation", "wait_h_mean"):
        assert with_peak[f"{what}_{lane}_era_0"] == base[f"{what}_{lane}_era_0"]
        assert with_peak[f"{what}_{lane}_era_1"] < base[f"{what}_{lane}_era_1"]
    assert base[f"wait_h_mean_{lane}_era_1"] > 0
    busy = sum(base[f"utilisation_{lane}_era_{k}"] * 2 * 16 for k in range(3))  # (2 servers)
    assert busy / (2 * 48) == pytest.approx(base[f"utilisation_{lane}"], rel=1e-9)
