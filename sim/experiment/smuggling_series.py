"""The smuggling groups' choices week by week across replications (``smuggling-weekly.csv``
of a results folder): from the replications' smuggling tables (``rep-NNNN-smuggling.csv``,
:meth:`sim.model.smuggling.Smuggling.frame`), for each week, group and option of the group
(each route, and ``not_smuggled``: deterred), the mean over replications of the attempts,
those caught and slipped, the value slipped and the option's share of the group's
opportunities, each with a 95 % Student-t interval; in a comparison, also each option's
difference from the baseline, paired by replication (the same seeds). A time series of
deterrence and displacement with its uncertainty, ready for a figure, where the
per-replication tables give one month each."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

FILE = "smuggling-weekly.csv"
KEYS = ["week", "group", "illicit", "route", "kind"]
#: summed over a week's days in each replication, then given as the mean over replications
COUNTS = ("chosen", "caught", "slipped", "value_slipped")
#: given with their interval; ``share``: chosen over the group's opportunities that week
FIGURES = (*COUNTS, "share")
#: paired with the baseline in a comparison
PAIRED = ("chosen", "share", "value_slipped")
LEVEL = 0.95
DAYS_A_WEEK = 7


def weekly(frame: pd.DataFrame) -> pd.DataFrame:
    """One replication's smuggling table summed by week (week 0: the observed window's first
    seven days; negative weeks: the warm-up), with each option's ``share`` of its group's
    opportunities that week."""
    t = frame.assign(week=frame["day"].astype(int) // DAYS_A_WEEK)
    for k in KEYS[1:]:
        t[k] = t[k].astype(str)
    out = t.groupby(KEYS, sort=True)[list(COUNTS)].sum().reset_index()
    chances = out.groupby(["week", "group"])["chosen"].transform("sum")
    out["share"] = out["chosen"] / chances.where(chances > 0)
    return out


def _filled(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' weekly tables stacked, a week a group had no opportunity in one
    replication counted there as 0 attempts (its share unknown)."""
    parts = [weekly(f).assign(replication=r) for r, f in frames.items() if not f.empty]
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "replication", "days", "observed", *FIGURES])
    t = pd.concat(parts, ignore_index=True)
    keys = t[KEYS].drop_duplicates()
    reps = pd.DataFrame({"replication": sorted(frames)})
    full = keys.merge(reps, how="cross").merge(t, on=[*KEYS, "replication"], how="left")
    full[list(COUNTS)] = full[list(COUNTS)].fillna(0.0)
    # the week's days with an opportunity in any replication; observed: every one of them
    days = pd.concat([f[["day", "observed"]] for f in frames.values()], ignore_index=True)
    days = days.assign(week=days["day"].astype(int) // DAYS_A_WEEK)
    span = days.groupby("week").agg(days=("day", "nunique"), observed=("observed", "all"))
    return full.join(span, on="week")


def _intervals(mean: Any, std: Any, count: Any) -> tuple[Any, Any, Any]:
    """Each mean with the ends of its 95 % Student-t interval from the standard deviations
    and counts beside it (Series or DataFrames alike; NaN below 2 values)."""
    n = np.asarray(count, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(n >= 2, special.stdtrit(np.maximum(n - 1, 1), (1 + LEVEL) / 2), np.nan)
        half = t * np.asarray(std, float) / np.sqrt(n)
    return mean, mean - half, mean + half


def _grouped_intervals(grouped: Any) -> tuple[Any, Any, Any]:
    """:func:`_intervals` of every column of a grouped frame at once (one pass per
    statistic over all columns, not one per column: a comparison summarises dozens)."""
    return _intervals(grouped.mean(), grouped.std(), grouped.count())


def summarise_smuggling(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per week, group and option of the group over the replications ``frames``
    (replication -> its smuggling table): ``reps``, ``days`` (of the week that had an
    opportunity in some replication: fewer than 7 in a part week), ``observed``, and the
    mean of each of :data:`FIGURES` with ``<figure>_ci_low`` and ``<figure>_ci_high``."""
    full = _filled(frames)
    cols = [*KEYS, "reps", "days", "observed"]
    if full.empty:
        return pd.DataFrame(columns=cols)
    return summarised(full, KEYS, FIGURES, ["days", "observed"])


def summarised(
    frame: pd.DataFrame, keys: list[str], figures: Sequence[str], first: list[str]
) -> pd.DataFrame:
    """One row per group of ``keys`` over the replications in ``frame``: ``reps``, the
    ``first`` value of each column of ``first``, and the mean of each of ``figures`` with
    ``<figure>_ci_low`` and ``<figure>_ci_high``."""
    grouped = frame.groupby(keys, sort=True)
    out = grouped["replication"].nunique().rename("reps").to_frame()
    out = out.join(grouped[first].first())
    figures = list(figures)
    if figures:
        mean, low, high = _grouped_intervals(grouped[figures])
        cols = {}
        for col in figures:
            cols[col], cols[f"{col}_ci_low"], cols[f"{col}_ci_high"] = (
                mean[col], low[col], high[col])
        out = pd.concat([out, pd.DataFrame(cols, index=out.index)], axis=1)
    return out.reset_index()


def paired_diffs(
    level: pd.DataFrame, mine: pd.DataFrame, keys: list[str], paired: Sequence[str]
) -> None:
    """Add to ``level`` (a :func:`summarised` table) ``<figure>_diff`` and its interval for
    each of ``paired``: ``mine``'s figure minus its ``<figure>_base``, paired by row."""
    if not paired:
        return
    diffs = pd.DataFrame({col: mine[col] - mine[f"{col}_base"] for col in paired})
    at = pd.MultiIndex.from_frame(level[keys])
    ends = _grouped_intervals(diffs.groupby([mine[k] for k in keys]))
    ends = tuple(x.reindex(at) for x in ends)
    names = [f"{col}_diff{end}" for col in paired for end in ("", "_ci_low", "_ci_high")]
    values = [x[col].to_numpy() for col in paired for x in ends]
    level[names] = np.column_stack(values)  # (in one insertion, not one per column)


def by_option(
    options: Mapping[str, Mapping[int, pd.DataFrame]],
    baseline: str,
    summarise: Callable[[Mapping[int, pd.DataFrame]], pd.DataFrame],
    stacked: Callable[[Mapping[int, pd.DataFrame]], pd.DataFrame],
    keys: list[str],
    paired: Sequence[str],
    fill: float | None = None,
) -> pd.DataFrame:
    """``summarise`` of each option (``options``: option -> replication -> table), with an
    ``option`` column and, for each of ``paired`` both have, ``<figure>_diff`` and its
    interval: the option minus ``baseline`` in each replication, paired by ``keys`` (a row
    the baseline lacks: NaN, or ``fill``)."""
    base = stacked(options.get(baseline, {}))
    parts = []
    for name, frames in options.items():
        level = summarise(frames)
        if level.empty:
            continue
        mine = stacked(frames).merge(base, on=[*keys, "replication"], how="left",
                                     suffixes=("", "_base"))  # fmt: skip
        both = [c for c in paired if c in mine and f"{c}_base" in mine]
        if fill is not None:
            for col in both:
                mine[f"{col}_base"] = mine[f"{col}_base"].fillna(fill)
        paired_diffs(level, mine, keys, both)
        parts.append(level.assign(option=name)[["option", *level.columns]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def compare_smuggling(
    options: Mapping[str, Mapping[int, pd.DataFrame]], baseline: str
) -> pd.DataFrame:
    """:func:`summarise_smuggling` of each option (``options``: option -> replication ->
    table), with an ``option`` column and, for :data:`PAIRED`, ``<figure>_diff`` and its
    interval: the option minus ``baseline`` in each replication both have, paired."""
    base = _filled(options.get(baseline, {}))
    parts = []
    for name, frames in options.items():
        level = summarise_smuggling(frames)
        if level.empty:
            continue
        mine = _filled(frames).merge(base, on=[*KEYS, "replication"], how="left",
                                     suffixes=("", "_base"))  # fmt: skip
        # (a week the baseline's group had no opportunity in any replication: none made)
        for col in COUNTS:
            mine[f"{col}_base"] = mine[f"{col}_base"].fillna(0.0)
        paired_diffs(level, mine, KEYS, PAIRED)
        parts.append(level.assign(option=name)[["option", *level.columns]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
