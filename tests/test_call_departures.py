"""Exports that leave on the weekly call pattern's vessels (``exports.loading.from_calls``,
:mod:`sim.scenario.call_departures`): each slot plus ``window_h`` is a departure, the
``cutoff`` before it; the exports are loaded at those cut-offs and miss them as the log's
arrivals say; the departures follow the slots when they change; refusals name the field;
``check --arrivals`` shows the departures and cut-offs, in Chinese too."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sim
from sim.cli import main
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
PATTERN = {"slots": ["Mon 06:00", "Thu 14:00"], "window_h": 2,
           "boxes": {"dist": "triangular", "low": 300, "mode": 400, "high": 500},
           "boxes_per_declaration": 2}
FROM_CALLS = {"ports.sea.arrivals.calls": PATTERN,
              "ports.sea.exports.loading": {"from_calls": True, "cutoff": "10 h"}}
#: by hand: Mon 06:00 + 2 h = hour 8 and Thu 14:00 + 2 h = hour 3 * 24 + 16 = 88 of the
#: week; 10 h before each: hour 8 - 10 + 168 = 166 (Sun 22:00) and 88 - 10 = 78 (Thu 06:00)
DEPARTURES = [6 + 2, 3 * 24 + 14 + 2]
CUTOFFS = [3 * 24 + 14 + 2 - 10, 6 + 2 - 10 + 168]


def test_each_slot_after_its_window_is_a_departure_with_the_cutoff_before_it() -> None:
    loading = sim.load_scenario(SMALL, FROM_CALLS).ports["sea"].exports
    assert loading is not None
    assert loading.loading.departures == DEPARTURES
    assert loading.loading.cutoffs() == CUTOFFS


def test_exports_leave_at_the_calls_cutoffs_and_miss_them_as_their_arrival_says() -> None:
    """Every export of the observed days is loaded at a cut-off of the pattern's calls,
    the first at or after its release; the share that left on a later call than the first
    after its arrival, and the calls missed, are those the hand-made cut-offs give."""
    r = sim.simulate(sim.load_scenario(SMALL, {"days": 2, **FROM_CALLS}), 3, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released")]
    ex = log[log.direction == "export"]
    every = np.concatenate([np.array(CUTOFFS, float) + 168 * w for w in range(-1, 4)])
    at = np.searchsorted(every, ex.loaded.to_numpy() - 1e-9)
    assert len(ex) > 100 and np.allclose(every[at], ex.loaded, atol=1e-6)
    made = np.searchsorted(every, ex.released.to_numpy() - 1e-9)
    assert (at == made).all()  # (the first cut-off after release: no direct loading here)
    missed = at - np.searchsorted(every, ex.arrived.to_numpy() - 1e-9)
    assert 0 < (missed > 0).mean() < 1
    m = r.metrics()
    assert m["exports_missed_cutoff_share_sea"] == pytest.approx((missed > 0).mean(), rel=1e-12)
    assert m["exports_cutoffs_missed_mean_sea"] == pytest.approx(missed.mean(), rel=1e-12)


def test_the_departures_follow_the_slots_and_window_in_a_resolved_scenario() -> None:
    """A change of the window (or slots) of a resolved scenario moves the departures an
    earlier fill wrote; written departures replace from_calls."""
    s = sim.load_scenario(SMALL, FROM_CALLS)
    moved = sim.patch(s, {"ports.sea.arrivals.calls.window_h": 5}).ports["sea"].exports
    assert moved is not None and moved.loading.departures == [d + 3 for d in DEPARTURES]
    own = sim.patch(s, {"ports.sea.exports.loading.departures": ["Tue 01:00"]})
    assert own.ports["sea"].exports is not None
    assert own.ports["sea"].exports.loading.departures == [25.0]
    assert not own.ports["sea"].exports.loading.from_calls


@pytest.mark.parametrize(("over", "words"), [
    ({"ports.sea.exports.loading": {"from_calls": True, "departures": ["Mon 06:00"]},
      "ports.sea.arrivals.calls": PATTERN}, "give one of from_calls and departures"),
    ({"ports.sea.exports.loading": {"from_calls": True, "delay": "1 h"},
      "ports.sea.arrivals.calls": PATTERN}, "give one of from_calls and delay"),
    ({"ports.sea.exports.loading.from_calls": True}, "and the port has none"),
    ({"ports.sea.exports": None, "ports.sea.arrivals.calls": PATTERN,
      "ports.sea.exports.loading.from_calls": True}, "the port has no exports"),
], ids=["departures", "delay", "no pattern", "no exports"])
def test_from_calls_is_refused_where_it_cannot_apply(over, words) -> None:
    with pytest.raises(ScenarioError) as err:
        sim.load_scenario(SMALL, over)
    text = err.value.format()
    assert "ports.sea.exports.loading.from_calls" in text and words in text, text


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "departures Mon 08:00, Thu 16:00 (each slot plus window_h, 2 h); cut-off 10 h "
           "before each: Sun 22:00, Thu 06:00"),
    ("zh", "离港班次为周一 08:00、周四 16:00（各班期加 window_h，即 2 小时）；各离港班次前 "
           "10 小时截关：周日 22:00、周四 06:00"),
])
def test_check_shows_the_departures_the_calls_make(lang, said, capsys) -> None:
    sets = ["--set=ports.sea.exports.loading={from_calls=true,cutoff='10 h'}",
            "--set=ports.sea.arrivals.calls={slots=['Mon 06:00','Thu 14:00'],window_h=2,"
            "boxes={dist='triangular',low=300,mode=400,high=500},boxes_per_declaration=2}"]
    assert main(["check", str(SMALL), "--arrivals", *sets, "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert said in out and "尚无中文" not in out, out
