"""The organisation at work: escalations, alerts and directives travelling through the tree.

- An **escalation** (a ruling before release, a quarantine approval or disputed laboratory
  result, a case after a seizure) travels from the port hop by hop (a transfer time per hop,
  by the level of the unit the hop reaches: ``transfer_to``)
  to every unit on its path that handles it, queues for that unit's staff of the task's role,
  and is decided by the last one, unless the middle layer resolves it first (``middle_filter``:
  at the highest directly-affiliated or subordinate customs below the decider, a subordinate
  customs in the spindle); the decision travels back. Goods wait only for escalations that
  hold them (planned at assessment: only those consignments leave the bulk path); the others
  run on their own.
- An **alert** after a seizure climbs to the unit that may issue alerts, is processed there,
  and travels down to every port in that unit's scope; listeners (a risk engine) hear each
  port's receipt time.
- A **directive** leaves the General Administration at regular times and travels down to
  every port ("policy execution efficiency").

Each message draws its times from a stream keyed by what it is (kind, port, consignment), so
two structures whose paths have the same shape draw the same times (common random numbers).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import numpy as np
import simpy

from sim.model.consignment import Consignment
from sim.model.draws import R
from sim.model.milestones import ORGANISATION
from sim.model.org import keyed
from sim.model.org.managers import manager_metrics
from sim.model.org.messages import Alert, Listener
from sim.model.org.running_in import running_in
from sim.model.org.stats import (
    OrgStats,
    filter_at,
    reporting_rate,
    run_dependent_names,
    staff_metrics,
)
from sim.model.org.units import StaffQueue, kept
from sim.model.organisation import Organisation
from sim.scenario.local_risks import bonus_metrics
from sim.scenario.org_tree import check
from sim.scenario.organisation import ESCALATIONS, ROLE_OF
from sim.scenario.schema import Scenario

#: a stream kind of its own for the organisation (ports use 0-3)
ORG_STREAM = 17
KINDS = {"ruling": 0, "quarantine": 1, "case": 2, "alert": 3, "directive": 4, "down": 5}
COLUMN = {
    "ruling": R.escalate_ruling,
    "quarantine": R.escalate_quarantine,
    "case": R.escalate_case,
}
#: at assessment: escalations a consignment can raise before release
BEFORE_RELEASE = ("ruling", "quarantine")


class OrgModel(Organisation):
    """The scenario's organisation tree with staff; see the module docstring."""

    def __init__(
        self,
        env: simpy.Environment,
        scenario: Scenario,
        seed: np.random.SeedSequence,
        window: tuple[float, float],
    ):
        super().__init__(env)
        spec = scenario.organisation
        assert spec is not None
        self.spec, self.seed, self.window = spec, seed, window
        self.days, self.rate = scenario.days, reporting_rate(scenario)  # (CNY -> its money)
        self.port_names = list(scenario.ports)
        self.assess = {name: p.declaration.assess for name, p in scenario.ports.items()}
        self.tree = check(spec, list(scenario.ports))
        self.units = self.tree.units
        self.stats = OrgStats(window)
        adv = spec.advantages
        slowdown = running_in(adv, spec.structure not in adv.today, window)  # (newly adopted)
        self.queues = {
            (uid, role): StaffQueue(env, uid, role, r.count, window, slowdown, kept(scenario, role))
            for uid, u in self.units.items()
            for role, r in u.staff.items()
            if r.count > 0
        }
        factor = spec.advantages.uniform_standards if spec.structure == "dumbbell" else 1.0
        self.shares = {k: spec.escalation(k).share * factor for k in ESCALATIONS}
        self.listeners: list[Listener] = []
        self._paths: dict[tuple[str, str], list[str]] = {}
        self.alerts_on = self.tree.any_handles("alert")
        entropy = seed.entropy if isinstance(seed.entropy, int) else 0
        self._base = keyed.key(entropy, *seed.spawn_key, ORG_STREAM)

    # -- randomness, paths, hops ---------------------------------------------------------
    def _u(self, kind: str, port: str, index: int, n: int, extra: int = 0) -> np.ndarray:
        k = keyed.key(self._base, KINDS[kind], keyed.crc(port), int(index), extra)
        return keyed.uniforms(k, n)

    def path(self, port: str, task: str) -> list[str]:
        """The units a request for ``task`` from ``port`` queues at (decider last)."""
        key = (port, task)
        if key not in self._paths:
            self._paths[key] = self.tree.path(port, task, self.spec.level_of(task))
        return self._paths[key]

    def _hop(self, to: str, u: float) -> float:
        """One hop to unit ``to``: a request passed up, a decision, alert or directive
        passed down (to the port: to its own unit). Only a hop whose destination is at a
        level of ``transfer_to`` waits that level's intake time, so a national centre's
        batching delays what reaches it, not what it sends out."""
        level = self.units[to].level
        return keyed.draw(self.spec.transfer_to.get(level, self.spec.transfer), u)

    def _serve(self, uid: str, task: str, t: float, u: float) -> Generator[Any, Any, float]:
        service = keyed.draw(self.units[uid].tasks[task], u)
        queue = self.queues[(uid, ROLE_OF[task])]
        return (yield from queue.serve(max(t, self.env.now), service, u))  # (u: its own draw)

    def _climb(
        self, path: list[str], task: str, t: float, u: np.ndarray, filtering: bool
    ) -> Generator[Any, Any, tuple[float, int]]:
        """Up the path; returns the time of the decision and the position of the unit that
        took it (the middle layer may resolve a request itself: ``middle_filter``)."""
        share = self.spec.advantages.middle_filter if filtering else 0.0
        stop = filter_at(self.units, path) if share > 0 else -1
        for i, uid in enumerate(path):
            t += self._hop(uid, u[3 * i])
            t = yield from self._serve(uid, task, t, u[3 * i + 1])
            if i == stop and u[3 * i + 2] < share:
                return t, i
        return t, len(path) - 1

    def _down(
        self, task: str, issuer: str, port: str, t: float, u: np.ndarray
    ) -> Generator[Any, Any, float]:
        """From ``issuer`` down to ``port``, queued at every unit below that handles it."""
        units = self.tree.down(issuer, port, task)
        for i, uid in enumerate(units):
            t += self._hop(uid, u[2 * i])
            t = yield from self._serve(uid, task, t, u[2 * i + 1])
        return t + self._hop(self.tree.port_unit[port], u[2 * len(units)])

    # -- escalations -----------------------------------------------------------------------
    def _raised(self, r: np.ndarray, kind: str) -> np.ndarray:
        e = self.spec.escalation(kind)
        raised = r[:, COLUMN[kind]] < self.shares[kind]
        if e.applies == "statutory":
            raised &= r[:, R.statutory] > 0
        return np.asarray(raised)

    def _holds(self, r: np.ndarray, kind: str) -> np.ndarray:
        return np.asarray(r[:, R.escalate_holds] < self.spec.escalation(kind).holds)

    def escalates(self, r: np.ndarray) -> np.ndarray:
        out = np.zeros(len(r), bool)
        for kind in BEFORE_RELEASE:
            out |= self._raised(r, kind) & self._holds(r, kind)
        return out

    def admit(self, port: str, index: np.ndarray, lodged: np.ndarray, r: np.ndarray) -> None:
        """Start the escalations that do not hold the goods, each from its declaration's
        assessment (``lodged`` + the assessment step, as a holding one is raised; a declaration
        reviewed first is assessed after its review, which is not known yet)."""
        rows_of = {
            k: np.flatnonzero(self._raised(r, k) & ~self._holds(r, k)) for k in BEFORE_RELEASE
        }
        if not any(len(x) for x in rows_of.values()):
            return
        raised = lodged + self.assess[port]
        for kind in BEFORE_RELEASE:
            for i in rows_of[kind].tolist():
                self.env.process(self._escalation(kind, port, int(index[i]), float(raised[i])))

    def _escalation(
        self, kind: str, port: str, index: int, t0: float
    ) -> Generator[Any, Any, float]:
        """One escalation from request to the decision back at the port."""
        self.stats.raise_(kind, t0)
        path = self.path(port, kind)
        u = self._u(kind, port, index, 4 * len(path))
        t, top = yield from self._climb(path, kind, t0, u, True)
        back = [self.tree.port_unit[port], *path]  # the decision's way down, to the port
        for j in range(top, -1, -1):
            t += self._hop(back[j], u[3 * len(path) + j])
        self.stats.decide(kind, self.units[path[top]].level, t0, t)
        return t

    def wait(
        self, c: Consignment, t: float, point: str, clock: Any
    ) -> Generator[simpy.Event, Any, float]:
        """Goods wait for the escalations that hold them (raised at assessment)."""
        r = np.asarray(c.req)[None, :]
        port = self._port_name(c)
        kinds = [k for k in BEFORE_RELEASE if (self._raised(r, k) & self._holds(r, k))[0]]
        procs = [self.env.process(self._escalation(k, port, c.index, t)) for k in kinds]
        end = t
        for p in procs:
            end = max(end, (yield p))
        booked = c.own[ORGANISATION]
        clock.to(end, ORGANISATION)  # from the later of the hold's start and the goods' arrival
        self.stats.hold(t, c.own[ORGANISATION] - booked, port)
        return end

    def _port_name(self, c: Consignment) -> str:
        return self.port_names[c.port]

    # -- seizures: the case and the alert ---------------------------------------------------
    def caught(self, port: str, c: Consignment, t: float) -> None:
        if c.req[R.escalate_case] < self.shares["case"]:
            self.env.process(self._escalation("case", port, c.index, t))
        if self.alerts_on:
            what = (int(c.req[R.illicit]), int(c.req[R.commodity]), int(c.req[R.origin]))
            self.env.process(self._alert(port, c.index, t, what))

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(alert)`` at every port's receipt of an alert (an :class:`Alert`;
        a risk engine raises its scores only from then on)."""
        self.listeners.append(listener)

    def _alert(
        self, port: str, index: int, t0: float, what: tuple[int, int, int]
    ) -> Generator[Any, Any, None]:
        self.stats.raise_alert(t0, len(self.port_names))  # (every port could hear it)
        path = self.path(port, "alert")
        u = self._u("alert", port, index, 3 * len(path))
        t, _ = yield from self._climb(path, "alert", t0, u, False)
        issuer = path[-1]
        for q in self.tree.ports_under(self.tree.scope_root(issuer)):
            self.env.process(self._receive(issuer, port, index, q, t0, t, what))

    def _receive(
        self,
        issuer: str,
        port: str,
        index: int,
        q: str,
        t0: float,
        t: float,
        what: tuple[int, int, int],
    ) -> Generator[Any, Any, None]:
        n = 2 * len(self.tree.down(issuer, q, "alert")) + 1
        u = self._u("down", port, index, n, keyed.crc(q))
        received = yield from self._down("alert", issuer, q, t, u)
        if received > self.env.now:
            yield self.env.timeout(received - self.env.now)
        self.stats.alert(q, t0, received)
        alert = Alert(q, received, port, t0, *what)
        for listener in self.listeners:
            listener(alert)

    def alert_receipt(self, seizure_port: str, t: float) -> dict[str, float]:
        """The earliest each port can receive an alert of a seizure at ``t``: minimum
        transfer and service times, no queue."""
        path = self.path(seizure_port, "alert")
        issued = t + sum(self._least(uid, "alert") for uid in path)
        issuer = path[-1]
        out = {}
        for q in self.tree.ports_under(self.tree.scope_root(issuer)):
            down = sum(self._least(uid, "alert") for uid in self.tree.down(issuer, q, "alert"))
            out[q] = issued + down + self._hop(self.tree.port_unit[q], 0.0)
        return out

    def _least(self, uid: str, task: str) -> float:
        """The least time of a hop to ``uid`` and its service there."""
        service = float(self.units[uid].tasks[task].ppf(np.array([0.0]))[0])
        return self._hop(uid, 0.0) + service

    # -- directives ------------------------------------------------------------------------
    def start(self) -> None:
        if self.spec.directive_every > 0:
            self.env.process(self._directives())

    def _directives(self) -> Generator[Any, Any, None]:
        every, stop, k = self.spec.directive_every, self.window[1], 1
        while k * every < stop:
            t = k * every
            yield self.env.timeout(t - self.env.now)
            self.env.process(self._directive(k, t))
            k += 1

    def _directive(self, k: int, t: float) -> Generator[Any, Any, None]:
        root = self.tree.root
        if self.units[root].handles("directive"):
            u = self._u("directive", root, k, 1)
            t1 = yield from self._serve(root, "directive", t, u[0])
        else:
            t1 = t
        for q in self.tree.ports_under(root):
            self.env.process(self._directive_to(k, t, t1, q))

    def _directive_to(self, k: int, t: float, t1: float, q: str) -> Generator[Any, Any, None]:
        root = self.tree.root
        n = 2 * len(self.tree.down(root, q, "directive")) + 1
        received = yield from self._down("directive", root, q, t1, self._u("down", q, k, n, 1))
        self.stats.directive(t, received)

    # -- results ---------------------------------------------------------------------------
    def auc_bonus(self, port: str) -> float:
        return float(self.spec.advantages.local_knowledge_auc.get(self.spec.structure, 0.0))

    def result_rows(self) -> list[dict[str, Any]]:
        return [q.result_row() for q in self.queues.values()]

    def possible_names(self) -> set[str]:
        """Every metric name a run can give by what it meets (:data:`RUN_DEPENDENT`)."""
        return run_dependent_names(self.spec, self.tree, self.port_names)

    def metrics(self) -> dict[str, float]:
        out = self.stats.metrics(self.port_names)
        out.update(staff_metrics(self.units, self.rate, self.days))
        out.update(manager_metrics(self.units, self.spec.span_of_control, self.rate))
        out.update(bonus_metrics(self.spec.advantages, self.auc_bonus(""), self.port_names))
        return out
