"""The risk engine's reports: its decisions and achieved inspection rates per port,
direction and class, and its thresholds as a time series (see :mod:`sim.model.risk`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd

from sim.model.risk_daily import daily_table
from sim.model.stability import TARGET_MISS
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine
    from sim.scenario.risk import RiskConfig


def report(engine: RiskEngine) -> pd.DataFrame:
    """Decisions, inspections and the inspection rate per port, direction and class,
    with the target of the ordinary classes: over the cohort (the declarations arriving in
    the observation window), as every statistic is; the credit rules' running counts, which
    include the warm-up, are the engine's own (``engine.ledger``)."""
    rows = []
    led = engine.counted
    for port in engine.ports:
        decided, inspected, illicit, illicit_inspected = led.counts(port)
        for d, direction in enumerate(DIRECTIONS):
            for k, cls in enumerate(TRADER_CLASSES):
                n, m = int(decided[d, k]), int(inspected[d, k])
                if not n:
                    continue
                ruled = bool(engine.ruled[port][k])
                rows.append(
                    {
                        "port": port,
                        "direction": direction,
                        "trader_class": cls,
                        "decided": n,
                        "inspected": m,
                        "rate": m / n,
                        "target": math.nan if ruled else engine.cfg.target_at(port, d),
                        "illicit": int(illicit[d, k]),
                        "illicit_inspected": int(illicit_inspected[d, k]),
                        "raised": int(led.raised[port][d, k]),
                    }
                )
    return pd.DataFrame(rows)


def risk_fields(engine: RiskEngine | None) -> dict[str, Any]:
    """The run result's fields of a risk engine (``RunResult.risk``, ``risk_thresholds``,
    ``risk_daily``, ``risk_reasons`` and ``risk_metrics``): its tables as the World collects
    the others, so that a store and a comparison read them all alike; empty without an
    engine."""
    if engine is None:
        return {}
    return {"risk": engine.report(), "risk_thresholds": engine.thresholds(),
            "risk_daily": daily_table(engine), "risk_reasons": engine.reasons.table(),
            "risk_metrics": engine.metrics()}  # fmt: skip


def thresholds(engine: RiskEngine) -> pd.DataFrame:
    """The threshold at each refresh instant, per port and direction (a time series)."""
    return pd.DataFrame(
        engine.trace, columns=["t_h", "port", "direction", "target", "threshold", "window"]
    )


#: fewer ordinary decisions than this at a port and direction: no verdict on its rate
MIN_DECIDED = 200
#: absolute slack on top of the binomial tolerance (the threshold is a quantile of a finite
#: window, refreshed at intervals: a small bias is no fault)
SLACK = 0.005


def tolerance(target: float, n: int) -> float:
    """How far an achieved rate over ``n`` decisions may sit from ``target`` by sampling
    noise alone: three binomial standard errors, plus :data:`SLACK`."""
    return 3.0 * math.sqrt(target * (1.0 - target) / n) + SLACK


def ordinary_rates(rep: pd.DataFrame) -> pd.DataFrame:
    """Per port and direction, the ordinary classes' (those with a target, i.e. no credit
    rule) decisions, inspections, achieved rate, target and :func:`tolerance`."""
    cols = ["port", "direction", "decided", "inspected", "rate", "target", "tolerance"]
    if rep.empty:
        return pd.DataFrame(columns=cols)
    ordinary = rep[rep["target"].notna()]
    out = (
        ordinary.groupby(["port", "direction"], sort=False)
        .agg(decided=("decided", "sum"), inspected=("inspected", "sum"), target=("target", "first"))
        .reset_index()
    )
    out["rate"] = out["inspected"] / out["decided"]
    out["tolerance"] = [tolerance(t, n) for t, n in zip(out["target"], out["decided"], strict=True)]
    return out[cols]


def ordinary_metrics(rep: pd.DataFrame) -> dict[str, float]:
    """The ordinary classes' achieved inspection rate per port and direction, as metrics
    (``inspection_rate_ordinary_port_<port>_<direction>``), to set against the target; and
    the alerts' reach: the share of decisions whose score an alert raised, overall and per
    port (``alert_raised_share``, ``alert_raised_share_port_<port>``)."""
    out = {
        f"inspection_rate_ordinary_port_{r['port']}_{r['direction']}": float(r["rate"])
        for r in ordinary_rates(rep).to_dict("records")
    }
    if "raised" in rep and len(rep):
        out["alert_raised_share"] = float(rep["raised"].sum() / rep["decided"].sum())
        by_port = rep.groupby("port", sort=False)[["raised", "decided"]].sum()
        for port, r in by_port.iterrows():
            out[f"alert_raised_share_port_{port}"] = float(r["raised"] / r["decided"])
    return out


def target_warnings(engine: RiskEngine) -> list[str]:
    """:func:`misses` of the engine's report. None when the target moves during the run (a
    throttle or a timeline's change to [risk]): the report's target is then not the one
    every decision had."""
    if engine.cfg.throttle is not None or engine.dated:
        return []
    return misses(engine.report(), engine.cfg)


def misses(rep: pd.DataFrame, cfg: RiskConfig) -> list[str]:
    """A warning for each port and direction of ``rep`` (:func:`report`) whose ordinary
    classes' achieved inspection rate misses its target by more than sampling noise explains
    (:func:`tolerance`; at least :data:`MIN_DECIDED` decisions), saying what to try."""
    out = []
    for r in ordinary_rates(rep).to_dict("records"):
        n, rate, target, tol = int(r["decided"]), float(r["rate"]), float(r["target"]), float(
            r["tolerance"]
        )
        if n < MIN_DECIDED or abs(rate - target) <= tol:
            continue
        out.append(_miss(str(r["port"]), str(r["direction"]), rate, target, n, tol, cfg))
    return out


def _miss(
    port: str, direction: str, rate: float, target: float, n: int, tol: float, cfg: RiskConfig
) -> str:
    """The warning of one port and direction: what to try first (before any parenthesis,
    so that the run's summary, which groups warnings by that part, keeps it), then the
    figures."""
    advice, why = [], ""
    if cfg.window > n:
        advice.append("try a shorter risk.window at this volume")
        why = (
            f"; the threshold is a quantile of the last {cfg.window:,} ordinary scores, more "
            f"than the {n:,} decided here, so it never settles"
        )
    if cfg.alert.boost > 0:
        advice.append(
            "alerts raise scores above the threshold until it adapts: see risk.alert.boost "
            "and risk.alert.window"
        )
    if not advice:
        advice.append("see how its threshold moved in rep-NNNN-risk-thresholds.csv")
    return (
        f"{port}: the risk engine's inspection rate of ordinary {direction}s {TARGET_MISS} "
        f"of {target:.3f}; {'; '.join(advice)} ({rate:.3f} over {n:,} decisions, "
        f"further than sampling noise explains: ±{tol:.3f}{why})"
    )
