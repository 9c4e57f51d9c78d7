"""A reform's change for one trucking company's fleet over a year: the paired change of the
trucks view (:func:`sim.analysis.trucks.paired_change`) per trip, times the company's trucks
a day and its working days a year, so that a manager reads driver-hours, trips over the
duty limit, nights at the crossing and money saved a year instead of multiplying by hand.

The company's trucks are taken as the crossing's: each direction's ``all`` group, spread
over the day as the crossing's trucks are, or one group's (a company that dispatches all
its trucks in one band). A constant times a paired interval is that interval
times the constant, so the yearly figures keep the 95 % interval exactly."""

from __future__ import annotations

import math

import pandas as pd

#: per trip (the trucks view's figure) -> a year's total for the fleet, in print order
YEARLY = {"turnaround_h_mean": "truck_hours", "over_limit_share": "trips_over_limit",
          "overnight_share": "nights_kept", "cost_per_trip": "cost"}


def fleet_year(change: pd.DataFrame, per_day: float, days: float,
               group: str = "all") -> pd.DataFrame:
    """Each direction's yearly change for ``per_day`` trucks a day on ``days`` days a year
    (long: ``direction, figure, change, low, high``; a figure that is not known, such as an
    unpriced cost, NaN), read off the ``group`` rows of ``change`` (``all``: the trucks
    spread as the crossing's; a band such as ``08-10``: a fleet that arrives then)."""
    trips = per_day * days
    rows = []
    for r in change[change["group"] == group].to_dict("records"):
        if r["figure"] not in YEARLY:
            continue
        low, high = r["low"], r["high"]
        rows.append({"direction": r["direction"], "figure": YEARLY[r["figure"]],
                     "change": float(r["change"]) * trips,
                     "low": math.nan if low is None else float(low) * trips,
                     "high": math.nan if high is None else float(high) * trips})
    order = {f: i for i, f in enumerate(YEARLY.values())}
    table = pd.DataFrame(rows, columns=["direction", "figure", "change", "low", "high"])
    return table.sort_values(["direction", "figure"], key=lambda c: c.map(order)
                             if c.name == "figure" else c, kind="stable").reset_index(drop=True)
