"""A trucking company's view of a land crossing, from a run's per-consignment logs: each
truck's turnaround (arrival at the crossing to leaving it), the chance it is held for an
examination and for how long, the share of a driver's daily duty limit the trip eats and
its cost, by the hour the truck arrives (when to dispatch) or by the trader's class, with
95 % intervals over the replications; and, against a second run on the same seeds (a
reform), each figure's paired change.

A truck is a consignment of the land port (the model's land-border consignment is one
truck). Its turnaround is ``exited - arrived`` for an import and ``loaded - arrived`` for an
export (the end of its flow: docs/trs.md). A truck is *held* when its load was opened: a
physical examination or a quarantine check (as :mod:`sim.analysis.both_sides` reads it);
its hold is the hours of the Time Release Study stretches of the examination
(:data:`HOLD_STRETCHES`, :func:`sim.model.intervals.partition`), so the wait for a bay, the
trader's attendance and a laboratory test are in it, the document check and the scan not.
Goods seized, rejected or detained are left out (the truck does not leave with them); a
truck still at the crossing when the run ended counts as longer than any finished one
(a percentile that reaches it is NaN). The hour of arrival is read from the run's clock,
which starts at midnight (Monday 00:00), whatever the warm-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.analysis.paired import paired_interval
from sim.analysis.stats import confidence_interval
from sim.model.intervals import partition
from sim.model.milestones import MILESTONES, OWNERS
from sim.stretches import HOLD

#: stretches of a consignment's time that are its examination's hold (the stretch rows'
#: ``hold`` flag, in route order: the order the hold's hours are summed in)
HOLD_STRETCHES = HOLD
FIGURES = ("trucks_per_day", "turnaround_h_p50", "turnaround_h_p90", "turnaround_h_p95",
           "turnaround_h_mean", "held_share", "hold_h_mean", "overnight_share",
           "duty_share_mean", "over_limit_share", "fees_per_trip", "cost_per_trip")  # fmt: skip
LEFT_OUT = ("seized", "rejected", "detained")
#: the hour of the night at which a truck still at the crossing is *kept overnight*: 03:00,
#: so that one arriving at 23:30 and leaving at 00:30 is not, one arriving at 01:00 that
#: waits for the morning shift is (a choice of this view's, said in docs/trucks.md)
NIGHT_H = 3.0


@dataclass(frozen=True)
class TripRules:
    """What a trip is beside the crossing, for the driver's hours and the trip's cost.

    ``drive_h``: the trip's duty hours away from the crossing (depot to crossing and on to
    the delivery, loading included); ``duty_limit_h``: the driver's daily duty limit;
    ``truck_cost_per_h``: a truck and driver's cost an hour at the crossing (None: not
    priced; the trip's cost is then its border fees only)."""

    drive_h: float = 4.0  # assumption: a short cross-boundary trip, about 2 h each side
    duty_limit_h: float = 12.0  # assumption: set the rule that binds the company's drivers
    truck_cost_per_h: float | None = None
    band_h: int = 2


def trips(log: pd.DataFrame, port: str) -> pd.DataFrame:
    """One row per truck of ``port`` in the observed cohort of one replication's log:
    ``direction``, ``trader_class``, ``commodity``, ``hour`` (of arrival, 0-23; at a port with
    an approach, of reaching it, as the turnaround is timed from then), ``day``
    (of arrival, from the run's start: 0 is the warm-up's first), ``turnaround_h`` (inf:
    still at the crossing at the end), ``held``, ``hold_h`` (0 when not held) and ``fees``
    (the trader's border fees, NaN when the run was not costed) and ``overnight`` (kept
    over a night: at the crossing at :data:`NIGHT_H` o'clock, or still there at the end)."""
    rows = log[(log["port"].astype(str) == port) & log["cohort"].astype(bool)]
    rows = rows[~rows["outcome"].astype(str).isin(LEFT_OUT)].reset_index(drop=True)
    col = {name: rows[name].to_numpy(dtype=float) for name in MILESTONES}
    own = rows[[f"own_{o}" for o in OWNERS]].to_numpy(dtype=float)
    early = (rows["release_early"] & ~rows["quarantine_treat"]
             & ~rows["quarantine_seen"]).to_numpy(dtype=bool)
    crossing = np.ones(len(rows), dtype=bool)  # a land port: exports cross, no departures
    hours = partition(col, own, early, crossing).hours
    hold = sum((np.nan_to_num(hours[s]) for s in HOLD_STRETCHES), np.zeros(len(rows)))
    end = np.where(rows["direction"].astype(str) == "import", col["exited"], col["loaded"])
    # (at a port with an approach, from reaching it: its queue before the crossing counts)
    arrived = rows["reached"].to_numpy(dtype=float) if "reached" in rows else col["arrived"]
    turnaround = np.where(np.isnan(end), np.inf, end - arrived)
    night = np.ceil((arrived - NIGHT_H) / 24.0) * 24.0 + NIGHT_H  # (the next 03:00 on)
    overnight = np.isnan(end) | (night < np.nan_to_num(end))
    held = rows["exam_start"].notna().to_numpy() | rows["quarantine_start"].notna().to_numpy()
    fees = rows["trader_fees"].to_numpy(dtype=float) if "trader_fees" in rows else np.nan
    return pd.DataFrame({
        "direction": rows["direction"].astype(str),
        "trader_class": rows["trader_class"].astype(str),
        "commodity": rows["commodity"].astype(str),
        "hour": np.floor(arrived % 24.0).astype(int),
        "day": np.floor(arrived / 24.0).astype(int), "turnaround_h": turnaround,
        "held": held, "hold_h": np.where(held, hold, 0.0), "fees": fees,
        "overnight": overnight})


def band_of(hour: pd.Series, band_h: int) -> pd.Series:
    """The dispatch band of each arrival hour, as ``"07-09"`` (``band_h`` hours wide)."""
    start = (hour // band_h) * band_h
    return start.map(lambda s: f"{s:02d}-{min(s + band_h, 24):02d}")


def day_label(day: int, start: dt.date | None) -> str:
    """A day of the run as a manager reads it: its date and weekday with the scenario's
    ``start_date`` (``2026-02-16 Mon``: a holiday's days are dates, not run numbers), else
    ``day N Www`` counted from the run's start (the warm-up's first day is day 0, a Monday:
    ``day 42 Mon``), so that a weekday's pattern shows without a ``start_date``."""
    if start is None:
        return f"day {day} {WEEKDAYS[day % 7]}"
    date = start + dt.timedelta(days=day)
    return f"{date.isoformat()} {date.strftime('%a')}"


#: the days of the week of ``--by weekday``: the run's clock starts on a Monday (a
#: scenario's ``start_date`` is a Monday), so day ``d`` of the run is ``WEEKDAYS[d % 7]``
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def weekdays_observed(first_day: float, days: float) -> np.ndarray:
    """How many of each weekday (Monday first) the observed days hold, from run day
    ``first_day`` (the warm-up's length) for ``days`` days: a weekday's trucks a day is its
    trucks over this count, not over the whole run's days."""
    run_days = np.arange(int(np.floor(first_day)), int(np.ceil(first_day + days)))
    return np.bincount(run_days % 7, minlength=7)


def figures_of(t: pd.DataFrame, rules: TripRules, days: float) -> dict[str, float]:
    """The figures of :data:`FIGURES` of one group of trucks of one replication."""
    turn = t["turnaround_h"].to_numpy(dtype=float)
    finite = np.isfinite(turn)
    duty = rules.drive_h + turn
    held = t["held"].to_numpy(dtype=bool)
    fees = float(np.nanmean(t["fees"])) if t["fees"].notna().any() else np.nan
    return {
        "trucks_per_day": len(t) / days,
        "turnaround_h_p50": _percentile(turn, 50), "turnaround_h_p90": _percentile(turn, 90),
        "turnaround_h_p95": _percentile(turn, 95),
        "turnaround_h_mean": float(turn.mean()) if finite.all() else np.nan,
        "held_share": float(held.mean()),
        "hold_h_mean": float(t["hold_h"][held].mean()) if held.any() else np.nan,
        "overnight_share": float(t["overnight"].mean()) if "overnight" in t else np.nan,
        "duty_share_mean": float(duty.mean() / rules.duty_limit_h) if finite.all() else np.nan,
        "over_limit_share": float((duty > rules.duty_limit_h).mean()),
        "fees_per_trip": fees,
        "cost_per_trip": _cost(fees, rules.truck_cost_per_h, turn),
    }


def _cost(fees: float, per_h: float | None, turn: np.ndarray) -> float:
    """A trip's mean cost: its border fees and the truck's hours at ``per_h`` (NaN when
    neither is priced, or a truck is still at the crossing and the hours are priced)."""
    if per_h is None:
        return fees
    hours = float(turn.mean()) if np.isfinite(turn).all() else np.nan
    return (0.0 if np.isnan(fees) else fees) + per_h * hours


def _percentile(values: np.ndarray, q: float) -> float:
    """The ``q``-th percentile (lower, an observed value); NaN when it falls on a truck
    still at the crossing (its time unknown, beyond every finished one)."""
    v = float(np.percentile(values, q, method="lower"))
    return v if np.isfinite(v) else np.nan


def per_replication(logs: Sequence[pd.DataFrame], port: str, rules: TripRules, days: float,
                    by: str = "hour", commodity: str | None = None,
                    start: dt.date | None = None, warmup: float = 0.0) -> pd.DataFrame:
    """Every replication's figures by direction and group (``by``: ``hour``, the dispatch
    band, ``trader_class``, ``commodity`` or ``day``, the day of arrival labelled by
    :func:`day_label` with ``start``, in the order of the days), with an ``all`` group of
    every truck of the direction; with ``commodity``, of that commodity's trucks only. A
    day's ``trucks_per_day`` is that day's trucks. A log's replication is its
    ``replication`` column (a results folder's logs), else its place in ``logs``. With
    ``by="weekday"``, the day of the week it arrived (Monday first), its ``trucks_per_day``
    over the observed days' count of that weekday (from ``warmup`` for ``days``)."""
    out = []
    for i, log in enumerate(logs):
        r = _replication(log, i)
        t = trips(log, port)
        if commodity is not None:
            t = t[t["commodity"] == commodity]
        key = (band_of(t["hour"], rules.band_h) if by == "hour" else
               t["day"] % 7 if by == "weekday" else t[by])
        for direction, d in t.groupby("direction", sort=True):
            whole_day = by == "hour" and rules.band_h == 24  # (one band: the all row)
            groups = [("all", d), *([] if whole_day else d.groupby(key[d.index], sort=True))]
            for name, g in groups:
                out.append({"replication": r, "direction": direction,
                            **_group(name, by, start),
                            **figures_of(g, rules, _days_of(name, by, days, warmup))})
    return _complete(pd.DataFrame(out), [_replication(log, i) for i, log in enumerate(logs)])


def _group(name: object, by: str, start: dt.date | None) -> dict[str, object]:
    """A group's label and its place among the days (``_day``; -1: not a day's group)."""
    if name == "all" or by not in ("day", "weekday"):
        return {"group": str(name), "_day": -1}
    n = int(str(name))
    return {"group": day_label(n, start) if by == "day" else WEEKDAYS[n], "_day": n}


def _days_of(name: object, by: str, days: float, warmup: float) -> float:
    """The days a group's trucks came over: one day's, a weekday's count, else all."""
    if name == "all":
        return days
    if by == "day":  # (one day's trucks, not a mean)
        return 1.0
    if by == "weekday":
        return float(weekdays_observed(warmup, days)[int(str(name))])
    return days


def _replication(log: pd.DataFrame, i: int) -> int:
    """A log's replication: its ``replication`` column (a results folder's), else ``i``."""
    return int(log["replication"].iloc[0]) if "replication" in log and len(log) else i


def _complete(table: pd.DataFrame, reps: Sequence[int]) -> pd.DataFrame:
    """Every group of a direction in every replication, in one order: a group with no truck
    in a replication (no arrival in a late band that day) counts 0 trucks a day there and
    has no other figure, so that its ``trucks_per_day`` is averaged over every replication,
    not only those that had one; the ``all`` row first, then days in their order, else the
    groups by name (a band's hours), whichever replication had them first."""
    if not len(table):
        return table.drop(columns="_day", errors="ignore")
    keys = table[["direction", "group", "_day"]].drop_duplicates()
    grid = keys.merge(pd.DataFrame({"replication": list(reps)}), how="cross")
    table = grid.merge(table, on=["replication", "direction", "group", "_day"], how="left")
    table["trucks_per_day"] = table["trucks_per_day"].fillna(0.0)
    table["_rest"] = table["group"] != "all"
    table = table.sort_values(["direction", "_rest", "_day", "group", "replication"],
                              kind="stable")
    return table.drop(columns=["_day", "_rest"])[
        ["replication", "direction", "group", *FIGURES]].reset_index(drop=True)


def summary(per_rep: pd.DataFrame) -> pd.DataFrame:
    """Each figure's mean over the replications with its 95 % interval, by direction and
    group (long: ``direction, group, figure, mean, low, high, n``)."""
    rows = []
    for (direction, group), g in per_rep.groupby(["direction", "group"], sort=False):
        for f in FIGURES:
            v = g[f].to_numpy(dtype=float)
            v = v[~np.isnan(v)]
            mean, low, high = confidence_interval(v) if len(v) else (np.nan, None, None)
            rows.append({"direction": direction, "group": group, "figure": f, "mean": mean,
                         "low": low, "high": high, "n": len(v)})
    return pd.DataFrame(rows)


def paired_change(base: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Each figure's change from ``base`` to ``other`` (per-replication tables of runs on the
    same seeds), with its 95 % paired interval, by direction and group."""
    keys = ["replication", "direction", "group"]
    both = base.merge(other, on=keys, suffixes=("_base", "_other"), how="left")
    # (a group of the baseline's that the other run never had: no trucks there)
    both["trucks_per_day_other"] = both["trucks_per_day_other"].fillna(0.0)
    rows = []
    for (direction, group), g in both.groupby(["direction", "group"], sort=False):
        for f in FIGURES:
            mean, low, high, n = paired_interval(g[f"{f}_other"].to_numpy(dtype=float),
                                                g[f"{f}_base"].to_numpy(dtype=float))
            rows.append({"direction": direction, "group": group, "figure": f,
                         "base": float(g[f"{f}_base"].mean()), "change": mean, "low": low,
                         "high": high, "n": n})
    return pd.DataFrame(rows)


def against_group(per_rep: pd.DataFrame, reference: str) -> pd.DataFrame:
    """Each group's figures less the ``reference`` group's (a dispatch band, say ``08-10``)
    within each replication, with the 95 % interval of those differences over the
    replications (independent, so a paired t interval): what arriving in another band
    changes, as :func:`paired_change` gives a reform's change."""
    ref = per_rep[per_rep["group"] == reference].drop(columns="group")
    base = per_rep[["replication", "direction", "group"]].merge(
        ref, on=["replication", "direction"], how="left")
    return paired_change(base, per_rep)
