"""Discharge positions shared by a port's calls: a terminal's berths, a rail yard's
transshipment tracks (``arrivals.batch.positions``).

Without them every call is discharged from its arrival at the full ``discharge_rate``,
whatever the others: two trains at once are each transferred as fast as one alone. With
``positions = k``, at most k calls are discharged at a time: a call that arrives when all
are taken waits for the first to free, in order of arrival, and its boxes become ready that
much later (its whole discharge shifted). Calls are made in order of arrival, a block per
call, so the queue is worked out as they are made; a call split between a timeline's eras
comes as consecutive blocks with the same arrival time and the whole call's containers,
and is booked once (calls a closure holds to the same hour are still booked one by one).
"""

from __future__ import annotations

import heapq

import numpy as np

from sim.model.draws import R
from sim.scenario.schema import Port as PortSpec


class Positions:
    """When each of ``k`` positions is next free (hours), and the last call booked."""

    def __init__(self, k: int):
        self.free = [0.0] * k
        self.last: tuple[float, float, float] | None = None  # (arrival, span, its wait)

    @classmethod
    def of(cls, spec: PortSpec) -> Positions | None:
        """The positions of a port whose calls share them; None: no queue."""
        batch = spec.arrivals.batch
        if batch is None or batch.positions is None:
            return None
        return cls(batch.positions)

    def wait(self, arrived: float, span: float, part: bool = False) -> float:
        """Book the call arriving at ``arrived`` whose discharge takes ``span`` hours: the
        hours it waits for a position (0 when one is free). A ``part`` of a call split
        between eras with the last booked call's arrival and span is part of it: its wait
        again, nothing booked."""
        if part and self.last is not None and self.last[:2] == (arrived, span):
            return self.last[2]
        start = max(arrived, heapq.heappop(self.free))
        heapq.heappush(self.free, start + span)
        self.last = (arrived, span, start - arrived)
        return start - arrived


def shift_discharge(
    positions: Positions | None,
    spec: PortSpec,
    table: np.ndarray,
    arrived: np.ndarray,
    call_containers: float | None,
) -> None:
    """Move a call's discharge (its rows' ``goods_ready``) after its wait for a position;
    nothing without positions or for an empty block."""
    if positions is None or not len(arrived) or spec.arrivals.batch is None:
        return
    whole = table[:, R.containers].sum() if call_containers is None else call_containers
    span = float(whole) / spec.arrivals.batch.discharge_rate
    part = call_containers is not None  # (a call split between eras)
    table[:, R.goods_ready] += positions.wait(float(arrived[0]), span, part)
