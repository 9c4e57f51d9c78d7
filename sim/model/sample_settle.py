"""Settling a control order's pending samples at assessment (:mod:`sim.model.order_samples`).

Where an order asks a smaller share than the port's own, a consignment whose uniform falls
between the two is sampled only if the tables (or the risk engine) chose its quarantine check
themselves: its ``sample`` holds ``IF_TABLES`` until that choice is made, and so does a find
the laboratory alone would make (``quarantine_finds``). Once the choice is known, each is 1 or
0: sampled, the find stands and ``quarantine_seen`` (drawn as for a sampled consignment) too;
not sampled, only a find on site stands, and it is seen on site.
"""

from __future__ import annotations

from collections.abc import MutableSequence

import numpy as np

from sim.model.draws import R
from sim.model.order_samples import IF_TABLES


def settle(r: np.ndarray, tables: np.ndarray) -> None:
    """Settle the pending rows of ``r`` in place (``tables``: whether the selector chose each
    row's quarantine check itself, before any order)."""
    pending = r[:, R.sample] == IF_TABLES
    if not pending.any():
        return
    took = np.asarray(tables, bool)[pending]
    finds = r[pending, R.quarantine_finds]
    found = np.where(took, finds > 0, finds == 1)
    r[pending, R.sample] = took
    r[pending, R.quarantine_finds] = found
    r[pending, R.quarantine_seen] = np.where(took, r[pending, R.quarantine_seen], found)


def settle_row(row: MutableSequence[float], tables: bool) -> None:
    """:func:`settle` for one requirement row, in scalars."""
    if row[R.sample] != IF_TABLES:
        return
    finds = row[R.quarantine_finds]
    found = finds > 0 if tables else finds == 1
    row[R.sample] = float(tables)
    row[R.quarantine_finds] = float(found)
    if not tables:
        row[R.quarantine_seen] = float(found)
