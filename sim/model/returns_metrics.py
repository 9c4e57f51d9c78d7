"""What declarations returned for correction (退单) cost a run, read from its intervals table:
how many come back, and the hours the correction and the second review add (the first
review, which every reviewed declaration has, is not counted)."""

from __future__ import annotations

import math

import pandas as pd

#: the stretches a returned declaration passes that another would not
ADDED = ("correction", "second_review")


def returns_metrics(intervals: pd.DataFrame) -> dict[str, float]:
    """``returned_share`` (declarations out of the flow returned for correction, a share of
    all), ``returned_h_mean`` (a returned declaration's hours from its return to its
    acceptance: the broker's correction, then the second queue and review; before arrival
    too), ``returned_h_added`` (the hours these add to release time, after
    arrival, per consignment out of the flow) and ``returned_clearance_share`` (that part of
    the mean clearance time); 0 (the hours' mean NaN) when none is returned. A table from a
    version before returns gives none."""
    if "interval" not in intervals.columns or "whole_mean_h" not in intervals.columns:
        return {}
    rows = intervals[intervals["dimension"] == "all"]
    names = [str(x) for x in rows["interval"]]
    if not set(ADDED) <= set(names) or "clearance" not in names:
        return {}

    def at(stretch: str, column: str) -> float:
        return float(rows[column].to_numpy(float)[names.index(stretch)])

    people = at("correction", "consignments")
    returned = at("correction", "n")
    added = at("correction", "per_consignment_h") + at("second_review", "per_consignment_h")
    clearance = at("clearance", "per_consignment_h")
    whole = at("correction", "whole_mean_h") + at("second_review", "whole_mean_h")
    return {
        "returned_share": returned / people if people else math.nan,
        "returned_h_mean": whole if returned else math.nan,
        "returned_h_added": added if people else math.nan,
        "returned_clearance_share": added / clearance if clearance > 0 else math.nan,
    }
