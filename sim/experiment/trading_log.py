"""Documentary and border compliance consignment by consignment, from a per-consignment log
(``RunResult.log``, or a results folder's ``rep-NNNN-log.parquet`` of a run with ``--log``):
the same segments as ``trading-across-borders.csv`` (:mod:`sim.experiment.trading_table`),
so their distribution can be read, median and p90 as a Time Release Study reports them, and
for a standard shipment alone (one commodity, one trader class, one container), as Doing
Business defines its case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from sim.experiment.trading_table import (
    BORDER,
    BORDER_COST,
    DOCUMENTARY,
    DOCUMENTARY_COST,
    OTHER_COST,
    OUTSIDE,
)
from sim.model.intervals import of_log
from sim.scenario.schema import TRADER_CLASSES

TIMES = ("documentary_time_h", "border_time_h")
COSTS = ("documentary_cost", "border_cost")
#: the figures of each time and cost, over the consignments of a port and direction
STATS: dict[str, Callable[[np.ndarray], float]] = {
    "mean": lambda v: float(np.mean(v)), "median": lambda v: float(np.median(v)),
    "p90": lambda v: float(np.quantile(v, 0.9)), "p95": lambda v: float(np.quantile(v, 0.95)),
}


def per_consignment(log: pd.DataFrame, scenario: Any) -> pd.DataFrame:
    """Each consignment of the cohort out of the flow (outcome ``released``): its port,
    direction, commodity, trader class and containers, its documentary and border hours,
    the hours outside both, and (when the log has cost columns) its fees by segment."""
    done = log[log["cohort"].astype(bool) & (log["outcome"].astype(str) == "released")]
    hours = {k: np.nan_to_num(v) for k, v in of_log(done, scenario).hours.items()}
    keys = ["port", "direction", "commodity", "trader_class"]
    out = done[keys].astype(str).reset_index(drop=True)
    out["containers"] = done["containers"].to_numpy()
    out["documentary_time_h"] = sum(hours[s] for s in DOCUMENTARY)
    out["border_time_h"] = sum(hours[s] for s in BORDER)
    for stretch, column in OUTSIDE.items():
        out[column] = hours[stretch]
    if "cost_broker" in done:
        for column, items in (("documentary_cost", DOCUMENTARY_COST),
                              ("border_cost", BORDER_COST), ("other_fees", OTHER_COST)):
            out[column] = done[[f"cost_{i}" for i in items]].sum(axis=1).to_numpy()
    return out


def distribution(
    log: pd.DataFrame,
    scenario: Any,
    commodity: str | None = None,
    trader_class: str | None = None,
    containers: int | None = None,
) -> pd.DataFrame:
    """Per port and direction, over the consignments of :func:`per_consignment` that are of
    ``commodity``, ``trader_class`` and ``containers`` (None: any): ``consignments`` and the
    mean, median, p90 and p95 of each time (and cost, when the log has them), as
    ``<figure>_<stat>``, and ``advance_share``, the share with no documentary time (lodged
    before arrival). A value the scenario cannot have is a ``ValueError`` naming it and
    what is allowed."""
    _check("commodity", commodity, list(scenario.commodities))
    _check("trader_class", trader_class, list(TRADER_CLASSES))
    if containers is not None and containers < 1:
        raise ValueError(f"containers: {containers!r} is not allowed; a whole number, 1 or more")
    each = per_consignment(log, scenario)
    for name, value in (("commodity", commodity), ("trader_class", trader_class),
                        ("containers", containers)):  # fmt: skip
        if value is not None:
            each = each[each[name] == value]
    figures = [c for c in (*TIMES, *COSTS) if c in each]
    rows = []
    for (port, direction), group in each.groupby(["port", "direction"], sort=True):
        row: dict[str, Any] = {"port": port, "direction": direction, "consignments": len(group)}
        for col in figures:
            values = group[col].to_numpy(float)
            row.update({f"{col}_{k}": f(values) for k, f in STATS.items()})
        row["advance_share"] = float((group["documentary_time_h"] == 0).mean())
        rows.append(row)
    return pd.DataFrame(rows, columns=_columns(figures))


def _columns(figures: Sequence[str]) -> list[str]:
    """The distribution's columns in order."""
    return ["port", "direction", "consignments",
            *(f"{c}_{k}" for c in figures for k in STATS), "advance_share"]  # fmt: skip


def _check(field: str, value: str | None, allowed: list[str]) -> None:
    """A ``ValueError`` naming ``field``, ``value`` and the ``allowed`` values when it is
    not one of them (None: any)."""
    if value is not None and value not in allowed:
        raise ValueError(f"{field}: {value!r} is not in the scenario; allowed: "
                         f"{', '.join(allowed)}")  # fmt: skip
