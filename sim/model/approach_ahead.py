"""An approach's trucks' requirement tables drawn once per block, when they reach it.

A truck's flow starts at its entry to the crossing, so its requirements were drawn then, one
truck at a time (about 0.8 ms a truck, most of a run with an approach). A row of the table
depends on its uniforms, the port's rules and its entry time only through ``goods_ready``
(a truck's goods are ready at its arrival: no vessel call's discharge); so the block's
table is drawn when its trucks reach the approach and each truck's row gets its entry time
as ``goods_ready`` when it enters: the same numbers as drawn at the entry. Not where the
rules at the entry may be another era's (a timeline), nor for imports that come in calls
(``arrivals.batch``, whose discharge spreads over the call): those are drawn at the entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.model.draws import DRAWS, Context, R

if TYPE_CHECKING:
    from sim.model.port import Port


def drawn_ahead(port: Port, earliest: np.ndarray, u: np.ndarray, export: bool
                ) -> np.ndarray | None:
    """The requirement table of a block of trucks reaching ``port``'s approach (their
    ``goods_ready`` to be set at entry: :func:`at_entry`), or None where it must be drawn at
    the entry (see the module's text)."""
    if port.eras or (not export and port.spec.arrivals.batch is not None):
        return None
    ctx = Context(port.scenario, port.spec, port.commodities, earliest, export=export,
                  port_name=port.name)
    return DRAWS.table(ctx, u)


def at_entry(row: np.ndarray, entered: float) -> np.ndarray:
    """One truck's drawn row (a 1-row table of its own) as drawn at its entry ``entered``."""
    out = row.copy()
    out[:, R.goods_ready] = entered
    return out
