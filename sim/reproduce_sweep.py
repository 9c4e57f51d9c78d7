"""A sweep's folder re-run from what it records and compared with the original
(``bordersim reproduce`` of a sweep; docs/reproduce.md).

The folder records the resolved scenario (``scenario.json``: the sweep's ``--days`` and
``--set`` applied), the overrides, the root seed, the replications and, in each point file,
the parameters of its point exactly as they ran. The re-run runs the same points (all, or
those ``--point`` picks) through :func:`sim.experiment.sweep.sweep` into a new folder; then
each point file's seed, scenario hash, parameters and metrics are compared with the
original's and, when every point and replication was re-run, the tables the sweep's store
writes (``design.csv``, ``sweep.csv``, ``summary.csv``, ``intervals.csv``,
``differences.csv``, a grid's ``effects.csv``, ``warnings.json``) byte for byte. What the
sweep command adds when it prints (``prcc.csv``, ``observed.csv``, a Sobol sweep's indices,
``warning-records.json``) is not re-made, and the verdict says so."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pandas as pd

from sim.reproduce import Recorded, Refused, read_json, require_finished

#: the files a sweep's store writes, compared byte for byte when every point was re-run
TABLES = ("design.csv", "sweep.csv", "summary.csv", "intervals.csv", "differences.csv",
          "warnings.json")
#: a grid's table of each key's effect at the others' settings (older folders lack it)
EFFECTS = "effects.csv"


def read_sweep_record(folder: Path, meta: dict[str, Any]) -> Recorded:
    """What a sweep's ``folder`` records (``meta``: its ``meta.json``), or :class:`Refused`."""
    scenario = folder / "scenario.json"
    require_finished(folder, scenario, "sweep.csv", "sweep")
    try:
        seed, reps, points = int(meta["seed"]), int(meta["reps"]), int(meta["points"])
        over = dict(meta.get("overrides") or {})
        days = float(over.get("days", read_json(scenario).get("days", 0.0)))
    except (KeyError, TypeError, ValueError) as exc:
        raise Refused(f"{folder}: its record has no usable seed, reps or days ({exc})") from None
    command = [str(c) for c in meta.get("command") or []]
    return Recorded(folder, "sweep", scenario, seed, reps, days, command, [""], points)


def picked_points(rec: Recorded, asked: list[int] | None) -> list[int]:
    """The points to re-run: every point, or those ``--point`` asked for (each once, in
    order), or :class:`Refused` naming one the sweep does not have."""
    if asked is None:
        return list(range(rec.points))
    if rec.kind != "sweep":
        raise Refused(f"--point picks a sweep's points; {rec.folder} is a {rec.kind}'s folder")
    for p in asked:
        if not 0 <= p < rec.points:
            raise Refused(f"--point {p}: the sweep has {rec.points} points; pick 0 to "
                          f"{rec.points - 1}")
    return sorted(set(asked))


def _design(rec: Recorded, picked: list[int]) -> pd.DataFrame:
    """The picked points' parameters as their first replication's point file holds them
    (the values that ran, not as ``design.csv`` wrote them), one row each."""
    params = [str(p) for p in read_json(rec.folder / "meta.json").get("parameters") or []]
    rows = []
    for p in picked:
        record = read_json(rec.folder / "points" / f"p{p:04d}-r0000.json")
        values = record.get("parameters") or {}
        rows.append({k: values.get(k) for k in params})
    return pd.DataFrame(rows, columns=params)


def rerun_sweep(rec: Recorded, out: Path, reps: int, picked: list[int],
                executor: Any = "serial") -> str:
    """Re-run the picked points' first ``reps`` replications into ``out`` on ``executor``
    (its command as this re-run, so its record says how it was made): what it said, or
    :class:`Refused`."""
    from sim.experiment.sweep import sweep
    from sim.scenario.loader import ScenarioError

    said: list[str] = []
    over = dict(read_json(rec.folder / "meta.json").get("overrides") or {})
    command = ["bordersim", "reproduce", str(rec.folder), "--out", str(out)]
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            sweep(rec.scenario, _design(rec, picked), reps, rec.seed, overrides=over, out=out,
                  command=command, on_notice=said.append, on_warning=said.append,
                  executor=executor)
    except (ScenarioError, ValueError) as exc:
        raise Refused(f"the re-run of the sweep in {rec.folder} failed: {exc}") from None
    return "\n".join(said)


def _tables(folder: Path, new: Path, out: Any) -> tuple[str, ...]:
    """:data:`TABLES` and ``effects.csv``, unless only the re-run has it: a folder written
    before sweeps wrote it is not faulted for lacking it (a note says it was not compared;
    one deleted since is named by the folder's own seal, ``finished.json``)."""
    if (folder / EFFECTS).exists() or not (new / EFFECTS).exists():
        return (*TABLES, EFFECTS)
    out.skipped.append(f"{EFFECTS} (the original was written before sweeps wrote it)")
    return TABLES


def compare_sweep(rec: Recorded, new: Path, reps: int, picked: list[int]) -> Any:
    """Compare the re-run in ``new`` (the picked points, renumbered from 0 in their order)
    with ``rec``: each point file and, when all were re-run, :data:`TABLES`."""
    from sim.experiment.finish_seal import FILE
    from sim.reproduce_compare import Outcome, environment, figures, summaries

    made = int(read_json(new / "meta.json")["reps"])
    whole = picked == list(range(rec.points))
    out = Outcome(checked_reps=min(reps, made), all_reps=reps == rec.reps == made and whole)
    out.points = len(picked)
    environment(rec.folder / "meta.json", new / "meta.json", out)
    for j, p in enumerate(picked):
        for r in range(out.checked_reps):
            name = f"p{{:04d}}-r{r:04d}.json"
            old = read_json(rec.folder / "points" / name.format(p))
            fresh = read_json(new / "points" / name.format(j))
            where = f"point {p}, replication {r}"
            out.replications += 1
            for key in ("root_seed", "scenario_hash", "parameters"):
                if old.get(key) != fresh.get(key):
                    out.problems.append(f"{where}: {key} was {old.get(key)}, is "
                                        f"{fresh.get(key)}")
            figures(where, old.get("metrics") or {}, fresh.get("metrics") or {}, out)
    if out.all_reps:
        tables = _tables(rec.folder, new, out)
        summaries(rec, new, out, tables)
        added = sorted(p.name for p in rec.folder.iterdir()
                       if p.is_file() and p.suffix in (".csv", ".json")
                       and p.name not in (*tables, "meta.json", "scenario.json", FILE))
        if added:
            out.skipped.append(f"{', '.join(added)} (written by the sweep command as it "
                               "printed its results, not re-made)")
    return out
