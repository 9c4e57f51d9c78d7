"""How well the risk engine's scores separated illicit from compliant goods in a run: the area
under the ROC curve (AUC) of the scores it decided on, measured against the hidden truth.

The scenario's ``[risk] auc`` is the separation *within* a cell of declared attributes; the
score a decision uses also carries the prior (commodity, origin, class: where illicit goods
are likelier) and the alerts' raises, so the achieved AUC is usually higher, and with
``learning`` it rises as labels come in. A risk officer cannot measure it (labels exist only
for inspected goods); the model can, and this is that measurement. It compares declarations
of one port and direction (each has its own threshold, so that is what a score must
separate; ports' different priors would otherwise count as separation or against it).
Counted over the cohort's decisions, per port, direction and truth code, in bins of
``WIDTH`` score units from ``LO`` (fixed memory: no score is kept); the AUC of binned scores
counts a pair in one bin as a tie, which moves it by far less than 0.001 at these widths.
"""

from __future__ import annotations

import math

import numpy as np

from sim.scenario.schema import DIRECTIONS, ILLICIT

#: the bins: scores below ``LO`` or at ``LO + BINS * WIDTH`` and above share the end bins
LO, WIDTH, BINS = -10.0, 0.01, 3000
_CODES = len(ILLICIT) + 1  # truth codes: 0 compliant, then each illicit type


class AucTally:
    """Counts of decided scores per port, direction, truth code and bin."""

    def __init__(self, ports: list[str]) -> None:
        self.ports = list(ports)
        self.index = {p: i for i, p in enumerate(self.ports)}
        self.counts = [0] * (len(self.ports) * len(DIRECTIONS) * _CODES * BINS)

    def add(
        self, port: str, direction: np.ndarray, truth: np.ndarray | None, score: np.ndarray
    ) -> None:
        """Count a block's decisions at ``port`` (``truth`` None: all compliant)."""
        b = np.clip(np.floor((score - LO) / WIDTH), 0, BINS - 1).astype(np.int64)
        cell = self.index[port] * len(DIRECTIONS) + direction
        code = cell * _CODES if truth is None else cell * _CODES + truth
        counts = self.counts
        for i in (code * BINS + b).tolist():
            counts[i] += 1

    def add_one(self, port: str, direction: int, truth: int, score: float) -> None:
        """:meth:`add` of one decision."""
        b = min(max(math.floor((score - LO) / WIDTH), 0), BINS - 1)
        cell = self.index[port] * len(DIRECTIONS) + direction
        self.counts[(cell * _CODES + truth) * BINS + b] += 1

    def table(self) -> np.ndarray:
        """The counts as an array: port x direction x truth code x bin."""
        shape = (len(self.ports), len(DIRECTIONS), _CODES, BINS)
        return np.asarray(self.counts, np.int64).reshape(shape)

    def metrics(self) -> dict[str, float]:
        """``risk_auc`` (every illicit type against compliant goods), ``risk_auc_<direction>``,
        ``risk_auc_port_<port>`` and ``risk_auc_<type>``, each within port and direction (a
        threshold is drawn per port and direction: what it separates is within them), pooled
        over the pairs: NaN where no port and direction has both sides."""
        t = self.table()
        illicit = t[:, :, 1:].sum(axis=2)
        out = {"risk_auc": auc(t[:, :, 0], illicit)}
        for d, direction in enumerate(DIRECTIONS):
            out[f"risk_auc_{direction}"] = auc(t[:, d, 0], illicit[:, d])
        for i, port in enumerate(self.ports):
            out[f"risk_auc_port_{port}"] = auc(t[i, :, 0], illicit[i])
        for k, kind in enumerate(ILLICIT, start=1):
            out[f"risk_auc_{kind}"] = auc(t[:, :, 0], t[:, :, k])
        return out


def auc(compliant: np.ndarray, illicit: np.ndarray) -> float:
    """The AUC of binned scores within strata (the last axis the bins, the others the
    strata: port and direction): the chance that an illicit declaration's score is above a
    compliant one's of the same stratum, a tie (one bin) counted half, over every such
    pair. NaN without a pair."""
    c = compliant.reshape(-1, compliant.shape[-1]).astype(float)
    i = illicit.reshape(-1, illicit.shape[-1]).astype(float)
    pairs = float((c.sum(axis=1) * i.sum(axis=1)).sum())
    if not pairs:
        return math.nan
    below = np.cumsum(c, axis=1) - c  # compliant scores in lower bins, per stratum
    wins = float((i * (below + 0.5 * c)).sum())
    return wins / pairs
