"""What the milestone intervals must satisfy on any run's log (sim/model/intervals.py): used by
the generated scenarios of ``test_properties.py`` and the bundled ones of
``test_interval_partition.py``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.model import intervals as iv
from sim.model.milestones import OWNERS
from sim.scenario.schema import Scenario

TOLERANCE = 1e-9


def kind_sum(hours: dict[str, np.ndarray], kind: str) -> np.ndarray:
    """Each consignment's hours over the stretches of one kind (those it passes through)."""
    parts = [np.nan_to_num(hours[s.name]) for s in iv.STRETCHES if s.kind == kind]
    return np.asarray(np.sum(parts, axis=0))


def check_partition(log: pd.DataFrame, scenario: Scenario) -> iv.Hours:
    """On the log's consignments out of the flow: the stretches to release add up to
    ``released - arrived``, those after release to the rest of the overall clearance; none
    is negative; the owners' hours no single-owner stretch explains are the exam yard's (0
    where there was no examination, never below 0). Returns the stretches."""
    out = log[log.outcome == "released"].reset_index(drop=True)
    h = iv.of_log(out, scenario)
    released = (out.released - out.arrived).to_numpy()
    after = (np.fmax(out.exited, out.loaded) - out.released).to_numpy()
    np.testing.assert_allclose(kind_sum(h.hours, iv.TO_RELEASE), released, rtol=0, atol=TOLERANCE)
    np.testing.assert_allclose(kind_sum(h.hours, iv.AFTER_RELEASE), after, rtol=0, atol=TOLERANCE)
    for s in iv.STRETCHES:
        low = np.nanmin(h.hours[s.name], initial=0.0)
        assert low >= -TOLERANCE, f"{s.name}: {low} h"
    left = iv.unexplained(h.hours, out[[f"own_{o}" for o in OWNERS]].to_numpy())
    yard = ~np.isnan(h.hours["exam_yard"])
    assert np.abs(left[~yard]).max(initial=0.0) <= TOLERANCE, "hours no stretch explains"
    assert left[yard].min(initial=0.0) >= -TOLERANCE, "an exam yard owner below 0"
    np.testing.assert_allclose(left[yard].sum(axis=1), h.hours["exam_yard"][yard], atol=1e-6)
    return h
