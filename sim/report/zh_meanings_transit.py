"""What the families of transit goods (转关) mean in Chinese, for :mod:`sim.report.zh_meanings`,
which merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

from sim.report.zh_meanings_phrases import OUT, QUANTILE, RELEASED

_HOW = (
    "进口货物按 ports.<port>.transit.share（按企业类别，扣除 "
    "ports.<port>.transit.integrated 比例）以转关方式进境："
    "在进境口岸审核转关申报并施加关锁（transit_formalities，计入海关时间），再在海关监管下"
    "运至本关（transit_travel，计入承运人即企业时间）；通关时间自抵达进境口岸起算。"
)
_TRANSIT = _HOW + "统计范围为观测期已完成的进口货物。"
#: the share over every import, finished or not
_COHORT = ("统计范围为观测期内抵达的全部进口货物，无论是否完成：货物是否转关在抵达时即已确定，"
           "因此运行结束时仍在转关窗口或转关途中的删失货物也计入。")
#: what a scenario without transit gives (but a transit consignment's hours: NaN)
_NONE = "没有进口货物转关（没有 [ports.<port>.transit]）时为 0。"

#: the imports in transit, those cleared directly and those under integration (the split of
#: the clearance figures)
_IN_TRANSIT = ("自进境口岸以转关方式运抵的进口货物",
               "自抵达进境口岸起算，与世界海关组织货物放行时间研究的算法相同：转关运输段计入其中。")
_DIRECT = ("在抵达地通关的进口货物（非转关，也不是因通关一体化而不再转关的货物）",
           "有无通关一体化，此组都是同一批货物（一体化不再转关的货物归入 integrated/import 组），"
           "因此实行一体化的改革不改变此组的货物。")
_INTEGRATED = ("实行通关一体化的进口货物：没有一体化时本会转关（转关抽样的均匀数小于其企业类别的 "
               "ports.<port>.transit.share，但不小于 share*(1-integrated)），如今按直接通关办理",
               "与转关货物一样自抵达进境口岸起算：与未实行一体化的基准方案的 "
               "clearance_h_mean_transit_import 对照，即同一批货物有无一体化的通关时间。"
               "ports.<port>.transit.integrated 为 0 时此组为空。")
#: whose cost, and where the transit desk's officers' cost falls
_COST = {"agency": "政府部门成本（人员、设备、查验）",
         "trader": "企业成本（所付规费和收费，加上自抵达进境口岸起货物时间的价值）"}
_COST_WHY = ("转关关员（costs.staff.transit_desk）的成本由其办理施封的货物分摊，因此转关窗口的"
             "成本只落在转关货物上。")
_COST_OF = "每票平均，按观测期已完成的货物计，以情景的货币计；该组没有货物时为 NaN。"
#: the inspection rates: what they count, and over which goods
_INSPECTED = ("中经海关查验（机检、人工查验或检疫查验，与 inspection_rate 相同）的比例，按观测期已"
              "完成的货物计（运行结束时仍在转关窗口或转关途中的删失货物尚未运抵本关，不计入）；"
              "该组没有货物时为 NaN。")
_ONE_CLASS = ("中某一企业类别的货物（aeo_advanced：AEO 身份对转关货物，如综合保税区货物，"
              "查验的影响）")
_CLEARANCE = f"海关通关时间（到港至海关放行）的小时数，{RELEASED}"
_OVERALL = f"整体通关时间（到港至货物提离）的小时数，{OUT}"
_P90 = f"（{QUANTILE}）"

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("transit_share", "853213e0"):
        "以转关方式自进境口岸运抵的货物占全部进口货物的比例（出口货物不转关）。" + _HOW + _COHORT
        + _NONE,
    ("transit_unfinished", "1879bef9"):
        "观测期内以转关方式进境的进口货物中，运行结束时仍未完成（删失：仍在转关窗口、转关途中"
        "或之后的环节）的票数：它们不计入 transit_h_mean、transit_clearance_share 及 "
        "transit/import 组的各项指标，这些指标因而偏低；数量多时，应延长清空期（drain_days）"
        "或增加转关关员（ports.<port>.transit.desk.capacity）。" + _HOW,
    ("transit_desk_era_behind", "76448170"):
        "观测期内在转关窗口排队的转关货物中，按排队后实际申报时间计算，其审单在时间线"
        "（[[timeline]]、--reforms NAME@TIME）中某项带日期的改革生效之后，却仍适用生效前"
        "规则的票数：货物适用哪一时期的规则，按其抵达时间（不计转关窗口的等待）确定，因为"
        "这些规则决定其转关运输段的抽取（见 docs/transit.md）。没有货物受影响时为 0；大于 0 "
        "时运行注记会说明。",
    ("transit_h_mean", "8a5202c5"):
        "每票转关货物转关运输段的平均小时数：自抵达进境口岸至抵达本关，即转关手续和监管运输。"
        "没有货物转关时（没有任何口岸设 [ports.<port>.transit] 时亦然）为 NaN。" + _TRANSIT,
    ("transit_clearance_share", "bd832c97"):
        "转关运输段按全部进口货物每票平均的小时数占进口货物海关通关时间（抵达进境口岸至放行）"
        "均值的比例：转关占其通关时间的多少。" + _TRANSIT + _NONE,
    ("clearance_h_mean_transit_import", "9373d38a"):
        f"{_IN_TRANSIT[0]}{_CLEARANCE}的均值；该组没有货物时为 NaN。{_IN_TRANSIT[1]}",
    ("clearance_h_p90_transit_import", "2fb1f490"):
        f"{_IN_TRANSIT[0]}{_CLEARANCE}的第 90 百分位{_P90}；该组没有货物时为 NaN。"
        f"{_IN_TRANSIT[1]}",
    ("clearance_h_mean_direct_import", "3a028f13"):
        f"{_DIRECT[0]}{_CLEARANCE}的均值；该组没有货物时为 NaN。{_DIRECT[1]}",
    ("clearance_h_p90_direct_import", "3eaf2c9c"):
        f"{_DIRECT[0]}{_CLEARANCE}的第 90 百分位{_P90}；该组没有货物时为 NaN。{_DIRECT[1]}",
    ("overall_clearance_h_mean_transit_import", "e4ed8ed8"):
        f"{_IN_TRANSIT[0]}{_OVERALL}的均值；该组没有货物时为 NaN。{_IN_TRANSIT[1]}",
    ("overall_clearance_h_p90_transit_import", "558c02fc"):
        f"{_IN_TRANSIT[0]}{_OVERALL}的第 90 百分位{_P90}；该组没有货物时为 NaN。"
        f"{_IN_TRANSIT[1]}",
    ("overall_clearance_h_mean_direct_import", "434bb652"):
        f"{_DIRECT[0]}{_OVERALL}的均值；该组没有货物时为 NaN。{_DIRECT[1]}",
    ("overall_clearance_h_p90_direct_import", "34f64074"):
        f"{_DIRECT[0]}{_OVERALL}的第 90 百分位{_P90}；该组没有货物时为 NaN。{_DIRECT[1]}",
    ("clearance_n_transit_import", "941a26ce"):
        f"运行结束前已被海关放行的{_IN_TRANSIT[0]}票数，即 clearance_h_mean_transit_import "
        f"所平均的各票；没有时为 0。{_IN_TRANSIT[1]}",
    ("clearance_n_direct_import", "44126cd3"):
        f"运行结束前已被海关放行的{_DIRECT[0]}票数，即 clearance_h_mean_direct_import "
        f"所平均的各票；没有时为 0。{_DIRECT[1]}",
    ("clearance_h_mean_integrated_import", "4fec98f3"):
        f"{_INTEGRATED[0]}{_CLEARANCE}的均值；该组没有货物时为 NaN。{_INTEGRATED[1]}",
    ("clearance_h_p90_integrated_import", "8f8e8d9f"):
        f"{_INTEGRATED[0]}{_CLEARANCE}的第 90 百分位{_P90}；该组没有货物时为 NaN。"
        f"{_INTEGRATED[1]}",
    ("overall_clearance_h_mean_integrated_import", "a9df4bef"):
        f"{_INTEGRATED[0]}{_OVERALL}的均值；该组没有货物时为 NaN。{_INTEGRATED[1]}",
    ("overall_clearance_h_p90_integrated_import", "f2e53699"):
        f"{_INTEGRATED[0]}{_OVERALL}的第 90 百分位{_P90}；该组没有货物时为 NaN。"
        f"{_INTEGRATED[1]}",
    ("clearance_n_integrated_import", "3fb96380"):
        f"运行结束前已被海关放行的{_INTEGRATED[0]}票数，即 clearance_h_mean_integrated_import "
        f"所平均的各票；没有时为 0。{_INTEGRATED[1]}",
    ("agency_cost_per_consignment_transit_import", "be79d127"):
        f"{_IN_TRANSIT[0]}的{_COST['agency']}，{_COST_OF}{_IN_TRANSIT[1]}{_COST_WHY}",
    ("agency_cost_per_consignment_direct_import", "e9d92122"):
        f"{_DIRECT[0]}的{_COST['agency']}，{_COST_OF}{_DIRECT[1]}{_COST_WHY}",
    ("agency_cost_per_consignment_integrated_import", "ae05462f"):
        f"{_INTEGRATED[0]}的{_COST['agency']}，{_COST_OF}{_INTEGRATED[1]}{_COST_WHY}",
    ("trader_cost_per_consignment_transit_import", "79a88323"):
        f"{_IN_TRANSIT[0]}的{_COST['trader']}，{_COST_OF}{_IN_TRANSIT[1]}{_COST_WHY}",
    ("trader_cost_per_consignment_direct_import", "1dc6a363"):
        f"{_DIRECT[0]}的{_COST['trader']}，{_COST_OF}{_DIRECT[1]}{_COST_WHY}",
    ("trader_cost_per_consignment_integrated_import", "694da5ca"):
        f"{_INTEGRATED[0]}的{_COST['trader']}，{_COST_OF}{_INTEGRATED[1]}{_COST_WHY}",
    ("inspection_rate_transit_import", "25160bb3"):
        f"{_IN_TRANSIT[0]}{_INSPECTED}{_IN_TRANSIT[1]}",
    ("inspection_rate_direct_import", "9645061b"): f"{_DIRECT[0]}{_INSPECTED}{_DIRECT[1]}",
    ("inspection_rate_integrated_import", "3564041c"):
        f"{_INTEGRATED[0]}{_INSPECTED}{_INTEGRATED[1]}",
    ("inspection_rate_<class>_transit_import", "f745250e"):
        f"{_IN_TRANSIT[0]}{_ONE_CLASS}{_INSPECTED}{_IN_TRANSIT[1]}",
    ("inspection_rate_<class>_direct_import", "e430cca4"):
        f"{_DIRECT[0]}{_ONE_CLASS}{_INSPECTED}{_DIRECT[1]}",
    ("inspection_rate_<class>_integrated_import", "7d756e35"):
        f"{_INTEGRATED[0]}{_ONE_CLASS}{_INSPECTED}{_INTEGRATED[1]}",
}
