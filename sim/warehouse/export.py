"""Write a finished results folder's figures as the warehouse tables of
:mod:`sim.warehouse.schema`: typed Parquet files and ``datapackage.json``, in a folder of
their own. The results folder is checked as ``bordersim report`` checks it (a damaged or
unfinished folder is refused, naming the file) and only read."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from sim.warehouse.schema import BY_NAME, SCHEMA_VERSION, Table, datapackage

_T = TypeVar("_T")
_SUFFIXES = ("_diff_ci_low", "_diff_ci_high", "_diff", "_ci_low", "_ci_high")
_COUNTS = {"declarations", "illicit", "detected", "audit_detected", "inspected", "held",
           "seized"}
#: seizures-by-layer.csv's counts (sim.experiment.seizure_layers.COUNTS): illicit
#: consignments or smuggling loads, and the consignments customs inspected or found
_LAYER_COUNTS = {"arrived", "seized_at_port", "stopped_by_patrols", "missed", "detected",
                 "held", "inspected", "hits", "found_not_seized", "document_finds",
                 "found_after_release"}


def figure_unit(table: str, figure: str, currency: str) -> str:
    """The unit of one figure (a column of the folder's wide table); a figure no rule knows is
    a ValueError, so that a new column is given a unit before it reaches a warehouse."""
    money = currency or "currency"
    if figure.endswith("_h"):
        return "hours"
    if figure.startswith("within_") or figure in ("detection_rate", "inspection_rate",
                                                  "utilisation"):
        return "share (0-1)"
    if table == "seizure_layer_figures" and figure in _LAYER_COUNTS:
        return "consignments"
    if table == "seizure_layer_figures" and figure in ("detection_share", "hit_rate",
                                                       "detection_share_pooled"):
        return "share (0-1)"
    if table.startswith("enforcement") and figure in _COUNTS:
        return "declarations"
    if table == "enforcement_figures" and (figure == "value" or figure.endswith("_value")):
        return money
    if table == "trading_figures" and figure.endswith("_per_container"):
        return f"{money} per container"
    if table == "trading_figures" and re.fullmatch(r"\w+_(cost|fees)|value_of_time", figure):
        return f"{money} per consignment"
    if figure in ("consignments", "n", "queue_mean"):
        return "consignments"
    if figure in ("busy_mean", "capacity_mean"):
        return "servers"
    if figure in ("served", "jobs_total"):
        return "jobs"
    if figure == "batches":
        return "batches"
    if figure == "area_total":
        return "consignment-hours"
    raise ValueError(f"{table}: no unit is declared for figure {figure!r} "
                     "(sim/warehouse/export.py, figure_unit)")


def run_id(kind: str, meta: dict[str, Any]) -> str:
    """The folder's key: the same on every export, different for another folder."""
    text = "|".join(str(meta.get(k, "")) for k in ("scenario_hash", "seed", "created"))
    return hashlib.sha256(f"{kind}|{text}".encode()).hexdigest()[:16]


def scenario_fields(scenario: dict[str, Any], path: str = "") -> list[dict[str, Any]]:
    """A resolved scenario's leaves, one per dotted path: its JSON text, and its number."""
    if isinstance(scenario, dict) and scenario:
        return [row for key, value in scenario.items()
                for row in scenario_fields(value, f"{path}.{key}" if path else str(key))]
    number = (float(scenario) if isinstance(scenario, int | float)
              and not isinstance(scenario, bool) else None)
    text = json.dumps(scenario, sort_keys=True, ensure_ascii=False)  # (read by people too)
    return [{"field": path, "value": text, "number": number}]


def _csv(path: Path) -> pd.DataFrame:
    """A CSV of the folder, only an empty cell missing (a port named `NA` stays `NA`)."""
    from sim.report.folder import read_csv

    return read_csv(path, keep_default_na=False, na_values=[""])  # (never through a link)


def _long(frame: pd.DataFrame, name: str, keys: list[str], currency: str) -> pd.DataFrame:
    """A wide table of figures (``f``, ``f_ci_low``, ``f_diff``, ...) one row per figure."""
    stems = [c for c in frame.columns if c not in keys and not (
        c.endswith(_SUFFIXES) and any(c == s + x for s in frame.columns for x in _SUFFIXES))]
    parts = []
    for f in stems:
        part = frame[keys].copy()
        part["figure"] = f
        part["unit"] = figure_unit(name, f, currency)
        part["mean"] = part["value"] = frame[f]
        for x in _SUFFIXES:
            part[x[1:]] = frame[f + x] if f + x in frame.columns else float("nan")
        parts.append(part)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=keys)


def _typed_from(table: Table, frame: pd.DataFrame, ids: dict[str, Any], _: Path
                 ) -> pa.Table:
    """:func:`_typed`, as :func:`_read` calls it (with the file the frame was read from)."""
    return _typed(table, frame, ids)


def _typed(table: Table, frame: pd.DataFrame, ids: dict[str, Any]) -> pa.Table:
    """``frame`` with the table's columns, in order, as its declared Arrow types."""
    frame = frame.copy()
    for k, v in ids.items():
        frame[k] = v
    for c in table.columns:
        if c.name not in frame.columns:
            frame[c.name] = None
        elif c.type == "string" and c.required:
            frame[c.name] = frame[c.name].where(frame[c.name].notna(), "").astype(str)
    frame = frame[table.names()]
    if "significant" in frame.columns:
        frame["significant"] = frame["significant"].astype(bool)
    if "steady_state" in frame.columns:
        frame["steady_state"] = frame["steady_state"].map(
            lambda v: None if pd.isna(v) else str(v).lower() in ("true", "1", "1.0"))
    return pa.Table.from_pandas(frame, schema=table.arrow_schema(), preserve_index=False)


def _runs_and_options(folder: Path, kind: str, res: Any, variants: dict[str, Any]
                      ) -> tuple[dict[str, Any], pd.DataFrame, pd.DataFrame, list[str]]:
    """The key columns, the ``runs`` row and the ``options`` rows; the options' names."""
    from sim.report.folder import ResultsFolderError, read_object

    meta = res.meta
    record = folder / ("compare.json" if kind == "compare" else "meta.json")
    for key in ("scenario_hash", "version", "build", "seed", "reps", "days", "warmup_days",
                "drain_days", "created"):
        if meta.get(key) is None:
            raise ResultsFolderError(f"{record}: no {key!r}: the folder was written by an "
                                     "older bordersim; run it again to export it",
                                     repair=False)
    rid = run_id(kind, meta)
    names = ["baseline"] if kind == "run" else res.names
    rows = []
    for i, name in enumerate(names):
        option_dir = folder if kind == "run" else folder / "options" / name
        own = read_object(option_dir / "meta.json")
        opt = res.options[i]
        rows.append({"option": name, "position": i, "scenario_hash": own["scenario_hash"],
                     "description": "the scenario unchanged" if kind == "run"
                     else opt.description,
                     "changes": json.dumps(dict(opt.overrides), sort_keys=True, default=str,
                                          ensure_ascii=False),
                     "reform": "" if kind == "run" else opt.reform,
                     "parts": "" if kind == "run" else "+".join(opt.parts)})
    runs = pd.DataFrame([{
        "kind": kind, "folder": folder.resolve().name, "scenario": res.scenario,
        "scenario_hash": meta["scenario_hash"], "version": meta["version"],
        "build": meta["build"], "seed": int(meta["seed"]),
        "reps": int(meta["reps"]), "days": float(meta["days"]),
        "warmup_days": float(meta["warmup_days"]), "drain_days": float(meta["drain_days"]),
        "currency": meta.get("currency") or None,
        "price_year": _price_year(variants["run" if kind == "run" else "baseline"].scenario),
        "created": pd.Timestamp(meta["created"]).tz_convert("UTC"),
        "schema_version": SCHEMA_VERSION}])
    return {"run_id": rid}, runs, pd.DataFrame(rows), names


def _price_year(scenario: dict[str, Any]) -> int | None:
    """The year whose prices the scenario's money is at (``costs.price_year``); None without
    costs (goods' values alone, at no stated year)."""
    year = (scenario.get("costs") or {}).get("price_year")
    return None if year is None else int(year)


def _as_baseline(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """A run's table with the ``option`` column a comparison's has (``baseline``)."""
    if kind == "run":
        frame.insert(0, "option", "baseline")
    return frame


def _stacked(folder: Path, kind: str, names: list[str], variants: dict[str, Any],
             table: str) -> pd.DataFrame:
    """Every finished replication's ``reps/rep-NNNN-<table>.csv``, with option and number."""
    frames = []
    for name in names:
        variant = variants["run" if kind == "run" else name]
        for r in variant.reps:
            path = variant.path / "reps" / f"rep-{r:04d}-{table}.csv"
            if path.exists():
                frame = _csv(path)
                frame.insert(0, "replication", r)
                frame.insert(0, "option", name)
                frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def tables(folder: Path) -> dict[str, pa.Table]:
    """Every warehouse table of a finished run's or comparison's folder, typed and keyed.

    The folder is verified first (:func:`sim.report.folder.read_run`, ``read_compare``): a
    damaged, unfinished or other kind of folder is a ``ResultsFolderError`` naming the file."""
    from sim.report.folder import ResultsFolderError, kind_of, read_compare, read_run
    from sim.warehouse.derived import check_exported

    folder = Path(folder)
    kind = kind_of(folder)
    if kind not in ("run", "compare"):
        raise ResultsFolderError(f"{folder} is a {kind}'s folder: give a run's or a "
                                 "comparison's", repair=False)
    res, variants = read_compare(folder) if kind == "compare" else read_run(folder)
    check_exported(folder, kind, res, variants, _FILES.values())
    ids, runs, options, names = _runs_and_options(folder, kind, res, variants)
    currency = str(res.meta.get("currency") or "")
    frames: dict[str, pd.DataFrame] = {"runs": runs, "options": options}
    for name in ("metric_values", "metric_summary", "metric_differences", "gains"):
        frames[name] = _read(folder / _FILES[name], partial(_metric_table, name=name,
                                                                  kind=kind))
    frames["scenario_fields"] = pd.DataFrame(
        [{"option": name, **row} for name in names
         for row in scenario_fields(variants["run" if kind == "run" else name].scenario)])
    frames["metric_interactions"] = _read(folder / _FILES["metric_interactions"],
                                          _interactions)
    frames["class_differences"] = _read(
        folder / _FILES["class_differences"],
        lambda path: _class_differences(path, kind, currency))
    for name in _WIDE:
        frames[name] = _read(folder / _FILES[name],
                             partial(_wide, name=name, kind=kind, currency=currency))
    for name, rep_table in (("clearance_by_replication", "clearance"),
                            ("resources_by_replication", "resources")):
        stacked = _stacked(folder, kind, names, variants, rep_table)
        frames[name] = _long(stacked, name, _key_columns(name, stacked), currency)
    return {name: _read(folder / _FILES.get(name, "reps"),
                        partial(_typed_from, BY_NAME[name], frame, ids))
            for name, frame in frames.items()}


#: the folder's file each warehouse table is read from (the replications' files: ``reps``)
_FILES = {"metric_values": "metrics.csv", "metric_summary": "summary.csv",
          "metric_differences": "differences.csv", "gains": "gains.csv",
          "metric_interactions": "interactions.csv",
          "class_differences": "class-differences.csv",
          "enforcement_figures": "enforcement.csv",
          "enforcement_weekly_figures": "enforcement-weekly.csv",
          "trading_figures": "trading-across-borders.csv",
          "milestone_figures": "milestone-intervals.csv",
          "seizure_layer_figures": "seizures-by-layer.csv"}
_WIDE = ("enforcement_figures", "enforcement_weekly_figures", "trading_figures",
         "milestone_figures", "seizure_layer_figures")
#: the tables whose folder file names a pooled part ``all``, and those parts ('' here)
_POOLED_ALL = {"seizure_layer_figures": ("truth", "place", "kind")}


def _read(path: Path, build: Callable[[Path], _T]) -> _T:
    """``build(path)``, a file of the folder that is not the table it should be (a column
    missing, a cell empty that may not be, text where a number goes: a file cut short or
    changed by hand) an error naming it rather than a traceback or Arrow's words alone."""
    from sim.report.folder import ResultsFolderError

    try:
        return build(path)
    except ResultsFolderError:
        raise
    except (KeyError, ValueError, TypeError, pa.ArrowException) as exc:
        raise ResultsFolderError(
            f"{path} is not the table bordersim writes ({type(exc).__name__}: {exc}): the "
            "file is damaged or was changed; give the command that made the folder again, or "
            "restore the file", repair=False) from None


def _metric_table(path: Path, name: str, kind: str) -> pd.DataFrame:
    """A long table of metrics as the folder holds it (none: an empty table)."""
    frame = _as_baseline(_csv(path), kind) if path.exists() else pd.DataFrame()
    if name == "gains" and len(frame):
        for col in ("port", "direction", "group"):
            frame[col] = frame[col].astype(str).replace("all", "")
    return frame


def _interactions(path: Path) -> pd.DataFrame:
    frame = _csv(path) if path.exists() else pd.DataFrame()
    if len(frame):
        frame["additive"] = frame["additive"].map(lambda v: str(v).lower() == "true")
    return frame


def _class_differences(path: Path, kind: str, currency: str) -> pd.DataFrame:
    """class-differences.csv with each row's unit (of its base metric)."""
    if not path.exists():
        return pd.DataFrame()
    frame = _as_baseline(_csv(path), kind)
    money = currency or "currency"

    def unit(metric: str) -> str:
        if metric.startswith("clearance_h"):
            return "hours"
        if metric.endswith(("_per_consignment", "_per_container")):
            return f"{money} per {metric.rsplit('_per_', 1)[1]}"
        raise ValueError(f"{path}: no unit is declared for metric {metric!r} "
                         "(sim/warehouse/export.py, _class_differences)")

    frame["unit"] = frame["metric"].astype(str).map(unit)
    return frame


def _key_columns(name: str, frame: pd.DataFrame) -> list[str]:
    """The columns of a folder's table that are keys, not figures, in the warehouse's."""
    declared = {c.name for c in BY_NAME[name].columns} - {"figure", "unit", "mean", "value"}
    return [c for c in frame.columns if c in declared]


def _wide(path: Path, name: str, kind: str, currency: str) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame()
    frame = _as_baseline(_csv(path), kind)
    for col in _POOLED_ALL.get(name, ()):  # (pooled: '', as in every other table)
        frame[col] = frame[col].astype(str).replace("all", "")
    if "currency" in frame.columns:  # (trading-across-borders.csv: a label, not a figure)
        named = sorted(set(frame.pop("currency").dropna().astype(str)))
        if len(named) > 1:
            raise ValueError(f"{path}: column currency holds {named}: one currency expected")
        currency = named[0] if named else currency
    return _long(frame, name, _key_columns(name, frame), currency)


def write(folder: Path, out: Path) -> dict[str, int]:
    """Write the tables of ``folder`` into ``out`` (made if need be; its files of the same
    names replaced) and ``datapackage.json``; the rows written, by table."""
    out = Path(out)
    if out.resolve().is_relative_to(Path(folder).resolve()):
        raise ValueError(f"--out {out}: write the tables outside the results folder "
                         f"{folder} (it is checked file by file)")
    built = tables(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, table in built.items():
        pq.write_table(table, out / f"{name}.parquet")
    (out / "datapackage.json").write_text(json.dumps(datapackage(), indent=2) + "\n",
                                          encoding="utf-8")
    return {name: t.num_rows for name, t in built.items()}
