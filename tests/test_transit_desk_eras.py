"""A dated rule that falls while transit goods queue at a transit desk (docs/transit.md): a
consignment's era is chosen from its arrival without the desk's wait (its rules draw its
transit leg, so they must be known before the desk), and the run counts, and notes, the
goods assessed after the date, counted from when they really lodged, that keep the earlier
rules (:mod:`sim.model.desk_eras`).

The setup: every import in transit through a one-officer desk loaded past its capacity
(1.5 arrivals an hour, an hour's formalities on average), so that the wait grows through
the day; no journey, lodging on arrival here; a dated reform at the end of day 1. Well
under a second a run.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from theory_scenarios import build, exponential
from theory_scenarios import scenario as make_scenario

from sim.model.desk_eras import METRIC
from sim.model.run import simulate
from sim.model.window import run_notes
from sim.warning_codes import record

T = 24.0  # the dated rule's start, hours after the run's start


def _scenario(capacity: int | str = 1, timeline: bool = True) -> dict[str, Any]:
    data = make_scenario(name="transit-desk-eras", rate_per_h=1.5, days=2, drain_days=3)
    data["ports"]["p"]["transit"] = {
        "share": {"*": 1.0},
        "formalities": exponential(1.0),
        "travel": "0 h",
        "desk": {"capacity": capacity},
    }
    if timeline:
        data["timeline"] = [{"reform": "single_window", "at": f"{T:g} h"}]
    return data


def _run(monkeypatch: pytest.MonkeyPatch, data: dict[str, Any], fast: bool) -> Any:
    """The run, and its log with the era each consignment was handed to (0: the first
    rules, 1: the timeline's)."""
    from sim.model.port import Port

    era: dict[int, int] = {}
    hand_on = Port._hand_on

    def recorded(port: Any, index: np.ndarray, *args: Any, **kw: Any) -> None:
        era.update(dict.fromkeys(index.tolist(), 0 if port.eras else 1))
        hand_on(port, index, *args, **kw)

    monkeypatch.setattr(Port, "_hand_on", recorded)
    result = simulate(build(data), 1, log=True, fast=fast)
    log: pd.DataFrame = result.log
    log["era"] = log["index"].map(era)
    return result, log


@pytest.mark.parametrize("fast", [True, False], ids=["bulk", "journeys"])
def test_the_era_follows_the_arrival_without_the_desk_s_wait_and_the_run_counts_the_rest(
    monkeypatch: pytest.MonkeyPatch, fast: bool
) -> None:
    result, log = _run(monkeypatch, _scenario(), fast)
    wait = log.transit_sealed - log.arrived - log.transit_formalities  # (the desk's queue)
    assert log.assessed.notna().all()
    # the era: where the assessment falls without the desk's wait (nothing else queues)
    planned = log.assessed - wait
    assert (log.era == (planned >= T)).all()
    # the date falls in the desk's queue: goods that arrived before it, waited past it and
    # were assessed after it keep the first rules
    behind = (log.era == 0) & (log.assessed >= T)
    assert behind.sum() > 5 and (log.arrived[behind] < T).all() and (wait[behind] > 0).all()
    assert (log.era[log.arrived >= T] == 1).all()
    # the run counts them (its cohort's) and its note says how many
    n = int((behind & log.cohort).sum())
    assert result.metrics()[METRIC] == n
    said = [x for x in result.notes if METRIC in x]
    assert len(said) == 1 and said[0].startswith(f"note: {n} transit consignments")
    told = record(said[0])  # (a record a program reads: its code and the count)
    assert told["code"] == METRIC and told["figures"]["consignments"] == n
    notes = run_notes({}, {METRIC: n / 2}, 0, 2)  # (a run of replications: their mean)
    assert [x for x in notes if f"{n / 2:g} transit consignments" in x]


@pytest.mark.parametrize(
    "capacity, timeline", [("unlimited", True), (1, False)], ids=["unlimited desk", "no timeline"]
)
def test_no_count_without_a_desk_that_queues_or_without_a_timeline(
    monkeypatch: pytest.MonkeyPatch, capacity: int | str, timeline: bool
) -> None:
    result, _ = _run(monkeypatch, _scenario(capacity, timeline), True)
    assert METRIC not in result.metrics()
    assert not [x for x in result.notes if METRIC in x]


def test_a_comparison_notes_each_option_s_count() -> None:
    """``compare``: each option whose mean count is above 0 gets the note, under its name
    (an option's dated reform may pass goods by where the baseline's rules pass none)."""
    from types import SimpleNamespace

    from sim.experiment.compare_notes import _notes_of_means

    summary = pd.DataFrame({"option": ["baseline", "dated"], "metric": [METRIC, METRIC],
                            "mean": [0.0, 3.5]})
    res = SimpleNamespace(summary=summary, names=["baseline", "dated"], meta={})
    said = [x for x in _notes_of_means(res) if METRIC in x]  # type: ignore[arg-type]
    assert len(said) == 1 and said[0].startswith("note (dated): 3.5 transit consignments")
