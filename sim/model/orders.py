"""Control orders at work (布控指令, :mod:`sim.scenario.orders`): the checks ordered for each
consignment of a port, added to whatever its selector decided.

The rule, once, for every selector and both paths: a consignment whose origin, commodity and
direction an order in force at its port names is selected for the order's checks, beside the
selector's own (a union: an order never takes a check away). The assessment step applies it
to the selector's decisions (:func:`sim.model.steps.declaration.select`, ``select_row``) and
to what a dynamic selector says a consignment may get (``outcomes``), so planning ahead knows
the ordered checks too. A quarantine check still needs goods subject to statutory inspection
(the assessment step's remit applies after the orders).

Ordered checks are outside the selector's selection: a risk engine does not see them in its
inspection rate or its credit rules' ledger (it decided before the order is applied), but its
inspections are reported like any other (``inspection_rate``: customs inspected the goods),
and what they find teaches a learning selector as any inspection does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sim.model.draws import R
from sim.scenario.base import ANY, CHECKS, DIRECTIONS
from sim.scenario.schema import Scenario

#: bit i of a decision's number: ``CHECKS[i]``
BITS = {check: 1 << i for i, check in enumerate(CHECKS)}


class Orders:
    """The orders in force at one port under one era's rules, as a lookup table: the ordered
    checks' bits by commodity, origin and direction (codes as the requirement table's)."""

    def __init__(self, scenario: Scenario, port: str):
        commodities = list(scenario.commodities)
        origins = list(scenario.ports[port].traffic.origins)
        self.bits = np.zeros((len(commodities), max(len(origins), 1), len(DIRECTIONS)), np.int64)
        for order in scenario.orders:
            if not order.covers(port, order.ports):
                continue
            bits = sum(BITS[c] for c in set(order.checks))
            for k, com in enumerate(commodities):
                for o, origin in enumerate(origins):
                    for d, way in enumerate(DIRECTIONS):
                        if (
                            order.covers(com, order.commodities)
                            and order.covers(origin, order.origins)
                            and order.direction in (ANY, way)
                        ):
                            self.bits[k, o, d] |= bits
        #: False: no order at this port (the selectors' decisions stand untouched)
        self.any = bool(self.bits.any())

    def ordered(self, r: np.ndarray) -> np.ndarray:
        """Each row's ordered checks as a decision's number (bit i: ``CHECKS[i]``)."""
        com = r[:, R.commodity].astype(int)
        origin = r[:, R.origin].astype(int)
        way = r[:, R.direction].astype(int)
        return np.asarray(self.bits[com, origin, way])

    def ordered_row(self, row: Sequence[float]) -> int:
        """:meth:`ordered` for one requirement row, in scalars."""
        return int(self.bits[int(row[R.commodity]), int(row[R.origin]), int(row[R.direction])])

    def add(self, chosen: dict[str, np.ndarray], r: np.ndarray) -> dict[str, np.ndarray]:
        """``chosen`` (a boolean array per check) with the rows' ordered checks added."""
        if not self.any:
            return chosen
        bits = self.ordered(r)
        return {c: np.asarray(chosen[c]) | (bits & BITS[c] > 0) for c in CHECKS}

    def add_row(self, chosen: tuple[bool, bool, bool, bool], row: Sequence[float]) -> tuple[
        bool, bool, bool, bool
    ]:
        """:meth:`add` for one declaration's decision (document, scan, physical, quarantine)."""
        if not self.any:
            return chosen
        bits = self.ordered_row(row)
        document, scan, physical, quarantine = (
            bool(x) or bits & BITS[c] > 0 for x, c in zip(chosen, CHECKS, strict=True)
        )
        return document, scan, physical, quarantine
