"""A generated vessel call pattern (``arrivals.calls``): the port's imports come in bunches,
one a berth slot a week, each within its window and of the size its boxes allow; the draws
are reproducible under a seed and of a stream of their own; the exam yard feels each call;
a pattern that cannot be followed is refused naming the field, the value and what is
allowed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.experiment.outlook import OutlookError, growth_changes
from sim.model.call_draws import pattern_calls
from sim.model.streams import CALLS, port_stream, replication_seed
from sim.scenario.call_pattern import pattern_notes, slot_hour
from sim.scenario.dormant import idle_changes, unused_parts
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"drain_days": 1, "days": 2}  # (7 days of warm-up: calls of two weeks, 216 h)
PATTERN = {
    "slots": ["Mon 06:00", "Thu 12:00"],
    "window_h": 2,
    "boxes": {"dist": "triangular", "low": 300, "mode": 400, "high": 500},
    "boxes_per_declaration": 2,
}


def patterned(**over: object) -> sim.Scenario:
    """small.toml's sea port fed by ``PATTERN`` (changed by ``over``)."""
    return sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals.calls": {**PATTERN, **over}})


def sea_log(scenario: sim.Scenario, seed: int):
    result = sim.simulate(scenario, seed, log=True)
    log = result.log
    return result, log[log.port == "sea"]


def test_imports_bunch_into_one_call_per_slot_within_its_window_and_size():
    scenario = patterned()
    _, log = sea_log(scenario, 1)
    calls = log[log.direction == "import"].groupby("arrived").size()
    until = (scenario.warmup_days + scenario.days) * 24
    slots = [slot_hour(s) + 168 * w for w in range(2) for s in PATTERN["slots"]]
    expected = [s for s in slots if s + 2 < until]  # (a slot whose window ends in the run)
    # one call per slot, each within window_h of its slot
    assert len(calls) in (len(expected), len(expected) + 1)
    for slot in expected:
        near = [t for t in calls.index if abs(t - slot) <= PATTERN["window_h"]]
        assert len(near) == 1, (slot, calls.index.tolist())
    for t in calls.index:
        assert min(abs(t - s) for s in slots) <= PATTERN["window_h"]
    # each call's declarations: its boxes (300 to 500) over 2 boxes a declaration
    assert calls.between(150, 250).all(), calls.tolist()
    assert calls.nunique() > 1  # (drawn, not the mode every time)


def test_calls_are_reproducible_under_a_seed_and_leave_other_draws_alone():
    _, first = sea_log(patterned(), 4)
    _, again = sea_log(patterned(), 4)
    _, other = sea_log(patterned(), 5)
    _, plain = sea_log(sim.load_scenario(SMALL, SHORT), 4)
    imports = [x[x.direction == "import"] for x in (first, again, other)]
    assert imports[0].arrived.tolist() == imports[1].arrived.tolist()
    assert set(imports[0].arrived) != set(imports[2].arrived)
    # drawn from the port's stream of calls, no other: replication 0 of seed 4
    scenario = patterned()
    pattern = scenario.ports["sea"].arrivals.calls
    assert pattern is not None
    rng = port_stream(replication_seed(4, 0), "sea", CALLS)
    drawn = list(pattern_calls(pattern, rng, (scenario.warmup_days + scenario.days) * 24))
    sizes = imports[0].groupby("arrived", sort=True).size()
    assert [(t, int(n)) for t, n in sizes.items()] == drawn
    # exports arrive from streams of their own: the same with and without the pattern
    ex, ex_plain = (x[x.direction == "export"].set_index("index") for x in (first, plain))
    assert np.array_equal(ex.arrived.to_numpy(), ex_plain.arrived.to_numpy())
    assert ex.containers.tolist() == ex_plain.containers.tolist()


def test_the_exam_yard_queue_peaks_after_each_call():
    result, log = sea_log(patterned(), 1)
    q = result.queues
    bays = q[(q.port == "sea") & (q.lane == "exam_bays")].set_index("t_h").queue
    for t in sorted(log[log.direction == "import"].arrived.unique()):
        before = bays[(bays.index >= t - 8) & (bays.index < t)].max()
        after = bays[(bays.index >= t) & (bays.index < t + 36)].max()
        assert after > before, (t, before, after)


def test_rate_and_size_are_the_patterns_and_the_resolved_scenario_loads_again(tmp_path):
    s = patterned()
    a = s.ports["sea"].arrivals
    assert a.rate == pytest.approx(2 / 168)
    assert a.batch is not None and 150 <= a.batch.size.mean <= 250
    resolved = tmp_path / "scenario.json"
    resolved.write_text(json.dumps(s.model_dump(mode="json", by_alias=True)))
    assert sim.load_scenario(resolved) == s


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"ports.sea.arrivals.calls.slots": ["Mon 6am"]},
         r"ports\.sea\.arrivals\.calls\.slots.*'Mon 6am'.*'Mon 06:00' \(Mon to Sun"),
        ({"ports.sea.arrivals.calls.window_h": -1},
         r"ports\.sea\.arrivals\.calls\.window_h.*-1.*greater than or equal to 0"),
        ({"ports.sea.arrivals.calls.boxes_per_declaration": 0},
         r"ports\.sea\.arrivals\.calls\.boxes_per_declaration.*greater than 0"),
        ({"ports.sea.arrivals.extra": 1}, r"ports\.sea\.arrivals\.extra.*call pattern"),
        ({"ports.sea.mode": "land", "ports.sea.arrivals.batch": None},
         r"ports\.sea\.arrivals\.calls.*give arrivals\.batch"),
        ({"ports.sea.exports.arrivals.calls": PATTERN},
         r"ports\.sea\.exports\.arrivals\.calls.*exports arrive by truck"),
    ],
)
def test_a_pattern_that_cannot_be_followed_is_refused(over, message):
    with pytest.raises(ScenarioError, match=message):
        sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals.calls": PATTERN, **over})


def test_the_documented_example_loads_with_three_calls_a_week():
    example = Path(__file__).parents[1] / "docs" / "examples" / "vessel-schedule" / "pattern.toml"
    a = sim.load_scenario(example).ports["sea_port"].arrivals
    assert a.calls is not None and len(a.calls.slots) == 3
    assert a.rate == pytest.approx(3 / 168)


def test_a_change_to_the_random_calls_of_a_patterned_port_is_told_it_acts_on_nothing():
    s = patterned()
    why = idle_changes(s, ["ports.sea.arrivals.weekly"])
    assert why is not None and "come from its call pattern (ports.sea.arrivals.calls)" in why
    assert idle_changes(s, ["ports.sea.arrivals.batch.size"]) is not None
    assert idle_changes(s, ["ports.sea.arrivals.batch.discharge_rate"]) is None  # it unloads


def test_an_outlook_refuses_to_grow_a_pattern_it_cannot_grow():
    with pytest.raises(OutlookError, match=r"ports\.sea\.arrivals\.calls is a weekly pattern"):
        growth_changes(patterned(), 1.1)


def test_a_pattern_with_no_slot_in_the_observed_days_is_noted():
    assert pattern_notes(patterned()) == []  # Monday 06:00 in the observed Monday, Tuesday
    thursday = patterned(slots=["Thu 12:00"])
    (note,) = pattern_notes(thursday)
    assert note.startswith("ports.sea.arrivals.calls has no slot whose call can come in the "
                           "observed days (hours 168 to 216")
    assert note in unused_parts(thursday)
    # a window that reaches into the observed days: a call may come there, no note
    assert pattern_notes(patterned(slots=["Sun 23:00"], window_h=2)) == []


PATTERN_TOML = """
[ports.sea.arrivals.calls]
slots = ["Mon 06:00", "Thu 12:00"]
boxes = { dist = "triangular", low = 300, mode = 400, high = 500 }
boxes_per_declaration = 2
"""


def test_a_pattern_and_a_schedule_in_one_table_are_refused_and_a_later_one_replaces(tmp_path):
    """Written together, refused; written over the other (a child file, --set), the later
    replaces the earlier, as a lane's capacity replaces its schedule."""
    schedule = "schedule = { hours = [170], declarations = [9] }\n"
    both = tmp_path / "both.toml"
    both.write_text(f'extends = "{SMALL.as_posix()}"\ndays = 2\n[ports.sea.arrivals]\n'
                    f"{schedule}{PATTERN_TOML}")
    with pytest.raises(ScenarioError, match=r"ports\.sea\.arrivals\.calls.*give one of "
                       r"calls and schedule, not both"):
        sim.load_scenario(both)
    parent = tmp_path / "parent.toml"
    parent.write_text(f'extends = "{SMALL.as_posix()}"\nname = "p"\ndays = 2\n{PATTERN_TOML}')
    child = tmp_path / "child.toml"
    child.write_text(f'extends = "parent.toml"\nname = "c"\n[ports.sea.arrivals]\n{schedule}')
    listed = sim.load_scenario(child).ports["sea"].arrivals
    assert listed.calls is None and listed.schedule is not None
    drawn = sim.load_scenario(child, {"ports.sea.arrivals.calls": PATTERN}).ports["sea"]
    assert drawn.arrivals.schedule is None and drawn.arrivals.calls is not None


def test_slots_whose_calls_can_unload_at_once_need_the_berths_said():
    """small.toml unloads 100 boxes an hour: a call of 400 boxes on average takes 4 h, and
    with 2 h either side of its slot two calls clash when their slots are under 8 h apart
    (the same slot twice, and across the week's end, too), unless batch.positions says how
    many berths there are."""
    with pytest.raises(ScenarioError, match=r"ports\.sea\.arrivals\.calls\.slots: the calls of "
                       r"slots 'Mon 06:00' and 'Mon 13:54', 7\.9 h apart, can unload at once: "
                       r"a call takes 4 h to discharge \(400 boxes on average at 100 an hour\)"
                       r".*give arrivals\.batch\.positions.*at least 8 h apart"):
        patterned(slots=["Thu 12:00", "Mon 13:54", "Mon 06:00"])
    for slots in (["Mon 06:00", "Mon 06:00"], ["Sun 22:00", "Mon 02:00"]):
        with pytest.raises(ScenarioError, match="can unload at once"):
            patterned(slots=slots)
    assert patterned(slots=["Mon 06:00", "Mon 14:00"]).ports["sea"].arrivals.calls is not None
    berths = sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals.batch.positions": 1,
                                       "ports.sea.arrivals.calls": PATTERN | {
                                           "slots": ["Mon 06:00", "Mon 06:00"]}})
    assert berths.ports["sea"].arrivals.calls is not None
