"""Selection: which checks a consignment gets. One interface, several implementations.

The assessment step (:mod:`sim.model.steps.declaration`) asks a :class:`Selector` for a block
of consignments. A *static* selector decides from the declared attributes alone, so its
decisions are taken when the consignments are made (the fast path). A *dynamic* selector
decides from the state of the run at the time of assessment: the model asks it at most
``refresh`` hours before each consignment's assessment (see :mod:`sim.model.decisions`).

This issue's :class:`TableSelector` uses fixed probabilities per commodity x trader class; the
risk engine of a later issue implements the same interface with scores, targeting and learning.
How one or two declarations couple customs' and quarantine's selection is the assessment
step's rule, not the selector's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from sim.scenario.export_selection import has_export_tables
from sim.scenario.low_value import LIGHTER_CHECKS, selection_factor
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
    now: float = 0.0  # when the decision is taken (the run's clock)
    illicit: np.ndarray | None = None  # hidden truth code per consignment (0: compliant)
    score_u: np.ndarray | None = None  # a uniform per consignment for the risk score's noise
    cohort: np.ndarray | None = None  # which rows are cohort members (None: all of them)


@dataclass(frozen=True)
class Observation:
    """What an inspection taught customs about one consignment, when its outcome was known:
    its declared signature and whether illicit goods were found (a label exists only for
    inspected goods). The truth code is for the record only: what was found is ``found``."""

    port: str
    time: float
    commodity: int
    origin: int
    trader_class: int
    illicit: int
    found: bool


class Selector(Protocol):
    #: False: decides from declared attributes only (planned when consignments are made)
    dynamic: bool
    #: a dynamic selector's decisions use the state of the run at most this old (hours)
    refresh: float

    def select(self, block: SelectionInput) -> dict[str, np.ndarray]:
        """Boolean array per check in ``CHECKS``: is the consignment selected for it?"""
        ...


class Preparing(Protocol):
    """A dynamic selector that works out, when consignments are made, what of their
    decisions does not depend on the state of the run (optional: a speed-up only)."""

    def prepare(self, block: SelectionInput) -> np.ndarray | None:
        """One row per consignment, for :meth:`select` (None: nothing to prepare)."""
        ...

    def select(
        self, block: SelectionInput, prepared: np.ndarray | None = None
    ) -> dict[str, np.ndarray]: ...


class Learner(Protocol):
    """A selector that learns from what inspections find (optional)."""

    def observe(self, obs: Observation) -> None: ...


class TableSelector:
    """Fixed selection probabilities per check, commodity and trader class, national or the
    port's own (static); exports by their own tables where the scenario gives them
    (:mod:`sim.scenario.export_selection`)."""

    dynamic = False
    refresh = 0.0

    def __init__(self, scenario: Scenario):
        self.commodities = list(scenario.commodities)
        self.ports = scenario.ports

        def tables(direction: str) -> dict[str, dict[str, np.ndarray]]:
            return {
                port: {
                    check: np.array(
                        [
                            [
                                scenario.probability(check, com, cls, port, direction)
                                for cls in TRADER_CLASSES
                            ]
                            for com in self.commodities
                        ]
                    )
                    for check in CHECKS
                }
                for port in scenario.ports
            }

        self.p = tables("import")
        #: exports' own probabilities, by port and check, where they differ from imports'
        self.export: dict[str, dict[str, np.ndarray]] = {}
        if has_export_tables(scenario):
            for port, by_check in tables("export").items():
                for check, p in by_check.items():
                    if not np.array_equal(p, self.p[port][check]):
                        self.export.setdefault(port, {})[check] = p

    def probability(
        self,
        port: str,
        check: str,
        commodity: np.ndarray,
        trader_class: np.ndarray,
        direction: np.ndarray | None = None,
        value: np.ndarray | None = None,
    ) -> np.ndarray:
        """Each consignment's probability of the check (exports' own where they have it),
        scaled on the port's low-value path where ``value`` is given (the declared values)."""
        p = np.asarray(self.p[port][check][commodity, trader_class])
        own = self.export.get(port, {}).get(check)
        if own is not None and direction is not None:
            p = np.where(np.asarray(direction) == 1, own[commodity, trader_class], p)
        if value is None or check not in LIGHTER_CHECKS or self.ports[port].low_value is None:
            return p
        way = np.zeros(len(p), int) if direction is None else np.asarray(direction)
        return np.asarray(p * selection_factor(self.ports[port], value, way))

    def select(self, block: SelectionInput) -> dict[str, np.ndarray]:
        u, port = block.uniforms, block.port
        return {
            check: u[check]
            < self.probability(
                port, check, block.commodity, block.trader_class, block.direction, block.value
            )
            for check in CHECKS
        }
