"""Disruptions placed in time: a lane's servers changed for a while (``capacity_windows``: a
scanner down, a port's lanes closed, extra staff after) and what a port takes in held for a
while (``holds``: arrivals while a typhoon closes the port, declarations while the
declaration system is down); and the clear errors for ones the model cannot honour."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import sim
from sim.model.capacity_plan import lost_hours, plan
from sim.model.fifo_state import _to_change, to_change_linear

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")
DAY = 24.0


def _window(lane: str, at: str, lasts: str, servers: int, port: str = "sea") -> dict[str, Any]:
    return {"port": port, "lane": lane, "at": at, "lasts": lasts, "servers": servers}


@functools.lru_cache(maxsize=8)
def _log(windows: tuple = (), holds: tuple = ()) -> Any:
    over: dict[str, Any] = {}
    if windows:
        over["capacity_windows"] = [dict(w) for w in windows]
    if holds:
        over["holds"] = [dict(h) for h in holds]
    return sim.simulate(sim.load_scenario(SMALL, over), 5, log=True).log


def _w(*args: Any, **kw: Any) -> tuple:
    return tuple(sorted(_window(*args, **kw).items()))


def _h(of: str, at: str, lasts: str, port: str = "sea") -> tuple:
    return tuple(sorted({"of": of, "port": port, "at": at, "lasts": lasts}.items()))


def _starts_inside(log: Any, column: str, a: float, b: float) -> int:
    t = log[column].to_numpy(float)
    return int(((t >= a) & (t < b)).sum())


def test_a_window_at_the_schedules_own_count_changes_nothing():
    """The plan of whole weeks reproduces the weekly schedule hour by hour: a window that
    sets the scanners (2 from 08:00) and the exam teams (6) to what they have changes no time."""
    same = _log((_w("scanners", "224 h", "8 h", 2), _w("exam_teams", "9 d", "8 h", 6)))
    cols = ["index", "arrived", "scan_start", "exam_start", "released"]
    assert same[cols].equals(_log()[cols])


def test_a_scanner_breakdown_starts_no_scan_in_its_hours_and_leaves_a_backlog():
    base = _log()
    down = _log((_w("scanners", "9 d", "12 h", 0),))
    a, b = 9 * DAY, 9 * DAY + 12
    assert _starts_inside(base, "scan_start", a, b) > 5
    assert _starts_inside(down, "scan_start", a, b) == 0
    # the goods that asked in the window wait until it ends: a backlog worked off after it
    backlog = _starts_inside(down, "scan_start", b, b + 6)
    assert backlog > _starts_inside(base, "scan_start", b, b + 6)
    # arrivals and draws are untouched: the same consignments, the same arrival times
    assert down[["index", "arrived"]].equals(base[["index", "arrived"]])


def test_an_exam_cell_lane_closed_starts_no_exam_in_its_hours():
    down = _log((_w("exam_teams", "9 d", "12 h", 0),))
    assert _starts_inside(_log(), "exam_start", 9 * DAY, 9 * DAY + 12) > 0
    assert _starts_inside(down, "exam_start", 9 * DAY, 9 * DAY + 12) == 0


def test_a_port_closed_holds_its_arrivals_to_its_reopening():
    base = _log()
    held = _log(holds=(_h("arrivals", "9 d", "48 h"),))
    a, b = 9 * DAY, 11 * DAY
    due = base.arrived.between(a, b, "left")
    assert due.sum() > 50
    assert held.arrived.between(a, b, "left").sum() == 0
    by_index = held.set_index("index").arrived
    assert (by_index.loc[base["index"][due]] == b).all()
    # the others arrive as before, with the same draws
    keep = ~due
    cols = ["index", "arrived", "commodity", "trader_class", "sel_scan"]
    assert held[keep.values][cols].reset_index(drop=True).equals(
        base[keep.values][cols].reset_index(drop=True)
    )


def test_a_declaration_system_down_lodges_what_was_due_in_it_at_its_end():
    base = _log()
    held = _log(holds=(_h("declarations", "9 d", "6 h"),))
    a, b = 9 * DAY, 9 * DAY + 6
    due = base.lodged.between(a, b, "left").to_numpy()
    assert due.sum() > 20
    assert held.lodged.between(a, b, "left").sum() == 0
    assert np.allclose(held.lodged.to_numpy()[due], b)
    # no declaration is lodged before its goods' lead allows, none moved that was not due
    assert held.lodged.to_numpy()[~due].tolist() == base.lodged.to_numpy()[~due].tolist()
    assert (held.accepted.to_numpy()[due] >= b).all()


def test_the_plan_repeats_the_week_and_sets_the_window():
    week = [1] * 8 + [2] * 10 + [1] * 6
    cap = plan(week * 7, [(200, 212, 0)], end_h=400.0)
    assert len(cap) == 168 * 4 and cap[:168] == week * 7
    assert cap[199] == week[199 % 24] and cap[200:212] == [0] * 12 and cap[212] == week[212 % 24]
    # the next change of capacity, worked out in one sweep, as the weekly one does
    rng = np.random.default_rng(1)
    for _ in range(50):
        h = tuple(int(x) for x in rng.choice([0, 1, 1, 1, 2], 168))
        assert to_change_linear(h) == _to_change(h)
    assert to_change_linear(tuple(cap))[199] == 1 and to_change_linear(tuple(cap))[200] == 12


@pytest.mark.parametrize(
    ("over", "match"),
    [
        (
            {"capacity_windows": [_window("scanners", "9 d", "12 h", 0, port="air")]},
            r"capacity_windows\.0\.port.*unknown port 'air'; allowed: sea",
        ),
        (
            {"capacity_windows": [_window("scaners", "9 d", "12 h", 0)]},
            r"capacity_windows\.0\.lane.*no lane 'scaners' with a number of servers; "
            r"allowed: \*, declaration_review, document_check, scanners",
        ),
        (
            {"capacity_windows": [_window("gate", "9 d", "12 h", 0)]},
            r"capacity_windows\.0\.lane.*no lane 'gate'",
        ),
        (
            {"capacity_windows": [_window("scanners", "9 d", "90 min", 0)]},
            r"capacity_windows\.0\.lasts.*1\.5 h is not whole hours",
        ),
        (
            {"capacity_windows": [_window("scanners", "13 d", "9 d", 0)]},
            r"capacity_windows\.0\.lasts.*it ends at 22 d, after the run's end at 21 d",
        ),
        (
            {"capacity_windows": [_window("scanners", "5 d", "12 h", 0)]},
            r"capacity_windows\.0\.at.*ends at 5\.5 d, within the warm-up \(times count from "
            r"the run's start, the warm-up's first day: the observed days are 7 d to 14 d\)",
        ),
        (
            {"holds": [{"of": "arrivals", "port": "sea", "at": "14 d", "lasts": "1 d"}]},
            r"holds\.0\.at.*starts at 14 d, after the last observed arrival",
        ),
        (
            {
                "capacity_windows": [
                    _window("*", "9 d", "12 h", 0),
                    _window("scanners", "217 h", "2 h", 3),
                ]
            },
            r"capacity_windows\.1\.at.*overlaps capacity_windows\.0 at lane scanners",
        ),
        (
            {"capacity_windows": [_window("scanners", "9 d", "12 h", -1)]},
            r"capacity_windows\.0\.servers",
        ),
        (
            {"holds": [{"of": "ships", "port": "sea", "at": "9 d", "lasts": "2 d"}]},
            r"holds\.0\.of.*'arrivals' or 'declarations'",
        ),
        (
            {"holds": [{"of": "arrivals", "port": "*", "at": "9 d", "lasts": "0 h"}]},
            r"holds\.0\.lasts.*must last some time",
        ),
        (
            {"holds": [{"of": "arrivals", "port": "sea", "at": "tomorrow", "lasts": "2 d"}]},
            r"holds\.0\.at = 'tomorrow': cannot read 'tomorrow' as a duration or a date",
        ),
        (
            {
                "holds": [{"of": "declarations", "port": "sea", "at": "9 d", "lasts": "2 d"}],
                "timeline": [{"reform": "single_window", "at": "10 d"}],
            },
            r"holds\.0\.at.*timeline\.0 \('single_window'\) switches on inside this hold",
        ),
    ],
)
def test_a_disruption_the_model_cannot_honour_is_refused_with_its_field(over, match):
    with pytest.raises(sim.ScenarioError, match=match):
        sim.load_scenario(SMALL, over)


def test_hours_a_window_takes_away_are_paid_and_those_it_adds_are_not_netted():
    """A lane's hours on duty for its costs get back what a window took from its schedule:
    its staff are paid as scheduled, and a later window's extra servers are all overtime."""

    class Lane:
        hourly = [2] * 168
        planned = plan(hourly, [(10, 14, 0), (14, 16, 5)], end_h=168.0)

    assert lost_hours(Lane, 0.0, 168.0) == 8.0  # 4 h x 2 servers closed; the extra 6 h apart
    assert lost_hours(Lane, 12.5, 20.0) == 3.0  # (1.5 h of the closure in the span, x 2)

    class Scheduled:
        hourly = [2] * 168

    assert lost_hours(Scheduled, 0.0, 168.0) == 0.0


def test_a_window_of_added_servers_adds_them_to_the_staffed_hours_only():
    """Extra staff on the shifts a lane already runs (two more exam teams by day for a
    peak's three weeks) was a window per day, since ``servers`` holds every hour of a
    window, nights too; ``added`` adds to the schedule's staffed hours and leaves the
    unstaffed ones so. Giving both, or neither, is refused by field."""
    from sim.model.world import World

    day = [0] * 8 + [2] * 10 + [0] * 6
    over = {"ports.sea.scan.scanners.schedule": day, "capacity_windows": [
        {"port": "sea", "lane": "scanners", "at": "8 d", "lasts": "2 d", "added": 3}]}
    port = World(sim.load_scenario(SMALL, over), 5).ports[0]
    planned = port.lanes["scanners"].planned
    assert planned[:192] == (day * 8)[:192] and planned[240:264] == day
    assert planned[192:240] == [n + 3 if n else 0 for n in day * 2]
    assert plan(day * 7, [], 200.0, [(24, 48, 3)])[24:48] == [n + 3 if n else 0 for n in day]
    both = {**_window("scanners", "8 d", "2 h", 1), "added": 1}
    for window, said in ((both, "servers = 1 and added = 1 given"),
                         ({k: v for k, v in both.items() if k not in ("servers", "added")},
                          "servers = None and added = None given")):
        with pytest.raises(sim.ScenarioError, match=rf"capacity_windows\.0\.servers: {said}"):
            sim.load_scenario(SMALL, {"capacity_windows": [window]})


def test_a_negative_added_takes_staff_away_from_the_staffed_hours_only():
    """Staff on leave over a holiday: ``added = -1`` is one server fewer in each hour the
    schedule staffs, never below 0, and leaves the unstaffed hours so (``servers = 1``
    would put one on duty at night too); ``added = 0`` is refused by field."""
    from sim.model.world import World

    day = [0] * 8 + [2] * 10 + [1] * 2 + [0] * 4
    assert plan(day * 7, [], 200.0, [(24, 48, -1)])[24:48] == [max(n - 1, 0) for n in day]
    assert plan(day * 7, [], 200.0, [(24, 48, -5)])[24:48] == [0] * 24
    over = {"ports.sea.scan.scanners.schedule": day, "capacity_windows": [
        {"port": "sea", "lane": "scanners", "at": "8 d", "lasts": "1 d", "added": -1}]}
    port = World(sim.load_scenario(SMALL, over), 5).ports[0]
    assert port.lanes["scanners"].planned[192:216] == [max(n - 1, 0) for n in day]
    zero = {**_window("scanners", "8 d", "2 h", 1), "added": 0}
    del zero["servers"]
    said = r"capacity_windows\.0\.added = 0: it changes nothing .*; allowed: "
    with pytest.raises(sim.ScenarioError, match=said):
        sim.load_scenario(SMALL, {"capacity_windows": [zero]})
