"""Imported cold-chain measures (China 2020-22): sampling and disinfection, then a hold in a
centralised supervision warehouse until the nucleic-acid result (``quarantine.cold_chain``).

Taken inside the quarantine result step (:class:`sim.model.steps.quarantine.QuarantineResult`),
after the check, laboratory and treatment, by the covered commodities' imports a quarantine
check saw. That step has no bulk form, so goods it does not hold keep their path; a port
without the measures builds nothing here. The teams and the warehouse are lanes of the port
(the resources table shows their queues and utilisation). Durations are drawn from a stream
of the port's own keyed by the consignment's index, so no baseline draw changes and a
consignment draws the same times whatever order goods reach the teams in (a comparison stays
paired).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.lane import serve
from sim.model.milestones import QUARANTINE
from sim.model.streams import port_stream

if TYPE_CHECKING:
    from sim.model.journey import Journey
    from sim.model.port import Port
    from sim.scenario.schema import ColdChain

#: the kind of the port stream the measures draw their durations from
COLD_CHAIN_STREAM = 7


class ColdChainHold:
    """A port's cold-chain teams and supervision warehouse, and the hold they make."""

    def __init__(self, port: Port, spec: ColdChain, teams: Any, warehouse: Any):
        self.port, self.spec, self.teams, self.warehouse = port, spec, teams, warehouse
        self.covers = np.array([k in spec.commodities for k in port.commodities])

    def applies(self, r: Any) -> bool:
        """Whether a consignment's row is a covered import."""
        return int(r[R.direction]) == 0 and bool(self.covers[int(r[R.commodity])])

    def rows(self, r: np.ndarray) -> np.ndarray:
        """:meth:`applies` for a block of rows."""
        covered = self.covers[r[:, R.commodity].astype(np.int64)]
        return np.asarray((r[:, R.direction] == 0) & covered)

    def draws(self, index: int) -> tuple[float, float, float]:
        """A consignment's time per container, test and release: uniforms of its own
        sub-stream (made when it comes: the port's seed is set after its lanes)."""
        u = port_stream(self.port.seed, self.port.name, COLD_CHAIN_STREAM, index).random(3)
        spec = self.spec
        return tuple(float(d.ppf(u[i : i + 1])[0])  # type: ignore[return-value]
                     for i, d in enumerate((spec.disinfect, spec.test, spec.release)))

    def hold(self, j: Journey) -> Generator[Any, Any, None]:
        """Sample and disinfect every container (a team), then hold the goods in the
        warehouse for the test and the release papers; the time is quarantine's."""
        c = j.c
        boxes = max(1.0, float(j.r[R.containers]))
        per_box, test, release = self.draws(int(c.index))
        work, held = per_box * boxes, test + release
        _, end = yield from serve(j.env, self.teams, j.t, work, c)
        j.t = end
        j.clock.to(end, QUARANTINE)
        _, end = yield from serve(j.env, self.warehouse, j.t, held, c)
        j.t = j.q_done = end
        j.clock.to(end, QUARANTINE)


def build_cold_chain(port: Port, lane: Any) -> ColdChainHold | None:
    """The port's measures if its scenario gives them (``lane`` makes and lists a lane)."""
    q = port.spec.quarantine
    spec = q.cold_chain if q is not None else None
    if spec is None:
        return None
    teams = lane(port, "cold_chain_teams", spec.teams)
    warehouse = lane(port, "cold_chain_warehouse", spec.warehouse)
    return ColdChainHold(port, spec, teams, warehouse)
