"""When a port takes in no trucks of one direction: the days its dated arrival factor is 0
(``arrivals.dated``, or ``exports.arrivals.dated``: a crossing closed over a holiday) and its
holds of arrivals (:mod:`sim.model.holds`). A smuggling group's attempt due at the port then
comes when the port takes trucks again, as the honest trucks a hold keeps come at its end:
its goods wait for the crossing to reopen (as a route outside the ports waits for its open
hours) rather than cross a closed border or vanish. A port without either keeps every
attempt's time, so runs without a closure are as before. A closure that lasts to the end of
the run keeps the loads due in it out for good: a note says how many (:func:`never_came`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.scenario.dated_arrivals import day_factors

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario


def closed_spans(scenario: Scenario, port: str, export: bool) -> list[tuple[float, float]]:
    """The (start, end) hours, from the run's start, in which ``port`` takes no trucks of
    its imports (or exports): runs of days with a dated factor of 0, and its arrivals'
    holds; sorted by start."""
    from sim.model.holds import spans  # (here: holds imports the steps, which import us)

    spec = scenario.ports[port]
    arrivals = spec.exports.arrivals if export and spec.exports else spec.arrivals
    out = list(spans(scenario, port, "arrivals"))
    if arrivals.dated and scenario.start_date is not None:
        days = int(scenario.warmup_days + scenario.days + scenario.drain_days) + 1
        shut = (day_factors(arrivals.dated, scenario.start_date, days) == 0).tolist()
        first = None
        for day, closed in enumerate([*shut, False]):
            if closed and first is None:
                first = day
            elif not closed and first is not None:
                out.append((first * 24.0, day * 24.0))
                first = None
    return sorted(out)


def reopened(closed: list[tuple[float, float]], t: float) -> float:
    """``t``, or the end of the closed spans it falls in (spans that meet or overlap are
    passed in turn: the first time the port takes trucks again)."""
    for start, end in closed:
        if start <= t < end:
            t = end
    return t


def never_came(route: str, port: str, due: list[float]) -> str:
    """A note for the smuggling loads on ``route`` (at ``port``) that were due while the port
    took no trucks until past the run's end (``due``: their hours from the run's start):
    they never arrive, so they are caught or slip through in no figure, and without it they
    would vanish silently."""
    return (
        f"{port}: {len(due):,} smuggling load(s) on route {route} were due from day "
        f"{int(min(due) // 24)} (days from the run's start) while the port took no trucks "
        "until past the end of the run: they never arrived, so none was caught or slipped "
        "through; the smuggling table counts them as chosen and unresolved on the day after "
        "the observed window (not observed). End the closure within the run, or read the "
        "attempts as cut short"
    )
