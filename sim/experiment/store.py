"""A results folder per run (desmod style), written so that a crash never leaves a torn file.

Layout::

    scenario.json              the resolved scenario
    organisation.json          its organisation tree (units, levels, staff), when it has one
    meta.json                  version, seed, replications, when and how it was run (its
                               ``history``: each command that wrote into the folder, see
                               :mod:`sim.experiment.history`), and where: Python, the
                               libraries, the OS and the git commit (:mod:`sim.made_where`)
    reps/rep-0000.json         one finished replication: metrics and seed
    reps/rep-0000-clearance.csv, reps/rep-0000-resources.csv
    reps/rep-0000-enforcement.csv, reps/rep-0000-enforcement-daily.csv   truth and detection
                               (per observed day: detected before release, audit finds apart)
    reps/rep-0000-smuggling.csv   the truth layer of smuggling per day, when the scenario has it
    reps/rep-0000-costs.csv, reps/rep-0000-agency.csv   with a scenario's [costs]
    reps/rep-0000-risk.csv     with a risk engine: decisions, inspections, achieved rate and
                               target per port, direction and class
    reps/rep-0000-risk-thresholds.csv   its threshold at each refresh (a time series)
    reps/rep-0000-risk-daily.csv   its decisions, inspections and rate by observed day, port,
                               direction and class, with the target
    replications.csv           one row per replication
    metrics.csv                the same long: one row per replication and metric, its base
                               name apart from its port, direction, trader class and lane
                               (:mod:`sim.experiment.metric_parts`)
    summary.json               metric -> {mean, ci_low, ci_high, shown_low, shown_high, n}
    summary.csv                the same as a table, one row per metric with its parts
    milestone-intervals.csv    the milestone intervals by stretch and group, across the
                               replications with 95 % intervals
                               (:mod:`sim.experiment.interval_summary`)
    class-differences.csv      each trader class against general traders at each port and
                               direction, paired within replications, with 95 % intervals
                               (:mod:`sim.experiment.class_differences`)
    smuggling-weekly.csv       the smuggling groups' attempts, deterrence and route shares
                               by week across the replications, with 95 % intervals, when
                               the scenario has smugglers (:mod:`sim.experiment.smuggling_series`)
    enforcement-weekly.csv     declarations, illicit ones, those found and inspected, and the
                               detection and inspection rates by observed week, port and
                               direction across the replications, with 95 % intervals
                               (:mod:`sim.experiment.enforcement_series`)
    enforcement.csv            declarations, finds and seizures (counts and values) by port,
                               direction and truth (an illicit type) across the replications,
                               with 95 % intervals (:mod:`sim.experiment.enforcement_table`)
    seizures-by-layer.csv      illicit goods that arrived, seized at the ports, stopped by
                               patrols, missed, the detection share and customs' hits by
                               illicit type and port (:mod:`sim.experiment.seizure_layers`)
    risk-achieved.csv          with a risk engine: its achieved inspection rate against its
                               target by port, direction and trader class across the
                               replications, with 95 % intervals (:mod:`sim.experiment.risk_table`)
    risk-daily.csv             with a risk engine: the same by observed day, across the
                               replications (:mod:`sim.experiment.risk_daily_series`)
    trading-across-borders.csv documentary and border compliance time and the trader's fees
                               of each, by port and direction (and class), as Doing
                               Business's Trading across Borders splits them, across the
                               replications with 95 % intervals
                               (:mod:`sim.experiment.trading_table`)
    warnings.json              run-level warnings, and by replication (a queue that does not settle)
    failures.json              replications that raised: seed, error and traceback (removed
                               once a rerun into the folder finishes them)

Every file is written to a temporary file in the same folder, synced and renamed into place, so
a replication's JSON exists only once it (and its CSVs) are complete. That is what makes
resuming safe: rerunning into the same folder loads the finished replications and runs the
rest, provided the scenario and seed are the same.

A replication's JSON carries what identifies it (scenario hash, root seed, replication index,
bordersim version), the SHA-256 of each of its tables and a checksum of itself. On resume a
file that is truncated, edited, copied in from another run or written by another version is
reported (``on_notice``) and its replication recomputed; it is never aggregated. Nothing is
written through a symbolic link inside the folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import json
import math
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim import made_where
from sim.build import build, libraries
from sim.experiment.command_paths import portable_command
from sim.experiment.history import (
    close,
    ended_whole,
    entry,
    files_by_unit,
    history_of,
    note_reused,
)
from sim.experiment.interval_notes import intervals_note
from sim.experiment.rewrites import json_alike, stale
from sim.version import __version__

if TYPE_CHECKING:  # only for annotations: the module stays light for ``bordersim check``
    import pandas as pd

    from sim.experiment.reporter import Reporter
    from sim.model.result import RunResult
    from sim.scenario.schema import Scenario

_OWN = {
    "scenario.json",
    "meta.json",
    "organisation.json",
    "reps",
    "replications.csv",
    "metrics.csv",
    "summary.json",
    "summary.csv",
    "milestone-intervals.csv",
    "class-differences.csv",
    "smuggling-weekly.csv",
    "enforcement-weekly.csv",
    "enforcement.csv",
    "risk-achieved.csv",
    "risk-daily.csv",
    "risk-reasons.csv",
    "trading-across-borders.csv",
    "seizures-by-layer.csv",
    "warnings.json",
    "warning-records.json",
    "failures.json",
    "finished.json",  # (the seal of its pooled files: sim.experiment.run_seal)
    "scenario-source.json",  # (the scenario file's text: sim.experiment.scenario_source)
    # written into the folder later, by bordersim report and workbook
    "report.html",
    "report-zh.html",
    "workbook.xlsx",
    "workbook-zh.xlsx",
}
_FORMAT = 2  # of a replication's JSON: identity, table checksums, its own checksum
_MAX_REP_BYTES = 16 * 2**20
#: the files of finished replications, one each (``rep-0003.json``)
REP_FILES = "rep-[0-9][0-9][0-9][0-9].json"
_TABLES = (
    "-clearance.csv",
    "-resources.csv",
    "-intervals.csv",
    "-owners.csv",
    "-queues.csv",
    "-enforcement.csv",
    "-enforcement-daily.csv",
)
_COST_TABLES = ("-costs.csv", "-agency.csv")  # with a scenario's [costs]
#: with an engine
_RISK_TABLES = ("-risk.csv", "-risk-thresholds.csv", "-risk-daily.csv", "-risk-reasons.csv")
#: written when the run has them
_OPTIONAL = ("-log.parquet", "-smuggling.csv", *_COST_TABLES, *_RISK_TABLES)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()  # what open() would give; mkstemp alone makes files private


class StoreMismatch(Exception):
    """The folder holds results of another scenario or seed (or is not a results folder)."""


#: the kinds of results folder, as a message names them, and the command that writes each
_KINDS = {"run": "a run", "sweep": "a sweep", "compare": "a comparison"}


def loads(raw: bytes | str) -> Any:
    """The JSON of a results file. One nested too deeply for the parser (``[[[[...`` a
    million deep: a RecursionError) is a ValueError like any other damage, so that it is
    told naming the file, never as a traceback."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError(
            "not what bordersim writes: arrays or objects nested too deeply to read"
        ) from None


def read_record(path: Path, limit: int) -> Any:
    """The JSON a results file holds (a replication's, a sweep point's): read as its own
    regular file of at most ``limit`` bytes; a ValueError saying what is wrong otherwise."""
    raw = _read_own(path, limit)
    if not raw.strip():
        raise ValueError("empty")
    try:
        return loads(raw.decode("utf-8"))
    except ValueError:
        raise ValueError("not valid JSON (truncated?)") from None


def folder_kind(path: Path) -> str | None:
    """What an existing results folder holds, from the file that describes it: ``"compare"``
    (``compare.json``), ``"sweep"`` or ``"run"`` (``meta.json``); None when it is none of
    them or its ``meta.json`` cannot be read."""
    if (path / "compare.json").is_file():
        return "compare"
    meta = path / "meta.json"
    if not meta.is_file():
        return None
    try:
        data = loads(_read_own(meta, _MAX_REP_BYTES).decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("kind") == "sweep":
        return "sweep"
    return "run" if "scenario_hash" in data else None


def check_kind(path: Path, kind: str) -> None:
    """Refuse (:class:`StoreMismatch`) a folder that holds the results of another kind of
    command than ``kind`` (``run``, ``sweep``, ``compare``), or is a file (it or a folder
    it would be made in)."""
    for p in (path, *path.parents):
        if p.exists() or p.is_symlink():
            if not p.is_dir():
                inside = "" if p == path else f", so {path} cannot be made in it"
                raise StoreMismatch(
                    f"{p} is a file, not a folder{inside}; choose another --out folder"
                )
            break
    found = folder_kind(path) if path.is_dir() else None
    if found is not None and found != kind:
        raise StoreMismatch(
            f"{path} holds the results of {_KINDS[found]} (bordersim {found}), not of "
            f"{_KINDS[kind]}; choose another --out folder"
        )


def read_identity(path: Path, keys: dict[str, type], whose: str) -> dict[str, Any]:
    """The record ``path`` holds (``meta.json``, ``compare.json``), with each of ``keys`` of
    its type; a :class:`StoreMismatch` saying the file is damaged and how to resume otherwise
    (``whose``: "run", "sweep", "comparison")."""
    old, reason = identity(path, keys)
    if old is None:
        raise StoreMismatch(
            f"{path} is damaged ({reason}), so the folder cannot be checked against this "
            f"{whose}; to resume, delete {path.name} and give the same command again (each "
            f"finished replication is checked against this {whose} by its checksum and "
            "identity, and one that does not match is computed again), or choose another "
            "--out folder"
        )
    return old


def identity(path: Path, keys: dict[str, type]) -> tuple[dict[str, Any] | None, str]:
    """The record ``path`` holds, with each of ``keys`` of its type, and ""; or None and why
    it is damaged (unreadable, not JSON, lacking a key)."""
    try:
        old = read_record(path, _MAX_REP_BYTES)
    except (OSError, ValueError) as exc:
        return None, read_problem(exc)
    if not isinstance(old, dict):
        return None, "not a JSON object"
    lacking = [k for k, kind in keys.items() if not isinstance(old.get(k), kind)
               or isinstance(old.get(k), bool)]
    if lacking:
        return None, f"it lacks {', '.join(lacking)}"
    return old, ""


def damaged(path: Path, reason: str, whose: str) -> str:
    """The notice of a damaged file ``path`` of the folder written again from this run
    (``whose``: run, comparison or sweep)."""
    return f"{path} was damaged ({reason}); written again from this {whose}"


def rebuilt(path: Path, reason: str, whose: str) -> str:
    """The notice of a damaged record ``path`` written again from this run: safe, as every
    finished replication is checked against it."""
    return (
        f"{damaged(path, reason, whose)}: each finished replication is checked against this "
        f"{whose} by its checksum and identity, and one that does not match is computed again"
    )


def rewritten(path: Path, what: str, source: str = "") -> str:
    """The notice of a file of the folder that did not match ``what`` it is made from
    (changed or damaged since), written again (from ``source``, if named)."""
    tail = f" from {source}" if source else ""
    return f"{path} did not match {what} (changed or damaged); written again{tail}"


def no_folder_in_the_way(paths: Iterable[Path]) -> None:
    """Refuse (:class:`StoreMismatch`) a folder where a file of a replication is to be
    written again: bordersim never makes one there, and removing it is the user's call."""
    for path in sorted(paths):
        if path.is_dir() and not path.is_symlink():
            raise StoreMismatch(
                f"{path} is a folder, not a file (the folder is damaged): remove it"
            )


def recomputing(problem: str, r: int) -> str:
    """The notice of replication ``r``'s file found wrong (``problem``, naming it): the
    replication is computed again."""
    return f"{problem}; computing replication {r} again"


#: the lists of messages a run's ``warnings.json`` keeps, and its replications' (an object)
_MESSAGE_LISTS = ("warnings", "notes", "timeline")


def warnings_problem(data: Any) -> str:
    """What is wrong with a run's ``warnings.json`` (``data``, as read), "" if nothing: it
    must be an object whose lists of messages are lists of text and whose ``replications``
    is an object (a command adding its notes would otherwise fail on it)."""
    if not isinstance(data, dict):
        return "not a JSON object"
    for key in _MESSAGE_LISTS:
        if key in data and not (isinstance(data[key], list)
                                and all(isinstance(m, str) for m in data[key])):
            return f"its {key} are not a list of messages"
    if "replications" in data and not isinstance(data["replications"], dict):
        return "its replications are not an object"
    return ""


class Disagree(ValueError):
    """A replication (a sweep's point file) and ``meta.json`` disagree on the run's identity:
    either may have been changed (a message naming both)."""


class WriteError(OSError):
    """A file that cannot be written where it was asked for (a folder there, a file where a
    folder should be, no permission): the message names the path and what is wrong, never
    the temporary file beside it."""


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a synced temporary file in the same folder and a rename
    (a problem with ``path``: :class:`WriteError`)."""
    path = Path(path)
    check_target(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _write_problem(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_problem(path, exc) from None
        raise
    _sync_dir(path.parent)


def temporary(path: Path) -> bool:
    """Whether ``path`` is a temporary file :func:`atomic_write` left when its process was
    killed before the rename (a regular file, never a link)."""
    name = path.name
    return name.startswith(".") and name.endswith(".tmp") and path.is_file() and (
        not path.is_symlink())


def check_target(path: Path) -> None:
    """``path`` may be written: nothing there yet, or a regular file (never a folder, a device
    or a named pipe, which the rename would replace), and no file where a folder on its way
    should be (else :class:`WriteError`)."""
    from sim.scenario.files import _kind

    path = Path(path)
    for folder in reversed(path.parents):
        if folder.exists() and not folder.is_dir():
            raise WriteError(f"cannot write {path}: {folder} is a file, not a folder")
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there yet
    if not stat.S_ISREG(mode):
        raise WriteError(f"cannot write {path}: it is {_kind(mode)}, not a file")


def read_problem(exc: BaseException) -> str:
    """Why a results file could not be read, in words (not the system's: "Too many levels of
    symbolic links" is what reading a link without following it says)."""
    if not isinstance(exc, OSError):
        return str(exc)
    words = {
        errno.ELOOP: "a symbolic link (results files are read only as the files bordersim "
        "writes, never through a link)",
        errno.ENOTDIR: "a file stands where its folder should be",
        errno.ENOENT: "missing",
        errno.EISDIR: "a folder, not a file",
    }
    return words.get(exc.errno or 0, exc.strerror or str(exc))


def _write_problem(path: Path, exc: OSError) -> WriteError:
    """Why ``path`` could not be written, naming it (not the temporary file of the write)."""
    try:
        check_target(path)  # (what changed since it was checked)
    except WriteError as problem:
        return problem
    why = exc.strerror.lower() if exc.strerror else str(exc)
    return WriteError(f"cannot write {path}: {why}")


def parquet_bytes(df: pd.DataFrame) -> bytes:
    """A DataFrame as Parquet, in memory (so that it can be written atomically)."""
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def _with_replication(log: pd.DataFrame, r: int) -> pd.DataFrame:
    """``log`` with a first column ``replication`` (``r``): the logs of a results folder,
    read and concatenated, keep which replication each consignment came from."""
    import numpy as np

    out = log.copy(deep=False)
    out.insert(0, "replication", np.full(len(log), r, np.int32))
    return out


def csv_or_empty(path: Path) -> pd.DataFrame:
    """A replication's table, empty where nothing was counted (a run in which nothing
    arrived writes a table of no columns: an empty file)."""
    import pandas as pd

    try:
        return pd.read_csv(path)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def json_safe(obj: Any) -> Any:
    """``obj`` with NaN and infinities replaced by None, tuples by lists (strict JSON)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {str(k): json_safe(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [json_safe(v) for v in obj]
    return obj


def dump_json(obj: Any, *, ascii_only: bool = False) -> str:
    """``obj`` as indented strict JSON. A results folder's files and ``check``'s scenario
    keep Chinese and other text as written (UTF-8: a planner reads a path or a scenario's
    name in them); ``ascii_only`` escapes it, for ``--json`` output a program reads
    whatever the console's encoding."""
    text = json.dumps(json_safe(obj), indent=2, allow_nan=False, ensure_ascii=ascii_only)
    return text + "\n"


def scenario_hash(scenario: Scenario) -> str:
    """SHA-256 of the resolved scenario's canonical JSON."""
    return record_hash(scenario.model_dump(mode="json", by_alias=True))


def record_hash(record: Any) -> str:
    """SHA-256 of the canonical JSON of ``record``: of a resolved scenario's dump, or of the
    ``scenario.json`` written from it (the same), :func:`scenario_hash`."""
    text = json.dumps(json_safe(record), sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: what ``summary.json`` gives beside each metric's mean and raw interval: the interval
#: clipped to what is possible, and how many replications measured the metric; a folder
#: written before one of them lacks it whole
ADDED = ({"shown_low", "shown_high"}, {"n"})


def with_shown(summary: dict[str, dict[str, float | None]]) -> dict[str, dict[str, Any]]:
    """``summary`` (``{metric: {mean, ci_low, ci_high}}``) with each interval also clipped to
    what is possible (``shown_low``, ``shown_high``: a time or a count not below 0, a share
    within [0, 1]; None where the raw bound is), as tables and reports show it."""
    from sim.experiment.compare import clip_interval

    out: dict[str, dict[str, Any]] = {}
    for metric, s in summary.items():
        low, high = s.get("ci_low"), s.get("ci_high")
        shown: tuple[float | None, float | None] = (None, None)
        if low is not None and high is not None:
            shown = clip_interval(metric, low, high)
        out[metric] = {**s, "shown_low": shown[0], "shown_high": shown[1]}
    return out


def run_summary(per_rep: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """A run's ``summary.json``: per metric its mean and raw t-interval, the interval as
    tables show it (:func:`with_shown`) and ``n``, the replications that measured it (a
    metric a replication cannot compute is NaN there, and left out of its interval)."""
    from sim.analysis.stats import summarise, summary_dict

    table = summarise(per_rep)
    out = with_shown(summary_dict(table))
    counts = table["n"].astype(int).to_dict()
    for metric, stats in out.items():
        stats["n"] = int(counts[metric])
    return out


def same_summary(summary: Any, per_rep: pd.DataFrame) -> bool:
    """Whether ``summary`` (a ``summary.json``) is the summary of the replications
    ``per_rep`` (to nine digits of the metric's largest figure: a CSV's replications may
    differ from the run's in the last digit)."""
    built = json.loads(dump_json(run_summary(per_rep)))
    if not isinstance(summary, dict) or summary.keys() != built.keys():
        return False
    for metric, want in built.items():
        got = summary[metric]
        for keys in ADDED:  # (written before they were)
            if isinstance(got, dict) and not keys & got.keys():
                want = {k: v for k, v in want.items() if k not in keys}
        if not isinstance(got, dict) or got.keys() != want.keys():
            return False
        scale = max((abs(v) for v in want.values() if isinstance(v, int | float)), default=0)
        for key, w in want.items():
            g = got[key]
            if w is None or g is None or isinstance(g, bool) or not isinstance(g, int | float):
                if g is not w:
                    return False
            elif not math.isclose(g, w, rel_tol=1e-9, abs_tol=1e-9 * scale):
                return False
    return True


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_own(path: Path, limit: int) -> bytes:
    """A file of the results folder: regular, not a symbolic link, at most ``limit`` bytes."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("not a regular file")
        if st.st_size > limit:
            raise ValueError(f"larger than {limit:,} bytes")
        with os.fdopen(os.dup(fd), "rb") as f:
            return f.read(min(limit, st.st_size) + 1)
    finally:
        os.close(fd)


def _brief(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # days 14, not 14.0
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def scenario_differences(old: Any, new: Any, where: str = "", this: str = "this run") -> list[str]:
    """Where two resolved scenarios (as JSON) differ, by dotted field:
    ``days 14 (this run: 28)``; ``old`` is the folder's, ``new`` this run's (``this``: how
    the message names it)."""
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[str] = []
        for key in [*old, *(k for k in new if k not in old)]:
            field = f"{where}.{key}" if where else str(key)
            if key not in new:
                found.append(f"{field} {_brief(old[key])} ({this}: none)")
            elif key not in old:
                found.append(f"{field} none ({this}: {_brief(new[key])})")
            else:
                found += scenario_differences(old[key], new[key], field, this)
        return found
    if old != new:
        return [f"{where or 'the scenario'} {_brief(old)} ({this}: {_brief(new)})"]
    return []


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _rep_tables(result: RunResult, r: int) -> dict[str, bytes]:
    """Replication ``r``'s tables as the bytes of their files, by file suffix (the optional
    ones only where the run has them)."""
    frames = (
        result.clearance,
        result.resources,
        result.intervals,
        result.owners,
        result.queues,
        result.enforcement,
        result.enforcement_daily,
    )
    tables: dict[str, bytes] = {
        suffix: frame.to_csv(index=False).encode("utf-8")
        for suffix, frame in zip(_TABLES, frames, strict=True)
    }
    for suffix, frame in zip(_COST_TABLES, (result.costs, result.agency), strict=True):
        if frame is not None:
            tables[suffix] = frame.to_csv(index=False).encode("utf-8")
    if result.log is not None:  # (its replication first: the logs of a folder concat)
        tables["-log.parquet"] = parquet_bytes(_with_replication(result.log, r))
    if result.smuggling is not None:  # the truth layer of smuggling, per day
        tables["-smuggling.csv"] = result.smuggling.to_csv(index=False).encode("utf-8")
    risk = (result.risk, result.risk_thresholds, result.risk_daily, result.risk_reasons)
    for suffix, frame in zip(_RISK_TABLES, risk, strict=True):
        if frame is not None:  # the risk engine's rates and thresholds
            tables[suffix] = frame.to_csv(index=False).encode("utf-8")
    return tables


class RunStore:
    """One results folder. ``open`` it, ``save`` replications, ``finish`` with the tables."""

    def __init__(
        self,
        path: str | Path,
        on_notice: Callable[[str], None] | None = None,
        on_warning: Callable[[str], None] | None = None,
        reporter: Reporter | None = None,
    ):
        self.path = Path(path)
        self.reps_dir = self.path / "reps"
        self.seed: int | None = None
        self.digest: str | None = None
        self.version = __version__  # that replications must carry (meta.json's when reading)
        self.build: str | None = None  # the code that made them (see sim.build): when known
        self.reps = 0  # replications 0 .. reps-1 make the run; any beyond are left out
        #: what was found wrong with replication files (and recomputed), in order
        self.notices: list[str] = []
        self._resumed_reps: object = None  # the replications meta.json gave, when resuming
        #: the command before ended with its tables written (from ``_resumed_reps``)
        self._whole_before = False
        self._from_meta = False  # the run's identity read from meta.json (:meth:`reading`)
        self._old_meta: dict[str, Any] | None = None  # meta.json as found, when resuming
        self._meta: dict[str, Any] = {}  # meta.json as this command wrote it (:meth:`open`)
        #: the replications this command computed (not loaded), as :meth:`save` wrote them
        self.computed: list[int] = []
        self.on_notice = on_notice
        self.on_warning = on_warning
        #: says a warning when no ``on_warning`` hears it (the runner hands its executor's)
        self.reporter = reporter

    def warn(self, message: str) -> None:
        """Tell ``on_warning`` (else the ``reporter``: English on stderr when none was given)
        of a doubt about the folder that does not stop the run: a resumed folder made in
        another environment (:mod:`sim.made_where`)."""
        if self.on_warning is not None:
            self.on_warning(message)
        else:
            from sim.experiment.reporter import ENGLISH

            (self.reporter or ENGLISH).warning(message)

    def notice(self, message: str) -> None:
        """Record (and tell ``on_notice``) something found and repaired in the folder."""
        self.notices.append(message)
        if self.on_notice is not None:
            self.on_notice(message)

    @property
    def is_open(self) -> bool:
        return self.digest is not None

    def kept_log(self, r: int) -> bool:
        """Whether finished replication ``r`` kept its per-consignment log (its record, read
        and checked by :meth:`load`, lists it)."""
        record = read_record(self._rep(r, ".json"), _MAX_REP_BYTES)
        return isinstance(record, dict) and "-log.parquet" in record.get("tables", {})

    def open(
        self,
        scenario: Scenario,
        seed: int,
        reps: int,
        command: list[str] | None = None,
    ) -> None:
        """Write ``scenario.json`` and ``meta.json``, or check a folder being resumed.

        Raises :class:`StoreMismatch` when the folder holds another scenario or seed.
        """
        digest = scenario_hash(scenario)
        if self.is_open:
            if (digest, seed) != (self.digest, self.seed):
                raise StoreMismatch(f"{self.path} is already open for another scenario or seed")
            return
        meta_path = self.path / "meta.json"
        resolved = dump_json(scenario.model_dump(mode="json", by_alias=True))
        created, resumed = self._check_folder(meta_path, digest, seed, json.loads(resolved))
        if self.reps_dir.exists() and not self.reps_dir.is_dir():
            raise StoreMismatch(
                f"{self.reps_dir} is not a folder (a file is in the way of the replications); "
                "remove it or choose another --out folder"
            )
        self.reps_dir.mkdir(parents=True, exist_ok=True)
        for folder in (self.path, self.reps_dir):  # (a write a kill interrupted left them)
            for left in folder.glob(".*.tmp"):
                if temporary(left):
                    left.unlink(missing_ok=True)
        self.reps = reps
        (self.path / "finished.json").unlink(missing_ok=True)  # (sealed again at the finish)
        self._note_extra()
        self._check_warnings_file()  # (also in a folder whose meta.json was lost)
        atomic_write(self.path / "scenario.json", resolved)
        self._write_organisation(scenario)
        meta = self._meta_record(scenario, digest, seed, reps, created, command)
        if resumed is not None:
            meta["resumed"] = resumed
            self._compare_environment(meta)
        this = entry(meta["command"], resumed or created, self.path)
        found = files_by_unit([("", self.reps_dir)], REP_FILES).get("", [])
        meta["history"] = [*history_of(self._old_meta, found), this]
        atomic_write(meta_path, dump_json(meta))
        self.seed, self.digest, self.build = seed, digest, build()
        self._meta = meta

    @staticmethod
    def _meta_record(
        scenario: Scenario, digest: str, seed: int, reps: int, created: str,
        command: list[str] | None,
    ) -> dict[str, Any]:
        """``meta.json`` but for when it was resumed and its history."""
        return {
            "package": "bordersim",
            "version": __version__,
            "build": build(),
            "libraries": libraries(),
            "scenario": scenario.name,
            "scenario_hash": digest,
            "seed": seed,
            "reps": reps,
            "days": scenario.days,
            "warmup_days": scenario.warmup_days,
            "drain_days": scenario.drain_days,
            "created": created,
            "command": portable_command(sys.argv if command is None else command),
            **made_where.provenance(),
            "intervals": intervals_note("run"),  # (how ci_low, ci_high were made)
        }

    def _compare_environment(self, meta: dict[str, Any]) -> None:
        """On resume: warn of each way this run's environment differs from the one the
        folder's ``meta.json`` recorded (another node, Python, commit); never refuse."""
        said = made_where.resume_warning(self.path, self._old_meta or {}, meta)
        if said is not None:
            self.warn(said)

    def _write_organisation(self, scenario: Scenario) -> None:
        """``organisation.json``: the resolved tree (units, staff) for reports to draw."""
        from sim.report.org_table import tree_record

        record = tree_record(scenario)
        if record is None:
            return
        path, text = self.path / "organisation.json", dump_json(record)
        if self._old_meta is not None and stale(path, text):
            self.notice(rewritten(path, "the scenario of meta.json", "the scenario of this run"))
        atomic_write(path, text)

    def _check_warnings_file(self) -> None:
        """A ``warnings.json`` left in the folder that cannot be read, or is not what this run
        adds its notes to (:func:`warnings_problem`), is removed, saying so: this run writes
        it again (its warnings and notes, and each replication's, from their checksummed
        records)."""
        path = self.path / "warnings.json"
        if not path.exists() and not path.is_symlink():
            return
        try:
            reason = warnings_problem(read_record(path, _MAX_REP_BYTES))
        except (OSError, ValueError) as exc:
            reason = read_problem(exc)
        if reason:
            self.notice(damaged(path, reason, "run"))
            path.unlink()

    def _note_extra(self) -> None:
        """Say which replication files lie beyond this run's replications (left out)."""
        extra = sorted(
            p.name for p in self.reps_dir.glob(REP_FILES)
            if int(p.stem[4:]) >= self.reps
        )
        if extra:
            self.notice(
                f"{self.reps_dir} holds {', '.join(extra[:3])}{' ...' if len(extra) > 3 else ''}"
                f" beyond the {self.reps} replication(s) of this run; left out"
            )

    def _check_folder(
        self, meta_path: Path, digest: str, seed: int, resolved: dict[str, Any]
    ) -> tuple[str, str | None]:
        """Refuse a folder that holds links, another run's results or foreign files; return
        when the run was first created, and now if it is being resumed."""
        created = _now()
        resumed = None
        check_kind(self.path, "run")
        if self.path.is_dir():
            links = [p.name for p in (self.path / name for name in sorted(_OWN)) if p.is_symlink()]
            if links:
                raise StoreMismatch(
                    f"{self.path} holds symbolic links ({', '.join(links)}); results are "
                    "never written through links: choose another --out folder"
                )
        if meta_path.exists():
            old = read_identity(meta_path, {"scenario_hash": str, "seed": int}, "run")
            if old.get("scenario_hash") != digest or old.get("seed") != seed:
                what = []
                if old.get("scenario_hash") != digest:
                    what.append(self._other_scenario(old, resolved))
                if old.get("seed") != seed:
                    what.append(f"seed {old.get('seed')} (this run: seed {seed})")
                raise StoreMismatch(
                    f"{self.path} already holds results of another run: "
                    f"{', '.join(what)}; choose another --out folder"
                )
            self._check_build(old.get("build"))
            created = old.get("created", created)
            resumed = _now()
            self._resumed_reps = old.get("reps")
            self._whole_before = ended_whole(old, self.path / "failures.json")
            self._old_meta = old
            self._check_scenario_file(digest)
        elif self.path.exists():
            if not self.path.is_dir():
                raise StoreMismatch(f"{self.path} is not a folder; choose another --out folder")
            foreign = sorted(p.name for p in self.path.iterdir()
                             if p.name not in _OWN and not temporary(p))  # fmt: skip
            if foreign:
                raise StoreMismatch(
                    f"{self.path} already exists and is not a bordersim results folder "
                    f"(it holds {', '.join(foreign[:3])}); choose another --out folder"
                )
        return created, resumed

    def _check_build(self, made: Any) -> None:
        """Refuse to resume a folder whose replications other code made (``made``: the
        build its ``meta.json`` records; a folder from before builds were recorded passes)."""
        if isinstance(made, str) and made != build():
            raise StoreMismatch(
                f"{self.path} holds replications made by other code (build {made}; this code "
                f"is {build()}): resuming would mix the results of two versions of the model. "
                "Resume with the code that made them, or choose another --out folder (the same "
                "seed there gives this code's results)"
            )

    def _check_scenario_file(self, digest: str) -> None:
        """On resume: say so if ``scenario.json`` is not the run's scenario (it is written
        again from the scenario being run)."""
        file = self.path / "scenario.json"
        try:
            same = record_hash(loads(_read_own(file, _MAX_REP_BYTES))) == digest
        except (OSError, ValueError, UnicodeDecodeError):
            same = False
        if not same:
            self.notice(
                rewritten(file, "the scenario_hash of meta.json", "the scenario of this run")
            )

    def _other_scenario(self, meta: dict[str, Any], resolved: dict[str, Any]) -> str:
        """How the folder's scenario differs from this run's, e.g. ``scenario 'mm1' with
        days 14 (this run: 28)``, from its ``scenario.json``."""
        name = f"scenario {meta.get('scenario')!r}"
        try:
            old = loads(_read_own(self.path / "scenario.json", _MAX_REP_BYTES))
        except (OSError, ValueError, UnicodeDecodeError):
            return f"{name} (its scenario.json cannot be read to say what differs)"
        found = scenario_differences(old, resolved)
        if not found:
            return f"{name} with other settings (its resolved scenario differs)"
        more = f" and {len(found) - 4} more field(s)" if len(found) > 4 else ""
        return f"{name} with {', '.join(found[:4])}{more}"

    def _rep(self, r: int, suffix: str) -> Path:
        return self.reps_dir / f"rep-{r:04d}{suffix}"

    def holds(self, r: int) -> bool:
        """Whether the folder has a file for replication ``r`` (checked when loaded)."""
        return self._rep(r, ".json").is_file()

    def grow(self, reps: int) -> None:
        """The run (a precision target's) now has ``reps`` replications: in ``meta.json``
        too, so that a folder resumed later knows them as its own."""
        self.reps = reps
        if self._meta:
            self._meta["reps"] = reps
            atomic_write(self.path / "meta.json", dump_json(self._meta))

    def load(self, r: int) -> tuple[dict[str, float], tuple[int, ...]] | None:
        """Metrics and seed of replication ``r`` if it finished earlier, else None.

        A file that is damaged or belongs to another run is reported and None returned, so
        that the replication is computed again.
        """
        path = self._rep(r, ".json")
        if not path.exists() and not path.is_symlink():
            no_folder_in_the_way(self._rep(r, s) for s in _TABLES + _OPTIONAL)
            return None
        try:
            return self.verify(r)
        except ValueError as exc:
            no_folder_in_the_way(self._rep(r, s) for s in (".json", *_TABLES, *_OPTIONAL))
            self.notice(recomputing(str(exc), r))
            return None

    def verify(self, r: int) -> tuple[dict[str, float], tuple[int, ...]]:
        """Metrics and seed of replication ``r``, its file and tables checked against their
        checksums and this run's identity; a ValueError naming the file otherwise."""
        path = self._rep(r, ".json")
        try:
            return self._verified(r, path)
        except Disagree:  # (names both files itself)
            raise
        except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
            reason = read_problem(exc)
            raise ValueError(f"{path}: {reason}") from None

    @classmethod
    def reading(cls, path: str | Path) -> RunStore:
        """A finished (or interrupted) folder, to check its replications without writing:
        they must carry the scenario hash, seed and version its ``meta.json`` records."""
        store = cls(path)
        store._from_meta = True
        meta_path = store.path / "meta.json"
        try:
            meta = loads(_read_own(meta_path, _MAX_REP_BYTES).decode("utf-8"))
            store.digest, store.seed = str(meta["scenario_hash"]), int(meta["seed"])
            store.version = str(meta["version"])
            store.build = meta.get("build") if isinstance(meta.get("build"), str) else None
        except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
            reason = read_problem(exc)
            raise ValueError(f"{meta_path} cannot be read ({reason})") from None
        return store

    def _other_run(self, path: Path, key: str, got: Any, want: Any) -> ValueError:
        """A replication that is not of this run: when reading a folder, its identity comes
        from ``meta.json``, so the two disagree and either may have been changed."""
        if not self._from_meta or key == "replication":
            return ValueError(f"from another run ({key} {got!r}, this run {want!r})")
        meta = self.path / "meta.json"
        field = {"root_seed": "seed"}.get(key, key)
        return Disagree(
            f"the replications and {meta} disagree: {path} carries {key} {got!r}, "
            f"meta.json records {field} {want!r}; meta.json may have been edited (or the "
            "replication copied from another run)"
        )

    def _verified(self, r: int, path: Path) -> tuple[dict[str, float], tuple[int, ...]]:
        data = read_record(path, _MAX_REP_BYTES)
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("not a replication file of this bordersim version")
        checksum = data.pop("checksum", None)
        if checksum != _sha256(_canonical(data)):
            raise ValueError("checksum does not match (the file was changed)")
        expected = {
            "scenario_hash": self.digest,
            "root_seed": self.seed,
            "replication": r,
            "version": self.version,
        }
        if self.build is not None and "build" in data:  # (older files carry none)
            expected["build"] = self.build
        for key, want in expected.items():
            if data.get(key) != want:
                raise self._other_run(path, key, data.get(key), want)
        for suffix, digest in data["tables"].items():
            if suffix not in _TABLES and suffix not in _OPTIONAL:
                raise ValueError(f"names an unknown table {suffix!r}")
            table = self._rep(r, suffix)
            try:
                raw_table = _read_own(table, 2**40)
            except FileNotFoundError:
                raise ValueError(f"{table.name}, one of its tables, is missing") from None
            except (OSError, ValueError) as exc:  # (the table named, not the JSON)
                raise ValueError(f"{table.name}, one of its tables: {read_problem(exc)}") from None
            if _sha256(raw_table) != digest:
                raise ValueError(f"{table.name} does not match its checksum")
        metrics = {str(k): math.nan if v is None else float(v) for k, v in data["metrics"].items()}
        return metrics, tuple(int(x) for x in data["seed"])

    def save(
        self,
        r: int,
        result: RunResult,
        metrics: dict[str, float] | None = None,
        ran_on: dict[str, str] | None = None,
    ) -> dict[str, float]:
        """Write replication ``r``'s tables, then its JSON (last: it marks the rep finished);
        ``metrics``: ``result.metrics()``, if the caller has them already; ``ran_on``: the
        Dask scheduler and worker that ran it (a cluster run's; kept as ``ran_on``)."""
        if metrics is None:
            metrics = result.metrics()
        tables = _rep_tables(result, r)
        for suffix, data in tables.items():
            atomic_write(self._rep(r, suffix), data)
        for suffix in _OPTIONAL:  # (an earlier run's table, not this one's: a stale log)
            if suffix not in tables:
                self._rep(r, suffix).unlink(missing_ok=True)
        record = json_safe(
            {
                "format": _FORMAT,
                "version": __version__,
                "build": build(),
                "scenario_hash": self.digest,
                "root_seed": self.seed,
                "replication": r,
                "seed": list(result.seed),
                "events": result.events,
                "tables": {suffix: _sha256(data) for suffix, data in tables.items()},
                "metrics": metrics,
                "warnings": list(result.warnings),
            }
        )
        if ran_on:
            record["ran_on"] = dict(ran_on)
        record["checksum"] = _sha256(_canonical(record))
        atomic_write(self._rep(r, ".json"), dump_json(record))
        self.computed.append(r)
        return metrics

    def finish(self, per_rep: pd.DataFrame) -> dict[str, dict[str, Any]]:
        """Write ``replications.csv`` and ``summary.json``; return the summary as a dict. A
        resumed run whose ``replications.csv`` or ``summary.json`` was not that of its
        replications says so."""
        table = per_rep.to_csv(index=False)
        if self._same_as_before():
            if stale(self.path / "replications.csv", table):
                self._rewritten(self.path / "replications.csv")
            self._check_old_summary(per_rep)
        (self.path / "failures.json").unlink(missing_ok=True)  # (every replication finished)
        atomic_write(self.path / "replications.csv", table)
        summary = run_summary(per_rep)
        atomic_write(self.path / "summary.json", dump_json(summary))
        self._write_intervals([int(r) for r in per_rep.get("replication", [])])
        self._write_long_tables(per_rep, summary)
        self._write_class_differences(per_rep)
        self._write_weekly_series([int(r) for r in per_rep.get("replication", [])])
        self._write_layers([int(r) for r in per_rep.get("replication", [])])
        self._write_trading([int(r) for r in per_rep.get("replication", [])])
        self._write_warnings()
        self.record_history()
        from sim.experiment.run_seal import seal_run

        seal_run(self.path, self._meta.get("command"))  # (last: a Python run's files too)
        return summary

    def _write_intervals(self, reps: list[int]) -> None:
        """``milestone-intervals.csv``: the replications' milestone intervals, each stretch
        and group's mean over them with its 95 % interval (a file this run left before that
        no longer matches them is noted and written again)."""
        import pandas as pd

        from sim.experiment.interval_summary import FILE, summarise_intervals

        tables = (self._rep(r, "-intervals.csv") for r in reps)
        text = summarise_intervals([pd.read_csv(t) for t in tables if t.exists()]).to_csv(
            index=False
        )
        file = self.path / FILE
        if self._same_as_before() and stale(file, text):
            self._rewritten(file)
        atomic_write(file, text)

    def _write_long_tables(
        self, per_rep: pd.DataFrame, summary: dict[str, dict[str, Any]]
    ) -> None:
        """``metrics.csv``, ``replications.csv`` long (one row per replication and metric),
        and ``summary.csv``, ``summary.json`` as a table (one row per metric, as a
        comparison's), both with the parts each metric's name packs in (a file this run left
        before that no longer matches them is noted and written again)."""
        from sim.experiment.metric_parts import FILE, folder_splitter, long_metrics, long_summary

        splitter = folder_splitter([self.path])
        for name, table in ((FILE, long_metrics(per_rep, splitter)),
                            ("summary.csv", long_summary(summary, splitter))):  # fmt: skip
            text, file = table.to_csv(index=False), self.path / name
            if self._same_as_before() and stale(file, text):
                self._rewritten(file)
            atomic_write(file, text)

    def _write_class_differences(self, per_rep: pd.DataFrame) -> None:
        """``class-differences.csv``: each trader class against general traders, paired
        within the replications (a file this run left before that no longer matches them is
        noted and written again)."""
        from sim.experiment.class_differences import FILE, class_differences

        text = class_differences(per_rep).to_csv(index=False)
        file = self.path / FILE
        if self._same_as_before() and stale(file, text):
            self._rewritten(file)
        atomic_write(file, text)

    def _write_weekly_series(self, reps: list[int]) -> None:
        """``smuggling-weekly.csv`` (the groups' choices week by week across the
        replications, when they kept a smuggling table: none without smugglers),
        ``enforcement-weekly.csv`` (what was found, and the truth, week by week) and
        ``enforcement.csv`` (the same by port, direction and type over the whole window)."""
        from sim.experiment import (
            enforcement_series,
            enforcement_table,
            risk_daily_series,
            risk_reasons_table,
            risk_table,
            smuggling_series,
        )

        for suffix, name, series in (
            ("-smuggling.csv", smuggling_series.FILE, smuggling_series.summarise_smuggling),
            ("-enforcement-daily.csv", enforcement_series.FILE,
             enforcement_series.summarise_enforcement),
            ("-enforcement.csv", enforcement_table.FILE,
             enforcement_table.summarise_enforcement_table),
            ("-risk.csv", risk_table.FILE, risk_table.summarise_risk),
            ("-risk-daily.csv", risk_daily_series.FILE, risk_daily_series.summarise_daily),
            ("-risk-reasons.csv", risk_reasons_table.FILE, risk_reasons_table.summarise_reasons),
        ):  # fmt: skip
            tables = {r: self._rep(r, suffix) for r in reps}
            frames = {r: csv_or_empty(t) for r, t in tables.items() if t.exists()}
            if not frames:
                continue
            text = series(frames).to_csv(index=False)
            file = self.path / name
            if self._same_as_before() and stale(file, text):
                self._rewritten(file)
            atomic_write(file, text)

    def _write_layers(self, reps: list[int]) -> None:
        """``seizures-by-layer.csv``: truth, effectiveness and what customs sees by illicit
        type and port (:mod:`sim.experiment.seizure_layers`; none without enforcement tables)."""
        from sim.experiment import seizure_layers

        frames = {r: f for r in reps
                  if (f := seizure_layers.read_rep(self.reps_dir, r)) is not None}  # fmt: skip
        if any(not f.empty for f in frames.values()):
            text = seizure_layers.summarise_layers(frames).to_csv(index=False)
            atomic_write(self.path / seizure_layers.FILE, text)

    def _write_trading(self, reps: list[int]) -> None:
        """``trading-across-borders.csv``: documentary and border compliance by port and
        direction across the replications (none when no replication kept its intervals)."""
        from sim.experiment import trading_table

        frames = trading_table.folder_frames(self.path / "reps", reps)
        if not frames:
            return
        modes = trading_table.port_modes(self.path)
        currency = trading_table.currency_of(self.path)
        text = trading_table.summarise_trading(frames, modes, currency).to_csv(index=False)
        file = self.path / trading_table.FILE
        if self._same_as_before() and stale(file, text):
            self._rewritten(file)
        atomic_write(file, text)

    def save_failures(self, failures: list[dict[str, Any]]) -> Path:
        """``failures.json``: each replication that raised, with its seed, error and
        traceback (the command line prints one line per failure)."""
        path = self.path / "failures.json"
        atomic_write(path, dump_json(failures))
        self.record_history(sorted(int(f["replication"]) for f in failures))
        return path

    def record_history(
        self, failed: list[int] | None = None, interrupted: bool = False,
        reused: list[int] | None = None,
    ) -> None:
        """Say in ``meta.json``'s history what this command computed (and which of its
        replications ``failed``, and which it ``reused`` from a comparison's baseline: see
        :mod:`sim.experiment.reuse`), once it has ended or was ``interrupted`` (see
        :mod:`sim.experiment.history`)."""
        if not self._meta:
            return  # (not opened by this command: nothing of it to record)
        close(self._meta.get("history"), sorted(set(self.computed)), failed, interrupted)
        note_reused(self._meta.get("history"), reused or [])
        atomic_write(self.path / "meta.json", dump_json(self._meta))

    def _same_as_before(self) -> bool:
        """Whether the command before this one left the tables of the same replications
        (it ended with every replication finished, and the run has as many): a table that
        differs from this run's was changed or damaged since."""
        return self._resumed_reps == self.reps and self._whole_before

    def _rewritten(self, file: Path) -> None:
        self.notice(rewritten(file, "the replications", "them"))

    def _check_old_summary(self, per_rep: pd.DataFrame) -> None:
        """Note a ``summary.json`` left by this run (the same replications) that is not the
        summary of its replications: it was changed, and is written again."""
        file = self.path / "summary.json"
        if not file.exists():
            return
        try:
            old = loads(_read_own(file, _MAX_REP_BYTES))
        except (OSError, ValueError, UnicodeDecodeError):
            old = None
        if not isinstance(old, dict) or not same_summary(old, per_rep):
            self._rewritten(file)

    def _write_warnings(self) -> None:
        """``warnings.json``: run-level warnings already there (e.g. a short warm-up) and
        each replication's (those of their records, whatever the file held); no file when
        there is nothing to say."""
        path = self.path / "warnings.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        before = data.pop("replications", {})
        reps = self.warnings()
        if reps:
            data["replications"] = reps
        if self._same_as_before() and path.exists() and not json_alike(before, reps):
            self._rewritten(path)
        if data:
            atomic_write(path, dump_json(data))
        else:
            path.unlink(missing_ok=True)

    def rep_warnings(self, r: int) -> list[str]:
        """Replication ``r``'s warnings, from its record (checksummed, see :meth:`load`)."""
        data = json.loads(self._rep(r, ".json").read_text(encoding="utf-8"))
        return [str(w) for w in data.get("warnings") or []]

    def warnings(self) -> dict[str, list[str]]:
        """The run warnings of every finished replication of this run (``rep-0003`` -> messages)."""
        out = {}
        for path in sorted(self.reps_dir.glob("rep-[0-9][0-9][0-9][0-9].json")):
            if self.reps and int(path.stem[4:]) >= self.reps:
                continue  # beyond this run's replications (see _note_extra)
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("warnings"):
                out[path.stem] = list(data["warnings"])
        return out
