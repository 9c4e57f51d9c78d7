"""A results folder per run (desmod style), written so that a crash never leaves a torn file.

Layout::

    scenario.json              the resolved scenario
    meta.json                  version, seed, replications, when and how it was run
    reps/rep-0000.json         one finished replication: metrics and seed
    reps/rep-0000-clearance.csv, reps/rep-0000-resources.csv
    replications.csv           one row per replication
    summary.json               metric -> {mean, ci_low, ci_high}
    warnings.json              run-level warnings, and by replication (a queue that does not settle)

Every file is written to a temporary file in the same folder, synced and renamed into place, so
a replication's JSON exists only once it (and its CSVs) are complete. That is what makes
resuming safe: rerunning into the same folder loads the finished replications and runs the
rest, provided the scenario and seed are the same.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import math
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.version import __version__

if TYPE_CHECKING:  # only for annotations: the module stays light for ``bordersim check``
    import pandas as pd

    from sim.model.result import RunResult
    from sim.scenario.schema import Scenario

_OWN = {"scenario.json", "meta.json", "reps", "replications.csv", "summary.json", "warnings.json"}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()  # what open() would give; mkstemp alone makes files private


class StoreMismatch(Exception):
    """The folder holds results of another scenario or seed (or is not a results folder)."""


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a synced temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_dir(path.parent)


def parquet_bytes(df: pd.DataFrame) -> bytes:
    """A DataFrame as Parquet, in memory (so that it can be written atomically)."""
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


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


def dump_json(obj: Any) -> str:
    return json.dumps(json_safe(obj), indent=2, allow_nan=False) + "\n"


def scenario_hash(scenario: Scenario) -> str:
    """SHA-256 of the resolved scenario's canonical JSON."""
    text = json.dumps(
        json_safe(scenario.model_dump(mode="json", by_alias=True)),
        sort_keys=True,
        separators=(",", ":"),
        allow_nan=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class RunStore:
    """One results folder. ``open`` it, ``save`` replications, ``finish`` with the tables."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.reps_dir = self.path / "reps"
        self.seed: int | None = None
        self.digest: str | None = None

    @property
    def is_open(self) -> bool:
        return self.digest is not None

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
        created = _now()
        resumed = None
        if meta_path.exists():
            try:
                old = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreMismatch(
                    f"{meta_path} cannot be read ({exc}); choose another --out folder"
                ) from None
            if old.get("scenario_hash") != digest or old.get("seed") != seed:
                what = []
                if old.get("scenario_hash") != digest:
                    what.append(f"scenario {old.get('scenario')!r} (a different one)")
                if old.get("seed") != seed:
                    what.append(f"seed {old.get('seed')} (this run: seed {seed})")
                raise StoreMismatch(
                    f"{self.path} already holds results of another run: "
                    f"{', '.join(what)}; choose another --out folder"
                )
            created = old.get("created", created)
            resumed = _now()
        elif self.path.exists():
            if not self.path.is_dir():
                raise StoreMismatch(f"{self.path} is not a folder; choose another --out folder")
            foreign = sorted(p.name for p in self.path.iterdir() if p.name not in _OWN)
            if foreign:
                raise StoreMismatch(
                    f"{self.path} already exists and is not a bordersim results folder "
                    f"(it holds {', '.join(foreign[:3])}); choose another --out folder"
                )
        self.reps_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(
            self.path / "scenario.json",
            dump_json(scenario.model_dump(mode="json", by_alias=True)),
        )
        meta = {
            "package": "bordersim",
            "version": __version__,
            "python": platform.python_version(),
            "scenario": scenario.name,
            "scenario_hash": digest,
            "seed": seed,
            "reps": reps,
            "days": scenario.days,
            "warmup_days": scenario.warmup_days,
            "drain_days": scenario.drain_days,
            "created": created,
            "command": list(sys.argv if command is None else command),
        }
        if resumed is not None:
            meta["resumed"] = resumed
        atomic_write(meta_path, dump_json(meta))
        self.seed, self.digest = seed, digest

    def _rep(self, r: int, suffix: str) -> Path:
        return self.reps_dir / f"rep-{r:04d}{suffix}"

    def load(self, r: int) -> tuple[dict[str, float], tuple[int, ...]] | None:
        """Metrics and seed of replication ``r`` if it finished earlier, else None."""
        path = self._rep(r, ".json")
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        metrics = {k: math.nan if v is None else float(v) for k, v in data["metrics"].items()}
        return metrics, tuple(data["seed"])

    def save(self, r: int, result: RunResult) -> dict[str, float]:
        """Write replication ``r``'s tables, then its JSON (last: it marks the rep finished)."""
        metrics = result.metrics()
        atomic_write(self._rep(r, "-clearance.csv"), result.clearance.to_csv(index=False))
        atomic_write(self._rep(r, "-resources.csv"), result.resources.to_csv(index=False))
        atomic_write(self._rep(r, "-intervals.csv"), result.intervals.to_csv(index=False))
        atomic_write(self._rep(r, "-owners.csv"), result.owners.to_csv(index=False))
        atomic_write(self._rep(r, "-queues.csv"), result.queues.to_csv(index=False))
        if result.log is not None:
            atomic_write(self._rep(r, "-log.parquet"), parquet_bytes(result.log))
        record = {
            "replication": r,
            "seed": list(result.seed),
            "events": result.events,
            "metrics": metrics,
            "warnings": list(result.warnings),
        }
        atomic_write(self._rep(r, ".json"), dump_json(record))
        return metrics

    def finish(self, per_rep: pd.DataFrame) -> dict[str, dict[str, float | None]]:
        """Write ``replications.csv`` and ``summary.json``; return the summary as a dict."""
        from sim.analysis.stats import summarise, summary_dict

        atomic_write(self.path / "replications.csv", per_rep.to_csv(index=False))
        summary = summary_dict(summarise(per_rep))
        atomic_write(self.path / "summary.json", dump_json(summary))
        self._write_warnings()
        return summary

    def _write_warnings(self) -> None:
        """``warnings.json``: run-level warnings already there (e.g. a short warm-up) and
        each replication's; no file when there is nothing to say."""
        path = self.path / "warnings.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        reps = self.warnings()
        if reps:
            data["replications"] = reps
        if data:
            atomic_write(path, dump_json(data))

    def warnings(self) -> dict[str, list[str]]:
        """The run warnings of every finished replication (``rep-0003`` -> messages)."""
        out = {}
        for path in sorted(self.reps_dir.glob("rep-*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("warnings"):
                out[path.stem] = list(data["warnings"])
        return out
