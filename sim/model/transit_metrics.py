"""What the transit leg (转关) costs a run, read from its intervals table: how many imports
came in transit from an entry port, the leg's mean hours, and its part of the imports' mean
clearance time (which counts from the arrival at the entry port). Over imports only: exports
never travel in transit, and a share of all would move with the export traffic."""

from __future__ import annotations

import math

import pandas as pd

#: the stretches of the transit leg, before lodging
LEG = ("transit_formalities", "transit_travel")


def transit_metrics(intervals: pd.DataFrame) -> dict[str, float]:
    """``transit_share`` (imports out of the flow that came in transit, a share of all
    imports), ``transit_h_mean`` (a transit consignment's hours from its arrival at the entry
    port to its arrival here: the formalities and the journey under seal; NaN when none
    came) and ``transit_clearance_share`` (the leg's part of the imports' mean clearance
    time); 0 when none came, NaN without imports. A table from a version before transit
    gives none."""
    if "interval" not in intervals.columns or "per_consignment_h" not in intervals.columns:
        return {}
    if not set(LEG) <= set(intervals["interval"].astype(str)):
        return {}
    rows = intervals[(intervals["dimension"] == "direction") & (intervals["group"] == "import")]
    names = [str(x) for x in rows["interval"]]
    if "clearance" not in names:  # (no import out of the flow)
        return dict.fromkeys(("transit_share", "transit_h_mean", "transit_clearance_share"),
                             math.nan)

    def at(stretch: str, column: str) -> float:
        return float(rows[column].to_numpy(float)[names.index(stretch)])

    people = at("transit_travel", "consignments")
    moved = at("transit_travel", "n")
    leg = at(LEG[0], "per_consignment_h") + at(LEG[1], "per_consignment_h")
    clearance = at("clearance", "per_consignment_h")
    return {
        "transit_share": moved / people if people else math.nan,
        "transit_h_mean": at(LEG[0], "mean_h") + at(LEG[1], "mean_h") if moved else math.nan,
        "transit_clearance_share": leg / clearance if clearance > 0 else math.nan,
    }
