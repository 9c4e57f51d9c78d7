"""The risk engine's prior score (see :mod:`sim.model.risk`): additive by direction,
commodity, origin, trader class and port (``[risk.prior]``), by default plus the probit of the
selection tables' inspection probability of an ordinary trader's goods of each commodity at
the port (the tables' risk profile); and the binormal separation of the score's noise by
an AUC."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy.special import ndtri

from sim.scenario.risk import Prior
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES, Scenario


def separation(auc: Any) -> Any:
    """Binormal separation d = sqrt(2) Phi^-1(AUC) of an AUC."""
    return math.sqrt(2.0) * ndtri(np.clip(auc, 0.5, 1 - 1e-12))


def prior(w: Prior, scenario: Scenario, port: str) -> np.ndarray:
    """Prior score by direction, commodity, origin and class at ``port``."""
    spec = scenario.ports[port]
    coms = list(scenario.commodities)
    com = np.array([w.commodity.get(c, 0.0) for c in coms])
    if w.tables:
        com = com + ndtri(np.clip([table_rate(scenario, port, c) for c in coms], 1e-4, 1 - 1e-4))
    org = np.array([w.origin.get(o, 0.0) for o in spec.traffic.origins])
    cls = np.array([w.trader_class.get(k, 0.0) for k in TRADER_CLASSES])
    dirs = np.array([w.direction.get(k, 0.0) for k in DIRECTIONS])
    return np.asarray(
        dirs[:, None, None, None]
        + com[None, :, None, None]
        + org[None, None, :, None]
        + cls[None, None, None, :]
        + w.port.get(port, 0.0)
    )


def table_rate(scenario: Scenario, port: str, com: str) -> float:
    """The tables' inspection probability of an ordinary trader's goods of ``com``."""

    def p(check: str) -> float:
        return scenario.probability(check, com, "general", port)

    exam = max(p("physical"), p("quarantine") * scenario.commodities[com].statutory)
    return 1 - (1 - p("scan")) * (1 - exam)
