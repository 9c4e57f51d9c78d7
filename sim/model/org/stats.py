"""What the organisation measures, streamed: escalation latency by type and deciding level,
alert propagation by receiving port and the alerts' reach (the share of the ports each alert
could reach that received it), directive propagation, the time goods wait on it, and
the conservation count (every escalation raised is decided or still open at the end)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sim.analysis.sketch import LogHistogram


def staff_cost_per_year(units: dict[str, Any]) -> float:
    """Heads x cost per head per year over every unit and role (CNY, as the organisation
    section prices a head). One small function so that a general cost module can replace it."""
    return float(sum(r.count * r.cost_per_year for u in units.values() for r in u.staff.values()))


def staff_by_role(units: dict[str, Any], rate: float = 1.0) -> dict[str, float]:
    """Heads and their cost per year (CNY x ``rate``) of each staff role over every unit:
    where a structure puts its heads is the organisation's main cost lever, by role."""
    from sim.scenario.organisation import ROLES

    out = {}
    for role in ROLES:
        staff = [u.staff[role] for u in units.values() if role in u.staff]
        out[f"org_staff_heads_{role}"] = float(sum(r.count for r in staff))
        out[f"org_staff_cost_per_year_{role}"] = float(
            sum(r.count * r.cost_per_year for r in staff)
        ) * rate
    return out


def reporting_rate(scenario: Any) -> float | None:
    """The value of 1 CNY in the scenario's reporting currency (``costs.currency``, at
    ``costs.exchange.CNY``; 1 when it is CNY), so that the organisation's staff cost is in
    the same money as every other cost figure, never a mix; None without ``[costs]``: no
    reporting currency, so no staff cost figure (``bordersim org`` shows it in CNY)."""
    costs = getattr(scenario, "costs", None)
    return None if costs is None else costs.rate("CNY")


def staff_metrics(units: dict[str, Any], rate: float | None, days: float) -> dict[str, float]:
    """The organisation's heads, and with a ``rate`` (:func:`reporting_rate`) their cost a
    year and over the observed ``days`` in the reporting currency, in all and by role."""
    by_role = staff_by_role(units, rate if rate is not None else 1.0)
    out = {"org_staff_heads": float(sum(u.heads() for u in units.values()))}
    out.update({k: v for k, v in by_role.items() if rate is not None or "_heads_" in k})
    if rate is not None:
        per_year = staff_cost_per_year(units) * rate
        out["org_staff_cost_per_year"] = per_year
        out["org_staff_cost_run"] = per_year * days / 365.0
    return out


def _merged(parts: list[LogHistogram]) -> LogHistogram:
    """One histogram of several (same bins)."""
    out = LogHistogram()
    for h in parts:
        h.mean  # noqa: B018 - flushes its buffer
        out.counts += h.counts
        out.n += h.n
        out.total += h.total
    return out


#: metric names that depend on what a run meets (the type and deciding level of its
#: escalations, the ports its alerts reach): prefix -> the name every run with an organisation
#: gives (:mod:`sim.experiment.metric_names` accepts a name by its prefix)
RUN_DEPENDENT = {
    "escalation_latency_h_mean_": "escalation_latency_h_mean",
    "escalation_latency_h_p90_": "escalation_latency_h_p90",
    "alert_propagation_h_mean_port_": "alert_propagation_h_mean",
    "org_hold_h_mean_port_": "org_hold_h_mean",
}


#: the middle layer: directly-affiliated and subordinate customs
MIDDLE = ("regional", "local")


def filter_at(units: dict[str, Any], path: list[str]) -> int:
    """Where on ``path`` the middle layer may resolve a request instead of passing it up:
    the highest directly-affiliated or subordinate customs below the decider (-1: none,
    as in the dumbbell). Once per request, so the share is the middle layer's."""
    passing = [i for i, uid in enumerate(path[:-1]) if units[uid].level in MIDDLE]
    return passing[-1] if passing else -1


def run_dependent_names(spec: Any, tree: Any, ports: list[str]) -> set[str]:
    """Every name of :data:`RUN_DEPENDENT` a run of ``spec`` on ``tree`` can give: the
    latency of each kind raised, by the level of each unit that may decide it (the decider
    of a port's path, or the middle layer's filter), and the alerts' propagation to every
    port an alert can reach. Found without running, so a pattern can pick them."""
    from sim.scenario.organisation import ESCALATIONS

    out: set[str] = set()
    for kind in ESCALATIONS:
        if spec.escalation(kind).share <= 0:
            continue
        levels = set()
        for port in ports:
            path = tree.path(port, kind, spec.level_of(kind))
            at = filter_at(tree.units, path) if spec.advantages.middle_filter > 0 else -1
            levels |= {tree.units[uid].level for uid in [path[-1], *path[at:at + 1]]}
        for stat in ("mean", "p90"):
            out.add(f"escalation_latency_h_{stat}_{kind}")
            out |= {f"escalation_latency_h_{stat}_{kind}_{level}" for level in levels}
    if any(spec.escalation(k).share > 0 for k in ("ruling", "quarantine")):
        out |= {f"org_hold_h_mean_port_{p}" for p in ports}  # (before release: holds goods)
    if tree.any_handles("alert"):
        for port in ports:
            issuer = tree.path(port, "alert", spec.level_of("alert"))[-1]
            reached = tree.ports_under(tree.scope_root(issuer))
            out |= {f"alert_propagation_h_mean_port_{q}" for q in reached}
    return out


class OrgStats:
    """Running statistics of the work that crosses levels, inside the observation window."""

    def __init__(self, window: tuple[float, float]):
        self.start, self.stop = window
        self.raised: dict[str, int] = defaultdict(int)
        self.open = 0  # raised inside the window, not yet decided (counted apart)
        self.decided: dict[str, int] = defaultdict(int)
        self.latency: dict[tuple[str, str], LogHistogram] = defaultdict(LogHistogram)
        self.held = LogHistogram()  # time goods waited on the organisation, per hold
        self.held_by_port: dict[str, LogHistogram] = defaultdict(LogHistogram)
        self.held_nothing = 0  # holds decided before the goods arrived
        self.alerts = LogHistogram()
        self.alerts_raised = 0  # alerts of seizures inside the window
        self.alert_possible = 0  # receipts they could give: each alert at every port
        self.alert_receipts = 0
        self.receipts_by_port: dict[str, int] = defaultdict(int)
        self.alerts_by_port: dict[str, LogHistogram] = defaultdict(LogHistogram)
        self.directives = LogHistogram()

    def inside(self, t: float) -> bool:
        return self.start <= t < self.stop

    def raise_(self, kind: str, t: float) -> None:
        if self.inside(t):
            self.raised[kind] += 1
            self.open += 1

    def decide(self, kind: str, level: str, t0: float, t: float) -> None:
        if self.inside(t0):
            self.decided[kind] += 1
            self.open -= 1
            self.latency[(kind, level)].add(t - t0)

    def hold(self, t0: float, waited: float, port: str = "") -> None:
        """A hold at ``port`` that started at ``t0`` (assessment, maybe before the goods
        arrived) and kept the goods ``waited`` hours (what their clock booked to the
        organisation): by port too, as a structure's gain at one port may be another's loss."""
        if not self.inside(t0):
            return
        if waited > 0:
            self.held.add(waited)
            if port:
                self.held_by_port[port].add(waited)
        else:
            self.held_nothing += 1

    def raise_alert(self, seized: float, ports: int) -> None:
        """An alert of a seizure at ``seized`` that ``ports`` ports could receive."""
        if self.inside(seized):
            self.alerts_raised += 1
            self.alert_possible += ports

    def alert(self, port: str, seized: float, received: float) -> None:
        if self.inside(seized):
            self.alert_receipts += 1
            self.receipts_by_port[port] += 1
            self.alerts.add(received - seized)
            self.alerts_by_port[port].add(received - seized)

    def directive(self, issued: float, received: float) -> None:
        if self.inside(issued):
            self.directives.add(received - issued)

    def metrics(self, ports: list[str] | None = None) -> dict[str, float]:
        """Flat metrics, under stable names; the alerts' reach of each of ``ports`` (the
        share of the alerts raised that it received: 0 where none reach it)."""
        out: dict[str, float] = {}
        for (kind, level), h in sorted(self.latency.items()):
            out[f"escalation_latency_h_mean_{kind}_{level}"] = h.mean
            out[f"escalation_latency_h_p90_{kind}_{level}"] = h.quantile(0.9)
        for kind in sorted({k for k, _ in self.latency}):
            h = _merged([v for (k, _), v in self.latency.items() if k == kind])
            out[f"escalation_latency_h_mean_{kind}"] = h.mean
            out[f"escalation_latency_h_p90_{kind}"] = h.quantile(0.9)
        every = _merged(list(self.latency.values()))
        out["escalation_latency_h_mean"] = every.mean
        out["escalation_latency_h_p90"] = every.quantile(0.9)
        out["escalations_raised"] = float(sum(self.raised.values()))
        out["escalations_decided"] = float(sum(self.decided.values()))
        out["escalations_open"] = float(self.open)
        out["org_hold_h_mean"] = self.held.mean
        out["org_holds"] = float(self.held.n)
        out["org_holds_before_arrival"] = float(self.held_nothing)
        for port, h in sorted(self.held_by_port.items()):
            out[f"org_hold_h_mean_port_{port}"] = h.mean
        out["alert_propagation_h_mean"] = self.alerts.mean
        out["alert_propagation_h_p90"] = self.alerts.quantile(0.9)
        out["alerts_raised"] = float(self.alerts_raised)
        out["alert_receipts"] = float(self.alert_receipts)
        possible = self.alert_possible
        out["alert_reach"] = self.alert_receipts / possible if possible else float("nan")
        raised = self.alerts_raised
        for port in ports or []:
            got = self.receipts_by_port.get(port, 0)
            out[f"alert_reach_port_{port}"] = got / raised if raised else float("nan")
        for port, h in sorted(self.alerts_by_port.items()):
            out[f"alert_propagation_h_mean_port_{port}"] = h.mean
        out["directive_propagation_h_mean"] = self.directives.mean
        out["directive_propagation_h_p90"] = self.directives.quantile(0.9)
        return out
