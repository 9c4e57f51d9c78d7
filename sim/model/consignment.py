"""A Consignment: one declaration, what it carries, and everything it may ever need.

Every random quantity is drawn when the consignment is created, as one row of ``WIDTH``
uniforms keyed by its port and arrival index; the row is then turned into attributes and
service requirements through inverse CDFs. The column of each quantity is fixed here, so the
same consignment carries the same draws whatever a reform changes downstream. Columns 34-47
are reserved, so that later additions do not shift the ones below.
"""

from __future__ import annotations

import math

# --- uniform columns (never renumber: they are the common random numbers) ------------------
(
    U_DIRECTION,
    U_COMMODITY,
    U_CLASS,
    U_VALUE,
    U_ORIGIN,
    U_CONTAINERS,
    U_DISCHARGE,
    U_ADVANCE,
    U_ADVANCE_LEAD,
    U_LODGING,
    U_REVIEW,
    U_REVIEW_TIME,
    U_SECOND,
    U_SEL_DOC,
    U_SEL_SCAN,
    U_SEL_PHYS,
    U_SEL_QUAR,
    U_DOC_TIME,
    U_SCAN_TIME,
    U_AI_READ,
    U_AI_CLEAR,
    U_IMAGE_TIME,
    U_REFER,
    U_MOVE,
    U_EXAM_TIME,
    U_QCHECK,
    U_SAMPLE,
    U_INCUBATION,
    U_FORM,
    U_HIT,
    U_REJECT,
    U_PICKUP,
    U_GATE,
    U_QMOVE,
) = range(34)
WIDTH = 48

# --- fields of a consignment's requirement tuple --------------------------------------------
REQUIREMENTS = (
    "direction",
    "commodity",
    "trader_class",
    "value",
    "origin",
    "containers",
    "goods_ready",
    "advance",
    "advance_lead",
    "lodging_delay",
    "review",
    "review_time",
    "second_submission",
    "sel_document",
    "sel_scan",
    "sel_physical",
    "sel_quarantine",
    "doc_time",
    "scan_time",
    "ai_read",
    "ai_clear",
    "image_time",
    "refer",
    "move",
    "exam_time",
    "quarantine_time",
    "sample",
    "incubation",
    "clearance_form",
    "exam_hit",
    "quarantine_reject",
    "pickup",
    "gate_time",
    "quarantine_move",
)
(
    R_DIRECTION,
    R_COMMODITY,
    R_CLASS,
    R_VALUE,
    R_ORIGIN,
    R_CONTAINERS,
    R_DISCHARGED,
    R_ADVANCE,
    R_ADVANCE_LEAD,
    R_LODGING,
    R_REVIEW,
    R_REVIEW_TIME,
    R_SECOND,
    R_SEL_DOC,
    R_SEL_SCAN,
    R_SEL_PHYS,
    R_SEL_QUAR,
    R_DOC_TIME,
    R_SCAN_TIME,
    R_AI_READ,
    R_AI_CLEAR,
    R_IMAGE_TIME,
    R_REFER,
    R_MOVE,
    R_EXAM_TIME,
    R_QCHECK,
    R_SAMPLE,
    R_INCUBATION,
    R_FORM,
    R_HIT,
    R_REJECT,
    R_PICKUP,
    R_GATE,
    R_QMOVE,
) = range(len(REQUIREMENTS))


class Consignment:
    """One declaration moving through the clearance flow."""

    __slots__ = (
        "port",
        "index",
        "arrived",
        "cohort",
        "req",
        "m",
        "own",
        "outcome",
        "deferred",
        "did_doc",
        "did_scan",
        "did_physical",
        "did_quarantine",
    )

    def __init__(self, port: int, index: int, arrived: float, cohort: bool, req: tuple):
        self.port, self.index, self.arrived, self.cohort, self.req = (
            port,
            index,
            arrived,
            cohort,
            req,
        )
        self.m = [math.nan] * 21
        self.own = [0.0, 0.0, 0.0, 0.0, 0.0]
        self.outcome = 0
        self.deferred = False  # its one lane visit is booked lazily (see FifoLane.defer)
        self.did_doc = self.did_scan = self.did_physical = self.did_quarantine = False
