"""The tables ``bordersim sweep`` prints: a Latin-hypercube sweep's partial rank
correlations (``prcc.csv``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd


def write_prcc(
    rows: pd.DataFrame, metrics: list[str], shown: list[str], out: Path
) -> pd.DataFrame:
    """``prcc.csv`` in ``out``: per metric of ``metrics`` and ``shown`` and swept parameter,
    the PRCC over the points' means with its 95 % interval, p-value and Holm's verdict;
    returned. Warns on stderr when the points are too few to rank the parameters, or the
    simulation noise blurs ``shown``'s PRCCs."""
    from sim.experiment.store import atomic_write
    from sim.experiment.sweep_prcc import noise_warning, prcc_warning, sweep_prcc

    table = sweep_prcc(rows, list(dict.fromkeys([*metrics, *shown])))
    atomic_write(out / "prcc.csv", table.to_csv(index=False))
    warnings = (
        prcc_warning(int(rows["point"].nunique()), int(table["parameter"].nunique())),
        noise_warning(rows, shown),
    )
    for warning in warnings:
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
    return table


def print_prcc(table: pd.DataFrame, shown: list[str], points: int) -> None:
    """Print the PRCC of each of ``shown`` per parameter (``table``: :func:`write_prcc`'s),
    with its 95 % interval and ``*`` where Holm's correction over the parameters finds it
    clear of 0."""
    wide = pd.DataFrame({
        metric: {str(r["parameter"]): _prcc_cell(r) for _, r in part.iterrows()}
        for metric, part in table[table["metric"].isin(shown)].groupby("metric", sort=False)
    })  # fmt: skip
    print(f"partial rank correlation (PRCC) over the {points} points' means, 95 % interval "
          "(* clear of 0 after Holm's correction over the parameters):")  # fmt: skip
    print(wide.rename_axis("parameter").to_string())


def _prcc_cell(row: pd.Series) -> str:
    if row["prcc"] != row["prcc"]:
        return "NaN"
    if row["ci_low"] != row["ci_low"]:
        return f"{row['prcc']:+.2f} [no interval]"
    star = " *" if row["significant"] else ""
    return f"{row['prcc']:+.2f} [{row['ci_low']:+.2f}, {row['ci_high']:+.2f}]{star}"
