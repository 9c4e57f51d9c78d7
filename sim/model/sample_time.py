"""The time a quarantine check spends drawing its sample: the officer's minutes per unit
(``enforcement.sampling.minutes_per_unit``, or a commodity's own plan's) times the units
drawn, added to the check of a consignment that sends a sample to the laboratory.

A sampling plan trades detection (more units drawn find more infested consignments) against
the officers' hours and the lanes they hold: without this, drawing 150 units took no longer
than drawing 30. The units drawn are the plan's ``sample_units``, or the whole consignment
where it holds fewer (``containers x units_per_container``), as in the laboratory's chance
of finding pests (:func:`sim.model.truth.pest_detection`). The units go to the laboratory as
one sample (one place in a batch): more units cost check time, not laboratory room.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.draws import R

if TYPE_CHECKING:
    from sim.model.port import Port
    from sim.scenario.schema import Port as PortSpec
    from sim.scenario.schema import Scenario


def drawing_plans(scenario: Scenario, spec: PortSpec) -> np.ndarray | None:
    """Each commodity's (units drawn, units per container, hours per unit), a row per
    commodity in the scenario's order; None where drawing costs no time (every plan's
    minutes are 0) or the port sends no sample (no quarantine laboratory)."""
    q = spec.quarantine
    if q is None or q.lab is None:
        return None
    s = scenario.enforcement.sampling
    rows = []
    for c in scenario.commodities:
        per, _, sample, _ = s.plan(c)
        rows.append((sample, per, s.minutes(c) / 60.0))
    out = np.array(rows, float)
    return out if (out[:, 2] > 0).any() else None


def check_work(p: Port, r: Sequence[float]) -> float:
    """The quarantine check's work for requirement row ``r``: its drawn check time, plus the
    time to draw its sample where it sends one (:func:`drawing_plans`)."""
    base = float(r[R.quarantine_time])
    plans = p.drawing
    if plans is None or not r[R.sample] > 0:
        return base
    sample, per, hours = plans[int(r[R.commodity])]
    return base + float(min(sample, r[R.containers] * per) * hours)
