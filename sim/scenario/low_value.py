"""A low-value (de minimis) path for a port's imports (``[ports.<port>.low_value]``): parcels
declared below ``threshold`` are cleared on a simplified, consolidated declaration, selected
for the document check, the scan and the physical exam at ``selection`` times the tables'
rate (quarantine selection is left whole: biosecurity has no value threshold), and, where
the scenario says so, undervalued more often just under the threshold. Absent: every
parcel is selected by the tables alone (docs/e-commerce.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from pydantic import Field

from sim.scenario.base import Strict
from sim.scenario.limits import UNSHOWN, AtField, Probability, Real

if TYPE_CHECKING:
    from sim.scenario.schema import Port, Scenario

#: the checks whose selection the simplified path scales (not quarantine)
LIGHTER_CHECKS = ("document", "scan", "physical")


class LowValue(Strict):
    """The simplified path of imports declared below a value threshold."""

    threshold: Real = Field(
        gt=0,
        description="declared value below which an import takes the simplified path, in the "
        "scenario's money (costs.currency; the goods' value field)",
    )
    selection: Probability = Field(
        default=1.0,
        description="the simplified path's selection for the document check, the scan and "
        "the physical exam, as a share of the tables' rate (quarantine selection unchanged)",
    )
    undervaluation_uplift: Real = Field(
        default=1.0,
        ge=0,
        description="undervaluation's prevalence times this for imports declared within the "
        "band [threshold / enforcement.undervaluation_factor, threshold): goods worth more "
        "declared just under the threshold; 1: no change",
    )

    def below(self, value: np.ndarray, direction: np.ndarray) -> np.ndarray:
        """Imports (direction 0) declared below the threshold."""
        return np.asarray((np.asarray(value) < self.threshold) & (np.asarray(direction) == 0))

    def band(self, value: np.ndarray, factor: float) -> np.ndarray:
        """Declared values just under the threshold: an undervalued parcel's true value
        (``factor`` times its declared value) would be at or above it."""
        v = np.asarray(value)
        return np.asarray((v < self.threshold) & (v * factor >= self.threshold))


def selection_factor(port: Port, value: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """Each consignment's factor on its document, scan and exam selection: the port's
    ``low_value.selection`` below the threshold (imports), else 1."""
    lv = port.low_value
    if lv is None:
        return np.ones(len(value))
    return np.asarray(np.where(lv.below(value, direction), lv.selection, 1.0))


def check_low_value(scenario: Scenario) -> None:
    """The simplified path scales the selection tables' rates: refuse it beside the risk
    engine, which selects by score and would ignore it silently."""
    if scenario.risk is None or not scenario.risk.enabled:
        return
    for name, port in scenario.ports.items():
        if port.low_value is not None:
            raise AtField(
                ("ports", name, "low_value"),
                "a low-value path scales the selection tables, and risk.enabled is true (the "
                "risk engine selects by score); allowed: risk.enabled = false, or no low_value",
                value=UNSHOWN,
            )
