"""What one replication warns of, gathered from its parts: a queue or a lane that does not
settle, slots or organisation staff overloaded, goods unfinished or not out by the end, the
risk engine's targets missed, smuggling groups that had not learned, an approach or a bonded
zone's stock that keeps rising. Each part words its own warnings; this gathers them in the
order the run's report shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.model import stability
from sim.model.approach import approach_warnings
from sim.model.closure_waits import at_ports
from sim.model.risk import RiskEngine
from sim.model.risk_report import target_warnings

if TYPE_CHECKING:
    from sim.model.world import World


def world_warnings(world: World, utilisation: dict[tuple[str, str], float]) -> list[str]:
    """Stability warnings: lanes, slots, organisation staff, unfinished goods, smugglers."""
    slots = [
        (p.name, "the exam appointment slots", p.slots.weekly)
        for p in world.ports
        if p.slots is not None and p.slots.capacity is not None
    ]
    labs = [p.lab for p in world.ports if p.lab is not None]
    rec, window, ports = world.recorder, (world.warmup, world.stop), world.scenario.ports
    drain = world.scenario.drain_days
    return [
        *stability.check([*world.lanes, *labs], window, utilisation, slots, ports,
                         at_ports(world.lanes, world.scenario, world.stop)),
        *stability.staff(world.organisation.staff_queues(), window, utilisation),
        *stability.unfinished(list(ports), rec.port_outcomes, rec.stuck, drain,
                              stability.longest_queues(world.samples)),
        *stability.not_out(list(ports), rec.port_outcomes, rec.not_out, drain),
        *(target_warnings(world.selector) if isinstance(world.selector, RiskEngine) else []),
        *(world.smugglers.warnings() if world.smugglers is not None else []),
        *approach_warnings(world.ports, drain),  # (unsettled, left)
        *world.bonded.warnings(),  # (a bonded zone's stock that does not settle)
    ]
