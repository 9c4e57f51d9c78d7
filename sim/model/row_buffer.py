"""The recorder's statistics rows waiting to be folded, in arrays kept from fold to fold.

A fold's rows are a few MB. Made afresh at every fold (a growing byte string, then one
array of them all), they are pages the C library hands back to the system when freed and
takes again, fault by fault, at the next fold: most of the page faults of a long run. Kept,
they are touched once."""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np


class RowBuffer:
    """Rows of ``width`` doubles, bulk blocks first, then single rows, each kind in the order
    booked (the order the folds' sums take). Single rows are packed by the caller into
    :attr:`single` (``pack_into(single, n_single * row_bytes, ...)``, then ``n_single += 1``),
    at most ``capacity`` of them before :meth:`take`."""

    def __init__(self, width: int, capacity: int):
        self.width, self.capacity = width, capacity
        self.pack_into = struct.Struct(f"{width}d").pack_into
        self.row_bytes = 8 * width
        self.single = bytearray(capacity * self.row_bytes)
        self._single = np.frombuffer(self.single).reshape(capacity, width)
        self.n_single = 0
        self._blocks = np.empty((0, width))
        self.n_blocks = 0

    def add_block(self, columns: Sequence[np.ndarray]) -> int:
        """Append a block given as columns (1-D, or 2-D for several side by side, as
        ``numpy.column_stack`` takes them); return the bulk rows now waiting."""
        k, at = len(columns[0]), self.n_blocks
        self._room(at + k)
        rows, j = self._blocks[at : at + k], 0
        for c in columns:
            w = 1 if c.ndim == 1 else c.shape[1]
            rows[:, j : j + w] = c.reshape(k, w)
            j += w
        if j != self.width:
            raise ValueError(f"a block of {j} columns, for rows of {self.width}")
        self.n_blocks += k
        return self.n_blocks

    def take(self) -> np.ndarray | None:
        """The rows waiting (None if none), as a view valid until rows are added again: a
        fold must not keep it."""
        nb, ns = self.n_blocks, self.n_single
        if ns and nb:
            self._room(nb + ns)  # (keeps the nb rows waiting)
            self._blocks[nb : nb + ns] = self._single[:ns]
        self.n_blocks = self.n_single = 0
        if not nb:
            return self._single[:ns] if ns else None
        return self._blocks[: nb + ns]

    def _room(self, rows: int) -> None:
        """Grow the bulk rows' array to hold ``rows`` (keeping those waiting)."""
        if rows > len(self._blocks):
            grown = np.empty((max(rows, 2 * len(self._blocks), 2 * self.capacity), self.width))
            grown[: self.n_blocks] = self._blocks[: self.n_blocks]
            self._blocks = grown
