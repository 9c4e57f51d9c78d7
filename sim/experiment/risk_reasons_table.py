"""Why the risk engine inspected, across replications (``risk-reasons.csv`` of a results
folder): from the replications' reason tables (``rep-NNNN-risk-reasons.csv``,
:mod:`sim.model.risk_reasons`), per port (and ``all`` ports), check and reason (``floor``,
``alert``, ``score``, ``random``), the mean inspections and hits per replication with 95 %
Student-t intervals, the reason's ``share`` of the check's inspections and its ``hit_rate``
(hits per inspection), both pooled over replications as ratios of sums with the ratio
estimator's interval (:mod:`sim.experiment.pooled_ratio`). An auditor asks whether random
selection earns its cost and whether alerts find anything: this answers it.

The row ``capped`` (check ``inspected``) is **not inspections**: its ``inspections`` are the
candidates a cap let go and its ``hits`` the illicit among them (``hit_rate``: their illicit
share); it has no ``share`` and the other reasons' shares leave it out."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from sim.experiment.pooled_ratio import pooled_ratio
from sim.experiment.smuggling_series import by_option, summarised
from sim.model.risk_reasons import CHECKS, COLUMNS, NOT_INSPECTED, TALLIED

FILE = "risk-reasons.csv"
KEYS = ["port", "check", "reason"]
#: the port row that sums every port
ALL = "all"
#: paired with the baseline in a comparison
PAIRED = ("inspections", "hits")


def _stacked(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' reason tables stacked with ``replication``, an ``all`` port added."""
    parts = [f.assign(replication=r) for r, f in frames.items() if not f.empty]
    if not parts:
        return pd.DataFrame(columns=[*COLUMNS, "replication"])
    t = pd.concat(parts, ignore_index=True).astype({"port": str, "check": str, "reason": str})
    every = t.groupby(["replication", "check", "reason"], as_index=False)[
        ["inspections", "hits"]
    ].sum()
    return pd.concat([t, every.assign(port=ALL)], ignore_index=True)


def _ratios(t: pd.DataFrame, out: pd.DataFrame) -> pd.DataFrame:
    """``out`` (a row per :data:`KEYS`) with ``share`` and ``hit_rate``: pooled ratios with
    ``_ci_low`` and ``_ci_high`` (the cap's row: no share, and out of the others' whole)."""
    made = t["inspections"].where(t["reason"] != NOT_INSPECTED, 0)
    whole = made.groupby([t["port"], t["check"], t["replication"]]).transform("sum")
    t = t.assign(whole=whole)
    rows = []
    for key, mine in t.groupby(KEYS, sort=False):
        ins = mine["inspections"].to_numpy()
        share = pooled_ratio(ins, mine["whole"].to_numpy())
        if key[2] == NOT_INSPECTED:
            share = (math.nan, math.nan, math.nan)
        hit_rate = pooled_ratio(mine["hits"].to_numpy(), ins)
        rows.append((*key, *share, *hit_rate))
    ends = ("", "_ci_low", "_ci_high")
    names = [f"{name}{end}" for name in ("share", "hit_rate") for end in ends]
    return out.merge(pd.DataFrame(rows, columns=[*KEYS, *names]), on=KEYS, how="left")


def summarise_reasons(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per port, check and reason over the replications ``frames`` (replication ->
    its reason table), in the order of :data:`CHECKS` and :data:`TALLIED`."""
    t = _stacked(frames)
    if t.empty:
        return pd.DataFrame(columns=[*KEYS, "reps"])
    out = _ratios(t, summarised(t, KEYS, ["inspections", "hits"], []))
    order = {c: i for i, c in enumerate(CHECKS)} | {r: i for i, r in enumerate(TALLIED)}
    rank = out["check"].map(order) * len(TALLIED) + out["reason"].map(order)
    port_rank = (out["port"] == ALL).astype(int)
    out = out.assign(_p=port_rank, _r=rank).sort_values(["_p", "port", "_r"], kind="stable")
    return out.drop(columns=["_p", "_r"]).reset_index(drop=True)


def compare_reasons(
    options: Mapping[str, Mapping[int, pd.DataFrame]], baseline: str
) -> pd.DataFrame:
    """:func:`summarise_reasons` of each option side by side (an ``option`` column) and, for
    :data:`PAIRED`, ``<figure>_diff`` and its interval: the option minus ``baseline`` in each
    replication both have, paired (the comparison's ``risk-reasons.csv``): what a reform does
    to the mix of reasons, their hits and what a cap lets go."""
    return by_option(options, baseline, summarise_reasons, _stacked, KEYS, PAIRED)
