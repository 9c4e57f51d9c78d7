"""The extra cost an inspection imposes on compliant traders, the money counterpart of
``burden_clearance_h``: within each port and direction (never pooled across ports, whose
inspection rates, goods and prices differ), the mean cost the border imposes (border burden:
the value of the hours owned by customs, quarantine and the organisation, inspection handling,
attendance; and storage, which the longer stay runs up) of the compliant declarations
released after a scan, exam or quarantine check less that of those released without one.
Not their whole trader cost: its fees and the value of the trader's and terminal's own hours
differ with the goods inspected (perishables, dearer goods) more than with the inspection.
Folded per block (counts and sums by route and whether inspected); compliant by the hidden
truth, so only where the statistics rows carry it (else NaN)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from sim.model.finders import PHYSICAL, QUARANTINE, SCAN
from sim.scenario.base import DIRECTIONS

_D = len(DIRECTIONS)
_INSPECTED = SCAN | PHYSICAL | QUARANTINE


class InspectionBurden:
    """Compliant released declarations by route (port x direction) and whether inspected:
    how many, and the cost imposed on them summed."""

    def __init__(self, ports: list[str]):
        self.ports = ports
        #: route x (uninspected, inspected) x (declarations, cost imposed)
        self.tally = np.zeros((len(ports) * _D, 2, 2))

    def fold(
        self, col: Mapping[str, np.ndarray], compliant: np.ndarray, imposed: np.ndarray
    ) -> None:
        """Fold a block's ``compliant`` released rows (``col``: the statistics columns by
        name, with ``checks``) and the cost ``imposed`` on each row (border burden and
        storage)."""
        route = col["port"].astype(int) * _D + col["direction"].astype(int)
        inspected = (col["checks"].astype(int) & _INSPECTED) > 0
        size = len(self.tally)
        for i, rows in enumerate((compliant & ~inspected, compliant & inspected)):
            self.tally[:, i, 0] += np.bincount(route[rows], minlength=size)
            self.tally[:, i, 1] += np.bincount(route[rows], imposed[rows], minlength=size)

    def metrics(self) -> dict[str, float]:
        """``burden_cost_per_inspected_compliant_port_<port>_<direction>``: the difference
        of the two means at each route (NaN where either has no declaration)."""
        out = {}
        for p, port in enumerate(self.ports):
            for d, direction in enumerate(DIRECTIONS):
                (n0, s0), (n1, s1) = self.tally[p * _D + d]
                extra = s1 / n1 - s0 / n0 if n0 and n1 else math.nan
                out[f"burden_cost_per_inspected_compliant_port_{port}_{direction}"] = extra
        return out
