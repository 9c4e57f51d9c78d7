"""The risk engine's daily figures (``risk-daily.csv``, :mod:`sim.experiment.risk_daily_series`)
in a ``--json`` summary, compactly: one series per port, direction and trader class (and
option, in a comparison), each figure a list aligned with the observed ``days``, so a
script draws a day-by-day chart without reading the folder's CSV. The figures are the
file's means over the replications (``rate`` with its 95 % interval, ``decided`` and
``inspected``, the ``target`` the engine held), and in a comparison the option's paired
``rate_diff`` and its interval; a day a series has no row is ``null``. None when the run
had no risk engine (no such file, or an empty one)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from sim.experiment.risk_daily_series import FILE

#: the figures of each series, in this order (the file's other intervals are left to it)
FIGURES = ("target", "decided", "inspected", "rate", "rate_ci_low", "rate_ci_high")
#: a comparison's too, paired with the baseline
PAIRED = ("rate_diff", "rate_diff_ci_low", "rate_diff_ci_high")
#: the figures that are counts (a whole mean is written whole)
COUNTS = ("decided", "inspected")
#: what names a series
SERIES = ("option", "port", "direction", "trader_class")


def daily_json(table: pd.DataFrame) -> dict[str, Any] | None:
    """``table`` (as ``risk-daily.csv`` holds it) as ``{"days", "reps", "series"}``; None
    when it has no row."""
    if table.empty or "day" not in table:
        return None
    days = sorted({int(d) for d in table["day"]})
    keys = [k for k in SERIES if k in table]
    figures = [f for f in (*FIGURES, *PAIRED) if f in table]
    series = []
    for names, rows in table.groupby(keys, sort=False):
        by_day = rows.set_index(rows["day"].astype(int)).reindex(days)
        one: dict[str, Any] = dict(zip(keys, (str(n) for n in names), strict=True))
        for f in figures:
            one[f] = [None if pd.isna(v) else _number(v) if f in COUNTS else float(v)
                      for v in by_day[f]]
        series.append(one)
    most = pd.to_numeric(table["reps"], errors="coerce").max() if "reps" in table else math.nan
    return {"days": days, "reps": None if pd.isna(most) else int(most), "series": series}


def folder_daily_json(out: Path) -> dict[str, Any] | None:
    """:func:`daily_json` of ``out``'s ``risk-daily.csv`` (None without one)."""
    path = Path(out) / FILE
    if not path.is_file() or path.is_symlink():
        return None
    try:
        table = pd.read_csv(path, dtype={k: str for k in SERIES[1:]} | {"option": str})
    except (OSError, ValueError, pd.errors.EmptyDataError):
        return None
    return daily_json(table)


def _number(value: Any) -> float | int:
    """A plain number (a whole count stays whole in the JSON)."""
    x = float(value)
    return int(x) if x.is_integer() and abs(x) < 2**53 else x
