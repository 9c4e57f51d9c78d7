"""Smuggling groups' attempts at a port follow the port's calendar (sim.model.closed_days):
on the days it takes no trucks (a dated arrival factor of 0, an arrivals' hold) a group's
load comes when it takes them again, and is counted on that day."""

from __future__ import annotations

import numpy as np
import pytest

from sim.model import stability
from sim.model.closed_days import closed_spans, reopened
from sim.model.run import simulate
from sim.model.streams import SMUGGLING_INDEX
from sim.scenario.loader import load_scenario
from sim.warning_codes import record
from tests.test_smuggling import SMALL, SMUGGLING

#: the sea port takes no imports from day 8 to day 9 (the run starts on Monday 5 January)
CLOSED = {"ports.sea.arrivals.dated": [
    {"from": "2026-01-13", "to": "2026-01-14", "factor": 0, "note": "closed"}
]}
#: the same days as a hold of the port's arrivals
HELD = {}, """
[[holds]]
of = "arrivals"
port = "sea"
at = 2026-01-13
lasts = "2 d"
"""


@pytest.mark.parametrize("overrides,extra", [(CLOSED, ""), HELD], ids=["dated", "hold"])
def test_a_groups_loads_wait_for_the_port_to_take_trucks_again(tmp_path, overrides, extra):
    params = {"learning": 0.2, "river_staff": 3, "per_officer": 0.05, "rate": 40}
    path = tmp_path / "closed.toml"
    path.write_text("start_date = 2026-01-05\n" + SMALL.read_text()
                    + SMUGGLING.format(**params, routes='["sea"]') + extra)
    s = load_scenario(path, overrides)
    assert closed_spans(s, "sea", export=False) == [(8 * 24.0, 10 * 24.0)]
    r = simulate(s, 5, log=True)
    loads = r.log[r.log["index"] >= SMUGGLING_INDEX]
    arrived = loads["arrived"].to_numpy()
    assert not ((arrived >= 8 * 24.0) & (arrived < 10 * 24.0)).any()
    waited = int((arrived == 10 * 24.0).sum())
    assert waited > 10  # (about 40 a day choose among one route and not smuggling)
    frame = r.smuggling
    sea = frame[(frame["route"] == "sea") & frame["observed"]].groupby("day")["chosen"].sum()
    assert sea.get(1, 0) == 0 and sea.get(2, 0) == 0  # (days 8 and 9: observed days 1, 2)
    assert sea.get(3, 0) >= waited  # (counted on the day they came)


def test_reopened_passes_spans_that_meet():
    spans = [(10.0, 20.0), (20.0, 30.0), (50.0, 60.0)]
    assert [reopened(spans, t) for t in (5.0, 10.0, 25.0, 30.0, 55.0)] == [
        5.0, 30.0, 30.0, 30.0, 60.0
    ]
    assert np.isfinite(reopened([], 3.0))


def test_loads_due_at_a_port_closed_to_the_runs_end_are_told_not_lost(tmp_path):
    params = {"learning": 0.2, "river_staff": 3, "per_officer": 0.05, "rate": 40}
    path = tmp_path / "closed.toml"
    path.write_text("start_date = 2026-01-05\n" + SMALL.read_text()
                    + SMUGGLING.format(**params, routes='["sea"]'))
    shut = {"ports.sea.arrivals.dated": [  # (from day 8, past the run's 21 days)
        {"from": "2026-01-13", "to": "2026-03-14", "factor": 0, "note": "closed"}]}
    r = simulate(load_scenario(path, shut), 5, log=True)
    (line,) = [w for w in r.warnings if "never arrived" in w]
    rec = record("warning: " + line)
    assert rec["code"] == "smuggling_never_arrived" and not rec["unsettles"]
    assert rec["port"] == "sea" and rec["fields"]["route"] == "sea"
    frame = r.smuggling
    late = frame[(frame["route"] == "sea") & (frame["day"] == frame["day"].max())]
    assert rec["figures"]["loads"] == late["chosen"].sum() == late["unresolved"].sum() > 0
    assert rec["figures"]["due_from_d"] == 8
    assert not stability.unsettled(r.warnings)
    # (a closure that ends within the run keeps none out: no note)
    r = simulate(load_scenario(path, CLOSED), 5)
    assert not [w for w in r.warnings if "never arrived" in w]
