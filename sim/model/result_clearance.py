"""The metrics of a run's clearance table (see :meth:`sim.model.result.RunResult.metrics`):
clearance and overall clearance, pooled, by direction and at each port and direction; the
shares within each time target; customs' part (declared to release); each trader class's
figures; each commodity's; a timeline's periods; goods apart from a post hub's parcels;
each channel's, pooled and at each port and direction; imports in transit apart from those
cleared directly and those under clearance integration; exports' departures."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import pandas as pd

from sim.model.recorder_rows import ARRIVALS
from sim.model.result_channels import by_channel, by_port_channel
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

_STATS = ("mean_h", "median_h", "p90_h", "p95_h")
#: what the share within each time target is called, by the times it is of
_WITHIN = {"clearance": "released", "overall_clearance": "exited"}


def within_columns(c: pd.DataFrame) -> list[str]:
    """The clearance table's shares within a time target (``within_24h``, ...)."""
    return [str(k) for k in c.columns if str(k).startswith("within_")]


#: one row of the clearance table, as a dict of its columns
Row = dict[Hashable, Any]


class ClearanceRows:
    """The clearance table's rows as dicts, each kept once under its metric: every split
    below picks its rows from these lists. Filtering the DataFrame itself (a boolean mask, a
    ``set_index``) for each of a few dozen lookups cost more than the small run it reads."""

    def __init__(self, c: pd.DataFrame):
        self.within = within_columns(c)
        self.rows: list[Row] = c.to_dict("records")
        self.by_metric: dict[Any, list[Row]] = {}
        for r in self.rows:
            self.by_metric.setdefault(r["metric"], []).append(r)

    def of(self, metric: str, dimension: str | None = None) -> list[Row]:
        """``metric``'s rows in the table's order (of one ``dimension`` if given)."""
        rows = self.by_metric.get(metric, [])
        return rows if dimension is None else [r for r in rows if r["dimension"] == dimension]

    def ports(self) -> list[Any]:
        """The ports the clearance figures name, in the table's order."""
        return [r["group"] for r in self.of("clearance", "port")]


class _Groups:
    """Rows by (dimension, group), looked up in a dict (the first row of a repeated group,
    as ``DataFrame.loc``'s)."""

    def __init__(self, rows: list[Row], within: list[str]):
        self.keys = (*_STATS, *within)
        self.rows: dict[Any, Row] = {}
        for r in rows:
            self.rows.setdefault((r["dimension"], r["group"]), r)

    def row(self, dimension: str, group: str) -> dict[str, float]:
        """One group's statistics, and its shares within each time target (NaN when no
        consignment of the group was released)."""
        r = self.rows.get((dimension, group))
        if r is None:
            return dict.fromkeys(self.keys, math.nan)
        return {k: float(r[k]) for k in self.keys}


def _by_class(t: ClearanceRows) -> dict[str, float]:
    """Each trader class at each port and direction: what a class buys where it trades,
    which a class's figure pooled over the ports would mix with where it trades. Its mean
    clearance (``clearance_h_mean_<class>_port_<port>_<direction>``) and its share released
    within each time target (``released_within_24h_<class>_port_<port>_<direction>``), and
    its 90th percentile (``clearance_h_p90_<class>_port_<port>_<direction>``): the tail a
    trader plans stock and demurrage by, which the class's p90 pooled over the ports would
    mix with where it trades."""
    out = {}
    for r in t.of("clearance", "port_direction_class"):
        port, direction, cls = str(r["group"]).split("/")
        where = f"{cls}_port_{port}_{direction}"
        out[f"clearance_h_mean_{where}"] = float(r["mean_h"])
        out[f"clearance_h_p90_{where}"] = float(r["p90_h"])
        for col in t.within:
            out[f"released_{col}_{where}"] = float(r[col])
    return out


def _by_class_direction(t: ClearanceRows) -> dict[str, float]:
    """Each trader class's imports and exports, over every port: mean, median and p90 of
    clearance (``clearance_h_p90_aeo_advanced_import``) and the share released within each
    time target (``released_within_2h_aeo_advanced_import``: an AEO's service standard); a
    table without the split gives none. The agencies' own hours by class are the intervals
    table's (its ``port_direction_class`` rows), not declared-to-release, which counts the
    trader's duty payment too."""
    table = t.of("clearance", "direction_class")
    if not table:
        return {}
    groups = _Groups(table, t.within)
    out = {}
    for d in DIRECTIONS:
        for cls in TRADER_CLASSES:
            at = groups.row("direction_class", f"{d}/{cls}")
            for stat in ("mean", "median", "p90"):
                out[f"clearance_h_{stat}_{cls}_{d}"] = at[f"{stat}_h"]
            for col in t.within:
                out[f"released_{col}_{cls}_{d}"] = at[col]
    return out


def _by_stage(t: ClearanceRows, metric: str) -> dict[str, float]:
    """One Time Release Study stage's mean, median and p90 hours overall, by direction and
    at every port and direction (``<metric>_h_<stat>[_<direction>|_port_<port>_<d>]``; a
    table without the measure gives none)."""
    table = t.of(metric)
    if not table:
        return {}
    groups, out = _Groups(table, t.within), {}
    for dimension, group, suffix in (
        ("all", "all", ""), *(("direction", d, f"_{d}") for d in DIRECTIONS)
    ):
        at = groups.row(dimension, group)
        for stat in ("mean", "median", "p90"):
            out[f"{metric}_h_{stat}{suffix}"] = at[f"{stat}_h"]
    for port in t.ports():
        for d in DIRECTIONS:
            at = groups.row("port_direction", f"{port}/{d}")
            for stat in ("mean", "median", "p90"):
                out[f"{metric}_h_{stat}_port_{port}_{d}"] = at[f"{stat}_h"]
    return out


def _declared_to_release(t: ClearanceRows) -> dict[str, float]:
    """Lodgement to release: from when the goods are there and declared (the later of
    arrival and lodging) to release, every wait after lodgement included (the trader's duty
    payment too: not the agencies' own time, which the intervals give)."""
    return _by_stage(t, "declared_to_release")


def _arrival_to_lodgement(t: ClearanceRows) -> dict[str, float]:
    """Arrival to lodgement: the trader's time after the goods arrive before the declaration
    is lodged (0 for one lodged in advance), the stage pre-arrival lodgement removes."""
    return _by_stage(t, "arrival_to_lodgement")


def _release_to_exit(t: ClearanceRows) -> dict[str, float]:
    """Release to exit: from customs' release to the end of the flow (an import's exit
    through the gate, an export's loading), of the consignments out of the flow."""
    return _by_stage(t, "release_to_exit")


def _by_era(t: ClearanceRows) -> dict[str, float]:
    """With a timeline, mean clearance and overall clearance by the period the goods arrived
    in (``clearance_h_mean_era_1``), pooled, by direction (``..._era_1_import``) and by
    port and direction (``..._era_1_port_post_hub_import``: a hub's own peak day): the
    before and after of its dated reforms (a table without periods gives none); and the
    shares within each time target (``released_within_24h_era_1_import``), so that a
    service standard can be read for a peak or a reform's period, not only over the run."""
    out = {}
    for metric in ("clearance", "overall_clearance"):
        for r in t.of(metric):
            if r["dimension"] not in ("era", "era_direction", "era_port_direction"):
                continue
            era, *rest = str(r["group"]).split("/")
            where = f"_port_{rest[0]}_{rest[1]}" if len(rest) == 2 else "".join(
                f"_{d}" for d in rest)
            suffix = f"_{era}{where}"
            out[f"{metric}_h_mean{suffix}"] = float(r["mean_h"])
            for col in t.within:
                out[f"{_WITHIN[metric]}_{col}{suffix}"] = float(r[col])
    return out


def _goods(t: ClearanceRows) -> dict[str, float]:
    """Where a post hub runs beside goods ports, clearance and overall clearance of goods
    declarations by direction, parcels left out (``clearance_h_mean_goods_import``): China
    counts parcel lists apart, and a hub's parcels, released in seconds, dominate a pooled
    median (a table without the split gives none)."""
    if not any(r["dimension"] == "goods_direction" for r in t.rows):
        return {}
    out = {}
    for metric in ("clearance", "overall_clearance"):
        by = _Groups(t.of(metric, "goods_direction"), t.within)
        for d in DIRECTIONS:
            at = by.row("goods_direction", d)
            for stat in ("mean", "median", "p90"):
                out[f"{metric}_h_{stat}_goods_{d}"] = at[f"{stat}_h"]
    return out


def _by_transit(t: ClearanceRows) -> dict[str, float]:
    """Where goods come in transit (转关), imports in transit, imports cleared directly and
    imports under clearance integration (通关一体化: those it took out of transit) apart:
    clearance and overall clearance's mean and p90 (``clearance_h_p90_transit_import``; a
    transit consignment's from its arrival at the entry port, as the WCO Time Release Study
    counts) and how many customs released (``clearance_n_integrated_import``; 0 and NaN
    times for a group with none). A table without the split gives none."""
    if not any(r["dimension"] == "transit_direction" for r in t.rows):
        return {}
    out: dict[str, float] = {}
    for metric in ("clearance", "overall_clearance"):
        by = _Groups(t.of(metric, "transit_direction"), t.within)
        for kind in ARRIVALS:
            at = by.row("transit_direction", f"{kind}/import")
            for stat in ("mean", "p90"):
                out[f"{metric}_h_{stat}_{kind}_import"] = at[f"{stat}_h"]
            if metric == "clearance":
                row = by.rows.get(("transit_direction", f"{kind}/import"))
                out[f"clearance_n_{kind}_import"] = float(row["n"]) if row else 0.0
    return out


def _clearance(t: ClearanceRows) -> dict[str, float]:
    """Clearance and overall clearance: pooled, by port, and for imports and exports apart
    (China publishes them apart, never pooled: every direction is named, NaN when a run has
    none of it), overall and at every port; with the shares within each time target
    (``released_within_24h``, ``exited_within_48h_port_sea_port_import``)."""
    out: dict[str, float] = {}
    within = t.within
    for metric in ("clearance", "overall_clearance"):
        row = t.of(metric, "all")[0]
        for stat in ("mean", "median", "p90", "p95"):
            out[f"{metric}_h_{stat}"] = float(row[f"{stat}_h"])
        prefix = _WITHIN[metric]
        for col in within:
            out[f"{prefix}_{col}"] = float(row[col])
        ports = [r["group"] for r in t.of(metric, "port")]
        for r in t.of(metric, "port"):
            out[f"{metric}_h_mean_port_{r['group']}"] = float(r["mean_h"])
        groups = _Groups(t.of(metric), within)
        for d in DIRECTIONS:
            by_d = groups.row("direction", d)
            for stat in ("mean", "median", "p90", "p95"):
                out[f"{metric}_h_{stat}_{d}"] = by_d[f"{stat}_h"]
            for col in within:
                out[f"{prefix}_{col}_{d}"] = by_d[col]
            for port in ports:
                at = groups.row("port_direction", f"{port}/{d}")
                out[f"{metric}_h_mean_port_{port}_{d}"] = at["mean_h"]
                out[f"{metric}_h_median_port_{port}_{d}"] = at["median_h"]
                out[f"{metric}_h_p90_port_{port}_{d}"] = at["p90_h"]
                for col in within:
                    out[f"{prefix}_{col}_port_{port}_{d}"] = at[col]
    return out


def _departures(t: ClearanceRows) -> dict[str, float]:
    """Exports' time from arrival to their vessel's, flight's or truck's departure, overall
    and at every port (NaN where none left; a table without the measure gives none)."""
    table = t.of("departure")
    if not table:
        return {}
    dep = _Groups(table, t.within)
    by = dep.row("direction", "export")
    out = {f"departure_h_{s}_export": by[f"{s}_h"] for s in ("mean", "p90")}
    for port in t.ports():
        at = dep.row("port_direction", f"{port}/export")
        out[f"departure_h_mean_port_{port}_export"] = at["mean_h"]
    return out


def _by_commodity(t: ClearanceRows) -> dict[str, float]:
    """Each commodity group's clearance over every port and direction: mean, median and p90
    (``clearance_h_p90_commodity_frozen``), the share released within each time target and
    overall clearance's mean and p90, the time the goods sit at the terminal running up
    storage. What a declarant quotes a client by the goods it imports; named for each
    commodity the run released (as the classes where they trade)."""
    out = {}
    for metric in ("clearance", "overall_clearance"):
        for r in t.of(metric, "commodity"):
            at = f"commodity_{r['group']}"
            stats = ("mean", "median", "p90") if metric == "clearance" else ("mean", "p90")
            for stat in stats:
                out[f"{metric}_h_{stat}_{at}"] = float(r[f"{stat}_h"])
            if metric == "clearance":
                for col in t.within:
                    out[f"released_{col}_{at}"] = float(r[col])
    return out


def clearance_metrics(c: pd.DataFrame) -> dict[str, float]:
    """Every metric of a clearance table (a table without a split gives none of it)."""
    t = ClearanceRows(c)
    out = _clearance(t)
    for split in (_departures, _declared_to_release, _arrival_to_lodgement, _release_to_exit,
                  _by_era, _goods, _by_class, _by_class_direction, _by_commodity, _by_transit,
                  by_channel, by_port_channel):
        out.update(split(t))
    return out
