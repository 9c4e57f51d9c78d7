"""What the families of declarations returned for correction (退单) mean in Chinese, for
:mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_RETURNS = (
    "经审单的报关单按 declaration.returns.share（按企业类别）被退回；报关行修改后"
    "（declaration.returns.correction，计入企业时间）在同一审单通道再次排队。统计范围为观测期"
    "已完成的货物；情景不退单（没有 [declaration.returns]）时为 0。"
)

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("returned_share", "88ea9ba8"):
        "被审单关员退回修改（退单）的报关单占全部报关单（无论是否经审单）的比例：即模型中的报关单"
        "修改率。" + _RETURNS,
    ("returned_h_mean", "cff86402"):
        "每票退单自被退回至接单的平均小时数：报关行修改，然后第二次排队和审单（到港前的时间也计入）。"
        "没有退单时为 NaN。" + _RETURNS,
    ("returned_h_added", "51d02c1a"):
        "退单使到港后至放行的时间增加的小时数，按全部货物每票平均：即退单修改和二次审单两段"
        "（docs/trs.md）；任何经审单的报关单都有的第一次审单不计入。" + _RETURNS,
    ("returned_clearance_share", "cdb99a6e"):
        "returned_h_added 占海关通关时间（到港至放行）均值的比例：退单占通关时间的多少。"
        + _RETURNS,
}
