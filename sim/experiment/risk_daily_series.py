"""The risk engine's achieved inspection rate day by day, by port, direction and trader
class, across replications (``risk-daily.csv`` of a results folder): from the replications'
daily risk tables (``rep-NNNN-risk-daily.csv``, :mod:`sim.model.risk_daily`), for each
observed day, port, direction and class, the mean over replications of the declarations the
engine decided and selected for an inspection and of the day's achieved rate, each with a
95 % Student-t interval, and the target beside it (the first replication's: blank for a
class its credit rules set); in a comparison, also each option's difference from the
baseline, paired by replication and day. Whether the threshold holds the target as prevalence shifts
shows here; ``risk-achieved.csv`` gives the whole window's rate. By day, not week: in the
default with the engine on, ``general`` traders have some 250 to 750 decisions a day at each
goods port and direction (a binomial standard error of about a point at a 2.9 % target);
a class with tens a day (``aeo_general``) is summed over a week by its reader, ``decided``
saying how many each rate rests on."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sim.experiment.smuggling_series import by_option, summarised

FILE = "risk-daily.csv"
KEYS = ["day", "port", "direction", "trader_class"]
FIGURES = ("decided", "inspected", "rate")
#: paired with the baseline in a comparison
PAIRED = ("inspected", "rate")


def _stacked(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' daily risk tables stacked, with ``replication`` (each rate
    recomputed from its counts)."""
    parts = [f.assign(replication=r) for r, f in frames.items() if not f.empty]
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "replication", "target", *FIGURES])
    t = pd.concat(parts, ignore_index=True).astype({k: str for k in KEYS[1:]})
    decided = t["decided"].astype(float)
    t["rate"] = t["inspected"].astype(float) / decided.where(decided > 0)
    return t


def summarise_daily(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per observed day, port, direction and class over the replications
    ``frames`` (replication -> its daily risk table): ``reps``, ``target`` and the mean of
    each of :data:`FIGURES` with ``<figure>_ci_low`` and ``<figure>_ci_high``."""
    t = _stacked(frames)
    if t.empty:
        return pd.DataFrame(columns=[*KEYS, "reps", "target"])
    return summarised(t, KEYS, FIGURES, ["target"])


def compare_daily(
    options: Mapping[str, Mapping[int, pd.DataFrame]], baseline: str
) -> pd.DataFrame:
    """:func:`summarise_daily` of each option, with an ``option`` column and, for
    :data:`PAIRED`, ``<figure>_diff`` and its interval: the option minus ``baseline`` on
    the same day in each replication both have, paired."""
    return by_option(options, baseline, summarise_daily, _stacked, KEYS, PAIRED)
