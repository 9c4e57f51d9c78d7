"""The ex officio detained goods' case outcomes (``enforcement.ipr.decided_share``,
``decided_days``, ``undecided_days``; sim.model.ipr ``split`` and ``detained_days``): a share
of the cases decided in ``decided_days``, the rest waiting for a court ``undecided_days`` (50
working days from the detention, art. 24(2)), both after the reply days; the days held are
their expected value. Unset, the hold is the investigation's limit, as before. Days by hand
from time 0, Monday 00:00; the office keeps Monday to Friday, 08:30 to 17:30."""

from __future__ import annotations

import pytest

import sim
from sim.scenario.ipr import IprProcedure
from sim.scenario.office_hours import OfficeHours
from tests.ipr_cases import FAKES, LATE, SMALL, held

#: 3 + 10 working days from a Friday: two weeks and Monday to Wednesday: 19 days 2.5 hours
DECIDED_10 = 19 + LATE
#: 3 + 50 working days from a Friday: ten weeks and Monday to Wednesday: 75 days 2.5 hours
UNDECIDED_50 = 75 + LATE


def _mean(office: OfficeHours | None, **case: float) -> float:
    """The mean days held of one detained consignment of a recorded brand found on a
    Friday at 15:00, and checks its storage follows them."""
    m = held(office, 1, storage_per_day=10.0, **case)
    assert m["ipr_holder_days"] == m["ipr_detained_days_mean"]
    assert m["ipr_storage_cost"] == pytest.approx(10.0 * m["ipr_holder_days"])
    return m["ipr_detained_days_mean"]


def test_unset_the_hold_is_the_investigations_limit_bit_for_bit():
    assert IprProcedure().ex_officio_days() == ((1.0, 33.0),)
    for office in (None, OfficeHours()):
        assert _mean(office) == _mean(office, decided_share=1.0, decided_days=30.0)
    assert "decided_share" not in IprProcedure().model_dump()  # (its hash unchanged)
    assert IprProcedure(decided_share=0.5).model_dump()["decided_share"] == 0.5


def test_every_case_decided_holds_the_reply_and_the_decided_days():
    assert _mean(None, decided_share=1.0, decided_days=10.0) == (3 + 10) * 7 / 5
    assert _mean(OfficeHours(), decided_days=10.0) == pytest.approx(DECIDED_10, abs=1e-12)


def test_no_case_decided_holds_the_goods_the_50_days_awaiting_a_court():
    assert _mean(None, decided_share=0.0, decided_days=10.0) == pytest.approx((3 + 50) * 7 / 5)
    got = _mean(OfficeHours(), decided_share=0.0, decided_days=10.0)
    assert got == pytest.approx(UNDECIDED_50, abs=1e-12)
    assert _mean(None, decided_share=0.0, undecided_days=40.0) == pytest.approx(43 * 7 / 5)


def test_a_share_in_between_holds_the_mixture_of_the_two():
    case = {"decided_share": 0.25, "decided_days": 10.0}
    assert _mean(None, **case) == pytest.approx((0.25 * 13 + 0.75 * 53) * 7 / 5, rel=1e-12)
    want = 0.25 * DECIDED_10 + 0.75 * UNDECIDED_50
    assert _mean(OfficeHours(), **case) == pytest.approx(want, rel=1e-12)


def test_a_runs_days_held_follow_its_counts_and_the_case_outcomes():
    """On application the court's 20 days; ex officio 3 + (0.4 x 10 + 0.6 x 50)."""
    ipr = {"holder_confirms": 0.7, "holder_applies": 0.5, "decided_share": 0.4,
           "decided_days": 10.0}
    m = sim.simulate(sim.load_scenario(SMALL, {**FAKES, "enforcement.ipr": ipr}), 2).metrics()
    ex_officio = m["ipr_suspected_recorded"] - m["ipr_released_unconfirmed"]
    on_application = m["ipr_suspected_unrecorded"] - m["ipr_released_unprotected"]
    assert ex_officio >= 3
    days = (ex_officio * (3 + 0.4 * 10 + 0.6 * 50) + on_application * 20) * 7 / 5
    assert m["ipr_holder_days"] == pytest.approx(days, rel=1e-12)


@pytest.mark.parametrize(("field", "value", "said"), [
    ("decided_share", 1.5, r"enforcement.ipr.decided_share = 1.5"),
    ("decided_share", -0.1, r"enforcement.ipr.decided_share = -0.1"),
    ("decided_days", 31, r"enforcement.ipr.decided_days = 31.*at most investigation_days"),
    ("decided_days", -1, r"enforcement.ipr.decided_days = -1"),
    ("undecided_days", 51, r"enforcement.ipr.undecided_days = 51.*less than or equal to 50"),
    ("undecided_days", -1, r"enforcement.ipr.undecided_days = -1"),
])
def test_bad_case_outcomes_are_refused_naming_the_field(field, value, said):
    with pytest.raises(sim.ScenarioError, match=said):
        sim.load_scenario(SMALL, {**FAKES, f"enforcement.ipr.{field}": value})


def test_decided_days_follow_the_investigations_own_limit():
    s = sim.load_scenario(SMALL, {**FAKES, "enforcement.ipr": {"investigation_days": 40,
                                                               "decided_days": 31}})
    assert s.enforcement.ipr is not None and s.enforcement.ipr.decided_days == 31


def test_the_case_outcomes_are_said_to_act_on_nothing_without_a_recorded_brand():
    from sim.scenario.dormant import idle_changes

    unrecorded = sim.load_scenario(SMALL, {**FAKES, "enforcement.recordation.share": 0,
                                           "enforcement.ipr": {}})
    for f in ("decided_share", "decided_days", "undecided_days"):
        said = str(idle_changes(unrecorded, [f"enforcement.ipr.{f}"]))
        assert "recordation.share is 0" in said, f
