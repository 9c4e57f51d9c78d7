"""A surge placed in time: ``arrivals.extra_from`` and ``extra_for`` bound a port's added
arrivals (``arrivals.extra``) to a window, a peak of a few days such as Singles' Day at a
parcel hub, instead of the whole run.

A window is refused when it cannot show what it is written for: one given without a surge
(``extra`` left out: an explicit ``extra = 0`` switches the surge off, window and all, so
that an option or ``--set`` can compare a peak with the traffic without it), one that lasts
no time, one that starts after the last observed arrival (no observed consignment meets it)
or ends before the observed days begin (times count from the warm-up's first day, so a peak
written as a day of the observed weeks would fall in the warm-up, and the results would not
see it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sim.scenario.limits import AtField

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario


def _days(h: float) -> str:
    return f"{h / 24:g} d"


def _flows(scenario: Scenario) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Each port's arrivals (imports, then its exports' own) with their field path."""
    for pname, port in scenario.ports.items():
        yield ("ports", pname, "arrivals"), port.arrivals
        if port.exports is not None:
            yield ("ports", pname, "exports", "arrivals"), port.exports.arrivals


def check_surge_windows(scenario: Scenario) -> None:
    """Raise :class:`AtField` at the first surge window that no observed arrival would meet,
    or that bounds no surge."""
    warmup = scenario.warmup_days * 24.0
    end_observed = warmup + scenario.days * 24.0
    timing = (
        f"the run: {scenario.warmup_days:g} days of warm-up, then {scenario.days:g} observed "
        f"days, to {_days(end_observed)}; times count from the warm-up's first day"
    )
    for path, arrivals in _flows(scenario):
        given = [f for f in ("extra_from", "extra_for") if getattr(arrivals, f) is not None]
        if not given:
            continue
        if arrivals.extra <= 0 and "extra" in arrivals.model_fields_set:
            continue  # (a surge switched off, as an option or --set does: extra = 0)
        if arrivals.extra <= 0:
            raise AtField(
                (*path, given[0]),
                f"{given[0]} places a surge in time, but extra is not given (no surge): give "
                "extra, the added arrivals as a multiple of rate (8 for nine times the day's "
                f"parcels; 0 switches the surge off), or delete {' and '.join(given)}",
            )
        if arrivals.extra_for is not None and arrivals.extra_for <= 0:
            raise AtField(
                (*path, "extra_for"),
                "a surge lasting no time brings no arrivals: give a duration above 0 "
                "('2 d'), or delete extra_for for a surge until arrivals stop",
            )
        start, end = arrivals.surge_window()
        if start >= end_observed:
            raise AtField(
                (*path, "extra_from"),
                f"the surge starts at {_days(start)}, at or after the last observed arrival "
                f"({timing}): no observed consignment would meet it; start it before "
                f"{_days(end_observed)}",
            )
        if end <= warmup:
            raise AtField(
                (*path, "extra_for" if arrivals.extra_for is not None else "extra_from"),
                f"the surge ends at {_days(end)}, within the warm-up ({timing}): the results "
                f"would not see it; place it in the observed days, from {_days(warmup)} on "
                f"({_days(warmup)} + the observed day you mean)",
            )
