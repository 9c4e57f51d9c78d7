"""Discharge positions shared by a port's calls (sim/model/positions.py, ``arrivals.batch.
positions``): with one, no two calls are discharged at once, a call waits for the one before
in order of arrival; a call split between eras is booked once; bad values are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.model.positions import Positions
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: a slow discharge (70-210 declarations of ~2 boxes a call at 10 an hour: 14-40 h a call)
#: so that calls at 3 a day overlap
SLOW = {"days": 5, "warmup_days": 3, "drain_days": 5,
        "ports.sea.arrivals.batch.discharge_rate": "10/h"}


def test_a_call_waits_for_a_free_position_in_order_of_arrival():
    one = Positions(1)
    assert one.wait(0.0, 2.0) == 0.0
    assert one.wait(1.0, 2.0) == 1.0  # (the first frees at 2)
    assert one.wait(3.5, 1.0) == 0.5  # (the second frees at 4)
    assert one.wait(10.0, 1.0) == 0.0
    two = Positions(2)
    assert [two.wait(0.0, 4.0), two.wait(0.5, 4.0), two.wait(1.0, 1.0)] == [0.0, 0.0, 3.0]


def test_a_call_split_between_eras_is_booked_once_and_held_calls_one_by_one():
    p = Positions(1)
    assert p.wait(5.0, 2.0, part=True) == 0.0
    assert p.wait(5.0, 2.0, part=True) == 0.0  # (the same call's other era)
    assert p.wait(5.0, 2.0) == 2.0  # (another call, held to the same hour)


def _calls(log):
    """Each import call's first and last box discharged, in order of arrival (calls whose
    discharge the log does not give, made but not discharged by the end, left out)."""
    g = log[(log.direction == "import") & log.discharged.notna()].groupby("arrived").discharged
    return g.min().to_numpy(), g.max().to_numpy()


def test_with_one_position_no_two_calls_are_discharged_at_once():
    free = sim.simulate(sim.load_scenario(SMALL, SLOW), 4, log=True).log
    one = sim.simulate(sim.load_scenario(
        SMALL, {**SLOW, "ports.sea.arrivals.batch.positions": 1}), 4, log=True).log
    first, last = _calls(free)
    assert (first[1:] < last[:-1]).any()  # (without positions, calls overlap)
    first, last = _calls(one)
    assert (first[1:] >= last[:-1]).all()
    assert one.discharged.mean() > free.discharged.mean() + 1


@pytest.mark.parametrize(("field", "value", "said"), [
    ("ports.sea.arrivals.batch.positions", 0, "positions"),
    ("ports.sea.arrivals.extra", 1, "extra"),
])
def test_bad_positions_are_refused_naming_the_field(field, value, said):
    over = {"ports.sea.arrivals.batch.positions": 2, field: value}
    with pytest.raises(ScenarioError) as e:
        sim.load_scenario(SMALL, over)
    assert said in str(e.value)
