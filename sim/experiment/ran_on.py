"""Which Dask scheduler and workers ran a results folder's replications.

On a cluster, a replication that looks odd is easier to chase when its folder says which
machine computed it. Each replication run on a scheduler given by its address
(``--dask ADDRESS``) keeps ``ran_on`` (``scheduler``, ``worker``) in its
``reps/rep-NNNN.json``; a local run (serial, processes, or a cluster started for the run)
records nothing, so no address of this machine is written. The line here sums it up where
a run's summary is printed."""

from __future__ import annotations

import json
from pathlib import Path

from sim.experiment.dask_trouble import number_ranges
from sim.experiment.store import REP_FILES


def ran_on(out: Path) -> dict[str, dict[str, list[int]]]:
    """Scheduler -> worker -> the replications it ran, from ``out``'s replication files
    (those without ``ran_on``, or unreadable, are left out)."""
    found: dict[str, dict[str, list[int]]] = {}
    for path in sorted((out / "reps").glob(REP_FILES)):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        where = data.get("ran_on") if isinstance(data, dict) else None
        if isinstance(where, dict) and {"scheduler", "worker"} <= set(where):
            workers = found.setdefault(str(where["scheduler"]), {})
            workers.setdefault(str(where["worker"]), []).append(int(data["replication"]))
    return found


def _reps(numbers: list[int]) -> str:
    return ", ".join(str(a) if a == b else f"{a} to {b}" for a, b in number_ranges(numbers))


def ran_on_lines(out: Path, lang: str = "en") -> list[str]:
    """One line per scheduler that ran ``out``'s replications, naming each worker and the
    replications it ran (none for a local run)."""
    lines = []
    for scheduler, workers in ran_on(out).items():
        each = sorted((w, _reps(rs)) for w, rs in workers.items())
        if lang == "zh":
            from sim.cli_zh_progress import RAN_ON, RAN_ON_WORKER

            told = "；".join(RAN_ON_WORKER.format(worker=w, reps=r.replace(" to ", " 至 ")
                                                  .replace(", ", "、")) for w, r in each)
            lines.append(RAN_ON.format(scheduler=scheduler, n=len(each), workers=told))
            continue
        told = "; ".join(f"{w} (replication(s) {r})" for w, r in each)
        lines.append(f"ran on the Dask scheduler at {scheduler} by {len(each)} worker(s): "
                     f"{told}")
    return lines
