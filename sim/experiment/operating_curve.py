"""An AI image reviewer's operating curve at one port: the points (AUC, share of images the AI
reads, share of them it clears) run on the same seeds, each point's clearance, image
officers' load and what slips, set against the scenario's own point (paired), and what a
better AUC is worth at each threshold.

The AI's miss share is exact, not simulated: :func:`sim.model.truth.ai_clears` scores an
image binormally, an image that shows illicit goods shifted by ``d = sqrt(2) Phi^-1(AUC)``,
and clears it below the threshold that clears ``ai_clear`` of ordinary images. So of the
images that show something, a share ``Phi(Phi^-1(ai_clear) - d)`` is cleared unread
(:func:`ai_miss_share`). What that does to detection, value slipped and the officers' queue
is simulated: illicit goods are rare, so those differences need replications.

The AUC varied is this port's own (``ports.<port>.scan.image_review.ai_auc``; point 0 its
effective AUC, the scenario's ``enforcement.detection.ai_auc`` where the port gives none), as
are ``ai_clear`` and ``ai_share``: the other ports keep their AI, AUC and all, and run on the
same seeds. So an AUC's difference is that of a better AI at this port alone."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
from scipy import special, stats

FIELDS = ("ai_auc", "ai_share", "ai_clear")


def review_path(port: str, field: str) -> str:
    """The dotted path of one of a port's image-review fields."""
    return f"ports.{port}.scan.image_review.{field}"


def _columns(port: str) -> list[str]:
    """The design's columns: the port's own AUC, share and clear."""
    return [review_path(port, f) for f in FIELDS]


def ai_miss_share(auc: float, clear: float) -> float:
    """Of the AI-read images that show illicit goods, the share the AI clears unread, when it
    clears ``clear`` of ordinary images at this AUC (the model's binormal score)."""
    if clear <= 0:
        return 0.0
    if clear >= 1:
        return 1.0
    d = math.sqrt(2.0) * float(special.ndtri(auc))
    return float(special.ndtr(special.ndtri(clear) - d))


def clear_at_same_miss(clear: float, auc_from: float, auc_to: float) -> float:
    """The share of ordinary images an AI of AUC ``auc_to`` can clear while missing as many
    images that show something as one of ``auc_from`` clearing ``clear``."""
    if clear <= 0 or clear >= 1:
        return clear
    shift = math.sqrt(2.0) * float(special.ndtri(auc_to) - special.ndtri(auc_from))
    return float(special.ndtr(special.ndtri(clear) + shift))


def officer_read_share(ai_share: float, clear: float) -> float:
    """The share of ordinary images officers still read: all those the AI does not read and
    the AI-read ones it does not clear."""
    return 1.0 - ai_share * clear


def reps_to_tell(diff: float, low: float, high: float, n: int) -> float:
    """About how many replications a paired difference of ``n`` needs for its 95 % interval
    to clear 0, were its mean and spread what they are now: the fewest ``m > n`` with
    ``t(m - 1) sd / sqrt(m) < |diff|`` (``sd`` read back from the interval). A spread from
    a few replications is itself rough: a guide to the order of magnitude. NaN where the
    interval already clears 0, the difference is 0 or not a number."""
    half = (high - low) / 2
    if not all(map(math.isfinite, (diff, half))) or diff == 0 or abs(diff) >= half or n < 2:
        return math.nan
    sd = half * math.sqrt(n) / float(stats.t.ppf(0.975, n - 1))
    m = max(n + 1, math.ceil((1.96 * sd / abs(diff)) ** 2))
    while float(stats.t.ppf(0.975, m - 1)) * sd / math.sqrt(m) >= abs(diff):
        m += 1
    return float(m)


def key_metrics(port: str, centre: str = "") -> list[str]:
    """The metrics an operating point moves at ``port`` (those the runs yield are kept);
    ``centre``: the review centre its images are read at, if pooled (the officers' queue and
    wait are the centre's, shared with other ports)."""
    lane = f"{centre or port}_image_officers"
    return [
        f"clearance_h_mean_port_{port}_import",
        f"clearance_h_p90_port_{port}_import",
        f"clearance_h_mean_port_{port}_export",
        f"utilisation_{lane}",
        f"queue_mean_{lane}",
        f"wait_h_mean_{lane}",
        f"detection_rate_port_{port}",
        "detection_rate_tobacco",
        "detection_rate_frozen",
        "detection_rate_counterfeit",
        "value_slipped",
    ]


def check_values(flag: str, values: Sequence[float], low: float, high: float,
                 open_low: bool = False) -> list[float]:
    """``values`` of a command-line list, each within ``[low, high]`` (``(low, high]`` with
    ``open_low``), in order and once each; ValueError naming the flag, value and range."""
    out: list[float] = []
    for v in values:
        bad = not math.isfinite(v) or v > high or (v <= low if open_low else v < low)
        if bad:
            span = f"({low:g}, {high:g}]" if open_low else f"[{low:g}, {high:g}]"
            raise ValueError(f"{flag}: {v:g} is not allowed; each value is within {span}")
        if v not in out:
            out.append(v)
    if not out:
        raise ValueError(f"{flag}: give at least one value")
    return out


def design(current: dict[str, float], port: str, aucs: Sequence[float],
           clears: Sequence[float], shares: Sequence[float]) -> pd.DataFrame:
    """The points: point 0 the scenario's own (``current``: the port's effective ``ai_auc``,
    ``ai_share``, ``ai_clear``), then every AUC x share x clear of the lists not equal to it;
    each sets the port's own fields only."""
    cols = _columns(port)
    own = (current["ai_auc"], current["ai_share"], current["ai_clear"])
    rows = [own] + [
        (a, s, c) for a in aucs for s in shares for c in clears if (a, s, c) != own
    ]
    return pd.DataFrame(rows, columns=cols)


def frontier(rows: pd.DataFrame, port: str, centre: str = "") -> pd.DataFrame:
    """Per point of a sweep of :func:`design`: its AUC, share and clear, the AI's exact miss
    share, the share of ordinary images officers read, the share of all images that show
    something the AI clears unread (``unread_share``: share x miss) and whether the point is
    :func:`on_frontier` and ``unstable`` (a queue there did not settle: its figures are
    not a steady state), then each of :func:`key_metrics`
    the runs yield: its mean, and its paired difference from point 0 with the 95 %
    interval (``_diff``, ``_low``, ``_high``)."""
    from sim.experiment.sweep import differences

    cols = _columns(port)
    metrics = [m for m in key_metrics(port, centre) if m in rows.columns]
    means = rows.groupby("point")[metrics].mean()
    first = rows.groupby("point")[cols].first()
    diff = differences(rows).set_index(["point", "metric"])
    out = []
    for p in sorted(means.index):
        auc, share, clear = (float(first.loc[p, c]) for c in cols)
        rec: dict[str, Any] = {"point": int(p), "ai_auc": auc, "ai_share": share,
                               "ai_clear": clear, "ai_miss": ai_miss_share(auc, clear),
                               "officers_read": officer_read_share(share, clear),
                               "unread_share": share * ai_miss_share(auc, clear)}
        for m in metrics:
            rec[m] = float(means.loc[p, m])
            d = diff.loc[(p, m)] if (p, m) in diff.index else None
            rec[f"{m}_diff"] = 0.0 if d is None else float(d["mean"])
            rec[f"{m}_low"] = 0.0 if d is None else float(d["ci_low"])
            rec[f"{m}_high"] = 0.0 if d is None else float(d["ci_high"])
        out.append(rec)
    table = pd.DataFrame(out)
    edge = on_frontier(table["unread_share"].tolist(), table["officers_read"].tolist())
    table.insert(7, "on_frontier", edge)
    from sim.experiment.sweep import summary

    table.insert(8, "unstable", summary(rows)["unstable"].reindex(table["point"]).tolist())
    return table


def on_frontier(unread: Sequence[float], read: Sequence[float]) -> list[bool]:
    """Whether each point is on the frontier of what slips past the AI against what officers
    read: no other point leaves no more images that show something unread (``unread``) and
    has officers read no more ordinary images (``read``), one of the two strictly less."""
    pts = list(zip(unread, read, strict=True))
    return [
        not any(u2 <= u and r2 <= r and (u2 < u or r2 < r) for u2, r2 in pts) for u, r in pts
    ]


def auc_worth(
    rows: pd.DataFrame, port: str, low: float, high: float, centre: str = ""
) -> pd.DataFrame:
    """At each share and clear run at both AUCs: the AI's miss share at each, the clear share
    the better AUC reaches at the worse one's miss share, and the paired difference
    ``high - low`` (95 % interval) of each of :func:`key_metrics` the runs yield, with
    :func:`reps_to_tell` where the interval holds 0 (``_reps_to_tell``)."""
    from sim.experiment.sweep_pairs import point_differences

    cols = _columns(port)
    first = rows.groupby("point")[cols].first().reset_index().astype(float)
    metrics = [m for m in key_metrics(port, centre) if m in rows.columns]
    at: dict[tuple[float, float], dict[float, int]] = {}
    for p, auc, share, clear in first.itertuples(index=False):
        at.setdefault((share, clear), {})[auc] = int(p)
    out = []
    for (share, clear), by_auc in at.items():
        if low not in by_auc or high not in by_auc:
            continue
        pair = rows[rows["point"].isin([by_auc[low], by_auc[high]])]
        d = point_differences(pair, cols, reference=by_auc[low]).set_index("metric")
        d = d[["mean", "ci_low", "ci_high", "n"]].astype(float)
        rec: dict[str, Any] = {
            "ai_share": share, "ai_clear": clear,
            "miss_low": ai_miss_share(low, clear), "miss_high": ai_miss_share(high, clear),
            "clear_same_miss": clear_at_same_miss(clear, low, high),
        }
        for m in metrics:
            diff, low_end, high_end, n = (float(v) for v in d.loc[m].to_numpy())
            rec[f"{m}_diff"], rec[f"{m}_low"], rec[f"{m}_high"] = diff, low_end, high_end
            rec[f"{m}_reps_to_tell"] = reps_to_tell(diff, low_end, high_end, int(n))
        out.append(rec)
    return pd.DataFrame(out)
