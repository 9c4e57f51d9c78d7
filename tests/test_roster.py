"""``bordersim check --roster``: each lane's servers on duty as shifts and its staff cost a
week, the same as the run's cost book charges for the same roster."""

from __future__ import annotations

import re

import pytest
from test_costs import desk, with_costs

import sim
from sim.cli import main
from sim.cli_roster import _days, pattern, roster_lines
from sim.scenario.loader import load_scenario

DEFAULT = str(sim.default_scenario_path())


def test_a_daily_roster_is_said_as_shifts():
    assert pattern(([2] * 8 + [8] * 10 + [4] * 4 + [2] * 2) * 7) == (
        "every day: 00-08 2, 08-18 8, 18-22 4, 22-24 2"
    )
    assert pattern([0] * 168) == "no one on duty"


def test_days_with_the_same_pattern_are_named_together():
    weekday, weekend = [0] * 8 + [5] * 10 + [0] * 6, [0] * 24
    assert pattern(weekday * 5 + weekend * 2) == "Mon-Fri: 00-08 0, 08-18 5, 18-24 0; Sat, Sun: off"
    assert _days([0, 1, 2, 4]) == "Mon-Wed, Fri"
    assert _days([6]) == "Sun"


def _weekly_cost(line: str) -> float:
    found = re.search(r", ([\d,]+(?:\.\d+)?) USD a week", line)
    assert found, line
    return float(found.group(1).replace(",", ""))


@pytest.mark.parametrize("night", [None, {"premium": 1.5}])
def test_the_weekly_cost_is_what_the_run_charges_for_the_roster(night):
    schedule = [1] * 6 + [3] * 12 + [2] * 6
    lane = {"schedule": schedule, "service": {"dist": "deterministic", "value": "6 min"}}
    over = {} if night is None else {"night": night}
    scenario = with_costs(desk("1/h", lane), **over)
    [line] = [x for x in roster_lines(scenario) if x.startswith("ports.p.document_check:")]
    assert "every day: 00-06 1, 06-18 3, 18-24 2" in line
    assert f"{sum(schedule) * 7:,} server-hours a week" in line
    assert f"{sum(schedule) * 7 * 2:,} head-hours of officer (2 a server)" in line
    run = sim.simulate(scenario, seed=1).agency
    assert run is not None
    mine = run[(run["item"] == "document_check") & run["kind"].isin(["staff", "night"])]
    two_days = float(mine["cost"].sum())  # the desk observes 2 days
    assert _weekly_cost(line) == pytest.approx(two_days * 7 / 2, abs=0.5)  # (printed whole)
    assert ("night pay" in line) == (night is not None)


def test_check_roster_prints_a_line_per_lane_and_the_total(capsys):
    assert main(["check", DEFAULT, "--roster"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0] == (
        "ports.sea_port.review: every day: 00-08 2, 08-18 8, 18-22 4, 22-24 2; 812 "
        "server-hours a week; 812 head-hours of customs_officer (1 a server), 9,017 USD a week"
    )
    assert (
        "ports.sea_port.exam.bays: every day: 00-24 20; 3,360 server-hours a week (not "
        "priced: costs.staff lists no exam_bays)"
    ) in out
    assert "ports.land_border.exam.movers: unlimited (a pure delay: no servers, no staff)" in out
    assert out[-1].startswith("staff on duty by these rosters: ")


def test_a_cross_trained_pools_lanes_say_where_they_are_priced():
    s = load_scenario(DEFAULT, {"inspection.joint_staffing": "cross_trained"})
    [teams] = [x for x in roster_lines(s) if x.startswith("ports.sea_port.exam.teams:")]
    assert teams.endswith("(cross-trained: one exam_officers pool, which the run prices)")
