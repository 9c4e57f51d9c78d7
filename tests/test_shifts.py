"""A lane's roster as named shifts: the same hourly capacity as the schedule it stands for,
one headcount per shift that a sweep can vary, and clear errors for a shift that cannot be."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.faces.choices import _staff
from sim.reforms.timeline import built_field
from sim.scenario.dormant import unpriced
from sim.scenario.loader import ScenarioError, load_scenario
from sim.scenario.patch import patch

REPO = Path(__file__).resolve().parents[1]
DEFAULT = str(REPO / "sim" / "scenarios" / "default.toml")
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
OFFICERS = "ports.sea_port.scan.image_review.officers"
ROSTER = {
    "night": {"start": "22:00", "end": "06:00", "servers": 1},
    "day": {"start": "06:00", "end": "14:00", "servers": 3},
    "late": {"start": "14:00", "end": "22:00", "servers": 2},
}
#: the same roster as 24 hourly numbers
SCHEDULE = [1] * 6 + [3] * 8 + [2] * 8 + [1] * 2


def _officers(scenario):
    return scenario.ports["sea_port"].scan.image_review.officers


def test_shifts_give_the_same_hourly_capacity_as_their_schedule():
    scenario = load_scenario(DEFAULT, {f"{OFFICERS}.shifts": ROSTER})
    assert _officers(scenario).hourly_capacity() == SCHEDULE * 7


def test_a_night_shift_on_sunday_runs_into_monday_and_days_limit_a_shift():
    sunday_night = {"night": {"start": "22:00", "end": "06:00", "servers": 2, "days": ["sun"]}}
    hourly = _officers(load_scenario(DEFAULT, {f"{OFFICERS}.shifts": sunday_night}))
    on = [h for h, n in enumerate(hourly.hourly_capacity()) if n]
    assert on == [0, 1, 2, 3, 4, 5, 166, 167]  # Monday 00-06 and Sunday 22-24


def test_overlapping_shifts_add_up():
    shifts = {
        "day": {"start": "08:00", "end": "16:00", "servers": 3},
        "mid": {"start": "12:00", "end": "20:00", "servers": 2},
    }
    hourly = _officers(load_scenario(DEFAULT, {f"{OFFICERS}.shifts": shifts})).hourly_capacity()
    assert hourly[:24] == [0] * 8 + [3] * 4 + [5] * 4 + [2] * 4 + [0] * 4


def test_round_the_clock():
    whole = {"all": {"start": "00:00", "end": "24:00", "servers": 4}}
    hourly = _officers(load_scenario(DEFAULT, {f"{OFFICERS}.shifts": whole})).hourly_capacity()
    assert hourly == [4] * 168


def test_one_shifts_headcount_is_one_field_to_change():
    base = load_scenario(DEFAULT, {f"{OFFICERS}.shifts": ROSTER})
    more = patch(base, {f"{OFFICERS}.shifts.night.servers": 3})
    hourly = _officers(more).hourly_capacity()
    assert hourly[:24] == [3] * 6 + [3] * 8 + [2] * 8 + [3] * 2
    assert _officers(more).shifts["day"] == _officers(base).shifts["day"]


def test_shifts_run_as_the_schedule_they_stand_for():
    """The model sees only the hourly capacity: a run is the same to the last bit."""
    lane = "ports.sea.review"
    shifts = {"day": {"start": "08:00", "end": "20:00", "servers": 3},
              "night": {"start": "20:00", "end": "08:00", "servers": 1}}
    as_shifts = load_scenario(SMALL, {f"{lane}.shifts": shifts})
    as_schedule = load_scenario(SMALL, {f"{lane}.schedule": [1] * 8 + [3] * 12 + [1] * 4})
    a, b = sim.simulate(as_shifts, 1).metrics(), sim.simulate(as_schedule, 1).metrics()
    assert a.keys() == b.keys()
    assert all(a[k] == b[k] or (math.isnan(a[k]) and math.isnan(b[k])) for k in a)
    plain = sim.simulate(load_scenario(SMALL), 1).metrics()
    key = "utilisation_sea_declaration_review"
    assert a[key] != plain[key]  # (the shifts did change the lane)


@pytest.mark.parametrize(
    ("shift", "message"),
    [
        ({"start": "08:30", "end": "16:00", "servers": 3},
         "a shift starts and ends on the hour"),
        ({"start": "08:00", "end": "08:00", "servers": 3},
         "a shift from 08:00 to 08:00 is ambiguous"),
        ({"start": "24:00", "end": "06:00", "servers": 3}, "a shift starts before 24:00"),
        ({"start": "08:00", "end": "16:00", "servers": 3, "days": ["mon", "mon"]},
         "each day once; given more than once: mon"),
        ({"start": "08:00", "end": "16:00", "servers": 3, "days": []},
         "at least one day"),
        ({"start": "08:00", "end": "16:00", "servers": 3, "days": ["monday"]}, "'mon'"),
        ({"start": "08:00", "end": "16:00", "servers": -1}, "greater than or equal to 0"),
    ],
)
def test_a_shift_that_cannot_be_is_refused_naming_it(shift, message):
    with pytest.raises(ScenarioError) as err:
        load_scenario(DEFAULT, {f"{OFFICERS}.shifts": {"day": shift}})
    text = str(err.value)
    assert f"{OFFICERS}.shifts.day" in text
    assert message in text


def test_no_shift_at_all_is_refused():
    with pytest.raises(ScenarioError, match="shifts needs at least one shift"):
        load_scenario(DEFAULT, {f"{OFFICERS}.shifts": {}})


def test_shifts_beside_capacity_in_one_file_are_refused(tmp_path):
    path = tmp_path / "both.toml"
    path.write_text(
        f'extends = "{DEFAULT}"\n[{OFFICERS}]\ncapacity = 3\n'
        'shifts = { day = { start = "08:00", end = "16:00", servers = 3 } }\n'
    )
    with pytest.raises(ScenarioError) as err:
        load_scenario(str(path))
    assert "give one of 'capacity', 'schedule' or 'shifts', not capacity and shifts" in str(
        err.value
    )


def test_shifts_replace_capacity_and_capacity_replaces_shifts(tmp_path):
    path = tmp_path / "roster.toml"
    path.write_text(
        f'extends = "{DEFAULT}"\n[{OFFICERS}.shifts]\n'
        'day = { start = "08:00", end = "20:00", servers = 3 }\n'
    )
    roster = load_scenario(str(path))  # the parent's capacity = 3 is replaced
    assert _officers(roster).capacity is None
    assert sum(_officers(roster).hourly_capacity()) == 3 * 12 * 7
    back = patch(roster, {f"{OFFICERS}.capacity": 2})
    assert _officers(back).shifts is None and _officers(back).hourly_capacity() == [2] * 168


def test_the_check_command_names_a_bad_shift_and_exits_2(capsys):
    code = main(["check", DEFAULT, "--set", f"{OFFICERS}.shifts.day={{start='08:15', "
                 "end='16:00', servers=3}"])
    assert code == 2
    err = capsys.readouterr().err
    assert "command line" in err and f"{OFFICERS}.shifts.day.start" in err and "08:15" in err


def test_a_dated_reform_may_not_change_a_shift_and_an_unpriced_shift_is_said():
    base = load_scenario(DEFAULT, {f"{OFFICERS}.shifts": ROSTER})
    found = built_field(base, {f"{OFFICERS}.shifts.night.servers": 2})
    assert found is not None and found[0] == f"{OFFICERS}.shifts.night.servers"
    movers = "ports.sea_port.exam.movers.shifts.night.servers"  # the terminal's: unpriced
    [note] = unpriced(base, [movers])
    assert note.startswith(f"{movers}: no price reaches this lane's capacity")
    assert unpriced(base, [f"{OFFICERS}.shifts.night.servers"]) == []


def test_the_workshop_staff_lever_scales_each_shift():
    base = load_scenario(DEFAULT, {f"{OFFICERS}.shifts": ROSTER})
    changes = _staff(base, 2.0)
    assert changes[f"{OFFICERS}.shifts.night.servers"] == 2
    assert changes[f"{OFFICERS}.shifts.day.servers"] == 6
    assert f"{OFFICERS}.capacity" not in changes


def test_exam_teams_on_a_shift_past_the_slots_are_said_as_for_a_schedule():
    """Teams rostered as shifts meet the same check as a schedule: on duty when no slot can
    be booked (the default's slots run 08:00-17:00)."""
    from sim.scenario.dormant import teams_without_slots

    teams = "ports.sea_port.exam.teams"
    late = {"day": {"start": "08:00", "end": "22:00", "servers": 10}}
    as_shifts = teams_without_slots(load_scenario(DEFAULT, {f"{teams}.shifts": late}))
    as_schedule = teams_without_slots(
        load_scenario(DEFAULT, {f"{teams}.schedule": [0] * 8 + [10] * 14 + [0] * 2})
    )
    assert as_shifts == as_schedule
    assert [port for port, _ in as_shifts] == ["sea_port"]
