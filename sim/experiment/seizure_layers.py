"""Seizures as truth, effectiveness and what customs sees, side by side, by illicit
commodity and by port (``seizures-by-layer.csv`` of a results folder; DESIGN.md section 3).

A bureau chief otherwise reads three files for one question: ``enforcement.csv`` (by illicit
type), the by-port figures and ``bordersim compliance``. This table puts, per illicit type
(``truth``) and place (``place``: a port, a smuggling route outside the ports with its patrol,
or ``all``), with a total row per type and per place:

- the truth: ``arrived``, the illicit consignments that came (at a port, its declarations of
  the type, the smuggling groups' port loads among them; on a route outside the ports, the
  groups' loads that went by it);
- effectiveness: ``seized_at_port`` (seized, detained or rejected after a find),
  ``stopped_by_patrols`` (loads the patrols outside the ports stopped: only with smuggling
  groups), ``found_not_seized`` (found before release at a port but not seized, detained or
  rejected: undervaluation re-assessed, goods treated and released, or still held at the
  end), ``missed`` (the rest: released unfound, found only after release, or still held
  undetected at the end; of them ``found_after_release``, found after release by the tax
  review, a recall or the post-clearance audit, counted whenever the find falls due, as
  ``detection_rate_with_audit``: none on a route outside the ports) and
  ``detection_share``, the share detected (found before release
  at a port, or stopped by a patrol) of those whose outcome is known: a detection is not
  always a seizure;
- what customs sees: ``inspected`` (consignments scanned, examined or put to quarantine at the
  place), ``hits`` (its finds of the type before release by one of those inspections: a
  scan's exam, an exam or a quarantine check, as China's published hits), ``hit_rate`` (hits
  per inspected consignment) and ``document_finds`` (finds before release by the document
  check alone, no inspection: not hits, so ``hits + document_finds = detected``): what its
  own records show, with no truth in them.

Each is the mean over replications with its 95 % Student-t interval (ratios are each
replication's own). Built from the replications' existing tables (``rep-NNNN-enforcement``,
``-enforcement-daily`` and ``-smuggling.csv``): no per-consignment memory."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sim.experiment.smuggling_series import by_option, summarised

FILE = "seizures-by-layer.csv"
KEYS = ["truth", "place", "kind"]
#: the per-replication counts, summed into the total rows
COUNTS = ("arrived", "seized_at_port", "stopped_by_patrols", "missed", "detected", "held",
          "inspected", "hits", "found_not_seized", "document_finds", "found_after_release")
#: the ratios, each replication's own (NaN where nothing was counted)
RATIOS = ("detection_share", "hit_rate")
FIGURES = (*COUNTS, *RATIOS)
#: paired with the baseline in a comparison
#: the counts a replication without a row had none of
_ZERO = ("arrived", "seized_at_port", "stopped_by_patrols", "missed", "detected", "held",
         "found_not_seized", "found_after_release")  # fmt: skip
PAIRED = ("arrived", "seized_at_port", "stopped_by_patrols", "detection_share")
ALL = "all"
#: the route of a smuggling table that is no route (the loads not tried: deterred)
_NOT_SMUGGLED = "not_smuggled"
#: the replication tables this table reads, by their file name's ending
SUFFIXES = ("-enforcement.csv", "-enforcement-daily.csv", "-smuggling.csv")
#: the enforcement table's finds before release by an inspection (scan, exam, quarantine)
_INSPECTION_FOUND = "found_on_inspection"
#: the enforcement table's finds after release (tax review, recall, post-clearance audit)
_AFTER_RELEASE = "audit_detected"


def _ports(enf: pd.DataFrame, daily: pd.DataFrame) -> pd.DataFrame:
    """The ports' rows of one replication: each illicit type at each port."""
    if "truth" not in enf:  # (nothing arrived in the observed days: no rows, no columns)
        return pd.DataFrame(columns=[*KEYS, *COUNTS])
    illicit = enf[enf["truth"].astype(str) != "compliant"]
    if illicit.empty:
        return pd.DataFrame(columns=[*KEYS, *COUNTS])
    cols = ["declarations", "seized", "detected", "held"]
    cols += [c for c in (_INSPECTION_FOUND, _AFTER_RELEASE) if c in illicit]
    t = illicit.groupby(["truth", "port"], sort=True)[cols].sum().reset_index()
    t = t.rename(columns={"declarations": "arrived", "seized": "seized_at_port",
                          "port": "place", _INSPECTION_FOUND: "hits",
                          _AFTER_RELEASE: "found_after_release"})  # fmt: skip
    t["kind"] = "port"
    t["stopped_by_patrols"] = 0.0
    if "hits" not in t:  # (a table from before inspections' finds were counted: not known)
        t["hits"] = np.nan
    if "found_after_release" not in t:
        t["found_after_release"] = 0.0
    t["inspected"] = t["place"].map(_inspected(daily)).fillna(0.0)
    return t


def _inspected(daily: pd.DataFrame) -> pd.Series:
    """Each port's consignments inspected (scanned, examined or put to quarantine) over the
    observed days, of every type: what customs' own records count its hits against."""
    if daily.empty or "inspected" not in daily:
        return pd.Series(dtype=float)
    return daily.groupby(daily["port"].astype(str))["inspected"].sum().astype(float)


def _patrols(smuggling: pd.DataFrame) -> pd.DataFrame:
    """The routes outside the ports of one replication: each type's loads by the route,
    over the observed window (as ``smuggling_interdicted``)."""
    s = smuggling
    if s.empty:
        return pd.DataFrame(columns=[*KEYS, *COUNTS])
    s = s[s["observed"].astype(bool) & (s["route"] != _NOT_SMUGGLED) & (s["kind"] != "port")]
    t = s.groupby(["illicit", "route"], sort=True)[["chosen", "caught"]].sum().reset_index()
    t = t.rename(columns={"illicit": "truth", "route": "place", "chosen": "arrived",
                          "caught": "stopped_by_patrols"})  # fmt: skip
    t["kind"] = "patrol"
    t["seized_at_port"] = t["detected"] = t["held"] = t["found_after_release"] = 0.0
    t["inspected"] = t["hits"] = np.nan  # (customs inspects nothing on a river)
    return t


def rep_table(enf: pd.DataFrame, daily: pd.DataFrame, smuggling: pd.DataFrame) -> pd.DataFrame:
    """One replication's table: the ports' and patrols' rows, each type's total over the
    places, each place's over the types, and the total (``all``, ``all``)."""
    parts = [p for p in (_ports(enf, daily), _patrols(smuggling)) if not p.empty]
    if not parts:  # (no illicit goods came, and no smuggling group tried)
        return pd.DataFrame(columns=[*KEYS, *FIGURES])
    rows = pd.concat(parts, ignore_index=True)
    rows = rows.astype({k: str for k in KEYS})
    derived = ("inspected", "missed", "found_not_seized", "document_finds")
    sums = [c for c in COUNTS if c not in derived]
    by_type = rows.groupby("truth", sort=True)[sums].sum(min_count=1).reset_index()
    by_type["place"], by_type["kind"] = ALL, ALL
    # (a place's inspections are of every type, at every port with declarations, illicit
    # goods or none: counted once in a type's total)
    seen = _inspected(daily)
    places = pd.concat([rows.drop_duplicates("place")[["place", "kind"]],
                        pd.DataFrame({"place": seen.index.astype(str), "kind": "port"})],
                       ignore_index=True).drop_duplicates("place")  # fmt: skip
    places["inspected"] = places["place"].map(seen).where(places["kind"] == "port")
    total_seen = float(seen.sum()) if len(seen) else float("nan")
    by_type["inspected"] = total_seen
    by_place = rows.groupby(["place", "kind"], sort=True)[sums].sum(min_count=1).reset_index()
    by_place = places.merge(by_place, on=["place", "kind"], how="left")
    port = by_place["kind"] == "port"
    # (none came there; hits stay unknown where the table did not record them)
    none = [c for c in sums if c != "hits" or rows.loc[rows["kind"] == "port", "hits"].notna()
            .all()]  # fmt: skip
    by_place.loc[port, none] = by_place.loc[port, none].fillna(0.0)
    by_place["truth"] = ALL
    total = pd.DataFrame([{**{c: rows[c].sum(min_count=1) for c in sums}, "truth": ALL,
                           "place": ALL, "kind": ALL, "inspected": total_seen}])  # fmt: skip
    t = pd.concat([rows, by_type, by_place, total], ignore_index=True)
    # (a port's finds before release that were not seized: a seized consignment was found
    # before release, so its seizures are among its finds)
    t["found_not_seized"] = (t["detected"] - t["seized_at_port"]).clip(lower=0.0)
    t["document_finds"] = t["detected"] - t["hits"]
    t["missed"] = (t["arrived"] - t["seized_at_port"] - t["stopped_by_patrols"]
                   - t["found_not_seized"])  # fmt: skip
    known = t["arrived"] - t["held"]
    t["detection_share"] = (t["detected"] + t["stopped_by_patrols"]) / known.where(known > 0)
    t["hit_rate"] = t["hits"] / t["inspected"].where(t["inspected"] > 0)
    return t[[*KEYS, *FIGURES]]


def stacked(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """The replications' tables (replication -> :func:`rep_table`) stacked, with
    ``replication``; a row a replication lacks counts 0 there (no such goods came)."""
    parts = [f.assign(replication=r) for r, f in frames.items() if not f.empty]
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "replication", *FIGURES])
    t = pd.concat(parts, ignore_index=True).assign(_kept=True)
    reps = sorted(frames)  # (one without illicit goods counts 0 of them, not left out)
    keys = t[KEYS].drop_duplicates().itertuples(index=False)
    full = pd.MultiIndex.from_tuples([(*k, r) for k in keys for r in reps],
                                     names=[*KEYS, "replication"])  # fmt: skip
    t = t.set_index([*KEYS, "replication"]).reindex(full).reset_index()
    t[list(_ZERO)] = t[list(_ZERO)].fillna(0.0)
    # (a place's inspections are of every type: a type none of whose goods came there in a
    # replication still had them, and none of its hits)
    t["inspected"] = t.groupby(["place", "replication"])["inspected"].transform("max")
    # (a port no goods came to in a replication: none inspected there)
    t["inspected"] = t["inspected"].where(t["kind"] == "patrol", t["inspected"].fillna(0.0))
    # (a row a replication lacks had none of its hits; one whose table did not record them
    # keeps them unknown: a folder written before they were counted)
    added = t.pop("_kept").isna()
    t["hits"] = t["hits"].where(t["inspected"].isna() | ~added, t["hits"].fillna(0.0))
    t["hit_rate"] = t["hits"] / t["inspected"].where(t["inspected"] > 0)
    t["document_finds"] = t["detected"] - t["hits"]
    return t


def summarise_layers(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per type and place over the replications ``frames`` (replication ->
    :func:`rep_table`): ``reps`` and each figure's mean with its 95 % interval."""
    t = stacked(frames)
    if t.empty:
        return pd.DataFrame(columns=[*KEYS, "reps"])
    out = summarised(t, KEYS, list(FIGURES), [])
    for col in RATIOS:  # (a share's interval within what is possible)
        out[[f"{col}_ci_low", f"{col}_ci_high"]] = out[[f"{col}_ci_low", f"{col}_ci_high"]
                                                       ].clip(0.0, 1.0)
    out = out.merge(_pooled(t), on=KEYS, how="left")
    order = {"port": 0, "patrol": 1, ALL: 2}
    out["_t"] = out["truth"] == ALL
    out["_k"] = out["kind"].map(order)
    return out.sort_values(["_t", "truth", "_k", "place"]).drop(columns=["_t", "_k"]).reset_index(
        drop=True)


def _pooled(t: pd.DataFrame) -> pd.DataFrame:
    """Per type and place, ``detection_share_pooled``: the detection share over every
    replication's loads at once (detected + stopped over those of known outcome, summed),
    with its ratio estimator's 95 % interval (:mod:`sim.experiment.pooled_ratio`), clipped to
    0-1. ``detection_share`` is the mean of the replications' own shares, which weights a
    replication with 3 loads like one with 300: read the pooled one."""
    from sim.experiment.pooled_ratio import pooled_ratio

    rows = []
    for key, g in t.groupby(KEYS, sort=False):
        r, low, high = pooled_ratio(*_found_and_known(g))
        rows.append((*key, r, max(low, 0.0), min(high, 1.0)))  # (NaN ends stay NaN)
    columns = [*KEYS, *(f"detection_share_pooled{e}" for e in ("", "_ci_low", "_ci_high"))]
    return pd.DataFrame(rows, columns=columns)


def compare_layers(options: Mapping[str, Mapping[int, pd.DataFrame]], baseline: str
                   ) -> pd.DataFrame:
    """:func:`summarise_layers` of each option, with ``option`` and, for :data:`PAIRED`,
    the paired difference from ``baseline`` with its interval (of the mean of the
    replications' shares for ``detection_share``), and :data:`POOLED_DIFF`, the paired
    difference of the pooled shares (the one to read)."""
    out = by_option(options, baseline, summarise_layers, stacked, KEYS, PAIRED, fill=0)
    if out.empty:
        return out
    base = stacked(options.get(baseline, {}))
    diffs = [_pooled_diffs(stacked(frames), base).assign(option=name)
             for name, frames in options.items()]  # fmt: skip
    return out.merge(pd.concat(diffs, ignore_index=True), on=["option", *KEYS], how="left")


#: the pooled detection share's paired difference from the baseline and its interval
POOLED_DIFF = tuple(f"detection_share_pooled_diff{e}" for e in ("", "_ci_low", "_ci_high"))


def _pooled_diffs(mine: pd.DataFrame, base: pd.DataFrame) -> pd.DataFrame:
    """Per type and place, ``detection_share_pooled_diff`` with its interval: the option's
    pooled detection share (``mine``, :func:`stacked`) minus the baseline's (``base``),
    paired by replication (:func:`sim.experiment.pooled_ratio.paired_pooled_difference`);
    a row the baseline lacks had none of its loads there (no share: NaN)."""
    from sim.experiment.pooled_ratio import paired_pooled_difference

    cols = ["arrived", "held", "detected", "stopped_by_patrols"]
    both = mine[[*KEYS, "replication", *cols]].merge(
        base[[*KEYS, "replication", *cols]], on=[*KEYS, "replication"], how="left",
        suffixes=("", "_base"))  # fmt: skip
    both = both.fillna({f"{c}_base": 0.0 for c in cols})
    rows = [(*key, *paired_pooled_difference(*_found_and_known(g), *_found_and_known(g, "_base")))
            for key, g in both.groupby(KEYS, sort=False)]
    return pd.DataFrame(rows, columns=[*KEYS, *POOLED_DIFF])


def _found_and_known(g: pd.DataFrame, suffix: str = "") -> tuple[np.ndarray, np.ndarray]:
    """Each replication's loads detected (found before release, or stopped by a patrol) and
    those of known outcome (arrived, less those still held), from the columns ending in
    ``suffix``: the parts and wholes of the pooled detection share."""
    found = g[f"detected{suffix}"] + g[f"stopped_by_patrols{suffix}"]
    known = g[f"arrived{suffix}"] - g[f"held{suffix}"]
    return found.to_numpy(dtype=float), known.to_numpy(dtype=float)


def read_rep(folder_reps: object, replication: int) -> pd.DataFrame | None:
    """:func:`rep_table` of replication ``replication`` from its tables in the folder
    ``folder_reps`` (a path); None when it kept no enforcement table."""
    from pathlib import Path

    from sim.experiment.store import csv_or_empty

    base = Path(str(folder_reps)) / f"rep-{replication:04d}"
    files = [Path(f"{base}{s}") for s in SUFFIXES]
    if not files[0].exists():
        return None
    enf, daily, smuggling = (csv_or_empty(f) if f.exists() else pd.DataFrame() for f in files)
    return rep_table(enf, daily, smuggling)
