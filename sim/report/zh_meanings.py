"""What the metrics a class meets first mean, in Chinese, for ``bordersim check --explain
--lang zh`` (:mod:`sim.cli_zh_explain`): the families of the ``run`` table
(:data:`sim.cli.KEY_METRICS`), keyed by the glossary stem and the first eight hex digits of
the SHA-256 of its English meaning (:func:`sim.cli_zh_options.digest`). A meaning changed
since it was translated has no entry and is printed in English, marked untranslated: never
a stale Chinese. ``tests/data/zh_meanings_pending.txt`` lists the families still without
one; ``tests/test_cli_zh_explain.py`` fails on a family in neither. The other families'
meanings are in their own modules, merged here (:mod:`sim.report.zh_meanings_enforcement`,
:mod:`sim.report.zh_meanings_cost`, :mod:`sim.report.zh_meanings_flow`,
:mod:`sim.report.zh_meanings_work`, :mod:`sim.report.zh_meanings_lab`,
:mod:`sim.report.zh_meanings_pests`, :mod:`sim.report.zh_meanings_time`,
:mod:`sim.report.zh_meanings_groups`,
:mod:`sim.report.zh_meanings_returns`, :mod:`sim.report.zh_meanings_transit`,
:mod:`sim.report.zh_meanings_channels`,
:mod:`sim.report.zh_meanings_approach`, :mod:`sim.report.zh_meanings_bonded`), and their
shared phrases in :mod:`sim.report.zh_meanings_phrases`."""

from __future__ import annotations

from sim.report.zh_meanings_approach import MEANINGS as _APPROACH
from sim.report.zh_meanings_bonded import MEANINGS as _BONDED
from sim.report.zh_meanings_channels import MEANINGS as _CHANNELS
from sim.report.zh_meanings_cost import MEANINGS as _COST
from sim.report.zh_meanings_enforcement import MEANINGS as _ENFORCEMENT
from sim.report.zh_meanings_flow import MEANINGS as _FLOW
from sim.report.zh_meanings_groups import MEANINGS as _GROUPS
from sim.report.zh_meanings_lab import MEANINGS as _LAB
from sim.report.zh_meanings_pests import MEANINGS as _PESTS
from sim.report.zh_meanings_phrases import FINISHED as _FINISHED
from sim.report.zh_meanings_phrases import GOODS as _GOODS
from sim.report.zh_meanings_phrases import OUT as _OUT
from sim.report.zh_meanings_phrases import QUANTILE as _QUANTILE
from sim.report.zh_meanings_phrases import RELEASED as _RELEASED
from sim.report.zh_meanings_returns import MEANINGS as _RETURNS
from sim.report.zh_meanings_time import MEANINGS as _TIME
from sim.report.zh_meanings_transit import MEANINGS as _TRANSIT
from sim.report.zh_meanings_work import MEANINGS as _WORK

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("clearance_h_mean", "049cb406"):
        f"海关通关时间均值：自货物到港至海关放行的小时数，{_RELEASED}。",
    ("clearance_h_median", "1d922d91"):
        f"clearance_h_mean 所平均的时间的中位数，统计范围相同（{_QUANTILE}）。",
    ("clearance_h_median_goods_<direction>", "67d2e1ee"):
        f"只计货物报关单的 clearance_h_median_<direction>{_GOODS}。",
    ("clearance_h_p90", "465febc2"):
        f"clearance_h_mean 所平均的时间的第 90 百分位，统计范围相同（{_QUANTILE}）。",
    ("clearance_h_p95", "32a6aa38"):
        f"clearance_h_mean 所平均的时间的第 95 百分位，统计范围相同（{_QUANTILE}）。",
    ("released_within_<target>", "474e0f46"):
        f"自到港起在时限内放行的比例（通关时间不超过时限，恰好等于时限的计入；精确计数，不读自直方图），"
        f"{_RELEASED}：即货物放行时间研究的服务标准（进口 24、48 或 72 小时，AEO 企业 2 小时等）。"
        "总是给出 released_within_24h；情景的 within_hours（--set 'within_hours=[2,48,72]'）"
        "可增加时限。时限为 0（released_within_0h）即到港即放行的比例：货物到港前已申报、"
        "已完成风险评估并已放行，即提前申报（世贸组织《贸易便利化协定》第 7.1 条）所追求的；"
        "到港后数秒内完成筛查的（如包裹的自动检查）不计在内。",
    ("release_to_exit_h_mean", "112b2c7f"):
        "自海关放行至流程结束（进口货物经码头闸口离港，出口货物在截关时装载或过境）的小时数均值，"
        "统计运行结束前已完成流程的当期货物：即货物放行时间研究中的放行至提离，"
        "为海关放行后企业提货和码头作业的时间。",
    ("arrival_to_lodgement_h_mean", "5a40be18"):
        f"自货物到港至报关单申报的小时数均值，{_RELEASED}：即货物放行时间研究中的到港至申报时间，"
        "企业在货物到港后自行准备申报的时间；提前申报的为 0，因此提前申报（到港前申报）使之下降。"
        "与 declared_to_release_h_mean 相加即 clearance_h_mean。",
    ("declared_to_release_h_mean", "0804bd5b"):
        f"自货物已到港并已申报（到港与报关单申报两者中较晚者）至海关放行的小时数均值，{_RELEASED}："
        "即货物放行时间研究中的申报至放行时间；提前申报的自到港起算（若计入提前量，提前申报反而显得"
        "放行变慢），不含企业到港后申报所用的时间。它不只是海关或检疫自身的时间：申报后扣住货物的"
        "一切等待都计入，包括企业的（缴纳税款、向检疫迟报、查验时到场）和码头的（尚未卸船的箱），"
        "因此取消企业等待的改革（两步申报、先放后税）即使各部门没有加快也会使其下降。各部门自身的时间"
        "见节点区间的 customs_h 和 quarantine_h（结果文件夹 milestone-intervals.csv 中的 clearance "
        "行，按口岸和进出口）。这不是中国的整体通关时间，后者自到港起算（clearance_h_mean）。",
    ("overall_clearance_h_mean", "76047933"):
        "整体通关时间均值：自到港至流程结束（进口货物提离监管区，出口货物装载）的小时数，"
        f"{_OUT}。",
    ("overall_clearance_h_mean_goods_<direction>", "bec2ce3c"):
        f"只计货物报关单的 overall_clearance_h_mean_<direction>{_GOODS}。",
    ("overall_clearance_h_p90", "df5dea5c"):
        f"overall_clearance_h_mean 所平均的时间的第 90 百分位，统计范围相同（{_QUANTILE}）。",
    ("overall_clearance_h_p95", "660526b1"):
        f"overall_clearance_h_mean 所平均的时间的第 95 百分位，统计范围相同（{_QUANTILE}）。",
    ("exited_within_<target>", "75f70a13"):
        "自到港起在时限内完成流程（提离，出口为装载）的比例（计法同 released_within_<target>），"
        f"{_OUT}。",
    ("consignments_arrived", "425c994a"):
        "观测期到港货物的票数：观测期内到达任一口岸的报关单，含进口和出口，也含走私团伙经口岸运入的货物。",
    ("consignments_released", "ed9c38fc"):
        "观测期到港货物中，运行结束前已放行并完成流程（已提离或已装载）的票数。",
    ("consignments_seized", "789ced2a"): "观测期到港货物中，货物被查扣的票数。",
    ("consignments_detained", "2b5894bb"): "观测期到港货物中，货物被扣留的票数。",
    ("consignments_rejected", "bac340bf"):
        "观测期到港货物中，查获后被退运或销毁的票数。模型中退运或销毁本身不耗时，也不占用堆场，"
        "除非其商品的 commodities.<commodity>.disposal 给出处置时间"
        "（此时堆场指标计入，通关时间指标从不计入）："
        "货物的流程在判定不合格时结束。",
    ("consignments_censored", "f13a00c3"):
        "观测期到港货物中，运行结束时仍在流程中（无论是否已放行）的票数；从不悄悄删去。",
    ("consignments_not_out", "15d0141b"):
        "未完成的货物中，海关已放行但尚未离开（等待提货、提离或离境）的票数；计入海关通关时间，"
        "不计入整体通关时间。",
    ("inspection_rate", "0fcfbd71"):
        "观测期到港报关单中被查验的比例：机检、人工查验或检疫查验（只做检疫查验的也计入；查验开始"
        "即计入：运行结束时仍在排队或预约在结束后开始的不计入）。合并所有口岸，包括几乎逐件机检的邮件"
        "或快件监管中心，因此不是某个口岸货物报关单的查验率（_port_<port>：某一口岸；_import、"
        "_export：某一方向；_port_<port>_<direction>：某一口岸的进口或出口，即出口企业在其出运口岸"
        "遇到的查验率）。",
    ("inspection_rate_goods", "28ec932c"):
        "观测期货物报关单中被查验的比例（计法同 inspection_rate），不含邮件和快件监管中心（其清单"
        "中国另行统计）：可与公布的全国查验率对照。仅在邮件或快件监管中心与货物口岸并存时出现。",
    ("inspection_rate_<class>_goods", "d1a6dace"):
        "该信用类别企业的货物报关单中被查验的比例，不含邮件和快件监管中心（中国公布的分类查验率，"
        "2019 年 AEO 企业 0.57%、失信企业 84.76%，统计的是货物报关单；_import、_export：某一方向，"
        "因为规则对每份报关单都适用，不论进出口）。仅在邮件或快件监管中心与货物口岸并存时出现。",
    ("detection_rate", "b97429a4"):
        "放行前查出（单证审核、查验、检疫）的违规报关单，占结果已知的观测期违规报关单的比例（运行"
        "结束时仍被扣住而未被查出的 illicit_held 不计入，各种 detection_rate 均如此）；放行后查出的"
        "不计入。",
    ("value_slipped", "f3ffbe5c"):
        "观测期违规报关单中已放行且在放行前后都未被查出（放行后的查出不论何时到期都算）的违规货值"
        "（走私、侵权、冻品或有害生物货物的真实价值；低报价格的报关单只计隐瞒部分，即真实价值减申报"
        "价值，与 revenue_evaded 计税相同：其货物本身合法），按观测天数合计，使放行前查出 + 放行后"
        "查出 + 漏放 + 仍扣留（value_held）= 违规货值：只计口岸（含走私团伙经口岸运入的货物）；"
        "有走私团伙时，漏放总额为 value_slipped_total。",
    ("harm_slipped", "0ede0988"):
        "已完成的货物中未被查出的违规货物造成的危害，折算为一年。",
    ("revenue_evaded", "f4cf31cc"):
        "已完成的货物中未被查出的违规货物偷逃的税款（计法同 revenue_evaded_per_consignment），"
        "由观测期折算为一年。",
    ("revenue_found_after_release", "0403c7d0"):
        "revenue_at_risk 中货物仅在放行后（税收复核、召回、稽查）才被查出的部分，按年计：查出到期"
        "即计入，即使在运行结束数月之后（稽查的滞后 enforcement.audit.lag），与 "
        "detection_rate_with_audit 相同；视为全额追回（不核销，不罚款）。均为假设：隐藏真实情况的"
        "违规率和低报系数（enforcement.prevalence、enforcement.undervaluation_factor）及税率"
        "（costs.commodities.<name>.duty_rate，否则 costs.slipped.duty_rate）；没有隐藏真实情况"
        "时为 NaN。",
    ("total_cost_per_consignment", "0a8042f4"):
        f"政府部门成本 + 企业成本，{_FINISHED}。合并所有口岸，邮件与海运集装箱同等计数：按口岸"
         f"和进出口"
        "的形式才是同类相比。",
    ("agency_cost_per_consignment", "875bdb71"):
        "海关和其他政府部门的成本（人员、岗位、设备及其他运行成本，由各票分摊；机检、取样、检测，"
        "以及 costs.checks 计价的放行后工作：税收复核、补充申报），加上国家代企业支付的码头费用（"
        "costs.no_find_payer 为国家时，未查获的查验作业费 no_find_state_per_consignment；"
        f"costs.checks.rejection_payer 为国家时，退运或销毁的费用），{_FINISHED}。口岸外路线的"
        "巡查不是任何口岸的成本：计入全部口岸的数值，不计入各口岸的数值"
        "（agency_cost_patrol_per_consignment）。其他不属于任何口岸的成本（稽查人员、系统运行成本、"
        "组织单位）按 costs.overhead_shared_by 在各口岸之间分摊（默认按报关单平均分摊，因此报关单"
        "多而单票便宜的口岸承担其中大部分）：口岸自身的成本即此项减去 "
        "agency_cost_overhead_per_consignment。",
    ("trader_cost_per_consignment", "2c77e991"):
        "企业的成本：支付的费用（其中包括仓储费和滞期费）加上货物自到港至流程结束的时间价值（其库存"
        f"持有成本，costs.trader.time_cost_per_day），{_FINISHED}。",
    ("trader_fees_per_consignment", "79b180a0"):
        f"企业支付的费用（报关代理、装卸、仓储、查验作业等），不含时间价值，{_FINISHED}。",
    ("agency_cost_per_year", "4feee547"):
        "各政府部门在观测期内的固定成本（在岗人员及其加班、岗位、设备、管理费用），加上已完成货物的"
        "部门成本（查验，以及国家支付的码头费用：见 agency_cost_per_consignment），折算为一年。",
    **_ENFORCEMENT,
    **_COST,
    **_FLOW,
    **_WORK,
    **_LAB,
    **_PESTS,
    **_TIME,
    **_GROUPS,
    **_RETURNS,
    **_CHANNELS,
    **_TRANSIT,
    **_APPROACH,
    **_BONDED,
}


def meaning(stem: str, english: str) -> str | None:
    """The Chinese of family ``stem``'s meaning ``english``, or None when there is none for
    that English."""
    from sim.cli_zh_options import digest

    return MEANINGS.get((stem, digest(english)))
