"""The risk engine's decision for a block of consignments (see :mod:`sim.model.risk`; one
declaration in scalars: :mod:`sim.model.risk_one`).

What of a decision does not depend on the state of the run (a consignment's score before
alerts, its alert signature, its random-selection draw, whether it is ordinary and can be
inspected, its checks if inspected, its document check by the tables) can be worked out when
its block is made (:func:`prepare`); each decision then only adds the alerts in force,
compares with the threshold and applies the credit rules. :func:`outcomes` says which
decisions a consignment can get at all, so that the model plans only for those.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.model.registry import SPLIT
from sim.model.risk_parts import CELLS, MIN_FILL, codes
from sim.model.risk_reasons import reason_codes
from sim.model.risk_rules import GENERAL, rule, top
from sim.model.selection import SelectionInput
from sim.scenario.schema import CHECKS

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine

#: the checks of an inspected consignment, in the order of :func:`prepare`'s columns
PREPARED_CHECKS = ("scan", "physical", "quarantine")
#: :func:`prepare`'s columns
SCORE, CODE, RAND, ORDINARY, POSSIBLE = range(5)
MIX = (5, 6, 7)
DOC = 8


def select_block(
    e: RiskEngine, block: SelectionInput, prepared: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """:meth:`RiskEngine.select` for a block (``prepared``: its :func:`prepare`, if any)."""
    port, d = block.port, block.direction
    flags = None if prepared is None else prepared[:, ORDINARY:] > 0
    score, unraised, rand, ordinary, possible = _parts(e, block, prepared, flags)
    directions = [k for k, m in enumerate(np.bincount(d).tolist()) if m]
    if len(directions) == 1:  # (a block of one direction: the same, without the masks)
        rows = [ordinary]
        thr, doc_thr, rho = _thresholds(e, port, directions[0], block.now, score, ordinary)
    else:  # each row's direction's thresholds
        rows = [ordinary & (d == k) for k in directions]
        each = np.zeros((3, directions[-1] + 1))
        for k, mine in zip(directions, rows, strict=True):
            each[:, k] = _thresholds(e, port, k, block.now, score, mine)
        thr, doc_thr, rho = each[:, d]
    cand = ((score > thr) | (rand < rho)) & possible
    chosen = _booked(e, block, score, cand, ordinary, possible)
    _measured(e, block, score)
    for k, mine in zip(directions, rows, strict=True):
        e.windows[(port, k)].add(score[mine])
    out = _checks(e, block, chosen, score, doc_thr, flags)
    _reasons(e, block, chosen & ~cand, (score, unraised, thr), out)
    return out


def _reasons(
    e: RiskEngine,
    block: SelectionInput,
    forced: np.ndarray,
    scores: tuple[np.ndarray, np.ndarray, np.ndarray | float],
    out: dict[str, np.ndarray],
) -> None:
    """Book the cohort's inspections by reason (:mod:`sim.model.risk_reasons`): ``forced``
    by a floor; ``scores``: the rows' scores, before any alert's raise, and the threshold."""
    inspected = out["scan"] | out["physical"] | out["quarantine"]
    if block.cohort is not None:
        inspected = inspected & block.cohort
    if not inspected.any():
        return
    rows = np.flatnonzero(inspected)
    score, unraised, thr = scores
    if not np.isscalar(thr):
        thr = np.asarray(thr)[rows]
    reason = reason_codes(forced[rows], score[rows] > thr, unraised[rows] > thr)
    checks = np.stack([inspected[rows], *(out[c][rows] for c in PREPARED_CHECKS)])
    truth = None if block.illicit is None else block.illicit[rows]
    e.reasons.add(block.port, reason, checks, truth)


def _booked(
    e: RiskEngine,
    block: SelectionInput,
    score: np.ndarray,
    cand: np.ndarray,
    ordinary: np.ndarray,
    possible: np.ndarray,
) -> np.ndarray:
    """The rows chosen for inspection: the candidates ``cand`` of ordinary classes, the
    credit rules' choice in the others; booked in the ledger (the ordinary rows first: the
    rules read their rate) and the cohort's in the report's."""
    port, cls = block.port, block.trader_class
    base = codes(block.direction, cls, block.illicit)
    chosen: np.ndarray = cand & ordinary
    kinds = base + chosen * CELLS
    general = cls == GENERAL  # (what a cap refers to)
    e.reference.add(port, int(np.count_nonzero(general)), int(np.count_nonzero(chosen & general)))
    if np.count_nonzero(ordinary) == len(cls):
        counts = e.ledger.add(port, kinds)
    else:
        counts = e.ledger.add(port, kinds[ordinary])
        ruled = ~ordinary
        for k, n in enumerate(np.bincount(cls[ruled]).tolist()):
            if not n:
                continue
            rows = cls == k
            mine, inspectable = cand & rows, rows & possible
            n_cand = int(np.count_nonzero(mine))  # (of the inspectable: the others)
            others = int(np.count_nonzero(inspectable)) - n_cand
            take, force = rule(e, port, k, n, n_cand, others)
            if take > 0:
                chosen |= mine if take >= n_cand else top(mine, score, take)
            if take < n_cand:
                _capped(e, block, mine & ~chosen)
            if force > 0:
                chosen |= top(inspectable & ~cand, score, force)
        kinds = base + chosen * CELLS
        counts = counts + e.ledger.add(port, kinds[ruled])
    c = block.cohort  # (what the report counts)
    if c is None or np.count_nonzero(c) == len(c):
        e.counted.book(port, counts)
    else:
        e.counted.add(port, kinds[c])
    return chosen


def _capped(e: RiskEngine, block: SelectionInput, dropped: np.ndarray) -> None:
    """Book the cohort's candidates a cap let go (``dropped``; not inspected) and their hits
    (:mod:`sim.model.risk_reasons`)."""
    if block.cohort is not None:
        dropped = dropped & block.cohort
    n = int(np.count_nonzero(dropped))
    if n:
        hits = 0 if block.illicit is None else int(np.count_nonzero(block.illicit[dropped] > 0))
        e.reasons.add_capped(block.port, n, hits)


def _measured(e: RiskEngine, block: SelectionInput, score: np.ndarray) -> None:
    """Count the cohort's decided scores for the achieved AUC (:mod:`sim.model.risk_auc`)."""
    c, d, truth = block.cohort, block.direction, block.illicit
    if truth is not None:
        truth = truth.astype(np.int64)
    if c is None or np.count_nonzero(c) == len(c):
        e.auc.add(block.port, d, truth, score)
    elif c.any():
        e.auc.add(block.port, d[c], None if truth is None else truth[c], score[c])


def _thresholds(
    e: RiskEngine, port: str, direction: int, now: float, score: np.ndarray, rows: np.ndarray
) -> tuple[float, float, float]:
    """A direction's thresholds and random-selection share now, refreshed first if due
    (``rows``: the block's ordinary rows of that direction, whose scores count while the
    window fills)."""
    key = (port, direction)
    filling = e.windows[key].n < MIN_FILL
    if filling or now >= e.next_refresh[key]:
        e._refresh(key, now, score[rows] if filling else score[:0])
    return e.state[key]


def _parts(
    e: RiskEngine, block: SelectionInput, prepared: np.ndarray | None, flags: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each row's score, its score before any alert's raise, random-selection draw, whether
    it is ordinary (no credit rule) and whether it can be inspected: worked out now, or from
    ``prepared`` (``flags``: its columns from ``ORDINARY`` on, as booleans)."""
    if prepared is None or flags is None:
        port, cls = block.port, block.trader_class
        unraised = e._score_before_alerts(block)
        return (
            e._alerted(block, unraised),
            unraised,
            block.uniforms["document"] * SPLIT % 1,
            ~e.ruled[port][cls],
            e.mix[port].possible[block.commodity, cls],
        )
    code = prepared[:, CODE].astype(np.int64)
    score = e._alerted(block, prepared[:, SCORE], code)
    return score, prepared[:, SCORE], prepared[:, RAND], flags[:, 0], flags[:, POSSIBLE - ORDINARY]


def _checks(
    e: RiskEngine,
    block: SelectionInput,
    chosen: np.ndarray,
    score: np.ndarray,
    doc_thr: np.ndarray | float,
    flags: np.ndarray | None,
) -> dict[str, np.ndarray]:
    """The checks of the rows ``chosen`` for inspection (their mix) and the document checks
    (the tables', or by score: above ``doc_thr``); ``flags``: the prepared columns from
    ``ORDINARY`` on, as booleans, if prepared."""
    table = e.cfg.document == "table"
    doc = None if table else score > doc_thr
    if flags is None:
        mix, com, cls = e.mix[block.port], block.commodity, block.trader_class
        out = mix.split(chosen, com, cls, block.uniforms)
        if table:
            doc = block.uniforms["document"] < mix.document[com, cls]
    else:
        mix_cols = zip(PREPARED_CHECKS, MIX, strict=True)
        out = {c: chosen & flags[:, i - ORDINARY] for c, i in mix_cols}
        if table:
            doc = flags[:, DOC - ORDINARY]
    assert doc is not None
    out["document"] = doc
    return {check: out[check] for check in CHECKS}


def prepare(e: RiskEngine, block: SelectionInput) -> np.ndarray | None:
    """What of each consignment's decision does not depend on the state of the run, for a
    whole block as it is made (one row per consignment, the columns above). None when these
    may change during the run (learning, locally known risks, partners' data, dated
    settings)."""
    if e.cfg.learning is not None or e.local_auc is not None or e.sharing or e.dated:
        return None
    port, com, cls = block.port, block.commodity, block.trader_class
    mix = e.mix[port]
    checks = mix.split(np.ones(len(com), bool), com, cls, block.uniforms)
    doc = block.uniforms["document"] < mix.document[com, cls]
    return np.column_stack(
        [
            e._score_before_alerts(block),
            e.alerts.code(port, com, block.origin, cls),
            block.uniforms["document"] * SPLIT % 1,
            ~e.ruled[port][cls],
            mix.possible[com, cls],
            *(checks[check] for check in PREPARED_CHECKS),
            doc,
        ]
    )


def outcomes(e: RiskEngine, block: SelectionInput) -> list[dict[str, np.ndarray]]:
    """The decisions each consignment of ``block`` may get, whatever the state of the run
    when it is decided: not inspected, or inspected with the checks of its mix; the document
    check the tables' (or, decided by score or by partners' data, either). A hint that lets
    the model plan ahead (a decision outside it is planned when taken)."""
    mix, com, cls = e.mix[block.port], block.commodity, block.trader_class
    n = len(com)
    inspected = mix.split(np.ones(n, bool), com, cls, block.uniforms)
    none = {check: np.zeros(n, bool) for check in inspected}
    if e.cfg.document == "table" and e.sharing is None:
        docs = [block.uniforms["document"] < mix.document[com, cls]]
    else:
        docs = [np.zeros(n, bool), np.ones(n, bool)]
    return [{"document": doc, **checks} for doc in docs for checks in (none, inspected)]
