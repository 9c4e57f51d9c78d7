"""The risk engine's achieved inspection rate by observed day, port, direction and trader
class, with the target beside it: the threshold is a quantile recomputed during the run so
that a target rate holds, and an analyst asks whether it holds day by day as prevalence
shifts, not only over the whole run (``risk-achieved.csv``).

The cohort's ledger (``RiskEngine.counted``, :class:`sim.model.risk_parts.Ledger`) is
swapped, when the world wires the engine (:func:`sim.model.eras.wire_risk_engine`), for a
:class:`DailyLedger` that also books each decision on the observed day it is taken (day 0
starts at the end of the warm-up; decisions in the drain days count on the last observed
day, as the enforcement series counts arrivals). Its table is the run result's
``risk_daily`` (:func:`daily_table`, collected by :func:`sim.model.risk_report.risk_fields`),
written as ``rep-NNNN-risk-daily.csv``. A day's target is the median of the targets the
engine held at its refreshes that day (a throttle or a dated change moves it), else the one
set."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sim.model.risk_parts import Ledger
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine

HOURS_PER_DAY = 24.0
#: the daily table's columns
COLUMNS = ["day", "port", "direction", "trader_class", "decided", "inspected", "rate", "target"]


class DailyLedger(Ledger):
    """A :class:`Ledger` that also counts decisions and inspections by observed day (read
    from ``clock``, the simulation's time in hours, at each booking)."""

    def __init__(self, ports: list[str], clock: Callable[[], float], start: float, days: int):
        super().__init__(ports)
        self.clock, self.start = clock, start
        shape = (max(1, days), 2, len(DIRECTIONS), len(TRADER_CLASSES))
        #: per port: day x (decided, inspected) x direction x class
        self.daily = {p: np.zeros(shape, np.int64) for p in ports}

    def _day(self) -> int:
        days = len(next(iter(self.daily.values()))) if self.daily else 1
        day = math.floor((self.clock() - self.start) / HOURS_PER_DAY)
        return min(max(day, 0), days - 1)

    def book(self, port: str, counts: np.ndarray) -> None:
        """Book decisions counted per code, on today's row too."""
        super().book(port, counts)
        kinds = counts.reshape(self.tables[port].shape)  # (inspected + 2 x illicit)
        today = self.daily[port][self._day()]
        today[0] += kinds.sum(axis=0)
        today[1] += kinds[1] + kinds[3]

    def add_one(self, port: str, direction: int, cls: int, chosen: bool, illicit: int) -> None:
        """Book one decision, on today's row too."""
        super().add_one(port, direction, cls, chosen, illicit)
        today = self.daily[port][self._day()]
        today[0, direction, cls] += 1
        today[1, direction, cls] += bool(chosen)


def daily_table(engine: RiskEngine) -> pd.DataFrame | None:
    """Per observed day, port, direction and class with decisions: the decisions, the
    inspections the engine chose, their rate and the target (blank for a class its credit
    rules set: a cap or a floor); None when the engine's ledger counts no days."""
    led = engine.counted
    if not isinstance(led, DailyLedger):
        return None
    held = _held_targets(engine)
    rows = []
    for port in engine.ports:
        for day, direction, cls in zip(*np.nonzero(led.daily[port][:, 0]), strict=True):
            n, m = led.daily[port][day, :, direction, cls]
            d = DIRECTIONS[direction]
            target = held.get((int(day), port, d), engine.cfg.target_at(port, int(direction)))
            rows.append((int(day), port, d, TRADER_CLASSES[cls], int(n), int(m), m / n,
                         math.nan if engine.ruled[port][cls] else target))  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def _held_targets(engine: RiskEngine) -> dict[tuple[int, str, str], float]:
    """The median target of each observed day, port and direction's refreshes (the
    engine's threshold trace; the median of equal targets is that target, to the bit); days
    without a refresh are absent."""
    led = engine.counted
    assert isinstance(led, DailyLedger)
    trace = pd.DataFrame(engine.trace, columns=["t_h", "port", "direction", "target", "threshold",
                                                "window"])  # fmt: skip
    if trace.empty:
        return {}
    trace["day"] = ((trace["t_h"] - led.start) // HOURS_PER_DAY).astype(int)
    held = trace.groupby(["day", "port", "direction"], as_index=False)["target"].median()
    return {(int(day), str(port), str(d)): float(target)
            for day, port, d, target in held.itertuples(index=False)}
