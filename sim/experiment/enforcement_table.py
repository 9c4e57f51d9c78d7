"""The hidden truth and what was found, by port, direction and type, across replications
(``enforcement.csv`` of a results folder): from the replications' enforcement tables
(``rep-NNNN-enforcement.csv``), for each port, direction and truth (``compliant`` or an
illicit type), the mean over replications of each count and value, with its 95 % Student-t
interval; in a comparison, also each option's difference from the baseline, paired by
replication. A reader charting seizures or finds by type needs no replication files: the
counts here are those the metrics add up (``seized`` over every row, a replication's
``consignments_seized + consignments_detained + consignments_rejected``)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sim.experiment.smuggling_series import by_option, summarised

FILE = "enforcement.csv"
KEYS = ["port", "direction", "truth"]
#: the enforcement table's figures, counts then their values (``seized``: declarations
#: seized, detained or rejected; older tables without it give the rest)
FIGURES = ("declarations", "value", "detected", "detected_value", "audit_detected",
           "audit_detected_value", "seized", "seized_value", "held", "held_value")  # fmt: skip
#: paired with the baseline in a comparison
PAIRED = ("detected", "detected_value", "audit_detected", "seized", "seized_value", "held")


def _stacked(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' tables stacked, with ``replication``; a port, direction and truth
    a replication's table has no row of (no such declaration: the table leaves it out)
    counts 0 there, so a mean over replications is not of those that had one only."""
    parts = [f.assign(replication=r) for r, f in frames.items() if not f.empty]
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "replication", *FIGURES])
    t = pd.concat(parts, ignore_index=True)
    figures = [c for c in FIGURES if c in t]
    t = t.astype({k: str for k in KEYS})
    groups = t[KEYS].drop_duplicates().itertuples(index=False)
    reps = sorted(r for r, f in frames.items() if not f.empty)
    full = pd.MultiIndex.from_tuples([(*g, r) for g in groups for r in reps],
                                     names=[*KEYS, "replication"])  # fmt: skip
    t = t.set_index([*KEYS, "replication"])[figures]
    return t.reindex(full, fill_value=0).reset_index()


def summarise_enforcement_table(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per port, direction and truth over the replications ``frames``
    (replication -> its enforcement table): ``reps`` and the mean of each of
    :data:`FIGURES` with ``<figure>_ci_low`` and ``<figure>_ci_high``."""
    t = _stacked(frames)
    if t.empty:
        return pd.DataFrame(columns=[*KEYS, "reps"])
    return summarised(t, KEYS, [c for c in FIGURES if c in t], [])


def compare_enforcement_table(
    options: Mapping[str, Mapping[int, pd.DataFrame]], baseline: str
) -> pd.DataFrame:
    """:func:`summarise_enforcement_table` of each option, with an ``option`` column and,
    for :data:`PAIRED`, ``<figure>_diff`` and its interval: the option minus ``baseline`` in
    each replication both have, paired (a row one of them lacks counts 0 there)."""
    return by_option(options, baseline, summarise_enforcement_table, _stacked, KEYS, PAIRED,
                     fill=0)  # (a row the baseline never had: none of it there)
