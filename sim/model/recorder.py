"""Streaming statistics of finished consignments (and the optional per-consignment log).

Finished consignments are buffered as rows and folded, a few thousand at a time, into counts,
sums and log-histograms (see :mod:`sim.analysis.sketch` for the quantile error bound). Memory
does not grow with the number of consignments unless the log is asked for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.consignment import Consignment
from sim.model.cutoffs import CutoffTally
from sim.model.enforcement import EnforcementTally
from sim.model.exam_figures import ExamTally
from sim.model.finders import COLUMNS as TRUTH_COLUMNS
from sim.model.finders import after_bits, checks_bits
from sim.model.interval_tally import IntervalTally
from sim.model.ipr import SuspectTally
from sim.model.milestones import (
    CENSORED,
    MILESTONES,
    OUTCOMES,
    OWNERS,
    RELEASED,
    M,
    channel_code,
    flow_end,
)
from sim.model.parcel_holds import ParcelHoldTally
from sim.model.recorder_counts import count_by_port, count_inspections
from sim.model.recorder_hist import TimeHistograms
from sim.model.recorder_rows import (
    _ATTRS,
    _DIRECTION,
    _EXITED,
    _LOADED,
    _S,
    _SMS,
    _SOWN,
    _TRUTH,
    FLUSH,
    METRICS,
    OwnerTally,
    PortTally,
    _attrs,
    _dimensions,
    _truth,
    censor_block,
    censor_row,
    group_codes,
    started_only,
)
from sim.model.review_tally import ReviewTally
from sim.model.row_buffer import RowBuffer
from sim.model.transit_cohort import TransitCohort
from sim.model.transit_inspections import TransitInspections
from sim.model.yard_dwell import YardDwellTally
from sim.scenario.schema import MODES
from sim.scenario.within import ALWAYS

if TYPE_CHECKING:
    from sim.model.bulk import Bulk

class Recorder:
    """Folds finished consignments (flows one by one, bulk blocks whole) into the run's
    streamed statistics, and keeps the per-consignment log when asked."""

    def __init__(
        self,
        ports: list[str],
        modes: Sequence[str],
        commodities: list[str],
        end: float,
        log: bool,
        window: tuple[float, float] = (0.0, 0.0),
        departures: Sequence[Sequence[float] | None] | None = None,
        periods: Sequence[float] = (),
        within: Sequence[float] = (ALWAYS,),
        transit: bool = False,
    ):
        self.end, self.log = end, log
        self._folds: list[Callable[[np.ndarray], None]] = []  # (see also_fold)
        self.port_mode = np.array([MODES.index(m) for m in modes])
        goods = "post" in modes and any(m != "post" for m in modes)  # (parcels apart)
        self.dimensions = _dimensions(ports, commodities, len(periods), goods, transit)
        self.periods = np.asarray(periods, float)  # a timeline's periods' starts (hours)
        times = TimeHistograms(METRICS, self.dimensions, within)
        self.times, self.hist, self.sums = times, times.hist, times.sums
        self.targets, self.within = times.targets, times.within  # (within each time target)
        crossing = [d is None for d in departures or [None] * len(ports)]
        self.intervals = IntervalTally(ports, crossing)  # (by port, direction and class)
        self.owner_sum = np.zeros(len(OWNERS))
        self.owners = OwnerTally()  # (and by direction)
        self.by_port = PortTally(ports)  # (owners' hours and containers inspected, by port)
        self.exams = ExamTally(ports, window)  # (the exam yard's figures per container, by port)
        self.holds = ParcelHoldTally(ports, modes, end).wire(self)  # (parcels held, post hubs)
        self.dwell = YardDwellTally(ports, modes, window, len(commodities))  # (on its ground)
        self._folds.append(self.dwell.fold)
        self.outcomes = np.zeros(len(OUTCOMES), np.int64)
        # by port: cohort outcomes; the censored's last milestone before release (stability)
        self.port_outcomes = np.zeros((len(ports), len(OUTCOMES)), np.int64)
        self.stuck = np.zeros((len(ports), len(MILESTONES)), np.int64)
        #: by port: cohort consignments released by customs but not yet out at the end
        #: (waiting for pick-up, exit or a departure): in the clearance figures, not in
        #: overall clearance
        self.not_out = np.zeros(len(ports), np.int64)
        self.treated = 0  # cohort consignments treated by quarantine (and released)
        self._wire_checks(ports, [m == "post" for m in modes], window, periods, departures)
        # inspection (a scan, physical or quarantine exam; China's definition), over every
        # cohort declaration whatever its outcome, and over their containers
        self.inspections: dict[str, float] = {"declarations": 0, "inspected": 0,
                            "containers": 0.0, "containers_inspected": 0.0}  # fmt: skip
        if transit:  # (and of transit goods apart, by class: transit_inspections.py)
            self._folds.append(TransitInspections(self.inspections).fold)
            self._folds.append(TransitCohort(self.inspections).fold)  # (finished or not)
        # STATS rows waiting to be folded; record()'s are packed as doubles while the row's
        # values are fresh in the cache (a list of floats, converted at the fold, reads
        # each float object back from wherever it lives: several times slower)
        self._rows = RowBuffer(_SOWN + len(OWNERS), FLUSH)
        self._log: list[tuple] = []  # log rows: COLUMNS, then the checks bits (found_by)
        self._chunks: list[np.ndarray] = []

    def _wire_checks(self, ports: list[str], parcels: list[bool], window: tuple[float, float],
                     periods: Sequence[float],
                     departures: Sequence[Sequence[float] | None] | None) -> None:
        """The tallies of what the checks find and of exports' departures."""
        days = math.ceil((window[1] - window[0]) / 24)
        self.enforcement = EnforcementTally(ports, days, window[0], parcels, periods, self.end)
        self.suspects = SuspectTally(ports)  # (counterfeits found, by recordation: ipr.py)
        self._folds.append(self.suspects.fold)
        self.reviews = ReviewTally(ports)  # (declarations sent to review: review_tally.py)
        self._folds.append(self.reviews.fold)
        #: by port with a schedule: exports that left after the first departure they could make
        self.cutoffs = CutoffTally(ports, departures or [None] * len(ports), window)

    def record(self, c: Consignment) -> None:
        """Book a consignment that left the flow (or is still in it when the run ends); a
        censored one as it stood at the end (see :func:`censor_row`)."""
        outcome = c.outcome
        m, r = c.m, c.req
        wait = c.disposal_wait  # (a rejected lot's, at the disposal facility; else 0)
        self.dwell.level.single(c.port, r, m, outcome, wait)  # (every box on the ground)
        if not (c.cohort or self.log):
            return
        if outcome == RELEASED:
            finished = m[_LOADED] if r[_DIRECTION] == 1 else m[_EXITED]
        elif outcome == CENSORED:
            finished = math.inf
        else:
            finished = max(x for x in m if x == x)  # the last milestone reached
        if outcome != CENSORED and finished > self.end:
            outcome = CENSORED
        own: Sequence[float] = c.own
        if outcome == CENSORED:  # as it stood at the end: nothing after it
            m, own = censor_row(m, own, c.late, self.end)
        ch = channel_code(c.did_doc, c.did_scan, c.did_physical, c.did_quarantine)
        checks = checks_bits(c.did_doc, c.did_scan, c.did_physical, c.did_quarantine)
        if c.cohort:  # one STATS row, written flat (numpy reshapes the buffer when folded)
            b = self._rows
            b.pack_into(b.single, b.n_single * b.row_bytes, c.port, outcome, ch, *_attrs(r),
                        wait, checks, *_truth(r), *m, *own)  # fmt: skip
            b.n_single += 1
            if b.n_single >= FLUSH:
                self.flush()
        if self.log:
            self._log.append((c.port, c.index, c.cohort, outcome, ch, *r, *m, *own, wait,
                              checks))

    def record_block(self, b: Bulk) -> None:
        """Book a block of consignments finished in bulk (see :mod:`sim.model.bulk`)."""
        k, cohort = len(b.index), b.cohort
        end = flow_end(b.m[:, _EXITED], b.m[:, _LOADED])  # imports exit, exports are loaded
        outcome = np.where(end <= self.end, RELEASED, CENSORED)  # NaN: censored
        m, own = censor_block(b.m, b.own, b.late, self.end, outcome == CENSORED)
        self.dwell.level.block(b.port.index, b.req, m)  # (every box on the ground)
        port = np.full(k, b.port.index)
        channel, checks = b.channel, checks_bits(*(b.did[:, i] for i in range(4)))
        waits = np.zeros(k)  # (a block is never rejected: no disposal's wait)
        if cohort.any():
            c, req = cohort, b.req[cohort]
            columns = (port[c], outcome[c], channel[c], req[:, _ATTRS], waits[c], checks[c],
                       req[:, list(TRUTH_COLUMNS)], m[c], own[c])  # fmt: skip
            if self._rows.add_block(columns) >= FLUSH:
                self.flush()
        if self.log:
            self._flush_log()
            self._chunks.append(
                np.column_stack(
                    [port, b.index, cohort, outcome, channel, b.req, m, own, waits, checks]
                ).astype(float)
            )

    def flush(self) -> None:
        """Fold what is buffered (single rows and bulk blocks) into the statistics."""
        self._flush_log()
        rows = self._rows.take()
        if rows is not None:
            self._fold(rows)

    def _flush_log(self) -> None:
        if self._log:
            self._chunks.append(np.array(self._log, dtype=float))
            self._log = []

    def also_fold(self, fold: Callable[[np.ndarray], None]) -> None:
        """Hand every block folded from now on to ``fold`` too (a tally of its own: the cost
        book, laboratory holds, delay tails ...), after those added before; it must not
        change the block."""
        self._folds.append(fold)

    def _fold(self, a: np.ndarray) -> None:
        """Fold rows (the STATS layout) into the running statistics."""
        a = started_only(a, a[:, _S["outcome"]].astype(int))  # (a check counts once started)
        for fold in self._folds:
            fold(a)
        outcome = a[:, _S["outcome"]].astype(int)
        self.outcomes += np.bincount(outcome, minlength=len(OUTCOMES))
        count_by_port(self, a, outcome)
        count_inspections(self, a, outcome)
        self.exams.fold(a)
        arrived = a[:, _SMS + M["arrived"]]
        held = (outcome == CENSORED) & ~(a[:, _SMS + M["released"]] <= self.end)
        self.enforcement.fold(
            a[:, _S["port"]].astype(int),
            a[:, _S["direction"]].astype(int),
            outcome,
            a[:, _S["checks"]].astype(int),
            a[:, _S["trader_class"]].astype(int),
            a[:, _TRUTH],
            arrived,
            a[:, _SMS + M["released"]] - arrived,
            a[:, _S["value"]],
            after_bits(*(a[:, _SMS + M[k]] for k in ("tax_reviewed", "recalled", "recovered"))),
            a[:, _SMS + M["quarantine_start"]] < a[:, _SMS + M["exam_start"]],
            held,
        )
        out = outcome == RELEASED  # (out of the flow by the end: exited or loaded)
        export = out & (a[:, _S["direction"]] == 1)
        if export.any():
            self.cutoffs.fold_rows(a[export])  # (with each declaration's containers)
        released = out | ((outcome == CENSORED) & (a[:, _SMS + M["released"]] <= self.end))
        if released.all():  # (as most blocks are: no copy)
            self._fold_times(a, out)
        elif released.any():  # customs clearance of every consignment released by the end
            self._fold_times(a[released], out[released])

    def cost_dimensions(self) -> dict[str, list[str]]:
        """The dimensions the cost book keeps too (not the splits by period or goods; the
        transit goods apart, so that their cost per consignment is their own)."""
        split = ("era", "era_direction", "era_port_direction", "goods_direction",
                 "direction_class", "port_direction_channel")  # (the book adds its own)
        return {d: g for d, g in self.dimensions.items() if d not in split}

    def _codes(self, a: np.ndarray) -> dict[str, np.ndarray]:
        """Each released row's group code in every dimension."""
        eras = self.periods if "era" in self.dimensions else None
        dims = self.dimensions
        return group_codes(a, self.port_mode, eras, "goods_direction" in dims,
                           "transit_direction" in dims)

    def _fold_times(self, a: np.ndarray, out: np.ndarray) -> None:
        """Clearance (and from lodgement to release) histograms by every dimension of rows
        released by customs; overall clearance (to an import's exit, an export's loading),
        milestone intervals and owners' hours of those of them out of the flow (``out``: the
        rest are still waiting for pick-up, exit or a departure)."""
        ms = a[:, _SMS:_SOWN]
        arrived, codes = ms[:, M["arrived"]], self._codes(a)
        self.times.fold("clearance", ms[:, M["released"]] - arrived, codes)
        declared = np.fmax(ms[:, M["lodged"]], arrived)  # (goods there and declared)
        self.times.fold("declared_to_release", ms[:, M["released"]] - declared, codes)
        self.times.fold("arrival_to_lodgement", declared - arrived, codes)  # (0: in advance)
        if not out.all():
            a, ms, arrived = a[out], ms[out], arrived[out]
            codes = {dim: code[out] for dim, code in codes.items()}
        end = flow_end(ms[:, _EXITED], ms[:, _LOADED])
        self.times.fold("overall_clearance", end - arrived, codes)
        self.times.fold("release_to_exit", end - ms[:, M["released"]], codes)
        left = ~np.isnan(ms[:, M["departed"]])  # exports: to their departure
        if left.any():
            to_departure = ms[left, M["departed"]] - arrived[left]
            self.times.fold("departure", to_departure, {d: c[left] for d, c in codes.items()})
        self._fold_intervals(a)

    def _fold_intervals(self, a: np.ndarray) -> None:
        """Milestone intervals and owners' hours of rows out of the flow."""
        self.intervals.fold(a)
        self.owner_sum += a[:, _SOWN:].sum(axis=0)
        self.owners.add(a)
        self.by_port.add_owners(a)
