"""Doing Business's "Trading across Borders" figures read from a run (``trading-across-
borders.csv`` of a results folder): for each port and direction (and trader class there),
the time and cost of documentary compliance and of border compliance, as that study splits
a shipment's time and cost (research note: published figures §2.5), derived from the
replications' milestone intervals (``rep-NNNN-intervals.csv``) and cost tables
(``rep-NNNN-costs.csv``), then the mean over replications with its 95 % Student-t interval;
in a comparison, each option's difference from the baseline, paired by replication.

Nothing here is simulated again: the times are sums of the intervals' hours per consignment
(:data:`DOCUMENTARY` and :data:`BORDER` stretches), the costs sums of the cost table's
items. Where the model's scope differs from the study's is said in docs/trading-across-
borders.md."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from sim import stretches
from sim.experiment.smuggling_series import paired_diffs, summarised
from sim.model.costs import TRADER_PARTS

FILE = "trading-across-borders.csv"
KEYS = ["dimension", "group", "port", "direction", "trader_class"]
#: the rows kept: a port and direction (the study measures one port, one direction), and a
#: trader class there
DIMENSIONS = ("port_direction", "port_direction_class")
#: the segments' stretches: of documentary compliance, of border compliance (in route order)
#: and outside both (stretch: column), each stretch's segment declared with it in
#: sim/stretches.py
DOCUMENTARY, BORDER, OUTSIDE = stretches.DOCUMENTARY, stretches.BORDER, stretches.OUTSIDE
#: the kinds of stretch that make up a consignment's flow (the others add nothing)
_FLOW_KINDS = ("to_release", "after_release")
#: the trader's fees of each segment (the cost table's items); the rest of its fees
#: (``other_fees``) are none of the study's segments
DOCUMENTARY_COST = ("broker",)
BORDER_COST = ("terminal_handling", "storage", "inspection_handling", "attendance", "treatment")
#: the trader's fees of neither segment: reefer power (the study's product needs none), the
#: return or destruction of rejected goods and their storage meanwhile, a two-step
#: declaration's guarantee, a recall
OTHER_COST = ("reefer", "rejection", "guarantee", "recall", "disposal_storage")
#: the figures given with their interval (and, in a comparison, paired with the baseline)
FIGURES = (
    "documentary_time_h", "border_time_h", *OUTSIDE.values(),
    "documentary_cost", "border_cost", "other_fees", "trader_fees", "value_of_time",
    "documentary_cost_per_container", "border_cost_per_container",
)  # fmt: skip


def of_replication(intervals: pd.DataFrame, costs: pd.DataFrame | None) -> pd.DataFrame:
    """One replication's table: per port and direction (and class there) its
    ``consignments`` (released, out of the flow), the documentary and border hours per
    consignment, the hours outside both (:data:`OUTSIDE`), and with ``costs`` the trader's
    fees by segment per consignment and per container. A stretch of the flow in
    ``intervals`` that no segment names is a ``ValueError`` (a new stretch must be placed,
    not dropped)."""
    flow = intervals[intervals["kind"].isin(_FLOW_KINDS)]
    placed = {*DOCUMENTARY, *BORDER, *OUTSIDE}
    unplaced = sorted(set(flow["interval"]) - placed)
    if unplaced:
        raise ValueError(
            f"milestone intervals {', '.join(unplaced)} are in no segment of the trading-"
            "across-borders table; give each its segment in sim.stretches.STRETCHES (whence "
            f"DOCUMENTARY, BORDER or OUTSIDE of {__name__})"
        )
    flow = _keyed(flow[flow["dimension"].isin(DIMENSIONS)])
    hours = flow.pivot_table(index=KEYS, columns="interval", values="per_consignment_h",
                             aggfunc="first")  # fmt: skip
    hours = hours.reindex(columns=sorted(placed), fill_value=0.0).fillna(0.0)
    out = pd.DataFrame(index=hours.index)
    out["consignments"] = flow.groupby(KEYS)["consignments"].first()
    out["documentary_time_h"] = hours[list(DOCUMENTARY)].sum(axis=1)
    out["border_time_h"] = hours[list(BORDER)].sum(axis=1)
    for stretch, column in OUTSIDE.items():
        out[column] = hours[stretch]
    out = out.join(_costs(costs), how="left") if costs is not None else out
    return out.reindex(columns=["consignments", *FIGURES]).reset_index()


def _keyed(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its keys as text, an empty part (a port and direction's class) ``""``."""
    return table.assign(**{k: table[k].astype(object).fillna("").astype(str) for k in KEYS})


def _costs(costs: pd.DataFrame) -> pd.DataFrame:
    """The trader's fees by segment, per finished consignment and per container, indexed
    by :data:`KEYS`."""
    fees = [p for p in TRADER_PARTS if not p.startswith("time_")]
    unplaced = sorted(set(fees) - {*DOCUMENTARY_COST, *BORDER_COST, *OTHER_COST})
    if unplaced:
        raise ValueError(
            f"trader cost items {', '.join(unplaced)} are in no segment of the trading-across-"
            f"borders table; place each in DOCUMENTARY_COST, BORDER_COST or OTHER_COST of "
            f"{__name__}"
        )
    t = _keyed(costs[costs["dimension"].isin(DIMENSIONS)]).set_index(KEYS)
    out = pd.DataFrame(index=t.index)
    out["documentary_cost"] = t[list(DOCUMENTARY_COST)].sum(axis=1)
    out["border_cost"] = t[list(BORDER_COST)].sum(axis=1)
    out["other_fees"] = t[list(OTHER_COST)].sum(axis=1)
    out["trader_fees"] = t["trader_fees"]
    out["value_of_time"] = t["time"]
    boxes = t["containers"].where(t["containers"] > 0)  # (a truck or a parcel counts as one)
    out["documentary_cost_per_container"] = out["documentary_cost"] / boxes
    out["border_cost_per_container"] = out["border_cost"] / boxes
    return out


def _stacked(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' tables stacked, with ``replication``."""
    parts = [f.assign(replication=r) for r, f in frames.items() if not f.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def summarise_trading(
    frames: Mapping[int, pd.DataFrame],
    modes: Mapping[str, str] | None = None,
    currency: str = "",
) -> pd.DataFrame:
    """One row per port, direction (and class) over the replications ``frames``
    (replication -> :func:`of_replication`): its ``mode`` (from ``modes``, port -> mode),
    ``reps``, the mean ``consignments`` and of each of :data:`FIGURES` with
    ``<figure>_ci_low`` and ``<figure>_ci_high``; with costs, ``currency`` (the scenario's
    ``costs.currency``) before them."""
    t = _stacked(frames)
    if t.empty:
        return pd.DataFrame(columns=[*KEYS, "mode", "reps"])
    figures = [c for c in FIGURES if t[c].notna().any()]
    out = summarised(t, KEYS, ["consignments", *figures], [])
    mode = out["port"].map(dict(modes or {})).astype(object).fillna("")
    out.insert(KEYS.index("port") + 1, "mode", mode)
    ci = [c for c in out.columns if c.startswith("consignments_ci")]
    out = out.drop(columns=ci)
    if "documentary_cost" in out:
        out.insert(list(out.columns).index("documentary_cost"), "currency", currency)
    return out


def compare_trading(
    options: Mapping[str, Mapping[int, pd.DataFrame]],
    baseline: str,
    modes: Mapping[str, str] | None = None,
    currency: str = "",
) -> pd.DataFrame:
    """:func:`summarise_trading` of each option, with an ``option`` column and, for each of
    :data:`FIGURES`, ``<figure>_diff`` and its interval: the option minus ``baseline`` in
    each replication both have the row, paired."""
    base = _stacked(options.get(baseline, {}))
    parts = []
    for name, frames in options.items():
        level = summarise_trading(frames, modes, currency)
        if level.empty or base.empty:
            continue
        mine = _stacked(frames).merge(base, on=[*KEYS, "replication"], how="inner",
                                      suffixes=("", "_base"))  # fmt: skip
        paired = [c for c in FIGURES if c in level and f"{c}_base" in mine]
        paired_diffs(level, mine, KEYS, paired)
        parts.append(level.assign(option=name)[["option", *level.columns]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def folder_frames(reps_dir: Path, reps: Sequence[int]) -> dict[int, pd.DataFrame]:
    """:func:`of_replication` of each replication of ``reps`` whose intervals table is in
    ``reps_dir`` (its cost table too, when the scenario has ``[costs]``), each read as a
    report reads a folder's file (never through a link: a ``ResultsFolderError`` naming it)."""
    from sim.report.folder import read_csv

    out = {}
    for r in reps:
        intervals = reps_dir / f"rep-{r:04d}-intervals.csv"
        if not intervals.exists() or intervals.stat().st_size == 0:
            continue
        costs = reps_dir / f"rep-{r:04d}-costs.csv"
        has_costs = costs.exists() and costs.stat().st_size > 0
        out[r] = of_replication(read_csv(intervals),
                                read_csv(costs) if has_costs else None)  # fmt: skip
    return out


def port_modes(folder: Path) -> dict[str, str]:
    """Each port's mode, from the folder's ``scenario.json`` (none when it cannot be read)."""
    try:
        ports = json.loads((folder / "scenario.json").read_text(encoding="utf-8"))["ports"]
        return {str(p): str(v.get("mode", "")) for p, v in ports.items()}
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return {}


def currency_of(folder: Path) -> str:
    """The scenario's ``costs.currency``, from the folder's ``scenario.json`` ("" without)."""
    try:
        text = (folder / "scenario.json").read_text(encoding="utf-8")
        costs = json.loads(text).get("costs") or {}
        return str(costs.get("currency", ""))
    except (OSError, ValueError, AttributeError, TypeError):
        return ""

