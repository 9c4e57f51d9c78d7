"""The credit rules of the risk engine (see :mod:`sim.model.risk`).

**Credit rules, as rules.** A capped class (``caps``; China: advanced AEOs below 20 % of the
ordinary average) earns per declaration an allowance of cap x the recent inspection rate of
class 'general' at its port (:class:`Reference`: over about its last ``window`` decisions,
both directions), and takes its candidates (score or random), highest scores first, only as
far as the allowance pays: its inspections never exceed the sum of its allowances. A floored
class (``floors``; China: discredited traders at least 80 %) takes its candidates and, where
they fall short, the highest-scoring others: its running rate at the port is at least the
floor after every decision. Neither banks more than two inspections ahead (``CAP_BANK``,
``FLOOR_BANK``). A floor thus holds over any stretch of a run to within that many; a cap
follows the 'general' rate of the time, so over the observed days (whose 'general' rate is
not the warm-up's: the threshold settles while its window fills) the class stays at about
cap x that rate, a bank's inspections above it at most.
``ports.<name>.credit_rules = false`` lifts both at a port (parcels).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.scenario.schema import TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine

GENERAL = TRADER_CLASSES.index("general")  # the class a cap refers to
#: inspections a credit rule may bank: a floored class ahead of its floor, a capped class of
#: allowance not yet spent (two, so that waiting for a candidate rarely wastes allowance)
FLOOR_BANK, CAP_BANK = 1.0, 2.0


def top(mask: np.ndarray, score: np.ndarray, k: int) -> np.ndarray:
    """The ``k`` rows of ``mask`` with the highest scores (ties: the earlier row), as a mask."""
    out = np.zeros(len(mask), bool)
    if k <= 0:
        return out
    rows = np.flatnonzero(mask)
    order = np.argsort(-score[rows], kind="stable")
    out[rows[order[:k]]] = True
    return out


def rule(
    engine: RiskEngine, port: str, k: int, n: int, candidates: int, others: int
) -> tuple[int, int]:
    """A credit rule for ``n`` declarations of class ``k``, ``candidates`` of them selected
    by score or at random, ``others`` inspectable but not: how many candidates to take,
    how many others to force.

    Cap: an allowance grows by cap x the recent 'general' rate per declaration and pays
    for inspections. Floor: a deficit grows by the floor per declaration, inspections pay it
    off, and others (highest scores) are forced while it is positive. Neither banks more
    than a few inspections (``FLOOR_BANK``, ``CAP_BANK``; see the module's docstring)."""
    bucket = engine.buckets[port]
    if k in engine.caps:
        bucket[k] += engine.caps[k] * engine.reference.rate(port) * n
        take = min(candidates, math.floor(bucket[k] + 1e-9))
        bucket[k] = min(bucket[k] - take, CAP_BANK)
        return take, 0
    bucket[k] += engine.floors[k] * n
    force = min(others, max(0, math.ceil(bucket[k] - candidates - 1e-9)))
    bucket[k] = max(bucket[k] - candidates - force, -FLOOR_BANK)
    return candidates, force


class Reference:
    """What a cap refers to: the inspection rate of class 'general' at each port over about
    its last ``memory`` decisions, weighted by exp(-age / ``memory``) (a block's decisions
    count as of one age): the ordinary average of the time, not of the run so far, whose
    start (the threshold's window filling) would lift it."""

    def __init__(self, ports: list[str], memory: float):
        self.keep = 1.0 - 1.0 / memory
        self.inspected = dict.fromkeys(ports, 0.0)
        self.decided = dict.fromkeys(ports, 0.0)

    def add(self, port: str, n: int, inspected: int) -> None:
        """``n`` decisions of class 'general', ``inspected`` of them inspected."""
        if n:
            f = self.keep**n
            self.inspected[port] = self.inspected[port] * f + inspected
            self.decided[port] = self.decided[port] * f + n

    def rate(self, port: str) -> float:
        w = self.decided[port]
        return self.inspected[port] / w if w else 0.0
