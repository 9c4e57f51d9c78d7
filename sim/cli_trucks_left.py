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
    from sim.report.folder import read_csv

    file = folder / "replications.csv"
    count, wait = f"approach_left_trucks_port_{port}", f"approach_left_wait_h_mean_port_{port}"
    if not file.is_file():
        return None
    table = read_csv(file)
    if count not in table.columns or wait not in table.columns:
        return None
    left = table[count].to_numpy(float)
    seen = sum(int(((log["port"] == port) & log["cohort"]).sum()) for log in logs)
    total = float(left.sum()) + seen
    share = float(left.sum()) / total if total else math.nan
    waits = table[wait].to_numpy(float)
    had = left > 0  # (the mean wait so far, weighted by each replication's trucks)
    mean_wait = float(np.average(waits[had], weights=left[had])) if had.any() else math.nan
    return float(left.mean()), share, mean_wait


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
