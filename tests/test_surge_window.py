"""A surge placed in time (``arrivals.extra_from``, ``extra_for``): a peak of a few days at a
parcel hub (Singles' Day) instead of added arrivals all run long, and the clear errors for a
window that cannot show what it is written for."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

import sim
from sim.model.streams import SURGE_INDEX
from sim.scenario.arrival_rates import rate_line

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")
EXPORTS = "ports.sea.exports.arrivals"


@functools.lru_cache(maxsize=4)
def _log(**over: Any) -> Any:
    fields = {f"{EXPORTS}.{k}": v for k, v in over.items()}
    return sim.simulate(sim.load_scenario(SMALL, fields), 5, log=True).log


def test_a_timed_surge_adds_the_whole_runs_surge_arrivals_inside_its_window_only():
    base = _log()
    whole = _log(extra=1.0)
    peak = _log(extra=1.0, extra_from="9 d", extra_for="2 d")
    added = peak[peak["index"] >= SURGE_INDEX]
    assert len(added) > 100
    assert added.arrived.min() >= 9 * 24 and added.arrived.max() < 11 * 24
    # the same surge stream, cut to the window: the same arrival times as the whole run's
    inside = whole[(whole["index"] >= SURGE_INDEX) & whole.arrived.between(216, 264, "left")]
    assert sorted(added.arrived) == sorted(inside.arrived)
    # the other consignments keep their identity and draws
    cols = ["index", "arrived", "commodity", "trader_class", "value", "sel_scan"]
    old = peak[peak["index"] < SURGE_INDEX][cols].sort_values("index").reset_index(drop=True)
    assert old.equals(base[cols].sort_values("index").reset_index(drop=True))


def test_a_surge_from_a_time_lasts_to_the_last_arrival():
    peak = _log(extra=1.0, extra_from="12 d")
    added = peak[peak["index"] >= SURGE_INDEX]
    assert added.arrived.min() >= 12 * 24 and added.arrived.max() > 13.5 * 24


def _refused(match: str, **over: Any) -> None:
    fields = {f"{EXPORTS}.{k}": v for k, v in over.items()}
    with pytest.raises(sim.ScenarioError, match=match):
        sim.load_scenario(SMALL, fields)


def test_a_window_without_a_surge_is_refused():
    _refused(rf"{EXPORTS}\.extra_from.*but extra is not given \(no surge\)", extra_from="9 d")


def test_an_explicit_extra_of_0_switches_a_timed_surge_off():
    """A peak written in a scenario could not be switched off by an option or ``--set``
    (``extra=0`` was refused beside its window, and a window cannot be unset from the
    command line): ``extra = 0`` given is now the traffic without the surge."""
    window = {f"{EXPORTS}.extra_from": "9 d", f"{EXPORTS}.extra_for": "2 d"}
    off = sim.load_scenario(SMALL, {f"{EXPORTS}.extra": 0, **window})
    base = sim.load_scenario(SMALL)
    assert off.ports["sea"].exports.arrivals.extra == 0
    assert rate_line(off.ports["sea"].exports.arrivals) == rate_line(
        base.ports["sea"].exports.arrivals)
    from sim.model.arrivals import surges
    from sim.model.world import World

    assert not surges(World(off, 5).ports[0], export=True)


def test_a_surge_lasting_no_time_is_refused():
    _refused(rf"{EXPORTS}\.extra_for.*lasting no time", extra=1.0, extra_for="0 h")


def test_a_surge_after_the_observed_days_is_refused_with_the_runs_timing():
    _refused(
        rf"{EXPORTS}\.extra_from.*starts at 14 d, at or after the last observed arrival "
        r"\(the run: 7 days of warm-up, then 7 observed days, to 14 d",
        extra=1.0, extra_from="14 d",
    )


def test_a_surge_inside_the_warmup_is_refused():
    _refused(rf"{EXPORTS}\.extra_for.*ends at 7 d, within the warm-up",
             extra=1.0, extra_from="5 d", extra_for="2 d")


def test_check_arrivals_gives_a_timed_surge_apart_from_the_average():
    spec = sim.load_scenario(SMALL, {f"{EXPORTS}.extra": 8, f"{EXPORTS}.extra_from": "9 d",
                                     f"{EXPORTS}.extra_for": "1 d"})
    line = rate_line(spec.ports["sea"].exports.arrivals)
    assert line.startswith("7.5 declarations/h on average, 180/d")
    assert "a surge adds 60 declarations/h (1,440/d) from 9 d to 10 d" in line


def test_ecommerce_surge_places_a_peak_only_when_asked():
    from sim.reforms import REFORMS
    from sim.scenario.loader import default_scenario_path

    default = sim.load_scenario(default_scenario_path())
    whole = REFORMS["ecommerce_surge"](extra=8).fields(default)
    assert not any(k.endswith(("extra_from", "extra_for")) for k in whole)
    peak = REFORMS["ecommerce_surge"](extra=8, from_day=17, days=1).fields(default)
    for flow in ("ports.post_hub.arrivals", "ports.post_hub.exports.arrivals"):
        assert peak[f"{flow}.extra_from"] == "17 d" and peak[f"{flow}.extra_for"] == "1 d"
    hub = REFORMS["ecommerce_surge"](extra=8, from_day=17, days=1).apply(default)
    assert hub.ports["post_hub"].arrivals.surge_window() == (17 * 24.0, 18 * 24.0)
    assert hub.ports["sea_port"].arrivals.extra == 0


def test_the_parcel_hub_example_loads_with_its_peak_day():
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "parcel-hub"
    hub = sim.load_scenario(str(example / "peak.toml"))
    assert list(hub.ports) == ["post_hub"]
    for arrivals in (hub.ports["post_hub"].arrivals, hub.ports["post_hub"].exports.arrivals):
        assert arrivals.extra == 8 and arrivals.surge_window() == (17 * 24.0, 18 * 24.0)
    assert hub.periods_at == [17 * 24.0, 18 * 24.0, 21 * 24.0]
