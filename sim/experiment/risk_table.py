"""What the risk engine achieved against its target, by port, direction and trader class,
across replications (``risk-achieved.csv`` of a results folder): from the replications' risk
tables (``rep-NNNN-risk.csv``), for each port, direction and class, the mean over
replications of the declarations the engine decided and selected for an inspection, its
achieved rate with a 95 % Student-t interval, the target it holds (blank for a class its
credit rules set: a cap or a floor), the illicit declarations among those decided and
inspected, and those an alert raised; in a comparison, also each option's difference from
the baseline, paired by replication. A risk analyst asks first whether the rate achieved is
the rate asked for; without this file the answer is one replication at a time."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sim.experiment.smuggling_series import by_option, summarised

FILE = "risk-achieved.csv"
KEYS = ["port", "direction", "trader_class"]
#: the risk table's figures (``rate``: inspected over decided in one replication)
FIGURES = ("decided", "inspected", "rate", "illicit", "illicit_inspected", "raised")
#: paired with the baseline in a comparison
PAIRED = ("inspected", "rate", "illicit_inspected")


def _stacked(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' risk tables stacked, with ``replication`` (each rate recomputed
    from its counts, NaN where the engine decided none)."""
    parts = [f.assign(replication=r) for r, f in frames.items() if not f.empty]
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "replication", "target", *FIGURES])
    t = pd.concat(parts, ignore_index=True).astype({k: str for k in KEYS})
    decided = t["decided"].astype(float)
    t["rate"] = t["inspected"].astype(float) / decided.where(decided > 0)
    return t


def summarise_risk(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per port, direction and class over the replications ``frames``
    (replication -> its risk table): ``reps``, ``target`` and the mean of each of
    :data:`FIGURES` with ``<figure>_ci_low`` and ``<figure>_ci_high``."""
    t = _stacked(frames)
    if t.empty:
        return pd.DataFrame(columns=[*KEYS, "reps", "target"])
    return summarised(t, KEYS, [c for c in FIGURES if c in t], ["target"])


def compare_risk(
    options: Mapping[str, Mapping[int, pd.DataFrame]], baseline: str
) -> pd.DataFrame:
    """:func:`summarise_risk` of each option, with an ``option`` column and, for
    :data:`PAIRED`, ``<figure>_diff`` and its interval: the option minus ``baseline`` in
    each replication both have, paired."""
    return by_option(options, baseline, summarise_risk, _stacked, KEYS, PAIRED)
