"""A smuggling group's attempts at a port, made into that port's consignments: drawn from the
group's own stream, with the quantities the group chose forced."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model import transit_plans
from sim.model.draws import DRAWS, REQUIREMENTS, WIDTH, Context
from sim.model.steps.declaration import DECISIONS, select
from sim.model.streams import SMUGGLING_INDEX, SMUGGLING_ROWS, UniformRows, group_stream, name_key

if TYPE_CHECKING:
    from sim.model.port import Port


def forced_table(ctx: Context, u: np.ndarray, forced: dict[str, Any]) -> np.ndarray:
    """The requirement table of a block (as :meth:`Registry.table`) with the ``forced``
    quantities set before the draws that depend on them are made."""
    unknown = set(forced) - set(REQUIREMENTS)
    if unknown:
        raise ValueError(f"no draw named {', '.join(sorted(unknown))}")
    return DRAWS.table(ctx, u, forced)


def inject(port: Port, arrived: np.ndarray, forced: dict[str, Any], group: str) -> np.ndarray:
    """Make consignments for a smuggling group's attempts at this port and hand them on
    as ``port``'s own (they meet its queues and checks; those arriving in the window are
    cohort members). Their uniforms come from the group's stream at this port and their
    indices from SMUGGLING_INDEX up, so the port's other consignments keep their draws;
    ``forced`` quantities (by draw name) replace the drawn ones. Returns the indices."""
    rows = port.smuggling_rows.get(group)
    if rows is None:
        rng = group_stream(port.seed, group, SMUGGLING_ROWS, name_key(port.name))
        rows = port.smuggling_rows[group] = UniformRows(rng, WIDTH, block=64)
    u = rows.take(len(arrived))
    export = int(forced.get("direction", 0)) == 1
    ctx = Context(
        port.scenario, port.spec, port.commodities, arrived, export=export, port_name=port.name
    )
    table = forced_table(ctx, u, forced)
    first = SMUGGLING_INDEX + port.created_smuggling
    port.created_smuggling += len(arrived)
    index = np.arange(first, first + len(arrived))
    cohort = (arrived >= port.warmup) & (arrived < port.stop)
    transit_plans.admit(port, index, arrived, table)
    uniforms = {check: u[:, DRAWS.column(f"sel_{check}")] for check in DECISIONS}
    if port.decisions.dynamic:
        port.decisions.defer(index, arrived, table, cohort, uniforms)
    else:
        select(port, table, uniforms, port.env.now)
        port.launch(*port.split(index, arrived, table, cohort))
    return index
