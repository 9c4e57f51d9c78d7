"""The lanes' observed window split by a timeline's periods: the process that opens the
window, marks every lane where a period begins within it and closes it, so that a lane's
time on duty (and overtime: a capacity window's extra staff) is booked to the period whose
hours it falls in (:mod:`sim.model.cost_periods`). Only snapshots of the lanes' running
areas are kept, one per period: nothing grows with the consignments."""

from __future__ import annotations

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
    """Open every lane's observed window at its start, mark it at each of ``marks`` (a
    period's start within it) and close it at its end."""
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
