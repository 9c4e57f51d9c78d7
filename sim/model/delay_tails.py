"""The tail of clearance delay, per container: of the containers of each port, direction and
commodity, the share whose clearance took longer than each time target (``within_hours``:
48 h, 72 h, 7 days ...).

A cargo-delay insurer prices cover by the chance that a box is held past a threshold, not by
the mean, and must count the boxes a run ends with still held: a mean over the released
leaves them out, yet they are the tail. So, over the cohort's consignments, weighted by their
containers (one unit for a declaration without containers: a truck, a waybill, a parcel list):

- released by customs by the end of the run: over a target when release came later than the
  target after arrival (exactly on it is within, as ``released_within_<target>``);
- still held at the end (censored, not released): over a target when the end of the run is
  already later than the target after arrival; held for less (a target longer than the
  drain) they are not yet known either way and are left out;
- seized, rejected or detained goods are left out: their delay is an enforcement outcome,
  which a delay policy does not cover.

Named for every port and direction (``delay_share_over_<target>_port_<port>_<direction>``)
and, within them, for every commodity the port's traffic carries in any period (``..._commodity
_<commodity>_port_...``), so that every replication names the same; NaN where none counted.
Streamed like the recorder's other statistics, block by block. Perishables held past their
shelf life are counted over the same cells (:mod:`sim.model.spoilage`) and reported with them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.costbook import LAYOUT
from sim.model.milestones import CENSORED, RELEASED
from sim.model.recorder_rows import add_rows_at
from sim.model.spoilage import SpoilageTally
from sim.scenario.schema import DIRECTIONS, Scenario
from sim.scenario.within import label, reported

if TYPE_CHECKING:
    from sim.model.port import Port
    from sim.model.recorder import Recorder

#: the metrics' stem, before the target (``delay_share_over_48h_port_...``)
PREFIX = "delay_share_over_"


class DelayTailTally:
    """Containers counted and containers over each target, by commodity, port and
    direction, of the recorder's statistics rows (:data:`LAYOUT`) folded into it."""

    def __init__(
        self,
        ports: Sequence[str],
        commodities: Sequence[str],
        targets: Sequence[float],
        end: float,
        carried: Sequence[tuple[int, int, int]] = (),
        layout: Sequence[str] = LAYOUT,
    ):
        self.ports, self.commodities = list(ports), list(commodities)
        self.targets = np.asarray(sorted(targets), float)
        self.end = float(end)  # the run's end (hours): the held are held at least to it
        self.carried = list(carried)  # (commodity, port, direction) cells named
        self.index = {name: i for i, name in enumerate(layout)}
        #: perishables held past their shelf life, over the same cells (sim.model.spoilage)
        self.spoilage: SpoilageTally | None = None
        shape = (len(self.commodities), len(self.ports), len(DIRECTIONS))
        #: per cell: containers counted (last axis 0) and over each target (1, 2, ...)
        self.boxes = np.zeros((*shape, 1 + len(self.targets)))
        #: per cell and target: containers still held at the end, for less than the target
        #: (not known either way: left out of that target's share)
        self.unknown = np.zeros((*shape, len(self.targets)))

    @classmethod
    def of(cls, scenario: Scenario, ports: Sequence[Port], end: float) -> DelayTailTally:
        """The tally of a scenario's ports, commodities and time targets, naming each
        commodity a port's traffic carries (imports, or exports where the port has them)
        in any period of its timeline."""
        names, coms = list(scenario.ports), list(scenario.commodities)
        carried = []
        for p, port in enumerate(ports):
            specs = [port.spec, *(era.spec for _, era in port.eras)]
            for d, direction in enumerate(DIRECTIONS):
                mixes = [s.traffic if direction == "import" else s.export_traffic
                         for s in specs if direction == "import" or s.exports is not None]
                for k, com in enumerate(coms):
                    if any(m.commodities.get(com, 0) > 0 for m in mixes):
                        carried.append((k, p, d))
        tally = cls(names, coms, reported(scenario.within_hours), end, carried)
        tally.spoilage = SpoilageTally.of(scenario, end, carried, LAYOUT)
        return tally

    def wire(self, recorder: Recorder) -> DelayTailTally:
        """Fold every block the recorder folds, after what it already hands them to."""
        recorder.also_fold(self.fold)
        if self.spoilage is not None:
            recorder.also_fold(self.spoilage.fold)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: the released (out of the flow, or released and waiting)
        and the held count; the seized, rejected and detained do not."""
        ix = self.index
        outcome = a[:, ix["outcome"]]
        kept = (outcome == RELEASED) | (outcome == CENSORED)
        if not kept.all():  # (a copy of the whole rows only when some are left out)
            a = a[kept]
        if not len(a):
            return
        arrived, released = a[:, ix["arrived"]], a[:, ix["released"]]
        held = ~(released <= self.end)  # (NaN: not released by the end)
        hours = np.where(held, self.end - arrived, released - arrived)
        over = hours[:, None] > self.targets[None, :]
        unknown = held[:, None] & ~over
        boxes = np.maximum(a[:, ix["containers"]], 1.0)
        col = {k: a[:, ix[k]].astype(int) for k in ("commodity", "port", "direction")}
        cell = (col["commodity"] * len(self.ports) + col["port"]) * len(DIRECTIONS)
        cell += col["direction"]
        values = np.column_stack([boxes, over * boxes[:, None]])
        add_rows_at(self.boxes, cell, values)
        add_rows_at(self.unknown, cell, unknown * boxes[:, None])

    def metrics(self) -> dict[str, float]:
        """Per port and direction, and per commodity carried there: the share of the
        containers counted that were over each target (NaN where none counted)."""
        out: dict[str, float] = {}
        named = {(p, d) for _, p, d in self.carried}
        for p, port in enumerate(self.ports):
            for d, direction in enumerate(DIRECTIONS):
                where = f"port_{port}_{direction}"
                if (p, d) in named:  # (every commodity there, together)
                    cells, unknown = self.boxes[:, p, d], self.unknown[:, p, d]
                    out.update(_shares(cells.sum(axis=0), unknown.sum(axis=0),
                                       self.targets, where))
        for k, p, d in self.carried:
            where = f"commodity_{self.commodities[k]}_port_{self.ports[p]}_{DIRECTIONS[d]}"
            out.update(_shares(self.boxes[k, p, d], self.unknown[k, p, d], self.targets, where))
        if self.spoilage is not None:
            out.update(self.spoilage.metrics())
        return out


def _shares(
    s: np.ndarray, unknown: np.ndarray, targets: np.ndarray, where: str
) -> dict[str, float]:
    """One cell's share over each target: of the containers known either way at it."""
    out = {}
    for t, h in enumerate(targets):
        known = s[0] - unknown[t]
        share = float(s[1 + t] / known) if known > 0 else math.nan
        out[f"{PREFIX}{label(float(h))}_{where}"] = share
    return out
