"""A land crossing's approach (sim/model/approach.py): trucks wait before the crossing until
it holds fewer than ``inside`` trucks, in the order they reached it; the rest of the run is
as without the section."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sim
from sim.analysis.sketch import RELATIVE_ERROR
from sim.cli_zh_errors import error_line
from sim.model.run import simulate
from sim.model.world import World
from sim.scenario.loader import ScenarioError

ROOT = Path(__file__).resolve().parent.parent
MMC = ROOT / "scenarios/teaching-mmc.toml"  # one land crossing, one lane of two officers
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 1}
TAIL = "_port_crossing"


def _scenario(inside: int | None = None, parking: int = 2) -> sim.Scenario:
    given = {} if inside is None else {"ports.crossing.approach": {"inside": inside,
                                                                   "parking": parking}}
    return sim.load_scenario(MMC, {**SHORT, **given})


def _same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


def test_a_crossing_with_room_for_all_runs_as_without_an_approach():
    without, roomy = simulate(_scenario(), 1).metrics(), simulate(_scenario(10_000), 1).metrics()
    new = {k: v for k, v in roomy.items() if k not in without}
    assert new and all(k.startswith("approach_") for k in new)
    # (no truck ever waited, none was left waiting: their wait so far is no figure)
    assert all(v == 0 or k.startswith("approach_left_wait") and math.isnan(v)
               for k, v in new.items())
    assert all(_same(without[k], roomy[k]) for k in without)


def _trucks(inside: int, parking: int = 2) -> tuple[World, dict[str, float], pd.DataFrame]:
    """A short run's world, metrics and log (trucks in the order they reached the crossing,
    with the end of each one's flow)."""
    world = World(_scenario(inside, parking), 1, log=True).run()
    result = world.result()
    log = result.log
    assert log is not None
    log = log.assign(end=np.fmax(log["exited"], log["loaded"]))
    return world, result.metrics(), log.sort_values(["reached", "index"]).reset_index(drop=True)


def test_one_truck_inside_enters_when_the_one_before_it_leaves():
    _, _, log = _trucks(1)
    reached, arrived = log["reached"].to_numpy(float), log["arrived"].to_numpy(float)
    ends = log["end"].to_numpy(float)
    assert len(log) > 50 and (arrived > reached).sum() > 10  # (a queue formed)
    done = int(np.argmax(np.isnan(ends))) if np.isnan(ends).any() else len(ends) - 1
    # single-server arithmetic, in the order trucks reached: the later of its own reaching
    # and the leaving of the truck before it (up to the first truck still inside at the end)
    expected = np.maximum(reached[1 : done + 1], ends[:done])
    assert arrived[1 : done + 1] == pytest.approx(expected)


def test_the_trucks_inside_never_exceed_inside():
    world, _, log = _trucks(3)
    approach = world.ports[0].approach
    assert approach is not None and approach.most_inside == 3  # (bound, and reached)
    entered = log.dropna(subset=["arrived"])
    for t in entered["arrived"]:
        inside = (entered["arrived"] <= t) & ~(entered["end"] <= t)
        assert inside.sum() <= 3


def test_waiting_trucks_fill_the_parking_area_then_the_road():
    world, m, log = _trucks(2, parking=2)
    approach = world.ports[0].approach
    assert approach is not None and not approach.gate.queue  # (every truck entered)
    assert m[f"approach_parking_peak{TAIL}"] == 2 and m[f"approach_road_peak{TAIL}"] > 0
    # the waiting trucks over time, from the log, split at the parking area's 2 spaces
    start, stop = world.warmup, world.stop
    cuts = np.unique(np.clip(np.r_[log["reached"], log["arrived"].dropna(), start, stop],
                             start, stop))
    mid = (cuts[:-1] + cuts[1:]) / 2
    waiting = ((log["reached"].to_numpy()[:, None] <= mid)
               & ~(log["arrived"].to_numpy()[:, None] <= mid)).sum(axis=0)
    hours = stop - start
    parking = (np.minimum(waiting, 2) * np.diff(cuts)).sum() / hours
    road = (np.maximum(waiting - 2, 0) * np.diff(cuts)).sum() / hours
    assert m[f"approach_parking_mean{TAIL}"] == pytest.approx(parking)
    assert m[f"approach_road_mean{TAIL}"] == pytest.approx(road)
    # a truck spills onto the road when it finds 2 trucks waiting before it
    observed = log[(log["reached"] >= start) & (log["reached"] < stop)]
    found = [((log["reached"] < t) & ~(log["arrived"] <= t)).sum() for t in observed["reached"]]
    spilled = sum(n >= 2 for n in found) / ((stop - start) / 24)
    assert m[f"approach_road_trucks_per_day{TAIL}"] == pytest.approx(spilled)
    waits = observed["arrived"] - observed["reached"]
    assert m[f"approach_wait_h_mean{TAIL}"] == pytest.approx(waits.mean())
    # the p90 from the streamed sketch, within its stated relative error of the exact one
    exact = float(np.quantile(waits.to_numpy(), 0.9, method="inverted_cdf"))
    assert exact > 0
    assert m[f"approach_wait_h_p90{TAIL}"] == pytest.approx(exact, rel=RELATIVE_ERROR)


def test_an_approach_is_a_land_crossings_and_holds_a_truck():
    with pytest.raises(ScenarioError, match=r"ports\.sea\.approach.*'sea'.*allowed: only at") as e:
        sim.load_scenario(ROOT / "tests/scenarios/small.toml",
                          {"ports.sea.approach": {"inside": 5, "parking": 0}})
    zh = error_line(str(e.value), "zh")
    assert "只适用于陆路口岸" in zh and "'sea'" in zh and "尚无中文" not in zh
    with pytest.raises(ScenarioError, match=r"ports\.crossing\.approach\.inside"):
        _scenario(0)


def test_trucks_times_the_turnaround_from_reaching_the_approach(tmp_path, capsys):
    from sim.analysis.trucks import trips
    from sim.cli import main

    _, _, log = _trucks(1)
    t = trips(log, "crossing")
    kept = log[log["cohort"]]
    assert len(t) == len(kept) and (kept["arrived"] > kept["reached"]).any()
    expected = np.where(kept["end"].isna(), np.inf, kept["end"] - kept["reached"])
    assert t["turnaround_h"].to_numpy() == pytest.approx(expected)
    out = tmp_path / "run"
    assert main(["run", str(MMC), "--reps", "1", "--days", "1", "--seed", "1", "--log",
                 "--out", str(out), "--set", "warmup_days=0", "--set", "drain_days=1",
                 "--set", "ports.crossing.approach={inside=2, parking=1}"]) == 0
    capsys.readouterr()
    assert main(["trucks", str(out)]) == 0
    assert "turnaround from reaching the approach" in capsys.readouterr().out


def test_a_closed_gate_keeps_trucks_on_the_approach_until_it_opens():
    """A hold of the port's arrivals: the trucks that reach the crossing while it is shut
    wait outside (parking, then road) and enter at its end, keeping their ``reached``."""
    hold = [{"of": "arrivals", "port": "crossing", "at": "30 h", "lasts": "6 h"}]
    s = sim.load_scenario(MMC, {**SHORT, "holds": hold,
                                "ports.crossing.approach": {"inside": 10_000, "parking": 5}})
    result = simulate(s, 1, log=True)
    log, m = result.log, result.metrics()
    assert log is not None
    shut = log[(log["reached"] >= 30) & (log["reached"] < 36)]
    assert len(shut) > 5 and (shut["arrived"] == 36).all()
    assert (log.drop(shut.index)["arrived"] == log.drop(shut.index)["reached"]).all()
    assert m[f"approach_parking_peak{TAIL}"] == 5
    assert m[f"approach_road_peak{TAIL}"] == len(shut) - 5


def _judged(inside: int, log: bool = False) -> World:
    """A week's run of the teaching crossing at 3 trucks an hour (its lane 75 % loaded)."""
    s = sim.load_scenario(MMC, {"days": 7, "warmup_days": 1, "drain_days": 1,
                                "ports.crossing.arrivals.rate": "3/h",
                                "ports.crossing.approach": {"inside": inside, "parking": 2}})
    return World(s, 1, log=log).run()


def test_an_approach_that_does_not_settle_warns_and_names_what_to_raise():
    from sim.warning_codes import classify

    warned = [w for w in _judged(1).result().warnings if "approach" in w]  # (half its pace)
    assert len(warned) == 1
    code, fields, figures = classify(warned[0])
    assert code.code == "approach_rising" and fields["port"] == "crossing"
    assert fields["inside_field"] == "ports.crossing.approach.inside" and figures["inside"] == 1
    assert figures["later_trucks"] > figures["earlier_trucks"] > 0
    assert len(figures["daily_mean_trucks"]) == 7


def test_a_settled_approach_with_a_queue_does_not_warn():
    world = _judged(2)  # (as many inside as officers: trucks do wait, and the queue settles)
    approach = world.ports[0].approach
    assert approach is not None and approach.waits.mean > 0.1
    assert not [w for w in world.result().warnings if "approach" in w]


def test_a_run_without_a_log_keeps_no_truck_by_truck_record():
    without, logged = _judged(2), _judged(2, log=True)
    for world in (without, logged):
        world.result()
    a, b = without.ports[0].approach, logged.ports[0].approach
    assert a is not None and b is not None and len(b.waits) > 100
    assert not a.reached and len(b.reached or {}) >= len(b.waits)
    assert not a.held  # (every truck's place inside was freed)


def test_queued_trucks_requirements_are_drawn_per_block_as_without_an_approach(monkeypatch):
    from sim.model.draws import DRAWS

    drawn = {"n": 0}
    table = DRAWS.table

    def counted(*args: object, **kw: object) -> np.ndarray:
        drawn["n"] += 1
        return table(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(DRAWS, "table", counted)
    simulate(_scenario(), 1)
    without, drawn["n"] = drawn["n"], 0
    world = World(_scenario(1), 1).run()
    assert world.arrived > 50 and drawn["n"] == without  # (not one table a truck)


def test_drawing_ahead_gives_the_numbers_drawn_at_entry(monkeypatch):
    import sim.model.approach as approach

    ahead = World(_scenario(1), 1, log=True).run().result()
    monkeypatch.setattr(approach, "drawn_ahead", lambda *_: None)
    at_entry = World(_scenario(1), 1, log=True).run().result()
    assert ahead.log is not None and at_entry.log is not None
    assert ahead.metrics()[f"approach_wait_h_mean{TAIL}"] > 1  # (trucks queued)
    pd.testing.assert_frame_equal(ahead.log, at_entry.log)
    assert all(_same(v, at_entry.metrics()[k]) for k, v in ahead.metrics().items())


def _advance(inside: int, **more: Any) -> pd.DataFrame:
    """The log of a short run of the teaching crossing where every truck's declaration is
    lodged 2 h ahead and reviewed (a desk of 5 officers, 10 min each): a queue forms
    (``more``: further fields set)."""
    s = sim.load_scenario(MMC, {**SHORT, "ports.crossing.approach": {"inside": inside,
                                                                       "parking": 2}, **more,
                                "declaration.review_share": {"*": 1.0},
                                "ports.crossing.review": {"capacity": 5, "service": "10 min"},
                                "ports.crossing.declaration.advance_share": 1.0,
                                "ports.crossing.declaration.advance_lead": "2 h"})
    log = simulate(s, 1, log=True).log
    assert log is not None
    return log


def test_a_queued_trucks_advance_declaration_is_reviewed_while_it_waits():
    """Lodged its lead before the truck reached the approach (not before its entry) and
    reviewed then, as without an approach: it enters with its review done."""
    log = _advance(1)
    queued = log[log["arrived"] > log["reached"] + 1]
    assert len(queued) > 20  # (trucks waited over an hour)
    assert np.allclose(queued["lodged"], queued["reached"] - 2)
    assert (queued["accepted"] < queued["reached"]).all()  # (a free desk: 10 min)


def test_a_queued_trucks_figures_count_it_by_when_it_reached_the_approach():
    """The observed cohort (clearance, costs, seizures, `bordersim trucks`) holds the trucks
    that reached the approach in the observed window, however long they then queued."""
    log = _trucks(1)[2]  # (a queue that grows: trucks reach in the window and enter after it)
    s = _scenario(1)
    start, stop = s.warmup_days * 24, (s.warmup_days + s.days) * 24
    by_reach = (log["reached"] >= start) & (log["reached"] < stop)
    by_entry = (log["arrived"] >= start) & (log["arrived"] < stop)
    assert (by_reach != by_entry).sum() > 5  # (the two rules differ here)
    assert (log["cohort"].astype(bool) == by_reach).all()


def test_after_a_closure_queued_trucks_enter_first_come_first_served():
    """A closure of the crossing (a hold of its arrivals) while trucks queue for room: none
    enters while it is shut, and they enter in the order they reached the approach, those
    that waited for room before the closure first."""
    hold = [{"of": "arrivals", "port": "crossing", "at": "30 h", "lasts": "6 h"}]
    s = sim.load_scenario(MMC, {**SHORT, "holds": hold, "ports.crossing.arrivals.rate": "3/h",
                                "ports.crossing.approach": {"inside": 2, "parking": 2}})
    log = simulate(s, 1, log=True).log
    assert log is not None
    log = log.dropna(subset=["arrived"]).sort_values(["reached", "index"])
    before = log[(log["reached"] < 30) & (log["arrived"] > 30)]
    assert len(before) > 2 and len(log[log["reached"].between(30, 36)]) > 5
    assert not log["arrived"].between(30, 36, inclusive="neither").any()  # (shut)
    assert (np.diff(log["arrived"].to_numpy(float)) >= 0).all()  # (by reached)


def test_the_places_held_by_trucks_waiting_for_a_laboratory_result_are_a_figure():
    """The mean trucks inside waiting for a laboratory result: the hours between each truck's
    sample and result that it spent inside, in the observed window, over the window's hours."""
    s = sim.load_scenario(ROOT / "scenarios/beilun-border.toml", {
        "days": 2, "warmup_days": 1, "drain_days": 3,
        "ports.dongxing.approach": {"inside": 30, "parking": 10}})
    result = simulate(s, 1, log=True)
    log, m = result.log, result.metrics()
    assert log is not None
    log = log[(log["port"] == "dongxing") & log["lab_end"].notna()]
    assert len(log) > 3 and (log["released"] >= log["lab_end"]).all()  # (held for them)
    start = np.maximum(np.maximum(log["lab_start"], log["arrived"]), 24.0)  # (in the window)
    hours = (np.minimum(log["lab_end"], 72.0) - start).clip(lower=0)
    figure = m["approach_inside_lab_mean_port_dongxing"]
    assert figure > 0.5  # (trucks do wait inside for results)
    assert figure == pytest.approx(hours.sum() / 48)


@pytest.mark.parametrize("timeline", [False, True], ids=["drawn ahead", "drawn at entry"])
def test_an_unreviewed_advance_declaration_is_lodged_when_the_trader_lodged(timeline):
    """Under the selection tables a queued truck's advance declaration with no review is
    lodged its lead before the truck reached the approach, whether its requirements are
    drawn when it reaches the approach or at its entry (a timeline's eras), and for a truck
    of the run's first hours (lodged before the run's start): never counted back from an
    entry that no trader can foresee."""
    over: dict[str, object] = {"timeline": [{"reform": "single_window", "at": "20 h"}]}
    s = sim.load_scenario(MMC, {"days": 1, "warmup_days": 0.5, "drain_days": 0.5,
                                "ports.crossing.approach": {"inside": 1, "parking": 2},
                                "declaration.review_share": {"*": 0.0},
                                "ports.crossing.declaration.advance_share": 1.0,
                                "ports.crossing.declaration.advance_lead": "6 h",
                                **(over if timeline else {})})
    log = simulate(s, 1, log=True).log
    assert log is not None
    queued = log[log["arrived"] > log["reached"] + 1]
    assert len(queued) > 20 and (queued["lodged"] < 0).any()  # (some in the first hours)
    assert np.allclose(queued["lodged"], queued["reached"] - 6)


def test_a_reviewed_truck_of_the_first_hours_lodges_from_its_entry():
    """No review can be booked before time 0: a reviewed truck whose lodging, its lead before
    it reached the approach, would fall before the run's start lodges its lead before its
    entry and is reviewed after it (docs/trucks.md); a later one lodges from ``reached``."""
    log = _advance(1, **{"ports.crossing.arrivals.rate": "8/h"})
    queued = log[log["arrived"] > log["reached"] + 0.5]
    first, later = queued[queued["reached"] < 2], queued[queued["reached"] >= 2]
    assert len(first) > 5 and len(later) > 20
    assert np.allclose(first["lodged"], first["arrived"] - 2)
    assert (first["accepted"] > first["arrived"]).all()  # (its review waited for the entry)
    assert np.allclose(later["lodged"], later["reached"] - 2)
