"""The consignee's and the holder's early releases of detained goods
(``enforcement.ipr.patent_share``, ``counter_bond_share``, ``counter_bond_days``,
``counter_bond_per_case``, ``counter_bond_rate``, ``counter_bond_held_days``,
``withdrawn_share``, ``withdrawn_days``; sim.model.ipr ``split`` and ``detained_days``): the
patent cases whose consignee posts the counter-bond (IPR Regulations art. 19) are released
after ``counter_bond_days``, the cases withdrawn after ``withdrawn_days``, the rest held as
before; the days held are their expected value; the counter-bond costs its rate for the
days it stays posted. Unset, nothing changes. Days by hand from time 0, Monday 00:00; the
office keeps Monday to Friday, 08:30 to 17:30."""

from __future__ import annotations

import pytest

import sim
from sim.scenario.ipr import IprProcedure
from sim.scenario.office_hours import OfficeHours
from tests.ipr_cases import FAKES, LATE, SMALL, held

COURT_20 = 28 + LATE  # (20 working days from a Friday: four weeks)
TEN = 14 + LATE  # (10 working days: two weeks)
FIVE = 7 + LATE  # (5 working days: one week)
NEW = {"patent_share", "counter_bond_share", "counter_bond_days", "counter_bond_per_case",
       "counter_bond_rate", "counter_bond_held_days", "withdrawn_share", "withdrawn_days",
       "counter_bond_sued_share", "counter_bond_suit_days", "counter_bond_awarded_share"}


def test_unset_the_outcomes_and_the_dump_are_unchanged():
    p = IprProcedure(counter_bond_days=20.0, withdrawn_days=5.0, patent_share=0.5)
    assert p.on_application_days() == ((1.0, 20.0),)
    assert p.ex_officio_days() == ((1.0, 33.0),)
    assert not NEW & set(IprProcedure(counter_bond_rate=0.02).model_dump())  # (hash unchanged)
    assert "ipr_counter_bond_cost" not in held(None, patent_share=1.0)
    assert IprProcedure(withdrawn_share=0.5).model_dump()["withdrawn_share"] == 0.5


def test_every_case_withdrawn_is_held_the_withdrawal_days_on_the_calendar():
    case = {"withdrawn_share": 1.0, "withdrawn_days": 5.0}  # (not counter_bond_days' 10)
    assert held(OfficeHours(), **case)["ipr_detained_days_mean"] == pytest.approx(FIVE, abs=1e-12)
    assert held(None, **case)["ipr_detained_days_mean"] == pytest.approx(5 * 7 / 5)
    ex_officio = IprProcedure(**case).ex_officio_days()
    assert ex_officio == ((1.0, 3.0 + 5.0),)  # (the reply, then the withdrawal)


def test_shares_in_between_hold_the_exact_mixture():
    case = {"withdrawn_share": 0.25, "withdrawn_days": 10.0, "patent_share": 0.5,
            "counter_bond_share": 0.5, "counter_bond_days": 5.0, "storage_per_day": 10.0,
            "bond_per_case": 73_000.0, "bond_rate": 0.1}
    m = held(OfficeHours(), **case)
    want = 0.5 * COURT_20 + 0.25 * TEN + 0.25 * FIVE
    assert m["ipr_detained_days_mean"] == pytest.approx(want, rel=1e-12)
    assert m["ipr_storage_cost"] == pytest.approx(10.0 * want, rel=1e-12)
    assert m["ipr_bond_cost"] == pytest.approx(73_000 * 0.1 * want / 365, rel=1e-12)
    m = held(None, **case)
    assert m["ipr_detained_days_mean"] == pytest.approx((0.5 * 20 + 0.25 * 10 + 0.25 * 5) * 1.4)


def test_the_counter_bond_costs_its_rate_for_the_days_it_stays_posted():
    case = {"patent_share": 0.5, "counter_bond_share": 0.5, "counter_bond_per_case": 200_000.0,
            "counter_bond_rate": 0.05, "counter_bond_held_days": 30.0}
    m = held(OfficeHours(), **case)
    want = 0.25 * 200_000 * 0.05 * 30 * 7 / 5 / 365
    assert m["ipr_counter_bond_cost"] == pytest.approx(want, rel=1e-12)
    assert m["ipr_counter_bond_cost_port_sea"] == m["ipr_counter_bond_cost"]


def test_a_runs_withdrawals_shorten_both_procedures_holds():
    """Ex officio 3 + (0.5 x 30 + 0.5 x 10), on application 0.5 x 20 + 0.5 x 10; 7/5."""
    ipr = {"holder_confirms": 0.7, "holder_applies": 0.5, "withdrawn_share": 0.5,
           "withdrawn_days": 10.0}
    m = sim.simulate(sim.load_scenario(SMALL, {**FAKES, "enforcement.ipr": ipr}), 2).metrics()
    ex_officio = m["ipr_suspected_recorded"] - m["ipr_released_unconfirmed"]
    on_application = m["ipr_suspected_unrecorded"] - m["ipr_released_unprotected"]
    assert ex_officio >= 1 and on_application >= 1
    days = (ex_officio * (3 + 20) + on_application * 15) * 7 / 5
    assert m["ipr_holder_days"] == pytest.approx(days, rel=1e-12)


def test_an_early_release_after_the_cases_own_end_is_its_own_end():
    """Withdrawn after 30 working days, goods on application released at 20 without a
    court's notice leave at 20: a withdrawal cannot come after the release."""
    case = {"withdrawn_share": 0.5, "withdrawn_days": 30.0}
    assert IprProcedure(**case).on_application_days() == ((1.0, 20.0),)
    m = held(OfficeHours(), **case)
    assert m["ipr_detained_days_mean"] == pytest.approx(COURT_20, abs=1e-12)
    both = {**case, "withdrawn_share": 0.4, "court_notice_share": 0.5, "court_order_days": 30.0}
    outcomes = IprProcedure(**both).on_application_days()  # (20, 20 + 30, the withdrawn 30)
    assert [d for _, d in outcomes] == [20.0, 50.0, 30.0]
    assert [w for w, _ in outcomes] == pytest.approx([0.5, 0.3, 0.2], rel=1e-12)
    ex_officio = IprProcedure(withdrawn_share=0.5, withdrawn_days=40.0).ex_officio_days()
    assert ex_officio == ((1.0, 33.0),)  # (decided at 30 from the detention, after the reply)


def test_no_counter_bond_is_posted_for_goods_already_released():
    """A counter-bond after 25 working days: the cases on application, released at 20, post
    none; the ex officio ones, held 30, post it; a court's order holding half of them on
    to 50 posts it for that half."""
    p = IprProcedure(patent_share=1.0, counter_bond_share=0.5, counter_bond_days=25.0,
                     counter_bond_per_case=365_000.0, counter_bond_rate=0.1,
                     counter_bond_held_days=5.0)
    full = 0.5 * 365_000 * 0.1 / 365 * 5 * 7 / 5
    assert p.counter_bond_cost_per_case(False) == 0.0
    assert p.counter_bond_cost_per_case(True) == pytest.approx(full, rel=1e-12)
    court = p.model_copy(update={"court_notice_share": 0.5})
    assert court.counter_bond_cost_per_case(False) == pytest.approx(full / 2, rel=1e-12)
    assert held(None, **p.model_dump())["ipr_counter_bond_cost"] == 0.0


def test_a_holder_who_sues_keeps_the_counter_bond_posted_and_may_be_awarded_it():
    """40 % of the counter-bonds sued over: posted 200 working days, not 30; half of those
    awarded to the holder, the whole counter-bond each."""
    case = {"patent_share": 0.5, "counter_bond_share": 0.5, "counter_bond_per_case": 200_000.0,
            "counter_bond_rate": 0.05, "counter_bond_held_days": 30.0,
            "counter_bond_sued_share": 0.4, "counter_bond_suit_days": 200.0,
            "counter_bond_awarded_share": 0.5}
    m = held(OfficeHours(), **case)
    want = 0.25 * 200_000 * 0.05 / 365 * (0.6 * 30 + 0.4 * 200) * 7 / 5
    assert m["ipr_counter_bond_cost"] == pytest.approx(want, rel=1e-12)
    assert m["ipr_counter_bond_awarded"] == pytest.approx(0.25 * 0.4 * 0.5 * 200_000, rel=1e-12)
    assert m["ipr_counter_bond_awarded_port_sea"] == m["ipr_counter_bond_awarded"]
    late = {**case, "counter_bond_days": 25.0}  # (released at 20 on application: none posted)
    assert held(None, **late)["ipr_counter_bond_awarded"] == 0.0
    assert "ipr_counter_bond_awarded" not in held(None, **{**case, "counter_bond_sued_share": 0})
    assert "ipr_counter_bond_awarded" not in held(None, **{**case, "counter_bond_share": 0})


@pytest.mark.parametrize(("case", "said"), [
    ({"patent_share": 1.5}, r"enforcement.ipr.patent_share = 1.5"),
    ({"counter_bond_share": -0.1}, r"enforcement.ipr.counter_bond_share = -0.1"),
    ({"withdrawn_share": 1.2}, r"enforcement.ipr.withdrawn_share = 1.2"),
    ({"counter_bond_days": 51}, r"enforcement.ipr.counter_bond_days = 51.*less than or equal"),
    ({"counter_bond_days": -1}, r"enforcement.ipr.counter_bond_days = -1"),
    ({"withdrawn_days": 51}, r"enforcement.ipr.withdrawn_days = 51.*less than or equal to 50"),
    ({"withdrawn_days": -1}, r"enforcement.ipr.withdrawn_days = -1"),
    ({"counter_bond_per_case": -5}, r"enforcement.ipr.counter_bond_per_case = -5"),
    ({"counter_bond_rate": 1.5}, r"enforcement.ipr.counter_bond_rate = 1.5"),
    ({"counter_bond_held_days": 366}, r"enforcement.ipr.counter_bond_held_days = 366"),
    ({"counter_bond_sued_share": 1.5}, r"enforcement.ipr.counter_bond_sued_share = 1.5"),
    ({"counter_bond_suit_days": 2501}, r"enforcement.ipr.counter_bond_suit_days = 2501"),
    ({"counter_bond_suit_days": -1}, r"enforcement.ipr.counter_bond_suit_days = -1"),
    ({"counter_bond_awarded_share": -0.1},
     r"enforcement.ipr.counter_bond_awarded_share = -0.1"),
    ({"patent_share": 1, "counter_bond_share": 0.6, "withdrawn_share": 0.5},
     r"enforcement.ipr.withdrawn_share = 0.5.*their sum at most 1"),
])
def test_bad_consignee_fields_are_refused_naming_the_field(case, said):
    ipr = {f"enforcement.ipr.{k}": v for k, v in case.items()}
    with pytest.raises(sim.ScenarioError, match=said):
        sim.load_scenario(SMALL, {**FAKES, **ipr})
