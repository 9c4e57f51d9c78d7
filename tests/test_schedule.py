"""A fixed schedule of vessel calls (``arrivals.schedule``): the calls come as the file lists
them, every declaration's draws stay random and keyed as without a schedule, and a file that
cannot be a schedule is refused naming its row, column, value and what is allowed."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.scenario.dormant import idle_changes, unused_parts
from sim.scenario.loader import ScenarioError
from sim.scenario.schedule import schedule_line

HERE = Path(__file__).parent
SMALL = HERE / "scenarios" / "small.toml"
CALLS = HERE / "data" / "vessel-calls.csv"
SHORT = {"drain_days": 2}


def scheduled(calls: Path | str | dict = CALLS, **over: object) -> sim.Scenario:
    """small.toml's sea port fed by ``calls``: a CSV, or the lists themselves."""
    schedule = calls if isinstance(calls, dict) else str(calls)
    arrivals = {"schedule": schedule, "batch": {"discharge_rate": "100/h"}}
    return sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals": arrivals, **over})


def file_calls() -> tuple[list[float], list[int]]:
    with CALLS.open(newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r["hours"]) for r in rows], [int(r["declarations"]) for r in rows]


def imports(seed: int, scenario: sim.Scenario):
    log = sim.simulate(scenario, seed, log=True).log
    return log[(log.port == "sea") & (log.direction == "import")].sort_values("index")


def test_the_calls_in_the_log_are_the_files_in_every_replication():
    hours, sizes = file_calls()
    s = scheduled()
    first, second = imports(1, s), imports(2, s)
    for log in (first, second):
        # each call's declarations in a row of indices, arriving at the call's hour
        assert log["index"].tolist() == list(range(sum(sizes)))
        assert np.array_equal(log.arrived.to_numpy(), np.repeat(hours, sizes))
        assert (log.goods_ready >= log.arrived).all()  # discharged after the call comes
    # what stays random differs between replications: containers, commodities, clearance
    assert not np.array_equal(first.containers.to_numpy(), second.containers.to_numpy())


def test_declarations_keep_their_draws_keyed_by_index():
    """Consignment i of a scheduled port has the draws of consignment i without one (the
    same seed): a schedule moves the calls, not what each declaration is."""
    s = scheduled()
    n = sum(file_calls()[1])
    plain = imports(3, sim.load_scenario(SMALL, SHORT)).set_index("index")
    fixed = imports(3, s).set_index("index")
    n = min(n, len(plain))
    for column in ("commodity", "trader_class", "containers", "value", "illicit"):
        assert plain[column].iloc[:n].tolist() == fixed[column].iloc[:n].tolist(), column


def test_rate_and_size_are_the_schedules_and_the_resolved_scenario_loads_again(tmp_path):
    s = scheduled()
    a = s.ports["sea"].arrivals
    hours, sizes = file_calls()
    assert a.rate == len(hours) / (24 * (int(hours[-1] // 24) + 1))
    assert a.batch is not None and a.batch.size.values == [float(n) for n in sizes]
    assert a.schedule is not None and a.schedule.hours == hours
    resolved = tmp_path / "scenario.json"
    resolved.write_text(json.dumps(s.model_dump(mode="json", by_alias=True)))
    assert sim.load_scenario(resolved) == s
    line = schedule_line(a.schedule)
    assert line.startswith(f"{len(hours)} calls at fixed times")
    assert "busiest day 7 (hours 168 to 192), 170 declarations in 2 call(s)" in line


def test_inline_schedule_and_its_lists_agree():
    s = scheduled({"hours": [10, 200], "declarations": [5, 7]})
    assert imports(1, s).arrived.tolist() == [10.0] * 5 + [200.0] * 7
    with pytest.raises(ScenarioError, match="hours has 2 calls, declarations 1"):
        scheduled({"hours": [10, 200], "declarations": [5]})


BAD = [
    ("hours,declarations\n6,120\n3x,80\n", r"row 3, column 'hours': '3x', not a number; hours"),
    ("hours,declarations\n6,120\n3,80\n", r"row 3, column 'hours': 3 comes before the previous"),
    ("hours,declarations\n-1,120\n", r"row 2, column 'hours': -1.0 is not allowed; hours from"),
    ("hours,declarations\n6,0\n", r"row 2, column 'declarations': 0 is not allowed; a whole"),
    ("hours,declarations\n6,12.5\n", r"row 2, column 'declarations': 12.5 is not allowed"),
    ("hours,declarations\n6,\n", r"row 2, column 'declarations': an empty cell; a whole"),
    ("hours,declarations\n6,1,x\n", r"row 2: 3 cell\(s\), but the first row names 2 columns"),
    ("hours,decl\n6,120\n", r"the first row does not name the column 'declarations'"),
    ("hours,declarations,hours\n6,1,7\n", r"the first row names 2 times the column 'hours'"),
    ("hours,declarations\n", r"has no call; give at least one"),
    ("hours,declarations\n" + "x" * 40 + ",1\n", r"row 2, column 'hours': a cell not shown"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_a_file_that_is_no_schedule_is_refused_where_it_goes_wrong(tmp_path, text, message):
    path = tmp_path / "calls.csv"
    path.write_text(text)
    with pytest.raises(ScenarioError) as err:
        scheduled(path)
    shown = str(err.value)
    assert "ports.sea.arrivals.schedule" in shown and str(path) in shown
    assert len(re.findall(message, shown)) == 1, shown


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"days": 3}, r"2 call\(s\), from call 7 at hour 260, come after arrivals stop at hour"),
        ({"warmup_days": 14}, r"every call comes in the warm-up \(the last at hour 320\)"),
        ({"ports.sea.arrivals.extra": 1}, r"arrivals.extra.*a schedule fixes them"),
        ({"ports.sea.mode": "land", "ports.sea.arrivals.batch": None}, r"give arrivals.batch"),
        ({"ports.sea.exports.arrivals.schedule": {"hours": [200], "declarations": [3]}},
         r"ports.sea.exports.arrivals.schedule = .*: exports arrive by truck"),
    ],
)
def test_a_schedule_the_run_cannot_follow_is_refused(over, message):
    with pytest.raises(ScenarioError, match=message):
        scheduled(**over)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ScenarioError, match=r"schedule csv '.*nowhere.csv' no such file"):
        scheduled(tmp_path / "nowhere.csv")


def test_a_childs_schedule_replaces_the_random_calls_it_inherits(tmp_path):
    """A child of a scenario with random calls gives only its schedule: the parent's rate
    and call size are replaced by the schedule's, not an error it could not fix."""
    child = tmp_path / "month.toml"
    child.write_text(
        f'extends = "{SMALL}"\nname = "month"\n[ports.sea.arrivals]\nschedule = "{CALLS}"\n'
    )
    s = sim.load_scenario(child)
    a = s.ports["sea"].arrivals
    assert a.rate == scheduled().ports["sea"].arrivals.rate
    assert a.batch is not None and a.batch.size.values == [float(n) for n in file_calls()[1]]
    assert a.batch.discharge_rate == 100.0  # the parent's cranes kept


def test_the_documented_example_loads_with_its_month_of_calls():
    example = HERE.parent / "docs" / "examples" / "vessel-schedule" / "month.toml"
    a = sim.load_scenario(example).ports["sea_port"].arrivals
    assert a.schedule is not None and len(a.schedule.hours) == 176
    assert "busiest day 27 (hours 648 to 672), 1,470 declarations in 12 call(s)" in (
        schedule_line(a.schedule)
    )


def test_a_change_to_the_random_calls_of_a_scheduled_port_is_told_it_acts_on_nothing():
    s = scheduled()
    why = idle_changes(s, ["ports.sea.arrivals.rate"])
    assert why is not None and "come from its schedule (ports.sea.arrivals.schedule)" in why
    assert idle_changes(s, ["ports.sea.arrivals.batch.size"]) is not None
    assert idle_changes(s, ["ports.sea.arrivals.batch.discharge_rate"]) is None  # it unloads
    assert idle_changes(sim.load_scenario(SMALL), ["ports.sea.arrivals.rate"]) is None


def test_a_schedule_leaving_the_warm_up_or_the_last_days_without_calls_is_noted():
    assert unused_parts(scheduled()) == []  # calls from hour 6 to 320 of 336
    late_start = scheduled({"hours": [200, 330], "declarations": [5, 7]})
    (note,) = unused_parts(late_start)
    assert note.startswith("ports.sea.arrivals.schedule has no call in the warm-up (its first "
                           "at hour 200, the observed days from hour 168)")
    early_end = scheduled({"hours": [10, 200], "declarations": [5, 7]})
    (note,) = unused_parts(early_end)
    assert "no call after hour 200, and the observed days run to hour 336: 5.67 days" in note


def test_a_relative_path_not_found_says_where_it_was_looked_for():
    with pytest.raises(ScenarioError, match=r"no such file; a relative path is read from the "
                       r"scenario file's folder \('.*tests/scenarios'\)"):
        scheduled("calls-nowhere.csv")



def test_a_spreadsheets_csv_reads_as_written(tmp_path):
    """A BOM, Windows line ends and other columns in any script, as a spreadsheet saves."""
    path = tmp_path / "plan.csv"
    path.write_bytes("\ufeffhours,declarations,船名\r\n6,120,中远\r\n30,80,长荣\r\n".encode())
    a = scheduled(path, **{"days": 1, "warmup_days": 1}).ports["sea"].arrivals
    assert a.schedule is not None
    assert (a.schedule.hours, a.schedule.declarations) == ([6.0, 30.0], [120, 80])
