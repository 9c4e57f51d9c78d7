"""Dated holds: for a while a port takes no arrivals (a typhoon closes the sea port) or no
declarations (the single window is down), and what was held comes at the window's end.

``[[holds]] of = "arrivals", port = "sea_port", at = "24 d", lasts = "48 h"``: goods due in
the window arrive at its end (vessels wait at anchor and berth when the port reopens; their
clearance time counts from then). ``of = "declarations"``: a declaration the trader would
lodge in the window is lodged at its end (advance declarations too: one pushed past its goods'
arrival is no longer in advance). ``port = "*"`` holds every port. What a hold does not stop,
lanes already working on goods in the port, is a capacity window
(:mod:`sim.scenario.capacity_windows`). The model side is :mod:`sim.model.holds`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from sim.scenario.capacity_windows import Span, span_problem
from sim.scenario.limits import AtField, Real
from sim.scenario.timeline import RunTime

if TYPE_CHECKING:

    from sim.scenario.schema import Scenario


class Hold(Span):
    """What a port takes in is held from ``at`` for ``lasts`` and comes at the end."""

    of: Literal["arrivals", "declarations"] = Field(
        description="arrivals: goods due in the window, imports and exports, arrive at its end "
        "(a port closed); "
        "declarations: those the traders would lodge in it are lodged at its end (a "
        "declaration system down)"
    )
    port: str = Field(description="the port held (a name under [ports]), or '*': every port")
    at: str | Real = Field(
        description="when it starts: a time after the run's start ('24 d', '30 h'; a bare "
        "number, in hours, only in a resolved scenario.json) or a date ('2018-04-20', 00:00, "
        "with start_date)"
    )
    lasts: RunTime = Field(description="how long ('48 h', '4 h')")

    def ports(self, scenario: Scenario) -> list[str]:
        """The ports it holds."""
        return list(scenario.ports) if self.port == "*" else [self.port]


def check_holds(scenario: Scenario) -> None:
    """Raise :class:`AtField` at the first hold of an unknown port, one that lasts no time or
    ends after the run, one that overlaps another of the same kind at a port, or a
    declarations' hold around a timeline date (the consignments it holds across the date
    would follow the rules of the day they were due, not of the day they are lodged)."""
    seen: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for i, h in enumerate(scenario.holds):
        at = ("holds", i)
        if h.port != "*" and h.port not in scenario.ports:
            allowed = ", ".join(scenario.ports)
            raise AtField((*at, "port"), f"unknown port {h.port!r}; allowed: *, {allowed}")
        try:
            start = h.hours(scenario.start_date)
        except ValueError as exc:
            raise AtField((*at, "at"), str(exc)) from None
        end = start + h.lasts
        if h.lasts <= 0:
            raise AtField((*at, "lasts"), "a hold must last some time ('4 h')")
        problem = span_problem(start, end, scenario)
        if problem:
            raise AtField((*at, problem[0]), problem[1])
        for pname in h.ports(scenario):
            for a, b, k in seen.get((h.of, pname), []):
                if start < b and a < end:
                    raise AtField(
                        (*at, "at"),
                        f"holds.{i} overlaps holds.{k}, both of {h.of} at port {pname}: "
                        "give one hold for the whole time",
                    )
            seen.setdefault((h.of, pname), []).append((start, end, i))
        if h.of == "declarations":
            for j, entry in enumerate(scenario.timeline):
                try:
                    t = entry.hours(scenario.start_date)
                except ValueError:  # (a date without start_date: the timeline's check says so)
                    continue
                if start < t <= end:
                    raise AtField(
                        (*at, "at"),
                        f"timeline.{j} ({entry.reform!r}) switches on inside this hold "
                        f"({t / 24:g} d): a declaration held across it would follow the "
                        "rules of the time it was due; move the hold or the reform",
                    )
