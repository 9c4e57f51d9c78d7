"""Release and what follows it. Customs releases every consignment; an import is then picked
up by the trader once discharged and leaves through the terminal's gate; an export waits for
loading (:mod:`sim.model.steps.loading`). Plan rule, scalar and bulk forms side by side."""

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

GOODS_READY, PICKUP, DIRECTION = R.goods_ready, R.pickup, R.direction
IMPORT, EXPORT = 0, 1  # codes of the direction draw (schema.DIRECTIONS)


def imports(r: np.ndarray) -> np.ndarray:
    """Rows of a requirement table that are imports."""
    return np.asarray(r[:, DIRECTION] == IMPORT)


class Release(Step):
    """Customs release (goods not yet arrived are released on arrival)."""

    name = "release"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.ones(len(r), bool)

    def flow(self, j: Journey) -> None:
        t = max(j.t, j.c.arrived)
        j.m[RELEASED_AT] = t
        j.clock.to(t, CUSTOMS)
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        t = np.maximum(b.t, b.arrived)
        b.m[:, RELEASED_AT] = t
        b.to(t, CUSTOMS)
        b.t = t
        yield from ()


class PickUp(Step):
    """Imports: the trader picks the goods up once they are discharged."""

    name = "pickup"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return imports(r)

    def flow(self, j: Journey) -> None:
        t = j.t
        if t < j.r[GOODS_READY]:
            t = j.r[GOODS_READY]
            j.clock.to(t, TERMINAL)
        t += j.r[PICKUP]
        j.clock.to(t, TRADER)
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        t = np.where(rows, np.maximum(b.t, b.discharged), b.t)
        b.to(t, TERMINAL)
        t = np.where(rows, t + b.req[:, PICKUP], t)
        b.to(t, TRADER)
        b.t = t
        yield from ()


class Gate(Step):
    """Imports: the terminal's exit gate, where the port has one."""

    name = "gate"
    visits_lane = True
    lane_attr = "gate"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return imports(r) & (p.gate is not None)

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
