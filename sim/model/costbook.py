"""The cost accumulator: per-consignment costs folded block by block, as the recorder folds
clearance times (sums and log-histograms by dimension; memory does not grow with the number
of consignments), and the agency's fixed costs shared among them at the end.

A port's fixed costs (staff on duty and overtime, posts, equipment) are shared among its
consignments by what they used: a lane's cost in proportion to the hours its checks took
(document check, scan, image reading, examination, quarantine check; a laboratory by tests,
a transit desk by the transit goods it sealed: :mod:`sim.model.cost_activities`),
and the cost of lanes no milestone measures (declaration review, gate, movers, posts) equally
per declaration.
Costs of no port (overheads: patrols, the post-clearance auditors, running costs of
systems, the organisation's units) are shared among the ports by ``costs.overhead_shared_by``
(equally per declaration by default), then equally per declaration within a port; each
group's part of them is its own column, ``agency_overhead``
(:mod:`sim.model.cost_sharing`, which says the rule). A patrol on a route outside the ports
is in no port's figure and has its own line (``agency_cost_patrol_per_year``).

The burden on compliant traders is the part of their trader cost the border imposes (time
owned by customs, quarantine and the organisation, inspection handling, attendance,
quarantine treatment), over consignments without illicit goods (the hidden truth, when the
statistics rows carry ``illicit``), else over the consignments released.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from sim.analysis.sketch import NBINS, bin_index, row_quantiles
from sim.model import agency_costs as ac
from sim.model.audits import expected_audits
from sim.model.cost_activities import ACTIVITIES, activity_use
from sim.model.cost_burden import InspectionBurden
from sim.model.cost_periods import PeriodTally, fixed_items
from sim.model.cost_sharing import fixed_by_group
from sim.model.costs import (
    AGENCY_PARTS,
    PARTS,
    REVENUE_PARTS,
    SLIPPED_PARTS,
    TRADER_PARTS,
    P,
    consignment_costs,
    duty_gap,
    harm_units,
    revenue_found,
    slipped,
)
from sim.model.finders import AUDIT_LAG, after_bits, audit_credited, detected
from sim.model.finders import COLUMNS as TRUTH_COLUMNS
from sim.model.low_value_duty import LOW_VALUE_PARTS, low_value_duty, thresholds
from sim.model.milestones import CAUGHT, CENSORED, CHANNELS, MILESTONES, OWNERS, RELEASED
from sim.model.prices import Prices
from sim.model.recorder_rows import STATS, sums_by, transit_codes
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES, Scenario

#: the columns of a folded statistics row, by name
LAYOUT = STATS + MILESTONES + tuple(f"own_{o}" for o in OWNERS)
#: outcomes that count as a seizure for the cost per seizure (as the enforcement tally's caught)
_CAUGHT = [c for c in CAUGHT.values() if c is not None]
_TRADER, _AGENCY = ([P[k] for k in parts] for parts in (TRADER_PARTS, AGENCY_PARTS))
#: a fold's hidden truth (see :meth:`CostBook._truth`)
Truth = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]
#: the cost parts reported as a mean per finished consignment (``<part>_per_consignment``)
PER_CONSIGNMENT = (
    "no_find", "no_find_state", "border_burden", "revenue_evaded", "harm_slipped", "time"
)


def _with_channels(dimensions: dict[str, list[str]]) -> dict[str, list[str]]:
    """The dimensions with each port and direction's channels (a channel's cost is where
    it is used: pooled over ports, the scans are mostly a post hub's parcels')."""
    if "port_direction" not in dimensions:
        return dimensions
    within = [f"{g}/{c}" for g in dimensions["port_direction"] for c in CHANNELS]
    return {**dimensions, "port_direction_channel": within}


class CostBook:
    """What a run's consignments cost, folded as they finish."""

    def __init__(
        self,
        scenario: Scenario,
        dimensions: dict[str, list[str]],
        port_mode: np.ndarray,
        window: tuple[float, float],
        layout: tuple[str, ...] = LAYOUT,
    ):
        assert scenario.costs is not None
        self.costs, self.window, self.scenario = scenario.costs, window, scenario
        self.org_units: dict[str, Any] = {}  # the organisation's units, when it has staff
        self.ports = list(scenario.ports)
        self.modes = modes = [scenario.ports[p].mode for p in self.ports]
        separate = scenario.inspection.mode == "separate"
        self.prices = Prices.of(self.costs, modes, scenario.commodities, separate)
        self.index = {name: i for i, name in enumerate(layout)}
        self.truth = "truth_0" in self.index and "checks" in self.index
        dimensions = _with_channels(dimensions)
        self.dimensions, self.port_mode = dimensions, port_mode
        k = len(self.ports)
        self.n = {d: np.zeros(len(g), np.int64) for d, g in dimensions.items()}
        self.boxes = {d: np.zeros(len(g)) for d, g in dimensions.items()}  # containers
        self.sums = {d: np.zeros((len(g), len(PARTS))) for d, g in dimensions.items()}
        self.hist = {d: np.zeros((len(g), NBINS), np.int64) for d, g in dimensions.items()}
        self.use = {d: np.zeros((len(g), k, len(ACTIVITIES))) for d, g in dimensions.items()}
        self.seized, self.audits = 0, 0.0  # (audits: expected, see sim.model.audits)
        #: loads the patrols outside the ports stopped in the observed window (set by
        #: sim.model.tables.cost_tables): seizures too, made by staff the book prices
        self.interdicted = 0.0
        self.compliant = np.zeros(3)  # consignments, border burden, trader cost
        #: the ports each running cost serves, when not every port (by cost item)
        self.served = {
            f"systems:{name}": [self.ports.index(p) for p in among]
            for name, among in ac.system_ports(scenario).items()
        }
        #: with a timeline's periods, their consignments' costs apart (by arrival)
        self.periods = PeriodTally.of(scenario, window, len(PARTS))
        self.inspection = InspectionBurden(self.ports)  # (what inspecting compliant goods adds)
        self.threshold = thresholds(scenario)  # (a post hub's low-value line, else 0 or NaN)

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows (the recorder's layout), censored ones left out (unfinished)."""
        a = a[a[:, self.index["outcome"]] != CENSORED]
        if not len(a):
            return
        col = {name: a[:, i] for name, i in self.index.items()}
        truth = self._truth(a, col)
        parts = consignment_costs(col, self.prices, None if truth is None else truth[2])
        illicit = self._slipped(col, parts, truth)
        self._low_value(col, parts, truth)
        self.seized += int(np.isin(col["outcome"], _CAUGHT).sum())
        self.audits += expected_audits(self.scenario, col, illicit)
        trader = parts[:, _TRADER].sum(axis=1)
        # compliant: no illicit goods (the hidden truth), else every consignment released
        ok = illicit == 0 if illicit is not None else col["outcome"] == RELEASED
        self.compliant += [ok.sum(), parts[ok, P["border_burden"]].sum(), trader[ok].sum()]
        if illicit is not None:
            imposed = parts[:, P["border_burden"]] + parts[:, P["storage"]]
            self.inspection.fold(col, ok & (col["outcome"] == RELEASED), imposed)
        bins = bin_index(trader)
        use = activity_use(col)
        port = col["port"].astype(int)
        k, acts = len(self.ports), use.shape[1]
        each_part, each_use = np.arange(len(PARTS)), np.arange(acts)
        for dim, code in self._codes(col).items():
            g = len(self.dimensions[dim])
            self.n[dim] += np.bincount(code, minlength=g)
            self.boxes[dim] += np.bincount(code, weights=col["containers"], minlength=g)
            # every part (and every use) in one count: each cell still sums its rows in order
            self.sums[dim] += sums_by(code[:, None] * len(PARTS) + each_part, parts, g)
            self.hist[dim] += np.bincount(code * NBINS + bins, minlength=g * NBINS).reshape(
                g, NBINS
            )
            cell = (code * k + port)[:, None] * acts + each_use
            self.use[dim] += sums_by(cell, use, g * k).reshape(g, k, acts)
        if self.periods is not None:
            self.periods.fold(col["arrived"], parts)

    def _truth(self, a: np.ndarray, col: dict[str, np.ndarray]) -> Truth | None:
        """The stats rows' hidden truth (``truth_<i>``, :data:`sim.model.finders.COLUMNS`):
        illicit codes, truth columns, whether a check found the goods before release, whether
        found at all (before or after release), and whether by the audit; None without it."""
        if not self.truth:
            return None
        req = a[:, self.index["truth_0"] : self.index["truth_0"] + len(TRUTH_COLUMNS)]
        code = req[:, 0].astype(int)
        released = col["outcome"] == RELEASED
        after = after_bits(col["tax_reviewed"], col["recalled"], col["recovered"])
        checks = col["checks"].astype(int)
        found = detected(code, checks, req, released, after)
        before = detected(code, checks, req, np.zeros(len(code), bool), after)
        return code, req, before, found, audit_credited(code, checks, req, released, after)

    def _slipped(
        self, col: dict[str, np.ndarray], parts: np.ndarray, truth: Truth | None
    ) -> np.ndarray | None:
        """Revenue evaded and harm slipped, and the revenue at risk and found, into ``parts``
        from the hidden truth (:meth:`_truth`); each consignment's illicit code, or None."""
        if truth is None:
            return None
        code, req, before, found, audit = truth
        com = col["commodity"].astype(int)
        prices = self.prices
        units = harm_units(code, prices.harm_per, col["containers"], req[:, 1])
        revenue, harm = slipped(
            code, col["value"], req[:, 1], found, prices.duty_rate[com], prices.true_rate,
            prices.harm, units,
        )
        parts[:, P["revenue_evaded"]], parts[:, P["harm_slipped"]] = revenue, harm
        gap = duty_gap(code, col["value"], req[:, 1], prices.duty_rate[com], prices.true_rate)
        revenue_found(parts, gap, before, found, audit, req[:, AUDIT_LAG])
        return code

    def _low_value(
        self, col: dict[str, np.ndarray], parts: np.ndarray, truth: Truth | None
    ) -> None:
        """The duty a post hub's low-value threshold forgoes and the duty undervaluation
        takes there, into ``parts`` (:mod:`sim.model.low_value_duty`)."""
        port, com = col["port"].astype(int), col["commodity"].astype(int)
        hidden = None if truth is None else (truth[0], truth[1][:, 1], truth[3])
        forgone, lost = low_value_duty(
            col["value"], col["direction"], self.threshold[port], self.prices.duty_rate[com],
            hidden,
        )
        parts[:, P[LOW_VALUE_PARTS[0]]], parts[:, P[LOW_VALUE_PARTS[1]]] = forgone, lost

    def _codes(self, col: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Each row's group in every dimension (as the recorder groups clearance times)."""
        port = col["port"].astype(int)
        direction = col["direction"].astype(int)
        pd_ = port * len(DIRECTIONS) + direction
        cls = col["trader_class"].astype(int)
        codes = {
            "all": np.zeros(len(port), int),
            "port": port,
            "mode": self.port_mode[port],
            "direction": direction,
            "port_direction": pd_,
            "channel": col["channel"].astype(int),
            "commodity": col["commodity"].astype(int),
            "trader_class": cls,
            "port_direction_class": pd_ * len(TRADER_CLASSES) + cls,
            "port_direction_channel": pd_ * len(CHANNELS) + col["channel"].astype(int),
        }
        if "transit_direction" in self.dimensions:  # (a port with transit goods, 转关)
            codes["transit_direction"] = transit_codes(col["transit_arrived"],
                                                       col["integrated"], direction)
        return {d: c for d, c in codes.items() if d in self.dimensions}

    # -- results -----------------------------------------------------------------------
    def agency_items(
        self,
        lanes: dict[str, dict[str, list[int] | None]],
        labs: dict[str, bool],
        utilisation: dict[tuple[str, str], float],
        duty: dict[str, dict[str, float]] | None = None,
        pools: dict[str, ac.Pool] | None = None,
    ) -> list[dict[str, Any]]:
        """Fixed agency cost items of every port over the window and overtime (see
        :mod:`sim.model.agency_costs`), with the cost of the staff's busy time (``pools``:
        by port, a cross-trained exam pool's parts)."""
        rows = fixed_items(self, lanes, labs, duty or {}, pools or {})
        return ac.with_busy_cost(rows, utilisation)

    def groups(self, agency: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
        """Mean cost per finished consignment by (dimension, group); p90 of trader cost."""
        rows = {}
        for dim, groups in self.dimensions.items():
            fixed, overhead = fixed_by_group(self, agency, dim)
            p90 = row_quantiles(self.hist[dim], 0.9)
            for g, group in enumerate(groups):
                n = int(self.n[dim][g])
                if n == 0 and dim != "all":
                    continue
                rows[(dim, group)] = self._row(
                    dim, group, n, fixed[g], self.sums[dim][g], float(p90[g])
                )
                # (the costs of no port in it: the port's own cost is agency less this)
                rows[(dim, group)]["agency_overhead"] = overhead[g] / n if n else math.nan
                boxes = float(self.boxes[dim][g])  # (per container: trade indicators' unit)
                row = rows[(dim, group)]
                row["containers"] = boxes / n if n else math.nan
                # (a truck or a parcel counts as one)
                for part in ("trader", "trader_fees", "agency", "border_burden", "total"):
                    row[f"{part}_per_container"] = row[part] * n / boxes if boxes else math.nan
        return rows

    def _row(
        self, dim: str, group: str, n: int, fixed: float, sums: np.ndarray, p90: float
    ) -> dict[str, Any]:
        mean = sums / n if n else np.full(len(PARTS), math.nan)
        agency_var = float(mean[_AGENCY].sum())
        agency = fixed / n + agency_var if n else math.nan
        trader = float(mean[_TRADER].sum())
        time = float(sum(mean[P[f"time_{o}"]] for o in OWNERS))
        row: dict[str, Any] = {
            "dimension": dim,
            "group": group,
            "n": n,
            "agency_fixed": fixed / n if n else math.nan,
            "agency_variable": agency_var,
            "agency": agency,
            "trader": trader,
            "trader_p90": p90,
            # what the trader pays out (broker, handling, storage, ...): the value of time aside
            "trader_fees": trader - time,
            "time": time,
            "total": agency + trader,
        }
        row.update({k: float(v) for k, v in zip(PARTS, mean, strict=True)})
        if not self.truth:
            row.update(dict.fromkeys(SLIPPED_PARTS + REVENUE_PARTS, math.nan))
            row[LOW_VALUE_PARTS[1]] = math.nan
        return row

    def summary(
        self, agency: list[dict[str, Any]], groups: dict[tuple[str, str], dict[str, Any]]
    ) -> dict[str, float]:
        """The headline cost metrics (see :func:`sim.model.cost_summary.summary`)."""
        from sim.model.cost_summary import summary

        return summary(self, agency, groups)
