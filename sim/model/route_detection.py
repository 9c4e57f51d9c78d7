"""Detection over every route a smuggler can take, not the ports alone: the ports' share
(``detection_rate``, over their illicit declarations whose outcome is known) leaves out what
the patrols on routes outside the ports stop, so a planner weighing more patrols against more
scanners needs one figure over both, with the outside routes' own share beside it. By count
and by value; only in a run with smuggling groups (:mod:`sim.model.smuggling`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from sim.model.enforcement_metrics import illicit_columns

if TYPE_CHECKING:
    from sim.model.enforcement import EnforcementTally


def _ratio(part: float, whole: float) -> float:
    return float(part) / float(whole) if whole else math.nan


def route_detection(tally: EnforcementTally, frame: pd.DataFrame) -> dict[str, float]:
    """``detection_rate_all_routes`` (ports' detections + patrols' interdictions, over the
    ports' illicit declarations of known outcome + the outside routes' attempts caught or
    slipped), ``detection_rate_outside_ports`` (interdictions over those attempts) and their
    ``_value`` twins; a smuggling group's port load is a declaration at the port, so it is in
    the ports' part already and is not counted twice. Unresolved attempts are left out, as
    the ports' goods still held undetected are."""
    s = illicit_columns(tally)
    known = float((tally.n - tally.held)[:, s].sum())
    detected = float(tally.detected[:, s].sum())
    value = float((tally.value - tally.held_value)[:, s].sum())
    value_detected = float(tally.detected_value[:, s].sum())
    outside = frame[frame["observed"] & (frame["kind"] != "port")]  # (deterred: no outcome)
    caught, slipped = float(outside["caught"].sum()), float(outside["slipped"].sum())
    v_caught, v_slipped = (float(outside[k].sum()) for k in ("value_caught", "value_slipped"))
    return {
        "detection_rate_all_routes": _ratio(detected + caught, known + caught + slipped),
        "detection_rate_value_all_routes": _ratio(
            value_detected + v_caught, value + v_caught + v_slipped
        ),
        "detection_rate_outside_ports": _ratio(caught, caught + slipped),
        "detection_rate_value_outside_ports": _ratio(v_caught, v_caught + v_slipped),
    }
