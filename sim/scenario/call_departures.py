"""Exports that leave on a port's weekly call pattern (``exports.loading.from_calls``): each
slot of ``arrivals.calls`` becomes an export departure, at the end of its window (the slot
plus ``window_h``, the latest its vessel comes), with the loading's ``cutoff`` before it.

A berth planner who writes the week's slots then does not write the departures again by
hand, and the two cannot disagree. The departures are fixed in the week as any written
ones are (the model's exports leave at weekly times): a call's own time in its window is
not followed, so the departure is put where the vessel is surely in, and its cut-off is
one a terminal can promise whatever the vessel's hour. The departures are filled in as
written departures ("Wed 16:00", to the minute), so that everything that reads
``exports.loading.departures`` (loading, missed cut-offs, intervals) reads them unchanged.
"""

from __future__ import annotations

from typing import Any

from sim.scenario import limits
from sim.scenario.call_pattern import DAYS, CallPattern, slot_hour
from sim.scenario.limits import AtField
from sim.scenario.units import in_canonical_units

WHERE = ("exports", "loading", "from_calls")


def week_time(hours: float) -> str:
    """Hours after Monday 00:00 as a departure is written ('Wed 16:00'), to the minute."""
    day, minute = divmod(round(hours * 60) % (168 * 60), 24 * 60)
    return f"{DAYS[day]} {minute // 60:02d}:{minute % 60:02d}"


def call_departures(pattern: CallPattern) -> list[str]:
    """The departures a pattern's calls make, in the week's order, each once: every slot
    plus ``window_h`` (the same slot twice is one departure: both vessels' cut-off)."""
    hours = sorted({round((slot_hour(s) + pattern.window_h) * 60) % (168 * 60)
                    for s in pattern.slots})
    return [week_time(m / 60) for m in hours]


def fill_departures(data: Any) -> Any:
    """A port's table (as written) whose ``exports.loading.from_calls`` is true, with the
    loading's ``departures`` made from its ``arrivals.calls``; refused, naming the field,
    at a port without exports, beside written departures or a ``delay``, and without a
    pattern. In a resolved scenario
    (canonical units) the departures an earlier fill wrote are made again, so that a
    change of the slots or the window moves them."""
    exports = data.get("exports") if isinstance(data, dict) else None
    loading = exports.get("loading") if isinstance(exports, dict) else None
    if not isinstance(exports, dict) or not isinstance(loading, dict) or (
        loading.get("from_calls") is not True
    ):
        return data
    if exports.get("arrivals") is None:  # (a section made by this field alone)
        raise AtField(WHERE, "from_calls makes the departures of the port's exports, and "
                      "the port has no exports (no exports.arrivals): give its exports "
                      "whole, or leave from_calls out", value=limits.UNSHOWN)
    if loading.get("delay") is not None:
        raise AtField(WHERE, "from_calls makes the exports' departures from the port's call "
                      "pattern, and a delay is for exports that cross without departures: "
                      "give one of from_calls and delay", value=limits.UNSHOWN)
    if loading.get("departures") is not None and not in_canonical_units():
        raise AtField(WHERE, "from_calls makes a departure of each slot of arrivals.calls, "
                      "and departures lists them: give one of from_calls and departures, "
                      "not both", value=limits.UNSHOWN)
    arrivals = data.get("arrivals")
    calls = arrivals.get("calls") if isinstance(arrivals, dict) else None
    if calls is None:
        raise AtField(WHERE, "from_calls makes a departure of each slot of the port's "
                      "weekly call pattern, and the port has none: give "
                      "arrivals.calls, or the departures themselves "
                      "(exports.loading.departures; a schedule's calls are not weekly)",
                      value=limits.UNSHOWN)
    try:
        pattern = calls if isinstance(calls, CallPattern) else CallPattern.model_validate(calls)
    except ValueError:
        return data  # (the pattern's own error is told where arrivals are checked)
    filled = {**loading, "departures": call_departures(pattern)}
    return {**data, "exports": {**exports, "loading": filled}}


def departures_line(name: str, port: Any) -> str | None:
    """``bordersim check --arrivals``: the departures a port's pattern makes for its
    exports and their cut-offs; None where the port's exports do not leave on its calls."""
    loading = port.exports.loading if port.exports is not None else None
    if loading is None or not loading.from_calls or port.arrivals.calls is None:
        return None
    pattern = port.arrivals.calls
    made = ", ".join(week_time(h) for h in loading.departures)
    cutoffs = ", ".join(week_time(h - loading.cutoff) for h in loading.departures)
    return (
        f"ports.{name}.exports.loading: exports leave on the call pattern's calls, "
        f"departures {made} (each slot plus window_h, {pattern.window_h:g} h); cut-off "
        f"{loading.cutoff:g} h before each: {cutoffs}"
    )
