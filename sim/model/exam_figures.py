"""The exam yard's figures per container, the units a yard plans in: containers examined a
day, hours of examination a container, containers a team examines an hour on duty, and the
terminal's moves for inspections (a box to the bay and back: two moves a visit).

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

from sim.model.exam_level import ExamLevelTally
from sim.model.finders import PHYSICAL
from sim.model.milestones import M
from sim.model.recorder_rows import _S, _SMS, sums_by

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

_START, _END = _SMS + M["exam_start"], _SMS + M["exam_end"]
_Q_START, _INSPECTED = _SMS + M["quarantine_start"], _SMS + M["inspected"]


class ExamTally:
    """Per port: examinations ended, their containers and the hours the examinations took."""

    def __init__(self, ports: Sequence[str], window: tuple[float, float]) -> None:
        self.ports, self.window = list(ports), window  # (the observed hours)
        self.sums = np.zeros((len(ports), 3))  # (examinations, containers, exam hours)
        self.moves = np.zeros((len(ports), 2))  # (the yard's moves, every container)
        self.level = ExamLevelTally(ports, window)  # (boxes in the exam yard at once)

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows (checks already cut to those started by the end)."""
        self._fold_moves(a)
        self.level.fold(a)
        examined = (a[:, _S["checks"]].astype(int) & PHYSICAL) > 0
        examined &= ~np.isnan(a[:, _END])  # (ended by the run's end)
        if not examined.any():
            return
        e = a[examined]
        port = e[:, _S["port"]].astype(int)
        cols = np.column_stack([np.ones(len(e)), e[:, _S["containers"]], e[:, _END] - e[:, _START]])
        self.sums += sums_by(port[:, None] * 3 + np.arange(3), cols, len(self.ports))

    def _fold_moves(self, a: np.ndarray) -> None:
        """Every container, and the moves of those back from the exam yard by the end: a
        visit to a bay is two moves a box (in and out); a physical exam and a quarantine
        check are one visit when joint (the same start), two when separate (before 2018);
        none at the trader's premises."""
        port, boxes = a[:, _S["port"]].astype(int), a[:, _S["containers"]]
        exam, check = a[:, _START], a[:, _Q_START]
        visits = (~np.isnan(exam)).astype(float) + (~np.isnan(check) & ~(check == exam))
        visits[np.isnan(a[:, _INSPECTED]) | (a[:, _S["premises"]] > 0)] = 0.0
        cols = np.column_stack([2.0 * visits * boxes, boxes])
        self.moves += sums_by(port[:, None] * 2 + np.arange(2), cols, len(self.ports))

    def metrics(self, scenario: Scenario, resources: Sequence[dict[str, Any]]) -> dict[str, float]:
        """For each port with an exam yard: ``exam_boxes_per_day_port_<port>`` (over the
        observed days), ``exam_h_per_box_port_<port>`` (the examination itself, no
        moves or waits) and ``exam_boxes_per_team_hour_port_<port>`` (per hour a team was
        on duty, overtime included; NaN without an ``exam_teams`` lane, a cross-trained
        pool's officers not being teams, or with unlimited teams). NaN where a port examined
        nothing. And ``exam_moves_per_day_port_<port>`` (the yard's moves for inspections,
        physical or quarantine, a day) and ``exam_moves_per_box_port_<port>`` (over every
        container of the port's consignments, both directions, inspected or not). And the
        exam yard at its busiest in boxes (:mod:`sim.model.exam_level`)."""
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
            moves, handled = self.moves[p]
            out[f"exam_moves_per_day_port_{name}"] = moves / (hours / 24) if hours > 0 else math.nan
            out[f"exam_moves_per_box_port_{name}"] = moves / handled if handled else math.nan
        return out | self.level.metrics(scenario)
