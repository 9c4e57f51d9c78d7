"""The laboratory sample a control order asks for (``sample`` of ``[[selection.orders]]``,
:mod:`sim.scenario.orders`): the share of its ordered quarantine checks that send one.

Drawn with the consignment from its own ``sample`` uniform, as the port's ``sample_share``
is (common random numbers: whatever the shares, goods whose uniform falls below both are
sampled under both). A consignment an order covers for its quarantine check is sampled with
the order's share; if the tables (or the risk engine) chose its check anyway, with the larger
of the order's and the port's. Only the case of an order asking less than the port depends on
that choice, made later: such a row holds :data:`IF_TABLES` until the assessment step settles
it (:mod:`sim.model.sample_settle`). An order without ``sample`` leaves the draw as it was,
bit for bit.
"""

from __future__ import annotations

import numpy as np

from sim.model.registry import Context
from sim.scenario.base import ANY, DIRECTIONS

#: sampled at the port's share but not at the order's smaller one: the sample is taken if
#: the tables chose the quarantine check themselves, else not (settled at assessment)
IF_TABLES = 0.5


def order_shares(x: Context) -> np.ndarray | None:
    """Each row's order share (the largest of the orders covering its quarantine check that
    give ``sample``; NaN: none), or None where no such order applies at the block's port."""
    way = DIRECTIONS[1] if x.export else DIRECTIONS[0]
    origins = list(x.port.traffic.origins)
    out = None
    for order in x.scenario.orders:
        if (
            order.sample is None
            or "quarantine" not in order.checks
            or not order.covers(x.port_name, order.ports)
            or order.direction not in (ANY, way)
        ):
            continue
        coms = [k for k, c in enumerate(x.commodities) if order.covers(c, order.commodities)]
        origs = [k for k, o in enumerate(origins) if order.covers(o, order.origins)]
        rows = np.isin(x.values["commodity"], coms) & np.isin(x.values["origin"], origs)
        if out is None:
            out = np.full(x.n, np.nan)
        out[rows] = np.fmax(out[rows], order.sample)
    return out


def sampled(x: Context, u: np.ndarray, share: float) -> np.ndarray:
    """Whether each row's quarantine check sends a sample: ``u < share`` (the port's), or
    under an order its share, the larger of the two, or :data:`IF_TABLES`."""
    port = u < share
    orders = order_shares(x)
    if orders is None:
        return port
    out = port.astype(float)
    covered = ~np.isnan(orders)
    low, high = np.fmin(orders, share), np.fmax(orders, share)
    out[covered] = np.where(
        u[covered] < low[covered],
        1.0,
        np.where(u[covered] < high[covered], _between(orders[covered], share), 0.0),
    )
    return out


def _between(orders: np.ndarray, share: float) -> np.ndarray:
    """Rows whose uniform falls between the two shares: sampled if the order asks more than
    the port, else only if the tables chose the check themselves."""
    return np.where(orders > share, 1.0, IF_TABLES)

