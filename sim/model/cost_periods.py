"""The cost of each period of a timeline (its dated reforms, or ``periods_at``): each
period's own agency cost scaled to a year, and the cost per consignment of the goods that
arrived in it (``agency_cost_per_year_era_<k>``, ...). The run's figures average the weeks
before a date with those after it: a reform costing 2 M a year from half-way through the
observed days adds 1 M to ``agency_cost_per_year``, and its full 2 M to its period's.

A period's fixed costs are those of its own hours within the observed window (staff on duty
by their schedules, posts, equipment, and the running costs in force then: a dated reform's
from its date), and the overtime worked in them: each lane's time on duty is measured by
period (:mod:`sim.model.lane_periods`), so a capacity window's extra staff in a peak season
cost that season's period, not every period by its hours (only a lane measured over the
whole window alone, a booking slot's or the organisation's, still shares it by hours). Its goods
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
    from sim.model.port import Port
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
    own: bool = False,
) -> list[dict[str, Any]]:
    """The agency's fixed cost items over ``span`` (default: the observed window): every
    port's staff by schedule, posts and equipment, its overtime, and the overheads of no
    port (see :mod:`sim.model.agency_costs`). ``own``: ``duty`` is the span's own (a
    period's, :func:`period_duties`), and so is its overtime; else ``duty`` is the window's
    and its overtime is shared by the span's hours."""
    c, window = book.costs, book.window
    span = span or window
    share = (span[1] - span[0]) / (window[1] - window[0]) if window[1] > window[0] else 1.0
    share, over = (1.0, span) if own else (share, window)
    rows: list[dict[str, Any]] = []
    for port, mode in zip(book.ports, book.modes, strict=True):
        pool = pools.get(port)
        rows += ac.agency_fixed(c, port, mode, lanes[port], labs[port], span, pool)
        hours = duty.get(port, {})
        for r in ac.overtime_items(c, port, lanes[port], hours, over, pool, window):
            rows.append(r if share == 1.0 else {
                **r, "quantity": r["quantity"] * share, "cost": r["cost"] * share})
    return rows + ac.overhead_items(c, book.scenario, book.org_units, span)


def period_metrics(
    book: CostBook,
    lanes: Mapping[str, Mapping[str, list[int] | None]],
    labs: Mapping[str, bool],
    duty: Mapping[str, Mapping[str, float]],
    pools: Mapping[str, ac.Pool],
    duties: Sequence[Mapping[str, Mapping[str, float]]] | None = None,
) -> dict[str, float]:
    """By period of a timeline: its agency cost (fixed costs of its hours + its goods' own)
    scaled to a year, and its goods' agency and total cost per finished consignment (none
    without periods). ``duties``: each period's own time on duty (:func:`period_duties`;
    without it, the window's ``duty`` shared by hours)."""
    tally = book.periods
    if tally is None:
        return {}
    out: dict[str, float] = {}
    for i, (k, start, end) in enumerate(tally.spans(book.window)):
        own = duties[i] if duties else duty
        items = fixed_items(book, lanes, labs, own, pools, (start, end), own=bool(duties))
        fixed = sum(r["cost"] for r in items)
        n, sums = int(tally.n[k]), tally.sums[k]
        agency = fixed + float(sums[_AGENCY].sum())
        total = agency + float(sums[_TRADER].sum())
        out[f"agency_cost_per_year_era_{k}"] = agency * HOURS_PER_YEAR / (end - start)
        out[f"agency_cost_per_consignment_era_{k}"] = agency / n if n else math.nan
        out[f"total_cost_per_consignment_era_{k}"] = total / n if n else math.nan
    return out


def period_duties(
    book: CostBook,
    ports: Sequence[Port],
    resources: list[dict[str, Any]],
    lanes: dict[str, dict[str, list[int] | None]],
    utilisation: dict[tuple[str, str], float],
) -> list[dict[str, dict[str, float]]] | None:
    """Each period's own server-hours on duty by port and lane (as the window's, see
    :func:`sim.model.tables.lane_duty`), from the lanes' period marks: a capacity window's
    extra staff in the hours it falls in. None without periods, or if the lanes were not
    marked at the periods' edges."""
    from sim.model.tables import lane_duty

    tally = book.periods
    if tally is None:
        return None
    spans = tally.spans(book.window)
    measured: dict[tuple[str, str], list[float]] = {}
    for p in ports:  # (a review centre's lane is none of its ports': its image officers)
        centre = [p.image_officers] if p.image_officers is not None else []
        for lane in [*p.lanes.values(), *centre]:
            measured[(lane.port, lane.name)] = lane.period_duty()
    if any(len(hours) != len(spans) for hours in measured.values()):
        return None
    return [
        lane_duty(resources, list(ports), lanes, dict(utilisation), (start, end),
                  {name: hours[i] for name, hours in measured.items()})
        for i, (_, start, end) in enumerate(spans)
    ]  # fmt: skip
