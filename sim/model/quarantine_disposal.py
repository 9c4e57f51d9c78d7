"""What quarantine did with the lots it acted on, by commodity: those rejected after a find
(returned or destroyed), how long each stood at the port before the rejection and what its
return or destruction costs; those treated (fumigation, heat) and released, and how long the
treatment took.

A quarantine inspector asks what a find leads to, commodity by commodity: the pooled
``consignments_rejected`` and ``consignments_treated`` say neither which goods nor what the
disposal costs and takes, and the clearance figures leave rejected goods out. A rejection's
time is from the goods' arrival to the last check that found them (the laboratory's result,
the quarantine check or the examination): the model ends the goods' flow there, so the return
or the destruction itself takes no time in it. Its price is ``costs.checks.destruction`` per
container at the port's mode (whoever pays, ``costs.checks.rejection_payer``), a
treatment's ``costs.checks.treatment`` per container (the trader's), named only with a
``[costs]`` section.

Named for each commodity subject to statutory inspection (``statutory`` above 0: only such
goods meet a quarantine check), so every replication names the same; a mean is NaN where a
replication had no such lot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.costbook import LAYOUT
from sim.model.disposal_yard import DisposalYard
from sim.model.milestones import REJECTED
from sim.scenario.costs import by_mode

if TYPE_CHECKING:
    from sim.model.recorder import Recorder
    from sim.scenario.schema import Scenario

#: the checks whose find can end the goods' flow: the last one reached is the rejection's time
FINDS = ("doc_end", "image_end", "exam_end", "quarantine_end", "lab_end")
#: sums by commodity: lots rejected, their hours to the rejection, their disposal cost; lots
#: treated, their hours of treatment, its cost
SUMS = ("rejected", "rejected_h", "rejection_cost", "treated", "treatment_h", "treatment_cost")


def statutory_commodities(scenario: Scenario) -> list[str]:
    """The commodities whose goods may meet a quarantine check (``statutory`` above 0)."""
    return [c for c, v in scenario.commodities.items() if v.statutory > 0]


class DisposalTally:
    """Sums (:data:`SUMS`) of the lots quarantine rejected or treated, by commodity, of the
    statistics rows folded into it (the :data:`sim.model.costbook.LAYOUT` columns)."""

    def __init__(
        self,
        commodities: Sequence[str],
        named: Sequence[str],
        price: tuple[np.ndarray, np.ndarray] | None,
        end: float,
    ) -> None:
        self.commodities, self.price, self.end = list(commodities), price, end
        #: rejected boxes' disposals in the yard (set by :meth:`of`; None: none take time)
        self.yard: DisposalYard | None = None
        self.named = [self.commodities.index(c) for c in named]
        self.index = {name: i for i, name in enumerate(LAYOUT)}
        self.sums = np.zeros((len(self.commodities), len(SUMS)))

    @classmethod
    def of(cls, scenario: Scenario, end: float) -> DisposalTally:
        """The tally of a scenario's statutory commodities, with the prices by port of a
        rejected and of a treated container; without a ``[costs]`` section they are not
        known (and their costs not named). ``end`` is the run's end (a treatment
        not over by then is not counted)."""
        costs = scenario.costs
        modes = [p.mode for p in scenario.ports.values()]
        price = None if costs is None else (
            np.array([by_mode(costs.checks.destruction, m) for m in modes]),
            np.array([by_mode(costs.checks.treatment, m) for m in modes]),
        )  # fmt: skip
        tally = cls(list(scenario.commodities), statutory_commodities(scenario), price, end)
        tally.yard = DisposalYard.of(scenario)
        return tally

    def wire(self, recorder: Recorder) -> DisposalTally:
        """Fold every block the recorder folds (not at all when no commodity is named), and
        have the yard's tallies count the rejected boxes' disposals."""
        recorder.dwell.with_disposal(self.yard)
        if self.named:
            recorder.also_fold(self.fold)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: the rejected and the treated lots count, the rest not."""
        ix = self.index
        com = a[:, ix["commodity"]].astype(int)
        arrived = a[:, ix["arrived"]]
        rejected = a[:, ix["outcome"]].astype(int) == REJECTED
        if rejected.any():
            found = np.nanmax(a[rejected][:, [ix[k] for k in FINDS]], axis=1)
            port = a[rejected, ix["port"]].astype(int)
            cost = a[rejected, ix["containers"]] * self._price(0, port)
            self._add(com[rejected], 0, np.ones(len(port)), found - arrived[rejected], cost)
        treated = a[:, ix["treated"]] <= self.end  # (NaN: never treated)
        if treated.any():
            hours = a[treated, ix["treated"]] - a[treated, ix["treatment_start"]]
            port = a[treated, ix["port"]].astype(int)
            cost = a[treated, ix["containers"]] * self._price(1, port)
            self._add(com[treated], 3, np.ones(len(hours)), hours, cost)

    def _price(self, k: int, port: np.ndarray) -> np.ndarray:
        """A container's price of the disposal (``k`` 0) or the treatment (1) at each
        port given, NaN when the scenario prices nothing."""
        return np.full(len(port), math.nan) if self.price is None else self.price[k][port]

    def _add(self, com: np.ndarray, first: int, *values: np.ndarray) -> None:
        """Add each of ``values`` by commodity into the sums from column ``first`` on."""
        n = len(self.commodities)
        for k, v in enumerate(values):
            self.sums[:, first + k] += np.bincount(com, weights=v, minlength=n)

    def metrics(self) -> dict[str, float]:
        """Per commodity named: ``quarantine_rejected_lots_<c>``, ``quarantine_rejected_h_
        mean_<c>`` (arrival to the rejection), ``quarantine_rejection_cost_per_lot_<c>``,
        ``quarantine_treated_lots_<c>``, ``quarantine_treatment_h_mean_<c>`` and
        ``quarantine_treatment_cost_per_lot_<c>`` (the costs only with prices)."""
        out: dict[str, float] = {}
        for k in self.named:
            rejected, hours, cost, treated, treatment, treat_cost = (
                float(v) for v in self.sums[k]
            )
            c = self.commodities[k]
            out[f"quarantine_rejected_lots_{c}"] = rejected
            out[f"quarantine_rejected_h_mean_{c}"] = hours / rejected if rejected else math.nan
            if self.price is not None:  # (only with a [costs] section)
                out[f"quarantine_rejection_cost_per_lot_{c}"] = (
                    cost / rejected if rejected else math.nan
                )
            out[f"quarantine_treated_lots_{c}"] = treated
            out[f"quarantine_treatment_h_mean_{c}"] = (
                treatment / treated if treated else math.nan
            )
            if self.price is not None:
                out[f"quarantine_treatment_cost_per_lot_{c}"] = (
                    treat_cost / treated if treated else math.nan
                )
        return out
