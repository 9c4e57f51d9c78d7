"""Read a results folder for a report, from its files alone (nothing is simulated again).

Three kinds are recognised by the file that describes them:

- ``compare.json``: a comparison (``bordersim compare``), one run folder per option under
  ``options/``;
- ``meta.json`` with ``replications.csv`` and ``summary.json``: a run (``bordersim run``);
- ``meta.json`` that says ``"kind": "sweep"`` (or with ``design.csv``): a sweep
  (``bordersim sweep``, checked by :mod:`sim.report.sweep_folder` and shown by
  :mod:`sim.report.sweep_html`).

A run and a comparison become a :class:`~sim.experiment.compare.CompareResult` (a run is a
comparison of one option, ``run``) plus a :class:`Variant` per option: the mean over finished
replications of each per-replication table, the clearance samples of the logs when they were
kept, and the organisation tree. Every replication's file and tables are checked as a resumed
run checks them (:meth:`~sim.experiment.store.RunStore.verify`), and ``replications.csv``
against them; a comparison's summary, differences and interactions are worked out again from
it and compared with its files. Anything missing, unreadable or changed is a
:class:`ResultsFolderError` that names the file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sim.shell_line import bordersim_line

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult
    from sim.experiment.options import Option
    from sim.experiment.store import RunStore
    from sim.scenario.org_tree import Tree

#: per-replication tables averaged over replications, by the columns that identify a row
TABLE_KEYS = {
    "clearance": ["metric", "dimension", "group"],
    "owners": ["owner"],
    "resources": ["port", "lane"],
    "intervals": ["interval", "kind", "from", "to", "owner", "dimension", "group"],
    "queues": ["t_h", "port", "lane"],
    "enforcement": ["port", "direction", "truth"],
    "smuggling": ["day", "group", "route"],
    "risk": ["port", "direction", "trader_class"],  # with a risk engine
    "risk-thresholds": ["t_h", "port", "direction"],
    "risk-reasons": ["port", "check", "reason"],
}
#: key columns a folder written before they existed may lack (its rows are then kept apart
#: by the others)
_NEWER_KEYS = {"direction", "kind", "dimension", "group"}
_MAX_JSON = 64 * 2**20
#: a CSV or Parquet table of a results folder (a year's log of a big scenario is far less)
_MAX_TABLE = 2 * 2**30


class ResultsFolderError(ValueError):
    """Not a results folder, or a damaged one; the message names the file. ``repair``:
    whether giving the command that made the folder again into it resumes it and repairs
    the damage (the report then says how: :mod:`sim.report.remedy`)."""

    def __init__(self, message: str, repair: bool = True):
        super().__init__(message)
        self.repair = repair


@dataclass
class Variant:
    """One run of a report: a run folder, or one option of a comparison."""

    name: str
    path: Path
    scenario: dict[str, Any]
    reps: list[int]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: "clearance" / "overall_clearance" -> hours of every consignment in the kept logs
    samples: dict[str, np.ndarray] = field(default_factory=dict)
    logged: int = 0  # how many of ``reps`` kept their log (``samples`` come from those)
    tree: Tree | None = None
    structure: str | None = None


def read_json(path: Path) -> Any:
    """A JSON file of the folder, or an error naming it."""
    if path.is_dir():
        raise ResultsFolderError(
            f"{path} is a folder, not a file (the folder is damaged): remove it", repair=False
        )
    if not path.is_file():
        raise ResultsFolderError(f"{path} is missing (the folder is incomplete or damaged)")
    from sim.experiment.store import loads

    raw = own_bytes(path, _MAX_JSON)
    try:
        return loads(raw.decode("utf-8"))
    except ValueError as exc:
        raise ResultsFolderError(f"{path} cannot be read ({exc})") from None


def own_bytes(path: Path, limit: int = _MAX_TABLE) -> bytes:
    """The bytes of a file of the folder, read only as bordersim writes it: a regular file
    of at most ``limit`` bytes, never through a symbolic link. A results folder may be one
    that others can write to: a link there must not make a report (which may be shared)
    show a file its reader can read and its writer cannot. Else a :class:`ResultsFolderError`
    naming the file."""
    from sim.experiment.store import _read_own, read_problem

    try:
        return _read_own(path, limit)
    except (OSError, ValueError) as exc:
        raise ResultsFolderError(f"{path} cannot be read: {read_problem(exc)}") from None


def read_object(path: Path) -> dict[str, Any]:
    """A JSON file of the folder that must hold an object (``{...}``)."""
    data = read_json(path)
    if not isinstance(data, dict):
        raise ResultsFolderError(f"{path} is not what bordersim writes (not a JSON object)")
    return data


def read_csv(path: Path, **kw: Any) -> pd.DataFrame:
    """A CSV file of the folder (an empty file is an empty table), or an error naming it."""
    if not path.is_file():
        raise ResultsFolderError(f"{path} is missing (the folder is incomplete or damaged)")
    raw = own_bytes(path)
    try:
        table: pd.DataFrame = pd.read_csv(io.BytesIO(raw), **kw)
        return table
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ResultsFolderError(f"{path} cannot be read ({exc})") from None


def read_parquet(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A Parquet log of the folder (``columns`` only, when given), read as :func:`own_bytes`
    reads a file, or an error naming it."""
    if not path.is_file() and not path.is_symlink():
        raise ResultsFolderError(f"{path} is missing (the folder is incomplete or damaged)")
    raw = own_bytes(path)
    try:
        table: pd.DataFrame = pd.read_parquet(io.BytesIO(raw), columns=columns)
        return table
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds
        raise ResultsFolderError(f"{path} cannot be read ({exc})", repair=False) from None


def kind_of(path: Path) -> str:
    """``compare``, ``run`` or ``sweep``; an error for anything else."""
    if not path.is_dir():
        what = "is a file" if path.exists() else "does not exist"
        raise ResultsFolderError(
            f"{path} {what}, not a results folder: give the folder bordersim run, compare or "
            "sweep wrote (its --out)", repair=False
        )
    if (path / "compare.json").exists():
        return "compare"
    whole = path.resolve().parent.parent
    if path.resolve().parent.name == "options" and (whole / "compare.json").exists():
        raise ResultsFolderError(
            f"{path} is one option of the comparison in {whole}: its report is that "
            f"folder's ({bordersim_line('report', whole)}), which shows every option beside "
            "the baseline", repair=False
        )
    if (path / "meta.json").exists():
        return "sweep" if _says_sweep(path / "meta.json") or (path / "design.csv").exists() \
            else "run"
    raise ResultsFolderError(
        f"{path} is not a bordersim results folder: it has neither meta.json (bordersim run, "
        "sweep) nor compare.json (bordersim compare)" + _rebuild_hint(path), repair=False
    )


def _rebuild_hint(path: Path) -> str:
    """For a folder that holds a run's or a comparison's replications but lost the file that
    names it: the command that writes that file again (the replications are reused)."""
    reps = sorted((path / "reps").glob("rep-[0-9][0-9][0-9][0-9].json"))
    if (path / "scenario.json").is_file() and reps:
        try:
            seed = read_object(reps[0]).get("root_seed")
        except ResultsFolderError:
            seed = None
        seeded = ["--seed", seed] if isinstance(seed, int) and seed != 1 else []
        again = bordersim_line("run", path / "scenario.json", "--out", path,
                               "--reps", len(reps), *seeded)
        return (
            f"; it holds a run's scenario and {len(reps)} replication(s): `{again}` writes "
            "meta.json again (replications of this build are reused, others recomputed)"
        )
    options = sorted(p.name for p in (path / "options").glob("*") if (p / "reps").is_dir())
    if "baseline" in options and len(options) > 1:
        return (
            f"; it holds a comparison's options ({', '.join(options)}) and their "
            "replications: rerun the bordersim compare command that made it with the same "
            "--out to write compare.json again (replications of this build are reused)"
        )
    return ""


def _says_sweep(meta: Path) -> bool:
    """``meta.json`` says the folder is a sweep's (so a missing ``design.csv`` is named as
    missing, not taken for a run folder's missing ``summary.json``)."""
    try:
        return bool(read_object(meta).get("kind") == "sweep")
    except ResultsFolderError:
        return False


def _store(path: Path) -> RunStore:
    """The run folder's store, to check its replications by the store's own checksums."""
    from sim.experiment.store import RunStore

    try:
        return RunStore.reading(path)
    except ValueError as exc:
        raise ResultsFolderError(str(exc)) from None


def _verified(store: RunStore, reps: list[int]) -> dict[int, dict[str, float]]:
    """Each replication's metrics, its file and tables checked against their checksums (the
    store's check on resume); an error naming the file otherwise."""
    from sim.experiment.store import Disagree

    out = {}
    for r in reps:
        try:
            out[r] = store.verify(r)[0]
        except ValueError as exc:  # (a replication and meta.json that disagree: either
            # may have been changed, and a resume cannot tell which)
            raise ResultsFolderError(str(exc), not isinstance(exc, Disagree)) from None
    return out


def _in_first_order(table: pd.DataFrame) -> pd.DataFrame:
    """Rows grouped by metric and dimension in the order those first appear, each group's
    rows in their own order: a group one replication lacks (a port that saw nothing then)
    stays with its dimension instead of trailing after the others."""
    cols = [c for c in ("metric", "dimension") if c in table.columns]
    if not cols:
        return table
    values = [table[c].tolist() for c in cols]  # (plain Python values: one pass each)
    ranks = [{v: i for i, v in enumerate(dict.fromkeys(vs))} for vs in values]
    keys = list(zip(*([rank[v] for v in vs] for rank, vs in zip(ranks, values, strict=True)),
                    strict=True))
    order = sorted(range(len(keys)), key=keys.__getitem__)  # (stable, as argsort's was)
    return table.iloc[order].reset_index(drop=True)


def _finished_reps(store: RunStore, below: int | None = None) -> list[int]:
    """Replications of a comparison's option whose JSON exists, each checked; with
    ``below``, only those numbered below it (files beyond are an earlier, longer run's)."""
    found = sorted(
        r for r in (int(p.stem[4:]) for p in store.reps_dir.glob("rep-[0-9][0-9][0-9][0-9].json"))
        if below is None or r < below
    )
    _verified(store, found)
    return found


def _mean_tables(reps_dir: Path, reps: list[int]) -> dict[str, pd.DataFrame]:
    """Per table, the mean over replications of its numeric columns, by its key columns
    (the labels those determine kept beside them)."""
    from sim.experiment.table_means import mean_table

    out: dict[str, pd.DataFrame] = {}
    for name, keys in TABLE_KEYS.items():
        frames = []
        for r in reps:
            path = reps_dir / f"rep-{r:04d}-{name}.csv"
            if path.exists():
                frame = read_csv(path)
                missing = [k for k in keys if k not in frame.columns and k not in _NEWER_KEYS]
                if missing and not frame.empty:  # (a checked table: of other code)
                    raise ResultsFolderError(
                        f"{path} lacks the column(s) {', '.join(missing)}", repair=False
                    )
                if not frame.empty:
                    frames.append(frame)
        if not frames:
            continue
        t = pd.concat(frames, ignore_index=True)
        keys = [k for k in keys if k in t.columns]
        for k in keys:
            if k != "t_h":
                t[k] = t[k].astype(str)
        out[name] = _in_first_order(mean_table(t, keys))  # (port, direction, ... kept)
    return out


def _samples(reps_dir: Path, reps: list[int]) -> dict[str, np.ndarray]:
    """Clearance hours of every consignment in the logs kept (Parquet), when there are any.

    Overall clearance ends at ``exited`` for an import and ``loaded`` for an export
    (:func:`~sim.model.milestones.flow_end`); a log without ``loaded`` (the trimmed log of a
    comparison made before it kept ``loaded``) gives it for imports only, so then none is
    given and the report falls back to the quantiles of the clearance table.
    """
    from sim.model.milestones import flow_end

    parts: dict[str, list[np.ndarray]] = {"clearance": [], "overall_clearance": []}
    complete = True
    for r in reps:
        path = reps_dir / f"rep-{r:04d}-log.parquet"
        if not _logged(reps_dir, r):  # (a log its record does not list is another run's)
            continue
        try:
            log = pd.read_parquet(io.BytesIO(own_bytes(path)))
            arrived = log["arrived"].to_numpy(dtype=float)
            released = log["released"].to_numpy(dtype=float)
            end = log["exited"].to_numpy(dtype=float)
        except ResultsFolderError:
            raise
        except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds
            raise ResultsFolderError(f"{path} cannot be read ({exc})", repair=False) from None
        if "loaded" in log.columns:
            end = flow_end(end, log["loaded"].to_numpy(dtype=float))
        elif "direction" in log.columns and (log["direction"] == "export").any():
            complete = False
        for name, hours in (("clearance", released - arrived),
                            ("overall_clearance", end - arrived)):
            parts[name].append(hours[np.isfinite(hours)])
    if not complete:
        parts["overall_clearance"] = []
    return {k: np.concatenate(v) for k, v in parts.items() if v}


def _logged(reps_dir: Path, r: int) -> bool:
    """Whether replication ``r`` kept its log: its record (checked by its checksum, with
    its tables', when the replication was read as finished) lists it."""
    record = read_json(reps_dir / f"rep-{r:04d}.json")
    tables = record.get("tables") if isinstance(record, dict) else None
    return isinstance(tables, dict) and "-log.parquet" in tables


def read_variant(name: str, path: Path, reps: list[int] | None = None) -> Variant:
    """One run folder (or an option's folder of a comparison): replications ``reps``
    (already checked), else every finished one of the folder, checked here."""
    from sim.report.org_table import tree_from_record

    scenario = _checked_scenario(path)
    reps_dir = path / "reps"
    if reps is None:
        reps = _finished_reps(_store(path)) if reps_dir.is_dir() else []
    if not reps:
        raise ResultsFolderError(f"{reps_dir} holds no finished replication")
    variant = Variant(name, path, scenario, reps)
    variant.tables = _mean_tables(reps_dir, reps)
    variant.samples = _samples(reps_dir, reps)
    variant.logged = sum(_logged(reps_dir, r) for r in reps) if variant.samples else 0
    org_path = path / "organisation.json"
    if org_path.exists():
        record = read_json(org_path)
        try:
            variant.tree = tree_from_record(record)
        except (ValueError, KeyError, TypeError) as exc:
            raise ResultsFolderError(f"{org_path} is not an organisation tree ({exc})") from None
        variant.structure = str(record.get("structure") or "explicit")
    return variant


def _checked_scenario(path: Path) -> dict[str, Any]:
    """A run folder's ``scenario.json``, checked against the ``scenario_hash`` its
    ``meta.json`` records (which every replication file carries too)."""
    from sim.experiment.store import record_hash

    file = path / "scenario.json"
    scenario = read_object(file)
    meta = read_object(path / "meta.json")
    if record_hash(scenario) != meta.get("scenario_hash"):
        raise ResultsFolderError(
            f"{file} does not match the scenario_hash of {path / 'meta.json'} (one of them "
            "was changed or damaged): the scenario shown would not be the one run",
            repair=False,
        )
    for key in ("days", "warmup_days", "drain_days"):  # (what the report says was run)
        if key in meta and meta[key] != scenario.get(key):
            raise ResultsFolderError(
                f"{path / 'meta.json'} says {key} = {meta[key]!r}, but the scenario run "
                f"({file}, checked) has {scenario.get(key)!r}: one was changed or damaged",
                repair=False,
            )
    return scenario


def _warnings_of_run(path: Path, reps: list[int]) -> list[str]:
    """A run's warnings: its own (``warnings.json``) and its replications', which must be
    those of their checksummed records (else the folder was changed: an overloaded run
    could be made to look steady-state)."""
    file = path / "warnings.json"
    data = read_object(file) if file.exists() else {}
    store = _store(path)
    records = {f"rep-{r:04d}": store.rep_warnings(r) for r in reps}
    records = {k: v for k, v in records.items() if v}
    written = {str(k): [str(w) for w in v] for k, v in dict(data.get("replications", {})).items()}
    if written != records:
        raise ResultsFolderError(
            f"{file} does not match the replication files in reps/ (changed or damaged)"
        )
    found = [str(w) for w in data.get("warnings", [])]
    for ws in records.values():
        found += ws
    return sorted(set(found))


def _notes_of_run(path: Path) -> list[str]:
    """The notes of a run's ``warnings.json`` (parts of the scenario that act on nothing)."""
    file = path / "warnings.json"
    if not file.exists():
        return []
    notes = read_object(file).get("notes", [])
    return [str(n) for n in notes] if isinstance(notes, list) else []


def read_run(path: Path) -> tuple[CompareResult, dict[str, Variant]]:
    """A run folder as a comparison of one option, ``run``."""
    from sim.experiment.compare import CompareResult, _summaries
    from sim.experiment.options import Option

    meta = read_object(path / "meta.json")
    summary = read_object(path / "summary.json")  # present and readable: the run finished
    per_rep, reps = _checked_replications(path, meta)
    _checked_summary(path / "summary.json", summary, per_rep)  # (before it is believed)
    arrived = summary.get("consignments_arrived")
    if not (isinstance(arrived, dict) and arrived.get("mean")):
        raise ResultsFolderError(
            f"{path / 'summary.json'}: no consignment arrived in the run, so there is nothing "
            "to report (run longer, or check the arrival rates)", repair=False
        )
    option = Option("run", description="the scenario as run (no reform)")
    per_rep = pd.concat([pd.DataFrame({"option": ["run"] * len(per_rep)}), per_rep], axis=1)
    variant = read_variant("run", path, reps)
    res = CompareResult(
        scenario=str(meta.get("scenario", path.name)),
        options=[option],
        seed=int(meta.get("seed", 0)),
        meta={**meta, "currency": _currency(meta, [variant]), "notes": _notes_of_run(path)},
        per_rep=per_rep,
        summary=_summaries(per_rep, [option]),
        differences=pd.DataFrame(),
        interactions=pd.DataFrame(),
        gains=pd.DataFrame(),
        warnings={"run": _warnings_of_run(path, reps)},
        path=path,
    )
    return res, {"run": variant}


def _checked_replications(path: Path, meta: dict[str, Any]) -> tuple[pd.DataFrame, list[int]]:
    """``replications.csv`` of a run, checked against its replication files: those of
    replications 0 .. reps-1 (``meta.json``'s ``reps``; files beyond are not the run's)."""
    n = meta.get("reps")
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ResultsFolderError(f"{path / 'meta.json'} does not say how many replications ran")
    reps = list(range(n))
    metrics = _verified(_store(path), reps)
    file = path / "replications.csv"
    table = read_csv(file)
    if table.empty or "replication" not in table.columns:
        raise ResultsFolderError(f"{file} has no replications")
    built = pd.DataFrame([{"replication": r, **metrics[r]} for r in reps])
    if not _same_table(table, built):
        raise ResultsFolderError(
            f"{file} does not match the replication files in reps/ (changed or damaged)"
        )
    return table, reps


def _checked_summary(file: Path, summary: dict[str, Any], per_rep: pd.DataFrame) -> None:
    """A run's ``summary.json``, compared with the summary worked out again from its checked
    replications (what the report shows)."""
    from sim.experiment.store import same_summary

    if not same_summary(summary, per_rep):
        raise ResultsFolderError(
            f"{file} does not match the replications in replications.csv (changed or damaged)"
        )


def _same_table(table: pd.DataFrame, built: pd.DataFrame) -> bool:
    """Same columns, rows and numbers (to the last digit CSV keeps; NaN equals NaN)."""
    if list(table.columns) != list(built.columns) or len(table) != len(built):
        return False
    try:
        a = table.to_numpy(dtype=float)
    except (TypeError, ValueError):
        return False
    return bool(np.allclose(a, built.to_numpy(dtype=float), rtol=1e-12, atol=0, equal_nan=True))


def read_compare(path: Path) -> tuple[CompareResult, dict[str, Variant]]:
    """A comparison folder: its tables as written, and a :class:`Variant` per option."""
    from sim.experiment.compare import CompareResult
    from sim.experiment.options import Option

    meta = read_object(path / "compare.json")
    try:
        options = [
            Option(o["name"], dict(o.get("overrides", {})), str(o.get("description", "")),
                   tuple(o.get("parts", ())), str(o.get("reform", "")))
            for o in meta["options"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise ResultsFolderError(f"{path / 'compare.json'} lists no options ({exc})") from None
    read_object(path / "summary.json")  # present and readable: the comparison finished
    warnings = read_object(path / "warnings.json")
    failures = read_json(path / "failures.json") if (path / "failures.json").exists() else []
    if not isinstance(failures, list):
        raise ResultsFolderError(f"{path / 'failures.json'} is not a list of failures")
    str_cols = {"port": str, "direction": str, "group": str}
    variants = _variants(path, options, failures, meta.get("reps"))
    per_rep = _checked_option_replications(path, variants)
    _check_reps(path, meta, per_rep, failures)
    ws = {str(k): list(v) for k, v in warnings.items()}
    checked = {n: _weeks_checked(v.scenario, meta) for n, v in variants.items()}
    currency = _currency(meta, list(variants.values()))
    tables = _checked_summaries(path, per_rep, options, ws, checked, currency)
    from sim.experiment.gains import current_columns

    gains = current_columns(read_csv(path / "gains.csv", dtype=str_cols), currency)
    _check_pooled(path, meta, variants, ws, gains, currency)
    res = CompareResult(
        scenario=str(meta.get("scenario", path.name)),
        options=options,
        seed=int(meta.get("seed", 0)),
        meta={**meta, "currency": currency},
        per_rep=per_rep,
        summary=tables["summary"],
        differences=tables["differences"],
        interactions=tables["interactions"],
        gains=gains,
        warnings=ws,
        failures=list(failures),
        path=path,
    )
    return res, variants


def _check_reps(
    path: Path, meta: dict[str, Any], per_rep: pd.DataFrame, failures: list[Any]
) -> None:
    """``compare.json``'s replications per option must be those ``replications.csv`` holds
    (all of them for every option, unless some failed): the report prints that count."""
    reps = meta.get("reps")
    done = sorted({int(r) for r in per_rep["replication"]}) if len(per_rep) else []
    ok = isinstance(reps, int) and not isinstance(reps, bool) and reps >= 1
    if isinstance(reps, int) and ok:
        counts = per_rep.groupby("option")["replication"].nunique()
        ok = not (done and done[-1] >= reps) and (bool(failures) or bool((counts == reps).all()))
    if not ok:
        raise ResultsFolderError(
            f"{path / 'compare.json'} says {reps!r} replications per option, but "
            f"replications.csv holds replications {done} (changed or damaged)"
        )


def _check_pooled(
    path: Path,
    meta: dict[str, Any],
    variants: dict[str, Variant],
    warnings: dict[str, list[str]],
    gains: pd.DataFrame,
    currency: str,
) -> None:
    """``warnings.json`` and ``gains.csv`` against the replication files they pool (those of
    who gains, of each replication whose baseline kept its log)."""
    from sim.experiment.options import BASELINE
    from sim.report.compare_integrity import IntegrityError, check_gains, check_warnings

    base = variants.get(BASELINE)
    logged = [r for r in base.reps if _logged(base.path / "reps", r)] if base else []
    try:
        check_warnings(path, variants, warnings)
        check_gains(path, meta, gains, currency, logged)
    except (IntegrityError, ValueError) as exc:
        raise ResultsFolderError(str(exc)) from None


def _checked_option_replications(path: Path, variants: dict[str, Variant]) -> pd.DataFrame:
    """A comparison's ``replications.csv``, checked against each option's replication files
    (already checked against their checksums): an option's rows are its finished
    replications, with their metrics (a metric another option has and it lacks is empty)."""
    file = path / "replications.csv"
    table = read_csv(file)
    if not {"option", "replication"} <= set(table.columns) or (table.empty and variants):
        raise ResultsFolderError(f"{file} has no replications")
    mismatch = ResultsFolderError(
        f"{file} does not match the options' replication files in options/ (changed or damaged)"
    )
    at: dict[str, list[int]] = {}  # (each option's rows, found in one pass)
    for i, option in enumerate(table["option"].astype(str).tolist()):
        at.setdefault(option, []).append(i)
    if set(at) != set(variants):
        raise mismatch
    for name, variant in variants.items():
        rows = table.iloc[at[name]].drop(columns=["option"])
        metrics = _verified(_store(variant.path), variant.reps)
        built = pd.DataFrame([{"replication": r, **metrics[r]} for r in variant.reps])
        rest = [c for c in rows.columns if c not in built.columns]
        if not rows[rest].isna().all().all():
            raise mismatch
        if not _same_table(rows[list(built.columns)].reset_index(drop=True), built):
            raise mismatch
    return table


def _weeks_checked(scenario: dict[str, Any], meta: dict[str, Any]) -> bool:
    """Whether an option's run (its ``scenario.json``; else the comparison's lengths) was
    long enough for the rising-wait check."""
    from sim.experiment.compare import weeks_checked

    days = scenario.get("days", meta.get("days"))
    warmup = scenario.get("warmup_days", meta.get("warmup_days"))
    return weeks_checked(float(warmup or 0), float(days or 0))


def _checked_summaries(
    path: Path,
    per_rep: pd.DataFrame,
    options: list[Option],
    warnings: dict[str, list[str]],
    checked: dict[str, bool],
    currency: str,
) -> dict[str, pd.DataFrame]:
    """A comparison's summary, differences and interactions, worked out again from its
    checked replications and compared with the files as written (their format first).
    ``differences.csv`` leaves out the baseline's difference from itself (0); a folder
    written before it did has it, checked as the rest: either way the table read has it
    back, worked out again (its units naming ``currency``, as the file's), as a
    comparison's own table does."""
    from sim.experiment.compare import _differences, _in_currency, _interactions, _summaries
    from sim.experiment.options import BASELINE

    built = {
        "summary": _summaries(per_rep, options),
        "differences": _differences(per_rep, options, warnings, checked),
        "interactions": _interactions(per_rep, options),
    }
    itself = built["differences"]["option"] == BASELINE
    out = {}
    for name, table in built.items():
        file = path / f"{name}.csv"
        written = read_csv(file)
        if name != "interactions":
            _checked(written, file)
        if name == "differences" and not (written["option"] == BASELINE).any():
            table = table[~itself].reset_index(drop=True)
        cols = ["mean", "ci_low", "ci_high", "n"]
        if len(written) != len(table) or (
            len(table)
            and not (
                all(list(written[k].astype(str)) == list(table[k].astype(str))
                    for k in ("option", "metric"))  # (an option renamed by hand, too)
                and _same_table(written[cols], table[cols])
            )
        ):
            raise ResultsFolderError(
                f"{file} does not match the replications in replications.csv (changed or damaged)"
            )
        out[name] = written
    if itself.any() and not (out["differences"]["option"] == BASELINE).any():
        base = _in_currency(built["differences"][itself], currency)
        out["differences"] = pd.concat([base, out["differences"]], ignore_index=True)
    return out


def _currency(meta: dict[str, Any], variants: list[Variant]) -> str:
    """The scenario's currency: ``compare.json`` records it; else (a run, or a comparison made
    before it did) the first variant's ``scenario.json`` (``costs.currency``); uncosted, the
    default of a ``[costs]`` section (:func:`sim.scenario.costs.currency_of`)."""
    from sim.scenario.costs import currency_of

    if meta.get("currency"):
        return str(meta["currency"])
    for v in variants:
        costs = v.scenario.get("costs")
        if isinstance(costs, dict) and costs.get("currency"):
            return str(costs["currency"])
    return currency_of(None)


def _variants(
    path: Path, options: list[Option], failures: list[Any], reps: Any
) -> dict[str, Variant]:
    """A :class:`Variant` per option that finished a replication, of the ``reps`` replications
    ``compare.json`` records (files beyond them, left by an earlier comparison with more, are
    not this one's, as with a run). An option whose every replication failed (failures.json
    names it) has none: the report shows its failures."""
    failed = {str(f.get("option")) for f in failures if isinstance(f, dict)}
    below = reps if isinstance(reps, int) and not isinstance(reps, bool) and reps >= 1 else None
    out = {}
    for o in options:
        folder = path / "options" / o.name
        if not folder.is_dir():  # (made for every option as the comparison starts)
            raise ResultsFolderError(
                f"{folder}, the results of option {o.name!r}, is missing (the folder is "
                "incomplete or damaged)"
            )
        found = _finished_reps(_store(folder), below) if (folder / "reps").is_dir() else []
        if o.name in failed and not found:
            continue
        out[o.name] = read_variant(o.name, folder, found)
    return out


def _checked(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    """A long summary table: it must have its columns, and numbers where numbers belong."""
    need = ["option", "metric", "mean", "ci_low", "ci_high", "n", "shown_low", "shown_high"]
    missing = [c for c in need if c not in table.columns]
    if missing:
        raise ResultsFolderError(f"{path} lacks the column(s) {', '.join(missing)}")
    if table.empty:  # every replication failed: no figures (failures.json says why)
        return table
    for col in ("mean", "ci_low", "ci_high", "shown_low", "shown_high"):
        if not pd.api.types.is_numeric_dtype(table[col]):
            raise ResultsFolderError(f"{path}: column {col!r} holds something other than numbers")
    return table
