"""What the families of quarantine pests by commodity mean in Chinese (:mod:`sim.model.
pest_catch`), for :mod:`sim.report.zh_meanings`, which merges them into its ``MEANINGS``; keyed
the same way."""

from __future__ import annotations

#: what the type pest stands for beyond plant pests (metric_glossary_pests.DISEASE)
DISEASE = ("冻品的动物疫病在模型中也计入检疫性有害生物（illicit_pest），因此 frozen 的 pest_* "
           "数字计的是带疫病的批次；违规类型 frozen 指未经检疫许可的冻品")
_OF = (f"观测期到港货物中带有有害生物的 <commodity> 货物（真实情况：illicit_pest 按商品分列；"
       f"{DISEASE}）")
_NAMED = ("每个可能带有有害生物的商品（enforcement.prevalence.pest 乘以其 enforcement.by_commodity "
          "系数大于 0）各有一项")
_NAN = "；某次重复运行中没有此类货物时为 NaN。"
_REACH = ("抽样方案（enforcement.sampling：sample_units、lab_sensitivity）只作用于被抽样的货物，"
          "因此此比例限定了改变抽样方案所能影响的范围。")
#: metric_glossary_pests.SHORT_RUN
_SHORT_RUN = ("改变抽样方案（enforcement.sampling）只能通过被抽样的带有害生物货物"
              "（pest_sampled_share_<commodity>）影响此数：默认情景各商品合计约每十天才抽样到一票，"
              "因此运行几周几乎看不出差别，观测一个季度（--days 91）才看出虽小但明确的差别"
              "（docs/laboratory.md）。")

_REJECTED = ("查出后被判不合格（退运或销毁，默认即未作处理的有害生物，"
             "enforcement.pest_treat）")
_NO_TIME = ("货物的流程在判定不合格时结束：模型中退运或销毁本身不耗时，也不占用堆场，除非 "
            "commodities.<commodity>.disposal 给出处置时间（此时其集装箱留在堆场停留和在场箱数中："
            "quarantine_disposal_yard_h_mean_<commodity>）；无论如何货物都不计入通关时间。")
_STATUTORY = ("每个须法定检验的商品（commodities.<commodity>.statutory 大于 0：只有这类货物会"
              "接受检疫查验）各有一项")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("pest_consignments_<commodity>", "81734902"):
        f"{_OF}的票数，按观测天数统计；各商品之和等于 illicit_pest。{_NAMED}。",
    ("pest_checked_share_<commodity>", "8416d136"):
        f"{_OF}中经检疫查验（运行结束前已开始）的比例，不论是否抽样：即布控选择让检疫人员看到"
        f"多少。{_NAMED}{_NAN}",
    ("pest_sampled_share_<commodity>", "cd89ba6a"):
        f"{_OF}中检疫查验抽样送实验室的比例（查验中的 ports.<port>.quarantine.sample_share）。"
        f"{_REACH}{_NAMED}{_NAN}",
    ("pest_detection_rate_<commodity>", "923fffef"):
        f"{_OF}中结果已知的（运行结束时仍被扣住而未被查出的不计入，同 detection_rate），在放行前"
        f"被任一检查查出的比例：即按商品分列的 detection_rate_pest。{_SHORT_RUN}{_NAMED}{_NAN}",
    ("pest_lab_finds_<commodity>", "cecb572f"):
        f"{_OF}中仅由实验室检测在放行前查出的票数（检疫查验未在现场发现，单证审核和查验也未发现）："
        f"即抽样方案查出而检疫人员目视检查漏过的，按观测天数统计。{_SHORT_RUN}{_NAMED}。",
    ("pest_slipped_<commodity>", "ea4d215c"):
        f"{_OF}中放行前未被查出而放行的票数（真实情况与检查所见的对照），按观测天数统计；放行后"
        f"的发现（稽查、召回）不从中扣除。{_NAMED}。",
    ("pest_escaped_<commodity>_port_<port>", "b50eb2d2"):
        f"{_OF}中在某一口岸放行前未被查出而放行的票数：即按口岸分列的 pest_slipped_<commodity>"
        f"（各口岸之和等于它），按观测天数统计。检疫人员按商品安排某一口岸的抽样，而 "
        f"enforcement.csv（按口岸，不按商品）和 pest_slipped_<commodity>（各口岸合计）都看不出。"
        f"{_NAMED}，每个口岸各一项。",
    ("quarantine_rejected_lots_<commodity>", "62dfc3b7"):
        f"观测期到港的 <commodity> 货物（批）中{_REJECTED}的批数；各商品之和等于 "
        f"consignments_rejected。{_NO_TIME}{_STATUTORY}。",
    ("quarantine_rejected_h_mean_<commodity>", "f2973f2d"):
        f"观测期到港的 <commodity> 货物（批）中{_REJECTED}者，自到港至判定不合格（查出它的最后一项"
        f"检查：实验室结果、检疫查验或查验）的平均小时数，即不合格批在口岸等待退运或销毁指令的时间。"
        f"{_NO_TIME}{_STATUTORY}{_NAN}",
    ("quarantine_rejection_cost_per_lot_<commodity>", "e032d859"):
        f"观测期到港的 <commodity> 货物（批）中{_REJECTED}者，每批退运或销毁的平均费用："
        f"其口岸运输方式的 costs.checks.destruction 乘以集装箱数，由 costs.checks.rejection_payer "
        f"支付（计入贸易商或国家的退运销毁成本项）。退运与销毁同一价格；仅在有 "
        f"[costs] 部分时给出。{_NO_TIME}{_STATUTORY}{_NAN}",
    ("quarantine_treated_lots_<commodity>", "3342a163"):
        f"观测期到港的 <commodity> 货物（批）中经检疫处理（熏蒸、热处理）后放行、且处理在运行结束前"
        f"完成的批数：按查验的一定比例（commodities.<commodity>.quarantine_treat）处理，以及查出"
        f"有害生物后处理的（enforcement.pest_treat）。{_STATUTORY}。",
    ("quarantine_treatment_h_mean_<commodity>", "be206994"):
        f"观测期到港的 <commodity> 货物（批）中经处理者，检疫处理（熏蒸、热处理："
        f"ports.<port>.quarantine.treatment）自开始至结束的平均小时数；货物在放行前等待这么久"
        f"（通关时间测算中的检疫处理阶段）。{_STATUTORY}{_NAN}",
    ("quarantine_treatment_cost_per_lot_<commodity>", "f79f02ae"):
        f"观测期到港的 <commodity> 货物（批）中经处理者，每批检疫处理（熏蒸、热处理）的平均费用："
        f"其口岸运输方式的 costs.checks.treatment 乘以集装箱数，由贸易商支付（计入边境合规成本）；"
        f"默认不计价，处理只耗费货物的时间；仅在有 [costs] 部分时给出。{_STATUTORY}{_NAN}",
    ("quarantine_disposal_yard_h_mean_<commodity>", "fc0b5c5f"):
        f"观测期到港的 <commodity> 货物（批）中{_REJECTED}者，"
        f"每个集装箱在海港堆场停留的平均小时数：自卸船（出口自进闸）至判定不合格，"
        f"再加在口岸不合格货物处置场所等候空位的时间（设有 "
        f"ports.<port>.quarantine.disposal_facility 时），"
        f"再加处置时间 commodities.<commodity>.disposal.time"
        f"（退运：等待承运人下一班船；销毁：预约有资质的处理场所并在监管下销毁），按集装箱计，"
        f"不论是否超过运行结束。不合格货物从不放行：通关时间指标不计入它们，堆场停留和在场箱数"
        f"（yard_dwell_h_mean_port_<port>_<direction>、yard_boxes_max_...）计入这些集装箱。"
        f"每个处置时间大于 0 的商品各一项{_NAN}",
    ("quarantine_disposal_boxes_mean_<owner>", "fdb62b20"):
        "退运或销毁中的不合格货物集装箱同时在海港堆场的平均数，按观测小时数计（处置的箱时数除以"
        "观测小时数，利特尔法则；超过运行结束的处置整段计入），按时间归属分列："
        "quarantine_disposal_boxes_mean_trader 为退运（货主等待承运人的船，"
        "commodities.<commodity>.disposal.kind = \"return\"），"
        "quarantine_disposal_boxes_mean_quarantine 为销毁（向有资质的处理场所预约并由检疫监管，"
        "kind = \"destruction\"）：规划者据此安排堆场箱位和监管人力。"
        "有商品的处置时间大于 0 时给出（两个归属都给出）；"
        "没有不合格货物时为 0。",
}
