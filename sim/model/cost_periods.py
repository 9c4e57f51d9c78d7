"""The cost of each period of a timeline (its dated reforms, or ``periods_at``): each
period's own agency cost scaled to a year, and the cost per consignment of the goods that
arrived in it (``agency_cost_per_year_era_<k>``, ...). The run's figures average the weeks
before a date with those after it: a reform costing 2 M a year from half-way through the
observed days adds 1 M to ``agency_cost_per_year``, and its full 2 M to its period's.

A period's fixed costs are those of its own hours within the observed window (staff on duty
by their schedules, posts, equipment, and the running costs in force then: a dated reform's
from its date); overtime, measured over the whole window only, is shared by hours. Its goods
(by arrival, as the recorder's ``era`` split) bring their own per-consignment costs. The
periods' fixed costs add up to the run's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model import agency_costs as ac
from sim.model.costs import AGENCY_PARTS, HOURS_PER_YEAR, TRADER_PARTS, P
from sim.model.recorder_rows import sums_by

if TYPE_CHECKING:
    from sim.model.costbook import CostBook
    from sim.scenario.schema import Scenario

_AGENCY = [P[k] for k in AGENCY_PARTS]
_TRADER = [P[k] for k in TRADER_PARTS]


class PeriodTally:
    """Per period (by the goods' arrival): the finished consignments and their cost parts."""

    def __init__(self, starts: Sequence[float], parts: int):
        self.starts = np.asarray(starts, float)  # each period's start (hours from the start)
        self.n = np.zeros(len(self.starts), np.int64)
        self.sums = np.zeros((len(self.starts), parts))

    @classmethod
    def of(cls, scenario: Scenario, window: tuple[float, float], parts: int) -> PeriodTally | None:
        """The tally of a scenario's periods that begin before the window ends, as the
        recorder splits clearance (None with fewer than two)."""
        from sim.scenario.timeline import periods

        starts = [t for t, _ in periods(scenario) if t < window[1]]
        return cls(starts, parts) if len(starts) > 1 else None

    def fold(self, arrived: np.ndarray, parts: np.ndarray) -> None:
        """Fold finished consignments' cost parts (rows of ``parts``) by when they arrived."""
        k = np.maximum(np.searchsorted(self.starts, arrived, side="right") - 1, 0)
        self.n += np.bincount(k, minlength=len(self.starts))
        columns = parts.shape[1]
        self.sums += sums_by(k[:, None] * columns + np.arange(columns), parts, len(self.starts))

    def spans(self, window: tuple[float, float]) -> list[tuple[int, float, float]]:
        """Each period's part of the observed ``window``: (its number, start, end), those
        the window does not reach left out."""
        ends = [*self.starts[1:].tolist(), math.inf]
        out = []
        for k, (a, b) in enumerate(zip(self.starts.tolist(), ends, strict=True)):
            lo, hi = max(a, window[0]), min(b, window[1])
            if hi > lo:
                out.append((k, lo, hi))
        return out


def fixed_items(
    book: CostBook,
    lanes: Mapping[str, Mapping[str, list[int] | None]],
    labs: Mapping[str, bool],
    duty: Mapping[str, Mapping[str, float]],
    pools: Mapping[str, ac.Pool],
    span: tuple[float, float] | None = None,
) -> list[dict[str, Any]]:
    """The agency's fixed cost items over ``span`` (default: the observed window): every
    port's staff by schedule, posts and equipment, its overtime (the window's, shared by the
    span's hours), and the overheads of no port (see :mod:`sim.model.agency_costs`)."""
    c, window = book.costs, book.window
    span = span or window
    share = (span[1] - span[0]) / (window[1] - window[0]) if window[1] > window[0] else 1.0
    rows: list[dict[str, Any]] = []
    for port, mode in zip(book.ports, book.modes, strict=True):
        pool = pools.get(port)
        rows += ac.agency_fixed(c, port, mode, lanes[port], labs[port], span, pool)
        for r in ac.overtime_items(c, port, lanes[port], duty.get(port, {}), window, pool):
            rows.append(r if share == 1.0 else {
                **r, "quantity": r["quantity"] * share, "cost": r["cost"] * share})
    return rows + ac.overhead_items(c, book.scenario, book.org_units, span)


def period_metrics(
    book: CostBook,
    lanes: Mapping[str, Mapping[str, list[int] | None]],
    labs: Mapping[str, bool],
    duty: Mapping[str, Mapping[str, float]],
    pools: Mapping[str, ac.Pool],
) -> dict[str, float]:
    """By period of a timeline: its agency cost (fixed costs of its hours + its goods' own)
    scaled to a year, and its goods' agency and total cost per finished consignment (none
    without periods)."""
    tally = book.periods
    if tally is None:
        return {}
    out: dict[str, float] = {}
    for k, start, end in tally.spans(book.window):
        fixed = sum(r["cost"] for r in fixed_items(book, lanes, labs, duty, pools, (start, end)))
        n, sums = int(tally.n[k]), tally.sums[k]
        agency = fixed + float(sums[_AGENCY].sum())
        total = agency + float(sums[_TRADER].sum())
        out[f"agency_cost_per_year_era_{k}"] = agency * HOURS_PER_YEAR / (end - start)
        out[f"agency_cost_per_consignment_era_{k}"] = agency / n if n else math.nan
        out[f"total_cost_per_consignment_era_{k}"] = total / n if n else math.nan
    return out
