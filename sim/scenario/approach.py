"""A land crossing's approach: the trucks it holds at once, and where the rest wait.

A trucking company's question: how long do trucks queue before the crossing? The crossing
holds only so many trucks at once (its yard, its lanes' standing room); a truck that reaches
it when it is full waits on the approach, first in the parking area, then, when that is
full too, on the road. ``[ports.<port>.approach]`` gives the two numbers; the model is
:mod:`sim.model.approach`, the figures and what they leave out are in docs/trucks.md.
Without the section a truck enters the crossing as it reaches it (as before it existed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from sim.scenario.base import Strict
from sim.scenario.limits import AtField, Whole

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario


class Approach(Strict):
    """The trucks a land crossing holds at once, and the parking area before it."""

    inside: Whole = Field(
        ge=1,
        description="trucks the crossing holds at once (its yard and lanes' standing room); "
        "a truck that reaches it when it holds this many waits on the approach; a truck "
        "waiting for a laboratory result keeps its place, so the others have this less "
        "approach_inside_lab_mean (docs/trucks.md: near it, waits jump)",
    )
    parking: Whole = Field(
        ge=0,
        description="spaces in the parking area before the crossing; trucks waiting beyond "
        "them wait on the road",
    )


def check_approach(scenario: Scenario) -> None:
    """An approach is a land crossing's: its consignments are trucks (a sea port's
    containers, a post office's parcels queue elsewhere)."""
    for name, port in scenario.ports.items():
        if port.approach is not None and port.mode != "land":
            raise AtField(
                ("ports", name, "approach"),
                f"an approach is a land crossing's, and this port's mode is {port.mode!r}; "
                "allowed: only at a port with mode = 'land'",
                value=port.mode,
            )
