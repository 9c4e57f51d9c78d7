"""Smuggling groups who adapt: route choice by expected profit, learning from their outcomes.

At each opportunity (a Poisson stream of its own) a group chooses one of its routes, or not
to smuggle, by a multinomial logit on expected profit ``gain x (1 - perceived detection) -
route cost`` (gain: the margin on the goods' mean value; the outside option's profit is 0), so
enforcement deters as well as displaces.
A port route makes the attempt a declaration at that port
(:func:`sim.model.smuggled.inject`): it meets the port's real queues and checks (due while
the port takes no trucks, it comes, and is counted, when the port takes them again:
:mod:`sim.model.closed_days`). A route
outside the ports is caught by its patrol with probability
``1 - exp(-per_officer x staff on duty x alert factor)``; the alert factor holds for a while
after any of the group's goods are caught. A group updates its perceived detection of a route
from its own outcomes there, when it learns them, by exponential smoothing:
``p <- (1 - a) p + a x caught``.

Groups decide ``declaration.advance_max`` before their goods move (a port's blocks are made
as early, since a declaration may be lodged that far ahead). Every draw comes from the
group's own keyed streams (:func:`sim.model.streams.group_stream`): the baseline's
consignments keep their draws whatever the smuggling settings. Counts are kept per observed
day of the attempt (day 0 starts at the end of the warm-up, whole or not: the days of the
enforcement tables; warm-up days are negative), group and route, so that the observed
window is cut at the attempts' times, as the cohort is (memory grows with days, not with
consignments).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sim.model.arrivals import arrival_times
from sim.model.closed_days import closed_spans, never_came, reopened
from sim.model.draws import REQUIREMENTS
from sim.model.milestones import OUTCOMES, RELEASED_AT
from sim.model.resident_lane import ResidentLaneRun
from sim.model.smuggled import inject
from sim.model.smuggling_groups import CAUGHT_N, CHOSEN, SLIPPED, GroupState, Ledger, RouteState
from sim.model.streams import CHOICES, OPPORTUNITIES, SMUGGLING_INDEX, group_stream
from sim.scenario.base import DIRECTIONS, ILLICIT, TRADER_CLASSES
from sim.scenario.schema import Arrivals, Scenario

if TYPE_CHECKING:
    import simpy

    from sim.model.bulk import Bulk
    from sim.model.consignment import Consignment
    from sim.model.port import Port

#: the outside option's name in the tables
NOT_SMUGGLED = "not_smuggled"
#: outcomes that mean the goods were caught (``detained``: intellectual property)
CAUGHT = frozenset(
    i for i, name in enumerate(OUTCOMES) if name in ("seized", "rejected", "detained")
)
#: truth columns of the requirement table, where they exist (the enforcement issue adds them)
TRUTH = tuple(n for n in ("illicit", "concealed") if n in REQUIREMENTS)


class Smugglers:
    """Every smuggling group of a run, the routes they use, and the truth of what they did."""

    def __init__(
        self,
        env: simpy.Environment,
        scenario: Scenario,
        seed: np.random.SeedSequence,
        ports: Sequence[Port],
        window: tuple[float, float],
    ):
        spec = scenario.smuggling
        assert spec is not None
        self.env, self.spec, self.seed = env, spec, seed
        self.warmup, self.stop = window
        self.lead = scenario.declaration.advance_max
        by_name = {p.name: p for p in ports}
        self.routes = [
            RouteState(name, r, by_name[r.port] if r.port else None)
            for name, r in spec.routes.items()
        ]
        index = {r.name: i for i, r in enumerate(self.routes)}
        self.groups = [
            GroupState(name, i, g, [self.routes[index[r]] for r in g.routes], spec.learning)
            for i, (name, g) in enumerate(spec.groups.items())
        ]
        self.route_index = index
        #: the hours each port route's crossing takes no trucks (its attempts wait them out)
        self.closed = {
            name: closed_spans(scenario, r.port, r.direction == "export")
            for name, r in spec.routes.items() if r.port
        }
        #: by port route, the hours its loads were due while it took no trucks to the run's end
        self.never: dict[str, list[float]] = {}
        self.end = self.stop + scenario.drain_days * 24.0
        #: the resident lanes of the routes that have one (honest members queue there too)
        self.lanes = {
            name: ResidentLaneRun(env, name, r, seed, window)
            for name, r in spec.routes.items() if r.lane is not None
        }
        #: each group's options' columns in the ledger: its routes, then not smuggling
        self.rows = [
            np.array([index[r.name] for r in g.routes] + [len(self.routes)]) for g in self.groups
        ]
        self.commodities = list(scenario.commodities)
        #: ledger row of observed day 0 (the warm-up's days come before it)
        self.day0 = int(math.ceil(self.warmup / 24.0))
        days = self.day0 + int(math.ceil((self.stop - self.warmup) / 24.0)) + 1
        self.ledger = Ledger(days, len(self.groups), len(self.routes))
        self.pending: dict[tuple[int, int], tuple[GroupState, int, int, float]] = {}
        #: told of each patrol catch: (time, commodity, origin, trader class), the group's
        #: declared signature (the risk engine's alerts, when the World has one)
        self.on_interdiction: Callable[[float, int, str, int], None] | None = None

    def start(self) -> None:
        for g in self.groups:
            self.env.process(self._opportunities(g))
        for lane in self.lanes.values():
            lane.start()

    # -- choices ---------------------------------------------------------------------------
    def _opportunities(self, g: GroupState) -> Generator[Any, Any, None]:
        """The group's opportunities until arrivals stop; each decided ``lead`` ahead."""
        env, s = self.env, g.spec
        profile = Arrivals.model_construct(rate=s.rate, hourly=list(s.hourly), weekly=[1.0] * 7)
        times_rng = group_stream(self.seed, g.name, OPPORTUNITIES)
        choice_rng = group_stream(self.seed, g.name, CHOICES)
        for times in arrival_times(profile, times_rng, self.stop):
            draws = choice_rng.random((len(times), 3))  # choice, value, patrol: fixed use
            values = s.value.ppf(draws[:, 1])
            for t, u, value in zip(times.tolist(), draws.tolist(), values.tolist(), strict=True):
                wake = t - self.lead
                if wake > env.now:
                    yield env.timeout(wake - env.now)
                self._opportunity(g, t, u[0], float(value), u[2])

    def _opportunity(
        self, g: GroupState, t: float, u: float, value: float, u_patrol: float
    ) -> None:
        shares = g.shares()
        k = g.choose(u, shares)
        if k < len(g.routes) and g.routes[k].port is not None:  # (closed: when it reopens)
            due, t = t, reopened(self.closed[g.routes[k].name], t)
            if t >= self.end:  # (closed to the run's end: it never comes, see warnings)
                self.never.setdefault(g.routes[k].name, []).append(due)
        day = self.day0 + math.floor((t - self.warmup) / 24.0)  # (a ledger row)
        self.ledger.believe(day, g, self.rows[g.i], shares)
        if k == len(g.routes):
            self.ledger.book(day, g.i, len(self.routes), CHOSEN, value)
            return
        route = g.routes[k]
        self.ledger.book(day, g.i, self.route_index[route.name], CHOSEN, value)
        if route.port is None:  # (it crosses when the route is open)
            t = route.spec.opens(t)
            at = self.env.timeout(max(0.0, t - self.env.now))
            at.callbacks.append(partial(self._cross, g, k, day, t, value, u_patrol))
            return
        port = route.port
        # booked before it is made: a consignment finished in bulk is settled at once
        key = (port.index, SMUGGLING_INDEX + port.created_smuggling)
        self.pending[key] = (g, k, day, value)
        index = inject(port, np.array([t]), self.forced(g, route, value), g.name)
        assert int(index[0]) == key[1]

    def forced(self, g: GroupState, route: RouteState, value: float) -> dict[str, Any]:
        """What the group's consignment at a port carries whatever the port's traffic."""
        s, port = g.spec, route.port
        assert port is not None
        out: dict[str, Any] = {
            "direction": DIRECTIONS.index(route.spec.direction),
            "commodity": self.commodities.index(s.commodity),
            "trader_class": TRADER_CLASSES.index(s.trader_class),
            "origin": list(port.spec.traffic.origins).index(s.origin),
            "value": value,
        }
        truth = {"illicit": ILLICIT.index(s.illicit) + 1, "concealed": s.concealed}
        out.update({k: v for k, v in truth.items() if k in TRUTH})
        return out

    def _cross(
        self, g: GroupState, k: int, day: int, t: float, value: float, u: float, _: object
    ) -> None:
        """An attempt on a route outside the ports meets its patrol."""
        factor = self.spec.alert.factor if self.env.now < g.alert_until else 1.0
        caught = u < g.routes[k].interdiction(t, factor)
        lane = self.lanes.get(g.routes[k].name)
        if lane is not None:  # its carriers queue with the members; told when they passed
            rel = day - self.day0  # (observed as the frame counts it)
            seen = rel >= 0 and self.warmup + rel * 24.0 < self.stop
            lane.carry(value, caught, seen, partial(self._settle_lane, g, k, day, value))
            return
        self._settle_lane(g, k, day, value, caught)

    def _settle_lane(self, g: GroupState, k: int, day: int, value: float, caught: bool) -> None:
        """The outcome of an attempt outside the ports, now."""
        self._outcome(g, k, day, value, caught)
        if caught and self.on_interdiction is not None:
            s = g.spec
            cls = TRADER_CLASSES.index(s.trader_class)
            self.on_interdiction(self.env.now, self.commodities.index(s.commodity), s.origin, cls)

    def _outcome(self, g: GroupState, k: int, day: int, value: float, caught: bool) -> None:
        """The group learns an attempt's outcome (now)."""
        r = self.route_index[g.routes[k].name]
        self.ledger.book(day, g.i, r, CAUGHT_N if caught else SLIPPED, value)
        g.learn(k, caught)
        if self.env.now < self.warmup:
            g.warm[k] += 1
        if caught:
            g.alert_until = max(g.alert_until, self.env.now + self.spec.alert.duration)

    # -- outcomes at ports (told by the World) ---------------------------------------------
    def settle(self, port: int, index: int, caught: bool, known: float) -> None:
        """A group's consignment at a port was caught or released; the group learns it at
        ``known`` (never before now)."""
        g, k, day, value = self.pending.pop((port, index))
        delay = max(0.0, known - self.env.now)
        if delay == 0.0:
            self._outcome(g, k, day, value, caught)
            return
        at = self.env.timeout(delay)
        at.callbacks.append(lambda _: self._outcome(g, k, day, value, caught))

    def settle_flow(self, c: Consignment) -> None:
        """A flow ended: released (known at release) or caught (at its last milestone)."""
        caught = c.outcome in CAUGHT
        m = c.m
        known = max(x for x in m if x == x) if caught else m[RELEASED_AT]
        if known == known:
            self.settle(c.port, c.index, caught, known)

    def settle_block(self, b: Bulk) -> None:
        """A bulk block ended: its rows were released (or never, when unbooked)."""
        outcome = getattr(b, "outcome", None)
        for i in np.flatnonzero(b.index >= SMUGGLING_INDEX).tolist():
            caught = outcome is not None and int(outcome[i]) in CAUGHT
            m = b.m[i]
            known = float(np.nanmax(m)) if caught else float(m[RELEASED_AT])
            if known == known:
                self.settle(b.port.index, int(b.index[i]), caught, known)

    def warnings(self) -> list[str]:
        """Groups whose choices had not settled when observation began (see
        :mod:`sim.model.smuggling_settle`), resident lanes swamped, and loads a port's
        closure to the run's end kept out (:func:`sim.model.closed_days.never_came`)."""
        from sim.model.smuggling_settle import unsettled

        lanes = [lane.warning() for lane in self.lanes.values()]
        routes = self.spec.routes
        never = [never_came(r, routes[r].port or "", due) for r, due in self.never.items()]
        return unsettled(self) + [w for w in lanes if w is not None] + never

    # -- the truth layer -------------------------------------------------------------------
    def frame(self) -> pd.DataFrame:
        """Per observed day of the opportunity (as the enforcement tables count days: day 0
        starts at the end of the warm-up; ``observed``: the opportunity's time is in the
        observed window), group and route (each of the group's options, on each day it had an
        opportunity): how many chose it (on the route ``not_smuggled``: attempts deterred), of
        them caught, slipped, unresolved (outcome unknown by the end), their values, and the
        group's mean perceived detection of the route and probability of choosing it."""
        n, v = self.ledger.n, self.ledger.value
        opportunities = n[:, :, :, CHOSEN].sum(axis=2)  # per day and group
        options = np.zeros(n.shape[1:3], bool)  # (group, route): the group's options
        for g, rows in enumerate(self.rows):
            options[g, rows] = True
        days, groups, routes = np.nonzero((opportunities[:, :, None] > 0) & options[None])
        names = [r.name for r in self.routes] + [NOT_SMUGGLED]
        kinds = [r.spec.kind for r in self.routes] + [NOT_SMUGGLED]
        cell = (days, groups, routes)
        chosen, caught, slipped = (n[(*cell, j)] for j in (CHOSEN, CAUGHT_N, SLIPPED))
        mean = self.ledger.belief[cell] / opportunities[days, groups][:, None]
        outside = routes == len(self.routes)
        day = days - self.day0
        frame = pd.DataFrame(
            {
                "day": day,
                # a day at or after the warm-up's end: opportunities stop at the window's end
                "observed": (day >= 0) & (self.warmup + day * 24.0 < self.stop),
                "group": [self.groups[i].name for i in groups.tolist()],
                "illicit": [self.groups[i].spec.illicit for i in groups.tolist()],
                "route": [names[i] for i in routes.tolist()],
                "kind": [kinds[i] for i in routes.tolist()],
                "chosen": chosen,
                "caught": caught,
                "slipped": slipped,
                "unresolved": np.where(outside, 0, chosen - caught - slipped),
                "value": v[(*cell, CHOSEN)],
                "value_caught": v[(*cell, CAUGHT_N)],
                "value_slipped": v[(*cell, SLIPPED)],
                # what the group believed of the route, and how likely it was to take it, on
                # average over the day's opportunities (not smuggling: no belief)
                "perceived": np.where(outside, np.nan, mean[:, 0]),
                "probability": mean[:, 1],
            }
        )
        # every route and type is named in the metrics, even one nobody used in this run
        frame.attrs["routes"] = [r.name for r in self.routes]
        # the resident lanes' metrics (sim.model.resident_lane), when a route has one
        frame.attrs["resident_lanes"] = {
            name: lane.summary() for name, lane in self.lanes.items()
        }
        frame.attrs["illicit"] = sorted({g.spec.illicit for g in self.groups})
        # each illicit type's routes (those of its groups), for the metrics by type
        frame.attrs["type_routes"] = {
            kind: [r.name for r in self.routes
                   if any(g.spec.illicit == kind and r.name in g.spec.routes for g in self.groups)]
            for kind in frame.attrs["illicit"]
        }
        return frame
