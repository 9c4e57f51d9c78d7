"""A container terminal's yard dwell, per container: how long a box stays on the terminal's
ground, and how many boxes that keeps there at once.

A terminal plans its yard in boxes and counts dwell from when a box is on its ground, not
from the vessel's arrival and not per declaration (a declaration of five boxes holds five
ground slots). So, at each sea port, over the cohort's consignments out of the flow by the
end of the run (released, and exited or loaded; seized, rejected and still held left out, as
``overall_clearance``), weighted by their containers:

- an import's dwell runs from its discharge (its box on the ground; its arrival when it has
  no discharge) to its exit through the terminal's gate (the trader's pick-up, and the gate);
- an export's from its arrival at the terminal (the truck's gate-in) to its vessel's
  departure: the box is loaded between its cut-off and the departure, so this is the longest
  it can stay, at most the cut-off's lead (``exports.loading.cutoff``) above the loading.

``yard_dwell_h_mean_port_<port>_<direction>`` is the mean over the boxes, and
``yard_boxes_mean_port_<port>_<direction>`` the boxes on the ground at once by Little's law
(box-hours over the observed hours): the yard's average occupancy that the flow through
customs makes, as ``lab_held_containers_mean`` is the laboratory's. Where the scenario keeps
a commodity in reefers (``costs.commodities.<commodity>.reefer``), the same two figures of
those boxes alone (``yard_reefer_...``): the reefer plugs a terminal must have powered.
``yard_dwell_h_p90_port_<port>_<direction>`` is the dwell nine boxes in ten stay within (of
all boxes): the long stays that block the yard, which the mean hides. It comes from a
log-histogram weighted by boxes (:mod:`sim.analysis.sketch`: within 1 %), so memory does
not grow with the consignments.

A box's dwell splits at customs' release, to see whose time fills the ground:
``yard_dwell_h_to_release_port_<port>_<direction>`` is the part before it (the hold for
clearance: customs', quarantine's and the trader's formalities; none where the goods were
released before the box was on the ground) and ``yard_dwell_h_after_release_...`` the part
after it (an import's: the consignee's pick-up and the gate; an export's: the carrier's
schedule, its wait for the cut-off and the departure). Per box, they add up to the mean.
The part before release splits further by owner (:mod:`sim.model.yard_owners`):
``yard_dwell_h_to_release_<owner>_port_<port>_<direction>``, which add up to it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.analysis.sketch import NBINS, bin_index, quantile_from_counts
from sim.model.disposal_yard import FINDS
from sim.model.disposal_yard import UNITS as DISPOSAL_UNITS
from sim.model.milestones import OWNERS, REJECTED, RELEASED, M, flow_end
from sim.model.recorder_rows import _S, _SMS
from sim.model.yard_level import UNITS as LEVEL_UNITS
from sim.model.yard_level import YardLevelTally
from sim.model.yard_owners import held_by_owner, held_pro_rata, owner_metrics
from sim.scenario.schema import DIRECTIONS

if TYPE_CHECKING:
    from sim.model.disposal_yard import DisposalYard
    from sim.scenario.schema import Scenario

#: the metrics' stems and their units (sim.experiment.compare.metric_unit reads them)
UNITS = {"yard_dwell_h_mean": "hours", "yard_dwell_h_p90": "hours", "yard_boxes_mean": "containers",
         "yard_dwell_h_to_release": "hours", "yard_dwell_h_after_release": "hours",
         "yard_reefer_dwell_h_mean": "hours", "yard_reefer_boxes_mean": "containers",
         **LEVEL_UNITS, **DISPOSAL_UNITS}
_ARR, _DIS, _EXIT, _LOAD, _DEP, _REL = (
    _SMS + M[k] for k in ("arrived", "discharged", "exited", "loaded", "departed", "released")
)
_FINDS = [_SMS + M[k] for k in FINDS]


class YardDwellTally:
    """Containers and container-hours on the ground, by sea port and direction, of the
    statistics rows folded into it."""

    def __init__(
        self,
        ports: Sequence[str],
        modes: Sequence[str],
        window: tuple[float, float],
        commodities: int = 1,
    ) -> None:
        self.ports, self.window, self.commodities = list(ports), window, commodities
        self.sea = np.array([m == "sea" for m in modes], bool)
        # (containers, box-hours, box-hours before release) by port, direction and commodity
        self.sums = np.zeros((len(ports), len(DIRECTIONS), commodities, 3))
        # box-hours before release by port, direction and owner (sim.model.yard_owners)
        self.owners = np.zeros((len(ports), len(DIRECTIONS), len(OWNERS)))
        # boxes by dwell's log-histogram bin, by port and direction (for the p90)
        self.hist = np.zeros((len(ports) * len(DIRECTIONS), NBINS))
        #: the boxes on the ground at each minute, of every consignment the recorder books
        self.level = YardLevelTally(modes, window)
        #: rejected boxes' disposals in the yard (:meth:`with_disposal`; None: not counted)
        self.disposal: DisposalYard | None = None

    def with_disposal(self, disposal: DisposalYard | None) -> None:
        """Count rejected boxes for their disposal's time (:mod:`sim.model.disposal_yard`),
        in the dwell and in the level; None (no commodity's disposal takes time): never."""
        self.disposal = self.level.disposal = disposal
        if disposal is not None:
            disposal.window = self.window

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: a sea port's consignments out of the flow count (and its
        rejected ones staying for a disposal, with one)."""
        port = a[:, _S["port"]].astype(int)
        if self.disposal is not None:
            self._fold_rejected(a[(a[:, _S["outcome"]] == REJECTED) & self.sea[port]])
        keep = (a[:, _S["outcome"]] == RELEASED) & self.sea[port]
        if not keep.any():
            return
        a, port = a[keep], port[keep]
        export = a[:, _S["direction"]] == 1
        on_ground = np.where(export, a[:, _ARR], np.fmax(a[:, _DIS], a[:, _ARR]))
        out = flow_end(a[:, _EXIT], a[:, _LOAD])
        hours = np.where(export, np.fmax(a[:, _DEP], out), out) - on_ground
        held = np.clip(a[:, _REL] - on_ground, 0.0, np.fmax(hours, 0.0))  # (to release)
        self._add(a, port, export, hours, held, held_by_owner(a, on_ground, held))

    def _fold_rejected(self, a: np.ndarray) -> None:
        """Add a sea port's rejected rows whose commodity's disposal takes time: on the
        ground from discharge (an export: gate-in) to the rejection plus the wait at the
        disposal facility plus the disposal; the part before the rejection counts as held
        for clearance, the wait and the disposal after it."""
        assert self.disposal is not None
        com = a[:, _S["commodity"]].astype(int)
        a, com = a[self.disposal.rows(com)], com[self.disposal.rows(com)]
        if not len(a):
            return
        export = a[:, _S["direction"]] == 1
        on_ground = np.where(export, a[:, _ARR], np.fmax(a[:, _DIS], a[:, _ARR]))
        found = np.nanmax(a[:, _FINDS], axis=1)
        wait = a[:, _S["disposal_wait"]]  # (0 without a disposal facility)
        hours = found + wait + self.disposal.hours[com] - on_ground
        held = np.clip(found - on_ground, 0.0, np.fmax(hours, 0.0))
        port = a[:, _S["port"]].astype(int)
        self._add(a, port, export, hours, held, held_pro_rata(a, held))
        ok = ~np.isnan(hours)
        self.disposal.add(com[ok], a[ok, _S["containers"]], hours[ok], wait[ok])

    def _add(self, a: np.ndarray, port: np.ndarray, export: np.ndarray, hours: np.ndarray,
             held: np.ndarray, owners: np.ndarray) -> None:
        """Add rows' boxes, box-hours and box-hours held for clearance by port, direction
        and commodity, the latter by owner too (``owners``: each row's hours held by
        owner), and their dwell's histogram."""
        ok = ~np.isnan(hours)
        boxes = a[ok, _S["containers"]]
        cell = port[ok] * len(DIRECTIONS) + export[ok].astype(int)
        cell = cell * self.commodities + a[ok, _S["commodity"]].astype(int)
        size = len(self.ports) * len(DIRECTIONS) * self.commodities
        flat = self.sums.reshape(size, 3)  # (a view)
        flat[:, 0] += np.bincount(cell, weights=boxes, minlength=size)
        flat[:, 1] += np.bincount(cell, weights=boxes * hours[ok], minlength=size)
        flat[:, 2] += np.bincount(cell, weights=boxes * np.nan_to_num(held[ok]), minlength=size)
        by_owner = (cell // self.commodities)[:, None] * len(OWNERS) + np.arange(len(OWNERS))
        weights = boxes[:, None] * owners[ok]
        self.owners.reshape(-1)[:] += np.bincount(
            by_owner.ravel(), weights=weights.ravel(), minlength=self.owners.size)
        where = (cell // self.commodities) * NBINS + bin_index(np.maximum(hours[ok], 0.0))
        self.hist.reshape(-1)[:] += np.bincount(where, weights=boxes, minlength=self.hist.size)

    def dwell_p90(self, p: int, d: int) -> float:
        """The dwell nine boxes in ten stay within at port ``p`` in direction ``d`` (NaN
        where none counted), from the boxes' log-histogram."""
        return quantile_from_counts(self.hist[p * len(DIRECTIONS) + d], 0.9)

    def metrics(self, scenario: Scenario) -> dict[str, float]:
        """Per sea port, its imports and, where the port has them, its exports: the mean
        dwell per container (NaN where none counted) and the containers on the ground at
        once over the observed hours (every run names the same)."""
        exports = [spec.exports is not None for spec in scenario.ports.values()]
        costs = scenario.costs
        reefer = np.array([costs is not None and costs.commodity(k).reefer
                           for k in scenario.commodities], bool)  # fmt: skip
        hours = self.window[1] - self.window[0]
        out: dict[str, float] = {}
        for p, name in enumerate(self.ports):
            if not self.sea[p]:
                continue
            for d, direction in enumerate(DIRECTIONS):
                if direction == "export" and not exports[p]:
                    continue
                tail = f"port_{name}_{direction}"
                sums = self.sums[p, d]
                out |= _figures("yard", tail, sums.sum(axis=0), hours)
                out[f"yard_dwell_h_p90_{tail}"] = self.dwell_p90(p, d)
                out |= _by_release(tail, sums.sum(axis=0))
                out |= owner_metrics(tail, float(sums[:, 0].sum()), self.owners[p, d])
                top, p95 = self.level.metrics(p, d)
                out[f"yard_boxes_max_{tail}"], out[f"yard_boxes_p95_{tail}"] = top, p95
                if reefer.any():
                    out |= _figures("yard_reefer", tail, sums[reefer].sum(axis=0), hours)
        return out | (self.disposal.metrics() if self.disposal is not None else {})


def _figures(stem: str, tail: str, sums: np.ndarray, hours: float) -> dict[str, float]:
    """The mean dwell per box (NaN where none counted) and the boxes on the ground at once
    of ``sums`` (containers, box-hours, then any other column)."""
    boxes, box_h = sums[:2]
    return {
        f"{stem}_dwell_h_mean_{tail}": box_h / boxes if boxes else math.nan,
        f"{stem}_boxes_mean_{tail}": box_h / hours if hours > 0 else math.nan,
    }


def _by_release(tail: str, sums: np.ndarray) -> dict[str, float]:
    """The mean dwell per box before customs' release and after it (NaN where none counted)
    of (containers, box-hours, box-hours before release) ``sums``: whose time fills the yard."""
    boxes, box_h, held_h = sums
    if not boxes:
        return {f"yard_dwell_h_to_release_{tail}": math.nan,
                f"yard_dwell_h_after_release_{tail}": math.nan}
    return {f"yard_dwell_h_to_release_{tail}": held_h / boxes,
            f"yard_dwell_h_after_release_{tail}": (box_h - held_h) / boxes}
