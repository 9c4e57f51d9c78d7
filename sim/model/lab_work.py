"""A port laboratory's workload as its manager plans it: samples a day by port and
commodity, turnaround from the sample's submission to its result (mean and tail), and how
many samples, and containers of goods, the laboratory holds at once.

A technical centre deciding analysts, instruments and shifts asks how many samples arrive,
how long a result takes and how long the slowest take, and how much cargo stands waiting for
results. The quarantine step stamps a sample's submission (``lab_start``) and its result
(``lab_end``); this tally reads them off the cohort's statistics rows, whatever the goods'
outcome (a failed test is work done too). Turnaround includes the wait for a cut-off and for
room in a batch (the lab's ``wait_h_mean`` is that wait alone) and the test itself.

The samples and containers held at once are Little's law over the cohort: the hours summed
over the observed days' hours, a steady-state mean (a run whose lab does not keep up says so
in its stability warnings). Goods released before their result (``release_before_test``) are
in the lab's backlog but hold no container. A sample without a result by the end of the run
counts in samples a day, not in turnaround. The samples waiting at each observed cut-off
(mean and most, every test together) are the laboratory's own count
(:meth:`sim.model.lab.Lab._count_waiting`): the peak its staff face. Named for each port
and commodity that :class:`sim.model.lab_holds.LabHoldTally` names (a port's quarantine can
sample it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from sim.analysis.sketch import NBINS, bin_index, quantile_from_counts
from sim.model.lab import Lab

#: units of the figures that are neither hours nor consignments (sim.experiment.compare)
UNITS = {
    "lab_samples_per_day": "samples a day",
    "lab_backlog_mean": "samples",
    "lab_held_containers_mean": "containers",
    "lab_waiting_at_cutoff": "samples",
}
#: turnaround quantiles named for each port (and p90 for each commodity there)
QUANTILES = {"p50": 0.5, "p90": 0.9, "p95": 0.95}
#: what a cell sums: samples, samples with a result, turnaround hours, container-hours held
SUMS = ("n", "done", "hours", "box_hours")


class LabWorkTally:
    """Sums and turnaround histograms by (commodity, port) of the sampled rows folded in;
    ``cells`` are the (commodity, port) pairs named, ``days`` the observed days."""

    def __init__(
        self,
        ports: Sequence[str],
        commodities: Sequence[str],
        cells: Sequence[tuple[int, int]],
        days: float,
        index: dict[str, int],
        labs: Sequence[Lab | None] = (),
    ):
        self.ports, self.commodities, self.cells = list(ports), list(commodities), list(cells)
        self.days, self.index = float(days), index
        self.labs = list(labs)  # by port: what each laboratory saw at its cut-offs
        self.sums = np.zeros((len(commodities), len(ports), len(SUMS)))
        self.counts = np.zeros((len(commodities), len(ports), NBINS), dtype=np.int64)

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: those with a sample submitted count."""
        ix = self.index
        a = a[~np.isnan(a[:, ix["lab_start"]])]
        if not len(a):
            return
        k, p = a[:, ix["commodity"]].astype(int), a[:, ix["port"]].astype(int)
        hours = a[:, ix["lab_end"]] - a[:, ix["lab_start"]]
        done = ~np.isnan(hours)
        hours = np.where(done, hours, 0.0)
        early = (  # released before the result (sim.model.steps.after.early)
            (a[:, ix["release_early"]] > 0)
            & (a[:, ix["quarantine_treat"]] == 0)
            & (a[:, ix["quarantine_seen"]] == 0)
        )
        held = hours * a[:, ix["containers"]] * ~early
        values = np.column_stack([np.ones(len(a)), done, hours, held])
        np.add.at(self.sums, (k, p), values)
        np.add.at(self.counts, (k[done], p[done], bin_index(hours[done])), 1)

    def metrics(self) -> dict[str, float]:
        """Per port its laboratory serves (every run names the same) and per commodity
        sampled there: samples a day and turnaround; per port, the backlog and the
        containers held. NaN where no sample had a result."""
        out: dict[str, float] = {}
        hours = self.days * 24
        for p in sorted({p for _, p in self.cells}):
            tail = f"port_{self.ports[p]}"
            ks = [k for k, q in self.cells if q == p]
            s, counts = self.sums[ks, p].sum(axis=0), self.counts[ks, p].sum(axis=0)
            out[f"lab_samples_per_day_{tail}"] = float(s[0]) / self.days if self.days else math.nan
            out.update(_turnaround(s, counts, tail, QUANTILES))
            out[f"lab_backlog_mean_{tail}"] = float(s[2]) / hours if hours else math.nan
            out[f"lab_held_containers_mean_{tail}"] = float(s[3]) / hours if hours else math.nan
            if self.labs:
                out.update(_at_cutoffs(self.labs[p], tail))
            for k in ks:
                one = f"{self.commodities[k]}_{tail}"
                n = float(self.sums[k, p, 0])
                out[f"lab_samples_per_day_{one}"] = n / self.days if self.days else math.nan
                out.update(_turnaround(self.sums[k, p], self.counts[k, p], one, {"p90": 0.9}))
        return out


def _turnaround(
    s: np.ndarray, counts: np.ndarray, tail: str, quantiles: dict[str, float]
) -> dict[str, float]:
    """A cell's mean turnaround and its quantiles (NaN without a result)."""
    done = s[1]
    out = {f"lab_turnaround_h_mean_{tail}": float(s[2] / done) if done else math.nan}
    for name, q in quantiles.items():
        out[f"lab_turnaround_h_{name}_{tail}"] = quantile_from_counts(counts, q)
    return out


def _at_cutoffs(lab: Lab | None, tail: str) -> dict[str, float]:
    """Samples waiting (every test, any goods) at the observed cut-offs, before the batches
    start: their mean and the most at one (NaN where no cut-off was observed)."""
    seen = lab.cutoffs_seen if lab is not None else 0
    return {
        f"lab_waiting_at_cutoff_mean_{tail}": lab.waiting_sum / seen if lab and seen else math.nan,
        f"lab_waiting_at_cutoff_max_{tail}": float(lab.waiting_max) if lab and seen else math.nan,
    }
