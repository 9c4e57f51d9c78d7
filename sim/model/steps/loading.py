"""Exports: after release the goods wait for loading. At a port with a schedule (a sea port's
vessels, an airport's flights) they make the next departure whose cut-off is not before their
release, and are ``loaded`` at that cut-off (they are then on the load list; the clock of
China's export indicator stops): a wait booked to the carrier's schedule (``carrier``), not
to the terminal. At a land crossing the truck drives on and crosses after a delay. No queue:
arithmetic on the journey's clock, so exports stay in bulk unless a check makes them queue.
Plan rule, scalar and bulk forms side by side."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import CARRIER, DEPARTED, TRADER
from sim.model.route import Step
from sim.model.steps.release import EXPORT, uninspected, uninspected_rows

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port
    from sim.scenario.schema import Port as PortSpec

WEEK = 168.0
DELAY, DIRECT = R.loading_delay, R.direct_loading


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


def direct_of(spec: PortSpec) -> tuple[float | None, float | None, list[float] | None]:
    """A port's ship-side pick-up and direct loading (signed-up, uninspected goods): the
    pick-up time, the loading lead, and the cut-offs with that lead where the port has a
    schedule (None: the port has none of it)."""
    pickup, exports = spec.release.direct, spec.exports
    load = exports.loading.direct if exports is not None else None
    cutoffs = None
    if load is not None and exports is not None and exports.loading.departures:
        cutoffs = exports.loading.cutoffs(load.time)
    lead = load.time if load is not None else None
    return (pickup.time if pickup is not None else None), lead, cutoffs


def cutoff_lead(p: Port) -> float:
    """How long before its departure an ordinary export is loaded (its cut-off's lead)."""
    exports = p.spec.exports
    assert exports is not None
    return float(exports.loading.cutoff)


class Load(Step):
    """Exports: loading before the next cut-off, or crossing after a delay; with direct
    loading, a signed-up exporter whose goods were not inspected needs only the port's direct
    lead before a departure (or, without a schedule, that time instead of its delay)."""

    name = "load"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.asarray(r[:, R.direction] == EXPORT)

    def flow(self, j: Journey) -> None:
        p, r, lead = j.port, j.r, j.port.direct_lead
        direct = lead is not None and r[DIRECT] and uninspected(r)
        cutoffs = p.direct_cutoffs if direct else p.cutoffs
        if cutoffs is None:
            t = j.t + (lead if lead is not None and direct else r[DELAY])
            j.clock.to(t, TRADER)
            j.c.m[DEPARTED] = t
        else:
            t = next_cutoff(cutoffs, j.t)
            j.clock.to(t, CARRIER)
            j.c.m[DEPARTED] = t + (lead if direct and lead is not None else cutoff_lead(p))
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        p, req, lead = b.port, b.req, b.port.direct_lead
        direct = np.zeros(len(req), bool)
        if lead is not None:
            direct = (req[:, DIRECT] > 0) & uninspected_rows(req)
        if p.cutoffs is None:
            delay = req[:, DELAY]
            if lead is not None and np.count_nonzero(direct):
                delay = np.where(direct, lead, delay)
            t = np.where(rows, b.t + delay, b.t)
            b.to(t, TRADER)
            b.m[:, DEPARTED] = np.where(rows, t, b.m[:, DEPARTED])
        else:
            t = next_cutoffs(np.asarray(p.cutoffs), b.t)
            lead_h = np.full(len(req), cutoff_lead(p))
            if lead is not None and np.count_nonzero(direct):
                t = np.where(direct, next_cutoffs(np.asarray(p.direct_cutoffs), b.t), t)
                lead_h = np.where(direct, lead, lead_h)
            t = np.where(rows, t, b.t)
            b.to(t, CARRIER)
            b.m[:, DEPARTED] = np.where(rows, t + lead_h, b.m[:, DEPARTED])
        b.t = t
        yield from ()
