"""Advance declarations within the legal window: an ``advance_lead`` that mostly overshoots
``declaration.advance_max``.

The model cuts every lead draw above ``advance_max`` to it (GAC Order 243 art. 18: exports
within 3 days before arrival), which is right for a long distribution's tail. But a lead whose
median is already beyond the window (a fixed ``"5 d"`` under a 3 d window, a uniform mostly
above it, or a window set to 0 h) is a slip: most advance declarations would be lodged exactly
``advance_max`` before arrival, and no run would say so. Such a scenario is refused, naming
the lead, the window and which file set each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.scenario.limits import AtField

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: the quantile of a lead that must lie within the window: its median
_MEDIAN = 0.5


def _hours_text(h: float) -> str:
    """``h`` hours as a scenario writes a duration: days when whole days, else hours."""
    return f"{h / 24:g} d" if h >= 24 and (h / 24).is_integer() else f"{h:g} h"


def check_advance_window(scenario: Scenario) -> None:
    """Raise :class:`AtField` at the first port's ``advance_lead`` (imports', then its
    exports' own) whose median draw exceeds ``declaration.advance_max``."""
    window = scenario.declaration.advance_max
    for pname, port in scenario.ports.items():
        leads = [(("ports", pname, "declaration", "advance_lead"), port.declaration.advance_lead)]
        exports = port.exports
        if exports is not None and exports.advance_lead is not None:
            leads.append((("ports", pname, "exports", "advance_lead"), exports.advance_lead))
        for path, lead in leads:
            median = float(np.asarray(lead.ppf(np.array([_MEDIAN])))[0])
            if median <= window:
                continue
            raise AtField(
                path,
                f"its median, {_hours_text(median)} before arrival, is beyond the "
                f"earliest a declaration may be lodged (declaration.advance_max = "
                f"{_hours_text(window)}): most advance declarations would be cut to "
                f"exactly {_hours_text(window)} before arrival",
                sources={"the lead": path, "the window": ("declaration", "advance_max")},
                hint="give a lead within declaration.advance_max (draws above it are cut to "
                "it, meant for a distribution's tail), or widen advance_max",
            )
