"""What the enforcement families mean in Chinese (seizures, detections, the hidden truth, the
illicit value, deterrence, the IPR holds), for :mod:`sim.report.zh_meanings`, which merges
them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

_VALUE = ("（走私、侵权、冻品或有害生物货物的真实价值；低报价格的报关单只计隐瞒部分，即真实价值减"
          "申报价值，与 revenue_evaded 计税相同：其货物本身合法）")
_ADD_UP = ("detected_<type>、slipped_<type>、found_after_release_<type> 与 held_<type> 之和等于 "
           "illicit_<type>。合并的数值每次运行都有；按进出口和口岸的数值只在该违规类型列在 "
           "enforcement.report_by_port 中（默认没有）时给出，各口岸的数值之和等于合并的数值（见 "
           "docs/counterfeits.md）。")
_WHOLE = ("按整票计：每票查出的侵权货物，其权利人是否申请扣留，取决于该票自己的随机抽样"
          "（holder_reply）落在 enforcement.ipr 的答复比例中的哪一段（见 docs/counterfeits.md）。")
_ERA = ("设有时间线时，在其某一时期（<era>，同 clearance_h_mean_<era>）到港货物的")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("attempts_deterred", "aa36f9e6"): "走私团伙选择不走私（被震慑）的走私机会数。",
    ("attempts_deterred_<type>", "f0b80cc1"):
        "夹带该类违规货物的走私团伙选择不走私（被震慑）的走私机会数。",
    ("cost_per_seizure", "30c4f2d5"):
        "观测期内各政府部门的成本（计法同 agency_cost_per_year，但不折算为一年，因此含国家支付的"
        "码头费用），除以已完成的货物中被查扣、扣留或退运的票数，设有走私团伙时再加上口岸外缉私"
        "巡查截获的批次（smuggling_interdicted，其人员成本已计入分子）。这是全部成本（含合规货物"
        "的通关）摊到每次查扣上，不是多查扣一次的成本（那是对比中 agency_cost_per_year 的配对变化"
        "除以查扣数的配对变化）。",
    ("detected_<type>", "4f5e19ce"):
        "观测期到港货物中该类违规报关单在放行前被查出的票数（侵权假冒商品：扣留；走私烟草、冻品："
        f"查扣；有害生物：退运或检疫处理）。{_ADD_UP}",
    ("detection_rate_<class>", "82771727"):
        "某一信用类别企业的观测期违规报关单中结果已知的（同 detection_rate），在放行前被查出的比"
        "例，合并所有口岸：即该类别的违规者有多少能通过（降低 AEO 企业的查验上限会使其更多违规货"
        "物通过）。一个类别的违规货物很少，因此该值波动较大；请结合 seizures_per_1000_<class> 一"
        "起看。该类别没有违规货物时为 NaN。",
    ("detection_rate_<era>", "d7a0b38e"):
        f"{_ERA} detection_rate：即设定日期的改革前后海关查出情况的变化。应与基准方案的同一时期相"
        "比（compare 在各方案的日期处划分每个方案），而不是与前一时期相比：一个时期的违规货物很"
        "少，因此其查出率波动较大。",
    ("detection_rate_<type>", "6d60d0ba"):
        "观测期到港货物中夹带该类违规货物且结果已知的报关单（运行结束时仍被扣住而未被查出的不计"
        "入，同 detection_rate），在放行前被查出的比例。",
    ("detection_rate_by_<finder>", "6b6afea8"):
        "记在该项检查名下的违规报关单，占观测期结果已知的违规报关单的比例（分母同 "
        "detection_rate：运行结束时仍被扣住而未被查出的不计入），因此 document、exam 和 "
        "quarantine 三者之和等于 detection_rate。被多项检查查出的货物记在最先查出的检查名下，依次"
        "为：单证审核、查验、检疫，然后是放行后的税收复核、召回、稽查；查验与在其之前开始的检疫查"
        "验都查出的货物（inspection.mode = \"separate\"）记在检疫查验名下。联合查验同时完成两者："
        "其查出记在查验名下。",
    ("detection_rate_by_audit_by_end", "94f82426"):
        "同 detection_rate_by_audit，但只计运行结束前到期的稽查查出（放行时间 + 稽查滞后 "
        "enforcement.audit.lag）：detection_rate_by_audit 不论何时到期都计入（观测期到港货物的最"
        "终结果）。两者之差是这一长度的运行尚未看到的部分；滞后长于运行时，此值为 0。",
    ("detection_rate_goods", "12be7388"):
        "只计货物报关单（除邮件和快件监管中心外的所有口岸）的 detection_rate：监管中心按其自己的"
        "目标几乎逐件机检包裹（默认情景的邮件监管中心：risk.ports.post_hub.target = 0.98），"
        "改变 risk.target 不会使其变化，因此合并的查出率把一个固定部分混入货物口岸对目标的反应。"
        "应结合 burden_share_goods 一起看。仅在邮件或快件监管中心与货物口岸并存时出现。",
    ("detection_rate_value_goods", "ab33158d"):
        "只计货物报关单（除邮件和快件监管中心外的所有口岸）的 detection_rate_value（同 "
        "detection_rate_goods）。仅在邮件或快件监管中心与货物口岸并存时出现。",
    ("detection_rate_value", "7076196d"):
        f"放行前查出的违规货值{_VALUE}，占观测期结果已知的违规报关单的违规货值的比例（运行结束时"
        "仍被扣住而未被查出的货值 value_held 不计入，同 detection_rate）。",
    ("detection_rate_with_audit", "897d5566"):
        "放行前查出的违规报关单，加上已放行的违规报关单中放行后查出的（税收复核、追回货物的召回、"
        "稽查），占结果已知的违规报关单的比例。放行后的查出不论何时到期都计入，即使在运行结束数月"
        "之后（放行后稽查的滞后：enforcement.audit.lag）：这是观测期到港货物的最终结果，而不是海"
        "关在运行结束时已知道的结果（见 detection_rate_by_audit_by_end）。",
    ("found_after_release_<type>", "8eebab56"):
        "观测期到港货物中该类违规报关单已放行、之后被放行后检查（税收复核、召回、稽查）查出的票"
        f"数：已查出，但为时已晚，无法在口岸扣留或查扣。{_ADD_UP}",
    ("held_<type>", "7289572a"):
        "观测期到港货物中该类违规报关单在运行结束时仍在海关手中、未被查出的票数：其结果尚不可知。"
        f"{_ADD_UP}",
    ("hit_rate_<check>", "7b8b37c2"):
        "观测期到港报关单中经过该项检查的（检查已开始，同 document_check_rate），其警报被查获证实"
        "的比例（机检：图像判读关员将其转人工查验且查验有发现，因此经 AI 判图放行的图像从不算查"
        "获）。合并所有口岸，包括邮件或快件监管中心，其大量机检包裹（查获很少）主导此值：不是某个"
        "货物口岸的查获率（hit_rate_<check>_goods：只计货物报关单；_port_<port>：某一口岸的，因为"
        "各口岸面对的货物和走私者不同）。",
    ("hit_rate_<check>_goods", "7c6dcc82"):
        "观测期货物报关单的 hit_rate_<check>，计所有口岸，但不含邮件和快件监管中心（其清单中国另"
        "行统计）。仅在邮件或快件监管中心与货物口岸并存时出现。",
    ("illicit_<type>", "d363b741"):
        "观测期到港货物中夹带该类违规货物的报关单数（隐藏的真实情况）。",
    ("illicit_<type>_<era>", "861a4344"):
        f"{_ERA} illicit_<type>：境外疫情（改革 outbreak）在其日期前后的变化，以隐藏的真实情况计。",
    ("detection_rate_<type>_<era>", "414c219a"):
        f"{_ERA} detection_rate_<type>：设定日期的改革或境外疫情前后，海关对该类违规货物的查出情况"
        "（与 illicit_<type>_<era> 合看，可知其中多少漏放）。一个时期到港的该类货物很少：应与基准"
        "方案的同一时期相比。",
    ("illicit_declarations", "9d4a433b"):
        "观测期到港货物中夹带任何类型违规货物的报关单数（隐藏的真实情况，海关始终看不到）。",
    ("illicit_held", "4c79c28c"):
        "观测期到港货物中运行结束时仍被海关扣住、未被查出的违规报关单数（未完成，未放行）：其结果"
        "未知，因此既不计入漏放，也不计入各查出率的分母（收尾期足够长时为 0）。",
    ("illicit_share", "1820ca34"): "违规报关单占观测期到港货物全部报关单的比例（隐藏的真实情况）。",
    ("ipr_clearance_time_mean", "754c9f67"):
        "在答复期限后放行（已备案、权利人未确认）且于运行结束前放行的侵权嫌疑货物，自到港至放行的"
        "平均小时数：即企业所经历的扣留（这些货物也计入 clearance_h_*；被扣留的货物未放行，两者都"
        "不计入）。",
    ("ipr_detained", "1da1138f"):
        "被扣留的侵权嫌疑货物票数：已备案商标的权利人在答复期限内提出申请并提供担保，或未备案商标"
        f"的权利人自行提出申请。{_WHOLE}",
    ("ipr_detained_days_mean", "79e54dd7"): "被扣留的侵权货物自查出后被扣留的平均日历天数。",
    ("ipr_holder_days", "bd9dfc34"):
        "被扣留的侵权货物自查出后被扣留的日历天数合计：答复期限加上调查（依职权保护）或等待法院"
        "（依申请保护；court_notice_share 比例的案件另加法院裁定的扣留期）的时间，均按法定时限；"
        "设置了办公时间（organisation.office_hours）时自查出"
        f"起按海关的工作日及其节假日计算，否则每个工作日按 7/5 个日历天计。{_WHOLE}",
    ("ipr_released_share", "8274b515"):
        "全部侵权嫌疑货物中被放行（权利人未确认或未备案无人申请）的比例。",
    ("ipr_released_unconfirmed", "aa0f12c9"):
        "已备案商标的侵权嫌疑货物中，因权利人未在答复期限内提出申请而放行的票数：在期限届满后放"
        f"行，其通关时间包含这段扣留（ipr_clearance_time_mean）。{_WHOLE}",
    ("ipr_released_unprotected", "fe1c7059"):
        "未备案商标的侵权嫌疑货物中，因无人提出申请而放行的票数：海关不能依职权扣留，因此查出后照"
        f"常放行，不作扣留。{_WHOLE}",
    ("ipr_bond_cost", "d16210c7"):
        "被扣留侵权货物占用的权利人担保金的成本：ipr_holder_days 乘以 "
        "enforcement.ipr.bond_per_case，再乘以 bond_rate（年率）除以 365 天。",
    ("ipr_counter_bond_cost", "749484b4"):
        "涉嫌侵犯专利权的被扣留货物，收发货人提供与货物等值的反担保金后放行（《知识产权海关保护"
        "条例》第十九条），其占用反担保金的成本：ipr_detained 乘以 patent_share、"
        "counter_bond_share、counter_bond_per_case，再乘以 counter_bond_rate（年率）除以 365 "
        "天，按放行后 counter_bond_held_days 个工作日（每个工作日 7/5 个日历天）计（权利人起诉"
        "的部分 counter_bond_sued_share 按 counter_bond_suit_days 计），只计 counter_bond_days "
        "时仍在扣留中的案件。",
    ("ipr_counter_bond_awarded", "aab8b7ac"):
        "权利人起诉后，法院判给权利人的反担保金（期望值）：凭反担保放行的案件数乘以 "
        "counter_bond_sued_share、counter_bond_awarded_share 和 counter_bond_per_case。这是"
        "收发货人向权利人的转移支付，不是口岸的成本，不计入 ipr_counter_bond_cost。",
    ("ipr_storage_cost", "6600129f"):
        "权利人承担的被扣留侵权货物的仓储费：ipr_holder_days 乘以 "
        "enforcement.ipr.storage_per_day。",
    ("ipr_suspected_recorded", "f7071010"):
        "放行前查出的侵权货物中商标已在海关备案的票数（依职权保护）；与 ipr_suspected_unrecorded "
        "之和等于 detected_counterfeit。",
    ("ipr_suspected_unrecorded", "ba1e2c40"):
        "放行前查出的侵权货物中商标未在海关备案的票数（仅依权利人申请保护）。",
    ("ipr_trader_hold_cost", "e34b3aa6"):
        "为等待权利人答复而被扣住的集装箱（已备案、权利人未确认、于运行结束前放行），企业承担的仓"
        "储费和滞箱费，观测期合计：答复期限使停留增加的仓储费（扣留用掉的免费堆存期之后要付费），"
        "乘以集装箱数，再乘以该口岸运输方式的 costs.trader.storage。属于企业成本中的仓储费，单独"
        "列出（sim/model/ipr_trader.py）。",
    ("ipr_trader_hold_cost_per_held", "fe33ff54"):
        "每票如此被扣住的货物的 ipr_trader_hold_cost：即货物等待权利人答复的进口或出口企业为此支"
        "付的仓储费。",
    ("ipr_unconfirmed_share", "e9b13d22"): "全部侵权嫌疑货物中因权利人未按期确认而放行的比例。",
    ("recalls", "8ff19c8b"):
        "观测期到港货物中在实验室结果出来前放行（先放行后检测）、检测不合格后被召回的票数。",
    ("recalls_unrecovered", "cb4d300e"): "召回中货物未能追回（已售出：漏放）的票数。",
    ("seizures_per_1000", "56082bf8"):
        "每 1,000 份观测期到港报关单中被查扣、扣留或退运的报关单数（震慑会使其下降：本身并非越多"
        "越好）。扣留和检疫退运也计入，因此不能与走私刑事案件数相比。_port_<port>：每 1,000 份某"
        "一口岸的报关单。",
    ("seizures_per_1000_<class>", "482dc0a0"):
        "某一信用类别企业报关单的 seizures_per_1000，合并所有口岸和进出口：即信用规则或认证在各类"
        "别之间转移的查扣（认证企业被查扣的减少，失信企业的增加）。",
    ("seizures_per_1000_<era>", "3dd3c200"): f"{_ERA} seizures_per_1000。",
    ("slipped_<type>", "708e1853"):
        "观测期到港货物中该类违规报关单已放行且始终未被查出（放行前未查出，放行后检查——税收复核、"
        "召回、稽查——也未查出）的票数：value_slipped 按各类型合计的正是这些报关单的货值。"
        f"{_ADD_UP}",
    ("found_<type>_by_<finder>", "7042a310"):
        "观测期到港货物中该类违规报关单记在该项检查（最先查出的检查，同 "
        "detection_rate_by_<finder>）名下的票数，合并所有口岸和进出口：document、exam 和 "
        "quarantine 三者之和等于 detected_<type>，放行后的税收复核、召回和稽查三者之和等于 "
        "found_after_release_<type>。即各类违规货物由哪项检查查出（有害生物：检疫；低报价格：单证"
        "审核和税收复核）。",
    ("value_seized_<type>", "b03d89c4"):
        f"观测期到港货物中该类被查扣、扣留或退运的报关单的违规货值{_VALUE}，合并所有口岸和进出口；"
        "各类型之和等于 value_seized（低报价格的货物查出后重新估价并放行，因此不计入）。",
    ("value_slipped_<type>", "6f69a788"):
        f"观测期到港货物中该类违规报关单已放行、放行前后均未查出的违规货值{_VALUE}，合并所有口岸和"
        "进出口：即 slipped_<type> 的货值；各类型之和等于 value_slipped（低报价格：隐瞒的部分，即"
        "真实价值减申报价值）。",
    ("value_held", "e0894505"): f"illicit_held 各报关单的违规货值{_VALUE}。",
    ("value_seized", "93cee9ef"):
        f"观测期到港货物中被查扣、扣留或退运的报关单的违规货值{_VALUE}（低报价格的货物查出后重新"
        "估价并放行，因此不计入），按观测天数合计：是查出的违规货值（放行前或放行后）的一部分。",
    ("value_slipped_total", "ac0f4679"):
        "口岸内外漏放的全部违规货值：value_slipped（申报的货物，含走私团伙经口岸运入的货物）+ "
        "smuggling_value_slipped_outside（口岸外的路线），每批货物只计一次；运行结束时仍被扣住或"
        "仍在途中的货物两者都不计入。这是衡量巡查的指标：巡查可能把走私货物推向口岸，使 "
        "value_slipped 上升而合计下降。",
}
