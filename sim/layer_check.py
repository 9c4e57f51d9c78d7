"""Whether a results folder's seizures add up (``seizures-by-layer.csv`` against itself and
against ``enforcement.csv``): on each row arrived = seized at the port + stopped by patrols +
found but not seized (tables written before that column: none) + missed; each illicit
type's total (place ``all``) is the sum over its places and each place's total (truth
``all``) the sum over the types; and the seizures at the ports of all types are those
``enforcement.csv`` counts (its ``seized`` summed over the illicit types). Every figure is a
mean over the same replications, so sums of means are means of sums: a table that does not
add up was changed, or made wrong. ``bordersim reproduce`` otherwise checked this table only
against its seal, which re-sealing defeats."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: the counts that add up (a replication without a row counts 0 of each)
ADDITIVE = ("arrived", "seized_at_port", "stopped_by_patrols", "missed", "detected", "held")
#: the parts of a row's arrivals: seized, stopped, found but not seized, missed
PARTS = ("seized_at_port", "stopped_by_patrols", "found_not_seized", "missed")
ALL = "all"
#: relative tolerance: the same sums added in another order
TOLERANCE = 1e-9


def layer_problems(folder: Path) -> list[str]:
    """The first way ``folder``'s ``seizures-by-layer.csv`` does not add up, one line naming
    the file, the row and both figures; empty when it adds up (or the folder has none)."""
    from sim.report.folder import read_csv

    path = folder / "seizures-by-layer.csv"
    if not path.is_file():
        return []
    try:
        table = read_csv(path)
        enforcement = read_csv(folder / "enforcement.csv")
    except ValueError as exc:
        return [str(exc)]
    groups = table.groupby("option", sort=False) if "option" in table.columns else [("", table)]
    for key, rows in groups:
        option = str(key)
        said = _adds_up(rows, _seized(enforcement, option))
        if said:
            where = f" (option {option})" if option else ""
            return [f"{path}: {said}{where}, so the table does not add up (changed or made "
                    "wrong): give the command that made the folder again"]
    return []


def _seized(enforcement: pd.DataFrame, option: str) -> float | None:
    """``enforcement.csv``'s seizures of every illicit type (of ``option``), or None."""
    if enforcement.empty or "seized" not in enforcement.columns:
        return None
    rows = enforcement[enforcement["truth"] != "compliant"]
    if option:
        rows = rows[rows["option"] == option]
    return float(rows["seized"].sum())


def _adds_up(rows: pd.DataFrame, seized: float | None) -> str | None:
    """What of one option's rows (indexed as in the file) does not add up, or None."""
    for i, row in rows.iterrows():
        parts = sum(float(row[name]) for name in PARTS if name in row.index)
        if not _same(row["arrived"], parts):
            return (f"line {int(str(i)) + 2} ({row['truth']}, {row['place']}) has arrived "
                    f"{float(row['arrived'])!r}, but seized, stopped, found not seized and "
                    f"missed add up to {float(parts)!r}")
    additive = [name for name in (*ADDITIVE, "found_not_seized", "found_after_release")
                if name in rows.columns]
    for total_of, over in (("place", "truth"), ("truth", "place")):
        cells = rows[(rows["truth"] != ALL) & (rows["place"] != ALL)]
        sums = cells.groupby(over, sort=False)[additive].sum()
        totals = rows[(rows[total_of] == ALL) & (rows[over] != ALL)].set_index(over)
        for key, total in totals[additive].iterrows():
            for column in additive:
                want = float(sums[column].get(key, 0.0))
                if not _same(total[column], want):
                    return (f"the {over} {key}'s total {column} is "
                            f"{float(total[column])!r}, but its rows add up to {want!r}")
    whole = rows[(rows["truth"] == ALL) & (rows["place"] == ALL)]
    if seized is not None and len(whole) and not _same(whole["seized_at_port"].iloc[0], seized):
        return (f"the total seized_at_port is {float(whole['seized_at_port'].iloc[0])!r}, but "
                f"enforcement.csv's seized of the illicit types adds up to {seized!r}")
    return None


def _same(a: float, b: float) -> bool:
    """Equal within :data:`TOLERANCE` of the larger (both missing: equal)."""
    if pd.isna(a) and pd.isna(b):
        return True
    return bool(abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1.0))
