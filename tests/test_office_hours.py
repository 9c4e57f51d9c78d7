"""Office hours of the organisation's staff (``organisation.office_hours``): a request
asked while the office is shut starts at the next opening, one being served at closing is
finished, and a unit's utilisation is over its open hours."""

from __future__ import annotations

import pytest
import simpy

import sim
from sim.cli import main
from sim.model.org.hours import Hours
from sim.model.org.units import StaffQueue
from sim.scenario.office_hours import OfficeHours

#: Monday to Friday, 08:30 to 17:30 (hours from Monday 00:00)
WEEKDAYS = OfficeHours().spans()
SAT_3AM = 5 * 24 + 3.0
SPINDLE = "scenarios/guangdong-spindle.toml"


def test_a_request_on_a_saturday_night_waits_for_monday_morning():
    h = Hours(WEEKDAYS)
    assert WEEKDAYS[0] == (8.5, 17.5) and len(WEEKDAYS) == 5
    assert h.until_open(SAT_3AM) == pytest.approx(168 + 8.5 - SAT_3AM)  # 53.5 h
    assert h.until_open(10.0) == 0.0  # (Monday 10:00: open)
    assert h.until_open(18.0) == pytest.approx(24 + 8.5 - 18.0)  # Monday evening: Tuesday
    assert h.until_open(168 * 3 + 7.0) == pytest.approx(1.5)  # a later week alike
    assert h.open_between(0.0, 168.0) == pytest.approx(45.0)
    assert h.open_between(10.0, 2 * 168 + 9.0) == pytest.approx(45 - 1.5 + 45 + 0.5)
    assert h.open_between(5.0, 5.0) == 0.0


def test_a_unit_starts_requests_only_while_open_and_finishes_one_at_closing():
    env = simpy.Environment()
    q = StaffQueue(env, "u", "tariff", 1, (0.0, 2 * 168.0), hours=Hours(WEEKDAYS))
    ends = []

    def ask(t: float, service: float):
        yield env.timeout(t)
        ends.append((yield env.process(q.serve(t, service))))

    env.process(ask(SAT_3AM, 1.0))  # waits until Monday 08:30
    env.process(ask(17.0, 2.0))  # Monday 17:00: started before closing, finished after it
    env.run()
    assert ends == [pytest.approx(19.0), pytest.approx(168 + 8.5 + 1.0)]
    row = q.result_row()
    assert row["utilisation"] == pytest.approx(3.0 / 90.0)  # over two weeks' open hours
    assert row["wait_mean_h"] == pytest.approx((0.0 + 168 + 8.5 - SAT_3AM) / 2, rel=0.02)


def test_office_hours_lengthen_the_organisations_decisions_and_only_for_the_roles_listed():
    """The spindle's escalations take about 10 h around the clock; in office hours far
    longer; with only quarantine's staff in office hours, in between."""
    def latency(over: dict) -> float:
        s = sim.load_scenario(SPINDLE, {"days": 14, **over})
        return float(sim.simulate(s, 1).metrics()["escalation_latency_h_mean"])

    always = latency({})
    office = latency({"organisation.office_hours": {}})
    some = latency({"organisation.office_hours": {"roles": ["quarantine"]}})
    assert always < some < office and office > always + 10


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"open": "18:00", "close": "08:00"}, ["organisation.office_hours.close",
                                               "close must be after open"]),
        ({"days": ["Mon", "Fry"]}, ["organisation.office_hours.days.1", "'Fry'", "Mon, Tue"]),
        ({"roles": ["clerk"]}, ["organisation.office_hours.roles.0", "'clerk'", "tariff"]),
    ],
)
def test_bad_office_hours_are_named_by_field(capsys, value, words):
    code = main(["check", SPINDLE, "--set", f"organisation.office_hours={_toml(value)}"])
    err = capsys.readouterr().err
    assert code == 2, err
    for w in words:
        assert w in err, err


def _toml(value: dict) -> str:
    """A TOML inline table of strings and lists of strings."""
    def one(v):
        return "[" + ", ".join(f'"{x}"' for x in v) + "]" if isinstance(v, list) else f'"{v}"'

    return "{" + ", ".join(f"{k} = {one(v)}" for k, v in value.items()) + "}"
