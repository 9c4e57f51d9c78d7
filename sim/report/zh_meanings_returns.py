"""What the families of declarations sent to an officer's review (人工审单) and of those
returned for correction (退单) mean in Chinese, for
:mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_RETURNS = (
    "经审单的报关单按 declaration.returns.share（按企业类别）被退回；报关行修改后"
    "（declaration.returns.correction，计入企业时间）在同一审单通道再次排队。统计范围为观测期"
    "已完成的货物。"
)
#: what a scenario without returns gives (but a returned declaration's hours: NaN)
_NONE = "情景不退单（没有 [declaration.returns]）时为 0。"

_REVIEW = (
    "报关单按 declaration.review_share（按企业类别）抽中时，在其口岸的审单通道"
    "（[ports.<port>.review]）转人工审单；否则由系统自动接单。统计范围为观测期到港的全部报关单，"
    "无论是否已完成（审单在申报时即已决定）；被退单的报关单（returned_share）也在其中，只计一次。"
)

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("review_rate", "b3849c84"):
        "观测期到港报关单中在接单前转关员人工审单的比例：即报关行的报关单被人工审核、而非由系统"
        "直接接单的频率，无论关员随后是否退单（returned_share）、货物是否受检"
        "（document_check_rate、inspection_rate）。" + _REVIEW,
    ("review_rate_<class>", "f88c598c"):
        "某一信用类别企业报关单的 review_rate，合并所有口岸（_port_<port>：该类别在某一口岸；"
        "_import、_export：该类别在某一方向）：即报关行的该信用类别客户被人工审单的频率（认证企业的"
        "改革使其转入审单较少的类别）。" + _REVIEW,
    ("returned_share", "1a2e60a1"):
        "被审单关员退回修改（退单）的报关单占全部报关单（无论是否经审单）的比例：即模型中的报关单"
        "修改率。" + _RETURNS + _NONE,
    ("returned_h_mean", "a8acb044"):
        "每票退单自被退回至接单的平均小时数：报关行修改，然后第二次排队和审单（到港前的时间也计入）。"
        "没有退单时（情景没有 [declaration.returns] 时亦然）为 NaN。" + _RETURNS,
    ("returned_h_added", "8321460e"):
        "退单使到港后至放行的时间增加的小时数，按全部货物每票平均：即退单修改和二次审单两段"
        "（docs/trs.md）；任何经审单的报关单都有的第一次审单不计入。" + _RETURNS + _NONE,
    ("returned_clearance_share", "49273e7f"):
        "returned_h_added 占海关通关时间（到港至放行）均值的比例：退单占通关时间的多少。"
        + _RETURNS + _NONE,
}
