"""Night-shift pay (``costs.night``): a lane's hours on duty in the night hours cost the
premium on top of ordinary time, as a row of kind ``night``, worked out by hand on the
deterministic desk of test_costs."""

from __future__ import annotations

import pytest
from test_costs import HOURLY, desk, with_costs

import sim
from sim.model.costs import HOURS_PER_YEAR
from sim.scenario.costs import Costs, NightPay
from sim.scenario.loader import ScenarioError, load_scenario

#: two servers round the clock, one from 22:00 to 06:00 added to them: 3 at night
ROSTER = [3] * 6 + [2] * 16 + [3] * 2
LANE = {"schedule": ROSTER, "service": {"dist": "deterministic", "value": "15 min"}}
NIGHT = {"start": "22:00", "end": "06:00", "premium": 1.5}


def _rows(result: sim.RunResult, kind: str):
    a = result.agency
    assert a is not None
    return a[(a["item"] == "document_check") & (a["kind"] == kind)]


def test_night_hours_on_duty_cost_the_premium_on_top_of_ordinary_time():
    r = sim.simulate(with_costs(desk("1/h", LANE), night=NIGHT), seed=1)
    [night] = _rows(r, "night").to_dict("records")
    # 3 servers x 8 night hours a day x 2 observed days x 2 heads a server
    assert night["quantity"] == pytest.approx(3 * 8 * 2 * 2, rel=1e-12)
    assert night["cost"] == pytest.approx(night["quantity"] * HOURLY * 0.5, rel=1e-12)
    staff = _rows(r, "staff")["cost"].sum()  # ordinary time is unchanged
    assert staff == pytest.approx(sum(ROSTER) * 2 * 2 * HOURLY, rel=1e-12)
    plain = sim.simulate(with_costs(desk("1/h", LANE)), seed=1)
    extra = r.metrics()["agency_staff_cost_per_year"] - plain.metrics()[
        "agency_staff_cost_per_year"
    ]
    assert extra == pytest.approx(night["cost"] * HOURS_PER_YEAR / 48, rel=1e-9)
    assert r.metrics()["agency_cost_per_consignment"] > plain.metrics()[
        "agency_cost_per_consignment"
    ]
    assert r.metrics()["clearance_h_mean"] == plain.metrics()["clearance_h_mean"]  # pay only


def test_the_night_row_is_busy_as_the_lanes_ordinary_time():
    r = sim.simulate(with_costs(desk("1/h", LANE), night=NIGHT), seed=1)
    [staff], [night] = _rows(r, "staff").to_dict("records"), _rows(r, "night").to_dict("records")
    share = staff["busy_cost"] / staff["cost"]
    assert 0 < share < 1
    assert night["busy_cost"] == pytest.approx(night["cost"] * share, rel=1e-12)
    with_night = sim.simulate(with_costs(desk("1/h", LANE), night=NIGHT), seed=1).metrics()
    plain = sim.simulate(with_costs(desk("1/h", LANE)), seed=1).metrics()
    busy = with_night["agency_busy_staff_cost_per_year"] - plain["agency_busy_staff_cost_per_year"]
    assert busy == pytest.approx(night["busy_cost"] * HOURS_PER_YEAR / 48, rel=1e-9)


def test_a_night_rows_busy_time_leaves_out_the_overtime_as_its_staff_row_does():
    """A desk whose night shift is larger works past 06:00: that overtime is busy all
    through (its own row), so the night row's busy share is the staff row's, not the
    lane's (which counts the overtime hours on duty and busy)."""
    night_heavy = {"schedule": [2] * 6 + [1] * 16 + [2] * 2,
                   "service": {"dist": "deterministic", "value": "75 min"}}
    r = sim.simulate(with_costs(desk("0.6/h", night_heavy), night=NIGHT), seed=1)
    assert not _rows(r, "overtime").empty
    [staff], [night] = _rows(r, "staff").to_dict("records"), _rows(r, "night").to_dict("records")
    share = staff["busy_cost"] / staff["cost"]
    assert share < night["utilisation"]  # (the lane's counts the overtime hours busy)
    assert night["busy_cost"] == pytest.approx(night["cost"] * share, rel=1e-12)


def test_a_day_only_roster_a_premium_of_one_or_no_night_pay_adds_nothing():
    day_only = {**LANE, "schedule": [0] * 8 + [2] * 10 + [0] * 6}
    assert _rows(sim.simulate(with_costs(desk("1/h", day_only), night=NIGHT), seed=1),
                 "night").empty
    flat = {**NIGHT, "premium": 1.0}
    assert _rows(sim.simulate(with_costs(desk("1/h", LANE), night=flat), seed=1), "night").empty
    assert _rows(sim.simulate(with_costs(desk("1/h", LANE)), seed=1), "night").empty


def test_night_hours_that_end_after_midnight_or_before_it():
    assert NightPay(premium=1.2).week_hours()[:24] == [1] * 6 + [0] * 16 + [1] * 2
    early = NightPay(start="00:00", end="05:00", premium=1.2).week_hours()
    assert early == ([1] * 5 + [0] * 19) * 7


@pytest.mark.parametrize(
    ("night", "message"),
    [
        ({"premium": 0.8}, "greater than or equal to 1"),
        ({"start": "22:30", "premium": 1.3}, "night hours start and end on the hour"),
        ({"start": "06:00", "end": "06:00", "premium": 1.3}, "are none or the whole day"),
        ({"start": "22:00"}, "premium"),
    ],
)
def test_bad_night_pay_is_refused_naming_the_field(night, message):
    default = str(sim.default_scenario_path())
    with pytest.raises(ScenarioError) as err:
        load_scenario(default, {"costs.night": night})
    text = str(err.value)
    assert "costs.night" in text and message in text


def test_the_default_scenario_has_no_night_pay():
    """The bundled default prices a night hour as a day hour (no source for a premium)."""
    costs = load_scenario(str(sim.default_scenario_path())).costs
    assert isinstance(costs, Costs) and costs.night is None


def test_night_pay_that_no_roster_reaches_is_noted():
    """Night hours that no staffed lane works: the premium changes no cost, and check and run
    say so (a roster without nights, or night hours typed wrong); a lane on duty at night
    leaves no note."""
    from sim.scenario.cost_notes import slips

    day_only = {**LANE, "schedule": [0] * 8 + [2] * 10 + [0] * 6}
    [note] = [n for n in slips(with_costs(desk("1/h", day_only), night=NIGHT))
              if n.startswith("costs.night")]
    assert note == (
        "costs.night prices the hours from 22:00 to 06:00 at 1.5 times a day hour, but no "
        "staffed lane has anyone on duty then: the premium changes no cost (check the night "
        "hours, or the lanes' rosters)"
    )
    assert not [n for n in slips(with_costs(desk("1/h", LANE), night=NIGHT))
                if n.startswith("costs.night")]
