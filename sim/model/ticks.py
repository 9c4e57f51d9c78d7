"""What one tick of a port's dynamic decisions decides (see :mod:`sim.model.decisions`): the
blocks of rows due then, each packed into one array (:class:`Layout`), and the reviewed
declarations waiting for it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import simpy

if TYPE_CHECKING:
    from sim.model.journey import Journey
    from sim.model.reviewed import Row


class Due:
    """What one tick decides: blocks of rows (each with its plans for its possible decisions), and
    reviewed declarations in the order they reached their assessment: journeys (waiting on
    ``event``) and rows (see :mod:`sim.model.reviewed`)."""

    __slots__ = ("blocks", "layout", "journeys", "event")

    def __init__(self) -> None:
        self.blocks: list[np.ndarray] = []  # (laid out as ``layout`` says)
        self.layout: Layout | None = None
        self.journeys: list[Journey | Row] = []
        self.event: simpy.Event | None = None


def rows_of(blocks: list[np.ndarray]) -> np.ndarray:
    """A tick's blocks as one, in the order of the consignments (the first column), however
    their rows were made in blocks. Each block's rows are in that order, and blocks of one
    stream (imports, exports, added arrivals, a smuggling group) follow one another, so
    ordering the blocks by their first consignment orders the rows."""
    if len(blocks) == 1:
        return blocks[0]
    blocks.sort(key=_first)
    return np.concatenate(blocks)


def _first(block: np.ndarray) -> float:
    return float(block[0, 0])


class Layout(NamedTuple):
    """Where a block's columns lie in the one array a tick's rows travel in (one slice per
    block and tick, not one per column): index, the possible decisions (``k``) with their
    plans, queue visits and first queue steps (whole numbers, side by side: read back in one
    conversion), arrival, cohort, the requirement table (``width`` columns), and what the
    selector prepared, if it did (whole numbers below 2^53, as all of these are, are exact in
    it)."""

    width: int
    k: int
    prepared: bool

    def pack(
        self,
        columns: tuple[np.ndarray, ...],
        ahead: tuple[np.ndarray, ...],
        prepared: np.ndarray | None,
    ) -> np.ndarray:
        """One array of a block's rows (``columns``: index, arrived, cohort, table)."""
        index, arrived, cohort, table = columns
        parts = [index[:, None], *ahead, arrived[:, None], cohort[:, None], table]
        if prepared is not None:
            parts.append(prepared)
        return np.concatenate(parts, axis=1, dtype=float)

    def unpack(self, rows: np.ndarray) -> tuple[Any, ...]:
        """index, arrived, table, cohort, ahead, prepared or None. ``ahead``: the possible
        decisions, their plans, queue visits and first queue steps, ``k`` columns each."""
        w = 1 + 4 * self.k
        whole = rows[:, :w].astype(np.int64)
        end = w + 2 + self.width
        prepared = rows[:, end:] if self.prepared else None
        table, cohort = rows[:, w + 2 : end], rows[:, w + 1] > 0
        return whole[:, 0], rows[:, w], table, cohort, whole[:, 1:], prepared
