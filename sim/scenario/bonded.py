"""A bonded zone's stock (综合保税区的库存): the port a zone's gate is modelled as names the
port whose transit goods (转关, :mod:`sim.scenario.transit`) fill the zone. The model then
keeps the zone's stock: goods enter when their transit leg reaches the zone and leave when
the gate's declarations call them off (domestic sale: the gate's imports; re-export: its
exports), oldest first (:mod:`sim.model.bonded_stock`, docs/bonded-zone.md). Absent: the
gate's flows are not linked to what enters, and no stock is kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from sim.scenario.base import Extended
from sim.scenario.limits import AtField

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario


class BondedZone(Extended):
    """``[ports.<gate>.bonded_zone]``: this port is a bonded zone's gate, and ``entry`` the
    port whose transit goods enter the zone."""

    entry: str = Field(
        description="the port whose transit goods ([ports.<entry>.transit]) enter the zone "
        "when their leg reaches it; this port's imports (domestic sale) and exports "
        "(re-export) call goods off from the zone's stock, oldest first",
    )


def check_bonded(scenario: Scenario) -> None:
    """Each zone's entry port is another of the scenario's ports, has transit goods, and
    fills one zone only (two gates drawing on one entry would count its goods twice)."""
    fills: dict[str, str] = {}
    for name, port in scenario.ports.items():
        zone = port.bonded_zone
        if zone is None:
            continue
        at = ("ports", name, "bonded_zone", "entry")
        others = [p for p in scenario.ports if p != name]
        if zone.entry not in others:
            allowed = ", ".join(others) or "none (the scenario has no other port)"
            raise AtField(at, f"unknown entry port {zone.entry!r}; allowed: {allowed}",
                          value=zone.entry)  # fmt: skip
        if scenario.ports[zone.entry].transit is None:
            raise AtField(at, f"port {zone.entry!r} has no transit goods to fill the zone; "
                          f"allowed: a port with [ports.<port>.transit]", value=zone.entry)
        if zone.entry in fills:
            raise AtField(at, f"port {zone.entry!r} already fills the zone of gate "
                          f"{fills[zone.entry]!r}; allowed: one gate per entry port",
                          value=zone.entry)  # fmt: skip
        fills[zone.entry] = name
