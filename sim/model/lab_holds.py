"""What a laboratory sample costs the goods it holds: a commodity's consignments at each port
and direction, those a quarantine check sampled for the laboratory apart from the rest.

A perishable importer asks how long its goods take from arrival to the end of their flow (an
import's exit through the gate, an export's loading) when sampled, and what the sample's hold
costs per container. The sample is drawn at random among the quarantine checks of a port
(``quarantine.sample_share``), so the consignments checked but not sampled at the same port
and direction, of the same commodity, are a fair comparison: the hold is the sampled mean
less theirs, in hours and in trader cost per container (storage, reefer power, the value of
time, ...) and in the fees of that cost (paid out: the value of time left out), each
replication's own difference. Over the cohort's consignments out of the flow (released and
exited or loaded); goods a failed test rejected are not among them.

Named for each commodity a port's quarantine can sample (subject to statutory inspection,
selected for a quarantine check for some class, in any period of the timeline), at that port,
each direction, so that every replication names the same; NaN where a group is empty.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.costbook import LAYOUT
from sim.model.costs import TRADER_PARTS, P, consignment_costs
from sim.model.finders import COLUMNS as TRUTH_COLUMNS
from sim.model.finders import QUARANTINE, after_bits, detected
from sim.model.lab_work import LabWorkTally
from sim.model.milestones import RELEASED, flow_end
from sim.model.prices import Prices
from sim.model.recorder_rows import add_rows_at
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES, Scenario

if TYPE_CHECKING:
    from sim.model.port import Port
    from sim.model.recorder import Recorder

_TRADER = [P[k] for k in TRADER_PARTS]
#: the trader's cost that is paid out (storage, reefer power, handling, ...): less the value of
#: the goods' time
_FEES = [P[k] for k in TRADER_PARTS if not k.startswith("time_")]
#: the groups of a cell: every consignment, those sampled, those checked but not sampled
GROUPS = ("all", "sampled", "checked")
#: what a group sums: consignments, hours to the end of the flow, containers, trader cost and
#: the fees in it
SUMS = ("n", "hours", "boxes", "cost", "fees")


class LabHoldTally:
    """Sums by commodity, port, direction and group (:data:`GROUPS`) of the statistics
    rows folded into it; ``prices`` (None: a scenario without costs) prices them."""

    def __init__(
        self,
        ports: Sequence[str],
        commodities: Sequence[str],
        layout: Sequence[str],
        prices: Prices | None = None,
        cells: Sequence[tuple[int, int]] = (),
    ):
        self.ports, self.commodities, self.prices = list(ports), list(commodities), prices
        self.cells = list(cells)  # (commodity, port) pairs named, each direction
        self.index = {name: i for i, name in enumerate(layout)}
        shape = (len(commodities), len(ports), len(DIRECTIONS), len(GROUPS), len(SUMS))
        self.sums = np.zeros(shape)
        #: the laboratory's own workload of the same cells (sim.model.lab_work); None: not kept
        self.work: LabWorkTally | None = None

    @classmethod
    def of(cls, scenario: Scenario, ports: Sequence[Port]) -> LabHoldTally:
        """The tally of a scenario's ports and commodities, priced by its ``[costs]``, of
        the recorder's statistics rows, naming each commodity a port's quarantine can
        sample (:func:`_sampled_there`) in any period of its timeline."""
        cells = [
            (k, p)
            for p, port in enumerate(ports)
            for k, com in enumerate(scenario.commodities)
            if any(_sampled_there(era, com) for era in (port, *(e for _, e in port.eras)))
        ]
        prices = None
        if scenario.costs is not None:
            modes = [scenario.ports[p].mode for p in scenario.ports]
            separate = scenario.inspection.mode == "separate"
            prices = Prices.of(scenario.costs, modes, scenario.commodities, separate)
        tally = cls(list(scenario.ports), list(scenario.commodities), LAYOUT, prices, cells)
        labs = [port.lab for port in ports]
        tally.work = LabWorkTally(
            tally.ports, tally.commodities, cells, scenario.days, tally.index, labs
        )
        return tally

    def wire(self, recorder: Recorder) -> LabHoldTally:
        """Fold every block the recorder folds, after what it already hands them to (not
        at all when no commodity is named: nothing would be read)."""
        if not self.cells:
            return self
        recorder.also_fold(self.fold)
        if self.work is not None:
            recorder.also_fold(self.work.fold)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: those out of the flow count, the others are left out."""
        ix = self.index
        a = a[a[:, ix["outcome"]] == RELEASED]
        if not len(a):
            return
        col = {name: a[:, i] for name, i in ix.items()}
        end = flow_end(col["exited"], col["loaded"])
        hours = end - col["arrived"]
        sampled = ~np.isnan(col["lab_start"])
        checked = ((col["checks"].astype(int) & QUARANTINE) > 0) & ~sampled
        cost, fees = self._trader_cost(a, col)
        cell = (col["commodity"].astype(int) * len(self.ports) + col["port"].astype(int)) * len(
            DIRECTIONS
        ) + col["direction"].astype(int)
        values = np.column_stack([np.ones(len(a)), hours, col["containers"], cost, fees])
        for g, rows in enumerate((np.ones(len(a), bool), sampled, checked)):
            add_rows_at(self.sums, cell[rows] * len(GROUPS) + g, values[rows])

    def _trader_cost(
        self, a: np.ndarray, col: dict[str, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each row's trader cost as the cost book counts it, and the fees in it (NaN
        without prices)."""
        if self.prices is None:
            return np.full(len(a), math.nan), np.full(len(a), math.nan)
        found = None
        if "truth_0" in self.index:  # (an inspection that found goods is not one for nothing)
            t0 = self.index["truth_0"]
            req = a[:, t0 : t0 + len(TRUTH_COLUMNS)]
            after = after_bits(col["tax_reviewed"], col["recalled"], col["recovered"])
            code, checks = req[:, 0].astype(int), col["checks"].astype(int)
            found = detected(code, checks, req, np.zeros(len(a), bool), after)
        parts = consignment_costs(col, self.prices, found)
        return parts[:, _TRADER].sum(axis=1), parts[:, _FEES].sum(axis=1)

    def metrics(self) -> dict[str, float]:
        """Per named commodity, port and direction (every run names the same): the share
        sampled, mean hours to the end of the flow and trader cost per container of the
        sampled and of the rest, and the hold (sampled less checked but not sampled); NaN
        where a group is empty."""
        out: dict[str, float] = {}
        for k, p in self.cells:
            for d, direction in enumerate(DIRECTIONS):
                tail = f"{self.commodities[k]}_port_{self.ports[p]}_{direction}"
                out.update(_cell(self.sums[k, p, d], tail, self.prices))
        if self.work is not None:
            out.update(self.work.metrics())
        return out


def _sampled_there(port: Port, com: str) -> bool:
    """Whether the port (of one period) can sample the commodity's goods for its lab."""
    q, scenario = port.spec.quarantine, port.scenario
    if q is None or q.sample_share <= 0 or scenario.commodities[com].statutory <= 0:
        return False
    return any(
        scenario.probability("quarantine", com, c, port.name, d) > 0
        for c in TRADER_CLASSES
        for d in DIRECTIONS  # (exports may have tables of their own)
    )


def _cell(s: np.ndarray, tail: str, prices: Prices | None) -> dict[str, float]:
    """One cell's metrics from its sums (rows :data:`GROUPS`, columns :data:`SUMS`)."""
    n, hours, boxes, cost, fees = range(len(SUMS))
    rest = s[0] - s[1]  # (not sampled)
    checked = s[2]

    def mean(g: np.ndarray) -> float:
        return float(g[hours] / g[n]) if g[n] > 0 else math.nan

    def per_box(g: np.ndarray, what: int = cost) -> float:
        return float(g[what] / g[boxes]) if g[boxes] > 0 else math.nan

    out = {
        f"lab_hold_sampled_share_{tail}": float(s[1, n] / s[0, n]) if s[0, n] else math.nan,
        f"lab_hold_overall_h_sampled_{tail}": mean(s[1]),
        f"lab_hold_overall_h_unsampled_{tail}": mean(rest),
        f"lab_hold_h_{tail}": mean(s[1]) - mean(checked),
    }
    if prices is not None:
        out[f"lab_hold_trader_cost_per_container_sampled_{tail}"] = per_box(s[1])
        out[f"lab_hold_trader_cost_per_container_unsampled_{tail}"] = per_box(rest)
        out[f"lab_hold_cost_per_container_{tail}"] = per_box(s[1]) - per_box(checked)
        out[f"lab_hold_fees_per_container_{tail}"] = per_box(s[1], fees) - per_box(checked, fees)
    return out
