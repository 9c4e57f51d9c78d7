"""The workshop page's chart: clearance by direction, baseline beside option, with intervals."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure

from sim.report.plots import PALETTE, _figure

#: the bars, in order: (metric, label)
BARS = (
    ("clearance_h_mean_import", "customs, imports"),
    ("clearance_h_mean_export", "customs, exports"),
    ("overall_clearance_h_mean_import", "overall, imports"),
    ("overall_clearance_h_mean_export", "overall, exports"),
)


def _error(mean: float, low: float | None, high: float | None) -> tuple[float, float]:
    """Error-bar lengths below and above the mean (none without an interval; never below 0)."""
    if low is None or high is None or not math.isfinite(mean):
        return 0.0, 0.0
    return mean - max(low, 0.0), high - mean


def clearance_chart(rows: Sequence[dict[str, Any]]) -> Figure:
    """Horizontal bars per clearance metric: baseline and option means with 95 % intervals.

    ``rows`` are :func:`sim.faces.runs.table` rows (``metric``, ``baseline``, ``option`` as
    ``(mean, low, high)``); metrics missing from them are left out.
    """
    by_metric = {row["metric"]: row for row in rows}
    shown = [(m, label) for m, label in BARS if m in by_metric]
    fig = _figure(6.5, 0.55 * len(shown) + 1.2)
    ax = fig.add_subplot()
    height = 0.38
    for k, (side, colour) in enumerate((("baseline", PALETTE[0]), ("option", PALETTE[1]))):
        means = [by_metric[m][side][0] for m, _ in shown]
        errors = [_error(*by_metric[m][side]) for m, _ in shown]
        ys = [i + (k - 0.5) * height for i in range(len(shown))]
        ax.barh(ys, means, height=height, color=colour, label=side,
                xerr=list(zip(*errors, strict=True)) if errors else None, capsize=3)
    ax.set_yticks(range(len(shown)), [label for _, label in shown])
    ax.invert_yaxis()
    ax.set_xlabel("hours (mean and 95 % interval)")
    ax.set_title("Clearance time by direction")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    return fig
