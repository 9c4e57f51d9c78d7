"""The border-resident lane of a ``border_resident_trade`` route: what ``lane`` may say.

Without a lane such a route is only a patrol that stops some smuggling loads. With one, the
honest members who carry their own goods under the per-resident daily allowance cross it
too, and they and the residents hired to carry a smuggling group's split load queue at the
same officers (the route's patrol, on duty by its schedule) while the route is open. Every
crossing takes ``service`` at an officer; a share ``check_share`` also gets a detailed check
of the goods against the allowance (``check`` more), which finds the carrier of a split load
with probability ``finds``. So a tighter check stops more smuggling and makes every member
wait longer: the trade-off the lane measures (:mod:`sim.model.resident_lane`).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from sim.scenario import limits
from sim.scenario.base import Strict
from sim.scenario.distributions import DurationDist
from sim.scenario.limits import Probability
from sim.scenario.units import UnitError, parse_rate

#: members' crossings a lane may see (per hour), as a group's opportunities: at most
#: 100,000 a day
MAX_CROSSINGS_H = 100_000 / 24
#: carriers a group's mean load may be split among at a lane: each is served by an officer,
#: so an allowance far below the loads' value (a typo: 8 for 8,000) swamps the lane with
#: carriers; 1,000 residents for one load is far past any split reported (assumption)
MAX_CARRIERS = 1000


def crossing_rate(v: Any) -> float:
    """A rate of crossings (or a group's opportunities): '200/d', within 0 to 100,000 a day."""
    try:
        rate = parse_rate(v)
    except UnitError as exc:
        raise ValueError(str(exc)) from None
    if not 0 <= rate <= MAX_CROSSINGS_H:
        raise ValueError(f"out of range: allowed 0 to 100,000/d; got {v!r}")
    return rate


class ResidentLane(Strict):
    """Honest members and smugglers' carriers queueing at a resident-trade lane's officers.
    No field has a default: each is the scenario's to cite or to mark as an assumption."""

    members: Annotated[float, BeforeValidator(crossing_rate)] = Field(
        description="crossings by honest members, per day (e.g. '1500/d'); they come at even "
        "rates while the route is open (its open_hours; none: at any hour)"
    )
    allowance: Annotated[float, BeforeValidator(limits.real)] = Field(
        gt=0,
        le=limits.MAX_VALUE,
        description="value of goods one resident may carry duty-free a day, USD: a smuggling "
        "load of value v is split among ceil(v / allowance) carriers, each one crossing",
    )
    service: DurationDist = Field(
        description="time at an officer of every crossing (card, goods declared, allowance)"
    )
    check_share: Probability = Field(
        description="share of crossings, members' and carriers' alike, given a detailed check"
    )
    check: DurationDist = Field(description="time a detailed check adds at the officer")
    finds: Probability = Field(
        description="probability that a detailed check of a carrier finds the split load (the "
        "whole load is then caught, as by the patrol)"
    )


def check_split(lane: ResidentLane, mean_value: float, where: tuple[str, ...], group: str
                ) -> None:
    """Refuse a lane whose allowance splits a group's mean load among more than
    :data:`MAX_CARRIERS` carriers (``where``: the lane's path)."""
    from math import ceil

    from sim.scenario.limits import AtField

    n = ceil(mean_value / lane.allowance)
    if n > MAX_CARRIERS:
        raise AtField(
            (*where, "allowance"), f"group {group}'s mean load of {mean_value:,.0f} USD "
            f"would be split among {n:,} carriers, more than {MAX_CARRIERS:,}: the allowance "
            "is in USD a resident a day (8,000 yuan is about 1,150 USD)", lane.allowance,
        )
