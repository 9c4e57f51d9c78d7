"""Cash or freed capacity (:mod:`sim.model.cost_capacity`): a reform that frees officers'
hours without cutting the posts that pay them saves no cash; the hours it frees show as idle
staff time, at their cost, reported apart and left out of the NPV unless asked."""

from __future__ import annotations

import pandas as pd
import pytest
from test_costs import HOURLY, desk, with_costs

import sim
from sim.experiment.appraisal import Appraisal, appraise
from sim.model import agency_costs as ac
from sim.model.cost_capacity import idle_staff, metrics
from sim.model.costs import HOURS_PER_YEAR

#: a desk of 3 servers round the clock over 48 hours, 2 officers a server, at HOURLY a head-hour
SERVERS, HOURS, HEADS = 3, 48.0, 2


def _desk(utilisation: float) -> list[dict]:
    """The desk's cost rows over the window, its servers busy ``utilisation`` of the time."""
    row = ac.cost_item("p", "document_check", "staff", "officer", SERVERS * HOURS * HEADS, HOURLY)
    return ac.with_busy_cost([row], {("p", "document_check"): utilisation})


def test_a_reform_that_frees_hours_but_cuts_no_post_saves_no_cash_and_frees_their_cost():
    base, reform = _desk(0.5), _desk(0.25)  # (the same schedule: every post still paid)
    cash = sum(r["cost"] for r in base) - sum(r["cost"] for r in reform)
    assert cash == 0.0
    # by hand: 3 servers x 48 h x 2 heads = 288 head-hours; a quarter of them freed = 72,
    # at 10 a head-hour = 720 over the window
    (h0, c0), (h1, c1) = idle_staff(base), idle_staff(reform)
    assert h1 - h0 == pytest.approx(72.0, rel=1e-12)
    assert c1 - c0 == pytest.approx(720.0, rel=1e-12)
    a_year = HOURS_PER_YEAR / HOURS
    m0, m1 = metrics(base, a_year), metrics(reform, a_year)
    freed = m1["agency_idle_staff_cost_per_year"] - m0["agency_idle_staff_cost_per_year"]
    assert freed == pytest.approx(720.0 * a_year, rel=1e-12)


def test_idle_and_busy_staff_cost_add_up_to_the_staff_paid_overtime_never_idle():
    rows = [
        ac.cost_item("p", "document_check", "staff", "officer", 100.0, HOURLY),
        ac.cost_item("p", "document_check", "overtime", "officer", 10.0, HOURLY * 1.5),
        ac.cost_item(ac.OVERHEAD, "patrol:river", "staff", "officer", 50.0, HOURLY),
    ]
    rows = ac.with_busy_cost(rows, {("p", "document_check"): 0.6})
    hours, cost = idle_staff(rows)
    # the desk worked 0.6 x 110 = 66 head-hours, 10 of them overtime: 56 within 100 on duty
    assert hours == pytest.approx(44.0, rel=1e-12)
    assert cost == pytest.approx(44.0 * HOURLY, rel=1e-12)  # (the patrol is not measured)


def test_a_run_that_serves_faster_on_the_same_roster_frees_capacity_not_cash():
    """Half the service time on the same desk: the cash cost is the same to the cent, the idle
    staff time rises, and its cost is its head-hours at the officers' hourly cost."""
    lane = {"capacity": SERVERS, "service": {"dist": "deterministic", "value": "15 min"}}
    fast = {**lane, "service": {"dist": "deterministic", "value": "7.5 min"}}
    slow_run = sim.simulate(with_costs(desk("2/h", lane)), seed=1).metrics()
    fast_run = sim.simulate(with_costs(desk("2/h", fast)), seed=1).metrics()
    assert fast_run["agency_cost_per_year"] == slow_run["agency_cost_per_year"]
    hours = (fast_run["agency_idle_staff_hours_per_year"]
             - slow_run["agency_idle_staff_hours_per_year"])
    freed = (fast_run["agency_idle_staff_cost_per_year"]
             - slow_run["agency_idle_staff_cost_per_year"])
    assert hours > 0
    assert freed == pytest.approx(hours * HOURLY, rel=1e-9)
    busy = (slow_run["agency_busy_staff_cost_per_year"]
            - fast_run["agency_busy_staff_cost_per_year"])
    assert freed == pytest.approx(busy, rel=1e-9)


def _replications(idle_rise: float) -> pd.DataFrame:
    """Baseline and option ``o`` over two replications: the same running cost (no cash saved),
    traders saving 100 a year; the option's idle staff time ``idle_rise`` (10 a head-hour)
    higher."""
    rows = []
    for r in range(2):
        for name, trader, idle in (("baseline", 1000.0, 500.0 + r),
                                   ("o", 900.0, 500.0 + r + idle_rise)):
            rows.append({"option": name, "replication": r, "agency_capital_outlay": 0.0,
                         "agency_running_cost_per_year": 2000.0 + r,
                         "trader_cost_per_year": trader, "trader_cost_per_consignment": 1.0,
                         "time_per_consignment": 0.0, "overall_clearance_h_mean": 1.0,
                         "consignments_released": 100.0,
                         "agency_idle_staff_cost_per_year": idle,
                         "agency_idle_staff_hours_per_year": idle / HOURLY})
    return pd.DataFrame(rows)


def _mean(table: pd.DataFrame, figure: str) -> float:
    return float(table.loc[table["figure"] == figure, "mean"].iloc[0])


def test_appraise_shows_cash_and_capacity_apart_and_counts_capacity_only_when_asked():
    cash_only = Appraisal(years=2, discount_rate=0.0, days=365.0)
    table = appraise(_replications(300.0), ["o"], cash_only)
    assert _mean(table, "cash_saving_per_year") == 0.0
    assert _mean(table, "capacity_freed_per_year") == pytest.approx(300.0)
    assert _mean(table, "capacity_freed_hours_per_year") == pytest.approx(30.0)
    assert _mean(table, "net_present_value") == pytest.approx(2 * 100.0)  # traders' only
    counted = Appraisal(years=2, discount_rate=0.0, days=365.0, count_capacity=True)
    table = appraise(_replications(300.0), ["o"], counted)
    assert _mean(table, "net_benefit_per_year") == pytest.approx(400.0)
    assert _mean(table, "net_present_value") == pytest.approx(2 * 400.0)



def _row(mean: float, low: float, high: float) -> dict[str, float]:
    return {"mean": mean, "shown_low": low, "shown_high": high}


def test_the_brief_says_cash_saved_apart_from_capacity_freed_in_both_languages():
    from sim.report.brief_cash import line, text

    rows = {("o", "agency_cost_per_year"): _row(-3000.0, -5000.0, -1000.0),
            ("o", "agency_idle_staff_cost_per_year"): _row(61000.0, 51000.0, 71000.0),
            ("o", "agency_idle_staff_hours_per_year"): _row(5500.0, 4600.0, 6400.0)}
    said = line(rows, "o", "USD")
    assert said.startswith("Agencies' saving a year: 3,000 USD in cash (95 % CI 1,000 to 5,000)")
    assert "61,000 USD of staff capacity freed (95 % CI 51,000 to 71,000; 5,500 officer-hours" \
        in said
    zh = text(said)
    assert zh is not None and "现金 3,000 USD" in zh and "释放的人员能力 61,000 USD" in zh
    assert line({k: v for k, v in rows.items() if "idle" not in k[1]}, "o", "USD") == ""


def test_the_cash_line_says_no_minus_zero_and_is_chinese_at_a_price_year():
    """A scenario with a price year (the Guangdong ones) gives the money as ``USD at 2019
    prices``: the Chinese page must still translate the line, with the freed capacity in
    money too; a saving that rounds to nothing reads ``0``, not ``-0``."""
    from sim.report.brief_cash import line, text

    rows = {("o", "agency_cost_per_year"): _row(0.2, 0.1, 0.4),
            ("o", "agency_idle_staff_cost_per_year"): _row(798.0, -23265.0, 24862.0),
            ("o", "agency_idle_staff_hours_per_year"): _row(40.2, -2124.0, 2204.0)}
    said = line(rows, "o", "USD at 2019 prices")
    assert said.startswith("Agencies' saving a year: 0 USD at 2019 prices in cash (95 % CI 0 "
                           "to 0), and 798 USD at 2019 prices of staff capacity freed")
    assert "-0" not in said
    zh = text(said)
    assert zh is not None
    assert "现金 0 USD（2019 年价格）" in zh and "释放的人员能力 798 USD（2019 年价格）" in zh
