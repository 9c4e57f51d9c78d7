"""What a smuggling group knows and chooses: its routes (cost, patrol), its perceived
detection learned by exponential smoothing, its logit choice among the routes and not
smuggling, and the ledger of what it did (per day, group and route)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.scenario.smuggling import Group as GroupSpec
from sim.scenario.smuggling import Route as RouteSpec

if TYPE_CHECKING:
    from sim.model.port import Port

#: the ledger's counts per day, group and route
CHOSEN, CAUGHT_N, SLIPPED = range(3)


def logit_shares(profit: np.ndarray, scale: float) -> np.ndarray:
    """Choice probabilities of routes with expected ``profit`` and, last, of not smuggling
    (profit 0), by a multinomial logit with scale ``scale`` (USD)."""
    v = np.append(np.asarray(profit, float), 0.0) / scale
    e = np.exp(v - v.max())
    return np.asarray(e / e.sum())


def smooth(perceived: float, caught: bool, weight: float) -> float:
    """Exponential smoothing of perceived detection by one outcome."""
    return (1.0 - weight) * perceived + weight * float(caught)


class RouteState:
    """A route as the run uses it: its cost, and its patrol's interdiction probability."""

    def __init__(self, name: str, spec: RouteSpec, port: Port | None):
        self.name, self.spec, self.port = name, spec, port
        self.cost = spec.cost
        patrol = spec.patrol
        self.staff = np.array(patrol.weekly(), float) if patrol else np.zeros(168)
        self.per_officer = patrol.per_officer if patrol else 0.0

    def interdiction(self, t: float, factor: float = 1.0) -> float:
        """Probability that a patrol stops an attempt crossing at ``t``."""
        staff = self.staff[int(t % 168.0)]
        return 1.0 - math.exp(-self.per_officer * staff * factor)


class GroupState:
    """A group's beliefs and its alert, and the choice it makes from them."""

    def __init__(
        self, name: str, i: int, spec: GroupSpec, routes: list[RouteState], learning: float
    ):
        self.name, self.i, self.spec, self.routes = name, i, spec, routes
        self.learning = learning if spec.learning is None else spec.learning
        self.perceived = np.array(
            [spec.perceived.get(r.name, r.spec.perceived) for r in routes], float
        )
        self.start = self.perceived.copy()  # what it believed before any outcome
        self.warm = np.zeros(len(routes), np.int64)  # outcomes learned by the warm-up's end
        self.cost = np.array([r.cost for r in routes], float)
        self.gain = spec.margin * float(spec.value.mean)  # of an attempt that gets through
        self.alert_until = -math.inf

    def shares(self) -> np.ndarray:
        """Choice probabilities of its routes and (last) of not smuggling, now."""
        profit = self.gain * (1.0 - self.perceived) - self.cost
        return logit_shares(profit, self.spec.profit_scale)

    def choose(self, u: float, shares: np.ndarray | None = None) -> int:
        """The option a uniform picks (``len(routes)``: not smuggling), by ``shares`` (the
        group's :meth:`shares` now, by default)."""
        cum = np.cumsum(self.shares() if shares is None else shares)
        return min(int(np.searchsorted(cum, u, side="right")), len(cum) - 1)

    def learn(self, k: int, caught: bool) -> None:
        self.perceived[k] = smooth(float(self.perceived[k]), caught, self.learning)


class Ledger:
    """Counts and values per day of the attempt, group and route (the last: not smuggled),
    and the sums, over a day's opportunities, of each route's perceived detection
    (``belief[..., 0]``) and choice probability (``belief[..., 1]``) when the group chose."""

    def __init__(self, days: int, groups: int, routes: int):
        self.n = np.zeros((days, groups, routes + 1, 3), np.int64)
        self.value = np.zeros((days, groups, routes + 1, 3))
        self.belief = np.zeros((days, groups, routes + 1, 2))

    def book(self, day: int, g: int, r: int, what: int, value: float) -> None:
        day = min(day, len(self.n) - 1)
        self.n[day, g, r, what] += 1
        self.value[day, g, r, what] += value

    def believe(self, day: int, g: GroupState, rows: np.ndarray, shares: np.ndarray) -> None:
        """Add what group ``g`` believed and how likely it was to take each option at an
        opportunity on ``day`` (``rows``: its routes' and not smuggling's columns)."""
        cell = self.belief[min(day, len(self.n) - 1), g.i]
        cell[rows[:-1], 0] += g.perceived
        cell[rows, 1] += shares
