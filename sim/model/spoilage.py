"""Perishables held too long: of each perishable commodity (``commodities.<c>.spoils_after``)
at each port and direction its traffic carries, the share of containers whose time from
arrival to leaving the port (an import's exit through the gate after pick-up, an export's
loading) passed that limit, and the mean of that time.

An air cargo terminal or a cold-chain importer asks how many chilled or frozen consignments
the checks hold past their shelf life, not only the mean: so, as for the delay tails
(:mod:`sim.model.delay_tails`), over the cohort's consignments, weighted by containers (one
unit for a declaration without containers: an air waybill, a truck, a parcel list):

- out of the flow by the end of the run: spoiled when they left later than the limit after
  arrival (exactly on it is not);
- still in the flow at the end (not yet out, or not yet released): spoiled once the end of
  the run is later than the limit after arrival; in it for less, not known either way and
  left out;
- seized, rejected or detained goods are left out (an enforcement outcome).

Named ``spoiled_share_commodity_<c>_port_<port>_<direction>`` and
``perishable_h_mean_commodity_<c>_port_<port>_<direction>`` (the mean over those out of the
flow) for each perishable commodity a port's traffic carries in any period; a scenario
without a perishable commodity names none.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from sim.model.milestones import CENSORED, RELEASED, flow_end
from sim.scenario.schema import DIRECTIONS, Scenario

#: the metrics' stems, before ``commodity_<c>_port_<port>_<direction>``
SHARE, MEAN = "spoiled_share_", "perishable_h_mean_"
#: per cell: containers counted, containers spoiled, containers not known, consignments out
#: of the flow and their hours summed
_SUMS = 5


class SpoilageTally:
    """Containers counted and spoiled, by perishable commodity, port and direction, of the
    recorder's statistics rows folded into it."""

    def __init__(
        self,
        ports: Sequence[str],
        commodities: Sequence[str],
        limits: dict[int, float],
        end: float,
        carried: Sequence[tuple[int, int, int]],
        layout: Sequence[str],
    ):
        self.ports, self.commodities = list(ports), list(commodities)
        self.limits = dict(limits)  # commodity index -> hours it keeps
        self.end = float(end)
        self.carried = [c for c in carried if c[0] in self.limits]
        self.index = {name: i for i, name in enumerate(layout)}
        self.limit_of = np.full(len(self.commodities), math.inf)
        for k, h in self.limits.items():
            self.limit_of[k] = h
        self.sums = np.zeros((len(self.commodities), len(self.ports), len(DIRECTIONS), _SUMS))

    @classmethod
    def of(
        cls,
        scenario: Scenario,
        end: float,
        carried: Sequence[tuple[int, int, int]],
        layout: Sequence[str],
    ) -> SpoilageTally | None:
        """The tally of a scenario's perishable commodities (None when it has none), over the
        (commodity, port, direction) cells its ports' traffic carries."""
        coms = list(scenario.commodities)
        limits = {k: float(c.spoils_after) for k, c in enumerate(scenario.commodities.values())
                  if c.spoils_after is not None}
        if not limits:
            return None
        return cls(list(scenario.ports), coms, limits, end, carried, layout)

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows of perishable goods: out of the flow or still in it at the
        end; the seized, rejected and detained do not count."""
        ix = self.index
        outcome = a[:, ix["outcome"]]
        a = a[(outcome == RELEASED) | (outcome == CENSORED)]
        k = a[:, ix["commodity"]].astype(int)
        a, k = a[np.isfinite(self.limit_of[k])], k[np.isfinite(self.limit_of[k])]
        if not len(a):
            return
        arrived = a[:, ix["arrived"]]
        left = flow_end(a[:, ix["exited"]], a[:, ix["loaded"]])
        inside = ~(left <= self.end)  # (NaN: still in the flow at the end)
        hours = np.where(inside, self.end - arrived, left - arrived)
        spoiled = hours > self.limit_of[k]
        unknown = inside & ~spoiled
        boxes = np.maximum(a[:, ix["containers"]], 1.0)
        cell = (k * len(self.ports) + a[:, ix["port"]].astype(int)) * len(DIRECTIONS)
        cell += a[:, ix["direction"]].astype(int)
        out = ~inside
        values = np.column_stack(
            [boxes, spoiled * boxes, unknown * boxes, out, np.where(out, hours, 0.0)]
        )
        np.add.at(self.sums.reshape(-1, _SUMS), cell, values)

    def metrics(self) -> dict[str, float]:
        """Per perishable commodity carried at a port and direction: the share of the
        containers known either way that spoiled, and the mean hours from arrival to leaving
        the port of those that left (NaN where none counted)."""
        out: dict[str, float] = {}
        for k, p, d in self.carried:
            where = f"commodity_{self.commodities[k]}_port_{self.ports[p]}_{DIRECTIONS[d]}"
            boxes, spoiled, unknown, left, hours = self.sums[k, p, d]
            known = boxes - unknown
            out[f"{SHARE}{where}"] = float(spoiled / known) if known > 0 else math.nan
            out[f"{MEAN}{where}"] = float(hours / left) if left > 0 else math.nan
        return out
