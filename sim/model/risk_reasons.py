"""Why the risk engine selected each consignment it inspected: bookkeeping for an auditor
of risk management, who asks which reason made the inspections and whether each earns its
cost (its hits per inspection). It draws nothing: the decisions are the engine's as before.

**One reason per inspection**, by precedence:

* ``floor``: a credit rule's floor forced it (a discredited trader's class short of its floor;
  neither over the threshold nor drawn at random);
* ``alert``: its score crossed the threshold only with an alert's raise (the score before
  the raise did not cross it), whether or not it was also drawn at random;
* ``score``: its score crossed the threshold without any alert;
* ``random``: drawn at random ("double random", ``risk.random_share``), its score below.

A capped class (advanced AEOs) takes fewer of its candidates: those it takes keep their
reason; those the cap leaves out (candidates by score or at random that the cap let go) are
**not inspections**: they are booked apart, as the row ``capped`` (:data:`NOT_INSPECTED`) of
the check ``inspected`` only, its ``inspections`` the declarations let go and its ``hits`` the
illicit ones among them (what the cap costs in hits). The checks they would have had are not
drawn, so the kinds (``scan``, ...) have no ``capped`` row; totals of inspections leave the
row out.

A **hit** is an inspection of illicit goods (the hidden truth): an upper bound on its
seizures, which also need the exam to find them. Counted over the cohort, as the engine's
report (:mod:`sim.model.risk_report`), per port, check (``inspected``: any check; ``scan``,
``physical``, ``quarantine``) and reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: the reasons, in order of precedence (their codes are their positions)
REASONS = ("floor", "alert", "score", "random")
FLOOR, ALERT, SCORE, RANDOM = range(len(REASONS))
#: the row of candidates a cap let go: declarations not inspected, not a reason to inspect
NOT_INSPECTED = "capped"
CAPPED = len(REASONS)
#: every row of the table: the reasons, then the cap's
TALLIED = (*REASONS, NOT_INSPECTED)
#: the checks counted: any inspection, then each kind
CHECKS = ("inspected", "scan", "physical", "quarantine")
#: the reason table's columns
COLUMNS = ["port", "check", "reason", "inspections", "hits"]


def reason_codes(
    forced: np.ndarray, over: np.ndarray, over_unraised: np.ndarray
) -> np.ndarray:
    """Each row's reason code (meaningful where chosen): ``forced`` by a floor, else an
    ``alert`` where the score is ``over`` the threshold but was not before its raise
    (``over_unraised``), else ``score`` where over, else ``random``."""
    code = np.where(over, np.where(over_unraised, SCORE, ALERT), RANDOM)
    return np.where(forced, FLOOR, code)


def reason_one(forced: bool, over: bool, over_unraised: bool) -> int:
    """:func:`reason_codes` of one declaration, in scalars."""
    if forced:
        return FLOOR
    if over:
        return SCORE if over_unraised else ALERT
    return RANDOM


class ReasonTally:
    """Inspections and hits per port, check and reason (the cohort's)."""

    def __init__(self, ports: list[str]):
        shape = (len(CHECKS), len(TALLIED), 2)  # (last axis: inspections, hits)
        self.tables = {p: np.zeros(shape, np.int64) for p in ports}

    def add(
        self,
        port: str,
        reason: np.ndarray,
        checks: np.ndarray,
        illicit: np.ndarray | None,
    ) -> None:
        """Book the inspected rows of a block: their ``reason`` codes, ``checks`` the masks of
        :data:`CHECKS` stacked (one row each, a column per inspection), ``illicit`` their
        truth (None: none), in one bincount (by hit or not)."""
        table = self.tables[port]
        cell = reason * 2
        if illicit is not None:
            cell = cell + (illicit > 0)
        keys = np.arange(len(CHECKS))[:, None] * (2 * len(TALLIED)) + cell
        counts = np.bincount(keys[checks], minlength=table.size).reshape(table.shape)
        table[..., 0] += counts.sum(axis=2)  # (every inspection: with a hit or without)
        table[..., 1] += counts[..., 1]

    def add_one(self, port: str, reason: int, checks: tuple[bool, ...], illicit: int) -> None:
        """Book one inspected declaration: its ``checks`` (scan, physical, quarantine)."""
        table = self.tables[port]
        hit = int(illicit > 0)
        for c, on in enumerate((True, *checks)):
            if on:
                table[c, reason, 0] += 1
                table[c, reason, 1] += hit

    def add_capped(self, port: str, n: int, hits: int) -> None:
        """Book ``n`` candidates a cap let go (not inspected), ``hits`` of them illicit."""
        table = self.tables[port]
        table[0, CAPPED, 0] += n
        table[0, CAPPED, 1] += hits

    def table(self) -> pd.DataFrame:
        """A row per port, check and reason (every reason, zeros too, so that replications
        line up), then the ``capped`` row of check ``inspected``: ``inspections`` (for
        ``capped``: declarations let go) and ``hits``."""
        rows = [
            (port, check, reason, int(t[c, r, 0]), int(t[c, r, 1]))
            for port, t in self.tables.items()
            for c, check in enumerate(CHECKS)
            for r, reason in enumerate(TALLIED)
            if r != CAPPED or c == 0
        ]
        return pd.DataFrame(rows, columns=COLUMNS)
