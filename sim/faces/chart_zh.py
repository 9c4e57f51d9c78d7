"""The workshop page's clearance chart in words, in Simplified Chinese (``--lang zh``): the
sentences :func:`sim.faces.chart.clearance_words` gives in English, with the words of the
report and the console (基准方案, 方案, 95% 置信区间, 显著). The image's own words are
the report's plot words (:mod:`sim.report.zh_plots`: the bars named as here), drawn in
Chinese where the machine has a font for them (:func:`sim.faces.chart.in_language`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sim.faces.numbers import hours

#: the bars, as :data:`sim.faces.chart.BARS`, in Chinese
BARS = (
    ("clearance_h_mean_import", "海关通关，进口"),
    ("clearance_h_mean_export", "海关通关，出口"),
    ("overall_clearance_h_mean_import", "整体通关，进口"),
    ("overall_clearance_h_mean_export", "整体通关，出口"),
)
ALT = ("按方向的通关时间条形图（小时），基准方案为实心条，方案为斜线条，附 95% 置信区间；"
       "图下的说明逐条给出每个条形的数值")


def _hours(x: float) -> str:
    """Hours as :func:`sim.faces.chart._hours` writes them, in Chinese units."""
    if abs(x) < 1:
        return f"{hours(x)} 小时（{x * 60:.0f} 分钟）"
    return f"{hours(x)} 小时"


def ends(metric: str, low: float, high: float, mean: float) -> tuple[str, str]:
    """An interval's ends as the page's table writes them (:func:`sim.faces.chart.ends`)."""
    from sim.faces.chart import ends as written

    return written(metric, low, high, mean)


def _change(metric: str, difference: tuple[float, float | None, float | None]) -> str:
    """The option's change of one bar in words, and whether it is clear of chance."""
    mean, low, high = difference
    if not math.isfinite(mean):
        return "未测得变化"
    size = "无变化" if abs(mean) < 5e-4 else (
        f"{'缩短' if mean < 0 else '延长'} {_hours(abs(mean))}")
    if low is None or high is None:
        return f"{size}（仅一次重复运行：无置信区间，无法与随机波动区分）"
    if max(abs(mean), abs(low), abs(high)) < 5e-4:
        return "各次重复运行均无变化"
    lo, hi = ends(metric, low, high, mean)
    if low > 0 or high < 0:
        return f"{size}：变化显著（其 95% 置信区间 {lo} 至 {hi} 小时，不含 0）"
    return (f"{size}：变化不显著（其 95% 置信区间 {lo} 至 {hi} 小时，含 0："
            "可能是随机波动）")


def clearance_words(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Each bar in a sentence: baseline, option, the change."""
    by_metric = {row["metric"]: row for row in rows}
    return [
        f"通关时间，{label}：基准方案 {_hours(row['baseline'][0])}，"
        f"方案 {_hours(row['option'][0])}；{_change(metric, row['difference'])}。"
        for metric, label in BARS
        if (row := by_metric.get(metric)) is not None
    ]
