"""The steps of the clearance flow, in route order (DESIGN.md section 2)."""

from __future__ import annotations

from sim.model.route import Step
from sim.model.steps.after import FullDeclaration, LabResult, PayDuty, TaxReview
from sim.model.steps.checks import DocumentCheck, ImageReview, Scan
from sim.model.steps.declaration import Assess, Decide, Escalate, Lodge, Review
from sim.model.steps.inspection import Inspect
from sim.model.steps.loading import Load
from sim.model.steps.quarantine import QuarantineForm, QuarantineResult
from sim.model.steps.release import Gate, PickUp, Release


def clearance_steps() -> list[Step]:
    """Every step a consignment may take, in the order it would take them."""
    return [
        Lodge(),
        Review(),
        Assess(),
        Decide(),
        Escalate(),
        DocumentCheck(),
        Scan(),
        ImageReview(),
        Inspect(),
        QuarantineResult(),
        QuarantineForm(),
        PayDuty(),  # imports
        Release(),
        FullDeclaration(),  # after release: imports declared in two steps
        TaxReview(),  # after release: two-step processing
        PickUp(),  # imports
        Gate(),  # imports
        Load(),  # exports
        LabResult(),  # after release: goods released before the laboratory result
    ]
