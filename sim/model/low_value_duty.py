"""The duty a low-value (de minimis) threshold gives up at a post or express hub
(``ports.<port>.low_value``, :mod:`sim.scenario.low_value`), per consignment, for the cost
book (:mod:`sim.model.costbook`) to fold by port and direction.

Duty is the declared commodity's rate (``costs.commodities.<name>.duty_rate``, else
``costs.slipped.duty_rate``) on the declared value, as the guarantee and the revenue evaded
count it (:mod:`sim.model.costs`). Under a threshold an import declared below it pays none
(WTO TFA Art. 7.8.2(e): no duties or taxes collected below the de minimis value), one
declared at or above it pays its rate on the declared value. Two parts:

- ``duty_forgone_low_value``: the duty not collected on imports declared below the
  threshold, the rate times the declared value (0 without a threshold);
- ``duty_lost_undervaluation``: the duty lost to undervaluation that no check found, the
  duty due on the goods' true value less the duty assessed on the declared value, each with
  the threshold applied to its own value: an undervalued parcel declared under the line
  whose true value is over it pays nothing of the duty due on all of it (without a
  threshold: the rate on the hidden part, as ``revenue_evaded`` counts undervaluation).

Exports pay no import duty; both parts are 0 for them and for ports of other modes without a
threshold (:func:`named`: the ports whose metrics are named; NaN for exports,
:mod:`sim.model.cost_summary`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.truth import UNDERVALUATION

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: the per-consignment parts, in the order :data:`sim.model.costs.PARTS` ends with them
LOW_VALUE_PARTS = ("duty_forgone_low_value", "duty_lost_undervaluation")
#: the units of its metrics, by stem (:func:`sim.experiment.compare.metric_unit`)
UNITS = {f"{part}_port": "currency per year" for part in LOW_VALUE_PARTS}


def thresholds(scenario: Scenario) -> np.ndarray:
    """Each port's low-value threshold (by port index): 0 at a post hub without one (every
    declared value then pays duty), NaN at a port of another mode without one (no parcels:
    no part)."""
    return np.array([
        float(p.low_value.threshold) if p.low_value is not None
        else 0.0 if p.mode == "post" else math.nan
        for p in scenario.ports.values()
    ])


def named(scenario: Scenario) -> list[str]:
    """The ports whose low-value duty is a metric: those of mode ``post`` and any other
    given a ``low_value`` path."""
    return [
        name for name, p in scenario.ports.items()
        if p.mode == "post" or p.low_value is not None
    ]


def assessed(value: np.ndarray, rate: np.ndarray, threshold: np.ndarray) -> np.ndarray:
    """The duty assessed on ``value`` at ``rate``: none below ``threshold`` (de minimis)."""
    v = np.asarray(value, float)
    return np.asarray(np.where(v < threshold, 0.0, rate * v))


def low_value_duty(
    value: np.ndarray,
    direction: np.ndarray,
    threshold: np.ndarray,
    rate: np.ndarray,
    truth: Sequence[np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each consignment's duty forgone below its port's ``threshold`` (by consignment) and
    duty lost to undervaluation no check found (``truth``: illicit codes, true values and
    whether found; None: no hidden truth, the loss 0). ``rate``: the declared commodity's
    duty rate; imports at post hubs alone (``direction`` 0, ``threshold`` not NaN)."""
    v = np.asarray(value, float)
    imports = (np.asarray(direction).astype(int) == 0) & ~np.isnan(threshold)
    threshold = np.nan_to_num(threshold)
    forgone = np.where(imports & (v < threshold), rate * v, 0.0)
    if truth is None:
        return forgone, np.zeros(len(v))
    code, true_value, found = truth
    missed = (np.asarray(code).astype(int) == UNDERVALUATION) & ~np.asarray(found, bool)
    due = assessed(true_value, rate, threshold)
    gap = np.maximum(due - assessed(v, rate, threshold), 0.0)
    return forgone, np.where(imports & missed, gap, 0.0)
