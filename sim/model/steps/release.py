"""Release and exit: customs releases, the trader picks the goods up once discharged, and
the terminal's gate lets them out. Plan rule, scalar and bulk forms side by side."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import CUSTOMS, RELEASED_AT, TERMINAL, TRADER
from sim.model.route import Step, finite

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

GOODS_READY, PICKUP = R.goods_ready, R.pickup


class Release(Step):
    name = "release"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.ones(len(r), bool)

    def flow(self, j: Journey) -> None:
        t = max(j.t, j.c.arrived)
        j.m[RELEASED_AT] = t
        j.clock.to(t, CUSTOMS)
        if t < j.r[GOODS_READY]:
            t = j.r[GOODS_READY]
            j.clock.to(t, TERMINAL)
        t += j.r[PICKUP]
        j.clock.to(t, TRADER)
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        t = np.maximum(b.t, b.arrived)
        b.m[:, RELEASED_AT] = t
        b.to(t, CUSTOMS)
        t = np.maximum(t, b.discharged)
        b.to(t, TERMINAL)
        t = t + b.req[:, PICKUP]
        b.to(t, TRADER)
        b.t = t
        yield from ()


class Gate(Step):
    """The terminal's exit gate, where the port has one."""

    name = "gate"
    visits_lane = True

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), p.gate is not None)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), int(finite(p.gate)))

    def visit(self, j: Journey) -> tuple[Any, float, float]:
        return j.port.gate, j.t, j.r[R.gate_time]

    def visited(self, j: Journey, start: float, end: float) -> None:
        j.t = end
        j.clock.to(end, TERMINAL)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        _, end = yield from b.serve(b.port.gate, b.t, b.req[:, R.gate_time], rows)
        b.t = np.where(rows, end, b.t)
        b.to(b.t, TERMINAL)
