"""How well the risk engine's scores separated illicit from compliant goods in a run: the area
under the ROC curve (AUC) of the scores it decided on, measured against the hidden truth.

The scenario's ``[risk] auc`` is the separation *within* a cell of declared attributes; the
score a decision uses also carries the prior (commodity, origin, class: where illicit goods
are likelier) and the alerts' raises, so the achieved AUC is usually higher, and with
``learning`` it rises as labels come in. A risk officer cannot measure it (labels exist only
for inspected goods); the model can, and this is that measurement. Counted over the cohort's
decisions, per direction and truth code, in bins of ``WIDTH`` score units from ``LO``
(fixed memory: no score is kept); the AUC of binned scores counts a pair in one bin as a tie,
which moves it by far less than 0.001 at these widths.
"""

from __future__ import annotations

import math

import numpy as np

from sim.scenario.schema import DIRECTIONS, ILLICIT

#: the bins: scores below ``LO`` or at ``LO + BINS * WIDTH`` and above share the end bins
LO, WIDTH, BINS = -10.0, 0.01, 3000
_CODES = len(ILLICIT) + 1  # truth codes: 0 compliant, then each illicit type


class AucTally:
    """Counts of decided scores per direction, truth code and bin."""

    def __init__(self) -> None:
        self.counts = [0] * (len(DIRECTIONS) * _CODES * BINS)

    def add(self, direction: np.ndarray, truth: np.ndarray | None, score: np.ndarray) -> None:
        """Count a block's decisions (``truth`` None: all compliant)."""
        b = np.clip(np.floor((score - LO) / WIDTH), 0, BINS - 1).astype(np.int64)
        code = direction * _CODES if truth is None else direction * _CODES + truth
        counts = self.counts
        for i in (code * BINS + b).tolist():
            counts[i] += 1

    def add_one(self, direction: int, truth: int, score: float) -> None:
        """:meth:`add` of one decision."""
        b = min(max(math.floor((score - LO) / WIDTH), 0), BINS - 1)
        self.counts[(direction * _CODES + truth) * BINS + b] += 1

    def table(self) -> np.ndarray:
        """The counts as an array: direction x truth code x bin."""
        return np.asarray(self.counts, np.int64).reshape(len(DIRECTIONS), _CODES, BINS)

    def metrics(self) -> dict[str, float]:
        """``risk_auc`` (every illicit type against compliant goods, both directions),
        ``risk_auc_<direction>`` and ``risk_auc_<type>``: NaN where either side has no
        decision."""
        t = self.table()
        both = t.sum(axis=0)
        out = {"risk_auc": auc(both[0], both[1:].sum(axis=0))}
        for d, direction in enumerate(DIRECTIONS):
            out[f"risk_auc_{direction}"] = auc(t[d, 0], t[d, 1:].sum(axis=0))
        for k, kind in enumerate(ILLICIT, start=1):
            out[f"risk_auc_{kind}"] = auc(both[0], both[k])
        return out


def auc(compliant: np.ndarray, illicit: np.ndarray) -> float:
    """The AUC of binned scores: the chance that an illicit declaration's score is above a
    compliant one's, a tie (one bin) counted half. NaN without both."""
    n_c, n_i = int(compliant.sum()), int(illicit.sum())
    if not n_c or not n_i:
        return math.nan
    below = np.cumsum(compliant) - compliant  # compliant scores in lower bins
    wins = float(np.dot(illicit, below + 0.5 * compliant))
    return wins / (n_c * n_i)
