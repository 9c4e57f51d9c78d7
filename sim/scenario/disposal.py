"""How a commodity's rejected goods leave the border: returned to their shipper or destroyed
under quarantine's supervision, and how long that keeps the box in the yard.

A rejection ends the goods' clearance (they are never released), but the box stays on the
port's ground until its return ships or its destruction is done: a planner sizing the yard
and quarantine's staff needs that time. Without it (the default) the return or destruction
takes no time and holds no yard space in the model, as before the setting existed; no
sourced default is known (the wait depends on the carrier's sailings and the licensed
facility's bookings), so a scenario gives its own figure and says where it comes from.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from sim.scenario.base import Extended
from sim.scenario.distributions import Duration

#: who each kind of disposal is booked to: a return waits for the trader's carrier, a
#: destruction is quarantine's supervision
OWNER = {"return": "trader", "destruction": "quarantine"}


class Disposal(Extended):
    """A rejected lot's disposal: its kind, how long its box stays in the yard for it, and
    the hours it holds the port's disposal facility."""

    ADDED: ClassVar[tuple[str, ...]] = ("work",)

    kind: Literal["return", "destruction"] = Field(
        description="'return': shipped back to the shipper, waiting for the next vessel of "
        "the carrier (the trader's time); 'destruction': destroyed at a licensed facility "
        "under quarantine's supervision (quarantine's time)"
    )
    time: Duration = Field(
        description="from the rejection to the box leaving the yard (e.g. \"5 d\"): the "
        "wait for the next sailing, or the facility's booking and the supervised "
        "destruction; the clearance figures do not count it (the goods are not released), "
        "the yard's dwell and level and the quarantine_disposal_ metrics do"
    )
    work: Duration = Field(
        default=0.0,
        description="a container's hours at the port's disposal facility "
        "(ports.<port>.quarantine.disposal_facility), queued for from the rejection; "
        "0 (the default), or a port without that facility: it holds no capacity",
    )
