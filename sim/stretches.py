"""The Time Release Study stretches, declared once: each row of the milestone intervals
table with its kind, the milestones it runs between, its owner, and the segment of Doing
Business's "Trading across Borders" its hours count in.

The model reads them (:mod:`sim.model.intervals`, which places each by the chain), the
scenario's idling section names those a vehicle may wait through (:data:`FLOW`) and the
trading table sums its segments (:data:`DOCUMENTARY`, :data:`BORDER`, :data:`OUTSIDE`). It
imports nothing of the model or the schema, so the scenario layer reads it without importing
the model. A new stretch is one row here (with its flags: the intervals table's
:data:`WHOLE`, :data:`NO_WHOLE` and :data:`POSITIVE_ONLY`, the trucks' :data:`HOLD` are views
of them), placed by the chain in ``sim/model/intervals.py``.
"""

from __future__ import annotations

from typing import NamedTuple

TO_RELEASE, AFTER_RELEASE, PARALLEL, TOTAL = "to_release", "after_release", "parallel", "total"
PREVIOUS = "previous_end"  # a wait's start: where the stretch before it ended
#: the trading table's segments: documentary compliance, border compliance (a stretch outside
#: both names instead the column its hours are given in)
DOC, BORDER_SEGMENT = "documentary", "border"


class Stretch(NamedTuple):
    """One row of the intervals table: its name, kind (``to_release``, ``after_release``,
    ``parallel`` or ``total``), the milestones it runs between, its owner and, for a stretch
    of the flow, its trading segment (``documentary``, ``border``, or the column of the
    trading table its hours are given in, outside both). Its flags, off unless the row
    names them: ``whole``, its whole run between its milestones differs from the part that
    adds (work before arrival, clipped; a wait beside the checks, of which only the binding
    part adds) and is kept apart; ``no_whole``, it has no milestone of its own to start from,
    so no whole stretch to give; ``positive_only``, its mean is among the consignments that
    spent time in it (a wait most never have, or a lane some ports lack); ``hold``, it is
    part of the hold of a truck whose load was opened (:mod:`sim.analysis.trucks`)."""

    name: str
    kind: str
    start: str
    end: str
    owner: str
    segment: str | None = None
    whole: bool = False
    no_whole: bool = False
    positive_only: bool = False
    hold: bool = False


_B = BORDER_SEGMENT  # (short, so that each row fits on a line or two)
#: Every row, in route order. Names that are no milestone: ``previous_end`` (a wait starts
#: where the stretch before it ended), ``decided`` (the organisation's decision back at the
#: port: its hours are ``own_organisation``, no milestone ends them), ``available`` (the later
#: of ``released`` and ``discharged``) and ``end_of_flow`` (``exited`` or ``loaded``).
#: ``image_review`` starts at ``scan_end`` for the images AI clears (no officer reads them);
#: ``exam_yard`` runs to ``inspected`` less the examinations in it, its own rows. Only a
#: returned declaration passes the three before ``acceptance`` (sim/model/interval_returns.py);
#: only transit goods the two before ``lodging`` (sim/model/interval_transit.py). Segments:
#: the documents hold the goods in the trader's lodging, a declaration's acceptance (a
#: returned one's reviews and correction), the second declaration to quarantine and
#: quarantine's clearance form; customs, other agencies and port handling in every other
#: stretch to release (transit goods' formalities at the entry port too) and the port's own
#: handling after it; domestic transport (the pickup, the wait to load, the crossing, the
#: transit journey under seal, 转关) in neither.
STRETCHES = (
    Stretch("transit_formalities", TO_RELEASE, "arrived", "transit_sealed", "customs", _B),
    Stretch("transit_travel", TO_RELEASE, "transit_sealed", "transit_arrived", "trader",
            "transit_h"),
    Stretch("lodging", TO_RELEASE, "arrived", "lodged", "trader", DOC, whole=True),
    Stretch("returned_review", TO_RELEASE, "lodged", "returned", "customs", DOC),
    Stretch("correction", TO_RELEASE, "returned", "relodged", "trader", DOC, whole=True),
    Stretch("second_review", TO_RELEASE, "relodged", "accepted", "customs", DOC, whole=True),
    Stretch("acceptance", TO_RELEASE, "lodged", "accepted", "customs", DOC, whole=True),
    Stretch("assessment", TO_RELEASE, "accepted", "assessed", "customs", _B, whole=True),
    Stretch("escalation", TO_RELEASE, "assessed", "decided", "organisation", _B, no_whole=True,
            positive_only=True),
    Stretch("document_check_wait", TO_RELEASE, PREVIOUS, "doc_start", "customs", _B, no_whole=True),
    Stretch("document_check", TO_RELEASE, "doc_start", "doc_end", "customs", _B, whole=True),
    Stretch("awaiting_goods", TO_RELEASE, PREVIOUS, "discharged", "terminal", _B, no_whole=True,
            positive_only=True),
    Stretch("scan_wait", TO_RELEASE, PREVIOUS, "scan_start", "customs", _B, no_whole=True),
    Stretch("scan", TO_RELEASE, "scan_start", "scan_end", "customs", _B),
    Stretch("image_review_wait", TO_RELEASE, "scan_end", "image_start", "customs", _B),
    Stretch("image_review", TO_RELEASE, "image_start", "image_end", "customs", _B),
    Stretch("second_declaration_wait", TO_RELEASE, PREVIOUS, "lodged_quarantine", "trader", DOC,
            no_whole=True, positive_only=True),
    Stretch("exam_yard", TO_RELEASE, PREVIOUS, "inspected", "mixed", _B, no_whole=True, hold=True),
    Stretch("physical_exam", TO_RELEASE, "exam_start", "exam_end", "customs", _B, hold=True),
    Stretch("quarantine_check", TO_RELEASE, "quarantine_start", "quarantine_end", "quarantine", _B,
            hold=True),
    Stretch("laboratory", TO_RELEASE, "lab_start", "lab_end", "quarantine", _B, hold=True),
    Stretch("treatment", TO_RELEASE, "treatment_start", "treated", "quarantine", _B, hold=True),
    Stretch("quarantine_form", TO_RELEASE, PREVIOUS, "quarantine_cleared", "quarantine", DOC,
            whole=True),
    Stretch("duty_payment", TO_RELEASE, PREVIOUS, "duty_paid", "trader", _B, whole=True),
    Stretch("awaiting_discharge", AFTER_RELEASE, "released", "discharged", "terminal", _B,
            positive_only=True),
    Stretch("pickup", AFTER_RELEASE, "available", "picked_up", "trader", "pickup_h"),
    Stretch("gate", AFTER_RELEASE, "picked_up", "exited", "terminal", _B, positive_only=True),
    Stretch("loading", AFTER_RELEASE, "released", "loaded", "carrier", "loading_wait_h"),
    Stretch("crossing", AFTER_RELEASE, "released", "loaded", "trader", "crossing_h"),
    Stretch("vessel_discharge", PARALLEL, "arrived", "discharged", "terminal", positive_only=True),
    Stretch("second_declaration", PARALLEL, "lodged", "lodged_quarantine", "trader"),
    Stretch("laboratory_after_release", PARALLEL, "lab_start", "lab_end", "quarantine"),
    Stretch("full_declaration", PARALLEL, "released", "full_declared", "trader"),
    Stretch("tax_review", PARALLEL, "released", "tax_reviewed", "customs"),
    Stretch("recall", PARALLEL, "released", "recalled", "quarantine"),
    Stretch("clearance", TOTAL, "arrived", "released", "total"),
    Stretch("overall_clearance", TOTAL, "arrived", "end_of_flow", "total"),
)  # fmt: skip
#: the stretches that partition a consignment's time from arrival to the end of its flow,
#: in route order
FLOW = tuple(s.name for s in STRETCHES if s.kind in (TO_RELEASE, AFTER_RELEASE))
#: the stretches of documentary compliance and of border compliance, in route order
DOCUMENTARY = tuple(s.name for s in STRETCHES if s.segment == DOC)
BORDER = tuple(s.name for s in STRETCHES if s.segment == BORDER_SEGMENT)
#: the views of the rows' flags (see :class:`Stretch`), in route order
WHOLE = tuple(s.name for s in STRETCHES if s.whole)
NO_WHOLE = frozenset(s.name for s in STRETCHES if s.no_whole)
POSITIVE_ONLY = frozenset(s.name for s in STRETCHES if s.positive_only)
HOLD = tuple(s.name for s in STRETCHES if s.hold)


def _outside() -> dict[str, str]:
    """The stretches of the flow outside both segments -> their column (those after release
    first, then the transit journey before it: the table's order of columns)."""
    flow = [s for s in STRETCHES if s.kind in (TO_RELEASE, AFTER_RELEASE)]
    return {
        s.name: s.segment
        for s in sorted(flow, key=lambda s: s.kind == TO_RELEASE)
        if s.segment is not None and s.segment not in (DOC, BORDER_SEGMENT)
    }


#: the stretches outside both segments -> the column their hours are given in
OUTSIDE = _outside()
