"""``run --observed FILE --lang zh``: the table of observed figures beside the run's in
Chinese (a workshop sets an Erlang C formula's or a port's measured figure beside the
simulation's). Headers are the report's words for the same columns
(:data:`sim.report.zh_phrases` 实测值, 模拟值, 是否在区间内); each metric is named as the
key table names it, its Chinese name then its code; numbers are the English table's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

TITLE = "实测与模拟对比：各次重复运行的均值及 95% 置信区间"
#: the columns, as the English table orders them
COLUMNS = ("实测值", "模拟均值", "置信下限", "置信上限", "模拟值 − 实测值", "是否在区间内")
#: the columns of figures that have an interval of their own
OWN_COLUMNS = ("差值 95% 置信区间", "是否一致")
#: a row's ``inside`` and ``agree`` values (:mod:`sim.experiment.validation`) in words
VERDICTS = {"yes": "是", "no": "否", "not measured": "未测得", "no interval": "无置信区间"}
#: the caption after the count of figures inside
CAPTION = ("；该区间只反映仿真的随机性，不含实测值自身的抽样误差（{file} 中有全部列）")
AGREE = "；是否一致：由两者的区间得到的差值区间是否包含 0"


def verdict(rows: Sequence[Mapping[str, Any]]) -> str:
    """How many observed figures fall inside the run's intervals, in Chinese (the English
    :func:`sim.experiment.validation.verdict`'s count)."""
    inside = sum(r["inside"] == "yes" for r in rows)
    judged = sum(r["inside"] in ("yes", "no") for r in rows)
    text = f"{judged} 个实测值中有 {inside} 个落在本次运行的 95% 置信区间内"
    if judged < len(rows):
        text += f"（另有 {len(rows) - judged} 个没有置信区间或未测得）"
    return text


def metric_label(metric: str, label: str) -> str:
    """A row's metric: its Chinese name (where the glossary has it) and its code, then the
    file's own label in brackets."""
    from sim.report.translate import metric_name

    name = metric_name(metric)
    said = f"{name} {metric}" if name else metric
    return f"{said}（{label}）" if label else said


def said(value: object) -> str:
    """A row's ``inside`` or ``agree`` value in words (empty stays empty)."""
    return VERDICTS.get(str(value or ""), str(value or ""))


#: ``sweep --observed``: the table's title, the lines naming where each figure is inside,
#: and the caveat under them
SWEEP_TITLE = "各扫描点的实测值对比：模拟均值 [各次重复运行的 95% 置信区间]，是否在区间内"
SWEEP_INSIDE = "{metric}（实测值 {observed}）落在区间内的取值：{at}"
SWEEP_NONE = "无"
SWEEP_CAVEAT = "（该区间只反映仿真的随机性，不含实测值自身的抽样误差；{file} 中有各扫描点的全部列）"
