"""The figures that check a lane against queueing theory: the share of the cohort's jobs
that waited at all (Erlang C's chance to wait, ``waited_share_<port>_<lane>``) and the jobs
asked of the lane per hour of the observed window (its arrival rate,
``arrivals_per_hour_<port>_<lane>``), so that Little's law, ``queue_mean = arrivals_per_hour
x wait_h_mean``, can be checked lane by lane; and the mean number of jobs in service
(``in_service_mean_<port>_<lane>``, L_s = lambda E[S], the utilisation times the servers on
duty). The first two come from counts the lanes stream (a compare and an add as a job is
booked; two counts of requests at the window's edges), the third from the lane's running
busy-time area: nothing is kept per job. They are metrics, not columns of the resources
table."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.model.lane import Lane

#: units of these metrics (the rest of a lane's are shares, hours or jobs waiting)
UNITS = {"arrivals_per_hour": "jobs per hour", "in_service_mean": "jobs in service"}


def lane_law_metrics(lanes: Sequence[Lane], window: tuple[float, float]) -> dict[str, float]:
    """Per lane: the share of its cohort jobs whose wait was above 0 (NaN: none), and, for
    a lane with servers (not unlimited), the jobs asked in the observed window ``window``
    (hours from the start) per hour and the time-average number of jobs in service over it,
    its busy-time area over its span (NaN: the window was never opened)."""
    span = window[1] - window[0]
    out: dict[str, float] = {}
    for lane in lanes:
        key = f"{lane.port}_{lane.name}"
        n = len(lane.waits)
        out[f"waited_share_{key}"] = lane.waited / n if n else math.nan
        if lane.unlimited:
            continue
        asked = lane.asked_window
        rate = (asked[1] - asked[0]) / span if len(asked) == 2 and span > 0 else math.nan
        out[f"arrivals_per_hour_{key}"] = rate
        out[f"in_service_mean_{key}"] = lane.window()["busy_mean"]
    return out
