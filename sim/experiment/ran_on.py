"""Which Dask scheduler and workers ran a results folder's replications.

On a cluster, a replication that looks odd is easier to chase when its folder says which
machine computed it. Each replication of a run or a comparison run on a scheduler given by
its address (``--dask ADDRESS``) keeps ``ran_on`` (``scheduler``, ``worker``) in its
``rep-NNNN.json`` (a sweep's in its point file); a local run (serial, processes, or a
cluster started for the run) records nothing, so no address of this machine is written. The
lines here sum it up where the command's summary is printed."""

from __future__ import annotations

import json
from collections.abc import Hashable
from pathlib import Path

from sim.experiment.dask_trouble import number_ranges
from sim.experiment.store import REP_FILES

#: a sweep's point files (:meth:`sim.experiment.sweep_store.SweepStore.file`)
POINT_FILES = "p[0-9][0-9][0-9][0-9]-r[0-9][0-9][0-9][0-9].json"
#: scheduler -> worker -> option ("" for a run, ``point N`` for a sweep's point) -> the
#: replications it ran
RanOn = dict[str, dict[str, dict[str, list[int]]]]


def where_ran(executor: object, key: Hashable) -> dict[str, str] | None:
    """The scheduler and worker that ran the replication ``key`` on ``executor`` (its
    ``ran_on``: a Dask executor's, given an address), or None."""
    found = getattr(executor, "ran_on", None)
    return found.get(key) if isinstance(found, dict) else None


def ran_on(out: Path) -> RanOn:
    """Who ran ``out``'s replications, from its replication files (a run's ``reps/``, a
    comparison's ``options/NAME/reps/``, a sweep's ``points/pNNNN-rNNNN.json``, each point
    told as ``point N``; those without ``ran_on``, or unreadable, left out)."""
    found: RanOn = {}
    files = [("", p) for p in _files(out / "reps", REP_FILES)]
    if (out / "options").is_dir():
        files += [(o.name, p) for o in sorted((out / "options").iterdir())
                  for p in _files(o / "reps", REP_FILES)]
    files += [("", p) for p in _files(out / "points", POINT_FILES)]
    for option, path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        where = data.get("ran_on") if isinstance(data, dict) else None
        if isinstance(where, dict) and {"scheduler", "worker"} <= set(where):
            if isinstance(data.get("point"), int):  # (a sweep's: by point)
                option = f"point {data['point']}"
            workers = found.setdefault(str(where["scheduler"]), {})
            options = workers.setdefault(str(where["worker"]), {})
            options.setdefault(option, []).append(int(data["replication"]))
    return found


def _files(folder: Path, pattern: str) -> list[Path]:
    """``folder``'s files matching ``pattern``, sorted (none when it is not a folder)."""
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def _reps(options: dict[str, list[int]]) -> str:
    """``replication(s) 0 to 2, 4``, or by option: ``option a: replication(s) 0; ...``."""
    said = []
    for option, numbers in sorted(options.items(), key=_order):
        reps = ", ".join(str(a) if a == b else f"{a} to {b}" for a, b in number_ranges(numbers))
        head = "" if not option else option if option.startswith("point ") else (
            f"option {option}")
        said.append(f"{head}: replication(s) {reps}" if head else f"replication(s) {reps}")
    return "; ".join(said)


def _order(item: tuple[str, list[int]]) -> tuple[int, str]:
    """Options by name, a sweep's points by number (``point 2`` before ``point 10``)."""
    name = item[0]
    number = name[len("point "):]
    return (int(number), "") if name.startswith("point ") and number.isdigit() else (-1, name)


def ran_on_lines(out: Path, lang: str = "en") -> list[str]:
    """One line per scheduler that ran ``out``'s replications, naming each worker and the
    replications it ran (none for a local run)."""
    lines = []
    for scheduler, workers in ran_on(out).items():
        each = sorted((w, _reps(options)) for w, options in workers.items())
        if lang == "zh":
            from sim.cli_zh_cluster import still_to_do_zh
            from sim.cli_zh_progress import RAN_ON, RAN_ON_WORKER

            told = "；".join(RAN_ON_WORKER.format(worker=w, reps=still_to_do_zh(r))
                            for w, r in each)
            lines.append(RAN_ON.format(scheduler=scheduler, n=len(each), workers=told))
            continue
        told = "; ".join(f"{w} ({r})" for w, r in each)
        lines.append(f"ran on the Dask scheduler at {scheduler} by {len(each)} worker(s): "
                     f"{told}")
    return lines
