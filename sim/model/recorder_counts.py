"""The recorder's counts of a folded block that are neither times nor checks: outcomes by
port, where the goods still inside at the end had got to (for the stability warnings), and
inspections in China's sense (a scan, a physical or a quarantine exam) over every declaration
and its containers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.model.milestones import CENSORED, MILESTONES, RELEASED, M
from sim.model.recorder_rows import _S, _SMS, _SOWN, tally

if TYPE_CHECKING:
    from sim.model.recorder import Recorder


def count_by_port(rec: Recorder, a: np.ndarray, outcome: np.ndarray) -> None:
    """Outcomes by port, and where the censored not released by the end of the run are:
    the furthest milestone each reached, in the order of MILESTONES (not the latest in
    time: an advance declaration is assessed before the goods arrive)."""
    port = a[:, _S["port"]].astype(int)
    tally(rec.port_outcomes, port, outcome)
    ms = a[:, _SMS:_SOWN]
    released = ms[:, M["released"]] <= rec.end
    tally(rec.not_out, port[(outcome == CENSORED) & released])
    left = (outcome == CENSORED) & ~released
    if left.any():
        reached = ms[left][:, ::-1] <= rec.end
        last = len(MILESTONES) - 1 - np.argmax(reached, axis=1)
        tally(rec.stuck, port[left], last)


def count_inspections(rec: Recorder, a: np.ndarray, outcome: np.ndarray) -> None:
    """Inspections (China's definition) over every declaration, and treated goods."""
    ch = a[:, _S["channel"]].astype(int)
    inspected = (ch % 4 >= 2) | (ch >= 4)  # scan or physical, or with quarantine
    boxes = a[:, _S["containers"]]
    ins = rec.inspections
    ins["declarations"] += len(a)
    ins["inspected"] += int(inspected.sum())
    ins["containers"] += float(boxes.sum())
    ins["containers_inspected"] += float(boxes[inspected].sum())
    rec.by_port.add_boxes(a, inspected)
    treated = ~np.isnan(a[:, _SMS + M["treated"]]) & (outcome == RELEASED)
    rec.treated += int(treated.sum())
