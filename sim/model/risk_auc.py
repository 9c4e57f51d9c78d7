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
#: blocks of decisions kept before they are counted (see :class:`AucTally`)
FOLD = 1024


class AucTally:
    """Counts of decided scores per port, direction, truth code and bin.

    A block's decisions are kept as they come and counted together later (when the counts
    are read, or once ``FOLD`` blocks wait): an hourly block of a few dozen rows costs its
    numpy calls more than its rows, and nothing reads the counts until the run's end."""

    def __init__(self, ports: list[str]) -> None:
        self.ports = list(ports)
        self.index = {p: i for i, p in enumerate(self.ports)}
        self._counts = [0] * (len(self.ports) * len(DIRECTIONS) * _CODES * BINS)
        #: blocks not yet counted: port index, directions, truth codes (None: compliant),
        #: scores (arrays nobody changes afterwards)
        self._blocks: list[tuple[int, np.ndarray, np.ndarray | None, np.ndarray]] = []

    @property
    def counts(self) -> list[int]:
        """The counts, flat (port, direction, truth code, bin), every block's included."""
        self._fold()
        return self._counts

    def add(
        self, port: str, direction: np.ndarray, truth: np.ndarray | None, score: np.ndarray
    ) -> None:
        """Count a block's decisions at ``port`` (``truth`` None: all compliant)."""
        self._blocks.append((self.index[port], direction, truth, score))
        if len(self._blocks) >= FOLD:
            self._fold()

    def _fold(self) -> None:
        """Count the waiting blocks' decisions, all in one pass."""
        blocks, self._blocks = self._blocks, []
        if not blocks:
            return
        ports, directions, truths, scores = zip(*blocks, strict=True)
        sizes = [len(x) for x in scores]
        score = np.concatenate(scores)
        b = np.clip(np.floor((score - LO) / WIDTH), 0, BINS - 1).astype(np.int64)
        cell = np.repeat(np.array(ports, np.int64), sizes) * len(DIRECTIONS)
        cell += np.concatenate(directions)
        zero = np.zeros(max(sizes), np.int64)
        truth = [zero[:n] if t is None else t for t, n in zip(truths, sizes, strict=True)]
        code = cell * _CODES + np.concatenate(truth)
        tally = np.bincount(code * BINS + b)
        counts, hit = self._counts, np.flatnonzero(tally)
        for i, n in zip(hit.tolist(), tally[hit].tolist(), strict=True):
            counts[i] += n

    def add_one(self, port: str, direction: int, truth: int, score: float) -> None:
        """:meth:`add` of one decision."""
        b = min(max(math.floor((score - LO) / WIDTH), 0), BINS - 1)
        cell = self.index[port] * len(DIRECTIONS) + direction
        self._counts[(cell * _CODES + truth) * BINS + b] += 1

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
