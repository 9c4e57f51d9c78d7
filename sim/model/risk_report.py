"""The risk engine's reports: its decisions and achieved inspection rates per port,
direction and class, and its thresholds as a time series (see :mod:`sim.model.risk`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine


def report(engine: RiskEngine) -> pd.DataFrame:
    """Decisions, inspections and the inspection rate per port, direction and class,
    with the target of the ordinary classes (the achieved rates, as the engine saw them)."""
    rows = []
    led = engine.ledger
    for port in engine.ports:
        for d, direction in enumerate(DIRECTIONS):
            for k, cls in enumerate(TRADER_CLASSES):
                n, m = int(led.decided[port][d, k]), int(led.inspected[port][d, k])
                if not n:
                    continue
                ruled = bool(engine.ruled[port][k])
                rows.append(
                    {
                        "port": port,
                        "direction": direction,
                        "trader_class": cls,
                        "decided": n,
                        "inspected": m,
                        "rate": m / n,
                        "target": math.nan if ruled else engine.cfg.target_at(port, d),
                        "illicit": int(led.illicit[port][d, k]),
                        "illicit_inspected": int(led.illicit_inspected[port][d, k]),
                    }
                )
    return pd.DataFrame(rows)


def thresholds(engine: RiskEngine) -> pd.DataFrame:
    """The threshold at each refresh instant, per port and direction (a time series)."""
    return pd.DataFrame(
        engine.trace, columns=["t_h", "port", "direction", "target", "threshold", "window"]
    )
