"""The exam yard's figures per container, the units a yard plans in: containers examined a
day, hours of examination a container, containers a team examines an hour on duty.

The lanes' own figures (``utilisation_<port>_exam_teams``, ``wait_h_mean_<port>_exam_bays``)
count jobs, and a job is a declaration of one or more boxes; these turn them into boxes. They
count the cohort's physical examinations (customs', alone or joint with quarantine; at a bay
or the trader's premises) that ended by the run's end, each with its declaration's containers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.finders import PHYSICAL
from sim.model.milestones import M
from sim.model.recorder_rows import _S, _SMS, sums_by

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

_START, _END = _SMS + M["exam_start"], _SMS + M["exam_end"]


class ExamTally:
    """Per port: examinations ended, their containers and the hours the examinations took."""

    def __init__(self, ports: Sequence[str], window: tuple[float, float]) -> None:
        self.ports, self.window = list(ports), window  # (the observed hours)
        self.sums = np.zeros((len(ports), 3))  # (examinations, containers, exam hours)

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows (checks already cut to those started by the end)."""
        examined = (a[:, _S["checks"]].astype(int) & PHYSICAL) > 0
        examined &= ~np.isnan(a[:, _END])  # (ended by the run's end)
        if not examined.any():
            return
        e = a[examined]
        port = e[:, _S["port"]].astype(int)
        cols = np.column_stack([np.ones(len(e)), e[:, _S["containers"]], e[:, _END] - e[:, _START]])
        self.sums += sums_by(port[:, None] * 3 + np.arange(3), cols, len(self.ports))

    def metrics(self, scenario: Scenario, resources: Sequence[dict[str, Any]]) -> dict[str, float]:
        """For each port with an exam yard: ``exam_boxes_per_day_port_<port>`` (over the
        observed days), ``exam_h_per_box_port_<port>`` (the examination itself, no
        moves or waits) and ``exam_boxes_per_team_hour_port_<port>`` (per hour a team was
        on duty, overtime included; NaN without an ``exam_teams`` lane, a cross-trained
        pool's officers not being teams, or with unlimited teams). NaN where a port examined
        nothing."""
        hours = self.window[1] - self.window[0]
        teams = [r for r in resources if r["lane"] == "exam_teams"]
        duty = {r["port"]: r["capacity_mean"] * hours for r in teams}
        out: dict[str, float] = {}
        for p, name in enumerate(self.ports):
            if scenario.ports[name].exam is None:
                continue
            _, boxes, exam_h = self.sums[p]
            team_h = duty.get(name, math.nan)
            per_day = boxes / (hours / 24) if hours > 0 else math.nan
            out[f"exam_boxes_per_day_port_{name}"] = per_day
            out[f"exam_h_per_box_port_{name}"] = exam_h / boxes if boxes else math.nan
            out[f"exam_boxes_per_team_hour_port_{name}"] = (
                boxes / team_h if boxes and 0 < team_h < math.inf else math.nan
            )
        return out
