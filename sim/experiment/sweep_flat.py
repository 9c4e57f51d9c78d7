"""A sweep whose points differ in nothing, said in one line, as a comparison says of an
option that changes nothing: a flat response read off such a sweep is no measured 'no
effect'.

Two strengths of "nothing", checked over every point and then, for a grid of several swept
fields, along each field with the others fixed:

- the points load **one scenario** (the same :func:`~sim.experiment.store.scenario_hash`):
  the swept values change nothing in it (a field the scenario already has at every value);
- the points' **figures are the same** to the last digit in every replication (each
  metric, a missing one as missing): what the swept values change acted on nothing in
  these runs (the organisation's national intake wait under the spindle structure, whose
  requests never reach a national unit), though it may on rarer consignments.

A swept field already said to act on nothing (``sweep_no_effect``: the scenario lacks what
it sets) is left to that note.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: the end of the one-scenario line (its words are matched by the warning code)
_SAME_SCENARIO = ("change nothing in it once loaded: the points' figures are one run's, flat "
                  "by construction, not a measured response")
#: the end of the same-figures line
_SAME_FIGURES = ("acted on nothing in these runs, so the flat response is no measured 'no "
                 "effect' (it may act on rare consignments: more --reps or --days would show "
                 "it)")
#: said of a field along which the points are alike at every value of the other fields
FIXED = " (the other swept fields fixed)"


def flat_notes(
    rows: pd.DataFrame, keys: Sequence[str], hashes: Sequence[str] | None,
    said: Sequence[str] = (),
) -> list[str]:
    """The lines (without ``note: ``) on a sweep's points that differ in nothing: ``rows``
    one per (point, replication) as :func:`sim.experiment.sweep.sweep` returns them,
    ``keys`` the swept fields, ``hashes`` each point's scenario hash (None: not known),
    ``said`` the keys another note already calls idle. One line for the whole sweep, else
    one per field along which the points are alike (at every value of the other fields, or
    at the values named)."""
    keys = [k for k in keys if k not in said]
    points = sorted(int(p) for p in rows["point"].unique()) if "point" in rows else []
    if not keys or len(points) < 2:
        return []
    metrics = [c for c in rows.columns if c not in (*keys, *said, "point", "replication")]
    kind = _alike(rows, metrics, points, hashes)
    if kind is not None:
        return [_line(kind, ", ".join(keys), "")]
    return [line for key in (keys if len(keys) > 1 else []) for line in
            _along(rows, metrics, hashes, key, [k for k in keys if k != key])]


def _along(
    rows: pd.DataFrame, metrics: list[str], hashes: Sequence[str] | None, key: str,
    others: list[str],
) -> list[str]:
    """The line on ``key`` when the points along it are alike at every value of the
    ``others`` (:data:`FIXED`), or at some of them (named: ``(at b=5; b=7)``)."""
    by = [rows[k].astype(str) for k in others]  # (a value may be a list)
    slices = [(g, sorted(int(p) for p in g["point"].unique()))
              for _, g in rows.groupby(by, sort=False)]
    kinds = [(g, _alike(rows, metrics, pts, hashes)) for g, pts in slices if len(pts) > 1]
    alike = [(g, kind) for g, kind in kinds if kind is not None]
    if not alike:
        return []
    kind = "scenario" if {k for _, k in alike} == {"scenario"} else "figures"
    if len(alike) == len(kinds):
        return [_line(kind, key, FIXED)]
    at = "; ".join(", ".join(f"{k}={g[k].iloc[0]}" for k in others) for g, _ in alike)
    return [_line(kind, key, f" (at {at})")]


def _line(kind: str, what: str, fixed: str) -> str:
    if kind == "scenario":
        return f"the sweep's points are one scenario: the swept values of {what}{fixed} " + (
            _SAME_SCENARIO)
    return ("the sweep's points have the same figures to the last digit in every replication: "
            f"what the swept values of {what}{fixed} change " + _SAME_FIGURES)


def _alike(
    rows: pd.DataFrame, metrics: list[str], points: list[int], hashes: Sequence[str] | None
) -> str | None:
    """``"scenario"`` when ``points`` load one scenario, ``"figures"`` when their figures
    are the same in every replication, else None."""
    if hashes is not None and len({hashes[p] for p in points}) == 1:
        return "scenario"
    tables = [rows[rows["point"] == p].set_index("replication")[metrics].sort_index()
              for p in points]
    first = tables[0]
    if first.empty or any(not t.equals(first) for t in tables[1:]):
        return None
    return "figures"
