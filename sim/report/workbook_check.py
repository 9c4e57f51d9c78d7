"""The checks ``bordersim workbook``, ``report`` and ``tables`` add to those of
:func:`sim.report.folder.read_run` and ``read_compare`` for the files they show that those do
not read (:func:`check_shown`): a run's ``summary.csv`` against the summary worked out again
from its checked replications, and ``enforcement.csv`` against each option's mean of its
checked replication tables. A file changed by hand (a figure typed over in a spreadsheet and
saved) is refused, naming it, rather than shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sim.report.folder import ResultsFolderError, read_csv

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult

def _changed(file: Path, what: str) -> ResultsFolderError:
    return ResultsFolderError(
        f"{file} does not match {what} (changed or damaged): give the command that made the "
        "folder again, or restore the file", repair=False)


def _close(a: pd.Series, b: pd.Series) -> bool:
    try:
        x, y = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
    except (TypeError, ValueError):
        return False
    return bool(np.allclose(x, y, rtol=1e-9, atol=1e-12, equal_nan=True))


def check_run_summary(folder: Path, res: CompareResult) -> None:
    """A run's ``summary.csv``: the same metrics, means, intervals and counts as the summary
    of its checked replications (a comparison's is checked by ``read_compare``)."""
    file = folder / "summary.csv"
    written = read_csv(file)
    built = res.summary
    cols = ["mean", "ci_low", "ci_high", "n"]
    if not {"metric", *cols} <= set(written.columns) or len(written) != len(built):
        raise _changed(file, "the run's replications")
    if list(written["metric"].astype(str)) != list(built["metric"].astype(str)) or not all(
            _close(written[c], built[c]) for c in cols):
        raise _changed(file, "the run's replications")


def _frames(variant: Any) -> dict[int, pd.DataFrame]:
    """A variant's replication enforcement tables (checked by their checksums on reading)."""
    out = {}
    for r in variant.reps:
        file = variant.path / "reps" / f"rep-{r:04d}-enforcement.csv"
        if file.is_file():
            out[r] = read_csv(file, dtype={"port": str, "direction": str, "truth": str})
    return out


def check_enforcement(folder: Path, kind: str, variants: dict[str, Any]) -> None:
    """``enforcement.csv`` (when there is one): the table worked out again from the options'
    checked replication tables, row by row and column by column."""
    from sim.experiment.enforcement_table import (
        compare_enforcement_table,
        summarise_enforcement_table,
    )
    from sim.experiment.options import BASELINE

    file = folder / "enforcement.csv"
    if not file.is_file():
        return
    written = read_csv(file, dtype={"option": str, "port": str, "direction": str,
                                    "truth": str})
    frames = {name: _frames(v) for name, v in variants.items()}
    if kind == "compare":
        built = compare_enforcement_table(frames, BASELINE)
    else:
        built = summarise_enforcement_table(next(iter(frames.values()), {}))
    if list(written.columns) != list(built.columns) or len(written) != len(built):
        raise _changed(file, "the replications' enforcement tables")
    for col in built.columns:
        same = (_close(written[col], built[col]) if pd.api.types.is_numeric_dtype(built[col])
                else list(written[col].astype(str)) == list(built[col].astype(str)))
        if not same:
            raise _changed(file, f"the replications' enforcement tables (column {col!r})")


def check_shown(folder: Path, kind: str, res: CompareResult, variants: dict[str, Any]) -> None:
    """Both checks above, as ``workbook``, ``report`` and ``tables`` make them of a run's or
    a comparison's folder before showing or exporting its ``summary.csv`` and
    ``enforcement.csv``."""
    if kind == "run":
        check_run_summary(folder, res)
    check_enforcement(folder, kind, variants)
