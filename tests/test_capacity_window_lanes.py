"""One capacity window may name several lanes (``lane = ["declaration_review",
"document_check"]``): it is the same as one window per lane with the same dates and count, run
for run; the Spring Festival example says its staff on leave so; a bad list is refused by
field path and value, in Chinese too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sim
from sim.cli_zh_errors import error_line
from sim.model.capacity_plan import windows_by_lane
from sim.model.same import same
from sim.report.zh_reforms import UNTRANSLATED
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


def test_a_window_of_several_lanes_runs_as_one_window_per_lane():
    short = [_window(["declaration_review", "document_check"], at="1 d", lasts="1 d"),
             _window(["scanners", "exam_bays"], at="40 h", lasts="8 h", added=None, servers=0)]
    run = {"warmup_days": 1, "days": 2, "drain_days": 1}
    a, b, plain = (sim.simulate(sim.load_scenario(SMALL, {**run, **over}), 3, log=True)
                   for over in ({"capacity_windows": short},
                                {"capacity_windows": _long(short)}, {}))
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


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_a_bad_list_of_lanes_is_refused_by_its_entry_in_english_and_chinese(mistake: str):
    lane, said = MISTAKES[mistake]
    with pytest.raises(sim.ScenarioError, match=said) as caught:
        sim.load_scenario(SMALL, {"capacity_windows": [_window(lane)]})
    zh = error_line(str(caught.value), "zh")
    assert UNTRANSLATED not in zh and not english_left(zh), zh


def test_two_windows_that_list_one_lane_on_the_same_hours_overlap():
    twice = [_window(["scanners", "document_check"]), _window(["exam_bays", "document_check"])]
    with pytest.raises(sim.ScenarioError, match="overlaps capacity_windows.0 at lane "
                       "document_check"):
        sim.load_scenario(SMALL, {"capacity_windows": twice})
