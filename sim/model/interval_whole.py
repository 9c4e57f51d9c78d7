"""The whole stretches of :data:`sim.model.intervals.WHOLE`: each run between its milestones,
before arrival too, where the part that adds to release time (:mod:`sim.model.intervals`)
is clipped at arrival or counts only where it binds."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.model.interval_returns import whole as returned_whole


def quarantine_done(col: Mapping[str, np.ndarray], early: np.ndarray) -> np.ndarray:
    """When quarantine's last step ended, from which its clearance form is issued: the
    treatment, else the laboratory's result (if the goods waited for it), else the box back
    from a quarantine check, else the quarantine declaration (the declaration, when one
    serves both)."""
    declared = np.fmax(col["lodged_quarantine"], col["lodged"])
    checked = np.where(np.isnan(col["quarantine_start"]), declared, col["inspected"])
    lab = np.where(np.isnan(col["lab_end"]) | early, checked, col["lab_end"])
    return np.asarray(np.where(np.isnan(col["treated"]), lab, col["treated"]))


def whole_stretches(col: Mapping[str, np.ndarray], early: np.ndarray) -> dict[str, np.ndarray]:
    """The whole stretches of :data:`WHOLE`, between their milestones: before arrival too,
    and the duty payment and the form however little of them binds."""
    return {
        "lodging": col["lodged"] - col["arrived"],  # (negative: lodged in advance)
        "assessment": col["assessed"] - col["accepted"],
        "document_check": col["doc_end"] - col["doc_start"],
        "quarantine_form": col["quarantine_cleared"] - quarantine_done(col, early),
        "duty_payment": col["duty_paid"] - col["assessed"],
        **returned_whole(col),
    }
