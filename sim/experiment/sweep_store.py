"""A sweep's results folder: one atomically written file per (point, replication).

Layout::

    meta.json                  version, scenario, seed, replications, design hash, the
                               overrides every point has (--days, --set), and the history
                               of the commands that wrote into the folder
                               (:mod:`sim.experiment.history`)
    scenario.json              the scenario with those overrides, resolved
    design.csv                 the points
    points/p0000-r0000.json    one finished (point, replication): parameters, seed, metrics
    sweep.csv                  one row per (point, replication)
    summary.csv                one row per point: mean of every metric
    intervals.csv              per point and metric: mean, 95 % interval and replications
    differences.csv            per point after the first and metric: the paired difference
                               from point 0 (the same seeds), its 95 % interval, p-value and
                               Holm's verdict (:mod:`sim.experiment.sweep_pairs`)
    effects.csv                a grid's (two keys or more): each key's effect at every
                               setting of the others, paired the same way
                               (:mod:`sim.experiment.sweep_effects`)

A point file carries what identifies it (the scenario hash of its point, the root seed, the
point and replication indices, the bordersim version) and a checksum of itself, as a run's
replication file does (:mod:`sim.experiment.store`). On resume a point file that is
truncated, unreadable, edited or copied in from another sweep is reported (``on_notice``) and
computed again; it is never aggregated. A point file written before point files carried a
checksum is computed again too (the note says so); ``bordersim report`` still reads a folder
written then (its ``meta.json`` has no ``point_format``), without checksums to check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sim.build import build, libraries
from sim.experiment.command_paths import portable_command
from sim.experiment.history import by_unit, close, ended_whole, entry, history_of
from sim.experiment.interval_notes import intervals_note
from sim.experiment.reporter import ENGLISH, Reporter
from sim.experiment.rewrites import stale
from sim.experiment.store import (
    Disagree,
    StoreMismatch,
    _canonical,
    _read_own,
    _sha256,
    atomic_write,
    check_kind,
    dump_json,
    identity,
    json_safe,
    loads,
    no_folder_in_the_way,
    read_record,
    rebuilt,
    rewritten,
)
from sim.experiment.sweep_differs import Asked, differences
from sim.experiment.sweep_effects import factor_effects
from sim.experiment.sweep_pairs import point_differences
from sim.made_where import provenance, resume_warning
from sim.version import __version__

POINT_FORMAT = 2  # of a point file: identity and its own checksum
_MAX_POINT_BYTES = 16 * 2**20


@dataclass(frozen=True)
class PointRecord:
    """One finished (point, replication) as its file holds it."""

    parameters: dict[str, Any]
    metrics: dict[str, float]
    scenario_hash: str
    warnings: tuple[str, ...] = ()


def points_hash(hashes: list[str]) -> str:
    """The hash of a sweep's points: SHA-256 of their scenario hashes, one a line."""
    return hashlib.sha256("\n".join(hashes).encode()).hexdigest()


class SweepStore:
    """A sweep's results folder. ``open`` it, ``load`` or ``save`` points, ``finish``."""

    def __init__(self, path: str | Path, on_notice: Callable[[str], None] | None = None,
                 on_warning: Callable[[str], None] | None = None,
                 reporter: Reporter | None = None):
        """``on_notice``: told of each file found damaged (and written again);
        ``on_warning``: of a folder resumed in another environment (else ``reporter``
        says it: the sweep hands its executor's; English on stderr when none)."""
        self.path = Path(path)
        self.on_warning = on_warning
        self.reporter = reporter
        self.points_dir = self.path / "points"
        self.seed: int | None = None
        self.version = __version__  # that point files must carry (meta.json's when reading)
        self.build: str | None = None  # the code that made them (see sim.build): when known
        #: reading a folder written before point files carried a checksum
        self.legacy = False
        #: what was found wrong with point files (and computed again), in order
        self.notices: list[str] = []
        #: each (point, replication)'s warnings, as run or loaded
        self.warnings: dict[tuple[int, int], list[str]] = {}
        self.on_notice = on_notice
        self._from_meta = False  # the sweep's identity read from meta.json (:meth:`reading`)
        #: the (point, replication) runs this command computed (not loaded)
        self.computed: list[tuple[int, int]] = []
        self._meta: dict[str, Any] = {}  # meta.json as this command wrote it (:meth:`open`)
        #: the command before left the tables of as many replications (it ended whole)
        self._same_before = False

    def _notice(self, message: str) -> None:
        self.notices.append(message)
        if self.on_notice is not None:
            self.on_notice(message)

    def open(
        self,
        scenario: str | Path,
        design: pd.DataFrame,
        hashes: list[str],
        seed: int,
        reps: int,
        command: list[str] | None = None,
        overrides: dict[str, Any] | None = None,
        base: dict[str, Any] | None = None,
    ) -> None:
        """Write ``meta.json`` and ``design.csv``, or check that a folder being resumed
        holds this same sweep (the same points and seed; more replications are fine).
        ``overrides``: what applies at every point (``--days``, ``--set``), kept in
        ``meta.json``; ``base``: the scenario with them, resolved (``scenario.json``), so that
        the sweep can be redone from its folder."""
        from sim.experiment.scenario_source import described

        digest = points_hash(hashes)
        over = json.loads(dump_json(dict(overrides or {})))
        named = described(scenario, self.path)  # (no directory of this machine)
        asked = Asked(named["scenario"], design, over, base, command)
        old, created = self._check_folder(digest, seed, asked)
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        from sim.experiment.run_seal import unseal

        unseal(self.path)  # (sealed again once finished: a stop from here on leaves none)
        self.points_dir.mkdir(parents=True, exist_ok=True)
        self._same_before = old is not None and ended_whole(old) and old.get("reps") == reps
        self._write("design.csv", design.to_csv(index_label="point"), old is not None,
                    "the points of this sweep")
        meta = {
            "package": "bordersim",
            "kind": "sweep",
            "version": __version__,
            "build": build(),
            "libraries": libraries(),
            **provenance(),  # (Python, machine, operating system; the git commit in a checkout)
            "point_format": POINT_FORMAT,
            **named,
            "parameters": list(design.columns),
            "points": len(design),
            "points_hash": digest,
            "seed": seed,
            "reps": reps,
            "created": created,
            "command": portable_command(command),  # (no directory of this machine)
            "overrides": dict(overrides or {}),
            "intervals": intervals_note("sweep"),  # (how intervals.csv, differences.csv were made)
        }
        if old is not None:
            meta["resumed"] = started
            self._compare_environment(old, meta)
        this = entry(meta["command"], started, self.path)
        meta["history"] = [*history_of(old, self._present()), this]
        if base is not None:
            self._write("scenario.json", dump_json(base), old is not None,
                        "the scenario of this sweep")
        atomic_write(self.path / "meta.json", dump_json(meta))
        self.seed, self.build, self._meta = seed, build(), meta

    def _compare_environment(self, old: dict[str, Any], meta: dict[str, Any]) -> None:
        """On resume: warn (``on_warning``, else the reporter) of each way this sweep's environment
        differs from the one ``meta.json`` recorded (:mod:`sim.made_where`); never refuse."""
        said = resume_warning(self.path, old, meta)
        if said is None:
            return
        if self.on_warning is not None:
            self.on_warning(said)
        else:
            (self.reporter or ENGLISH).warning(said)

    def _present(self) -> dict[str, list[int]]:
        """The (point, replication) runs whose files the folder holds, by point (to say
        what a command killed before it ended computed: :mod:`sim.experiment.history`)."""
        pairs = []
        for f in self.points_dir.glob("p[0-9][0-9][0-9][0-9]-r[0-9][0-9][0-9][0-9].json"):
            pairs.append((int(f.stem[1:5]), int(f.stem[7:11])))
        return by_unit(pairs)

    def _write(self, name: str, text: str, check: bool, whence: str) -> None:
        """Write ``text`` to the folder's file ``name``; with ``check`` (resuming), first
        say so if the file there did not match it (``whence``: what it is written from)."""
        path = self.path / name
        if check and stale(path, text):
            self._notice(rewritten(path, whence))
        atomic_write(path, text)

    def _check_folder(
        self, digest: str, seed: int, asked: Asked
    ) -> tuple[dict[str, Any] | None, str]:
        """Refuse a folder holding another sweep (saying how it differs from ``asked``),
        another command's results or other files; return its ``meta.json`` (None for a new
        folder, or one whose record is damaged) and when the sweep was first created."""
        meta_path = self.path / "meta.json"
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        check_kind(self.path, "sweep")
        if meta_path.exists():
            old, reason = identity(meta_path, {"kind": str, "points_hash": str, "seed": int})
            if old is None:  # (safe: each point file is checked against its point's scenario)
                self._notice(rebuilt(meta_path, reason, "sweep"))
                return None, created
            if old.get("kind") != "sweep":
                raise StoreMismatch(
                    f"{self.path} already holds results that are not a sweep's ({meta_path} "
                    f"says kind {old.get('kind')!r}); choose another --out folder"
                )
            found = differences(self.path, old, asked) if old.get("points_hash") != digest \
                else []
            if old.get("seed") != seed:
                found.append(f"seed {old.get('seed')} (this sweep: {seed})")
            if found:
                raise StoreMismatch(
                    f"{self.path} already holds another sweep: {'; '.join(found)}; resume it "
                    "with the same points, settings and seed, or choose another --out folder"
                )
            made = old.get("build")
            if isinstance(made, str) and made != build():
                raise StoreMismatch(
                    f"{self.path} holds points made by other code (build {made}; this code "
                    f"is {build()}): resuming would mix the results of two versions of the "
                    "model. Resume with the code that made them, or choose another --out folder"
                )
            return old, str(old.get("created", created))
        if self.path.exists() and (not self.path.is_dir() or any(self.path.iterdir())):
            raise StoreMismatch(
                f"{self.path} already exists and is not a bordersim sweep folder; "
                "choose another --out folder"
            )
        return None, created

    @classmethod
    def reading(cls, path: str | Path) -> SweepStore:
        """A finished (or interrupted) sweep folder, to check its point files without
        writing: they must carry the seed and version its ``meta.json`` records."""
        store = cls(path)
        store._from_meta = True
        meta_path = store.path / "meta.json"
        try:
            meta = loads(_read_own(meta_path, _MAX_POINT_BYTES).decode("utf-8"))
            store.seed, store.version = int(meta["seed"]), str(meta["version"])
            store.build = meta.get("build") if isinstance(meta.get("build"), str) else None
            store.legacy = "point_format" not in meta
        except (OSError, ValueError, TypeError, KeyError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ValueError(f"{meta_path} cannot be read ({reason})") from None
        return store

    def file(self, point: int, r: int) -> Path:
        """The file of replication ``r`` at ``point``."""
        return self.points_dir / f"p{point:04d}-r{r:04d}.json"

    def load(self, point: int, r: int, digest: str) -> dict[str, float] | None:
        """The metrics of replication ``r`` at ``point`` if it finished earlier, else None.

        A file that is damaged or belongs to another sweep is reported and None returned, so
        that the replication is computed again.
        """
        path = self.file(point, r)
        if not path.exists() and not path.is_symlink():
            return None
        try:
            record = self.verify(point, r, digest)
            self.warnings[point, r] = list(record.warnings)
            return record.metrics
        except ValueError as exc:
            no_folder_in_the_way([path])
            self._notice(f"{exc}; computing point {point}, replication {r} again")
            return None

    def verify(self, point: int, r: int, digest: str | None = None) -> PointRecord:
        """Replication ``r`` at ``point`` as its file holds it, checked against its checksum
        and this sweep's identity (and ``digest``, the point's scenario hash, when given);
        a ValueError naming the file otherwise."""
        path = self.file(point, r)
        try:
            return self._verified(point, r, path, digest)
        except FileNotFoundError:
            raise ValueError(f"{path} is missing") from None
        except Disagree as exc:
            raise Disagree(f"{path}: {exc}") from None
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ValueError(f"{path}: {reason}") from None

    def _verified(self, point: int, r: int, path: Path, digest: str | None) -> PointRecord:
        data = read_record(path, _MAX_POINT_BYTES)
        if not isinstance(data, dict):
            raise ValueError("not a point file of bordersim")
        if "format" not in data and "checksum" not in data:
            if not self.legacy:
                raise ValueError("written by an older bordersim, without a checksum")
        elif data.get("format") != POINT_FORMAT:
            raise ValueError("not a point file of this bordersim version")
        else:
            checksum = data.pop("checksum", None)
            if checksum != _sha256(_canonical(data)):
                raise ValueError("checksum does not match (the file was changed)")
            mine = {"root_seed": self.seed, "version": self.version}
            if self.build is not None and "build" in data:  # (older files carry none)
                mine["build"] = self.build
            self._check_identity(data, mine, self._from_meta)
        want = {"point": point, "replication": r}
        self._check_identity(data, want if digest is None else {**want, "scenario_hash": digest})
        metrics = {str(k): math.nan if v is None else float(v) for k, v in data["metrics"].items()}
        warnings = tuple(str(w) for w in data.get("warnings", []))
        return PointRecord(
            dict(data["parameters"]), metrics, str(data["scenario_hash"]), warnings
        )

    @staticmethod
    def _check_identity(
        data: dict[str, Any], expected: dict[str, Any], from_meta: bool = False
    ) -> None:
        """``data`` carries each of ``expected``; else a ValueError (a :class:`Disagree`
        when what it is checked against was read from ``meta.json`` (``from_meta``), which
        may have been edited as well)."""
        for key, want in expected.items():
            if data.get(key) != want:
                problem = Disagree if from_meta else ValueError
                extra = "; or meta.json was edited" if from_meta else ""
                raise problem(
                    f"from another sweep ({key} {data.get(key)!r}, this sweep {want!r}){extra}"
                )

    def save(
        self,
        point: int,
        r: int,
        params: dict[str, Any],
        digest: str,
        seed: tuple[int, ...],
        metrics: dict[str, float],
        warnings: list[str] | None = None,
        ran_on: dict[str, str] | None = None,
    ) -> None:
        """Write replication ``r`` at ``point``, with its identity, its warnings (a queue that
        did not settle, say), where it ran (``ran_on``: the Dask scheduler and worker of a
        scheduler given by its address, as a run's replication keeps it) and a checksum of
        itself."""
        record = json_safe(
            {
                "format": POINT_FORMAT,
                "version": __version__,
                "build": build(),
                "scenario_hash": digest,
                "root_seed": self.seed,
                "point": point,
                "replication": r,
                "parameters": params,
                "seed": list(seed),
                "metrics": metrics,
                "warnings": list(warnings or []),
                **({"ran_on": dict(ran_on)} if ran_on else {}),
            }
        )
        self.warnings[point, r] = list(warnings or [])
        record["checksum"] = _sha256(_canonical(record))
        atomic_write(self.file(point, r), dump_json(record))
        self.computed.append((point, r))

    def finish(self, rows: pd.DataFrame, params: list[str]) -> None:
        """Write ``sweep.csv``, ``summary.csv``, ``intervals.csv``, ``differences.csv``,
        a grid's ``effects.csv`` and ``warnings.json`` (each point's warnings, from any of its
        replications), then seal them in ``finished.json`` (:mod:`sim.experiment.run_seal`)."""

        warned = point_warnings(self.warnings)
        files = {
            "warnings.json": dump_json(warned),
            "sweep.csv": rows.to_csv(index=False),
            "summary.csv": summarise_points(rows, params, warned).to_csv(),
            "intervals.csv": point_intervals(rows, params).to_csv(index=False),
            "differences.csv": point_differences(rows, params).to_csv(index=False),
        }
        effects = factor_effects(rows, params)  # (a grid's: each key at the others' settings)
        if len(effects):
            files["effects.csv"] = effects.to_csv(index=False)
        for name, text in files.items():
            self._write(name, text, self._same_before, "the point files")
        self.record_history()
        from sim.experiment.run_seal import seal_sweep

        # (last; only the store's own files: the sweep command seals what it adds after)
        seal_sweep(self.path, self._meta.get("command"),
                   ("scenario.json", "design.csv", *files))

    def record_history(
        self, failed: Iterable[tuple[int, int]] = (), interrupted: bool = False
    ) -> None:
        """Say in ``meta.json``'s history which (point, replication) runs this command
        computed (and which ``failed``), by point, once it has ended or was ``interrupted``
        (see :mod:`sim.experiment.history`)."""
        if not self._meta:
            return
        close(self._meta.get("history"), by_unit(self.computed), by_unit(failed), interrupted)
        atomic_write(self.path / "meta.json", dump_json(self._meta))


def point_warnings(warnings: dict[tuple[int, int], list[str]]) -> dict[str, list[str]]:
    """Each point's distinct warnings over its replications (points without any left out),
    by point number."""
    out: dict[int, set[str]] = {}
    for (point, _), ws in warnings.items():
        if ws:
            out.setdefault(point, set()).update(ws)
    return {str(p): sorted(out[p]) for p in sorted(out)}


def point_intervals(rows: pd.DataFrame, params: list[str]) -> pd.DataFrame:
    """Per point and metric (long): the point's parameters, the mean over its replications,
    the 95 % t-interval as a run's (:func:`sim.analysis.stats.summarise`: a quantile's never
    narrower than the histogram's resolution) and the number of replications."""
    from sim.analysis.stats import summarise

    frames = []
    for point, group in rows.groupby("point", sort=True):
        metrics = group.drop(columns=["point", *params])
        table = summarise(metrics).reset_index()
        for i, name in enumerate(params):  # (a value may be a list: a schedule)
            table.insert(i, name, [group[name].iloc[0]] * len(table))
        table.insert(0, "point", point)
        frames.append(table)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def summarise_points(
    rows: pd.DataFrame, params: list[str], warnings: Mapping[str, list[str]] | None = None
) -> pd.DataFrame:
    """One row per point (index ``point``): its parameters, whether a replication there
    warned that a queue did not settle (``unstable``: its means are then not steady-state;
    ``warnings``: :func:`point_warnings`), and the mean of every metric."""
    from sim.model.stability import unsettled

    metrics = [c for c in rows.columns if c not in {"point", "replication", *params}]
    first = rows.groupby("point")[params].first()
    warned = warnings or {}
    first["unstable"] = [unsettled(warned.get(str(p), [])) for p in first.index]
    means = rows.groupby("point")[metrics].mean()
    return pd.concat([first, means], axis=1)
