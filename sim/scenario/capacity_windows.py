"""Dated capacity windows: a lane of a port runs with another number of servers for a while,
then goes back to its schedule.

``[[capacity_windows]] port = "sea_port", lane = "scanners", at = "30 d", lasts = "12 h",
servers = 0`` is a breakdown (no scanner for 12 hours); ``servers = 0`` on every lane of a port
(``lane = "*"``) closes it (a typhoon: goods keep arriving and wait, their clearance clock
running); more servers than the schedule's is extra staff or overtime after a disruption (the
server-hours above the schedule are priced as overtime, see docs/disruptions.md). A window
replaces the lane's schedule hour by hour for its span: ``servers`` is the count on duty then,
whatever the schedule says. ``lane`` may list several lanes (``["declaration_review",
"document_check"]``): the same window on each, as one window per lane. Times are whole
hours after the run's start (the warm-up's first day) or dates with ``start_date``, as a
timeline's ``at``. The model side is :mod:`sim.model.capacity_plan`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, ValidationError, field_validator

from sim.lane_catalogue import WINDOW_KEYS
from sim.scenario.base import Extended, Strict
from sim.scenario.limits import AtField, Real, Whole
from sim.scenario.timeline import Dated, RunTime

if TYPE_CHECKING:
    import datetime as dt

    from sim.scenario.schema import Port, Scenario

#: every lane key a window may name (the catalogue's, in the model's order)
WINDOW_LANES = WINDOW_KEYS


class Span(Strict):
    """Something dated that lasts (its own ``at`` and ``lasts`` fields, in the order its
    table lists them): ``at`` read as a timeline entry's (a time after the run's start with
    its unit, or a date), and when it starts, in hours."""

    if TYPE_CHECKING:  # (a field of each subclass, where its table lists it)
        at: str | float

    @field_validator("at", mode="before", check_fields=False)
    @classmethod
    def _when(cls, v: Any) -> str | float:
        """A time after the run's start or a date, read as a timeline entry's ``at``."""
        try:
            return Dated.model_validate({"reform": "single_window", "at": v}).at
        except ValidationError as exc:  # (its message, not the inner model's path)
            raise ValueError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None

    def hours(self, start: dt.date | None) -> float:
        """When it starts, in hours after the run's start."""
        return Dated.model_construct(reform="", at=self.at).hours(start)


class CapacityWindow(Span, Extended):
    """A lane's servers set to ``servers`` from ``at`` for ``lasts``, then its schedule again
    (with ``each_day``, only in those hours of each day)."""

    ADDED: ClassVar[tuple[str, ...]] = ("each_day",)

    port: str = Field(description="the port whose lane changes (a name under [ports])")
    lane: str | list[str] = Field(
        description="the lane: gate, declaration_review, document_check, scanners, "
        "image_officers, exam_officers (a cross-trained pool), exam_bays, movers, exam_teams, "
        "quarantine_officers, cold_chain_teams, cold_chain_warehouse; '*' is every lane of "
        "the port with a finite number of servers; a list of lanes (['declaration_review', "
        "'document_check']) gives each of them the same window"
    )
    at: str | Real = Field(
        description="when it starts: whole hours after the run's start ('30 d', '722 h'; a "
        "bare number, in hours, only in a resolved scenario.json) or a date ('2018-04-20', "
        "00:00, with start_date)"
    )
    lasts: RunTime = Field(description="how long, in whole hours ('12 h', '2 d')")
    servers: Whole | None = Field(
        default=None,
        ge=0,
        le=10_000,
        description="servers on duty during the window, whatever the schedule (a night "
        "shift where the schedule has none, a closure at 0); or give added",
    )
    added: Whole | None = Field(
        default=None,
        ge=-10_000,
        le=10_000,
        description="instead of servers: servers added to each hour of the window that the "
        "schedule staffs (two more exam teams on the day shift for three weeks; hours the "
        "schedule leaves unstaffed stay so); negative, servers taken away from those hours, "
        "never below 0 (staff on leave over a holiday: -1; on lane '*', refused where it "
        "would leave a lane no server in an hour its schedule staffs); not 0",
    )

    each_day: list[str] | None = Field(
        default=None,
        description="only these hours of each day of the window: ['15:00', '09:00'] is "
        "from 15:00 to 09:00 the next morning (past midnight), ['09:00', '15:00'] from "
        "09:00 to 15:00; whole hours, 00:00 to 24:00; reduced opening hours over a holiday "
        "are one window, servers = 0 in the hours closed",
    )

    @field_validator("each_day")
    @classmethod
    def _clock_pair(cls, v: list[str] | None) -> list[str] | None:
        """Two whole hours of the clock, not the same (the window's hours of each day)."""
        if v is None:
            return v
        hours = [_clock_hour(x) for x in v]
        if len(hours) != 2 or hours[0] is None or hours[1] is None or hours[0] == 24 \
                or hours[0] == hours[1] % 24:
            raise ValueError("not two whole hours of the day, from and to; allowed: "
                             "['HH:00', 'HH:00'], from 00:00 to 23:00, to 00:00 to 24:00, "
                             "not the same hour (['15:00', '09:00']: 15:00 to 09:00 the next "
                             "morning)")
        return v

    @field_validator("lane", mode="before")
    @classmethod
    def _lane_shape(cls, v: Any) -> Any:
        """One lane's name or a list of names (each checked against the port's lanes with
        the whole scenario, :func:`check_capacity_windows`)."""
        if isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)):
            return v
        raise ValueError("not a lane's name nor a list of names; allowed: a lane ('scanners'), "
                         "'*' (every lane of the port) or a list of lanes (['declaration_review', "
                         "'document_check'])")

    @field_validator("added")
    @classmethod
    def _not_zero(cls, v: int | None) -> int | None:
        """``added = 0`` changes nothing: most often a sign or a number left out."""
        if v == 0:
            raise ValueError("it changes nothing (no server added or taken away); allowed: "
                             "a whole number of servers "
                             "to add (1 or more) or to take away (-1 or less) in the "
                             "schedule's staffed hours")
        return v


def _clock_hour(v: str) -> int | None:
    """The hour of a whole hour of the clock ('09:00' -> 9, '24:00' -> 24), or None."""
    hh, sep, mm = v.partition(":")
    if sep and len(hh) == 2 and hh.isdigit() and mm == "00" and int(hh) <= 24:
        return int(hh)
    return None


def window_spans(w: CapacityWindow, start: int) -> list[tuple[int, int]]:
    """The (first, end) hours window ``w``, starting at hour ``start`` of the run, sets: its
    whole span, or with ``each_day`` the runs of its hours whose hour of the day is in it."""
    end = start + int(w.lasts)
    if w.each_day is None:
        return [(start, end)]
    a, b = (int(_clock_hour(x) or 0) for x in w.each_day)
    inside = [(a <= h % 24 < b) if a < b else (h % 24 >= a or h % 24 < b)
              for h in range(start, end)]
    out: list[tuple[int, int]] = []
    for h, on in zip(range(start, end), inside, strict=True):
        if on and out and out[-1][1] == h:
            out[-1] = (out[-1][0], h + 1)
        elif on:
            out.append((h, h + 1))
    return out


def window_lanes(scenario: Scenario, w: CapacityWindow) -> list[str]:
    """The lane keys window ``w`` changes: its lane, each of its list, or every lane of its
    port with servers (``lane = "*"``)."""
    if w.lane == "*":
        return finite_lanes(scenario, w.port)
    return [w.lane] if isinstance(w.lane, str) else list(w.lane)


def _check_lane(scenario: Scenario, i: int, w: CapacityWindow) -> list[str]:
    """The lanes window ``i`` changes; :class:`AtField` at its lane (or the list's entry)
    that its port has not with servers, at an empty list, a ``'*'`` in a list or a lane
    listed twice."""
    at = ("capacity_windows", i, "lane")
    lanes = finite_lanes(scenario, w.port)
    allowed = "*, " + ", ".join(lanes)
    if isinstance(w.lane, str):
        if w.lane != "*" and w.lane not in lanes:
            raise AtField(at, f"port {w.port} has no lane {w.lane!r} with a number of "
                          f"servers; allowed: {allowed}")
        return window_lanes(scenario, w)
    if not w.lane:
        raise AtField(at, "an empty list names no lane; allowed: one lane, a list of "
                      "lanes or '*' (every lane of the port)", w.lane)
    for j, lane in enumerate(w.lane):
        if lane == "*":
            raise AtField((*at, j), "'*' (every lane) in a list of lanes; allowed: "
                          "lane = '*' alone, or a list of lanes by name", lane)
        if lane not in lanes:
            raise AtField((*at, j), f"port {w.port} has no lane {lane!r} with a number of "
                          f"servers; allowed: " + ", ".join(lanes))
        if lane in w.lane[:j]:
            raise AtField((*at, j), f"lane {lane!r} is listed twice; allowed: each lane "
                          "once", lane)
    return list(w.lane)


def _lanes_of(port: Port) -> dict[str, Any]:
    """The lane specs a port has (None: unlimited or absent), by lane key."""
    scan, exam, q = port.scan, port.exam, port.quarantine
    return {
        "gate": port.release.gate,
        "declaration_review": port.review,
        "document_check": port.document_check,
        "scanners": scan.scanners if scan else None,
        "image_officers": scan.image_review.officers if scan else None,
        "exam_bays": exam.bays if exam else None,
        "movers": exam.movers if exam else None,
        "exam_teams": exam.teams if exam else None,
        "quarantine_officers": q.officers if q else None,
        "cold_chain_teams": q.cold_chain.teams if q and q.cold_chain else None,
        "cold_chain_warehouse": q.cold_chain.warehouse if q and q.cold_chain else None,
    }


def finite_lanes(scenario: Scenario, pname: str) -> list[str]:
    """The lane keys of port ``pname`` a window can change: those with a number of servers
    (an unlimited lane has no queue to hold), the cross-trained exam pool by its own key, and
    no image officers pooled at a review centre (the centre's, shared with other ports)."""
    port = scenario.ports[pname]
    lanes = {k: v for k, v in _lanes_of(port).items() if v is not None and not v.unlimited}
    insp = scenario.inspection
    if port.exam and port.quarantine and insp.mode == "joint":
        if insp.joint_staffing == "cross_trained":
            lanes.pop("exam_teams", None)
            lanes.pop("quarantine_officers", None)
            if not (port.exam.teams.unlimited or port.quarantine.officers.unlimited):
                lanes["exam_officers"] = True
    if port.scan and port.scan.image_review.pool:
        lanes.pop("image_officers", None)
    return [k for k in WINDOW_LANES if k in lanes]


def span_problem(start: float, end: float, scenario: Scenario) -> tuple[str, str] | None:
    """(the field, why) a disruption from ``start`` to ``end`` (hours after the run's start)
    is refused: one the observed goods cannot meet (it ends by the warm-up's end, or starts
    at or after the last observed arrival) or that outlasts the run."""
    warmup, days = scenario.warmup_days * 24.0, scenario.days * 24.0
    run_end = warmup + days + scenario.drain_days * 24.0
    timing = (
        f"times count from the run's start, the warm-up's first day: the observed days are "
        f"{warmup / 24:g} d to {(warmup + days) / 24:g} d"
    )
    if end <= warmup:
        return "at", f"it ends at {end / 24:g} d, within the warm-up ({timing})"
    if start >= warmup + days:
        return "at", f"it starts at {start / 24:g} d, after the last observed arrival ({timing})"
    if end > run_end:
        return "lasts", (
            f"it ends at {end / 24:g} d, after the run's end at {run_end / 24:g} d (warm-up, "
            "observed days and drain): shorten it or give more drain_days"
        )
    return None


def check_capacity_windows(scenario: Scenario) -> None:
    """Raise :class:`AtField` at the first window that names no port or lane the model
    builds with servers, that is not whole hours, that falls outside the run, whose
    ``each_day`` hours it does not cover, or that overlaps another window of the same lane
    (which count would hold?)."""
    spans: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for i, w in enumerate(scenario.capacity_windows):
        at = ("capacity_windows", i)
        if w.port not in scenario.ports:
            allowed = ", ".join(scenario.ports)
            raise AtField((*at, "port"), f"unknown port {w.port!r}; allowed: {allowed}")
        lanes = _check_lane(scenario, i, w)
        if (w.servers is None) == (w.added is None):
            raise AtField(
                (*at, "servers"),
                f"servers = {w.servers} and added = {w.added} given: give one of them, "
                "servers (the servers on duty, whatever the schedule) or added (servers "
                "added to the schedule's staffed hours)",
            )
        try:
            start = w.hours(scenario.start_date)
        except ValueError as exc:
            raise AtField((*at, "at"), str(exc)) from None
        for field, h in (("at", start), ("lasts", w.lasts)):
            if h != int(h):
                raise AtField(
                    (*at, field), f"{h:g} h is not whole hours: lanes change on the hour"
                )
        if w.lasts <= 0:
            raise AtField((*at, "lasts"), "a window must last at least 1 h")
        problem = span_problem(start, start + w.lasts, scenario)
        if problem:
            raise AtField((*at, problem[0]), problem[1])
        mine = window_spans(w, int(start))
        if not mine:
            when = w.at if isinstance(w.at, str) else f"{start:g} h"
            raise AtField((*at, "each_day"), f"no hour of the window ({w.lasts:g} h from "
                          f"{when}) is in these hours of the day; allowed: hours the "
                          "window covers, or a longer window")
        if w.lane == "*" and w.added is not None and w.added < 0:
            _thins_without_closing(scenario, i, mine)
        for lane in lanes:
            for a, b, k in spans.get((w.port, lane), []):
                if any(x < b and a < y for x, y in mine):
                    raise AtField(
                        (*at, "at"),
                        f"capacity_windows.{i} overlaps capacity_windows.{k} at lane "
                        f"{lane} of port {w.port}: give each hour of a lane one count",
                    )
            spans.setdefault((w.port, lane), []).extend((x, y, i) for x, y in mine)


def _hourly(scenario: Scenario, pname: str, lane: str) -> list[int]:
    """A finite lane's servers in each of the week's 168 hours (the cross-trained exam pool:
    its teams' and quarantine officers' together)."""
    specs = _lanes_of(scenario.ports[pname])
    if lane == "exam_officers":
        teams = specs["exam_teams"].hourly_capacity()
        officers = specs["quarantine_officers"].hourly_capacity()
        return [a + b for a, b in zip(teams, officers, strict=True)]
    hourly: list[int] = specs[lane].hourly_capacity()
    return hourly


def _thins_without_closing(scenario: Scenario, i: int, mine: list[tuple[int, int]]) -> None:
    """Raise :class:`AtField` when window ``i``, a negative ``added`` on every lane of its
    port (``lane = "*"``: staff on leave), would leave a lane no server in an hour its
    schedule staffs: a one-server lane (the crossing's one scanner) shut by a window meant
    to thin its staff. Closing is ``servers = 0``; leave by lane is ``added`` on that lane."""
    w = scenario.capacity_windows[i]
    added = int(w.added or 0)
    start, lasts = w.hours(scenario.start_date), int(w.lasts)
    hours = sorted({h % 168 for a, b in mine for h in range(a, b)})
    for lane in finite_lanes(scenario, w.port):
        hourly = _hourly(scenario, w.port, lane)
        staffed = [hourly[h] for h in hours]
        few = [n for n in staffed if 0 < n <= -added]
        if not few:
            continue
        thinned = [k for k in finite_lanes(scenario, w.port) if k != lane]
        when = w.at if isinstance(w.at, str) else f"{start / 24:g} d"
        raise AtField(
            ("capacity_windows", i, "added"),
            f"on every lane (lane = '*') from {when} for {lasts} h it would close lane "
            f"{lane} of port {w.port}: "
            f"{max(few)} server(s) on some hours its schedule staffs in the window, none "
            f"with {added}; a window meant to thin staff would shut the lane. Allowed: a "
            f"negative added on each lane whose staff go on leave, by name (lane = "
            f"'{thinned[0] if thinned else lane}'), or servers = 0 to close the lane",
            added,
        )
