"""The knee of the trade-off in a sweep of the risk engine's target inspection rate: the
point past which more inspections buy little more detection. A planner reading a sweep's
table looks for it by eye; this names it by a stated rule, on the points' means.

The rule: order the points by the swept target; between neighbours, the marginal detection
is the rise of the detection rate per extra percentage point of target. The knee is the
first point from which that marginal detection falls below :data:`SHARE` (half) of the
first segment's: past it, each extra 1 % inspected finds less than half what the first did.
The detection rate is ``detection_rate_goods`` where measured (the post hub scans at its own
target whatever ``risk.target`` says, so the pooled ``detection_rate`` moves less), else
``detection_rate``. Means of few replications are noisy: the line says over how many."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

#: the swept key whose values are the target inspection rate
PARAM = "risk.target"
#: the detection figures, the first measured is used
DETECTION = ("detection_rate_goods", "detection_rate")
#: a segment's marginal detection below this share of the first segment's: past the knee
SHARE = 0.5
#: the fewest distinct targets with a knee to find (two segments)
MIN_POINTS = 3


@dataclass(frozen=True)
class Knee:
    """What :func:`find_knee` found: the knee's point and target (None: no knee in the
    range), the detection figure read, and each segment's marginal detection (per extra
    percentage point of target, in percentage points of detection)."""

    point: int | None
    target: float | None
    metric: str
    slopes: tuple[float, ...]


def find_knee(summary: pd.DataFrame) -> Knee | None:
    """The knee of a sweep's points ``summary`` (one row per point, index ``point``, the
    swept values and each metric's mean); None when it is no sweep of :data:`PARAM` alone
    over at least :data:`MIN_POINTS` targets, no detection figure was measured, or the first
    segment found nothing more (no marginal detection to halve)."""
    if PARAM not in summary.columns:
        return None
    metric = next((m for m in DETECTION if m in summary.columns
                   and summary[m].notna().all()), None)  # fmt: skip
    points = summary.sort_values(PARAM)
    targets = points[PARAM].astype(float)
    if metric is None or targets.nunique() != len(targets) or len(targets) < MIN_POINTS:
        return None
    found = points[metric].astype(float)
    slopes = tuple(
        float((found.iloc[i + 1] - found.iloc[i]) / (targets.iloc[i + 1] - targets.iloc[i]))
        for i in range(len(targets) - 1)
    )
    if not slopes[0] > 0 or not all(math.isfinite(s) for s in slopes):
        return None
    past = next((i for i, s in enumerate(slopes) if s < SHARE * slopes[0]), None)
    if past is None:
        return Knee(None, None, metric, slopes)
    return Knee(int(points.index[past]), float(targets.iloc[past]), metric, slopes)


def knee_line(knee: Knee | None, reps: int, lang: str = "en") -> str:
    """The line under a sweep's table naming the knee (and the rule), "" without one."""
    if knee is None:
        return ""
    per = ("、" if lang == "zh" else ", ").join(f"{s:.2g}" for s in knee.slopes)
    if lang == "zh":
        where = (f"扫描点 {knee.point}（risk.target = {knee.target:g}）" if knee.point is not None
                 else "扫描范围内没有拐点")
        return (f"查验与查获的拐点：{where}。规则：按 risk.target 排序，"
                f"相邻扫描点之间目标查验率每增加 1 个百分点 {knee.metric} 增加的百分点"
                f"（依次为 {per}），拐点为增幅首次低于首段一半的那一段的起点；"
                f"为 {reps} 次重复的均值，重复少时受随机波动影响大")
    where = (f"point {knee.point} (risk.target = {knee.target:g})" if knee.point is not None
             else "none within the swept targets")
    return (f"knee of the trade-off: {where}. Rule: points ordered by risk.target, the "
            f"rise of {knee.metric} per extra percentage point of target between neighbours "
            f"({per}); the knee is the first point from which it falls below half the first "
            f"segment's. Means of {reps} replication(s): few replications make it noisy")
