"""Why the risk engine inspected (``risk-reasons.csv``, :mod:`sim.experiment.risk_reasons_table`)
in a ``--json`` summary: one record per port (and ``all``), check and reason with the file's
``reps``, mean ``inspections`` and ``hits``, ``share`` and ``hit_rate`` with their 95 %
intervals (``null`` where undefined: a reason that never inspected has no hit rate). In a
comparison's, each record also names its ``option`` and the paired differences from the
baseline of ``inspections`` and ``hits``. None when the run had no risk engine (no such
file, or an empty one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.experiment.risk_reasons_table import FILE, KEYS

#: the figures of each record, in this order
FIGURES = ("reps", "inspections", "hits", "share", "share_ci_low", "share_ci_high",
           "hit_rate", "hit_rate_ci_low", "hit_rate_ci_high",
           # (a comparison's: the option minus the baseline, paired by replication)
           "inspections_diff", "inspections_diff_ci_low", "inspections_diff_ci_high",
           "hits_diff", "hits_diff_ci_low", "hits_diff_ci_high")  # fmt: skip


def reasons_json(table: pd.DataFrame) -> list[dict[str, Any]] | None:
    """``table`` (as ``risk-reasons.csv`` holds it) as records; None when it has no row."""
    if table.empty or "reason" not in table:
        return None
    cols = [c for c in ("option", *KEYS) if c in table]
    out = []
    for row in table.to_dict("records"):
        one: dict[str, Any] = {c: str(row[c]) for c in cols}
        for f in FIGURES:
            if f in row:
                one[f] = None if pd.isna(row[f]) else float(row[f])
        out.append(one)
    return out


def folder_reasons_json(out: Path) -> list[dict[str, Any]] | None:
    """:func:`reasons_json` of ``out``'s ``risk-reasons.csv`` (None without one)."""
    path = Path(out) / FILE
    if not path.is_file() or path.is_symlink():
        return None
    try:
        table = pd.read_csv(path, dtype={k: str for k in KEYS})
    except (OSError, ValueError, pd.errors.EmptyDataError):
        return None
    return reasons_json(table)
