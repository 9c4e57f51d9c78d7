"""One capacity window may name several lanes (``lane = ["declaration_review",
"document_check"]``) and set only some hours of each of its days (``each_day = ["15:00",
"09:00"]``: reduced opening hours): it is the same as one window per lane and day, run for
run; the Spring Festival example says its staff on leave so; a bad list or bad hours are
refused by field path and value, in Chinese too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sim
from sim.cli_zh_errors import error_line
from sim.model.capacity_plan import windows_by_lane
from sim.model.same import same
from sim.report.zh_reforms import UNTRANSLATED
from sim.scenario.capacity_windows import window_spans
from tests.test_cli_lang_notes import english_left

ROOT = Path(__file__).resolve().parents[1]
SMALL = str(ROOT / "tests" / "scenarios" / "small.toml")
EXAMPLE = ROOT / "docs" / "examples" / "spring-festival" / "dongxing.toml"


def _window(lane: Any, **kw: Any) -> dict[str, Any]:
    return {"port": "sea", "lane": lane, "at": "8 d", "lasts": "2 d", "added": -1, **kw}


def _long(windows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each window of a list of lanes as one window per lane (the form before lists)."""
    out = []
    for w in windows:
        lanes = w["lane"] if isinstance(w["lane"], list) else [w["lane"]]
        out += [{**w, "lane": lane} for lane in lanes]
    return out


RUN = {"warmup_days": 1, "days": 2, "drain_days": 1}


def _runs(*forms: list[dict[str, Any]]) -> list[Any]:
    return [sim.simulate(sim.load_scenario(SMALL, {**RUN, "capacity_windows": f} if f else RUN),
                         3, log=True) for f in forms]


def test_a_window_of_several_lanes_runs_as_one_window_per_lane():
    short = [_window(["declaration_review", "document_check"], at="1 d", lasts="1 d"),
             _window(["scanners", "exam_bays"], at="40 h", lasts="8 h", added=None, servers=0)]
    a, b, plain = _runs(short, _long(short), [])
    assert same(a.metrics(), b.metrics()) and a.log.equals(b.log)
    assert a.resources.equals(b.resources) and a.queues.equals(b.queues)
    assert not a.log.equals(plain.log)  # (the windows change the run: the list is not ignored)


def test_the_spring_festival_example_plans_its_lanes_as_the_long_form():
    short = sim.load_scenario(EXAMPLE)
    assert any(isinstance(w.lane, list) for w in short.capacity_windows)
    windows = [w.model_dump() | {"at": w.at, "lasts": f"{w.lasts:g} h"}
               for w in short.capacity_windows]
    long = sim.load_scenario(EXAMPLE, {"capacity_windows": _long(windows)})
    assert len(long.capacity_windows) > len(short.capacity_windows)
    assert windows_by_lane(short) == windows_by_lane(long)


def test_reduced_hours_each_day_are_one_window_that_runs_as_one_per_day():
    """Open 09:00 to 15:00 for two days: one window closing 15:00 to 09:00 each day is the
    three windows a day at a time (00:00-09:00, 15:00-09:00, 15:00-24:00)."""
    short = [_window(["declaration_review", "scanners"], at="1 d", lasts="2 d", added=None,
                     servers=0, each_day=["15:00", "09:00"])]
    plain_keys = {k: v for k, v in short[0].items() if v is not None and k != "each_day"}
    by_day = [{**plain_keys, "at": f"{a} h", "lasts": f"{b - a} h"}
              for a, b in ((24, 33), (39, 57), (63, 72))]
    loaded = sim.load_scenario(SMALL, {**RUN, "capacity_windows": short})
    assert window_spans(loaded.capacity_windows[0], 24) == [(24, 33), (39, 57), (63, 72)]
    a, b, plain = _runs(short, _long(by_day), [])
    assert same(a.metrics(), b.metrics()) and a.log.equals(b.log)
    assert a.resources.equals(b.resources) and a.queues.equals(b.queues)
    assert not a.log.equals(plain.log)
    one = sim.load_scenario(SMALL, {**RUN, "capacity_windows": _long(by_day)[:1]})
    assert "each_day" not in one.capacity_windows[0].model_dump()  # (hashes as before)


def test_windows_on_other_hours_of_the_same_days_do_not_overlap():
    day, night = (_window("scanners", servers=0, added=None, each_day=h)
                  for h in (["09:00", "15:00"], ["15:00", "09:00"]))
    assert len(sim.load_scenario(SMALL, {"capacity_windows": [day, night]}
                                 ).capacity_windows) == 2
    with pytest.raises(sim.ScenarioError, match="overlaps capacity_windows.0 at lane scanners"):
        sim.load_scenario(SMALL, {"capacity_windows": [
            day, {**night, "each_day": ["14:00", "09:00"]}]})


MISTAKES = {
    "empty": ([], r"capacity_windows\.0\.lane = \[\]: an empty list names no lane"),
    "star": (["scanners", "*"], r"capacity_windows\.0\.lane\.1 = '\*': '\*' \(every lane\)"),
    "unknown": (["scanners", "cranes"], r"capacity_windows\.0\.lane\.1: port sea has no "
                r"lane 'cranes' with a number of servers; allowed: declaration_review"),
    "twice": (["scanners", "scanners"], r"capacity_windows\.0\.lane\.1 = 'scanners': lane "
              r"'scanners' is listed twice"),
    "not a name": (["scanners", 3], r"capacity_windows\.0\.lane = \['scanners', 3\]: not a "
                   r"lane's name nor a list of names; allowed: a lane"),
}


HOURS = {
    "one hour": (["09:00"], {}, r"each_day = \['09:00'\]: not two whole hours of the day"),
    "half hour": (["09:30", "15:00"], {}, r"each_day = \['09:30', '15:00'\]: not two whole"),
    "the same": (["09:00", "09:00"], {}, r"each_day = \['09:00', '09:00'\]: not two whole"),
    "none in it": (["15:00", "18:00"], {"at": "200 h", "lasts": "3 h"},
                   r"each_day: no hour of the window \(3 h from 200 h\) is in these hours"),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES) + sorted(HOURS))
def test_a_bad_list_or_bad_hours_are_refused_by_field_in_english_and_chinese(mistake: str):
    if mistake in MISTAKES:
        lane, said = MISTAKES[mistake]
        window = _window(lane)
    else:
        hours, more, said = HOURS[mistake]
        window = _window("scanners", each_day=hours, **more)
    with pytest.raises(sim.ScenarioError, match=said) as caught:
        sim.load_scenario(SMALL, {"capacity_windows": [window]})
    zh = error_line(str(caught.value), "zh")
    assert UNTRANSLATED not in zh and not english_left(zh), zh


def test_two_windows_that_list_one_lane_on_the_same_hours_overlap():
    twice = [_window(["scanners", "document_check"]), _window(["exam_bays", "document_check"])]
    with pytest.raises(sim.ScenarioError, match="overlaps capacity_windows.0 at lane "
                       "document_check"):
        sim.load_scenario(SMALL, {"capacity_windows": twice})
