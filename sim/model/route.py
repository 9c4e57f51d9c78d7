"""The route plan: the single source of routing truth.

A port's :class:`Route` is the ordered list of the steps any consignment may take (lodge,
review, assess, escalate, document check, scan, image review, inspect, quarantine result,
quarantine form, release, gate). A consignment's *plan* is a bitmask over those steps, computed
from its requirement row (its draws and its selection). Both interpreters follow the plan:

- the SimPy interpreter (:mod:`sim.model.journey`) calls each planned step's scalar form;
- the numpy interpreter (:mod:`sim.model.bulk`) calls each planned step's bulk form on a block.

Whether a consignment may go in bulk is a question asked of its own plan: every step in it
has a bulk form, and it meets at most one queue, on a first-come-first-served lane. A lane of
unlimited capacity is a delay, never a queue. A new step is one :class:`Step` subclass (in
:mod:`sim.model.steps`), with its plan rule and its two interpretations side by side; only the
consignments whose plan contains it leave the bulk path if it has no bulk form.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port


class Step:
    """One step of the clearance flow. Subclasses set the class attributes and write
    :meth:`taken`, :meth:`flow` and (unless ``bulk_form`` is False) :meth:`bulk`."""

    name: ClassVar[str] = ""
    waits: ClassVar[bool] = False  # the scalar form is a generator that may wait on events
    ends: ClassVar[bool] = False  # it may end the journey (seizure, rejection)
    bulk_form: ClassVar[bool] = True  # it has a numpy form

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        """Which rows of a requirement table take this step (bool per row)."""
        raise NotImplementedError

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        """Queue visits per row (a finite FIFO lane counts 1; lanes taken together, the lab
        and the organisation count 2). Only rows that take the step are asked about."""
        return np.zeros(len(r), np.int64)

    def flow(self, j: Journey) -> Any:
        """The scalar form: move ``j`` through the step (a generator when ``waits``)."""
        raise NotImplementedError

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        """The numpy form, on the rows of ``b`` that take the step (may yield one queue)."""
        raise NotImplementedError
        yield  # pragma: no cover


def finite(lane: Any) -> bool:
    return lane is not None and not lane.unlimited


class Route:
    """The steps of one port, in order, and the queries every plan answers."""

    def __init__(self, port: Port, steps: Sequence[Step]):
        self.port = port
        self.steps = tuple(steps)
        self.bit = {s.name: 1 << i for i, s in enumerate(self.steps)}
        self._no_bulk = sum(self.bit[s.name] for s in self.steps if not s.bulk_form)

    def plan(self, r: np.ndarray, upto: str | None = None) -> np.ndarray:
        """Plans (bitmasks) of the rows of a requirement table; with ``upto``, only the steps
        up to and including that one (a plan still waiting for a decision)."""
        plan = np.zeros(len(r), np.int64)
        for i, s in enumerate(self.steps):
            plan |= s.taken(self.port, r).astype(np.int64) << i
            if s.name == upto:
                break
        return plan

    def visits(self, r: np.ndarray, plan: np.ndarray) -> np.ndarray:
        """Queue visits each row's plan makes."""
        n = np.zeros(len(r), np.int64)
        for i, s in enumerate(self.steps):
            rows = (plan >> i) & 1 == 1
            if rows.any():
                n += np.where(rows, s.visits(self.port, r), 0)
        return n

    def in_bulk(self, r: np.ndarray, plan: np.ndarray) -> np.ndarray:
        """Rows whose plan may be finished in bulk: only steps with a bulk form, and at most
        one queue visit (which then is a FIFO lane)."""
        return np.asarray(((plan & self._no_bulk) == 0) & (self.visits(r, plan) <= 1))

    def queue_step(self, r: np.ndarray, plan: np.ndarray) -> np.ndarray:
        """Index of the step where each row meets its one queue (-1: none)."""
        out = np.full(len(r), -1, np.int64)
        for i, s in enumerate(self.steps):
            rows = ((plan >> i) & 1 == 1) & (out < 0)
            if rows.any():
                out[rows & (s.visits(self.port, r) > 0)] = i
        return out

    def has(self, plan: int, name: str) -> bool:
        return bool(plan & self.bit[name])
