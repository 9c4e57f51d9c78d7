"""``bordersim compliance --lang zh``: customs' estimate of non-compliance beside the truth in
Chinese (违规率, 查验, 查获), the same tables as the English of :func:`sim.compliance.report`
with their headings, columns and illicit types named in Chinese and every figure as printed
there; a check keeps its option value beside its Chinese name."""

from __future__ import annotations

from typing import Any

#: the columns of :data:`sim.analysis.compliance.COLUMNS` and of the summary (a test keeps
#: them equal), and the tables' index names
COLUMNS = {"declarations": "报关单数", "inspected": "已查验", "pending": "查验未完成",
           "found": "查获数", "estimate": "估计违规率", "se": "标准误", "low": "区间下限",
           "high": "区间上限", "truth": "真实违规率", "covered": "区间含真实值",
           "replications": "重复运行次数", "replication": "重复运行", "illicit": "违规类型"}
#: the summary's rows beyond the illicit types of :data:`sim.report.zh_glossary.VALUES`
ALL = "全部违规类型"
NOTE = ("漏查的货物看起来是守法的：估计的只是查验能查出的违规货物，因此若查验在所查货物中只能"
        "查出比例为 d 的违规货物，估计值就是真实违规率的 d 倍，而区间并未考虑 d。")
#: a replication's ``covered`` (its interval held the truth)
YES_NO = {True: "是", False: "否"}


def heading(check: str) -> str:
    """The first table's heading: the check whose selections are the sample."""
    from sim.report.zh_glossary import VALUES

    return f"按重复运行：根据布控抽中{VALUES['check'][check]}（{check}）的货物估计的违规率："


BY_TYPE = "按违规类型，各次重复运行的均值（区间含真实值：区间包含真实值的重复运行所占比例）："


def table(frame: Any) -> Any:
    """``frame`` with its columns, index names and illicit types in Chinese (figures as they
    are)."""
    from sim.report.zh_glossary import VALUES

    types = {**VALUES["type"], "all": ALL}
    if frame["covered"].dtype == bool:  # (a replication's: whether it held the truth)
        frame = frame.assign(covered=frame["covered"].map(YES_NO))
    out = frame.rename(columns=COLUMNS)
    if "illicit" in (out.index.names or []):
        out = out.rename(index=types, level="illicit")
    out.index = out.index.set_names([COLUMNS.get(n, n) for n in out.index.names])
    return out
