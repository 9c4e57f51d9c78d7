"""The organisation's running-in week by week: the goods' wait on the organisation per held
consignment, by the observed week in which they arrived, beside the share of productivity the
running-in takes that week (:mod:`sim.model.org.running_in`). A planner weighing a change of
structure asks how deep the dip is and how soon it recovers; the run's mean mixes both. Used by
``bordersim org`` when a structure it runs has a running-in."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sim.model.org.running_in import RunningIn, running_in

HOURS_PER_WEEK = 168.0


def scenario_running_in(scenario: Any) -> RunningIn:
    """The running-in of ``scenario``'s structure (none for one of today's)."""
    org = scenario.organisation
    warmup = float(scenario.warmup_days) * 24.0
    window = (warmup, warmup + float(scenario.days) * 24.0)
    return running_in(org.advantages, org.structure not in org.advantages.today, window)


def hold_by_week(log: Any, warmup_days: float) -> dict[int, float]:
    """Mean hours the organisation held each held cohort consignment (its clock's
    ``own_organisation``), by the observed week of its arrival (1: the first)."""
    held = log[log["cohort"].astype(bool) & (log["own_organisation"] > 0)]
    week = ((held["arrived"] - warmup_days * 24.0) // HOURS_PER_WEEK).astype(int) + 1
    return {int(w): float(v) for w, v in held.groupby(week)["own_organisation"].mean().items()}


def loss_by_week(r: RunningIn, warmup_days: float, weeks: int) -> dict[int, float]:
    """The running-in's mean loss over each observed week (hourly), 1 to ``weeks``."""
    start = warmup_days * 24.0
    return {w: sum(r.loss_at(start + (w - 1) * HOURS_PER_WEEK + h + 0.5)
                   for h in range(int(HOURS_PER_WEEK))) / HOURS_PER_WEEK
            for w in range(1, weeks + 1)}


def lines(holds: Mapping[str, Mapping[int, float]], losses: Mapping[str, Mapping[int, float]],
          lang: str = "en") -> list[str]:
    """The table: one row per observed week, each structure's hold (h) and, for a structure
    that runs in, its loss that week (%)."""
    weeks = sorted({w for h in holds.values() for w in h} | {w for v in losses.values()
                                                            for w in v})
    zh = lang == "zh"
    title = ("按观测周：货物每次被组织机构扣留的等待（小时），及磨合期的效率损失" if zh else
             "by observed week: goods' wait per organisation hold (h), and the running-in's "
             "productivity loss")
    from sim.cli_lang import pad

    head = [f"{n:>12}" for n in holds] + [pad(n + (" 损失" if zh else " loss"), 14)
                                          for n in losses]
    out = [title, pad("周" if zh else "week", 6) + "  " + "  ".join(head)]
    for w in weeks:
        cells = [f"{holds[n].get(w, math.nan):12.2f}" for n in holds]
        cells += [f"{100 * losses[n].get(w, 0.0):13.0f}%" for n in losses]
        out.append(f"{w:>6}  " + "  ".join(cells))
    return out
