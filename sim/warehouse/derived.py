"""The checks ``bordersim tables`` adds to those of :func:`sim.report.folder.read_run` and
``read_compare`` for the folder's files it exports that those do not read: ``metrics.csv``
and a run's ``class-differences.csv`` against the tables worked out again from the checked
replications, a run's week-by-week, milestone, trading and seizures-by-layer tables against
the text its store writes from the replication files, and the workbook's checks of
``summary.csv`` and ``enforcement.csv`` (:mod:`sim.report.workbook_check`). A file cut
short, emptied, typed over or deleted is refused, naming it (a comparison's by the
checksums its finish sealed), rather than exported into a warehouse as if whole (or as a
table of no rows)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from sim.report.folder import ResultsFolderError, read_csv

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult


#: how a damaged file is repaired, said in general (a reader that knows the folder's command,
#: such as ``bordersim report``, names it instead: :mod:`sim.report.unread_files`)
AGAIN = ": give the command that made the folder again (it writes the file again)"


def changed(file: Path, what: str) -> ResultsFolderError:
    """The error of a file of the folder that does not match what it was made from."""
    return ResultsFolderError(
        f"{file} does not match {what} (changed or damaged){AGAIN}, or restore the file",
        repair=False)


def missing(file: Path) -> ResultsFolderError:
    """The error of a file the command that made the folder always writes, not there."""
    return ResultsFolderError(f"{file} is missing (the folder is incomplete or damaged){AGAIN}",
                              repair=False)


def same_rows(written: pd.DataFrame, built: pd.DataFrame, keys: list[str], numbers: list[str]
          ) -> bool:
    """The same rows in the same order: keys as text, numbers to the last digit CSV keeps."""
    from sim.report.workbook_check import _close

    if not set(keys + numbers) <= set(written.columns) or len(written) != len(built):
        return False
    return all(list(written[k].fillna("").astype(str)) == list(built[k].fillna("").astype(str))
               for k in keys) and all(_close(written[c], built[c]) for c in numbers)


def _per_rep(res: CompareResult, kind: str) -> pd.DataFrame:
    """The checked replications' metrics, one row each (a run's without its option)."""
    return res.per_rep.drop(columns=["option"]) if kind == "run" else res.per_rep


def check_metrics(folder: Path, kind: str, res: CompareResult, variants: dict[str, Any]
                  ) -> None:
    """``metrics.csv``: every replication's every metric, as the long
    table of the checked replications says."""
    from sim.experiment.metric_parts import FILE, folder_splitter, long_metrics

    file = folder / FILE
    if not file.is_file():
        raise missing(file)
    splitter = folder_splitter(v.path for v in variants.values())
    built = long_metrics(_per_rep(res, kind), splitter)
    keys = [c for c in ("option", "replication", "metric") if c in built.columns]
    if not same_rows(read_csv(file, keep_default_na=False, na_values=[""]), built, keys,
                 ["value"]):
        raise changed(file, "the replications in replications.csv")


def check_class_differences(folder: Path, kind: str, res: CompareResult) -> None:
    """A run's ``class-differences.csv``: each trader class against
    general traders, as worked out again from the checked replications."""
    from sim.experiment.class_differences import FILE, class_differences

    file = folder / FILE
    if kind != "run":
        return
    if not file.is_file():
        raise missing(file)
    built = class_differences(_per_rep(res, kind))
    numbers = [c for c in built.columns if pd.api.types.is_numeric_dtype(built[c])]
    keys = [c for c in built.columns if c not in numbers]
    if not same_rows(read_csv(file, keep_default_na=False, na_values=[""]), built, keys, numbers):
        raise changed(file, "the replications in replications.csv")


def _rebuilt_series(folder: Path, reps: list[int]) -> dict[str, str]:
    """A run's week-by-week, milestone, trading and seizures-by-layer tables as its store
    writes them from the replication files (each only when a replication kept the files it
    is made from)."""
    from sim.experiment import enforcement_series, interval_summary, seizure_layers, trading_table
    from sim.experiment.store import csv_or_empty

    reps_dir = folder / "reps"
    out = {}
    daily = {r: csv_or_empty(f) for r in reps
             if (f := reps_dir / f"rep-{r:04d}-enforcement-daily.csv").is_file()}
    if daily:
        out[enforcement_series.FILE] = enforcement_series.summarise_enforcement(
            daily).to_csv(index=False)
    intervals = [read_csv(f) for r in reps if (f := reps_dir / f"rep-{r:04d}-intervals.csv"
                                               ).is_file()]
    out[interval_summary.FILE] = interval_summary.summarise_intervals(intervals).to_csv(
        index=False)
    frames = trading_table.folder_frames(reps_dir, reps)
    if frames:
        out[trading_table.FILE] = trading_table.summarise_trading(
            frames, trading_table.port_modes(folder), trading_table.currency_of(folder)
        ).to_csv(index=False)
    layers = {r: t for r in reps
              if (t := seizure_layers.read_rep(reps_dir, r)) is not None}  # fmt: skip
    if any(not t.empty for t in layers.values()):  # (as the store writes it, or not at all)
        out[seizure_layers.FILE] = seizure_layers.summarise_layers(layers).to_csv(index=False)
    return out


def check_run_series(folder: Path, kind: str, variants: dict[str, Any]) -> None:
    """A run's ``enforcement-weekly.csv``, ``milestone-intervals.csv``,
    ``trading-across-borders.csv`` and ``seizures-by-layer.csv`` (each its replication files
    make): the same text as the store writes them again from the checked replication
    files."""
    from sim.report.folder import own_bytes

    if kind != "run":
        return
    for name, text in _rebuilt_series(folder, variants["run"].reps).items():
        file = folder / name
        if not file.is_file():
            raise missing(file)
        if own_bytes(file) != text.encode("utf-8"):
            raise changed(file, "the replication files in reps/")


def check_compare_seal(folder: Path, kind: str, exported: Iterable[str]) -> None:
    """A comparison's files of ``exported`` that its finish sealed (``finished.json``: each
    file's checksum as written), each there as written (``report.html``, which ``bordersim
    report`` may write again, is not read): the weekly series, trading, milestone and
    interactions tables are not worked out again from the replications on reading, so their
    checksums are what vouches for them. Without the seal (a finish interrupted, or a folder
    finished before seals were written) nothing does: giving the command again seals it."""
    from sim.experiment import finish_seal
    from sim.report.folder import own_bytes, read_object

    seal = folder / finish_seal.FILE
    if kind != "compare":
        return
    if not seal.is_file():
        raise missing(seal)
    files = read_object(seal).get("files")
    if not isinstance(files, dict):
        raise ResultsFolderError(f"{seal} is not what bordersim writes (no files)")
    wanted = set(exported)
    for name, sha in files.items():
        if name not in wanted:
            continue
        file = folder / str(name)
        if not file.is_file():
            raise missing(file)
        if hashlib.sha256(own_bytes(file)).hexdigest() != sha:
            raise changed(file, f"its checksum in {seal}")


def check_exported(folder: Path, kind: str, res: CompareResult, variants: dict[str, Any],
                   exported: Iterable[str]) -> None:
    """Every check above, and the workbook's of ``summary.csv`` and ``enforcement.csv``."""
    from sim.report.workbook_check import check_shown

    check_shown(folder, kind, res, variants)
    check_metrics(folder, kind, res, variants)
    check_class_differences(folder, kind, res)
    check_run_series(folder, kind, variants)
    check_compare_seal(folder, kind, exported)
