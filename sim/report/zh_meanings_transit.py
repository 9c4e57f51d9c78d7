"""What the families of transit goods (转关) mean in Chinese, for :mod:`sim.report.zh_meanings`,
which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_TRANSIT = (
    "进口货物按 ports.<port>.transit.share（按企业类别，扣除 "
    "ports.<port>.transit.integrated 比例）以转关方式进境："
    "在进境口岸审核转关申报并施加关锁（transit_formalities，计入海关时间），再在海关监管下"
    "运至本关（transit_travel，计入承运人即企业时间）；通关时间自抵达进境口岸起算。统计范围为"
    "观测期已完成的进口货物。"
)
#: what a scenario without transit gives (but a transit consignment's hours: NaN)
_NONE = "没有进口货物转关（没有 [ports.<port>.transit]）时为 0。"

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("transit_share", "73a6d4fa"):
        "以转关方式自进境口岸运抵的货物占全部进口货物的比例（出口货物不转关）。" + _TRANSIT + _NONE,
    ("transit_h_mean", "8a5202c5"):
        "每票转关货物转关运输段的平均小时数：自抵达进境口岸至抵达本关，即转关手续和监管运输。"
        "没有货物转关时（没有任何口岸设 [ports.<port>.transit] 时亦然）为 NaN。" + _TRANSIT,
    ("transit_clearance_share", "bd832c97"):
        "转关运输段按全部进口货物每票平均的小时数占进口货物海关通关时间（抵达进境口岸至放行）"
        "均值的比例：转关占其通关时间的多少。" + _TRANSIT + _NONE,
}
