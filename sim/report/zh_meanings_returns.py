"""What the families of declarations returned for correction (退单) mean in Chinese, for
:mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_RETURNS = (
    "经审单的报关单按 declaration.returns.share（按企业类别）被退回；报关行修改后"
    "（declaration.returns.correction，计入企业时间）在同一审单通道再次排队。统计范围为观测期"
    "已完成的货物。"
)
#: what a scenario without returns gives (but a returned declaration's hours: NaN)
_NONE = "情景不退单（没有 [declaration.returns]）时为 0。"

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
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
