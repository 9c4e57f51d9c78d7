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

from sim.model.risk_parts import CELLS, KINDS, Ledger
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine

HOURS_PER_DAY = 24.0
#: the daily table's columns
COLUMNS = ["day", "port", "direction", "trader_class", "decided", "inspected", "rate", "target"]


class DailyLedger(Ledger):
    """A :class:`Ledger` that also counts decisions and inspections by observed day (read
    from ``clock``, the simulation's time in hours, at each booking).

    Cheap on the engine's hot path (a block's decisions and every declaration decided
    alone are booked here): the day's bookings gather per port in one flat count per code,
    a block's added whole into a numpy array and a single decision's into a list of Python
    ints, and go into the ledger's tables and their day's row only when the clock passes
    the day's end or the counts are read (:meth:`counts`, :attr:`daily`). The clock is
    compared with the day's end at each booking; the day itself is computed only past it."""

    def __init__(self, ports: list[str], clock: Callable[[], float], start: float, days: int):
        super().__init__(ports)
        self.clock, self.start, self.days = clock, start, max(1, days)
        shape = (self.days, 2, len(DIRECTIONS), len(TRADER_CLASSES))
        self._daily = {p: np.zeros(shape, np.int64) for p in ports}
        #: per port, today's bookings by code (:func:`sim.model.risk_parts.codes`)
        self._blocks = {p: np.zeros(KINDS * CELLS, np.int64) for p in ports}
        self._ones = {p: [0] * (KINDS * CELLS) for p in ports}
        #: the day being gathered, and a time just before its end (-inf: not yet read)
        self._today, self._until = 0, -math.inf

    @property
    def daily(self) -> dict[str, np.ndarray]:
        """Per port: day x (decided, inspected) x direction x class, today's included."""
        self._close()
        return self._daily

    def counts(self, port: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`Ledger.counts`, today's bookings included."""
        self._close()
        return super().counts(port)

    def _close(self) -> None:
        """Add the day's gathered bookings to the tables and to its row; gather anew."""
        for port, table in self.tables.items():
            kinds = self._blocks[port] + np.array(self._ones[port], np.int64)
            kinds = kinds.reshape(table.shape)  # (inspected + 2 x illicit, direction, class)
            table += kinds
            today = self._daily[port][self._today]
            today[0] += kinds.sum(axis=0)
            today[1] += kinds[1] + kinds[3]
            self._blocks[port][:] = 0
            self._ones[port] = [0] * (KINDS * CELLS)

    def _next_day(self) -> None:
        """The clock has passed the day's end (or nothing was booked yet): find its day (the
        warm-up's count on day 0, the drain's on the last) and the time just before that
        day's end (a margin far above rounding, far below any gap between decisions that
        matters: in it the day is computed again and found unchanged)."""
        day = math.floor((self.clock() - self.start) / HOURS_PER_DAY)
        day = min(max(day, 0), self.days - 1)
        if day != self._today:
            self._close()
            self._today = day
        last = day == self.days - 1
        self._until = math.inf if last else self.start + (day + 1) * HOURS_PER_DAY - _MARGIN

    def book(self, port: str, counts: np.ndarray) -> None:
        """Book decisions counted per code, on today's row too."""
        if self.clock() >= self._until:
            self._next_day()
        self._blocks[port] += counts

    def add_one(self, port: str, direction: int, cls: int, chosen: bool, illicit: int) -> None:
        """Book one decision, on today's row too."""
        if self.clock() >= self._until:
            self._next_day()
        code = (bool(chosen) + 2 * bool(illicit)) * CELLS + direction * _CLASSES + cls
        self._ones[port][code] += 1


#: hours before a day's end from which :class:`DailyLedger` computes the day again
_MARGIN = 1e-6
_CLASSES = len(TRADER_CLASSES)


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
