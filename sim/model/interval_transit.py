"""The Time Release Study stretches of transit goods (转关, :mod:`sim.model.steps.transit`),
for :mod:`sim.model.intervals`: the transit formalities at the entry port
(``transit_formalities``, customs) and the journey under seal to this office
(``transit_travel``, the trader's carrier), before lodging; the rest of the flow then counts
from the arrival here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sim.model.intervals import _Chain


def transit_leg(chain: _Chain, col: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Chain the transit stretches of the goods in transit, and give ``col`` with
    ``arrived`` the arrival at this office (the entry port's for the rest, bit for bit)."""
    chain.to("transit_formalities", col["transit_sealed"])
    chain.to("transit_travel", col["transit_arrived"])
    return {**col, "arrived": np.fmax(col["transit_arrived"], col["arrived"])}
