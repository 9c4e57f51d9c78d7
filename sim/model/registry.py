"""The registry of named draws: how a per-consignment random quantity is declared and how the
declarations become the requirement table. The quantities themselves are declared in
:mod:`sim.model.draws`.

A :class:`Draw` has a name, the uniform column it reads (never renumbered), a dtype and a
transform of the uniform; a *decision* (``transform=None``) has its uniform drawn with the
consignment and its value set by the assessment step when the decision is taken. A
:class:`Reservation` marks a part of a column read outside the draws (by the risk engine),
which no declaration may read too.

Adding a quantity: declare it (at a free column, or a free low part), pin its column in
``tests/test_draws.py`` (which fails for a declaration not pinned), regenerate the docs
(``python -m sim.docs``); the steps in full are in :mod:`sim.model.draws` and
docs/adding-a-step.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sim.scenario.distributions import DurationDist, NumberDist
from sim.scenario.schema import Port, Scenario, Traffic


@dataclass
class Context:
    """What a transform may read: the port, the scenario and the values declared before."""

    scenario: Scenario
    port: Port
    commodities: list[str]
    arrived: np.ndarray
    values: dict[str, np.ndarray] = field(default_factory=dict)
    export: bool = False  # a block of exports (their own stream), else of imports
    port_name: str = ""
    #: the whole vessel call's containers, when this block is only part of its call (a call
    #: split between a timeline's eras); None: the block is the whole call
    call_containers: float | None = None
    #: each consignment's class for its hidden truth (its trader's behaviour), where the
    #: traffic gives ``behaviour_classes``; None: its declared class
    behaviour_class: np.ndarray | None = None

    @property
    def n(self) -> int:
        return len(self.arrived)

    @property
    def traffic(self) -> Traffic:
        """What the block's goods are drawn from: the port's imports' or its exports'."""
        return self.port.export_traffic if self.export else self.port.traffic

    def pick(self, shares: dict[str, float], keys: Any, u: np.ndarray) -> np.ndarray:
        """The category each uniform falls in, by cumulative shares in the order of ``keys``."""
        cum = np.cumsum([shares.get(k, 0.0) for k in keys])
        return np.minimum(np.searchsorted(cum, u, side="right"), len(keys) - 1)

    def times(self, dist: DurationDist | NumberDist | None, u: np.ndarray) -> np.ndarray:
        """Inverse-CDF draws of ``dist``; zeros where the scenario has no such step."""
        return dist.ppf(u) if dist is not None else np.zeros(self.n)


Transform = Callable[[Context, np.ndarray], np.ndarray]

#: a ``low`` draw reads the low-order part of its column, ``u * SPLIT mod 1``: independent of
#: the leading part to within 2^-24, so one uniform serves a quantity and a flag that must not
#: change it (the random-selection draw of :mod:`sim.model.risk` is made the same way)
SPLIT = float(2**24)


@dataclass(frozen=True)
class Draw:
    name: str
    column: int  # the uniform column it reads: never renumber
    dtype: str  # "float", "bool", "int" or "category:<directions|commodities|trader_classes>"
    transform: Transform | None  # None: decided later (selection)
    low: bool = False  # reads the low-order part of its column (see SPLIT)
    module: str = field(default="", compare=False)  # where it was declared
    #: the earlier draw whose uniform this one reads too (a second reading of one draw,
    #: such as a band of it, not a draw of its own: it takes no part of a column)
    of: str = ""

    @property
    def decided(self) -> bool:
        return self.transform is None


@dataclass(frozen=True)
class Reservation:
    """A part of a uniform column read by code outside the registry's draws (``user`` names
    it), which no draw may read too: it would not be independent of that use."""

    column: int
    low: bool
    user: str
    module: str = field(default="", compare=False)  # where it was reserved


def _caller() -> str:
    """The module that called the registry's method that calls this (where a draw or a
    reservation is declared)."""
    return str(sys._getframe(2).f_globals.get("__name__", "?"))


def _who(x: Draw | Reservation) -> str:
    """A declaration and where it was made, for an error message."""
    what = f"draw {x.name}" if isinstance(x, Draw) else x.user
    how = "declared" if isinstance(x, Draw) else "reserved"
    return f"{what} ({how} in {x.module})" if x.module else what


def _part(column: int, low: bool) -> str:
    return f"the {'low' if low else 'leading'} part of uniform column {column}"


def _spans(columns: list[int]) -> str:
    """``[1, 2, 3, 7]`` as ``1-3, 7``."""
    out: list[str] = []
    for c in columns:
        if out and int(out[-1].split("-")[-1]) == c - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{c}"
        else:
            out.append(str(c))
    return ", ".join(out) or "none"


class Registry:
    """The declared draws, in table order, and the positional indices generated from them;
    and the parts of columns reserved for code that reads them outside the draws.

    A ``deferred`` registry (one filled by several modules) takes declarations unchecked
    until :meth:`close`, which checks each against every other: a clash is then refused with
    both sides named and a list of free columns that counts every declaration. Otherwise (and
    after closing) a declaration that clashes is refused when it is made."""

    def __init__(self, width: int, deferred: bool = False):
        self.width = width
        self.deferred = deferred
        self.draws: list[Draw] = []
        self.reserved: list[Reservation] = []

    def declare(
        self, name: str, column: int, dtype: str = "float", low: bool = False, of: str = ""
    ) -> Callable[[Transform], Transform]:
        """Declare a quantity (``low``: read the low-order part of the column, which a draw
        reading its leading part may share; ``of``: an earlier draw on that same part whose
        uniform this one reads again, for a second quantity of the same chance)."""
        module = _caller()

        def add(transform: Transform) -> Transform:
            self._add(Draw(name, column, dtype, transform, low, module, of))
            return transform

        return add

    def decision(self, name: str, column: int) -> None:
        """A selection decision: its uniform is drawn now, its value set at assessment."""
        self._add(Draw(name, column, "bool", None, module=_caller()))

    def reserve(self, column: int, user: str, low: bool = True) -> None:
        """Reserve a part of ``column`` (``low``: its low-order part, see SPLIT) for ``user``,
        code that reads it outside the draws: a declaration reading it is then refused."""
        self._inside(f"reservation for {user}", column)
        self.reserved.append(Reservation(column, low, user, _caller()))
        self._settle(self.reserved)

    def close(self) -> None:
        """Every module has declared: check the declarations against each other (raises
        ``ValueError`` for a clash), and from now on check each new one as it is made."""
        self.deferred = False
        self.check()

    def _users(self) -> dict[tuple[int, bool], str]:
        """Who reads each part of a column taken: a draw (by name) or a reservation."""
        users = {(d.column, d.low): f"draw {d.name}" for d in self.draws if not d.of}
        users.update({(r.column, r.low): r.user for r in self.reserved})
        return users

    def free_columns(self) -> list[int]:
        """The columns whose leading part no draw or reservation reads."""
        taken = self._users()
        return [c for c in range(self.width) if (c, False) not in taken]

    def free_low(self) -> list[int]:
        """The columns whose leading part a draw reads and whose low part no one does."""
        taken = self._users()
        return [c for c in range(self.width) if (c, True) not in taken and (c, False) in taken]

    def free(self) -> str:
        """The parts of columns no draw or reservation reads, for an error message."""
        lead, low = _spans(self.free_columns()), _spans(self.free_low())
        return f"free: columns {lead}; the low parts of columns {low}"

    def check(self) -> None:
        """Refuse a name, or a part of a column, that two declarations share."""
        names: dict[str, Draw] = {}
        for d in self.draws:
            if d.name in names:
                raise ValueError(f"{_who(names[d.name])} and {_who(d)} clash: the same name")
            names[d.name] = d
        self._check_readings()
        parts: dict[tuple[int, bool], Draw | Reservation] = {}
        everyone: list[Draw | Reservation] = [*(d for d in self.draws if not d.of),
                                              *self.reserved]
        for x in everyone:
            first = parts.setdefault((x.column, x.low), x)
            if first is not x:
                raise ValueError(
                    f"{_who(first)} and {_who(x)} clash: both read {_part(x.column, x.low)} "
                    "(a draw there would not be independent of the other; a draw in use "
                    f"keeps its column for ever, so the new one must move); {self.free()}"
                )

    def _check_readings(self) -> None:
        """Refuse a second reading (``of``) whose draw is not declared before it on the same
        part of the same column: it would read a uniform of its own, unpaired."""
        before: set[tuple[str, int, bool]] = set()
        for d in self.draws:
            if d.of and (d.of, d.column, d.low) not in before:
                raise ValueError(f"{_who(d)} reads the uniform of draw {d.of}, which must be "
                                 f"declared before it on {_part(d.column, d.low)}")
            before.add((d.name, d.column, d.low))

    def _inside(self, who: str, column: int) -> None:
        if not 0 <= column < self.width:
            raise ValueError(f"{who}: column {column} outside 0..{self.width - 1}")

    def _settle(self, into: list[Any]) -> None:
        """Check the declaration just appended to ``into`` (unless deferred); withdraw it if
        it clashes, so the registry stays as it was."""
        if self.deferred:
            return
        try:
            self.check()
        except ValueError:
            into.pop()
            raise

    def _add(self, d: Draw) -> None:
        self._inside(f"draw {d.name}", d.column)
        self.draws.append(d)
        self._settle(self.draws)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.draws)

    def index(self, name: str) -> int:
        """Position of a quantity in the requirement table."""
        return self.names.index(name)

    def column(self, name: str) -> int:
        return self.draws[self.index(name)].column

    def table(
        self, ctx: Context, u: np.ndarray, forced: Mapping[str, Any] | None = None
    ) -> np.ndarray:
        """The requirement table of a block: one row per consignment, one column per draw.
        Decisions are left at 0 until the assessment step sets them. ``forced`` quantities
        (by name) replace the drawn ones, before the draws that depend on them are made."""
        out = []
        for d in self.draws:
            if forced and d.name in forced:
                kind = {"float": float, "bool": bool}.get(d.dtype, int)
                value = np.broadcast_to(np.asarray(forced[d.name]), (ctx.n,)).astype(kind)
            elif d.transform is None:
                value = np.zeros(ctx.n)
            else:
                value = d.transform(ctx, u[:, d.column] * SPLIT % 1 if d.low else u[:, d.column])
            ctx.values[d.name] = value
            out.append(value)
        return np.column_stack(out).astype(float, copy=False)  # (float already: no copy)

    def dtypes(self, kind: str) -> list[str]:
        """Names of the quantities of one dtype (``category`` matches any category)."""
        return [d.name for d in self.draws if d.dtype.split(":")[0] == kind]
