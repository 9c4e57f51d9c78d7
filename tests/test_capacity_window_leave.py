"""Staff on leave on every lane of a port (``capacity_windows`` with ``lane = "*"`` and a
negative ``added``) is refused where it would shut a lane in hours its schedule staffs (a
one-server scanner at 0), naming the window, the lane and what to give instead; accepted
where every lane keeps a server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sim

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")


def _leave(at: str, lasts: str, added: int = -1) -> dict[str, Any]:
    return {"capacity_windows": [
        {"port": "sea", "lane": "*", "at": at, "lasts": lasts, "added": added}]}


def test_leave_on_every_lane_that_would_close_the_one_scanner_is_refused():
    # the small scenario's scanners: 1 from 00:00 to 08:00 and from 18:00, 2 by day
    said = (r"capacity_windows\.0\.added = -1: on every lane \(lane = '\*'\) from 8 d for "
            r"24 h it would close lane scanners of port sea: 1 server\(s\) .*Allowed: a "
            r"negative added on each lane whose staff go on leave, by name .*servers = 0")
    with pytest.raises(sim.ScenarioError, match=said):
        sim.load_scenario(SMALL, _leave("8 d", "1 d"))


def test_leave_on_every_lane_is_accepted_where_each_keeps_a_server():
    by_day = sim.load_scenario(SMALL, _leave("200 h", "10 h"))  # (08:00 to 18:00: 2 scanners)
    assert by_day.capacity_windows[0].added == -1
    with pytest.raises(sim.ScenarioError, match="close lane scanners"):
        sim.load_scenario(SMALL, _leave("200 h", "11 h"))  # (to 19:00: 1 scanner at 18:00)
    with pytest.raises(sim.ScenarioError, match="close lane document_check"):
        sim.load_scenario(SMALL, _leave("200 h", "10 h", -2))  # (2 checkers, both away)
