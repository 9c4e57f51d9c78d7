"""A debug record of when each dynamic decision took the state of the run it used.

The rule (docs/risk-analyst.md): a dynamic selector decides a consignment from the state of
the run at most ``refresh`` (an hour) before its assessment, and never after it. The
decisions are batched (:mod:`decisions`), so a consignment's log says when it was assessed,
not when it was decided. A test (or a one-off check) opens a :class:`DecisionClock`; while it
is open, every decision notes the moment its state was taken, by port and consignment index.
Closed (the usual run), nothing is noted and nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_OPEN: list[DecisionClock] = []


class DecisionClock:
    """Open while a run is made: ``at[(port, index)]`` is when that consignment's decision
    took the state it used (the clock at the decision)."""

    def __init__(self) -> None:
        self.at: dict[tuple[str, int], float] = {}

    def __enter__(self) -> DecisionClock:
        _OPEN.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        _OPEN.remove(self)


def noted(port: Any, index: Iterable[int], waiting: Iterable[Any] = ()) -> None:
    """Note that the consignments ``index`` of ``port`` and the declarations ``waiting`` for
    the decision (journeys, or rows of :mod:`reviewed`) are decided now, if a clock is open."""
    if not _OPEN:
        return
    now, name = float(port.env.now), str(port.name)
    keys = [*index, *(j.c.index if hasattr(j, "c") else j.index for j in waiting)]
    for clock in _OPEN:
        clock.at.update(((name, int(i)), now) for i in keys)
