"""``bordersim trucks``: the trucks still waiting on the approach when a run ended.

A truck that reached a land crossing's approach in the observed window and never entered by
the run's end has no flow, so it is in no row of the log this command reads: its tables
leave out the longest waits. The run counts those trucks and their wait so far
(``approach_left_trucks_port_<port>``, ``approach_left_wait_h_mean_port_<port>``: see
:mod:`sim.model.approach_left`); this says them under the tables, with their share of the
observed trucks at the port (those of the log's cohort, and those left).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np


def left_figures(folder: Path, port: str, logs: list[Any]) -> tuple[float, float, float] | None:
    """Trucks left waiting a replication (mean over replications), their share of the
    observed trucks at ``port`` and their mean wait so far (hours, over the replications that
    left any; nan when none did); None when the run has no approach at ``port`` (or is one
    saved before these figures were counted)."""
    from sim.report.folder import read_json

    count, wait = f"approach_left_trucks_port_{port}", f"approach_left_wait_h_mean_port_{port}"
    kept = []  # (each replication's file: a run's folder, or a comparison's option's)
    for file in sorted((folder / "reps").glob("rep-[0-9][0-9][0-9][0-9].json")):
        data = read_json(file)
        metrics = data.get("metrics") if isinstance(data, dict) else None
        if not isinstance(metrics, dict) or count not in metrics:
            return None
        kept.append((metrics[count], metrics.get(wait)))
    if not kept:
        return None
    left = np.array([_number(c) for c, _ in kept])
    waits = np.array([_number(w) for _, w in kept])
    seen = sum(int(((log["port"] == port) & log["cohort"]).sum()) for log in logs)
    total = float(left.sum()) + seen
    share = float(left.sum()) / total if total else math.nan
    had = left > 0  # (the mean wait so far, weighted by each replication's trucks)
    mean_wait = float(np.average(waits[had], weights=left[had])) if had.any() else math.nan
    return float(left.mean()), share, mean_wait


def _number(value: Any) -> float:
    """A metric as the replication's file keeps it (NaN, or null, where none)."""
    return float(value) if isinstance(value, int | float) else math.nan


def left_line(figures: tuple[float, float, float], lang: str = "en") -> str:
    """The line under the tables (in Chinese with ``lang`` zh)."""
    trucks, share, wait = figures
    if lang == "zh":
        if trucks == 0:
            return "运行结束时仍在入境前排队区等待的货车：无"
        return (f"运行结束时仍在入境前排队区等待的货车（不计入以上任何数据）：每次重复运行平均 "
                f"{trucks:.1f} 辆（占观测货车的 {100 * share:.1f}%），至运行结束平均已等待 "
                f"{wait:.1f} 小时")
    if trucks == 0:
        return "trucks still waiting on the approach when the run ended: none"
    return (f"trucks still waiting on the approach when the run ended (in no figure above): "
            f"{trucks:.1f} a replication ({100 * share:.1f} % of the observed trucks), their "
            f"wait so far {wait:.1f} h on average")
