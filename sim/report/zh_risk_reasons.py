"""The Chinese of the report's table of why the risk engine inspected
(:mod:`sim.report.risk_reasons_section`): its note, columns and reasons."""

from __future__ import annotations

from sim.report import risk_reasons_section as s

#: the table's whole texts -> Chinese (merged into :data:`sim.report.zh_phrases.PHRASES`)
ZH: dict[str, str] = {
    s.NOTE: "风险布控引擎查验的原因，为各次重复运行的均值：每次查验只计一个原因，依次为信用规则的"
    "下限、使分数越过阈值的预警加分、分数本身越过阈值、随机抽查；查获率为这些查验中载有违规货物"
    "的比例（真实情况：仍需查验发现）。置信区间见 risk-reasons.csv。"
    "每个口岸的最后一行不是查验：引擎已选中、但信用类别（高级认证企业）的上限放行的报关单，"
    "不计入占比；其查获率为其中载有违规货物的比例。",
    "inspections a replication": "每次重复运行的查验票数",
    "share": "占比",
    "hit rate": "查获率",
    "reason": "原因",
    s.WORDS["floor"]: "信用规则下限",
    s.WORDS["alert"]: "预警",
    s.WORDS["score"]: "分数越过阈值",
    s.WORDS["random"]: "随机抽查",
    s.WORDS[s.NOT_INSPECTED]: "因上限放行（未查验）",
}
