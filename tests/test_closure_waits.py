"""A lane's wait that rose over a dated closure (sim.model.closure_waits): back to its level
before the closure by the last observed week, it is the closure's backlog (``closure_backlog``,
which leaves the run steady), not a queue told to run longer; not back, it is still a rising
wait (the queue may truly not settle), with the closure and the level it missed."""

from __future__ import annotations

from types import SimpleNamespace

from sim.model import stability
from sim.model.closure_waits import closed_hours
from sim.model.weekly import Weekly
from sim.report.zh_warnings import WARNINGS
from sim.warning_codes import record

WEEK = 168
WINDOW = (0.0, 5 * WEEK)
#: two scanners by day, none at night; the window closes them in week 3 (days 21 to 24)
DAY = [0] * 8 + [2] * 10 + [0] * 6


def closed_lane(last: float, closed: bool = True) -> SimpleNamespace:
    """A lane whose weekly mean waits are 1.0, 1.1, 1.2, then 9.0 in the closure's week and
    ``last`` in the week after; ``closed``: a window closed it (else the same waits, no
    window)."""
    weekly = Weekly()
    for week, mean in enumerate((1.0, 1.1, 1.2, 9.0, last)):
        for day in range(7):  # (a job each day: the rule's batches are days)
            weekly.add(week * WEEK + day * 24 + 10.0, mean)
    planned = DAY * 35
    if closed:
        planned = [0 if 21 * 24 <= h < 24 * 24 else n for h, n in enumerate(planned)]
    return SimpleNamespace(port="p_1", name="scanners", unlimited=False, weekly=weekly,
                           weekly_waits=weekly.means, hourly=DAY * 7,
                           planned=planned if closed else None)  # fmt: skip


def said(lane: SimpleNamespace) -> list[str]:
    return stability.check([lane], WINDOW, {("p_1", "scanners"): 0.5})


def test_a_wait_back_to_its_level_after_a_closure_is_the_closures_backlog():
    assert closed_hours(closed_lane(1.3), WINDOW[1]) == (21 * 24 + 8, 23 * 24 + 18)
    (line,) = said(closed_lane(1.3))
    rec = record("warning: " + line)
    assert rec["code"] == "closure_backlog" and not rec["unsettles"], line
    assert "run longer" not in line and "--days" not in line
    assert rec["figures"]["last_week_h"] == 1.3 and rec["figures"]["before_closure_h"] == 1.1
    assert (rec["figures"]["closed_from_d"], rec["figures"]["closed_to_d"]) == (21, 24)
    assert not stability.unsettled([line])
    # (the same waits without a closure: a rising wait, as ever)
    (plain,) = said(closed_lane(1.3, closed=False))
    assert record("warning: " + plain)["code"] == "wait_rising" and stability.unsettled([plain])


def test_a_wait_not_back_after_a_closure_is_still_a_rising_wait_that_names_it():
    (line,) = said(closed_lane(6.0))
    rec = record("warning: " + line)
    assert rec["code"] == "wait_rising" and rec["unsettles"], line
    assert rec["figures"]["last_week_h"] == 6.0 and rec["figures"]["before_closure_h"] == 1.1
    assert "--days" in line and "closure of its servers from 21 d to 24 d" in line
    assert stability.unsettled([line])


def test_a_closure_in_the_last_observed_week_is_a_rising_wait_that_names_it():
    lane = closed_lane(1.3)
    lane.planned = [0 if 4 * WEEK <= h < 4 * WEEK + 30 else n for h, n in enumerate(DAY * 35)]
    (line,) = said(lane)
    rec = record("warning: " + line)
    assert rec["code"] == "wait_rising" and rec["unsettles"] and "--days" in line
    assert "from 28 d to 29 d, after which no whole week was observed" in line
    assert "last_week_h" not in rec["figures"]


def test_the_closure_figures_have_chinese():
    clauses = " ".join(WARNINGS["closure_backlog"]) + " ".join(WARNINGS["wait_rising"])
    for name in ("closed_from_d", "closed_to_d", "last_week_h", "before_closure_h"):
        assert "{" + name + "}" in clauses


#: the closed hours of ``closed_lane``'s window, as a port's closure
PORT_CLOSED = {"p_1": (21 * 24 + 8, 23 * 24 + 18)}


def test_a_lab_and_the_exam_slots_are_judged_by_their_ports_closure():
    lab = closed_lane(1.3, closed=False)
    lab.name = "lab"
    slots = [("p_1", "the exam appointment slots", closed_lane(1.3).weekly)]
    lines = stability.check([lab], WINDOW, {("p_1", "lab"): 0.5}, slots, None, PORT_CLOSED)
    assert [record("warning: " + w)["code"] for w in lines] == ["closure_backlog"] * 2, lines
    assert all("closure at its port from 21 d to 24 d" in w for w in lines)
    # (a queue that does not come back is still told to run longer, with the closure)
    slots = [("p_1", "the exam appointment slots", closed_lane(6.0).weekly)]
    (line,) = stability.check([], WINDOW, {}, slots, None, PORT_CLOSED)
    rec = record("warning: " + line)
    assert rec["code"] == "wait_rising" and rec["figures"]["last_week_h"] == 6.0
    # (no closure at the port: a rising wait, as ever)
    plain = stability.check([lab], WINDOW, {("p_1", "lab"): 0.5}, slots, None, {"p_2": (0, 9)})
    assert {record("warning: " + w)["code"] for w in plain} == {"wait_rising"}


def test_a_lanes_own_closure_comes_before_its_ports():
    (line,) = stability.check([closed_lane(1.3)], WINDOW, {("p_1", "scanners"): 0.5},
                              (), None, {"p_1": (0, 5)})  # fmt: skip
    assert "closure of its servers from 21 d to 24 d" in line


def test_a_ports_closure_is_its_closed_lanes_and_its_days_without_trucks():
    from sim.model.closure_waits import at_ports
    from sim.scenario.loader import load_scenario
    from tests.test_smuggling import SMALL

    assert at_ports([closed_lane(1.3)], SimpleNamespace(ports={}), WINDOW[1]) == PORT_CLOSED
    s = load_scenario(SMALL, {"start_date": "2026-01-05", "ports.sea.arrivals.dated": [
        {"from": "2026-01-13", "to": "2026-01-14", "factor": 0, "note": "closed"}]})
    assert at_ports([], s, 21 * 24.0) == {"sea": (8 * 24, 10 * 24)}
    # (a lane of the port closed later: the port's closure runs from the first to the last)
    lane = closed_lane(1.3)
    lane.port = "sea"
    assert at_ports([lane], s, WINDOW[1]) == {"sea": (8 * 24, 23 * 24 + 18)}
    # (cut at the end of the observed window; none before it: no closure)
    assert at_ports([], s, 9 * 24.0) == {"sea": (8 * 24, 9 * 24)}
    assert at_ports([], s, 7 * 24.0) == {}
