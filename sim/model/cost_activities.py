"""The activities a consignment's use of the agency is measured by, for sharing fixed costs
(DESIGN.md section 3, "Cost"): which activity each lane serves (from the lane catalogue,
:mod:`sim.lane_catalogue`), and each consignment's use of them, the weights by which
:mod:`sim.model.costbook` shares a port's fixed costs, so that a lane's staff are paid for by
the consignments that used the lane. One declaration each; the hours of each check between
the milestones that bound it; and a count where the log marks no start of service: the
laboratory's tests, and the transit goods sealed at the entry port, whose transit desk
(``transit.desk``) serves each once (at a port without a desk the activity has no cost, so
the count moves nothing there). A new activity is added here: its name, its spans or count
and, with a new lane, the lane's ``activity`` in the catalogue."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.lane_catalogue import ACTIVITY

#: what a consignment's use of the agency is measured by, for sharing fixed costs
ACTIVITIES = (
    "declaration", "document", "scan", "image", "exam", "quarantine", "yard", "lab", "transit"
)
#: the activity each lane (and machine) serves, whose consignments share its cost: every
#: lane, from the catalogue, and the laboratory; other items (an organisation's units) serve
#: every declaration
LANE_ACTIVITY = {**ACTIVITY, "lab": "lab"}
#: the milestones bounding each activity measured in hours (yard: examination or quarantine
#: check)
SPANS = {
    "document": [("doc_start", "doc_end")],
    "scan": [("scan_start", "scan_end")],
    "image": [("image_start", "image_end")],
    "exam": [("exam_start", "exam_end")],
    "quarantine": [("quarantine_start", "quarantine_end")],
    "yard": [("exam_start", "exam_end"), ("quarantine_start", "quarantine_end")],
}
#: the activities measured by a count: the milestone each consignment that used it reached
COUNTS = {"lab": "lab_end", "transit": "transit_sealed"}


def activity_use(col: Mapping[str, np.ndarray]) -> np.ndarray:
    """Each consignment's use of every activity (columns :data:`ACTIVITIES`): 1 declaration,
    hours of each check, laboratory tests, transit formalities."""
    out = np.zeros((len(col["port"]), len(ACTIVITIES)))
    out[:, ACTIVITIES.index("declaration")] = 1.0
    for name, spans in SPANS.items():
        j = ACTIVITIES.index(name)
        for start, end in spans:
            out[:, j] += np.nan_to_num(col[end] - col[start])
    for name, milestone in COUNTS.items():
        out[:, ACTIVITIES.index(name)] = ~np.isnan(col[milestone])
    return out
