"""Selection: which checks a consignment gets. One interface, several implementations.

The flow asks a :class:`Selector` once per block of new consignments. This issue's
:class:`TableSelector` uses fixed probabilities per commodity x trader class; the risk engine
of a later issue implements the same interface with scores, targeting and learning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from sim.scenario.schema import CHECKS, TRADER_CLASSES, Scenario


@dataclass(frozen=True)
class SelectionInput:
    """What the selector may look at for a block of consignments (arrays of equal length)."""

    port: str
    direction: np.ndarray
    commodity: np.ndarray
    trader_class: np.ndarray
    value: np.ndarray
    origin: np.ndarray
    uniforms: dict[str, np.ndarray]  # one selection uniform per check


class Selector(Protocol):
    def select(self, block: SelectionInput) -> dict[str, np.ndarray]:
        """Boolean array per check in ``CHECKS``: is the consignment selected for it?"""
        ...


class TableSelector:
    """Fixed selection probabilities per check, commodity and trader class.

    With one declaration (``single``) customs and quarantine selection is one decision: the
    physical-exam and quarantine draws share a uniform, so the two selected sets nest. With two
    declarations (``separate``, before 2018) the two agencies select independently and the
    inspected set is the union of theirs.
    """

    def __init__(self, scenario: Scenario):
        self.commodities = list(scenario.commodities)
        self.coordinated = scenario.declaration.mode == "single"
        self.p = {
            check: np.array(
                [
                    [scenario.probability(check, com, cls) for cls in TRADER_CLASSES]
                    for com in self.commodities
                ]
            )
            for check in CHECKS
        }

    def probability(
        self, check: str, commodity: np.ndarray, trader_class: np.ndarray
    ) -> np.ndarray:
        return self.p[check][commodity, trader_class]

    def select(self, block: SelectionInput) -> dict[str, np.ndarray]:
        u = block.uniforms
        out = {}
        for check in CHECKS:
            draw = u["physical"] if check == "quarantine" and self.coordinated else u[check]
            out[check] = draw < self.probability(check, block.commodity, block.trader_class)
        return out
