"""The lanes' observed window split by a timeline's periods: the process that opens the
window, marks every lane where a period begins within it and closes it, so that a lane's
time on duty (and overtime: a capacity window's extra staff) is booked to the period whose
hours it falls in (:mod:`sim.model.cost_periods`), and each lane's utilisation and mean
wait by period (:func:`lane_period_metrics`). Only snapshots of the lanes' running areas
and sums are kept, one per period: nothing grows with the consignments."""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any

from sim.scenario.timeline import periods

if TYPE_CHECKING:
    import simpy

    from sim.model.lane import Lane
    from sim.scenario.schema import Scenario


def period_marks(scenario: Scenario, warmup: float, stop: float) -> list[float]:
    """When the periods that begin within the observed window (``warmup`` to ``stop``,
    hours from the start) begin: the window's inner edges between periods."""
    return [t for t, _ in periods(scenario) if warmup < t < stop]


def observe(
    env: simpy.Environment,
    lanes: Sequence[Lane],
    marks: Sequence[float],
    window: tuple[float, float],
) -> Generator[Any, Any, None]:
    """Tell every lane where the periods begin (``marks``, before the run: a FIFO lane
    books jobs ahead), and the process that opens its observed window at its start, marks
    it at each of ``marks`` and closes it at its end."""
    if marks:
        for lane in lanes:
            lane.set_periods(marks)
    return _observe(env, lanes, marks, window)


def _observe(
    env: simpy.Environment,
    lanes: Sequence[Lane],
    marks: Sequence[float],
    window: tuple[float, float],
) -> Generator[Any, Any, None]:
    warmup, stop = window
    yield env.timeout(warmup)
    for lane in lanes:
        lane.open_window()
    for t in marks:
        yield env.timeout(t - env.now)
        for lane in lanes:
            lane.mark_period()
    yield env.timeout(stop - env.now)
    for lane in lanes:
        lane.close_window()


def lane_period_metrics(
    scenario: Scenario, lanes: Sequence[Lane], window: tuple[float, float]
) -> dict[str, float]:
    """By period of a timeline, every staffed lane's utilisation and its cohort jobs' mean
    wait (``utilisation_<port>_<lane>_era_<k>``, ``wait_h_mean_<port>_<lane>_era_<k>``): a
    peak season's load, which the observed window's figures average away. None without
    periods; NaN before the run has observed them (every run names the same metrics)."""
    starts = [t for t, _ in periods(scenario) if t < window[1]]
    if len(starts) < 2:
        return {}
    first = sum(t <= window[0] for t in starts) - 1  # (the window's first period)
    unseen = [{"utilisation": math.nan, "wait_h_mean": math.nan}] * (len(starts) - first)
    out: dict[str, float] = {}
    for lane in lanes:
        if lane.unlimited:
            continue
        for i, stats in enumerate(lane.period_stats() or unseen):
            key, era = f"{lane.port}_{lane.name}", f"era_{first + i}"
            out[f"utilisation_{key}_{era}"] = stats["utilisation"]
            out[f"wait_h_mean_{key}_{era}"] = stats["wait_h_mean"]
    return out
