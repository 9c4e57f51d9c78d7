"""The risk engine's parts (see :mod:`sim.model.risk`): the check mix of an inspected
consignment, the alerts on their way or active, and the ledger of its decisions (the window of
recent scores and its thresholds: :mod:`sim.model.risk_window`).

**What the selection means.** Selected = inspected in China's published sense: a scan, a
physical or a quarantine exam (document checks are counted apart). A selected consignment's
checks follow the relative mix of the selection tables for its port, commodity and class:
with p_s, p_p, p_q the tables' probabilities and m = max(p_p, p_q) (physical and quarantine
nest, as under one declaration), the exam part (physical and/or quarantine) comes with
probability m / P, P = 1 - (1 - p_s)(1 - m), then physical if v < p_p / m and quarantine if
v < p_q / m (one uniform v); a scan with probability p_s alongside an exam, always without one.
Quarantine remains only for goods subject to statutory inspection (the assessment step's
rule); for a commodity only partly statutory a quarantine-only choice also gets a scan, so that
every selected consignment is inspected. A cell the tables never inspect gets a scan (or a
physical exam at a port without a scanner). Document checks: the tables (``document =
"table"``) or, with a rate, the declarations whose score is in the top that share.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from sim.model.risk_alert_tally import AlertTally
from sim.model.selection import Observation
from sim.model.sharing import Sharing
from sim.scenario.risk import RiskConfig
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES, Scenario

#: when a port receives an alert from a seizure at another: (seizure port, port, t) -> time
Receipt = Callable[[str, str, float], float | None]
#: until a window holds this many scores, the block's own ordinary scores are added to it
MIN_FILL = 200



class CheckMix:
    """Which checks an inspected consignment gets, from the tables' relative mix."""

    def __init__(self, scenario: Scenario, port: str):
        spec = scenario.ports[port]
        coms, classes = list(scenario.commodities), TRADER_CLASSES

        def table(check: str) -> np.ndarray:
            return np.array(
                [[scenario.probability(check, c, k, port) for k in classes] for c in coms]
            )

        ps, pp, pq = table("scan"), table("physical"), table("quarantine")
        self.document = table("document")
        never = 1 - (1 - ps) * (1 - np.maximum(pp, pq)) <= 0
        if spec.scan is not None:
            ps = np.where(never, 1.0, ps)
        elif spec.exam is not None:
            pp = np.where(never, 1.0, pp)
        self.ps, self.pp, self.pq = ps, pp, pq
        self.m = np.maximum(pp, pq)
        inspect = 1 - (1 - ps) * (1 - self.m)
        self.exam_given = np.divide(self.m, inspect, out=np.zeros_like(inspect), where=inspect > 0)
        self.possible = inspect > 0
        stat = np.array([scenario.commodities[c].statutory for c in coms])
        self.partly_statutory = stat < 1
        self.rows = [  # per commodity and class, as Python floats for one-row decisions
            [
                (
                    float(self.exam_given[c, k]),
                    float(self.m[c, k]),
                    float(ps[c, k]),
                    float(pp[c, k]),
                    float(pq[c, k]),
                    bool(stat[c] < 1),
                )
                for k in range(len(classes))
            ]
            for c in range(len(coms))
        ]

    def split(
        self, chosen: np.ndarray, com: np.ndarray, cls: np.ndarray, u: dict[str, np.ndarray]
    ) -> dict[str, np.ndarray]:
        """Scan, physical and quarantine flags of the rows ``chosen`` for inspection."""
        e = self.exam_given[com, cls]
        exam = u["physical"] < e
        v = np.divide(u["physical"], e, out=np.ones_like(e), where=exam)  # (u < e there)
        m = self.m[com, cls]
        physical = exam & (v * m < self.pp[com, cls])
        quarantine = exam & (v * m < self.pq[com, cls])
        scan = np.where(exam, u["scan"] < self.ps[com, cls], True)
        alone = quarantine & ~physical & ~scan & self.partly_statutory[com]
        scan = scan | alone
        return {
            "scan": chosen & scan,
            "physical": chosen & physical,
            "quarantine": chosen & quarantine,
        }

    def split_one(self, com: int, cls: int, u_scan: float, u_phys: float) -> tuple[bool, ...]:
        """:meth:`split` of one chosen consignment: (scan, physical, quarantine)."""
        e, m, ps, pp, pq, partly = self.rows[com][cls]
        exam = u_phys < e
        v = u_phys / e * m if e > 0 else m
        physical, quarantine = exam and v < pp, exam and v < pq
        scan = u_scan < ps if exam else True
        return scan or (quarantine and not physical and partly), physical, quarantine


class Alerts:
    """Alerts received or on their way, per receiving port and declared signature."""

    def __init__(self, scenario: Scenario, config: RiskConfig, receipt: Receipt | None):
        self.cfg = config.alert
        self.receipt = receipt or self.default_receipt
        self.ports = list(scenario.ports)
        self.origins = {p: list(s.traffic.origins) for p, s in scenario.ports.items()}
        self.n_com = len(scenario.commodities)
        self.classes = len(TRADER_CLASSES) if self.cfg.match_class else 1
        self.pending: dict[str, dict[int, list[float]]] = {p: {} for p in self.ports}
        self.cache: dict[str, tuple[float, np.ndarray | None]] = {}
        self.refresh = config.refresh
        self.sharing: Sharing | None = None  # partner customs' alerts (smart sharing)
        self.tally: AlertTally | None = None  # receipts by period (with a timeline)

    def default_receipt(self, seized_at: str, port: str, t: float) -> float | None:
        if self.cfg.scope == "port" and port != seized_at:
            return None
        return t + self.cfg.delay

    def size(self, port: str) -> int:
        return self.n_com * len(self.origins[port]) * self.classes

    def code(self, port: str, com: Any, origin: Any, cls: Any) -> Any:
        c = com * len(self.origins[port]) + origin
        return c * self.classes + cls if self.classes > 1 else c

    def add(self, obs: Observation) -> None:
        origin = self.origins[obs.port][obs.origin]
        self._spread(obs.port, obs.time, obs.commodity, origin, obs.trader_class)

    def add_outside(self, t: float, commodity: int, origin: str, cls: int) -> None:
        """A seizure outside the ports (a smuggling patrol's catch) of goods whose declared
        signature is ``commodity``, ``origin`` (a name) and class ``cls``: the alert of a
        seizure at no port (none within scope 'port', nor through an organisation)."""
        if self.cfg.patrols:
            self._spread("", t, commodity, origin, cls)

    def _spread(self, seized_at: str, t: float, commodity: int, origin: str, cls: int) -> None:
        """Book a seizure's alert at each port that receives it and knows the origin."""
        for port in self.ports:
            at = self.receipt(seized_at, port, t)
            if at is None or origin not in self.origins[port]:
                continue
            here = self.origins[port].index(origin)
            code = int(self.code(port, commodity, here, cls))
            self.pending[port].setdefault(code, []).append(float(at))
            self.cache.pop(port, None)
            if self.tally is not None:
                self.tally.add(float(at), commodity)

    def from_organisation(self, organisation: Any) -> None:
        """Alerts travel through the organisation's tree: a seizure adds nothing by itself;
        each port's alert counts from the time the organisation delivers it there."""
        self.receipt = _no_receipt
        organisation.subscribe(self.receive)

    def receive(self, alert: Any) -> None:
        """A port's receipt of an alert (``port``, ``received``, ``seizing_port``,
        ``commodity``, ``origin``); the seized goods' class is not carried, so with
        ``match_class`` every class of the signature is raised."""
        port = alert.port
        origin = self.origins[alert.seizing_port][alert.origin]
        if port not in self.pending or origin not in self.origins[port]:
            return
        here = self.origins[port].index(origin)
        for cls in range(self.classes):
            code = int(self.code(port, alert.commodity, here, cls))
            self.pending[port].setdefault(code, []).append(float(alert.received))
        self.cache.pop(port, None)
        if self.tally is not None:
            self.tally.add(float(alert.received), alert.commodity)

    def active(self, port: str) -> bool:
        """Whether any alert for ``port`` is received or on its way (or may come from a
        partner customs)."""
        return bool(self.pending[port]) or (self.sharing is not None and port in self.sharing.ports)

    def partner(self, port: str, com: int, here: int, at: float) -> None:
        """A partner customs' alert on (commodity, origin index ``here``) received at ``at``:
        every class of the signature is raised (the partner's seizure carries no class)."""
        for cls in range(self.classes):
            code = int(self.code(port, com, here, cls))
            self.pending[port].setdefault(code, []).append(at)
        self.cache.pop(port, None)
        if self.tally is not None:
            self.tally.add(at, com)

    def boost(self, port: str, now: float) -> np.ndarray | None:
        """Score raise per signature code at ``now`` (None: no alert active), as at the
        start of ``now``'s refresh interval (state at most ``refresh`` old, like the rest)."""
        if self.refresh > 0:
            now = math.floor(now / self.refresh) * self.refresh
        if self.sharing is not None:
            self.sharing.deliver(now, self.partner)
        cached = self.cache.get(port)  # (dropped whenever an alert is booked)
        if cached is not None and cached[0] == now:
            return cached[1]
        pending = self.pending[port]
        if not pending:
            return None
        window, out = self.cfg.window, None
        for code, times in list(pending.items()):
            live = [t for t in times if t + window > now]
            if not live:
                del pending[code]
                continue
            if len(live) < len(times):
                pending[code] = live
            latest = max(live)
            if latest > now:  # (some on their way: the latest received, if any)
                arrived = [t for t in live if t <= now]
                if not arrived:
                    continue
                latest = max(arrived)
            if out is None:
                out = np.zeros(self.size(port))
            out[code] = self.cfg.boost * (1 - (now - latest) / window)
        self.cache[port] = (now, out)
        return out


class Ledger:
    """Decisions and inspections so far, per port, direction and trader class (the engine
    keeps two: every decision, for the credit rules; the cohort's, for its report).

    One table per port counts the decisions of each kind (inspected + 2 x illicit) and cell
    (direction and class): a block's are booked by their codes (:func:`codes`), with one
    bincount; ``decided``, ``inspected``, ``illicit`` and ``illicit_inspected`` are sums of
    kinds (:meth:`counts`)."""

    def __init__(self, ports: list[str]):
        shape = (len(DIRECTIONS), len(TRADER_CLASSES))
        self.tables = {p: np.zeros((KINDS, *shape), np.int64) for p in ports}
        self.documents = {p: np.zeros(shape, np.int64) for p in ports}
        #: decisions whose score an alert raised (the alerts' reach)
        self.raised = {p: np.zeros(shape, np.int64) for p in ports}

    def counts(self, port: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """A port's decisions, inspections, illicit ones and illicit ones inspected (per
        direction and class)."""
        t = self.tables[port]
        return t.sum(axis=0), t[1] + t[3], t[2] + t[3], t[3].copy()

    @property
    def decided(self) -> dict[str, np.ndarray]:
        return {p: self.counts(p)[0] for p in self.tables}

    @property
    def inspected(self) -> dict[str, np.ndarray]:
        return {p: self.counts(p)[1] for p in self.tables}

    @property
    def illicit(self) -> dict[str, np.ndarray]:
        return {p: self.counts(p)[2] for p in self.tables}

    @property
    def illicit_inspected(self) -> dict[str, np.ndarray]:
        return {p: self.counts(p)[3] for p in self.tables}

    def add_raised(
        self, port: str, direction: np.ndarray, cls: np.ndarray, rows: np.ndarray
    ) -> None:
        """Count the decisions ``rows`` (of a block's ``direction`` and ``cls``) whose score
        an alert raised."""
        cell = direction * len(TRADER_CLASSES) + cls
        counts = np.bincount(cell[rows], minlength=CELLS)
        self.raised[port] += counts.reshape(self.raised[port].shape)

    def add(self, port: str, codes: np.ndarray) -> np.ndarray:
        """Book the decisions of ``codes`` (:func:`codes`); their counts per code, to
        :meth:`book` elsewhere too."""
        counts = np.bincount(codes, minlength=KINDS * CELLS)
        self.book(port, counts)
        return counts

    def book(self, port: str, counts: np.ndarray) -> None:
        """Book decisions counted per code (:meth:`add`'s counts)."""
        table = self.tables[port]
        table += counts.reshape(table.shape)

    def add_one(self, port: str, direction: int, cls: int, chosen: bool, illicit: int) -> None:
        self.tables[port][bool(chosen) + 2 * bool(illicit), direction, cls] += 1


#: a ledger's cells: direction x trader class
CELLS = len(DIRECTIONS) * len(TRADER_CLASSES)
#: a ledger's kinds of decision: inspected or not, illicit or not
KINDS = 4


def codes(direction: np.ndarray, cls: np.ndarray, illicit: np.ndarray | None) -> np.ndarray:
    """Decisions' codes for :meth:`Ledger.add`, not inspected; add ``CELLS`` to the
    inspected ones."""
    cell: np.ndarray = direction * len(TRADER_CLASSES) + cls
    if illicit is not None:
        cell = cell + (illicit > 0) * (2 * CELLS)
    return cell


def _no_receipt(seized_at: str, port: str, t: float) -> float | None:
    return None
