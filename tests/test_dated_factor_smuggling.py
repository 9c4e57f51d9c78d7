"""A dated arrival factor between 0 and 1 thins the honest trucks at a crossing and leaves the
smuggling groups' loads as they were: by day, group and route (docs/spring-festival.md says
why: whether fewer trucks delay, displace or cancel a load is not known). A factor of 0, a
closed crossing, holds the loads instead (tests of sim.model.closed_days)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sim

ROOT = Path(__file__).resolve().parents[1]
BORDER = ROOT / "scenarios" / "beilun-border.toml"
SHORT = {"warmup_days": 2, "days": 2, "drain_days": 1, "start_date": "2026-02-16"}


def _run(factor: float | None) -> Any:
    over: dict[str, Any] = dict(SHORT)
    if factor is not None:
        over["ports.dongxing.arrivals.dated"] = [
            {"from": "2026-02-16", "to": "2026-02-21", "factor": factor}]
    return sim.simulate(sim.load_scenario(BORDER, over), 1)


def test_half_the_trucks_leave_the_smuggling_loads_as_they_were():
    plain, half = _run(None), _run(0.5)
    assert half.counts["arrived"] < 0.9 * plain.counts["arrived"]  # (the trade is thinned)
    keys = ["day", "group", "route"]
    loads = [r.smuggling.groupby(keys)["chosen"].sum().to_dict() for r in (plain, half)]
    assert loads[0] == loads[1]
    road = [n for (_, _, route), n in loads[1].items() if route == "dongxing_road"]
    assert sum(road) > 0  # (the groups do use the crossing on these days)
