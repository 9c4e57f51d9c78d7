"""Smart sharing in the risk engine: data from partner customs, per partner origin
(``[risk.partners.<origin>]``, see :mod:`sim.model.risk`).

- **Better scores.** A share ``coverage`` of the origin's declarations is covered by the
  partner's data; for those, each illicit type's AUC is raised by ``auc_uplift`` (at most
  ``MAX_AUC``). Whether a declaration is covered is the low-order part of its scan uniform
  (independent of the leading part, used by the check mix, to within 2^-24), so coverage
  draws nothing new.
- **Alerts across the border.** The partner's seizures of goods from or to it arrive as a
  Poisson stream of ``alert_rate`` per day, each received here ``alert_delay`` after the
  seizure, at every port with that origin; each raises the signature (its commodity, the
  origin) as the engine's own alerts do (``[risk.alert]``: boost, window, classes). A
  seizure's commodity is drawn in proportion to the illicit flow of that origin by commodity
  (traffic shares x prevalence), so an alert points where illicit goods are more common: it
  carries what the signature's risk carries, no more (the partner's seizures are not tied to
  the consignments simulated here). The stream is the partner's own (``streams.PARTNER``,
  keyed by the origin), drawn lazily in time order: the baseline's consignments keep their
  draws, and when it is drawn never changes what it holds.
- **Electronic certificates.** Of a covered declaration's document checks, a share
  ``certificates`` is done by the certificate instead of an officer: with the tables' rate p
  the check stays when u / p >= share (u the document uniform, u < p), with a score rate when
  u >= share; so the kept checks are a thinning of the same ones.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.special import ndtr, ndtri

from sim.model.streams import PARTNER, port_stream
from sim.scenario.schema import ILLICIT, Scenario

#: AUC a partner's data raises a score to at most
MAX_AUC = 0.999
#: the coverage draw is the low part of the scan uniform (2^-24 of dependence; reserved in
#: :mod:`sim.model.draws.declaration`, so no draw reads it too)
_SPLIT = float(2**24)
SQRT2 = float(np.sqrt(2.0))

#: where a partner's alert goes: (port, commodity, origin index at the port, receipt time)
Deliver = Callable[[str, int, int, float], None]


class Sharing:
    """Partner origins' coverage, AUC uplift and certificates per port, and their alerts."""

    def __init__(self, scenario: Scenario, seed: np.random.SeedSequence | None = None):
        risk = scenario.risk
        assert risk is not None
        self.partners = dict(risk.partners)
        self.origins = {p: list(s.traffic.origins) for p, s in scenario.ports.items()}
        self.coverage = self._by_origin(lambda o: self.partners[o].coverage)
        self.uplift = self._by_origin(lambda o: self.partners[o].auc_uplift)
        self.certificates = self._by_origin(lambda o: self.partners[o].certificates)
        ss = seed if seed is not None else np.random.SeedSequence(0)
        self.streams = {
            o: _AlertStream(scenario, o, port_stream(ss, o, PARTNER))
            for o, p in self.partners.items()
            if p.alert_rate > 0
        }
        self.ports = {p for p, origins in self.origins.items() if set(origins) & set(self.streams)}
        self.since = 0.0  # seizures before this time are not delivered (a dated change)

    def _by_origin(self, value: Callable[[str], float]) -> dict[str, np.ndarray]:
        return {
            port: np.array([value(o) if o in self.partners else 0.0 for o in origins])
            for port, origins in self.origins.items()
        }

    def covered(self, port: str, origin: np.ndarray, u_scan: np.ndarray) -> np.ndarray:
        """Which declarations the partners' data covers."""
        return np.asarray(u_scan * _SPLIT % 1 < self.coverage[port][origin])

    def separation(
        self, port: str, d: np.ndarray, truth: np.ndarray, origin: np.ndarray, u_scan: np.ndarray
    ) -> np.ndarray:
        """Separations ``d`` (by row) with the partners' AUC uplift on covered illicit rows."""
        up = self.uplift[port][origin]
        rows = (up > 0) & (truth > 0) & self.covered(port, origin, u_scan)
        if not rows.any():
            return d
        out = np.array(d, float)
        auc = np.minimum(ndtr(out[rows] / SQRT2) + up[rows], MAX_AUC)
        out[rows] = SQRT2 * ndtri(auc)
        return out

    def documents(
        self,
        port: str,
        origin: np.ndarray,
        uniforms: dict[str, np.ndarray],
        document: np.ndarray,
        table: np.ndarray | None,
    ) -> np.ndarray:
        """Document checks left to officers: covered declarations' checks thinned by the
        certificates' share (``table``: the tables' rate per row, None under a score rate)."""
        share = self.certificates[port][origin]
        if not share.any():
            return document
        u = uniforms["document"]
        if table is not None:
            u = np.divide(u, table, out=np.ones_like(u), where=table > 0)
        done = (u < share) & self.covered(port, origin, uniforms["scan"])
        return np.asarray(document & ~done)

    def deliver(self, now: float, to: Deliver) -> None:
        """Hand every partner seizure made up to ``now`` to ``to``, at each port with its
        origin, with its receipt time."""
        for origin, stream in self.streams.items():
            for t, com in stream.upto(now):
                if t < self.since:
                    continue
                at = t + self.partners[origin].alert_delay
                for port, origins in self.origins.items():
                    if origin in origins:
                        to(port, com, origins.index(origin), at)


class _AlertStream:
    """A partner's seizures of goods of one origin: Poisson times, commodities by illicit
    flow; drawn in blocks, in time order."""

    BLOCK = 64

    def __init__(self, scenario: Scenario, origin: str, rng: np.random.Generator):
        risk = scenario.risk
        assert risk is not None
        self.rng, self.rate = rng, risk.partners[origin].alert_rate / 24.0  # per hour
        self.weights = _illicit_flow(scenario, origin)
        self.t, self.queue = 0.0, list[tuple[float, int]]()

    def upto(self, now: float) -> list[tuple[float, int]]:
        while self.t <= now:
            gaps = self.rng.exponential(1 / self.rate, self.BLOCK)
            coms = self.rng.choice(len(self.weights), self.BLOCK, p=self.weights)
            times = self.t + np.cumsum(gaps)
            self.queue += list(zip(times.tolist(), coms.tolist(), strict=True))
            self.t = float(times[-1])
        k = 0
        while k < len(self.queue) and self.queue[k][0] <= now:
            k += 1
        out, self.queue = self.queue[:k], self.queue[k:]
        return out


def _illicit_flow(scenario: Scenario, origin: str) -> np.ndarray:
    """Share of each commodity in the illicit goods of ``origin``, summed over ports (each
    port's origin share x commodity share, not weighted by its volume) and types (prevalence
    x its commodity and origin multipliers); the traffic shares when nothing is illicit."""
    e, coms = scenario.enforcement, list(scenario.commodities)
    flow, traffic = np.zeros(len(coms)), np.zeros(len(coms))
    for spec in scenario.ports.values():
        share = spec.traffic.origins.get(origin, 0.0)
        mix = np.array([spec.traffic.commodities.get(c, 0.0) for c in coms]) * share
        traffic += mix
        for kind in ILLICIT:
            p = e.prevalence.get(kind, 0.0) * e.multiplier("by_origin", origin, kind)
            by_com = np.array([e.multiplier("by_commodity", c, kind) for c in coms])
            flow += mix * p * by_com
    w = flow if flow.sum() > 0 else traffic
    if w.sum() <= 0:
        w = np.ones(len(coms))
    return np.asarray(w / w.sum())
