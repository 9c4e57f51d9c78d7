"""A Consignment: one declaration on its way through the SimPy interpreter.

What it carries (attributes, every service requirement, its selection) is one row of the
requirement table made from the named draws (:mod:`sim.model.draws`); its route is a plan, a
bitmask over the port's steps (:mod:`sim.model.route`). Consignments finished in bulk never
become objects.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import MutableSequence
from typing import Any

import numpy as np

from sim.model.draws import REQUIREMENTS, WIDTH
from sim.model.milestones import N_MILESTONES, N_OWNERS

__all__ = ["REQUIREMENTS", "WIDTH", "Consignment", "requirement_rows"]


class Consignment:
    """One declaration moving through the clearance flow."""

    __slots__ = (
        "port",
        "index",
        "arrived",
        "cohort",
        "req",
        "plan",
        "m",
        "own",
        "late",
        "outcome",
        "deferred",
        "decided",
        "did_doc",
        "did_scan",
        "did_physical",
        "did_quarantine",
        "pending",
        "booked",
        "disposal_wait",
    )

    def __init__(
        self,
        port: int,
        index: int,
        arrived: float,
        cohort: bool,
        req: MutableSequence[float],
        plan: int,
    ):
        self.port, self.index, self.arrived, self.cohort = port, index, arrived, cohort
        self.req, self.plan = req, plan
        self.m = [math.nan] * N_MILESTONES
        self.own = [0.0] * N_OWNERS
        #: of ``own``, the hours booked after the run's end, by owner (None: none; see
        #: :class:`sim.model.journey.Owners`)
        self.late: list[float] | None = None
        self.outcome = 0
        self.deferred = False  # its one lane visit is booked lazily (see FifoLane.defer)
        self.decided = True  # its checks are known (False: a dynamic selector decides later)
        self.did_doc = self.did_scan = self.did_physical = self.did_quarantine = False
        self.pending: Any = None  # a laboratory result its goods were released before
        #: its officer review's (start, end), booked before it became a journey (see
        #: :mod:`sim.model.reviewed`): its first finite lane visit takes these times
        self.booked: tuple[float, float] | None = None
        #: if rejected, its hours waiting for a place at the port's disposal facility
        #: (:mod:`sim.model.disposal_facility`): its box stays on the ground that much longer
        self.disposal_wait = 0.0


def requirement_rows(table: np.ndarray) -> list[array[float]]:
    """A table's rows as one array of doubles each: what a consignment carries as ``req``.

    Reading an item gives the same float a list would hold; making one costs one object, not
    one per column (``tolist`` makes ``WIDTH`` floats a row, and those that live long enough
    cost fresh memory: five times the time).
    """
    buf = np.ascontiguousarray(table, dtype=float).tobytes()
    width = table.shape[1] * 8
    return [array("d", buf[i : i + width]) for i in range(0, len(buf), width)]
