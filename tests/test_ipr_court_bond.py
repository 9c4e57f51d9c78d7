"""Goods detained on application under a court's order, and the holder's bond
(``enforcement.ipr.court_notice_share``, ``court_order_days``, ``bond_per_case``,
``bond_rate``; sim.model.ipr ``split`` and ``detained_days``): a share of the cases get a
court's notice within ``court_days`` and are held ``court_order_days`` more, the rest are
released at ``court_days``; the days held are their expected value; the bond costs its rate
for those days. Unset, the hold is ``court_days`` and no bond is costed, as before. Days by
hand from time 0, Monday 00:00; the office keeps Monday to Friday, 08:30 to 17:30."""

from __future__ import annotations

import pytest

import sim
from sim.scenario.ipr import IprProcedure
from sim.scenario.office_hours import OfficeHours
from tests.ipr_cases import FAKES, LATE, SMALL, held

#: 20 working days from a Friday: four weeks: 28 days 2.5 hours
COURT_20 = 28 + LATE
#: 20 + 30 working days from a Friday: ten weeks: 70 days 2.5 hours
ORDER_30 = 70 + LATE


def test_unset_the_hold_is_the_court_days_and_no_bond_bit_for_bit():
    assert IprProcedure().on_application_days() == ((1.0, 20.0),)
    assert held(None)["ipr_detained_days_mean"] == 20 * 7 / 5
    assert held(OfficeHours())["ipr_detained_days_mean"] == pytest.approx(COURT_20, abs=1e-12)
    assert "ipr_bond_cost" not in held(None)
    dumped = IprProcedure(court_order_days=30.0, bond_rate=0.02).model_dump()
    assert not {"court_notice_share", "court_order_days", "bond_per_case",
                "bond_rate"} & set(dumped)  # (its hash unchanged)
    assert IprProcedure(court_notice_share=0.5).model_dump()["court_notice_share"] == 0.5


def test_every_case_with_a_court_notice_holds_the_courts_and_the_orders_days():
    case = {"court_notice_share": 1.0, "court_order_days": 30.0}
    assert held(None, **case)["ipr_detained_days_mean"] == pytest.approx(50 * 7 / 5)
    got = held(OfficeHours(), **case)["ipr_detained_days_mean"]
    assert got == pytest.approx(ORDER_30, abs=1e-12)


def test_a_share_in_between_holds_the_mixture_of_the_two():
    case = {"court_notice_share": 0.25, "court_order_days": 30.0, "storage_per_day": 10.0}
    m = held(None, **case)
    assert m["ipr_detained_days_mean"] == pytest.approx((0.75 * 20 + 0.25 * 50) * 7 / 5)
    m = held(OfficeHours(), **case)
    want = 0.75 * COURT_20 + 0.25 * ORDER_30
    assert m["ipr_detained_days_mean"] == pytest.approx(want, rel=1e-12)
    assert m["ipr_storage_cost"] == pytest.approx(10.0 * want, rel=1e-12)


def test_the_bond_costs_its_rate_for_the_calendar_days_held():
    m = held(OfficeHours(), bond_per_case=100_000.0, bond_rate=0.05)
    assert m["ipr_bond_cost"] == pytest.approx(100_000 * 0.05 * COURT_20 / 365, rel=1e-12)
    m = held(None, bond_per_case=50_000.0, bond_rate=0.02, court_notice_share=1.0)
    assert m["ipr_bond_cost"] == pytest.approx(50_000 * 0.02 * (20 + 30) * 7 / 5 / 365)
    assert m["ipr_bond_cost_port_sea"] == m["ipr_bond_cost"]


def test_a_runs_bond_cost_follows_its_detentions_of_both_procedures():
    """Ex officio 3 + 30 working days, on application 20 + 0.5 x 30; 7/5 calendar days."""
    ipr = {"holder_confirms": 0.7, "holder_applies": 0.5, "court_notice_share": 0.5,
           "bond_per_case": 73_000.0, "bond_rate": 0.1}
    m = sim.simulate(sim.load_scenario(SMALL, {**FAKES, "enforcement.ipr": ipr}), 2).metrics()
    ex_officio = m["ipr_suspected_recorded"] - m["ipr_released_unconfirmed"]
    on_application = m["ipr_suspected_unrecorded"] - m["ipr_released_unprotected"]
    assert on_application >= 1
    days = (ex_officio * 33 + on_application * (20 + 0.5 * 30)) * 7 / 5
    assert m["ipr_holder_days"] == pytest.approx(days, rel=1e-12)
    assert m["ipr_bond_cost"] == pytest.approx(days * 73_000 * 0.1 / 365, rel=1e-12)


@pytest.mark.parametrize(("field", "value", "said"), [
    ("court_notice_share", 1.5, r"enforcement.ipr.court_notice_share = 1.5"),
    ("court_notice_share", -0.1, r"enforcement.ipr.court_notice_share = -0.1"),
    ("court_order_days", 366, r"enforcement.ipr.court_order_days = 366.*less than or equal to"),
    ("court_order_days", -1, r"enforcement.ipr.court_order_days = -1"),
    ("bond_per_case", -5, r"enforcement.ipr.bond_per_case = -5.*greater than or equal to 0"),
    ("bond_rate", 1.5, r"enforcement.ipr.bond_rate = 1.5.*less than or equal to 1"),
    ("bond_rate", -0.01, r"enforcement.ipr.bond_rate = -0.01"),
])
def test_bad_court_and_bond_fields_are_refused_naming_the_field(field, value, said):
    with pytest.raises(sim.ScenarioError, match=said):
        sim.load_scenario(SMALL, {**FAKES, f"enforcement.ipr.{field}": value})
