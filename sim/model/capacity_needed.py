"""How much capacity an overloaded lane would need: the work its cohort's jobs asked for
against its servers on duty, and the servers that would carry that work at ``TARGET``
utilisation, said in the overload warning of :mod:`sim.model.stability` (which otherwise
says only "add capacity there").

The work asked is the lane's cohort jobs (those of the consignments that arrived in the
observed window, served or still waiting at the end: a queue that does not settle leaves
some unserved) times their mean service time, over the window's hours: servers' work an
hour. Set against the servers its schedule puts on duty in the window's hours, it is the
load the lane is offered, which its utilisation (busy over on-duty time, at most 1) cannot
show beyond 100 %. Jobs held back upstream (a lane before it overloaded too) never ask, so
the figure is a lower bound there. ``TARGET`` (85 %) is an assumption, a planner's rule of
thumb: below it a queue fed at random settles; above about 90 % its waits grow steeply and
settle slowly (:data:`sim.model.stability.NEAR_SATURATION`). The figure is the lane's own
need; a comparison with the capacity it names is what tells its effect on clearance.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any

#: the utilisation at which the advised capacity would carry the work asked (an assumption)
TARGET = 0.85


def offered(lane: Any, window: tuple[float, float]) -> tuple[float, float] | None:
    """(work asked, servers on duty): the servers' hours of work the lane's cohort jobs
    asked for per observed hour, and the servers its schedule has on duty on average over
    the observed hours; None for a lane that measures no jobs so (a laboratory, an unlimited
    lane) or served none of its cohort."""
    weekly, hourly = getattr(lane, "weekly", None), getattr(lane, "hourly", None)
    served = getattr(lane, "served", 0)
    hours = range(math.ceil(window[0]), math.floor(window[1]))
    if weekly is None or hourly is None or not served or not hours:
        return None
    asked = weekly.count()  # (booked jobs: FIFO lanes' all)
    cell = getattr(lane, "cell", None)
    if cell is not None:  # (an exam yard's lane books a job when it starts: add the waiting)
        asked += cell.waiting_cohort(lane)
    work = asked * (lane.service_sum / served) / len(hours)
    on_duty = sum(hourly[h % len(hourly)] for h in hours) / len(hours)
    return work, on_duty


def capacity_needed(
    lane: Any, window: tuple[float, float], ports: Collection[str] | None = None
) -> str:
    """What an overloaded lane needs, as a sentence to follow its warning ('' when it cannot
    be told): the work asked against the servers on duty and the servers (or, for a lane on
    a schedule, the factor on each hour's servers) that would carry it at ``TARGET``; with
    ``ports`` (the scenario's port names), the field to set."""
    got = offered(lane, window)
    if got is None or got[1] <= 0:
        return ""
    work, on_duty = got
    load = work / on_duty
    said = (
        f". Its cohort's jobs asked for {work:.2f} servers' work an hour against "
        f"{on_duty:.2f} on duty on average ({load:.0%} of its hours on duty)"
    )
    if load <= TARGET:
        return said + (
            f", within the {TARGET:.0%} a lane can carry: either it is overloaded in the "
            "hours its jobs come (bursts, or work asked when few are on duty: match its hours "
            "on duty to them, see bordersim hours RESULTS), or jobs still held at the end of "
            "the run hide part of its work (a longer drain_days shows it)."
        )
    hourly = lane.hourly
    if len(set(hourly)) == 1:
        need = math.ceil(hourly[0] * load / TARGET - 1e-9)
        field = _field(lane, ports)
        setting = f" ({field}.capacity = {need})" if field else ""
        return said + (
            f": to carry it at {TARGET:.0%} it needs about {need} on duty, not "
            f"{hourly[0]}{setting}; compare that option to see what it does to clearance."
        )
    factor = math.ceil(10 * load / TARGET - 1e-9) / 10
    return said + (
        f": to carry it at {TARGET:.0%} it needs about {factor:g} times the servers of each "
        "hour of its schedule (rounded up); compare that option to see what it does to "
        "clearance."
    )


def _field(lane: Any, ports: Collection[str] | None) -> str:
    """The lane's field in the scenario (``ports.<port>.<path>``), '' when not known (a
    review centre's officers, a pool of cross-trained officers, or no ``ports`` given)."""
    from sim.scenario.dormant import LANE_PATHS

    paths = {key: path for path, key in LANE_PATHS.items()}
    if ports is None or lane.port not in ports or lane.name not in paths:
        return ""
    return f"ports.{lane.port}.{paths[lane.name]}"
