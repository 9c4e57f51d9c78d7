"""The green lane in bulk: consignments that meet no lane, finished with numpy.

This is :func:`sim.model.flow.clearance` restricted to a path with no review, no check and no
gate, written on arrays: lodging, assessment, release and exit are arithmetic, and so is the
booking of time to owners. ``tests/test_fast_path.py`` runs scenarios with and without it and
requires identical results, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from sim.model import consignment as C
from sim.model.lane import Booking
from sim.model.milestones import (
    CUSTOMS,
    N_MILESTONES,
    QUARANTINE,
    TERMINAL,
    TRADER,
    M,
)

if TYPE_CHECKING:
    from sim.model.port import PortModel


@dataclass
class GreenBlock:
    port: int
    index: np.ndarray
    arrived: np.ndarray
    req: np.ndarray  # requirement rows (as in Consignment.req)
    m: np.ndarray  # milestones (k, N_MILESTONES)
    own: np.ndarray  # hours by owner (k, 5)
    channel: int = 0  # green; 1 or 2 when the one queue met was the document check or the scan


def green_flow(
    port: PortModel,
    index: np.ndarray,
    arrived: np.ndarray,
    req: np.ndarray,
    accepted: np.ndarray | None = None,
    document: tuple[np.ndarray, np.ndarray] | None = None,
    scan: tuple[np.ndarray, np.ndarray] | None = None,
) -> GreenBlock:
    """Milestones and owners of consignments that meet no lane, or exactly one: a declaration
    review that ended at ``accepted``, or a document check from ``document[0]`` to
    ``document[1]`` (both booked on their FIFO lanes)."""
    with np.errstate(invalid="ignore"):  # inf - inf, NaN: lanes that never serve, unbooked
        return _green(port, index, arrived, req, accepted, document, scan)


def _green(
    port: PortModel,
    index: np.ndarray,
    arrived: np.ndarray,
    req: np.ndarray,
    accepted: np.ndarray | None,
    document: tuple[np.ndarray, np.ndarray] | None,
    scan: tuple[np.ndarray, np.ndarray] | None,
) -> GreenBlock:
    k = len(arrived)
    m = np.full((k, N_MILESTONES), np.nan)
    own = np.zeros((k, 5))
    cursor = arrived.copy()

    def to(t: np.ndarray, owner: int) -> None:  # (NaN: a step never reached books nothing)
        own[:, owner] += np.fmax(t - cursor, 0.0)
        np.fmax(cursor, t, out=cursor)

    discharged = req[:, C.R_DISCHARGED]
    m[:, M["arrived"]] = arrived
    m[:, M["discharged"]] = discharged
    advance = req[:, C.R_ADVANCE] > 0
    t = np.where(advance, arrived - req[:, C.R_ADVANCE_LEAD], arrived + req[:, C.R_LODGING])
    m[:, M["lodged"]] = t
    to(t, TRADER)
    lodged_q = t
    if port.separate_declarations:
        lodged_q = t + req[:, C.R_SECOND]
        m[:, M["lodged_quarantine"]] = lodged_q
    if accepted is not None:  # reviewed by an officer (booked on the review lane)
        t = accepted
    m[:, M["accepted"]] = t
    to(t, CUSTOMS)
    t = t + port.assess
    m[:, M["assessed"]] = t
    to(t, CUSTOMS)
    channel = 0
    if document is not None:  # the document check booked on its lane
        m[:, M["doc_start"]], t = document
        m[:, M["doc_end"]] = t
        to(t, CUSTOMS)
        channel = 1
    if scan is not None:  # the scan booked on its lane, then an image review with no queue
        t = np.maximum(t, discharged)
        to(t, TERMINAL)
        m[:, M["scan_start"]], t = scan
        m[:, M["scan_end"]] = t
        to(t, CUSTOMS)
        ai = req[:, C.R_AI_READ] > 0
        t = np.where(ai, t + port.ai_time, t)
        cleared = ai & (req[:, C.R_AI_CLEAR] > 0)
        m[:, M["image_start"]] = np.where(cleared, np.nan, t)
        t = np.where(cleared, t, t + req[:, C.R_IMAGE_TIME])
        m[:, M["image_end"]] = t
        to(t, CUSTOMS)
        channel = 2
    if port.separate_declarations:
        q_done = lodged_q + req[:, C.R_FORM]
        m[:, M["quarantine_cleared"]] = q_done
        later = q_done > t
        t = np.where(later, q_done, t)
        own[:, QUARANTINE] += np.where(later, np.maximum(t - cursor, 0.0), 0.0)
        np.maximum(cursor, np.where(later, t, cursor), out=cursor)
    t = np.maximum(t, arrived)
    m[:, M["released"]] = t
    to(t, CUSTOMS)
    t = np.maximum(t, discharged)
    to(t, TERMINAL)
    t = t + req[:, C.R_PICKUP]
    to(t, TRADER)
    m[:, M["exited"]] = t
    return GreenBlock(port.index, index, arrived, req, m, own, channel)


class OneLaneBlock:
    """Consignments whose only queue is one FIFO lane (declaration review, document check, scan
    or the exit gate): each is booked on the lane, in time order with everybody else, and the
    block is finished with numpy once all are booked (or the run ends: those never booked are
    censored)."""

    def __init__(
        self,
        port: PortModel,
        kind: str,
        index: np.ndarray,
        arrived: np.ndarray,
        req: np.ndarray,
        now: float,
    ):
        self.port, self.kind, self.index, self.arrived, self.req = port, kind, index, arrived, req
        k = len(index)
        self.start = np.full(k, np.nan)
        self.end = np.full(k, np.nan)
        self.left = k
        self.done: Callable[[OneLaneBlock, GreenBlock], None] | None = None
        self.block: GreenBlock | None = None
        lodged = np.where(
            req[:, C.R_ADVANCE] > 0,
            arrived - req[:, C.R_ADVANCE_LEAD],
            arrived + req[:, C.R_LODGING],
        )
        if kind == "review":
            self.lane = port.review
            self.request = np.maximum(lodged, now)
            self.service = req[:, C.R_REVIEW_TIME]
        elif kind == "document":  # right after the risk assessment
            self.lane = port.document
            self.request = np.maximum(lodged + port.assess, now)
            self.service = req[:, C.R_DOC_TIME]
        elif kind == "scan":  # after the assessment, once the goods are discharged
            self.lane = port.scanners
            ready = np.maximum(lodged + port.assess, req[:, C.R_DISCHARGED])
            self.request = np.maximum(ready, now)
            self.service = req[:, C.R_SCAN_TIME]
        else:  # the gate, after release and pick-up
            self.lane = port.gate
            self.block = green_flow(port, index, arrived, req)
            self.request = np.maximum(self.block.m[:, M["exited"]], now)
            self.service = req[:, C.R_GATE]

    def book_all(self, cohort: np.ndarray, done: Callable[[OneLaneBlock, GreenBlock], None]):
        """Hand every request to the lane (it books them as its time comes)."""
        self.done, self.cohort = done, cohort
        lane = self.lane
        for i, (r, key, service, c) in enumerate(
            zip(
                self.request.tolist(),
                self.index.tolist(),
                self.service.tolist(),
                cohort.tolist(),
                strict=True,
            )
        ):
            b = Booking(lane, r, key, service, c)
            b.proceed = partial(self._booked, i)
            lane.defer(b)

    def _booked(self, i: int, start_end: tuple[float, float]) -> None:
        self.start[i], self.end[i] = start_end
        self.left -= 1
        if self.left == 0:
            self.finish()

    def finish(self) -> None:
        """Milestones from the booked times; unbooked ones stay NaN (censored)."""
        port, index, arrived, req = self.port, self.index, self.arrived, self.req
        if self.kind == "review":
            block = green_flow(port, index, arrived, req, accepted=self.end)
        elif self.kind == "document":
            block = green_flow(port, index, arrived, req, document=(self.start, self.end))
        elif self.kind == "scan":
            block = green_flow(port, index, arrived, req, scan=(self.start, self.end))
            officer = ~np.isnan(self.end) & ~np.isnan(block.m[:, M["image_start"]])
            port.image_officers.delay_many(req[officer, C.R_IMAGE_TIME], self.cohort[officer])
        else:
            block = self.block
            assert block is not None
            exited = block.m[:, M["exited"]]
            block.own[:, TERMINAL] += np.where(self.end > exited, self.end - exited, 0.0)
            block.m[:, M["exited"]] = self.end
        assert self.done is not None
        self.done(self, block)
