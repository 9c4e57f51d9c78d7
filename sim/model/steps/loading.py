"""Exports: after release the goods wait for loading. At a port with a schedule (a sea port's
vessels, an airport's flights) they make the next departure whose cut-off is not before their
release, and are ``loaded`` at that cut-off (they are then on the load list; the clock of
China's export indicator stops); at a land crossing the truck drives on and crosses after a
delay. No queue: arithmetic on the journey's clock, so exports stay in bulk unless a check
makes them queue. Plan rule, scalar and bulk forms side by side."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import TERMINAL, TRADER
from sim.model.route import Step
from sim.model.steps.release import EXPORT

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

WEEK = 168.0
DELAY = R.loading_delay


def next_cutoff(cutoffs: Sequence[float], t: float) -> float:
    """The first cut-off at or after ``t`` (``cutoffs``: sorted hours of the week)."""
    base = math.floor(t / WEEK) * WEEK
    i = bisect_left(cutoffs, t - base)
    return base + (cutoffs[i] if i < len(cutoffs) else WEEK + cutoffs[0])


def next_cutoffs(cutoffs: np.ndarray, t: np.ndarray) -> np.ndarray:
    """:func:`next_cutoff` on an array (the same arithmetic, so the same bits; NaN stays)."""
    base = np.floor(t / WEEK) * WEEK
    ext = np.append(cutoffs, WEEK + cutoffs[0])
    i = np.searchsorted(cutoffs, t - base, side="left")
    return np.asarray(base + ext[i])


class Load(Step):
    """Exports: loading before the next cut-off, or crossing after a delay."""

    name = "load"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.asarray(r[:, R.direction] == EXPORT)

    def flow(self, j: Journey) -> None:
        cutoffs = j.port.cutoffs
        if cutoffs is None:
            t = j.t + j.r[DELAY]
            j.clock.to(t, TRADER)
        else:
            t = next_cutoff(cutoffs, j.t)
            j.clock.to(t, TERMINAL)
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        cutoffs = b.port.cutoffs
        if cutoffs is None:
            t = np.where(rows, b.t + b.req[:, DELAY], b.t)
            b.to(t, TRADER)
        else:
            t = np.where(rows, next_cutoffs(np.asarray(cutoffs), b.t), b.t)
            b.to(t, TERMINAL)
        b.t = t
        yield from ()
