"""What the goods' wait at a port burns: the vehicles that wait with them, and their engines.

An emissions analyst asks what the queues at the border cost in idling: the truck-hours spent
at a port while the goods are declared, checked and released, the diesel burnt and the CO2
emitted, and how a reform changes them. ``[idling.ports.<port>]`` says which of a port's
goods wait on a vehicle (a truck at a land crossing waits with its load from arrival until it
crosses; a container discharged from a vessel waits in the yard, no engine running), which
stretches of their time count (the Time Release Study stretches of sim/model/intervals.py,
all of them from arrival to the end of the flow by default, or some: the exit gate's queue
at a sea port), and the engine: the share of those hours it runs, its fuel an hour idling and
the CO2 of a litre of fuel. The metrics are in sim/model/idling.py; docs/idling.md explains
them and what the model cannot say (no vessel waits on customs in it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from sim.scenario.base import Strict
from sim.scenario.limits import AtField, Probability, Real
from sim.stretches import FLOW

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: the stretches a vehicle may wait through: those that partition a consignment's time from
#: arrival to the end of its flow (kinds ``to_release`` and ``after_release``), in route
#: order, from the stretch list the model reads too (the schema does not import the model)
STRETCHES = FLOW
#: the transit leg (转关, sim/scenario/transit.py): formalities at the entry port, then the
#: journey under seal; not a wait at this port, so 'all' and 'to_release' leave it out
ON_THE_WAY = ("transit_formalities", "transit_travel")
#: a fuel rate or emission factor far above any engine's (a slip of units: ml for l, g for kg)
MAX_FUEL_L_PER_H = 100.0
MAX_CO2_KG_PER_L = 10.0
Direction = Literal["import", "export"]


def _both() -> list[Direction]:
    return ["import", "export"]


class IdlingPort(Strict):
    """One port's waiting vehicles and their engines."""

    per: Literal["container", "consignment"] = Field(
        default="container",
        description="one vehicle for each container of a consignment (a truck carries a box; a "
        "land crossing's truck is one container) or one for the whole consignment",
    )
    directions: list[Direction] = Field(
        default_factory=_both, min_length=1,
        description="the flows whose goods wait on a vehicle",
    )  # fmt: skip
    stretches: list[str] | Literal["all", "to_release"] = Field(
        default="all",
        description="the Time Release Study stretches during which the vehicle waits at the "
        "port ('all': from arrival to the end of the flow; 'to_release': from arrival to "
        "customs' release; transit goods' leg before their arrival here counts in neither, "
        "only when named; or a list, e.g. ['gate'] for the exit gate's queue)",
    )
    engine_on: Probability = Field(
        description="share of the waiting hours with the engine running (idling)"
    )
    fuel_l_per_h: Real = Field(
        ge=0, le=MAX_FUEL_L_PER_H, description="litres of fuel an hour of idling burns"
    )
    co2_kg_per_l: Real = Field(
        ge=0, le=MAX_CO2_KG_PER_L, description="kg of CO2 a litre of the fuel emits"
    )

    def counted(self) -> tuple[str, ...]:
        """The stretches that count, in route order (the transit leg only when named)."""
        here = tuple(s for s in STRETCHES if s not in ON_THE_WAY)
        if self.stretches == "all":
            return here
        if self.stretches == "to_release":
            return here[: here.index("awaiting_discharge")]
        return tuple(s for s in STRETCHES if s in self.stretches)


class Idling(Strict):
    """``[idling]``: the ports whose goods wait on a vehicle with its engine running."""

    ports: dict[str, IdlingPort] = Field(
        min_length=1, description="by port name (a key of [ports])"
    )


def check_idling(scenario: Scenario) -> None:
    """Every port named is one of the scenario's; every stretch named is one a vehicle can
    wait through, each once."""
    idling = scenario.idling
    if idling is None:
        return
    for name, port in idling.ports.items():
        if name not in scenario.ports:
            raise AtField(
                ("idling", "ports", name),
                f"unknown port {name!r}; allowed: {', '.join(scenario.ports)}", value=name,
            )  # fmt: skip
        if isinstance(port.stretches, str):  # ('all', 'to_release')
            continue
        for i, s in enumerate(port.stretches):
            where = ("idling", "ports", name, "stretches", i)
            if s not in STRETCHES:
                allowed = f"'all', 'to_release' or some of {', '.join(STRETCHES)}"
                raise AtField(where, f"unknown stretch {s!r}; allowed: {allowed}", value=s)
            if s in port.stretches[:i]:
                raise AtField(where, f"the stretch {s!r} is given twice; give each once",
                              value=s)  # fmt: skip
