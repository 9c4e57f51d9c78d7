"""The Chinese of the report's section of seizures by layer
(:mod:`sim.report.seizure_layers_section`) and of a comparison's changes in it
(:mod:`sim.report.seizure_layers_changes`): their headings, columns, kinds of place and note,
in the glossary's words (真实情况, 查扣, 缉私巡查截获, 查验)."""

from __future__ import annotations

from sim.report import seizure_layers_changes as c
from sim.report import seizure_layers_section as s

#: the section's whole texts -> Chinese (merged into :data:`sim.report.zh_phrases.PHRASES`)
ZH: dict[str, str] = {
    s.HEADING: "查扣：真实情况、执法有效性与海关所见",
    "Arrived (truth)": "实际到达（真实情况）",
    "Seized at the port": "口岸查扣",
    "Stopped by patrols": "口岸外缉私巡查截获",
    "Found, not seized": "查出未查扣",
    "Missed": "未查获",
    s.AFTER_RELEASE: "其中放行后查出",
    s.MEAN_SHARE: "查出比例，各次重复运行比例的平均 [95% 置信区间]",
    s.POOLED_SHARE: "查出比例，合并各次重复运行（以此为准） [95% 置信区间]",
    s.INSPECTED: "查验票数（各类型合计）",
    "Hits": "查验发现",
    s.NOT_RECORDED: "未记录",
    "Hit rate": "查获率",
    "Found by document checks": "单证审核查出",
    "Illicit type": "违规类型",
    "Place": "地点",
    "Kind": "类别",
    s.KINDS["patrol"]: "口岸外走私路线",
    s.KINDS["all"]: "合计",
    s.ALL_TYPES: "全部违规类型",
    s.ALL_PLACES: "全部地点",
    s.NOTE: (
        "按违规类型和地点（口岸，或设有巡查的口岸外走私路线）列出各重复运行的平均值：实际到达的违规"
        "货物票数（隐藏的真实情况）、在口岸被查扣、扣留或退运的票数、口岸外缉私巡查截获的批次、"
        "在口岸放行前查出但未查扣的票数（低报价格补税、处理后放行，或期末仍在扣留：查出不等于"
        "查扣），以及其余未查获的部分（实际到达 = 查扣 + 截获 + 查出未查扣 + 未查获），"
        "其中放行后经税收复核、召回或稽查查出的票数另列（按查出到期时计，可在运行结束之后）；"
        "查出比例，"
        "即放行前查出或被巡查截获的占结果已知者的比例，附 95% 置信区间（执法有效性），列出两种："
        "各次重复运行自身比例的平均，以及合并各次重复运行全部批次计算的比例（查出总数除以结果已知"
        "总数，置信区间按比率估计量计算），后者不会把只有 3 批的重复运行与有 300 批的同等加权，"
        "应以合并比例为准；"
        "以及海关自身记录所见：该地点查验的票数"
        "（所有类型）、放行前经机检后查验、人工查验或检疫查验查获该类型的票数（查验发现，与中国公布的"
        "查获口径一致）、每查验一票的查验发现数（即命中率），以及仅由单证审核查出、不属查验发现的"
        "票数。合计为"
        "“全部地点”和“全部违规类型”两类行。各数值及其置信区间，以及对比中各方案与基准方案的配对"
        "差值，见 seizures-by-layer.csv。"
    ),
    c.HEADING: "分层查扣：各方案相对基准方案的变化",
    "Arrived": "实际到达",
    c.MEAN_SHARE: "查出比例，各次重复运行比例的平均",
    c.POOLED_SHARE: "查出比例，合并各次重复运行（以此为准）",
    c.CHANGE: "变化 [95% 置信区间]",
    c.CHANGE_POINTS: "变化，百分点 [95% 置信区间]",
    c.OPTION: "方案",
    c.NOTE: (
        "上表为基准方案的数值。本表对每个方案列出各违规类型在全部地点的合计及全部类型的合计：基准方案"
        "各重复运行的平均值，旁列该方案相对基准方案的变化（按重复运行配对，随机种子相同）"
        "及其 95% 置信区间；置信区间包含 0 的变化不能排除偶然因素。两种查出比例的变化均以百分点计："
        "各次重复运行自身比例平均值的变化，以及合并比例的变化（该方案的合并比例减基准方案的合并比例，"
        "置信区间由按随机种子配对的各次重复运行残差计算），应以合并比例为准。"
        "各地点的查扣分层数据见 "
        "seizures-by-layer.csv。"
    ),
}
