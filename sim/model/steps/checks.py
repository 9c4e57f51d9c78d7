"""Checks before any box is opened: the document check, the scan and the image review (AI,
then an officer for the images AI does not clear). Plan rule, scalar and bulk forms side by
side."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import (
    CUSTOMS,
    DOC_END,
    DOC_START,
    IMAGE_END,
    IMAGE_START,
    SCAN_END,
    SCAN_START,
    TERMINAL,
)
from sim.model.route import Step, at_port, finite

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

GOODS_READY = R.goods_ready


class DocumentCheck(Step):
    name = "document_check"
    visits_lane = True
    lane_attr = "document"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        # two-step processing moves the review after release (steps.after.TaxReview)
        selected = (r[:, R.sel_document] > 0) & (r[:, R.tax_after] == 0)
        return at_port(p.document is not None, selected)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), int(finite(p.document)))

    def visit(self, j: Journey) -> tuple[Any, float, float]:
        return j.port.document, j.t, j.r[R.doc_time]

    def visited(self, j: Journey, start: float, end: float) -> None:
        j.m[DOC_START], j.m[DOC_END] = start, end
        j.t = end
        j.c.did_doc = True
        j.clock.to(end, CUSTOMS)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        start, end = yield from b.serve(b.port.document, b.t, b.req[:, R.doc_time], rows)
        b.m[rows, DOC_START] = start[rows]
        b.t = t = np.where(rows, end, b.t)
        b.m[rows, DOC_END] = t[rows]
        b.to(t, CUSTOMS)
        b.did[:, 0] |= rows & ~np.isnan(t)


def scanned(p: Port, r: np.ndarray) -> np.ndarray:
    return at_port(p.scanners is not None, r[:, R.sel_scan] > 0)


def read_by_officer(r: np.ndarray) -> np.ndarray:
    """Images an officer reads: those AI does not read, or reads and does not clear."""
    return ~((r[:, R.ai_read] > 0) & (r[:, R.ai_clear] > 0))


class Scan(Step):
    """A non-intrusive scan, once the goods are discharged."""

    name = "scan"
    visits_lane = True
    lane_attr = "scanners"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return scanned(p, r)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), int(finite(p.scanners)))

    def visit(self, j: Journey) -> tuple[Any, float, float]:
        t, discharged = j.t, j.r[GOODS_READY]
        if t < discharged:
            t = discharged
            j.clock.to(t, TERMINAL)
        return j.port.scanners, t, j.r[R.scan_time]

    def visited(self, j: Journey, start: float, end: float) -> None:
        j.m[SCAN_START], j.m[SCAN_END] = start, end
        j.t = end
        j.c.did_scan = True
        j.clock.to(end, CUSTOMS)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        t = np.where(rows, np.maximum(b.t, b.discharged), b.t)
        b.to(t, TERMINAL)
        start, end = yield from b.serve(b.port.scanners, t, b.req[:, R.scan_time], rows)
        b.m[rows, SCAN_START] = start[rows]
        b.t = t = np.where(rows, end, t)
        b.m[rows, SCAN_END] = t[rows]
        b.to(t, CUSTOMS)
        b.did[:, 1] |= rows & ~np.isnan(t)


class ImageReview(Step):
    """Every scan image is reviewed: AI reads a share in seconds and clears some of what it
    reads; an officer reviews the rest (and may refer the goods to a physical exam)."""

    name = "image_review"
    visits_lane = True
    lane_attr = "image_officers"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return scanned(p, r)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return read_by_officer(r).astype(np.int64) * int(finite(p.image_officers))

    def visit(self, j: Journey) -> tuple[Any, float, float] | None:
        r, t = j.r, j.t
        if r[R.ai_read]:
            t += j.port.ai_time
            if r[R.ai_clear]:  # cleared by AI: no officer
                j.m[IMAGE_END] = j.t = t
                j.clock.to(t, CUSTOMS)
                return None
        return j.port.image_officers, t, r[R.image_time]

    def visited(self, j: Journey, start: float, end: float) -> None:
        j.m[IMAGE_START], j.m[IMAGE_END] = start, end
        j.t = end
        j.clock.to(end, CUSTOMS)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        req = b.req
        ai = rows & (req[:, R.ai_read] > 0)
        t = np.where(ai, b.t + b.port.ai_time, b.t)
        officer = rows & ~(ai & (req[:, R.ai_clear] > 0))
        start, end = yield from b.serve(b.port.image_officers, t, req[:, R.image_time], officer)
        b.m[officer, IMAGE_START] = start[officer]
        b.t = t = np.where(officer, end, t)
        b.m[rows, IMAGE_END] = t[rows]
        b.to(t, CUSTOMS)
