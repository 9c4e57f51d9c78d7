"""A rejected box's disposal in the yard: the time its return or destruction keeps it on a
sea port's ground after the rejection (``commodities.<c>.disposal``), and whose time that is.

The rejection ends the goods' clearance (they are never released: the clearance figures do
not change), but the box leaves the ground only when its return ships (the trader's wait for
its carrier) or its destruction is done (quarantine's supervision). With a disposal time, a
rejected box counts in the yard's dwell and level from its ground (its discharge; an
export's gate-in) to the rejection (the last check that found it), plus its wait for a
place at the port's disposal facility where the port has one
(:mod:`sim.model.disposal_facility`: the disposal starts only when a place frees), plus that
time, whatever the run's end; without one (the default) it counts nowhere, as before the
setting existed.

Its figures, named only when some commodity has a disposal time above 0:
``quarantine_disposal_yard_h_mean_<commodity>`` is a rejected box's mean hours on the ground
(to the rejection, the facility's wait, then the disposal), and
``quarantine_disposal_boxes_mean_<owner>`` the boxes under disposal (the wait included) on
the ground at once (Little's law over the observed hours), the trader's returns and
quarantine's supervised destructions apart: the yard's slots and the supervising officers'
load a planner sizes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.scenario.disposal import OWNER

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: the checks whose find can end the goods' flow: the last one reached is the rejection's time
FINDS = ("doc_end", "image_end", "exam_end", "quarantine_end", "lab_end")
#: the owners of a disposal's time, in the metrics' order
OWNERS = ("trader", "quarantine")
#: the metrics' stems and their units (sim.experiment.compare.metric_unit reads them)
UNITS = {"quarantine_disposal_yard_h_mean": "hours", "quarantine_disposal_boxes_mean": "containers"}


class DisposalYard:
    """Each commodity's disposal hours and owner, and the rejected boxes' sums in the yard."""

    def __init__(self, scenario: Scenario) -> None:
        specs = [c.disposal for c in scenario.commodities.values()]
        self.names = list(scenario.commodities)
        #: hours from the rejection to the box leaving the ground, by commodity (0: none)
        self.hours = np.array([0.0 if d is None else d.time for d in specs])
        #: the owner's index in OWNERS, by commodity
        self.owner = np.array([OWNERS.index(OWNER[d.kind]) if d else 0 for d in specs])
        #: the observed hours, set by the yard dwell's tally that counts the boxes
        self.window = (0.0, 0.0)
        # by commodity: rejected boxes, their box-hours on the ground, of which disposal's
        self.sums = np.zeros((len(specs), 3))

    @classmethod
    def of(cls, scenario: Scenario) -> DisposalYard | None:
        """The scenario's disposals, or None when no commodity's takes any time."""
        yard = cls(scenario)
        return yard if (yard.hours > 0).any() else None

    def rows(self, com: np.ndarray) -> np.ndarray:
        """Which rejected rows (by their commodity) stay in the yard for a disposal."""
        out: np.ndarray = self.hours[com] > 0
        return out

    def add(
        self, com: np.ndarray, boxes: np.ndarray, dwell_h: np.ndarray, wait_h: np.ndarray
    ) -> None:
        """Add rejected boxes (by commodity), their hours on the ground and their waits at
        the disposal facility (0 without one): the wait is the disposal's time too."""
        n = len(self.names)
        disposal_h = wait_h + self.hours[com]
        self.sums[:, 0] += np.bincount(com, weights=boxes, minlength=n)
        self.sums[:, 1] += np.bincount(com, weights=boxes * dwell_h, minlength=n)
        self.sums[:, 2] += np.bincount(com, weights=boxes * disposal_h, minlength=n)

    def metrics(self) -> dict[str, float]:
        """Per commodity with a disposal time, a rejected box's mean hours on the ground (NaN
        where none was rejected); per owner, the boxes under disposal on the ground at once."""
        out: dict[str, float] = {}
        for k, name in enumerate(self.names):
            if self.hours[k] > 0:
                boxes, box_h = self.sums[k, :2]
                out[f"quarantine_disposal_yard_h_mean_{name}"] = (
                    box_h / boxes if boxes else math.nan
                )
        observed = self.window[1] - self.window[0]
        for i, owner in enumerate(OWNERS):
            box_h = float(self.sums[self.owner == i, 2].sum())
            out[f"quarantine_disposal_boxes_mean_{owner}"] = (
                box_h / observed if observed > 0 else math.nan
            )
        return out
