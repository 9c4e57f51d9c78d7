"""Read a sweep folder (``bordersim sweep``) for its report, every file checked.

Every point file of points 0 .. ``points``-1 and replications 0 .. ``reps``-1 (``meta.json``)
is checked as a resumed sweep checks it (:meth:`~sim.experiment.sweep_store.SweepStore.verify`:
its checksum, root seed, version, point and replication); the scenario hashes they carry must
give ``meta.json``'s ``points_hash``, and ``design.csv`` and ``sweep.csv`` must hold their
parameters and metrics. Anything missing, unreadable or changed is a
:class:`~sim.report.folder.ResultsFolderError` that names the file. A folder written before
point files carried a checksum is read without checksums to check (the report says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sim.report.folder import ResultsFolderError, read_csv, read_object

if TYPE_CHECKING:
    from sim.experiment.sweep_store import PointRecord, SweepStore

Records = dict[tuple[int, int], "PointRecord"]


@dataclass
class SweepFolder:
    """A checked sweep folder: what it says it ran, its points and its rows."""

    meta: dict[str, Any]
    params: list[str]
    design: pd.DataFrame  # index point, one column per parameter
    rows: pd.DataFrame  # sweep.csv: one row per (point, replication)
    #: written before point files carried a checksum: checked against sweep.csv only
    legacy: bool = False
    #: each point's warnings (from its checked point files), by point
    warnings: dict[str, list[str]] = field(default_factory=dict)


def _count(meta: dict[str, Any], key: str, path: Path) -> int:
    n = meta.get(key)
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ResultsFolderError(f"{path} does not say how many {key} the sweep has")
    return n


def read_sweep(path: Path) -> SweepFolder:
    """The sweep folder ``path``, its point files, ``design.csv`` and ``sweep.csv`` checked."""
    from sim.experiment.sweep_store import SweepStore

    meta_path = path / "meta.json"
    meta = read_object(meta_path)
    if not isinstance(meta.get("parameters"), list):
        raise ResultsFolderError(f"{meta_path} does not describe a sweep")
    params = [str(p) for p in meta["parameters"]]
    points, reps = _count(meta, "points", meta_path), _count(meta, "reps", meta_path)
    design = read_csv(path / "design.csv", index_col="point")
    if list(design.columns) != params or list(design.index) != list(range(points)):
        raise ResultsFolderError(
            f"{path / 'design.csv'} does not hold the {points} point(s) of meta.json "
            f"({', '.join(params)})"
        )
    try:
        store = SweepStore.reading(path)
    except ValueError as exc:
        raise ResultsFolderError(str(exc)) from None
    records = _records(store, meta, points, reps)
    mismatch = "does not match the point files in points/ (changed or damaged)"
    for p in range(points):
        written = [design.at[p, k] for k in params]
        if not _same_values(written, [records[p, 0].parameters.get(k) for k in params]):
            raise ResultsFolderError(f"{path / 'design.csv'} {mismatch}")
    rows = read_csv(path / "sweep.csv")
    if rows.empty or not {"point", "replication"} <= set(rows.columns):
        raise ResultsFolderError(f"{path / 'sweep.csv'} has no finished points")
    if not _same_rows(rows, records, params):
        raise ResultsFolderError(f"{path / 'sweep.csv'} {mismatch}")
    from sim.experiment.sweep_store import point_warnings

    warned = point_warnings({key: list(rec.warnings) for key, rec in records.items()})
    _check_pooled(path, rows, params, warned)
    return SweepFolder(meta, params, design, rows, store.legacy, warned)


def _check_pooled(
    path: Path, rows: pd.DataFrame, params: list[str], warned: dict[str, list[str]]
) -> None:
    """``warnings.json``, ``summary.csv`` and ``intervals.csv`` against the checked rows
    they pool (as the sweep wrote them): a :class:`ResultsFolderError` naming the file that
    is missing, unreadable or changed."""
    from sim.experiment.sweep_store import point_intervals, summarise_points
    from sim.report.folder import _same_table

    mismatch = "does not match the point files in points/ (changed or damaged)"
    if read_object(path / "warnings.json") != warned:
        raise ResultsFolderError(f"{path / 'warnings.json'} {mismatch}")
    built = summarise_points(rows, params, warned)
    got = read_csv(path / "summary.csv", index_col="point")
    numbers = [c for c in built.columns if c not in params]
    if (list(got.columns) != list(built.columns) or list(got.index) != list(built.index)
            or not _same_table(got[numbers].astype(float), built[numbers].astype(float))):
        raise ResultsFolderError(f"{path / 'summary.csv'} {mismatch}")
    built = point_intervals(rows, params)
    got = read_csv(path / "intervals.csv")
    numbers = [c for c in built.columns if c not in {*params, "metric"}]
    if (list(got.columns) != list(built.columns) or len(got) != len(built)
            or list(got.get("metric", [])) != list(built["metric"])
            or not _same_table(got[numbers], built[numbers])):
        raise ResultsFolderError(f"{path / 'intervals.csv'} {mismatch}")
    _check_differences(path, rows, params, mismatch)


def _check_differences(path: Path, rows: pd.DataFrame, params: list[str], mismatch: str
                       ) -> None:
    """``differences.csv`` (each point's paired difference from point 0, which the page
    sends its reader to for every metric) against the checked rows, as ``tables`` checks a
    table worked out again (:func:`sim.warehouse.derived.same_rows`): a sweep of one point
    has none, so a file cut to half its header is caught by its columns."""
    from sim.experiment.sweep_pairs import point_differences
    from sim.warehouse.derived import same_rows

    file = path / "differences.csv"
    built = point_differences(rows, params)
    got = read_csv(file, keep_default_na=False, na_values=[""])
    numbers = [c for c in built.columns if c != "significant"
               and pd.api.types.is_numeric_dtype(built[c])]
    keys = [c for c in built.columns if c not in numbers]
    if list(got.columns) != list(built.columns) or not same_rows(got, built, keys, numbers):
        raise ResultsFolderError(f"{file} {mismatch}")


def _records(store: SweepStore, meta: dict[str, Any], points: int, reps: int) -> Records:
    """Every point file, checked; their scenario hashes must be the sweep's points."""
    from sim.experiment.store import Disagree
    from sim.experiment.sweep_store import points_hash

    records: Records = {}
    hashes = []
    for p in range(points):
        for r in range(reps):
            try:
                rec = store.verify(p, r)
            except ValueError as exc:  # (one that disagrees with meta.json: no remedy)
                raise ResultsFolderError(str(exc), not isinstance(exc, Disagree)) from None
            if r and rec.scenario_hash != records[p, 0].scenario_hash:
                raise ResultsFolderError(
                    f"{store.file(p, r)}: from another sweep (its scenario is not that of "
                    f"{store.file(p, 0).name})"
                )
            records[p, r] = rec
        hashes.append(records[p, 0].scenario_hash)
    if points_hash(hashes) != meta.get("points_hash"):
        raise ResultsFolderError(
            f"{store.points_dir}: the point files are not those of the sweep meta.json "
            "describes (its points_hash differs)", repair=False
        )
    return records


def _same_values(a: list[Any], b: list[Any]) -> bool:
    """Parameter values equal as numbers (when both are numbers) or as text."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        try:
            if not np.isclose(float(x), float(y), rtol=1e-12, atol=0):
                return False
        except (TypeError, ValueError):
            if str(x) != str(y):
                return False
    return True


def _same_rows(rows: pd.DataFrame, records: Records, params: list[str]) -> bool:
    """``sweep.csv`` holds exactly the point files: their keys, parameters and metrics."""
    from sim.report.folder import _same_table

    keys = sorted(records)
    built = pd.DataFrame(
        [{"point": p, "replication": r, **records[p, r].metrics} for p, r in keys]
    )
    if set(rows.columns) != set(built.columns) | set(params) or len(rows) != len(built):
        return False
    rows = rows.sort_values(["point", "replication"], kind="stable").reset_index(drop=True)
    for i, (p, r) in enumerate(keys):
        got = [rows.at[i, k] for k in params]
        if not _same_values(got, [records[p, r].parameters.get(k) for k in params]):
            return False
    return _same_table(rows[list(built.columns)], built)
