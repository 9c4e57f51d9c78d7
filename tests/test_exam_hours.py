"""The ``exam_hours`` reform (longer exam-yard hours): the appointment slots and the yard's
staff rosters are extended together, so examinations booked in the evening are done the same
day, and the examined goods are released sooner."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import sim
from sim.reforms import REFORMS, apply

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 0, "drain_days": 2}
#: the small scenario's teams and quarantine officers on a day roster, 08:00-18:00
DAY = [0] * 8 + [6] * 10 + [0] * 6
ROSTER = {
    "ports.sea.exam.teams": {"schedule": DAY},
    "ports.sea.quarantine.officers": {"schedule": [n // 3 for n in DAY]},
}


def _rostered() -> sim.Scenario:
    return sim.patch(sim.load_scenario(SMALL, SHORT), ROSTER)


def test_the_slots_and_the_rosters_close_later_together() -> None:
    changes = REFORMS["exam_hours"](extra_hours=3).fields(_rostered())
    late = [0] * 8 + [6] * 13 + [0] * 3  # (08:00-21:00)
    assert changes == {
        "ports.sea.exam.slots.day_end": 20.0,  # (the default slots' 17:00, 3 hours later)
        "ports.sea.exam.teams.schedule": late,
        "ports.sea.quarantine.officers.schedule": [n // 3 for n in late],
    }  # the movers, on at a fixed capacity round the clock, are left as they are


def test_evening_examinations_are_done_the_same_day_and_goods_released_sooner() -> None:
    """Same seed: the base yard starts no examination after its teams leave at 18:00; with
    4 extra hours it starts some between 18:00 and 22:00, and the physically examined goods
    are released sooner on average."""
    base = _rostered()
    before = sim.simulate(base, 1, log=True).log
    after = sim.simulate(apply(base, "exam_hours"), 1, log=True).log
    assert before is not None and after is not None

    def evening(log: pd.DataFrame) -> int:
        starts = log.exam_start.to_numpy(dtype=float)
        hour = np.mod(starts[~np.isnan(starts)], 24)
        return int(((hour >= 18) & (hour < 22)).sum())

    assert evening(before) == 0
    assert evening(after) > 5
    examined = before.sel_physical.astype(bool).to_numpy()
    assert examined.sum() > 20
    waited = (before.released - before.arrived)[examined].mean()
    assert (after.released - after.arrived)[examined].mean() < waited
