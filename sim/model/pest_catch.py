"""Quarantine pests by commodity: of the cohort's infested consignments (the hidden truth), how
many a quarantine check met, how many it sampled for the laboratory, how many were found
before release (and how many of those by the laboratory's test alone), and how many were
released unfound.

A port's quarantine officer plans sample sizes and laboratory capacity commodity by commodity
(fruit and plants, frozen goods, timber): ``detection_rate_pest`` pools them, and the
enforcement tables are by port and direction, not commodity. The sampling plan
(``enforcement.sampling``: units drawn, the laboratory's sensitivity) acts only through the
consignments sampled, so the share checked and the share sampled say how far a change of
plan can reach. Named for each commodity that can carry pests (``enforcement.prevalence.pest``
times its ``by_commodity`` multiplier above 0), so every replication names the same; a share
is NaN where the cohort had no infested consignment of it. Those released unfound (the
escaped pests) are also counted by commodity and port together, what an inspector plans a
port's sampling by (``enforcement.csv`` has them by port, not commodity). The tally carries the
quarantine disposal's (:mod:`sim.model.quarantine_disposal`: what became of the lots found,
rejected or treated), wired and reported with it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.costbook import LAYOUT
from sim.model.finders import COLUMNS as TRUTH_COLUMNS
from sim.model.finders import DOC, PHYSICAL, QUARANTINE, SCAN, TRUTH, after_bits, finders
from sim.model.milestones import CENSORED
from sim.model.quarantine_disposal import DisposalTally

if TYPE_CHECKING:
    from sim.model.recorder import Recorder
    from sim.scenario.schema import Scenario

_PEST = TRUTH.index("pest")
#: what a commodity's row counts: infested consignments, those a quarantine check met, those
#: sampled for the laboratory, those whose outcome is known (not still held unfound at the
#: end), found before release, found by the laboratory's test alone, released unfound
COUNTS = ("n", "checked", "sampled", "known", "found", "lab", "slipped")


def pest_commodities(scenario: Scenario) -> list[str]:
    """The commodities that can carry pests: the base prevalence times the commodity's
    multiplier above 0 (none when the scenario has no enforcement truth)."""
    e = scenario.enforcement
    if not e.active or e.prevalence.get("pest", 0.0) <= 0:
        return []
    return [c for c in scenario.commodities if e.multiplier("by_commodity", c, "pest") > 0]


class PestCatchTally:
    """Counts (:data:`COUNTS`) of infested consignments by commodity, of the statistics rows
    folded into it (the :data:`sim.model.costbook.LAYOUT` columns)."""

    def __init__(
        self, commodities: Sequence[str], named: Sequence[str], end: float,
        ports: Sequence[str] = (),
    ) -> None:
        self.commodities, self.end, self.ports = list(commodities), end, list(ports)
        self.named = [self.commodities.index(c) for c in named]
        self.index = {name: i for i, name in enumerate(LAYOUT)}
        self.counts = np.zeros((len(self.commodities), len(COUNTS)), np.int64)
        #: released unfound, by commodity (rows) and port (columns, the scenario's order)
        self.slipped_at = np.zeros((len(self.commodities), len(self.ports)), np.int64)
        self.disposal: DisposalTally | None = None  # (set by :meth:`of`)

    @classmethod
    def of(cls, scenario: Scenario, end: float) -> PestCatchTally:
        """The tally of a scenario's commodities that can carry pests; ``end`` is the run's
        end (goods still held then, unfound, have no known outcome)."""
        tally = cls(list(scenario.commodities), pest_commodities(scenario), end,
                    list(scenario.ports))
        tally.disposal = DisposalTally.of(scenario, end)
        return tally

    def wire(self, recorder: Recorder) -> PestCatchTally:
        """Fold every block the recorder folds (not at all when no commodity is named), and
        wire the disposal's tally."""
        if self.named:
            recorder.also_fold(self.fold)
        if self.disposal is not None:
            self.disposal.wire(recorder)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: the infested ones count, the others are left out."""
        ix = self.index
        a = a[a[:, ix["truth_0"]] == _PEST]  # (the truth code: R.illicit)
        if not len(a):
            return
        col = {name: a[:, i] for name, i in ix.items()}
        req = a[:, ix["truth_0"] : ix["truth_0"] + len(TRUTH_COLUMNS)]
        checks = col["checks"].astype(int)
        did = {b: (checks & b) > 0 for b in (DOC, SCAN, PHYSICAL, QUARANTINE)}
        after = after_bits(col["tax_reviewed"], col["recalled"], col["recovered"])
        found = finders(req[:, 0].astype(int), did, req, after)
        before = found["document"] | found["exam"] | found["quarantine"]
        lab = found["quarantine"] & ~before_other(found) & (col["quarantine_seen"] <= 0)
        held = (col["outcome"] == CENSORED) & ~(col["released"] <= self.end) & ~before
        rows = np.column_stack([
            np.ones(len(a), bool), did[QUARANTINE], ~np.isnan(col["lab_start"]), ~held,
            before, lab, ~held & ~before,
        ])  # fmt: skip
        com = col["commodity"].astype(int)
        for k in range(len(COUNTS)):
            self.counts[:, k] += np.bincount(com[rows[:, k]], minlength=len(self.commodities))
        if self.ports:
            slipped = rows[:, -1]
            cell = com[slipped] * len(self.ports) + col["port"][slipped].astype(int)
            self.slipped_at += np.bincount(cell, minlength=self.slipped_at.size).reshape(
                self.slipped_at.shape
            )

    def metrics(self) -> dict[str, float]:
        """Per commodity named: ``pest_consignments_<c>``, ``pest_checked_share_<c>``,
        ``pest_sampled_share_<c>`` (of the infested), ``pest_detection_rate_<c>`` (found
        before release, of those whose outcome is known), ``pest_lab_finds_<c>`` (found by
        the laboratory alone), ``pest_slipped_<c>`` (released unfound) and, for each port,
        ``pest_escaped_<c>_port_<port>`` (released unfound there)."""
        out: dict[str, float] = {}
        for k in self.named:
            n, checked, sampled, known, found, lab, slipped = (int(v) for v in self.counts[k])
            c = self.commodities[k]
            out[f"pest_consignments_{c}"] = float(n)
            out[f"pest_checked_share_{c}"] = checked / n if n else math.nan
            out[f"pest_sampled_share_{c}"] = sampled / n if n else math.nan
            out[f"pest_detection_rate_{c}"] = found / known if known else math.nan
            out[f"pest_lab_finds_{c}"] = float(lab)
            out[f"pest_slipped_{c}"] = float(slipped)
            for j, port in enumerate(self.ports):
                out[f"pest_escaped_{c}_port_{port}"] = float(self.slipped_at[k, j])
        return out | (self.disposal.metrics() if self.disposal is not None else {})


def before_other(found: dict[str, np.ndarray]) -> np.ndarray:
    """Found before release by a check other than quarantine (document check or exam)."""
    out: np.ndarray = found["document"] | found["exam"]
    return out
