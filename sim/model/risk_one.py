"""One declaration's decision in scalars: a declaration decided alone, on its way (after its
officer review, see :mod:`sim.model.decisions`), gets exactly the decision of
:meth:`sim.model.risk.RiskEngine.select` for a block of one, at a tenth of the cost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy.special import ndtri

from sim.model.draws import R
from sim.model.registry import SPLIT
from sim.model.risk_block import CODE, DOC, MIX, ORDINARY, POSSIBLE, RAND, SCORE
from sim.model.risk_parts import MIN_FILL
from sim.model.risk_reasons import reason_one
from sim.model.risk_rules import GENERAL, rule
from sim.model.selection import SelectionInput

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine

_EMPTY = np.zeros(0)
_SCAN, _PHYSICAL, _QUARANTINE = MIX  # (a prepared row's columns)
CHECKS_ORDER = ("document", "scan", "physical", "quarantine")


def select_one(engine: RiskEngine, block: SelectionInput) -> dict[str, np.ndarray]:
    """:meth:`RiskEngine.select` for a block of one (a declaration decided on its way):
    the same decisions, a tenth of the cost."""
    d, com, k = int(block.direction[0]), int(block.commodity[0]), int(block.trader_class[0])
    cohort = block.cohort is None or bool(block.cohort[0])
    if needs_vector(engine):
        unraised = float(engine._score_before_alerts(block)[0])
        s = float(engine._alerted(block, np.array([unraised]))[0])
    else:
        s, unraised = score_one(engine, block)
    truth = int(block.illicit[0]) if block.illicit is not None else 0
    u = block.uniforms
    u_doc, u_scan, u_phys = (float(u[c][0]) for c in ("document", "scan", "physical"))
    chosen = decide_one(
        engine, block.port, block.now, d, com, k, (s, unraised), truth, u_doc, u_scan, u_phys,
        cohort,
    )
    return {check: np.array([x]) for check, x in zip(CHECKS_ORDER, chosen, strict=True)}


def select_row(
    engine: RiskEngine,
    port: str,
    now: float,
    row: list[float],
    u: tuple[float, float, float],
    prepared: Sequence[float] | None = None,
    cohort: bool = True,
) -> tuple[bool, bool, bool, bool] | None:
    """:meth:`RiskEngine.select` of one declaration given as its requirement row (``u``: its
    document, scan and physical-exam uniforms; ``prepared``: its row of
    :func:`sim.model.risk_block.prepare`, if made; ``cohort``: whether the report counts it):
    (document, scan, physical, quarantine), or None where only the block form applies
    (partners' data, locally known risks)."""
    if engine.local_auc is not None or engine.sharing is not None:
        return None
    if engine.dated:
        engine.use_settings(now)
    d, k, truth = int(row[R.direction]), int(row[R.trader_class]), int(row[R.illicit])
    if prepared is not None:
        return decide_prepared(engine, port, now, d, k, truth, prepared, cohort)
    com, org = int(row[R.commodity]), int(row[R.origin])
    scores = score_scalar(engine, port, now, d, com, org, k, row[R.score_noise], truth, cohort)
    return decide_one(engine, port, now, d, com, k, scores, truth, *u, cohort)


def decide_prepared(
    engine: RiskEngine,
    port: str,
    now: float,
    d: int,
    k: int,
    truth: int,
    prep: Sequence[float],
    cohort: bool = True,
) -> tuple[bool, bool, bool, bool]:
    """:func:`decide_one` from what :func:`sim.model.risk_block.prepare` worked out when the
    declaration was made: only the alerts, the threshold and the credit rules are applied now
    (the same arithmetic as a prepared block's)."""
    s = float(prep[SCORE])
    boost = engine.alerts.boost(port, now)
    if boost is not None:
        up = float(boost[int(prep[CODE])])
        s = float(s + up)
        if up > 0 and cohort:
            engine.counted.raised[port][d, k] += 1
    ordinary, possible = prep[ORDINARY] > 0, prep[POSSIBLE] > 0
    thr, doc_thr, rho = _thresholds(engine, port, now, d, s, ordinary)
    cand = possible and (s > thr or prep[RAND] < rho)
    document = prep[DOC] > 0 if engine.cfg.document == "table" else s > doc_thr
    if _chosen(engine, port, d, k, truth, s, cand, possible, ordinary, cohort):
        checks = prep[_SCAN] > 0, prep[_PHYSICAL] > 0, prep[_QUARANTINE] > 0
        if cohort:
            reason = reason_one(not cand, s > thr, float(prep[SCORE]) > thr)
            engine.reasons.add_one(port, reason, checks, truth)
        return (bool(document), *checks)
    return bool(document), False, False, False


def decide_one(
    engine: RiskEngine,
    port: str,
    now: float,
    d: int,
    com: int,
    k: int,
    scores: tuple[float, float],
    truth: int,
    u_doc: float,
    u_scan: float,
    u_phys: float,
    cohort: bool = True,
) -> tuple[bool, bool, bool, bool]:
    """One declaration's decision from its ``scores`` (with and before any alert's raise):
    (document, scan, physical, quarantine); ``cohort``: whether the report counts it."""
    s, unraised = scores
    ordinary = not engine.ruled[port][k]
    thr, doc_thr, rho = _thresholds(engine, port, now, d, s, ordinary)
    mix = engine.mix[port]
    possible = bool(mix.possible[com, k])
    cand = possible and (s > thr or u_doc * SPLIT % 1 < rho)
    chosen = _chosen(engine, port, d, k, truth, s, cand, possible, ordinary, cohort)
    scan = physical = quarantine = False
    if chosen:
        scan, physical, quarantine = mix.split_one(com, k, u_scan, u_phys)
        if cohort:
            reason = reason_one(not cand, s > thr, unraised > thr)
            engine.reasons.add_one(port, reason, (scan, physical, quarantine), truth)
    if engine.cfg.document == "table":
        document = u_doc < mix.document[com, k]
    else:
        document = s > doc_thr
    return bool(document), bool(scan), bool(physical), bool(quarantine)


def _thresholds(
    engine: RiskEngine, port: str, now: float, d: int, s: float, ordinary: bool
) -> tuple[float, float, float]:
    """The port-direction's thresholds and random share now (refreshed first if due)."""
    key = (port, d)
    if engine.windows[key].n < MIN_FILL or now >= engine.next_refresh[key]:
        engine._refresh(key, now, np.array([s]) if ordinary else _EMPTY)
    return engine.state[key]


def _chosen(
    engine: RiskEngine,
    port: str,
    d: int,
    k: int,
    truth: int,
    s: float,
    cand: bool,
    possible: bool,
    ordinary: bool,
    cohort: bool,
) -> bool:
    """Whether the declaration is inspected (the credit rules applied), booked as the block
    form books it (in the report's counts too if it is a cohort member)."""
    if ordinary:
        chosen = cand
        if k == GENERAL:  # (what a cap refers to)
            engine.reference.add(port, 1, int(chosen))
    else:
        take, force = rule(engine, port, k, 1, int(cand), int(possible and not cand))
        chosen = (cand and take > 0) or (possible and not cand and force > 0)
        if cand and take == 0 and cohort:  # (a candidate the cap let go: not inspected)
            engine.reasons.add_capped(port, 1, int(truth > 0))
    engine.ledger.add_one(port, d, k, chosen, truth)
    if cohort:
        engine.counted.add_one(port, d, k, chosen, truth)
        engine.auc.add_one(port, d, truth, s)
    if ordinary:
        engine.windows[(port, d)].add_one(s)
    return bool(chosen)


def needs_vector(engine: RiskEngine) -> bool:
    return engine.local_auc is not None or engine.sharing is not None


def score_one(engine: RiskEngine, block: SelectionInput) -> tuple[float, float]:
    u = block.score_u[0] if block.score_u is not None else block.uniforms["physical"][0]
    if block.score_u is None:
        u = u * SPLIT % 1
    d, com = int(block.direction[0]), int(block.commodity[0])
    org, k = int(block.origin[0]), int(block.trader_class[0])
    truth = int(block.illicit[0]) if block.illicit is not None else None
    cohort = block.cohort is None or bool(block.cohort[0])
    return score_scalar(engine, block.port, block.now, d, com, org, k, u, truth, cohort)


def score_scalar(
    engine: RiskEngine,
    port: str,
    now: float,
    d: int,
    com: int,
    org: int,
    k: int,
    u: Any,
    truth: int | None,
    cohort: bool = True,
) -> tuple[float, float]:
    """:meth:`RiskEngine.score` of one declaration, in scalars (the same arithmetic), and
    its score before any alert's raise."""
    s = engine.prior[port][d, com, org, k] + ndtri(min(max(u, 1e-12), 1 - 1e-12))
    if truth is not None:
        s += engine.d[truth]
    unraised = float(s)
    boost = engine.alerts.boost(port, now)
    if boost is not None:
        up = float(boost[engine.alerts.code(port, com, org, k)])
        s += up
        if up > 0 and cohort:
            engine.counted.raised[port][d, k] += 1
    return float(s), unraised
