"""What customs found and what the hidden truth held, week by week across replications
(``enforcement-weekly.csv`` of a results folder): from the replications' daily enforcement
series (``rep-NNNN-enforcement-daily.csv``), for each observed week, port and direction, the
mean over replications of the declarations, the illicit ones, those detected (before release,
and after it by audit), inspected and still held, and of the week's detection and inspection
rates, each with a 95 % Student-t interval; in a comparison, also each option's difference
from the baseline, paired by replication. The counterpart, on the customs side, of
``smuggling-weekly.csv`` (:mod:`sim.experiment.smuggling_series`)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sim.experiment.smuggling_series import DAYS_A_WEEK, paired_diffs, summarised

FILE = "enforcement-weekly.csv"
KEYS = ["week", "port", "direction"]
COUNTS = ("declarations", "illicit", "detected", "audit_detected", "inspected", "held")
#: ``detection_rate``: detected / (illicit - held), as the metric; ``inspection_rate``:
#: inspected / declarations
FIGURES = (*COUNTS, "detection_rate", "inspection_rate")
#: paired with the baseline in a comparison
PAIRED = ("illicit", "detected", "detection_rate", "inspection_rate")


def _weekly(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' daily series summed by week (week 0: the observed window's first
    seven days), each with its rates and ``days`` (the week's observed days)."""
    parts = [f.assign(replication=r) for r, f in frames.items() if not f.empty]
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "replication", "days", *FIGURES])
    t = pd.concat(parts, ignore_index=True)
    t = t.assign(week=t["day"].astype(int) // DAYS_A_WEEK,
                 port=t["port"].astype(str), direction=t["direction"].astype(str))  # fmt: skip
    out = t.groupby([*KEYS, "replication"], sort=True)[list(COUNTS)].sum().reset_index()
    out = out.join(t.groupby("week")["day"].nunique().rename("days"), on="week")
    known = out["illicit"] - out["held"]
    out["detection_rate"] = out["detected"] / known.where(known > 0)
    out["inspection_rate"] = out["inspected"] / out["declarations"].where(
        out["declarations"] > 0)
    return out


def summarise_enforcement(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per observed week, port and direction over the replications ``frames``
    (replication -> its daily series): ``reps``, ``days`` and the mean of each of
    :data:`FIGURES` with ``<figure>_ci_low`` and ``<figure>_ci_high``."""
    weekly = _weekly(frames)
    if weekly.empty:
        return pd.DataFrame(columns=[*KEYS, "reps", "days"])
    return summarised(weekly, KEYS, FIGURES, ["days"])


def compare_enforcement(
    options: Mapping[str, Mapping[int, pd.DataFrame]], baseline: str
) -> pd.DataFrame:
    """:func:`summarise_enforcement` of each option, with an ``option`` column and, for
    :data:`PAIRED`, ``<figure>_diff`` and its interval: the option minus ``baseline`` in each
    replication both have, paired."""
    base = _weekly(options.get(baseline, {}))
    parts = []
    for name, frames in options.items():
        level = summarise_enforcement(frames)
        if level.empty:
            continue
        mine = _weekly(frames).merge(base, on=[*KEYS, "replication"], how="left",
                                     suffixes=("", "_base"))  # fmt: skip
        paired_diffs(level, mine, KEYS, PAIRED)
        parts.append(level.assign(option=name)[["option", *level.columns]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
