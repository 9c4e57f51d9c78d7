"""The right holder's reply days on the run's calendar (``organisation.office_hours``:
sim.model.ipr_calendar) and the traders' storage of the goods held for the reply
(sim.model.ipr_trader): a Friday's notice ends the weekend later than a Monday's, the cost
is the rate times the containers times the days held, and without a calendar or [costs]
no other figure changes."""

from __future__ import annotations

import math

import numpy as np
import pytest

import sim
from sim.model.ipr_calendar import HOURS_PER_WORKING_DAY, reply_end, reply_hours
from sim.model.ipr_trader import hold_costs, trader_hold_metrics
from sim.scenario.office_hours import OfficeHours
from tests import ipr_cases
from tests.ipr_cases import FRI_3PM, SMALL

MON_3PM = 7 * 24 + 15.0
FAKES = {**ipr_cases.FAKES, "enforcement.ipr": {"holder_confirms": 0.3}}
RATE = 100.0
COSTS = {"currency": "CNY", "price_year": 2024,
         "trader": {"storage": {"*": {"free": "0 h", "per_container_day": RATE}}}}
#: a field office over the small scenario's port, keeping Monday-Friday 08:30-17:30
OFFICE = {"units": {"gac": {"level": "national"},
                    "reg": {"level": "regional", "parent": "gac"},
                    "f1": {"level": "field", "parent": "reg", "ports": ["sea"]}},
          "office_hours": {}}


def test_a_friday_notice_ends_later_than_a_mondays_by_exactly_the_weekend():
    """3 working days from the day after the notice, to the close of the third: Friday
    15:00 -> Wednesday 17:30, Monday 15:00 -> Thursday 17:30; without a calendar both
    wait 3 x 7/5 days, as before."""
    office = OfficeHours()
    assert reply_end(FRI_3PM, 3.0, office) == 7 * 24 + 2 * 24 + 17.5
    assert reply_end(MON_3PM, 3.0, office) == 7 * 24 + 3 * 24 + 17.5
    weekend = reply_hours(FRI_3PM, 3.0, office) - reply_hours(MON_3PM, 3.0, office)
    assert weekend == 48.0
    for t in (FRI_3PM, MON_3PM):
        assert reply_hours(t, 3.0, None) == pytest.approx(100.8, abs=1e-9)
    assert reply_end(FRI_3PM, 3.0, None) == FRI_3PM + 3.0 * HOURS_PER_WORKING_DAY
    # a half day ends half-way through the next working day's hours; none, at once
    assert reply_end(MON_3PM, 0.5, office) == 8 * 24 + 8.5 + 4.5
    assert reply_end(MON_3PM, 0.0, office) == MON_3PM


def _held(scenario: sim.Scenario) -> tuple[dict, object]:
    result = sim.simulate(scenario, 3, log=True)
    log = result.log
    fakes = log[log.cohort & (log.illicit == "counterfeit")
                & log.found_by.astype(str).isin(["exam"])]
    held = fakes[fakes.recorded.astype(bool) & ~fakes.holder_reply.astype(bool)
                 & fakes.released.notna()]
    return result.metrics(), held


def test_the_flow_holds_goods_to_the_calendars_deadline_and_costs_the_days_held():
    """With office hours each consignment released after the reply (no laboratory sample)
    is released at its deadline on the calendar, found on any day of the week; the
    traders' storage is rate x containers x days held, by direction too."""
    s = sim.load_scenario(SMALL, {**FAKES, "costs": COSTS, "organisation": OFFICE})
    m, held = _held(s)
    office = s.organisation.office_hours
    plain = held[held.lab_start.isna()]
    assert len(plain) >= 3
    want = [reply_end(t, 3.0, office) for t in plain.inspected]
    assert np.allclose(plain.released, want, rtol=0, atol=1e-9)
    assert len({round(h, 6) for h in plain.released - plain.inspected}) > 1
    days = np.array([reply_hours(t, 3.0, office) for t in held.inspected]) / 24
    cost = RATE * held.containers.to_numpy() * days
    assert m["ipr_trader_hold_cost"] == pytest.approx(cost.sum())
    assert m["ipr_trader_hold_cost_per_held"] == pytest.approx(cost.mean())
    for d in ("import", "export"):
        mine = (held.direction == d).to_numpy()
        assert m[f"ipr_trader_hold_cost_{d}"] == pytest.approx(cost[mine].sum()), d


def test_the_cost_of_a_constructed_hold_and_of_one_inside_the_free_period():
    """One import of 2 containers found on a Friday at 15:00, long after discharge, and one
    export of 3 on a Monday: rate x containers x days held; the free period's rest at the
    finding is not charged; started days billed whole where the port bills so."""
    s = sim.load_scenario(SMALL, {**FAKES, "costs": COSTS, "organisation": OFFICE})
    held = np.array([[0, 0, 2, 0.0, FRI_3PM, np.nan], [0, 1, 3, 0.0, MON_3PM, np.nan]])
    fri, mon = (reply_hours(t, 3.0, OfficeHours()) / 24 for t in (FRI_3PM, MON_3PM))
    assert hold_costs(held, s) == pytest.approx([RATE * 2 * fri, RATE * 3 * mon])
    m = trader_hold_metrics(held, s)
    assert m["ipr_trader_hold_cost_import"] == pytest.approx(RATE * 2 * fri)
    assert m["ipr_trader_hold_cost_per_held"] == pytest.approx(RATE * (2 * fri + 3 * mon) / 2)
    free = {**COSTS, "trader": {"storage": {"*": {"free": "14 d", "per_container_day": RATE}}}}
    s = sim.load_scenario(SMALL, {**FAKES, "costs": free, "organisation": OFFICE})
    assert hold_costs(held, s) == pytest.approx([0.0, 0.0])
    started = {"free": f"{MON_3PM + 24.0} h", "per_container_day": RATE,
               "billing": "per_started_day"}
    s = sim.load_scenario(SMALL, {**FAKES, "costs": {**COSTS, "trader": {
        "storage": {"*": started}}}})  # (no calendar: 4.2 days, 3.2 charged: 4 started)
    assert hold_costs(held[1:], s) == pytest.approx([RATE * 3 * 4])


def test_a_hold_that_uses_up_the_free_period_is_paid_for_when_the_goods_stay_on():
    """Free time the hold uses is not free later: found a day after discharge with 4 free
    days, held 4.2 days (no calendar), the goods leave at 150 h and pay 54 h of storage, none
    of it without the hold; the hold's cost is those 54 h, not the 28.8 h of it past the
    free period; goods that leave at the hold's end pay only those."""
    four = {**COSTS, "trader": {"storage": {"*": {"free": "4 d", "per_container_day": RATE}}}}
    s = sim.load_scenario(SMALL, {**FAKES, "costs": four})
    held = np.array([[0, 0, 2, 0.0, 24.0, 150.0], [0, 0, 2, 0.0, 24.0, np.nan]])
    assert hold_costs(held, s) == pytest.approx([RATE * 2 * 54 / 24, RATE * 2 * 28.8 / 24])


def test_without_costs_or_a_calendar_nothing_changes():
    """No [costs]: the trader hold metrics are NaN (no rate), none without the procedure;
    no office hours: the hold is 3 x 7/5 days as before and the cost is rate x containers
    x 4.2 days."""
    m, _ = _held(sim.load_scenario(SMALL, FAKES))
    trader = {k: v for k, v in m.items() if k.startswith("ipr_trader")}
    assert len(trader) == 6 and all(math.isnan(v) for v in trader.values())
    plain = sim.load_scenario(SMALL, {k: v for k, v in FAKES.items() if k != "enforcement.ipr"})
    assert trader_hold_metrics(np.zeros((0, 6)), plain) == {}
    m, held = _held(sim.load_scenario(SMALL, {**FAKES, "costs": COSTS}))
    plain = held[held.lab_start.isna()]
    assert np.allclose(plain.released - plain.inspected, 100.8, rtol=0, atol=1e-9)
    assert m["ipr_trader_hold_cost"] == pytest.approx(RATE * held.containers.sum() * 4.2)
    none = sim.load_scenario(SMALL, {**FAKES, "costs": COSTS, "enforcement.recordation.share": 0})
    assert math.isnan(sim.simulate(none, 1).metrics()["ipr_trader_hold_cost_per_held"])


def test_goods_the_exam_and_a_quarantine_check_both_find_are_held_once():
    """A recorded brand's counterfeits found by the exam wait out the reply days; if the
    quarantine check finds them too, they are neither held nor caught again: paired on the
    same draws, their release is the same whether the quarantine check can find
    counterfeits or not."""
    fakes = {**FAKES, "enforcement.recordation": {"share": 1.0},
             "enforcement.ipr": {"holder_confirms": 0.0}}

    def log(q: float):
        s = sim.load_scenario(SMALL, {**fakes, "enforcement.detection.quarantine":
                                      {"counterfeit": q}})
        return sim.simulate(s, 3, log=True).log.set_index(["port", "index"])

    blind, seeing = log(0.0), log(1.0)
    both = blind[(blind.illicit == "counterfeit") & blind.found_by.astype(str).eq("exam")
                 & blind.quarantine_start.notna()].index
    assert len(both) >= 3 and seeing.loc[both, "quarantine_finds"].all()
    assert seeing.loc[both, "released"].equals(blind.loc[both, "released"])
    assert (seeing.loc[both, "outcome"] == blind.loc[both, "outcome"]).all()


def test_the_procedure_refuses_a_finding_that_only_reassesses_duty():
    """With enforcement.ipr a found counterfeit is detained or held for the reply; an outcome
    of "reassessed" would release it at once and the procedure's figures would count holds
    that never were: refused, naming the field, the value and what to give."""
    from sim.scenario.loader import ScenarioError

    with pytest.raises(ScenarioError) as err:
        sim.load_scenario(SMALL, {**FAKES, "enforcement.outcome.counterfeit": "reassessed"})
    text = str(err.value)
    assert "enforcement.outcome.counterfeit = 'reassessed'" in text
    assert "give detained or seized, or remove enforcement.ipr" in text
    without = {k: v for k, v in FAKES.items() if k != "enforcement.ipr"}
    sim.load_scenario(SMALL, {**without, "enforcement.outcome.counterfeit": "reassessed"})
