"""Enforcement results in three layers, side by side and never mixed (DESIGN.md section 3):

- the *truth*: illicit declarations by type and port (route), and their illicit value (the
  true value; of undervaluation, only the hidden part: :func:`illicit_value`);
- *effectiveness*: what was detected, by count and by value, by type, port and the check that
  found it (before release, or after it: a tax review, a recall of goods released before their
  laboratory result, the post-clearance audit); value seized and slipped (goods recalled but
  already sold slip); recalls. Goods still held by customs, undetected, when the run ends
  (censored, not released) have no known outcome: they are counted apart (``held``), neither
  slipped nor in the detection rates' denominators;
- what *customs sees*: inspection, document-check and hit rates, seizures per 1,000
  declarations, the burden on compliant traders and the clearance time it adds.

Streamed: blocks of finished consignments are folded into fixed-size counters (by port x
truth code, by check, by day), so memory does not grow with the number of consignments.
Detection is a pure function of a consignment's truth draws and the checks it actually had,
so the bulk and SimPy interpreters need not report it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from sim.model.enforcement_eras import ERA, EraTally
from sim.model.finders import (
    AFTER,
    AUDIT_LAG,
    CAUGHT_CODES,
    CHECK_NAMES,
    DOC,
    FINDERS,
    PHYSICAL,
    QUARANTINE,
    RECALLED,
    RECOVERED,
    SCAN,
    TRUTH,
    UNDERVALUATION,
    credited,
    finders,
)
from sim.model.milestones import RELEASED
from sim.scenario.base import DIRECTIONS, TRADER_CLASSES

_D = len(DIRECTIONS)  # the truth counters' rows: port x direction, imports and exports apart
_AUDIT = FINDERS.index("audit")
#: the daily series' counts: declarations, illicit ones, illicit ones detected before release
#: (as ``detected`` in the enforcement table: ``detection_rate``), found after release by the
#: post-clearance checks (``audit_detected``), inspected (scan, physical or quarantine), and
#: illicit ones still held by customs undetected when the run ended (``held``: their outcome
#: is not known, so ``detection_rate`` leaves them out)
DAILY = ("declarations", "illicit", "detected", "audit_detected", "inspected", "held")
#: the counts per port, direction and trader class: :data:`ERA`'s, compliant ones (no illicit
#: goods) and of them inspected (the burden on honest traders) after the inspected, last the
#: document-checked: a credit rule's or an accreditation's effect on each class, read apart
BY_CLASS = ERA[:2] + ("compliant", "compliant_inspected") + ERA[2:] + ("document_checked",)


def illicit_value(code: np.ndarray, true_value: np.ndarray, declared: np.ndarray) -> np.ndarray:
    """The value a consignment's truth row counts: for undervaluation the hidden part (true
    value - declared value: the goods themselves are legal), else the true value."""
    hidden = np.maximum(true_value - declared, 0.0)
    return np.where(code == UNDERVALUATION, hidden, true_value)


class EnforcementTally:
    """Running enforcement counters of the cohort."""

    def __init__(
        self,
        ports: list[str],
        days: int,
        warmup: float,
        parcels: Sequence[bool] = (),
        periods: Sequence[float] = (),
        end: float = np.inf,
    ):
        self.ports, self.warmup, self.end = ports, warmup, end
        #: by port: whether it is a post or express hub (parcel lists, not goods declarations)
        self.parcels = list(parcels) or [False] * len(ports)
        shape = (len(ports) * _D, len(TRUTH))
        self.n = np.zeros(shape, np.int64)
        self.value = np.zeros(shape)
        self.detected = np.zeros(shape, np.int64)  # before release
        self.detected_value = np.zeros(shape)
        self.audited = np.zeros(shape, np.int64)  # found after release
        self.audited_value = np.zeros(shape)
        self.seized = np.zeros(shape, np.int64)  # seized, detained or rejected
        self.seized_value = np.zeros(shape)
        self.held = np.zeros(shape, np.int64)  # censored, not released, not found: not known
        self.held_value = np.zeros(shape)
        self.inspection_found = np.zeros(shape, np.int64)  # before release, by scan/exam/quar.
        self.found_by = np.zeros((len(FINDERS), len(TRUTH)), np.int64)
        self.audit_by_end = 0  # the audit's finds due (release + lag) by the run's end
        #: per route (port x direction) and check: declarations checked, hits
        self.done = np.zeros((len(ports) * _D, len(CHECK_NAMES)), np.int64)
        self.hits = np.zeros((len(ports) * _D, len(CHECK_NAMES)), np.int64)
        #: per port, direction and trader class: the counts of :data:`BY_CLASS`
        self.by_class = np.zeros((len(ports), _D, len(TRADER_CLASSES), len(BY_CLASS)), np.int64)
        #: per route (port x direction): declarations seized, detained or rejected
        self.caught = np.zeros(len(ports) * _D, np.int64)
        #: compliant released, per route (port x direction): [uninspected, inspected] x
        #: (n, clearance sum)
        self.burden_time = np.zeros((len(ports) * _D, 2, 2))
        #: per observed day and route (port x direction): declarations, illicit, detected
        #: before release, found after it (audit), inspected (:data:`DAILY`)
        self.daily = np.zeros((max(1, days), len(ports) * _D, len(DAILY)), np.int64)
        self.recalls = np.zeros(2, np.int64)  # goods recalled after release, not recovered
        self.eras = EraTally(periods)  # by a timeline's period, if any

    def fold(
        self,
        port: np.ndarray,
        direction: np.ndarray,
        outcome: np.ndarray,
        checks: np.ndarray,
        trader_class: np.ndarray,
        req: np.ndarray,
        arrived: np.ndarray,
        clearance: np.ndarray,
        declared: np.ndarray,
        after: np.ndarray | None = None,
        quarantine_first: np.ndarray | None = None,
        held: np.ndarray | None = None,
    ) -> None:
        """Fold a block: ``req`` holds the :data:`COLUMNS` of each consignment, ``declared``
        its declared value, ``after`` the :func:`after_bits`, ``quarantine_first`` whether
        its quarantine check started before its exam (separate inspection: goods both find
        are credited to the quarantine check), ``held`` whether it was still held by customs
        (censored, not released) when the run ended."""
        code = req[:, 0].astype(int)
        value = illicit_value(code, req[:, 1], declared)
        did = {b: (checks & b) > 0 for b in (DOC, SCAN, PHYSICAL, QUARANTINE)}
        illicit = code > 0
        found = finders(code, did, req, after)
        for f in AFTER:  # (found after release: of goods released, as ``audit`` below)
            found[f] = found[f] & (outcome == RELEASED)
        before = found["document"] | found["exam"] | found["quarantine"]
        later = np.any([found[f] for f in AFTER], axis=0)
        audit = ~before & (outcome == RELEASED) & later
        if after is not None:
            recalled = (after & RECALLED) > 0
            lost = recalled & ((after & RECOVERED) == 0)  # (recalled, not recovered)
            self.recalls += (int(recalled.sum()), int(lost.sum()))
        unknown = np.zeros(len(code), bool) if held is None else held & ~before  # (not known)
        route, caught = port * _D + direction, np.isin(outcome, CAUGHT_CODES)
        by_inspection = found["exam"] | found["quarantine"]  # (not the document check)
        self._truth(route, code, value, (before, by_inspection), audit, outcome, unknown)
        self.caught += np.bincount(route[caught], minlength=self.caught.size)
        credits = credited(found, quarantine_first)
        for i, first in enumerate(credits):
            self.found_by[i] += np.bincount(code[first & illicit], minlength=len(TRUTH))
        due = arrived + clearance + req[:, AUDIT_LAG]  # (the audit's find: release + its lag)
        by_audit = credits[_AUDIT] & illicit
        self.audit_by_end += int(np.count_nonzero(by_audit & (due <= self.end)))
        self._seen(did, found, req, route)
        self._burden(route, illicit, did, outcome, clearance)
        found_when = (illicit & before, illicit & audit, illicit & unknown)
        self._days(route, arrived, illicit, found_when, did)
        inspected = did[SCAN] | did[PHYSICAL] | did[QUARANTINE]
        era = (inspected, caught, illicit & ~unknown, found_when[0])  # (ERA's after the first)
        honest = (~illicit, ~illicit & inspected)
        self._classes(route, trader_class, (*era[:1], *honest, *era[1:], did[DOC]))
        if self.eras.on:
            self.eras.fold(arrived, direction, code, era)

    def _truth(
        self,
        route: np.ndarray,
        code: np.ndarray,
        value: np.ndarray,
        found: tuple[np.ndarray, np.ndarray],
        audit: np.ndarray,
        outcome: np.ndarray,
        unknown: np.ndarray,
    ) -> None:
        """Count the block's truth rows; ``found``: detected before release, and of them by an
        inspection (a scan's exam, an exam or a quarantine check: what China counts as hits)."""
        (before, by_inspection), k = found, len(TRUTH)
        cell = route * k + code  # (route: the row of a port and direction)
        size = len(self.ports) * _D * k

        def add(into: np.ndarray, rows: np.ndarray, weights: np.ndarray | None = None) -> None:
            w = None if weights is None else weights[rows]
            into += (
                np.bincount(cell[rows], weights=w, minlength=size)
                .reshape(into.shape)
                .astype(into.dtype)
            )

        every = np.ones(len(code), bool)
        add(self.n, every)
        add(self.value, every, value)
        add(self.detected, before)
        add(self.detected_value, before, value)
        add(self.audited, audit)
        add(self.audited_value, audit, value)
        add(self.held, unknown)
        add(self.held_value, unknown, value)
        add(self.seized, caught := np.isin(outcome, CAUGHT_CODES))
        add(self.seized_value, caught, value)
        add(self.inspection_found, by_inspection)

    def _seen(
        self,
        did: dict[int, np.ndarray],
        found: dict[str, np.ndarray],
        req: np.ndarray,
        route: np.ndarray,
    ) -> None:
        """What customs sees, per route (port x direction): checks done and
        the hits each had (a hit: the check's alarm was confirmed by a finding)."""
        confirmed = found["document"] | found["exam"] | found["quarantine"]
        officer_read = ~((req[:, 3] > 0) & (req[:, 4] > 0))
        referred = did[SCAN] & officer_read & (req[:, 5] > 0)
        hits = (
            did[DOC] & (req[:, 2] > 0) & confirmed,
            referred & found["exam"],
            found["exam"],
            found["quarantine"],
        )
        for i, b in enumerate((DOC, SCAN, PHYSICAL, QUARANTINE)):
            self.done[:, i] += np.bincount(route[did[b]], minlength=len(self.done))
            self.hits[:, i] += np.bincount(route[hits[i]], minlength=len(self.hits))

    def _classes(self, route: np.ndarray, trader_class: np.ndarray, counts: Sequence[Any]) -> None:
        """Count the block by route and trader class: all, then :data:`BY_CLASS`'s rest."""
        cell = route * len(TRADER_CLASSES) + trader_class
        size, shape = self.by_class[..., 0].size, self.by_class.shape[:3]
        for j, rows in enumerate((np.ones(len(cell), bool), *counts)):
            self.by_class[..., j] += np.bincount(cell[rows], minlength=size).reshape(shape)

    def _burden(
        self,
        route: np.ndarray,
        illicit: np.ndarray,
        did: dict[int, np.ndarray],
        outcome: np.ndarray,
        t: np.ndarray,
    ) -> None:
        inspected = did[SCAN] | did[PHYSICAL] | did[QUARANTINE]
        size = len(self.burden_time)
        released = ~illicit & (outcome == RELEASED)
        for i, rows in enumerate((released & ~inspected, released & inspected)):
            self.burden_time[:, i, 0] += np.bincount(route[rows], minlength=size)
            self.burden_time[:, i, 1] += np.bincount(route[rows], t[rows], minlength=size)

    def _days(
        self,
        route: np.ndarray,
        arrived: np.ndarray,
        illicit: np.ndarray,
        found_when: tuple[np.ndarray, np.ndarray, np.ndarray],
        did: dict[int, np.ndarray],
    ) -> None:
        """Count the block by observed day (day 0 starts at the end of the warm-up), as the
        columns of :data:`DAILY`; ``found_when``: the illicit ones detected before release,
        found after it and held undetected at the end."""
        days, routes = self.daily.shape[:2]
        day = np.clip(((arrived - self.warmup) // 24).astype(int), 0, days - 1)
        cell = day * routes + route
        inspected = did[SCAN] | did[PHYSICAL] | did[QUARANTINE]
        every = np.ones(len(day), bool)
        detected, audited, held = found_when
        for j, rows in enumerate((every, illicit, detected, audited, inspected, held)):
            counts = np.bincount(cell[rows], minlength=days * routes)
            self.daily[:, :, j] += counts.reshape(days, routes)

    # -- results -------------------------------------------------------------------------
    def table(self) -> pd.DataFrame:
        """Per port (route), direction and truth code: declarations, value (the illicit value:
        :func:`illicit_value`), detected before and after release, value seized, held
        undetected at the end (outcome not known), those seized, detained or rejected, and (last)
        those found before release by an inspection (scan, exam or quarantine), not by the
        document check alone."""
        cols = {
            "declarations": self.n, "value": self.value, "detected": self.detected,
            "detected_value": self.detected_value, "audit_detected": self.audited,
            "audit_detected_value": self.audited_value, "seized_value": self.seized_value,
            "held": self.held, "held_value": self.held_value, "seized": self.seized,
            "found_on_inspection": self.inspection_found,
        }  # fmt: skip
        rows = []
        routes = [(port, d) for port in self.ports for d in DIRECTIONS]
        for p, (port, direction) in enumerate(routes):
            for k, kind in enumerate(TRUTH):
                if self.n[p, k]:  # (.item(): an int of a count, a float of a value)
                    at = {c: a[p, k].item() for c, a in cols.items()}
                    rows.append({"port": port, "direction": direction, "truth": kind, **at})
        return pd.DataFrame(rows)

    def daily_table(self) -> pd.DataFrame:
        """Per observed day (0: the first day after the warm-up, as ``day`` in the smuggling
        table), port and direction: the columns of :data:`DAILY`, which sum to the
        enforcement table's (every day of each port and direction that had declarations at
        all, so that a day without any shows as 0)."""
        cols = list(DAILY)
        days, routes = self.daily.shape[:2]
        used = np.flatnonzero(self.daily[:, :, 0].sum(axis=0))
        df = pd.DataFrame(self.daily[:, used].reshape(-1, len(cols)), columns=cols)
        df.insert(0, "day", np.repeat(np.arange(days), len(used)))
        df.insert(1, "port", np.tile([self.ports[r // _D] for r in used], days))
        df.insert(2, "direction", np.tile([DIRECTIONS[r % _D] for r in used], days))
        return df

    def metrics(self) -> dict[str, float]:
        """Flat metrics of the three layers (see the module docstring)."""
        from sim.model.enforcement_metrics import enforcement_metrics

        return enforcement_metrics(self)
