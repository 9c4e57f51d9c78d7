"""Imported cold-chain measures (China 2020-22): sampling and disinfection, then a hold in a
centralised supervision warehouse until the nucleic-acid result (``quarantine.cold_chain``).

Taken inside the quarantine result step (:class:`sim.model.steps.quarantine.QuarantineResult`),
after the check, laboratory and treatment, by the covered commodities' imports a quarantine
check saw. That step has no bulk form, so goods it does not hold keep their path; a port
without the measures builds nothing here. The teams and the warehouse are lanes of the port
(the resources table shows their queues and utilisation). Durations are drawn from a stream
of the port's own, so no baseline draw changes.
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
        self._rng: np.random.Generator | None = None

    def applies(self, r: Any) -> bool:
        """Whether a consignment's row is a covered import."""
        return int(r[R.direction]) == 0 and bool(self.covers[int(r[R.commodity])])

    def rows(self, r: np.ndarray) -> np.ndarray:
        """:meth:`applies` for a block of rows."""
        covered = self.covers[r[:, R.commodity].astype(np.int64)]
        return np.asarray((r[:, R.direction] == 0) & covered)

    def _draw(self, dist: Any) -> float:
        if self._rng is None:  # (made on first use: the port's seed is set after its lanes)
            self._rng = port_stream(self.port.seed, self.port.name, COLD_CHAIN_STREAM)
        return float(dist.ppf(self._rng.random(1))[0])

    def hold(self, j: Journey) -> Generator[Any, Any, None]:
        """Sample and disinfect every container (a team), then hold the goods in the
        warehouse for the test and the release papers; the time is quarantine's."""
        spec, c = self.spec, j.c
        boxes = max(1.0, float(j.r[R.containers]))
        work = self._draw(spec.disinfect) * boxes
        held = self._draw(spec.test) + self._draw(spec.release)
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
