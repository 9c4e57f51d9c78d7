"""The route plan: the single source of routing truth.

A port's :class:`Route` is the ordered list of the steps any consignment may take (lodge,
review, assess, decide, escalate, document check, scan, image review, inspect, quarantine
result, quarantine form, release; then pick-up and gate for an import, loading for an
export). A consignment's *plan* is a bitmask over those steps, computed from its requirement
row (its draws and its selection). Both interpreters follow the plan:

- the SimPy interpreter (:mod:`sim.model.journey`) calls each planned step's scalar form;
- the numpy interpreter (:mod:`sim.model.bulk`) calls each planned step's bulk form on a block.

Whether a consignment may go in bulk is a question asked of its own plan: every step in it
has a bulk form, and it meets at most one queue, on a first-come-first-served lane. A lane of
unlimited capacity is a delay, never a queue. A step is one :class:`Step` subclass (in
:mod:`sim.model.steps`), with its plan rule and its two interpretations side by side; only the
consignments whose plan contains it leave the bulk path if it has no bulk form. (Its
milestones, lane, scenario fields and costs live elsewhere: :mod:`sim.model.steps` lists
the files a new step touches.)
"""

from __future__ import annotations

import difflib
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port


PLAIN, WAITS, LANE = range(3)  # how the SimPy interpreter runs a step


class Step:
    """One step of the clearance flow. A subclass sets ``name`` and the class attributes
    that apply, and writes:

    - :meth:`taken`, its plan rule (also for an ``every`` step);
    - its scalar form: a *lane step* (``visits_lane``: one FIFO or unlimited lane of the
      port) sets ``lane_attr`` (the :class:`~sim.model.port.Port` attribute holding its
      lane, made in :mod:`sim.model.port_lanes`) and writes :meth:`visit`, :meth:`visited`
      and :meth:`visits` (1 per row that meets a finite lane, else a bulk block meets a
      second queue); any other step writes :meth:`flow` (a generator when ``waits``), and
      :meth:`visits` and :meth:`lanes_of` if it visits lanes (``lanes_of`` decides whether
      a journey that takes it may be booked lazily);
    - :meth:`bulk`, its numpy form, unless ``bulk_form`` is False (then its consignments
      go as SimPy flows).

    A missing method, or a ``lane_attr`` naming no lane, is refused when a port's route is
    made (:func:`check_step`). The other files a new step touches are listed in
    :mod:`sim.model.steps`."""

    name: ClassVar[str] = ""
    waits: ClassVar[bool] = False  # the scalar form is a generator that may wait on events
    visits_lane: ClassVar[bool] = False  # its scalar form is visit, one FIFO lane, visited
    ends: ClassVar[bool] = False  # it may end the journey (seizure, rejection)
    bulk_form: ClassVar[bool] = True  # it has a numpy form
    lane_attr: ClassVar[str] = ""  # a lane step: the port's attribute holding its lane
    every: ClassVar[bool] = False  # every consignment takes it (its rule reads no row)

    def kind(self, p: Port) -> int:
        """How the SimPy interpreter runs the step at ``p``: PLAIN, WAITS or LANE."""
        return LANE if self.visits_lane else WAITS if self.waits else PLAIN

    def lanes_of(self, p: Port) -> tuple[Any, ...] | None:
        """The lanes the scalar form may visit, in order, when it never waits on a SimPy
        event otherwise (a lane step: its lane); None when it may (then a journey that takes
        it cannot be booked lazily past it, see :meth:`Route.chains`)."""
        if self.visits_lane:
            return (getattr(p, self.lane_attr),) if self.lane_attr else None
        return None if self.waits else ()

    def may_queue(self, p: Port) -> bool:
        """Whether the step may queue at ``p`` (asked only of a step that writes
        :meth:`visits`): one whose lane a port may lack answers for that port."""
        return True

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        """Which rows of a requirement table take this step (bool per row)."""
        raise NotImplementedError(_missing(self, "taken"))

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        """Queue visits per row (a finite FIFO lane counts 1; lanes taken together, the lab
        and the organisation count 2). Only rows that take the step are asked about."""
        return np.zeros(len(r), np.int64)

    def flow(self, j: Journey) -> Any:
        """The scalar form: move ``j`` through the step (a generator when ``waits``)."""
        raise NotImplementedError(_missing(self, "flow"))

    def visit(self, j: Journey) -> tuple[Any, float, float] | None:
        """A lane step's scalar form up to its lane: (lane, request time, service), or None
        when this consignment does not need the lane (the step is then complete)."""
        raise NotImplementedError(_missing(self, "visit"))

    def visited(self, j: Journey, start: float, end: float) -> None:
        """A lane step's scalar form after its lane served the consignment."""
        raise NotImplementedError(_missing(self, "visited"))

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        """The numpy form, on the rows of ``b`` that take the step (may yield one queue)."""
        raise NotImplementedError(_missing(self, "bulk"))
        yield  # pragma: no cover


def _missing(step: Step, method: str) -> str:
    return f"step {type(step).__name__} ({step.name!r}) does not define {method}()"


def required(step: Step) -> tuple[str, ...]:
    """The methods a step's class must define: its rule, its scalar form (``visit`` and
    ``visited`` with the queue ``visits`` it makes for a lane step, else ``flow``) and its
    bulk form unless ``bulk_form`` is False."""
    scalar = ("visit", "visited", "visits") if step.visits_lane else ("flow",)
    return ("taken", *scalar, *(("bulk",) if step.bulk_form else ()))


def check_step(step: Step, p: Port) -> None:
    """Refuse a step with a method it needs missing, or whose ``lane_attr`` names no lane of
    the port (a code mistake: found when a port's route is made, never per consignment)."""
    for method in required(step):
        if getattr(type(step), method) is getattr(Step, method):
            why = " (or set bulk_form = False)" if method == "bulk" else ""
            raise NotImplementedError(f"{_missing(step, method)}{why}")
    who = f"step {type(step).__name__} ({step.name!r})"
    if step.visits_lane and not step.lane_attr:
        raise NotImplementedError(f"{who} visits a lane but sets no lane_attr (the port's lane)")
    if step.lane_attr and not hasattr(p, step.lane_attr):
        near = difflib.get_close_matches(step.lane_attr, list(vars(p)), 1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise AttributeError(
            f"{who} has lane_attr {step.lane_attr!r}, but port {p.name} has no such lane{hint}: "
            "a port's lanes are made by sim.model.port_lanes.build_lanes"
        )


def _linkable(lane: Any) -> bool:
    """A lane a lazily booked journey may visit: none, unlimited, or a FIFO lane in links."""
    return lane is None or lane.unlimited or bool(lane.booked and lane.linkable)


def at_port(present: bool, rows: np.ndarray) -> np.ndarray:
    """A rule's ``rows & present`` (``present``: what the step needs is at the port) without
    an array operation: ``rows`` (a new array), or no row."""
    return rows if present else np.zeros(len(rows), bool)


def finite(lane: Any) -> bool:
    return lane is not None and not lane.unlimited


class Route:
    """The steps of one port, in order, and the queries every plan answers."""

    def __init__(self, port: Port, steps: Sequence[Step]):
        self.port = port
        self.steps = tuple(steps)
        for s in self.steps:
            check_step(s, port)
        self.bit = {s.name: 1 << i for i, s in enumerate(self.steps)}
        self._no_bulk = sum(self.bit[s.name] for s in self.steps if not s.bulk_form)
        #: the steps that may queue (the others' visits are none), with their positions
        self._queued = tuple(
            (i, s)
            for i, s in enumerate(self.steps)
            if type(s).visits is not Step.visits and s.may_queue(port)
        )
        self._planned: dict[int, tuple[tuple[Step, int, bool], ...]] = {}
        self._chains: dict[int, bool] = {}
        self._linked = self._link()

    def _link(self) -> bool:
        """Link the port's FIFO lanes in route order (see :func:`sim.model.links.link`), when
        its journeys may be booked lazily from lane to lane: nothing else in the run may
        depend on when, in the run's time, a journey passes its steps (no learning selector,
        no organisation)."""
        from sim.model.links import close, link
        from sim.model.organisation import Organisation

        p = self.port
        order = []
        for s in self.steps:
            lanes = s.lanes_of(p)
            order += [x for x in lanes or () if x is not None and not x.unlimited and x.booked]
        if p._learn is not None or type(p.organisation) is not Organisation:
            close(order)  # (shared with another port, they must not be linked there either)
            return False
        return link(order)

    def chains(self, plan: np.ndarray) -> np.ndarray:
        """Rows whose plan may be booked lazily at every lane it visits (``c.deferred``):
        every step either visits FIFO lanes the route links, or is arithmetic, so that no
        SimPy event is needed between arrival and exit."""
        if not self._linked or len(plan) == 0:
            return np.zeros(len(plan), bool)
        kinds, inverse = np.unique(plan, return_inverse=True)
        ok = np.array([self._chain(int(x)) for x in kinds.tolist()], bool)
        return np.asarray(ok[inverse.reshape(-1)])

    def _chain(self, plan: int) -> bool:
        ok = self._chains.get(plan)
        if ok is None:
            p = self.port
            ok = True
            for s, _, _ in self.planned(plan):
                lanes = s.lanes_of(p)
                if lanes is None or any(not _linkable(x) for x in lanes):
                    ok = False
                    break
            self._chains[plan] = ok
        return ok

    def plan(self, r: np.ndarray, upto: str | None = None) -> np.ndarray:
        """Plans (bitmasks) of the rows of a requirement table; with ``upto``, only the steps
        up to and including that one (a plan still waiting for a decision)."""
        plan = np.zeros(len(r), np.int64)
        every = 0  # (the bits of the steps every row takes, set at once)
        for i, s in enumerate(self.steps):
            if s.every:
                every |= 1 << i
            else:
                plan |= s.taken(self.port, r) * (1 << i)
            if s.name == upto:
                break
        if every:
            plan |= every
        return plan

    def queues(self, r: np.ndarray, plan: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Queue visits each row's plan makes, and the index of the step of its first queue
        (-1: none)."""
        n = np.zeros(len(r), np.int64)
        first = np.full(len(r), -1, np.int64)
        present = int(np.bitwise_or.reduce(plan)) if len(plan) else 0
        for i, s in self._queued:
            if (present >> i) & 1:  # (some row takes it)
                v = s.visits(self.port, r) * ((plan >> i) & 1)  # (0 where not taken)
                first[(first < 0) & (v > 0)] = i
                n += v
        return n, first

    def in_bulk(self, plan: np.ndarray, visits: np.ndarray) -> np.ndarray:
        """Rows whose plan may be finished in bulk: only steps with a bulk form, and at most
        one queue visit (which then is a FIFO lane)."""
        return np.asarray(((plan & self._no_bulk) == 0) & (visits <= 1))

    def planned(self, plan: int) -> tuple[tuple[Step, int, bool], ...]:
        """The steps of one plan, in order, each with how the SimPy interpreter runs it
        (``kind``: PLAIN, WAITS or LANE) and whether it may end the journey. Cached: plans
        repeat."""
        seq = self._planned.get(plan)
        if seq is None:
            p = self.port
            seq = tuple((s, s.kind(p), s.ends) for i, s in enumerate(self.steps) if (plan >> i) & 1)
            self._planned[plan] = seq
        return seq

    def planned_after(self, plan: int, step: Step) -> tuple[tuple[Step, int, bool], ...]:
        """The steps of a plan that come after ``step`` in the route."""
        pos = self.steps.index(step)
        return tuple(e for e in self.planned(plan) if self.steps.index(e[0]) > pos)

    def queued_before(self, name: str) -> int:
        """The bits of the steps before step ``name`` that may queue: a plan with one of them
        reaches that step only after a queue, so its time there is not known in advance."""
        pos = next(i for i, s in enumerate(self.steps) if s.name == name)
        return sum(1 << i for i, _ in self._queued if i < pos)

    def has(self, plan: int, name: str) -> bool:
        return bool(plan & self.bit[name])
