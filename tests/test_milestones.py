"""The interpreters index milestones by named positions; each must name its own milestone, so
that a reordered list can never silently move one milestone's time into another's column."""

from __future__ import annotations

from sim.model import milestones as ms

#: the named position of each milestone, written out independently of the module's list
POSITIONS = {
    "ARRIVED": "arrived",
    "TRANSIT_SEALED": "transit_sealed",
    "TRANSIT_ARRIVED": "transit_arrived",
    "DISCHARGED": "discharged",
    "LODGED": "lodged",
    "LODGED_Q": "lodged_quarantine",
    "RETURNED": "returned",
    "RELODGED": "relodged",
    "ACCEPTED": "accepted",
    "ASSESSED": "assessed",
    "DOC_START": "doc_start",
    "DOC_END": "doc_end",
    "SCAN_START": "scan_start",
    "SCAN_END": "scan_end",
    "IMAGE_START": "image_start",
    "IMAGE_END": "image_end",
    "EXAM_START": "exam_start",
    "EXAM_END": "exam_end",
    "Q_START": "quarantine_start",
    "Q_END": "quarantine_end",
    "INSPECTED": "inspected",
    "LAB_START": "lab_start",
    "LAB_END": "lab_end",
    "Q_CLEARED": "quarantine_cleared",
    "RELEASED_AT": "released",
    "PICKED_UP": "picked_up",
    "EXITED": "exited",
    "LOADED": "loaded",
    "TREATMENT_START": "treatment_start",
    "TREATED": "treated",
    "DUTY_PAID": "duty_paid",
    "FULL_DECLARED": "full_declared",
    "TAX_REVIEWED": "tax_reviewed",
    "RECALLED": "recalled",
    "RECOVERED": "recovered",
    "DEPARTED": "departed",
}


def test_every_named_position_points_at_its_own_milestone():
    for constant, name in POSITIONS.items():
        assert ms.MILESTONES[getattr(ms, constant)] == name, constant
    assert sorted(POSITIONS.values()) == sorted(ms.MILESTONES)  # every milestone is named
