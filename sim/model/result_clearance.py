"""The metrics of a run's clearance table (see :meth:`sim.model.result.RunResult.metrics`):
clearance and overall clearance, pooled, by direction and at each port and direction; the
shares within each time target; customs' part (declared to release); each trader class's
figures; each commodity's; a timeline's periods; goods apart from a post hub's parcels;
exports' departures."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import pandas as pd

from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

_STATS = ("mean_h", "median_h", "p90_h", "p95_h")
#: what the share within each time target is called, by the times it is of
_WITHIN = {"clearance": "released", "overall_clearance": "exited"}


def within_columns(c: pd.DataFrame) -> list[str]:
    """The clearance table's shares within a time target (``within_24h``, ...)."""
    return [str(k) for k in c.columns if str(k).startswith("within_")]


class _Groups:
    """A table's rows by (dimension, group), looked up in a dict: each of the hundreds of
    lookups of a run's metrics through ``DataFrame.loc`` cost about a millisecond."""

    def __init__(self, groups: pd.DataFrame):
        self.keys = (*_STATS, *within_columns(groups))
        self.rows: dict[Any, dict[Hashable, Any]] = {}
        records = groups[list(self.keys)].to_dict("records")
        for at, r in zip(groups.index, records, strict=True):
            self.rows.setdefault(at, r)  # (the first row of a repeated group, as .loc's)

    def row(self, dimension: str, group: str) -> dict[str, float]:
        """One group's statistics, and its shares within each time target (NaN when no
        consignment of the group was released)."""
        r = self.rows.get((dimension, group))
        if r is None:
            return dict.fromkeys(self.keys, math.nan)
        return {k: float(r[k]) for k in self.keys}


def _by_class(c: pd.DataFrame) -> dict[str, float]:
    """Each trader class at each port and direction: what a class buys where it trades,
    which a class's figure pooled over the ports would mix with where it trades. Its mean
    clearance (``clearance_h_mean_<class>_port_<port>_<direction>``) and its share released
    within each time target (``released_within_24h_<class>_port_<port>_<direction>``)."""
    out = {}
    rows = c[(c.metric == "clearance") & (c.dimension == "port_direction_class")]
    within = within_columns(c)
    for r in rows.to_dict("records"):
        port, direction, cls = str(r["group"]).split("/")
        where = f"{cls}_port_{port}_{direction}"
        out[f"clearance_h_mean_{where}"] = float(r["mean_h"])
        for col in within:
            out[f"released_{col}_{where}"] = float(r[col])
    return out


def _by_class_direction(c: pd.DataFrame) -> dict[str, float]:
    """Each trader class's imports and exports, over every port: mean, median and p90 of
    clearance (``clearance_h_p90_aeo_advanced_import``) and the share released within each
    time target (``released_within_2h_aeo_advanced_import``: an AEO's service standard); a
    table without the split gives none. The agencies' own hours by class are the intervals
    table's (its ``port_direction_class`` rows), not declared-to-release, which counts the
    trader's duty payment too."""
    table = c[(c.dimension == "direction_class") & (c.metric == "clearance")]
    if table.empty:
        return {}
    groups = _Groups(table.set_index(["dimension", "group"]))
    out = {}
    for d in DIRECTIONS:
        for cls in TRADER_CLASSES:
            at = groups.row("direction_class", f"{d}/{cls}")
            for stat in ("mean", "median", "p90"):
                out[f"clearance_h_{stat}_{cls}_{d}"] = at[f"{stat}_h"]
            for col in within_columns(c):
                out[f"released_{col}_{cls}_{d}"] = at[col]
    return out


def _declared_to_release(c: pd.DataFrame) -> dict[str, float]:
    """Lodgement to release: from when the goods are there and declared (the later of
    arrival and lodging) to release, every wait after lodgement included (the trader's duty
    payment too: not the agencies' own time, which the intervals give); overall, by
    direction and at every port and direction (a table without the measure gives none)."""
    table = c[c.metric == "declared_to_release"].set_index(["dimension", "group"])
    if table.empty:
        return {}
    lodged, out = _Groups(table), {}
    for dimension, group, suffix in (
        ("all", "all", ""), *(("direction", d, f"_{d}") for d in DIRECTIONS)
    ):
        at = lodged.row(dimension, group)
        for stat in ("mean", "median", "p90"):
            out[f"declared_to_release_h_{stat}{suffix}"] = at[f"{stat}_h"]
    for port in c.loc[(c.metric == "clearance") & (c.dimension == "port"), "group"]:
        for d in DIRECTIONS:
            at = lodged.row("port_direction", f"{port}/{d}")
            for stat in ("mean", "median", "p90"):
                out[f"declared_to_release_h_{stat}_port_{port}_{d}"] = at[f"{stat}_h"]
    return out


def _by_era(c: pd.DataFrame) -> dict[str, float]:
    """With a timeline, mean clearance and overall clearance by the period the goods arrived
    in (``clearance_h_mean_era_1``), pooled and by direction (``..._era_1_import``): the
    before and after of its dated reforms (a table without periods gives none)."""
    out = {}
    rows = c[c.dimension.isin(("era", "era_direction"))]
    for metric in ("clearance", "overall_clearance"):
        of = rows[rows.metric == metric]
        for group, mean in zip(of["group"].astype(str), of["mean_h"], strict=True):
            era, _, direction = group.partition("/")
            out[f"{metric}_h_mean_{era}" + (f"_{direction}" if direction else "")] = float(mean)
    return out


def _goods(c: pd.DataFrame) -> dict[str, float]:
    """Where a post hub runs beside goods ports, clearance and overall clearance of goods
    declarations by direction, parcels left out (``clearance_h_mean_goods_import``): China
    counts parcel lists apart, and a hub's parcels, released in seconds, dominate a pooled
    median (a table without the split gives none)."""
    rows = c[c.dimension == "goods_direction"].set_index(["dimension", "group"])
    if rows.empty:
        return {}
    out = {}
    for metric in ("clearance", "overall_clearance"):
        by = _Groups(rows[rows.metric == metric])
        for d in DIRECTIONS:
            at = by.row("goods_direction", d)
            for stat in ("mean", "median", "p90"):
                out[f"{metric}_h_{stat}_goods_{d}"] = at[f"{stat}_h"]
    return out


def _clearance(c: pd.DataFrame) -> dict[str, float]:
    """Clearance and overall clearance: pooled, by port, and for imports and exports apart
    (China publishes them apart, never pooled: every direction is named, NaN when a run has
    none of it), overall and at every port; with the shares within each time target
    (``released_within_24h``, ``exited_within_48h_port_sea_port_import``)."""
    out: dict[str, float] = {}
    within = within_columns(c)
    for metric in ("clearance", "overall_clearance"):
        row = c[(c.metric == metric) & (c.dimension == "all")].iloc[0]
        for stat in ("mean", "median", "p90", "p95"):
            out[f"{metric}_h_{stat}"] = float(row[f"{stat}_h"])
        prefix = _WITHIN[metric]
        for col in within:
            out[f"{prefix}_{col}"] = float(row[col])
        ports = c[(c.metric == metric) & (c.dimension == "port")]
        for _, r in ports.iterrows():
            out[f"{metric}_h_mean_port_{r['group']}"] = float(r["mean_h"])
        groups = _Groups(c[c.metric == metric].set_index(["dimension", "group"]))
        for d in DIRECTIONS:
            by_d = groups.row("direction", d)
            for stat in ("mean", "median", "p90", "p95"):
                out[f"{metric}_h_{stat}_{d}"] = by_d[f"{stat}_h"]
            for col in within:
                out[f"{prefix}_{col}_{d}"] = by_d[col]
            for port in ports["group"]:
                at = groups.row("port_direction", f"{port}/{d}")
                out[f"{metric}_h_mean_port_{port}_{d}"] = at["mean_h"]
                out[f"{metric}_h_median_port_{port}_{d}"] = at["median_h"]
                out[f"{metric}_h_p90_port_{port}_{d}"] = at["p90_h"]
                for col in within:
                    out[f"{prefix}_{col}_port_{port}_{d}"] = at[col]
    return out


def _departures(c: pd.DataFrame) -> dict[str, float]:
    """Exports' time from arrival to their vessel's, flight's or truck's departure, overall
    and at every port (NaN where none left; a table without the measure gives none)."""
    table = c[c.metric == "departure"].set_index(["dimension", "group"])
    if table.empty:
        return {}
    dep = _Groups(table)
    by = dep.row("direction", "export")
    out = {f"departure_h_{s}_export": by[f"{s}_h"] for s in ("mean", "p90")}
    for port in c.loc[(c.metric == "clearance") & (c.dimension == "port"), "group"]:
        at = dep.row("port_direction", f"{port}/export")
        out[f"departure_h_mean_port_{port}_export"] = at["mean_h"]
    return out


def _by_commodity(c: pd.DataFrame) -> dict[str, float]:
    """Each commodity group's clearance over every port and direction: mean, median and p90
    (``clearance_h_p90_commodity_frozen``), the share released within each time target and
    overall clearance's mean and p90, the time the goods sit at the terminal running up
    storage. What a declarant quotes a client by the goods it imports; named for each
    commodity the run released (as the classes where they trade)."""
    out = {}
    for metric in ("clearance", "overall_clearance"):
        rows = c[(c.metric == metric) & (c.dimension == "commodity")]
        for r in rows.to_dict("records"):
            at = f"commodity_{r['group']}"
            stats = ("mean", "median", "p90") if metric == "clearance" else ("mean", "p90")
            for stat in stats:
                out[f"{metric}_h_{stat}_{at}"] = float(r[f"{stat}_h"])
            if metric == "clearance":
                for col in within_columns(c):
                    out[f"released_{col}_{at}"] = float(r[col])
    return out


def clearance_metrics(c: pd.DataFrame) -> dict[str, float]:
    """Every metric of a clearance table (a table without a split gives none of it)."""
    out = _clearance(c)
    for split in (_departures, _declared_to_release, _by_era, _goods, _by_class,
                  _by_class_direction, _by_commodity):
        out.update(split(c))
    return out
