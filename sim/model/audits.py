"""The post-clearance audit's workload: how many audits its share asks of the declarations
released, as an expectation over what each one is (the model draws only what an audit
finds, :func:`sim.model.truth.audit_finds`)."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.model.milestones import RELEASED


def expected_audits(
    scenario: Any, col: dict[str, np.ndarray], illicit: np.ndarray | None
) -> float:
    """The audits expected of a block's released declarations (``col``: its statistics
    columns by name; ``illicit``: each row's truth code, None without a hidden truth): a
    compliant one's chance is its declared class's share, an illicit one's its pick."""
    e = scenario.enforcement
    released = col["outcome"] == RELEASED
    if e is None or not released.any():
        return 0.0
    cls = col["trader_class"][released].astype(int)
    chance = np.array(e.audit.shares())[cls]
    if illicit is not None:
        bad = illicit[released] > 0
        chance[bad] = np.array(e.audit.picks())[cls[bad]]
    return float(chance.sum())
