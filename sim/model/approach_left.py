"""Trucks still waiting on a land crossing's approach when the run ends: in no per-truck figure.

A queued truck's flow starts at its entry (:mod:`approach`), so a truck that reached the
approach in the observed window and never entered by the run's end (the observed days and the
drain) has no clearance time, no cost and no turnaround: the per-truck figures leave out the
longest waits. A trucking company must see them: their count and their wait so far (from
``reached`` to the run's end) are figures of their own, and when more than ``UNFINISHED`` of
the observed trucks are left (the share above which a port's cohort not yet out warns:
:func:`sim.model.stability.not_out`) a warning says so, unless the queue's rise already
warned (``approach_rising``: a queue that does not settle leaves trucks behind; one warning
says it).
"""

from __future__ import annotations

import math

import numpy as np

from sim.model.stability import UNFINISHED


class StillQueued:
    """The trucks waiting on an approach now: truck index -> when it reached the approach."""

    __slots__ = ("reached",)

    def __init__(self) -> None:
        self.reached: dict[int, float] = {}

    def waits(self, index: int, reached: float) -> None:
        """A truck starts waiting on the approach."""
        self.reached[index] = reached

    def enters(self, index: int) -> None:
        """A truck leaves the approach for the crossing."""
        self.reached.pop(index, None)

    def hours(self, window: tuple[float, float], end: float) -> np.ndarray:
        """The waits so far, at ``end``, of the trucks still waiting that reached the approach
        in the observed ``window`` (the observed cohort's)."""
        at = np.fromiter(self.reached.values(), float, len(self.reached))
        seen = at[(at >= window[0]) & (at < window[1])]
        return end - seen


def left_metrics(hours: np.ndarray, tail: str) -> dict[str, float]:
    """The count of observed trucks still waiting at the end, and their mean wait so far (nan
    without one), as ``approach_left_*{tail}``."""
    return {
        f"approach_left_trucks{tail}": float(len(hours)),
        f"approach_left_wait_h_mean{tail}": float(hours.mean()) if len(hours) else math.nan,
    }


def left_behind(port: str, hours: np.ndarray, entered: int, inside: int,
                drain_days: float) -> list[str]:
    """The warning when more than ``UNFINISHED`` of the trucks that reached ``port``'s
    approach in the observed window were still waiting on it at the end (``entered``: the
    observed trucks that entered); none otherwise."""
    left = len(hours)
    total = left + entered
    if total == 0 or left <= UNFINISHED * total:
        return []
    return [
        f"{port}: {left:,} of the {total:,} trucks that reached the approach in the observed "
        f"window ({100 * left / total:.2f}%, more than {UNFINISHED:.0%}) were still waiting on "
        f"it when the run ended, {drain_days:g} days after the window closed (mean wait so "
        f"far {float(hours.mean()):.1f} h): they are in no per-truck figure (clearance times, "
        "costs, the approach's waits, the trucks command's turnaround), which so leave out "
        f"the longest waits; raise ports.{port}.approach.inside (now {inside}), add capacity "
        "at its lanes, or run with a longer drain (drain_days)"
    ]
