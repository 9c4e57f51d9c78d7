"""Who gains and who loses: each consignment's change in clearance time, option vs baseline.

Under common random numbers a consignment is the same in every option (its port, arrival index,
attributes and draws), so one replication's log of an option joins the baseline's on
``(port, index)``. Two kinds of rows are not such consignments and are left out
(:func:`same_consignments`): smuggling groups' loads, whose indices count a group's loads at a
port in the order they come, so that an option which moves smugglers between routes makes
the k-th load another load (another arrival, another value); and the added arrivals of a
surge (``arrivals.extra``) at a port and direction whose surge is not the same in both (the
same surge brings the same arrivals at the same times, and those are paired). A row whose
arrival time or declared goods (direction, commodity) differ between the two logs is not the
same consignment either (an option that changes a port's arrivals makes the k-th arrival
another one): it is left out too, and counted (measure :data:`UNPAIRED`), so that a comparison
can say how much of a port its figures cover. One whose trader's class alone differs is the
same consignment, its trader certified (or discredited) by the option: it is kept, in a class
group of its own (``general → aeo_advanced``). For every
consignment of the arrival cohort that was released in both, by
the end of the run (outcome ``released``, as the run's ``consignments_released`` counts them),
the change is ``option - baseline`` in hours (for overall clearance: until the goods leave
the port, an import's exit or an export's departure, as the departure metrics end: not its
loading at the cut-off, which a reform that lets boxes in later but onto the same vessel
makes later though the goods leave no later; :data:`LEAVES`).

Per replication only sums are kept (:func:`gains_one`): counts, sums of changes and how many
became worse or better by more than a tolerance, by port and direction and, within each
port x direction stratum, by trader class and by commodity. :func:`summarise_gains` pools the
replications. A class's effect is read within strata, and its overall figure is standardised:
the within-stratum changes weighted by the size of each stratum (all classes), so that a class
found mostly at a slow port does not look as if the class itself were what gained.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from sim.analysis.stats import confidence_interval
from sim.model.milestones import FLOW_END, flow_end
from sim.model.streams import SMUGGLING_INDEX, SURGE_INDEX

LOG_COLUMNS = (
    "port",
    "index",
    "direction",
    "trader_class",
    "commodity",
    "arrived",
    "released",
    *FLOW_END,
    "departed",
)
#: when the goods leave the port: an import's exit, an export's departure (a log kept before
#: exports' departure was kept: its loading, as then)
LEAVES = ("exited", "departed", "loaded")
#: each time measure and the milestone(s) that end it: overall clearance ends when the goods
#: leave the port (:data:`LEAVES`), so an export's at its departure, as the departure metrics
#: (``departure_h_mean_export``), not at its loading (the run's clearance table's end)
MEASURES: dict[str, tuple[str, ...]] = {"clearance": ("released",), "overall_clearance": LEAVES}
TIMES = ("arrived", "released", *FLOW_END, "departed")
#: with a costed scenario, each consignment's trader cost is a third measure: its change is
#: in the scenario's currency (the ``unit`` column of the pooled table says which)
COST = "trader_cost"
#: a log's containers per consignment: a broker prices per box, so the trader cost's change is
#: also given per container (a truck, an air shipment or a parcel counts as one)
CONTAINERS = "containers"
#: the measure of :func:`gains_one`'s rows that count, per port and direction, the baseline's
#: released cohort consignments left out because they are not the same consignment in the
#: option (``n``; no change is measured on them)
UNPAIRED = "unpaired"
#: what makes a row the same consignment in two logs, beside its (port, index); not its
#: trader's class: an option may certify a trader (the AEO reforms), and that consignment
#: is then the reform's beneficiary, grouped as ``general → aeo_advanced`` (see :data:`MOVED`)
IDENTITY = ["arrived", "direction", "commodity"]
#: the trader class group of a consignment whose class the option changes
MOVED = "{} → {}"
#: one minute (of a cost: as many units of the currency): smaller changes count as neither
#: worse nor better
TOLERANCE_H = 1 / 60
#: the unit of each time measure's changes (the trader cost's is the scenario's currency)
HOURS = "h"
#: the names these columns had when they were written for hours only (read from older
#: results folders)
LEGACY = {
    "sum_h": "sum_change",
    "base_sum_h": "base_sum",
    "mean_change_h": "mean_change",
    "baseline_mean_h": "baseline_mean",
}
ALL = "all"
#: a log's outcome column: only consignments ``released`` (out by the end of the run, as the
#: run's ``consignments_released`` counts them) are compared; a censored one may carry a
#: release and even an exit time planned beyond the end of the run
OUTCOME = "outcome"
KEYS = ["measure", "dimension", "port", "direction", "group"]
#: the trader cost's change and baseline per container (sums over the consignments' containers,
#: not per declaration); NaN for the time measures and where the log has no containers
PER_CONTAINER = [
    "mean_change_per_container",
    "ci_low_per_container",
    "ci_high_per_container",
    "baseline_mean_per_container",
]
#: the pooled table's columns after its keys and ``unit``
POOLED = [
    "n",
    "reps",
    "mean_change",
    "ci_low",
    "ci_high",
    "share_worse",
    "share_better",
    "baseline_mean",
    *PER_CONTAINER,
]
_SUMS = ["n", "sum_change", "worse", "better", "base_sum", "boxes"]


def trim_log(log: pd.DataFrame, scenario: Any = None) -> pd.DataFrame:
    """The arrival cohort's rows and only the columns who-gains needs (categories as text);
    with a costed ``scenario``, each consignment's trader cost too (``trader_cost``)."""
    rows = log[log["cohort"]] if "cohort" in log else log
    keep = [*LOG_COLUMNS, *([OUTCOME] if OUTCOME in rows else [])]
    out = _columns(rows, keep).reset_index(drop=True)
    if scenario is not None and getattr(scenario, "costs", None) is not None:
        from sim.model.costs import trader_cost_of_log

        cost = trader_cost_of_log(rows.reset_index(drop=True), scenario)
        released = (rows["outcome"].astype(str) == "released").to_numpy()
        out["trader_cost"] = np.where(released, cost, np.nan)
        if CONTAINERS in rows:
            out[CONTAINERS] = rows[CONTAINERS].to_numpy(dtype=float)
    for col in ("port", "direction", "trader_class", "commodity", OUTCOME):
        if col in out:
            out[col] = out[col].astype(str)
    return out


def gains_one(
    baseline: pd.DataFrame, option: pd.DataFrame, tolerance_h: float = TOLERANCE_H
) -> pd.DataFrame:
    """One replication: sums of the change per (measure, dimension, port, direction, group).

    ``baseline`` and ``option`` are logs (as :func:`trim_log` gives, or full), compared on the
    rows that are the same consignment in both (:func:`same_consignments`). Dimensions:
    ``all``; ``port_direction``; ``trader_class`` and ``commodity`` within port x direction.
    Columns ``n``, ``sum_change`` (sum of changes: hours, or money for the trader cost),
    ``worse``/``better`` (changes beyond ``tolerance_h``), ``base_sum`` (sum of the
    baseline's values) and ``boxes`` (the trader cost's consignments' containers, else 0).
    """
    costed = COST in baseline and COST in option
    boxed = costed and CONTAINERS in baseline
    extra = [COST, *([CONTAINERS] if boxed else [])] if costed else []
    baseline, option = same_consignments(baseline, option)
    baseline, option, left_out = _same_identity(baseline, option)
    b = _columns(_released(baseline), [*LOG_COLUMNS, *extra])
    o = _columns(_released(option), ["port", "index", "trader_class", *TIMES, *extra[:1]])
    j = b.merge(o, on=["port", "index"], how="inner", suffixes=("", "_opt"))
    for col in ("port", "direction", "trader_class", "commodity"):
        j[col] = j[col].astype(str)
    j["trader_class"] = _class_groups(j["trader_class"], j["trader_class_opt"].astype(str))
    frames = []
    measures = {**MEASURES, **({COST: (COST,)} if costed else {})}
    for measure, ends in measures.items():
        base_t, opt_t = _value(j, ends, ""), _value(j, ends, "_opt")
        ok = ~(np.isnan(base_t) | np.isnan(opt_t))
        d = pd.DataFrame(
            {
                "port": j["port"].to_numpy()[ok],
                "direction": j["direction"].to_numpy()[ok],
                "trader_class": j["trader_class"].to_numpy()[ok],
                "commodity": j["commodity"].to_numpy()[ok],
                "change": opt_t[ok] - base_t[ok],
                "base": base_t[ok],
                "boxes": _boxes(j, ok, boxed and measure == COST),
            }
        )
        d["worse"] = d["change"] > tolerance_h
        d["better"] = d["change"] < -tolerance_h
        groupings: list[tuple[str, list[str]]] = [
            ("all", []),
            ("port_direction", ["port", "direction"]),
            ("trader_class", ["port", "direction", "trader_class"]),
            ("commodity", ["port", "direction", "commodity"]),
        ]
        for dimension, by in groupings:
            frames.append(_sums(d, measure, dimension, by))
    if len(left_out):
        frames.append(_unpaired(left_out))
    return pd.concat(frames, ignore_index=True)


def _boxes(j: pd.DataFrame, ok: np.ndarray, counted: bool) -> np.ndarray:
    """The kept consignments' containers where ``counted`` (the trader cost of a log that
    has them), else 0: the time measures have no per-container figure."""
    if not counted:
        return np.zeros(int(ok.sum()))
    boxes: np.ndarray = j[CONTAINERS].to_numpy(dtype=float)[ok]
    return boxes


def _class_groups(base: pd.Series, option: pd.Series) -> pd.Series:
    """Each consignment's trader class group: its class, or ``base → option`` where the
    option changes it (a trader certified by the reform: who it is for)."""
    moved = base != option
    if not moved.any():
        return base
    out = base.copy()
    out[moved] = [MOVED.format(a, b) for a, b in zip(base[moved], option[moved], strict=True)]
    return out


def _same_identity(
    baseline: pd.DataFrame, option: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The rows of both logs whose (port, index) has the same :data:`IDENTITY` in both, and
    the baseline's released rows left out (another arrival or other attributes in the
    option: not the same consignment)."""
    cols = ["port", "index", *IDENTITY]
    if any(c not in baseline or c not in option for c in cols):
        return baseline, option, baseline.iloc[:0]
    b, o = baseline.loc[:, cols].copy(), option.loc[:, cols].copy()
    for col in ("port", "direction", "commodity"):
        b[col], o[col] = b[col].astype(str), o[col].astype(str)
    j = b.merge(o, on=["port", "index"], how="inner", suffixes=("", "_opt"))
    same = np.ones(len(j), bool)
    for col in IDENTITY:
        same &= (j[col] == j[f"{col}_opt"]).to_numpy()
    if same.all():
        return baseline, option, baseline.iloc[:0]
    keys = pd.MultiIndex.from_frame(j.loc[same, ["port", "index"]])
    kb = np.asarray(pd.MultiIndex.from_frame(b[["port", "index"]]).isin(keys))
    ko = np.asarray(pd.MultiIndex.from_frame(o[["port", "index"]]).isin(keys))
    return baseline[kb], option[ko], _released(baseline[~kb])


def _unpaired(left_out: pd.DataFrame) -> pd.DataFrame:
    """:data:`UNPAIRED` rows: per port and direction, how many released baseline consignments
    were left out as not the same consignment in the option."""
    ports, directions = left_out["port"].astype(str), left_out["direction"].astype(str)
    counts = left_out.groupby([ports, directions], sort=True).size()
    rows = [
        {"measure": UNPAIRED, "dimension": "port_direction", "port": key[0],
         "direction": key[1], "group": ALL, "n": int(n), "sum_change": 0.0, "worse": 0,
         "better": 0, "base_sum": 0.0, "boxes": 0.0}
        for key, n in zip(counts.index.tolist(), counts.tolist(), strict=True)
    ]
    return pd.DataFrame(rows, columns=[*KEYS, *_SUMS])


def same_consignments(
    baseline: pd.DataFrame, option: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of two logs whose ``(port, index)`` is the same consignment in both.

    Smuggling groups' loads (indices from ``SMUGGLING_INDEX`` up to ``SURGE_INDEX``) are left
    out: their indices count a group's loads at a port as they come, so once an option moves
    smugglers between routes the k-th load of the option is another load than the baseline's.
    A surge's added arrivals (indices from ``SURGE_INDEX`` up) are kept at a port and direction
    only where both logs hold the same ones (index and arrival time): the same surge then.
    """
    b, o = baseline[~_smuggled(baseline)], option[~_smuggled(option)]
    sb, so = _surge_arrivals(b), _surge_arrivals(o)
    changed = {k for k in sb.keys() | so.keys() if sb.get(k) != so.get(k)}
    if not changed:
        return b, o
    return _without_surge(b, changed), _without_surge(o, changed)


def _smuggled(log: pd.DataFrame) -> np.ndarray:
    """Which rows of a log are smuggling groups' loads."""
    index = log["index"].to_numpy()
    out: np.ndarray = (index >= SMUGGLING_INDEX) & (index < SURGE_INDEX)
    return out


def _surge_arrivals(log: pd.DataFrame) -> dict[tuple[str, str], set[tuple[int, float]]]:
    """Per (port, direction), the surge's added arrivals of a log: (index, arrival time)."""
    s = log[log["index"].to_numpy() >= SURGE_INDEX]
    out: dict[tuple[str, str], set[tuple[int, float]]] = {}
    for port, direction, index, arrived in zip(
        s["port"].astype(str), s["direction"].astype(str), s["index"], s["arrived"], strict=True
    ):
        out.setdefault((port, direction), set()).add((int(index), float(arrived)))
    return out


def _without_surge(log: pd.DataFrame, changed: set[tuple[str, str]]) -> pd.DataFrame:
    """A log without the surge rows of the (port, direction)s in ``changed``."""
    keys = zip(log["port"].astype(str), log["direction"].astype(str), strict=True)
    drop = np.fromiter((k in changed for k in keys), dtype=bool, count=len(log))
    return log[~(drop & (log["index"].to_numpy() >= SURGE_INDEX))]


def _released(log: pd.DataFrame) -> pd.DataFrame:
    """The consignments released by the end of the run (a log kept before it kept their
    outcome: every row, as then)."""
    if OUTCOME not in log:
        return log
    return log[log[OUTCOME].astype(str) == "released"]


def _columns(log: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """``cols`` of a log; a time it lacks is NaN (a log kept before exports' ``loaded`` was
    kept gives overall clearance for imports only, as it did then)."""
    missing = [c for c in cols if c not in log and c in TIMES]
    return log.reindex(columns=cols) if missing else log.loc[:, cols]


def _value(j: pd.DataFrame, ends: tuple[str, ...], suffix: str) -> np.ndarray:
    """Each joined consignment's measure: hours from arrival to ``ends`` (with
    :data:`LEAVES`, until the goods leave), or the value itself for the trader cost (NaN
    where it has none)."""
    if ends == (COST,):  # a cost, not a time: the change of the value itself
        return j[f"{COST}{suffix}"].to_numpy(dtype=float)
    end = [j[f"{e}{suffix}"].to_numpy(dtype=float) for e in ends]
    stop = end[0]
    if ends == LEAVES:  # an import's exit, else an export's departure (else its loading)
        stop = flow_end(end[0], np.where(np.isnan(end[1]), end[2], end[1]))
    hours: np.ndarray = stop - j[f"arrived{suffix}"].to_numpy(dtype=float)
    return hours


def _sums(d: pd.DataFrame, measure: str, dimension: str, by: list[str]) -> pd.DataFrame:
    if by:  # (the sums in one pass over the groups: a named aggregation per column is slow)
        grouped = d.groupby(by, sort=True)
        sums = grouped[["change", "worse", "better", "base", "boxes"]].sum()
        g = pd.DataFrame({
            "n": grouped.size(), "sum_change": sums["change"], "worse": sums["worse"],
            "better": sums["better"], "base_sum": sums["base"], "boxes": sums["boxes"],
        }).reset_index()  # fmt: skip
    else:
        g = pd.DataFrame(
            [
                {
                    "n": len(d),
                    "sum_change": d["change"].sum(),
                    "worse": int(d["worse"].sum()),
                    "better": int(d["better"].sum()),
                    "base_sum": d["base"].sum(),
                    "boxes": d["boxes"].sum(),
                }
            ]
        )
    g["measure"] = measure
    g["dimension"] = dimension
    for col in ("port", "direction"):
        if col not in g:
            g[col] = ALL
    group_col = by[2] if len(by) == 3 else None
    g["group"] = g[group_col] if group_col else ALL
    g = g.loc[:, [*KEYS, *_SUMS]]
    return g.astype({"n": "int64", "worse": "int64", "better": "int64"})


def summarise_gains(
    per_rep: pd.DataFrame, level: float = 0.95, currency: str = "currency"
) -> pd.DataFrame:
    """Pool the replications' sums (``option``, ``replication`` and :func:`gains_one` columns).

    One row per option, measure, dimension, port, direction and group: ``unit`` (``h`` for
    the time measures, ``currency`` for the trader cost), ``n`` (consignment results pooled
    over replications), ``mean_change`` (pooled, in ``unit``), ``ci_low``/``ci_high`` (t
    interval over the replications' own means), ``share_worse``, ``share_better``,
    ``baseline_mean`` (in ``unit``). Adds rows of dimension ``trader_class_standardised`` and
    ``commodity_standardised`` (port and direction ``all``): the within-stratum changes
    weighted by the strata's sizes.
    """
    if per_rep.empty:
        return pd.DataFrame(columns=["option", *KEYS, "unit", *POOLED])
    rows = _pooled_rows(per_rep, ["option", *KEYS], level)
    out = pd.DataFrame(rows)
    out = pd.concat([out, _standardised(out, per_rep, level)], ignore_index=True)
    out.insert(len(KEYS) + 1, "unit", np.where(out["measure"] == COST, currency, HOURS))
    return out


def _sum(x: np.ndarray) -> Any:
    """A column's sum as pandas gives it (``Series.sum``: NaN skipped, 0 if none left)."""
    return np.nansum(x) if x.dtype.kind == "f" else x.sum()


def _pooled_rows(per_rep: pd.DataFrame, keys: list[str], level: float) -> list[dict[str, Any]]:
    """:func:`summarise_gains`' rows before standardisation, one per group of ``keys`` in
    the order groups first appear: each a handful of sums over the group's replications,
    taken on numpy slices (what pandas would give to the last bit, a tenth of its time)."""
    codes = per_rep.groupby(keys, sort=False).ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")  # (rows of one group in their own order)
    starts = np.flatnonzero(np.diff(codes[order], prepend=-1))
    labels = per_rep[keys].to_numpy(dtype=object)
    cols = {c: per_rep[c].to_numpy() if c in per_rep else np.zeros(len(per_rep))
            for c in _SUMS}  # (a folder written before ``boxes`` was kept: none)
    rows = []
    for a, b in zip(starts.tolist(), [*starts[1:].tolist(), len(order)], strict=True):
        idx = order[a:b]
        n_rep, change = cols["n"][idx], cols["sum_change"][idx]
        n = int(_sum(n_rep))
        rep_means = change / np.where(n_rep > 0, n_rep, np.nan).astype(float)
        _, low, high = confidence_interval(rep_means, level)
        rows.append(
            {
                **dict(zip(keys, labels[idx[0]], strict=True)),
                "n": n,
                "reps": int(np.count_nonzero(~np.isnan(rep_means))),
                "mean_change": _sum(change) / n if n else math.nan,
                "ci_low": math.nan if low is None else low,
                "ci_high": math.nan if high is None else high,
                "share_worse": _sum(cols["worse"][idx]) / n if n else math.nan,
                "share_better": _sum(cols["better"][idx]) / n if n else math.nan,
                "baseline_mean": _sum(cols["base_sum"][idx]) / n if n else math.nan,
                **_per_container(change, cols["boxes"][idx], cols["base_sum"][idx], level),
            }
        )
    return rows


def _per_container(
    change: np.ndarray, boxes: np.ndarray, base: np.ndarray, level: float
) -> dict[str, float]:
    """:data:`PER_CONTAINER` of one group from its replications' sums: the pooled change and
    baseline over the pooled containers, and the t interval over the replications' own
    changes per container (all NaN where no container was counted: a time measure)."""
    total = float(_sum(boxes))
    if not total > 0:
        return dict.fromkeys(PER_CONTAINER, math.nan)
    rep = change / np.where(boxes > 0, boxes, np.nan).astype(float)
    _, low, high = confidence_interval(rep, level)
    return dict(zip(PER_CONTAINER, (
        float(_sum(change)) / total, math.nan if low is None else low,
        math.nan if high is None else high, float(_sum(base)) / total), strict=True))


def current_columns(table: pd.DataFrame, currency: str = "currency") -> pd.DataFrame:
    """A who-gains table (a replication's sums or the pooled table) with today's column
    names, read from a results folder written when they were named for hours (and the pooled
    table had no ``unit``)."""
    out = table.rename(columns=LEGACY)
    if "mean_change" in out and "unit" not in out and "measure" in out:
        unit = np.where(out["measure"] == COST, currency, HOURS)
        out.insert(len(KEYS) + 1, "unit", unit)
    return out


_CELL = ["option", "measure", "dimension", "group"]


def _cells(per_rep: pd.DataFrame) -> dict[tuple[Any, ...], pd.DataFrame]:
    """The replications' rows with results, by (option, measure, dimension, group): looked up
    once per standardised cell rather than filtered out of the whole table each time."""
    kept = per_rep[per_rep["n"] > 0]
    return {tuple(k): g for k, g in kept.groupby(_CELL, sort=False)}


def _rep_interval(
    cells: dict[tuple[Any, ...], pd.DataFrame],
    cell: tuple[str, str, str, str],
    weights: pd.Series,
    level: float,
) -> tuple[float, float]:
    """Interval of a standardised change over the replications: each replication's
    within-stratum means weighted by the same (pooled) stratum sizes. ``cell`` is (option,
    measure, dimension, group); ``cells``: :func:`_cells` of the replications' table."""
    g = cells.get(cell)
    if g is None:
        _, low, high = confidence_interval(np.array([]), level)
        return (math.nan if low is None else low, math.nan if high is None else high)
    size = dict(zip(weights.index, weights.to_numpy(dtype=float), strict=True))
    strata = zip(g["port"].tolist(), g["direction"].tolist(), strict=True)
    w_all = np.array([size.get(k, math.nan) for k in strata], dtype=float)
    means_all = (g["sum_change"] / g["n"]).to_numpy(dtype=float)
    reps = g["replication"].to_numpy()
    values = []
    for r in np.unique(reps).tolist():  # (each replication's rows in their own order)
        mine = reps == r
        w, means = w_all[mine], means_all[mine]
        ok = ~np.isnan(w)
        if ok.any() and w[ok].sum() > 0:
            values.append(float(np.average(means[ok], weights=w[ok])))
    _, low, high = confidence_interval(np.array(values), level)
    return (math.nan if low is None else low, math.nan if high is None else high)


def _standardised(pooled: pd.DataFrame, per_rep: pd.DataFrame, level: float) -> pd.DataFrame:
    """Direct standardisation of class (and commodity) changes over port x direction strata,
    with a t interval over the replications' own standardised changes."""
    rows = []
    by_cell = _cells(per_rep)
    strata = pooled[pooled["dimension"] == "port_direction"]
    for dimension in ("trader_class", "commodity"):
        cells = pooled[pooled["dimension"] == dimension]
        for (option, measure, group), g in cells.groupby(
            ["option", "measure", "group"], sort=False
        ):
            s = strata[(strata["option"] == option) & (strata["measure"] == measure)]
            w = g.merge(
                s[["port", "direction", "n"]], on=["port", "direction"], suffixes=("", "_stratum")
            )
            weight = w["n_stratum"].to_numpy(dtype=float)
            if weight.sum() == 0:
                continue
            sizes = s.set_index(["port", "direction"])["n"].astype(float)
            cell = (str(option), str(measure), dimension, str(group))
            low, high = _rep_interval(by_cell, cell, sizes, level)
            rows.append(
                {
                    "option": option,
                    "measure": measure,
                    "dimension": f"{dimension}_standardised",
                    "port": ALL,
                    "direction": ALL,
                    "group": group,
                    "n": int(g["n"].sum()),
                    "reps": int(g["reps"].max()),
                    "mean_change": float(np.average(w["mean_change"], weights=weight)),
                    "ci_low": low,
                    "ci_high": high,
                    "share_worse": float(np.average(w["share_worse"], weights=weight)),
                    "share_better": float(np.average(w["share_better"], weights=weight)),
                    "baseline_mean": float(np.average(w["baseline_mean"], weights=weight)),
                }
            )
    return pd.DataFrame(rows, columns=pooled.columns)
