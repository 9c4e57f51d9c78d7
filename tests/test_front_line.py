"""The dumbbell's front line (``dumbbell:front_line``): the middle layer's heads leave the
organisation and become round-the-clock servers of a port lane, at about the same cost."""

from __future__ import annotations

import pytest

import sim
from sim.reforms import REFORMS, ReformError
from sim.scenario.front_line import YEAR_H, heads_per_server, middle_heads
from sim.scenario.org_tree import units_of

SPINDLE = "guangdong-spindle"


@pytest.fixture(scope="module")
def spindle() -> sim.Scenario:
    return sim.load_scenario(SPINDLE)


def _heads(s: sim.Scenario) -> int:
    return sum(u.heads() for u in units_of(s.organisation).values())


def _servers(s: sim.Scenario, lane: str) -> int:
    node = {"exam": lambda p: p.exam.teams, "document_check": lambda p: p.document_check}
    return sum(int(node[lane](p).capacity) for p in s.ports.values())


@pytest.mark.parametrize("lane", ["exam", "document_check"])
def test_heads_that_leave_become_servers_of_about_their_cost(spindle, lane):
    """The heads the organisation loses are the whole servers they make, each taking
    heads per server x a year's 8,760 hours / a head's working hours, less under one server
    left over: no head is lost and none made up."""
    moved = REFORMS["dumbbell"](front_line=0.3, front_line_lane=lane).apply(spindle)
    gone = _heads(spindle) - _heads(moved)
    added = _servers(moved, lane) - _servers(spindle, lane)
    per = heads_per_server(spindle, lane)
    assert per == pytest.approx(
        {"exam": 2, "document_check": 1}[lane] * YEAR_H / spindle.costs.hours_per_year)
    assert added >= 1
    assert added * per <= gone < added * per + 1
    assert gone <= int(0.3 * sum(middle_heads(spindle.organisation).values()))


def test_default_sends_no_one_and_no_port_changes(spindle):
    """Without front_line the dumbbell touches no port: every existing comparison keeps its
    figures."""
    fields = REFORMS["dumbbell"].fields(spindle)
    assert not any(k.startswith("ports.") for k in fields)
    with_front = REFORMS["dumbbell"](front_line=0.3).fields(spindle)
    assert any(k.startswith("ports.") and k.endswith("teams.capacity") for k in with_front)


def test_heads_come_from_the_middle_layer_of_the_baseline(spindle):
    """The share is of the heads the scenario's own structure places in the middle: the
    spindle's directly-affiliated and subordinate customs, not the national level."""
    middle = middle_heads(spindle.organisation)
    national = {
        role: sum(u.staff[role].count for u in units_of(spindle.organisation).values()
                  if u.level == "national" and role in u.staff)
        for role in middle
    }
    total = spindle.organisation.generate.staff
    assert all(middle[r] + national[r] == total[r] for r in middle)
    assert middle["tariff"] == total["tariff"]  # (the spindle decides rulings in the middle)


@pytest.mark.parametrize(
    ("strength", "said"),
    [("front_line=0.01", "not one round-the-clock server"),
     ("front_line=1", "leaves no tariff head"),
     ('front_line=0.3,front_line_lane="nowhere"', "allowed exam, document_check")],
)
def test_impossible_moves_are_refused_with_the_field(spindle, strength, said):
    from sim.reforms import apply

    with pytest.raises(ReformError, match="front_line") as err:
        apply(spindle, f"dumbbell:{strength}")
    assert said in str(err.value)
