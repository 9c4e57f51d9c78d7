"""What is planned from a declaration's lodging, for transit goods that queue at a transit
desk (:mod:`sim.model.transit_plans`): a declarations' hold and the escalations that do not
hold the goods follow the time the goods really lodge, after the desk's wait, not the time
they would have lodged without it.

The setup: every import in transit through a one-officer desk loaded past its capacity
(1.5 arrivals an hour, an hour's formalities on average), so that the queue, and the wait,
grow through the day; no journey, lodging on arrival here. About a second in all.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from org_scenarios import generated
from theory_scenarios import build, exponential
from theory_scenarios import scenario as make_scenario

from sim.model.org.stats import OrgStats
from sim.model.run import simulate

HOLD_AT, HOLD_H = 24.0, 6.0


def _scenario(capacity: int | str = 1) -> dict[str, Any]:
    data = make_scenario(name="transit-desk-plans", rate_per_h=1.5, days=2, drain_days=3)
    data["ports"]["p"]["transit"] = {
        "share": {"*": 1.0},
        "formalities": exponential(1.0),
        "travel": "0 h",
        "desk": {"capacity": capacity},
    }
    return data


@pytest.mark.parametrize("fast", [True, False], ids=["bulk", "journeys"])
def test_a_declarations_hold_catches_what_the_desk_s_wait_brings_into_it(fast: bool):
    """A declaration system down from the end of day 1 for 6 h: no transit declaration is
    lodged while it is down, those due in it are lodged at its end, and goods that arrived
    before it but left the desk during it are among them."""
    data = _scenario()
    data["holds"] = [{"of": "declarations", "port": "p", "at": "1 d", "lasts": "6 h"}]
    log = simulate(build(data), 1, log=True, fast=fast).log
    assert log.lodged.notna().all()
    a, b = HOLD_AT, HOLD_AT + HOLD_H
    assert log.lodged.between(a, b, "left").sum() == 0
    at_end = np.isclose(log.lodged, b)
    assert at_end.sum() > 3
    # some of them would have lodged before the hold without the desk's wait
    assert (log.arrived[at_end] < a).sum() > 0
    # the others lodge when their goods arrive here, as without the hold
    rest = log[~at_end]
    assert rest.lodged.to_numpy() == pytest.approx(rest.transit_arrived.to_numpy())


@pytest.mark.parametrize("fast", [True, False], ids=["bulk", "journeys"])
@pytest.mark.parametrize("capacity", [1, "unlimited"])
def test_escalations_that_do_not_hold_the_goods_are_raised_at_their_real_lodging(
    monkeypatch: pytest.MonkeyPatch, capacity: int | str, fast: bool
):
    """Every declaration raises a ruling that does not hold the goods (so it is planned,
    not waited for): each is raised once, at its declaration's assessment (its lodging:
    assessing takes no time here), after the desk's wait; an unlimited desk has none, and
    its goods are planned when they are made, as without a desk."""
    raised: list[float] = []
    keep = OrgStats.raise_

    def seen(self: OrgStats, kind: str, t: float) -> None:
        raised.append(t)
        keep(self, kind, t)

    monkeypatch.setattr(OrgStats, "raise_", seen)
    data = _scenario(capacity)
    staff = {"tariff": 50, "quarantine": 2, "anti_smuggling": 2}
    data["organisation"] = generated("hybrid", {"a": ["p"]}, staff, ruling=1.0, holds=0.0)
    log = simulate(build(data), 1, log=True, fast=fast).log
    wait = log.transit_sealed - log.arrived - log.transit_formalities
    assert wait.max() > 5 if capacity == 1 else wait.max() < 1e-9  # (the desk's wait matters)
    assert len(raised) == len(log)
    assert sorted(raised) == pytest.approx(sorted(log.lodged.to_numpy()))
