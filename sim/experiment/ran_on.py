"""Which Dask scheduler and workers ran a results folder's replications.

On a cluster, a replication that looks odd is easier to chase when its folder says which
machine computed it. Each replication of a run or a comparison run on a scheduler given by
its address (``--dask ADDRESS``) keeps ``ran_on`` (``scheduler``, ``worker``) in its
``rep-NNNN.json``; a local run (serial, processes, or a cluster started for the run)
records nothing, so no address of this machine is written. The lines here sum it up where
the command's summary is printed."""

from __future__ import annotations

import json
from collections.abc import Hashable
from pathlib import Path

from sim.experiment.dask_trouble import number_ranges
from sim.experiment.store import REP_FILES

#: scheduler -> worker -> option ("" for a run) -> the replications it ran
RanOn = dict[str, dict[str, dict[str, list[int]]]]


def where_ran(executor: object, key: Hashable) -> dict[str, str] | None:
    """The scheduler and worker that ran the replication ``key`` on ``executor`` (its
    ``ran_on``: a Dask executor's, given an address), or None."""
    found = getattr(executor, "ran_on", None)
    return found.get(key) if isinstance(found, dict) else None


def ran_on(out: Path) -> RanOn:
    """Who ran ``out``'s replications, from its replication files (a run's ``reps/``, a
    comparison's ``options/NAME/reps/``; those without ``ran_on``, or unreadable, left out)."""
    found: RanOn = {}
    folders = [("", out / "reps")]
    if (out / "options").is_dir():
        folders += [(o.name, o / "reps") for o in sorted((out / "options").iterdir())]
    for option, folder in folders:
        for path in sorted(folder.glob(REP_FILES)) if folder.is_dir() else []:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            where = data.get("ran_on") if isinstance(data, dict) else None
            if isinstance(where, dict) and {"scheduler", "worker"} <= set(where):
                workers = found.setdefault(str(where["scheduler"]), {})
                options = workers.setdefault(str(where["worker"]), {})
                options.setdefault(option, []).append(int(data["replication"]))
    return found


def _reps(options: dict[str, list[int]]) -> str:
    """``replication(s) 0 to 2, 4``, or by option: ``option a: replication(s) 0; ...``."""
    said = []
    for option, numbers in sorted(options.items()):
        reps = ", ".join(str(a) if a == b else f"{a} to {b}" for a, b in number_ranges(numbers))
        said.append(f"option {option}: replication(s) {reps}" if option else
                    f"replication(s) {reps}")
    return "; ".join(said)


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
