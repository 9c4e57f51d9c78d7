"""A bonded zone's stock (综合保税区的库存, :mod:`sim.scenario.bonded`): what the zone holds
over the observed window, how long goods stay, and whether the stock settles.

The model has no zone stage: goods enter the zone as the transit goods of its entry port
whose leg reaches it (the ``transit_arrived`` milestone), and leave it as the gate's
declarations, each an independent flow (imports: release for domestic sale, at their
arrival, the call-off; exports: re-export, at their arrival at the gate). Nothing links
one to the other, so the tally links them in the simplest way a warehouse's books can
defend: each call-off takes the oldest consignment in the zone (first in, first out, one
consignment for one declaration). Stated assumptions, not measured ones:

- the zone is empty when the observed window opens (the warm-up's goods are not recorded);
  a call-off that finds it empty draws on goods the model does not hold (entered before
  the window, or from the domestic market) and is counted apart (``unlinked``);
- transit goods seized, rejected or detained at the zone's office leave with customs and
  are no stock; the others enter, released or still in clearance;
- only the window's entries and call-offs count (a leg that reaches the zone after the
  window closes is left out), so that in = out + left at the window's end.

The recorder hands rows over as goods finish, not in time order, so the zone's entry and
call-off times are kept (two numbers a declaration) and linked when the run ends; the
stays are streamed into a log-histogram (mean and 90th percentile), not listed.

The stock did not settle (a warning) when it rose over the window's second half by more
than ``NOISE`` standard deviations of a settled stock's change, the square root of the
entries and linked call-offs of that half (Poisson flows: an assumption): the first half
holds the zone's fill from empty, the second should scatter around a level. Goods that stay
longer than half the window still fill the zone in its second half: observe more days.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.analysis.sketch import LogHistogram, quantile_from_counts
from sim.model.costbook import LAYOUT
from sim.model.milestones import CENSORED, RELEASED
from sim.scenario.schema import DIRECTIONS, Scenario

if TYPE_CHECKING:
    from sim.model.recorder import Recorder

IMPORT = DIRECTIONS.index("import")
#: standard deviations of a settled stock's change over the second half before a warning
NOISE = 3.0
#: units of the metrics that count no consignments (sim.experiment.compare.metric_unit)
UNITS = {"bonded_stock_containers_mean": "containers"}
#: the metrics named for each gate (``<stem>_port_<gate>``)
STEMS = ("bonded_in", "bonded_out_domestic", "bonded_out_export", "bonded_out_unlinked",
         "bonded_stock_end", "bonded_stock_mean", "bonded_stock_containers_mean",
         "bonded_stock_max", "bonded_stay_h_mean", "bonded_stay_h_p90")  # fmt: skip


class Zone:
    """One zone's entries (time, containers) and call-offs (time, direction), as folded."""

    def __init__(self, gate: int, entry: int) -> None:
        self.gate, self.entry = gate, entry
        self.ins: list[np.ndarray] = []  # (blocks of [time, containers])
        self.outs: list[np.ndarray] = []  # (blocks of [time, direction])

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The entries and call-offs folded, each sorted by time (ties: in row order)."""
        ins = np.concatenate(self.ins) if self.ins else np.zeros((0, 2))
        outs = np.concatenate(self.outs) if self.outs else np.zeros((0, 2))
        return (ins[np.argsort(ins[:, 0], kind="stable")],
                outs[np.argsort(outs[:, 0], kind="stable")])  # fmt: skip


class BondedStockTally:
    """The stock of each bonded zone of a scenario, from the recorder's statistics rows."""

    def __init__(self, ports: Sequence[str], zones: dict[int, int],
                 window: tuple[float, float], layout: Sequence[str] = LAYOUT) -> None:  # fmt: skip
        self.ports = list(ports)
        self.window = window
        self.index = {name: i for i, name in enumerate(layout)}
        self.zones = [Zone(gate, entry) for gate, entry in zones.items()]

    @classmethod
    def of(cls, scenario: Scenario, window: tuple[float, float]) -> BondedStockTally:
        """The tally of the scenario's gates (``ports.<gate>.bonded_zone``); none: no zone."""
        names = list(scenario.ports)
        zones = {names.index(g): names.index(p.bonded_zone.entry)
                 for g, p in scenario.ports.items() if p.bonded_zone is not None}  # fmt: skip
        return cls(names, zones, window)

    def wire(self, recorder: Recorder) -> BondedStockTally:
        """Fold every block the recorder folds, after what it already hands them to."""
        if self.zones:
            recorder.also_fold(self.fold)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Keep a block's entries into each zone and its gate's call-offs in the window."""
        ix, (start, stop) = self.index, self.window
        port = a[:, ix["port"]].astype(int)
        for z in self.zones:
            kept = (a[:, ix["outcome"]] == RELEASED) | (a[:, ix["outcome"]] == CENSORED)
            t = a[:, ix["transit_arrived"]]
            came = (port == z.entry) & (a[:, ix["transit"]] > 0) & kept
            came &= (t >= start) & (t < stop)  # (NaN: the leg had not reached the zone)
            if came.any():
                z.ins.append(np.column_stack([t[came], a[came, ix["containers"]]]))
            t = a[:, ix["arrived"]]
            out = (port == z.gate) & (t >= start) & (t < stop)
            if out.any():
                z.outs.append(np.column_stack([t[out], a[out, ix["direction"]]]))

    def metrics(self) -> dict[str, float]:
        """Per gate (``<stem>_port_<gate>``, :data:`STEMS`): entries, call-offs linked by
        kind and unlinked, the stock left at the window's end, its time-weighted mean (in
        consignments and containers) and highest, the linked stays' mean and p90 hours."""
        out: dict[str, float] = {}
        for z in self.zones:
            figures = self._figures(z)
            name = self.ports[z.gate]
            out.update({f"{stem}_port_{name}": figures[stem] for stem in STEMS})
        return out

    def _figures(self, z: Zone) -> dict[str, float]:
        """:meth:`metrics`' figures of one zone, by stem."""
        ins, outs = z.arrays()
        left, linked, stays = link_oldest_first(ins[:, 0], outs[:, 0])
        start, stop = self.window
        span = stop - start
        until = np.where(np.isnan(left), stop, left)  # (still in the zone: to the window's end)
        held = until - ins[:, 0]
        taken = outs[linked, 1]
        return {
            "bonded_in": float(len(ins)),
            "bonded_out_domestic": float((taken == IMPORT).sum()),
            "bonded_out_export": float((taken != IMPORT).sum()),
            "bonded_out_unlinked": float(len(outs) - linked.sum()),
            "bonded_stock_end": float(np.isnan(left).sum()),
            "bonded_stock_mean": float(held.sum() / span) if span > 0 else math.nan,
            "bonded_stock_containers_mean":
                float((held * np.maximum(ins[:, 1], 1.0)).sum() / span) if span > 0 else math.nan,
            "bonded_stock_max": float(highest(ins[:, 0], left)),
            "bonded_stay_h_mean": stays.total / stays.n if stays.n else math.nan,
            "bonded_stay_h_p90": quantile_from_counts(stays.counts, 0.9),
        }

    def warnings(self) -> list[str]:
        """A warning for each zone whose stock rose through the window's second half by more
        than chance (the module's text)."""
        return [w for z in self.zones for w in self._rising(z)]

    def _rising(self, z: Zone) -> list[str]:
        ins, outs = z.arrays()
        left, _, _ = link_oldest_first(ins[:, 0], outs[:, 0])
        start, stop = self.window
        middle = (start + stop) / 2
        then, end = stock_at(ins[:, 0], left, middle), stock_at(ins[:, 0], left, stop)
        came = int(((ins[:, 0] >= middle) & (ins[:, 0] < stop)).sum())
        went = int(((left >= middle) & (left < stop)).sum())
        if end - then <= NOISE * math.sqrt(max(came + went, 1)):
            return []
        name = self.ports[z.gate]
        return [f"{name}: the bonded zone's stock rose through the observed days (from "
                f"{then:,} consignments at the window's middle to {end:,} at its end; "
                f"{came:,} entered and {went:,} were called off in its second half): the "
                f"gate calls off fewer goods than enter, the stock did not settle and its "
                f"figures are not steady-state; raise ports.{name}.arrivals.rate or the "
                f"gate's exports, or lower the entry port's transit share"]


def link_oldest_first(
    entered: np.ndarray, called: np.ndarray
) -> tuple[np.ndarray, np.ndarray, LogHistogram]:
    """Link each call-off (times ascending) to the oldest entry (times ascending) in the
    zone at that moment: when each entry left (NaN: still in), which call-offs found one,
    and the linked stays (hours) streamed into a histogram."""
    left = np.full(len(entered), np.nan)
    linked = np.zeros(len(called), bool)
    stays = LogHistogram()
    arrived = np.searchsorted(entered, called, side="right")  # (entries in by each call)
    head = 0
    for k, (t, n) in enumerate(zip(called.tolist(), arrived.tolist(), strict=True)):
        if head < n:  # the oldest still in the zone goes
            left[head], linked[k] = t, True
            stays.add(t - float(entered[head]))
            head += 1
    stays.add_many(np.zeros(0))  # (flush the buffer into the counts)
    return left, linked, stays


def stock_at(entered: np.ndarray, left: np.ndarray, t: float) -> int:
    """Consignments in the zone at time ``t``: entered by then and not yet left."""
    return int(((entered <= t) & ~(left <= t)).sum())


def highest(entered: np.ndarray, left: np.ndarray) -> int:
    """The most consignments the zone held at once (entries before call-offs at a tie)."""
    if not len(entered):
        return 0
    gone = left[~np.isnan(left)]
    times = np.concatenate([entered, gone])
    steps = np.concatenate([np.ones(len(entered)), -np.ones(len(gone))])
    order = np.lexsort((-steps, times))  # (by time, an entry first)
    return int(np.cumsum(steps[order]).max())
