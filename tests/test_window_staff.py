"""``bordersim hours --windows``: a capacity window's staff above the schedule, in
staff-hours and money over the window's own hours, priced as the run prices overtime."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import det_scenarios as D
import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.report.window_staff import window_lines, window_staff

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")


def peak(window: dict[str, Any] | None) -> sim.Scenario:
    """A land port with a document check of 2 servers of 2 heads (an officer at 19,000 a year
    over 1,900 hours, overtime at 1.5 times), observed from 24 h to 72 h, with ``window``."""
    costs: dict[str, Any] = {
        "price_year": 2019, "hours_per_year": 1900, "roles": {"officer": 19000},
        "staff": {"document_check": {"role": "officer", "heads": 2}},
        "overtime_premium": 1.5, "trader": {"broker_fee": 50, "time_cost_per_day": 0.01},
    }
    lane = {"capacity": 2, "service": D.fixed(0.1)}
    windows = [] if window is None else [{"port": "p", "lane": "document_check", **window}]
    return D.scenario({"p": D.port(rate="2/h", document_check=lane)}, selection={"document": 1.0},
                      days=2, warmup_days=1, costs=costs, capacity_windows=windows)


def _price(s: sim.Scenario) -> float:
    """One staff-hour of the document check's overtime, from the scenario's own numbers."""
    assert s.costs is not None
    return s.costs.roles["officer"] / s.costs.hours_per_year * s.costs.overtime_premium


def test_a_windows_cost_is_its_staff_hours_above_the_schedule_at_the_overtime_price():
    s = peak({"at": "44 h", "lasts": "8 h", "servers": 5})
    row = window_staff(s).iloc[0]
    lane = s.ports["p"].document_check
    assert lane is not None and s.costs is not None
    extra = (5 - lane.capacity) * 8 * s.costs.staff["document_check"].heads  # 3 x 8 h x 2
    assert (row.window, row.port, row.lane, row.from_h, row.hours) == (
        0, "p", "document_check", 44.0, 8.0)
    assert row.staff_hours == pytest.approx(extra)
    assert row.cost == pytest.approx(extra * _price(s))
    assert window_lines(window_staff(s))[0] == (
        "  capacity_windows.0  p  document_check  day 1.83333 for 0.333333 days: 48 staff-hours "
        f"above the schedule, {extra * _price(s):,.0f} USD at 15.00 an hour of overtime")


def test_added_staff_and_a_closure():
    """``added`` counts each added server; a closure (fewer than the schedule) costs nothing."""
    s = peak({"at": "30 h", "lasts": "10 h", "added": 1})
    assert window_staff(s).iloc[0].cost == pytest.approx(1 * 10 * 2 * _price(s))
    closed = window_staff(peak({"at": "30 h", "lasts": "10 h", "servers": 0})).iloc[0]
    assert closed.staff_hours == 0 and closed.cost == 0


def test_the_run_prices_the_windows_staff_so():
    """The run's agency cost rises by the window's cost (scaled to a year over the 48
    observed hours): the same staff-hours at the same price, the whole-run figure as before."""
    s = peak({"at": "44 h", "lasts": "8 h", "servers": 4})
    base = sim.simulate(peak(None), seed=1).metrics()["agency_cost_per_year"]
    rise = sim.simulate(s, seed=1).metrics()["agency_cost_per_year"] - base
    assert rise * 48 / 8760 == pytest.approx(window_staff(s).iloc[0].cost, rel=1e-9)


def test_hours_windows_on_the_command_line(tmp_path, capsys):
    out, csv = tmp_path / "run", tmp_path / "w.csv"
    window = ("capacity_windows=[{port='sea', lane='document_check', at='7 d', lasts='12 h', "
              "servers=3}]")
    assert main(["run", SMALL, "--reps", "1", "--days", "1", "--set", window, "--out", str(out),
                 "--executor", "serial"]) == 0
    capsys.readouterr()
    assert main(["hours", str(out), "--windows", "--csv", str(csv)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("  capacity_windows.0  sea  document_check  day 7 for 0.5 days: "
                               "12 staff-hours above the schedule, not priced")
    assert pd.read_csv(csv).loc[0, "staff_hours"] == 12
