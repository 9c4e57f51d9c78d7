"""How often a declaration is sent to an officer's review (人工审单) before its acceptance:
the broker's "how often is my declaration queried", by port, direction and trader class.

A declaration goes to review when its ``review`` draw says so (``declaration.review_share``,
by trader class) at its port's review lane (``[ports.<port>.review]``: a scenario that sends a
port's declarations to review without one is refused as it is checked); else it is accepted
automatically. Counted over the cohort's declarations, finished or not (the review
is decided as they are lodged), as ``document_check_rate`` counts its checks over them: a
declaration returned for correction (``returned_share``) is one reviewed, counted once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from sim.model.recorder_rows import STATS
from sim.scenario.base import DIRECTIONS, TRADER_CLASSES

_PORT, _DIRECTION, _CLASS, _REVIEW = (
    STATS.index(k) for k in ("port", "direction", "trader_class", "review")
)


class ReviewTally:
    """The cohort's declarations and those sent to review, by port x direction x class."""

    def __init__(self, ports: Sequence[str]) -> None:
        self.ports = list(ports)
        shape = (len(self.ports), len(DIRECTIONS), len(TRADER_CLASSES))
        self.n = np.zeros(shape, np.int64)
        self.reviewed = np.zeros(shape, np.int64)

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows (the recorder's STATS columns first)."""
        cell = np.ravel_multi_index(
            (a[:, _PORT].astype(int), a[:, _DIRECTION].astype(int), a[:, _CLASS].astype(int)),
            self.n.shape,
        )
        size = self.n.size
        self.n += np.bincount(cell, minlength=size).reshape(self.n.shape)
        sent = a[:, _REVIEW] > 0
        self.reviewed += np.bincount(cell[sent], minlength=size).reshape(self.n.shape)

    def metrics(self) -> dict[str, float]:
        """``review_rate`` pooled, by direction, port and port and direction, and each
        class's (``review_rate_<class>``) pooled, by direction and by port; NaN where
        there is no declaration."""
        sent = self.reviewed
        out: dict[str, float] = {}
        for stem, n, k in (("review_rate", self.n.sum(axis=2), sent.sum(axis=2)),
                           *((f"review_rate_{c}", self.n[..., g], sent[..., g])
                             for g, c in enumerate(TRADER_CLASSES))):  # fmt: skip
            out[stem] = _ratio(k.sum(), n.sum())
            for d, direction in enumerate(DIRECTIONS):
                out[f"{stem}_{direction}"] = _ratio(k[:, d].sum(), n[:, d].sum())
            for p, port in enumerate(self.ports):
                out[f"{stem}_port_{port}"] = _ratio(k[p].sum(), n[p].sum())
                for d, direction in enumerate(DIRECTIONS):
                    if stem == "review_rate":  # (a class's: by port or direction)
                        out[f"{stem}_port_{port}_{direction}"] = _ratio(k[p, d], n[p, d])
        return out


def _ratio(a: float, b: float) -> float:
    return float(a) / float(b) if b else math.nan
