"""What the time-owner and organisation families mean in Chinese (who holds the goods until
release, the organisation's holds and staff, overall clearance by period and commodity,
queues, shares released within a target), for :mod:`sim.report.zh_meanings`, which merges
them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

from sim.report.zh_meanings_phrases import (
    CLASS,
    COMMODITY,
    COMMODITY_ALL,
    GOODS,
    OUT,
    QUANTILE,
    YARD,
)

_OWNERS = ("统计观测期到港货物中运行结束前已完成全部流程的各票（即节点区间表所计各票：其 "
           "clearance 行的 <owner>_h，各责任方之和等于该行的平均通关时间；clearance_h_mean 还计"
           "入已放行但在结束时仍在等待提货、提离或离港班次的货物）。企业的小时是其到港后的申报"
           "（提前申报的不占时间）、二次申报、放行所等待的缴税，以及其在查验场的部分（到场、错过"
           "预约）；海关的是其接单、风险评估、检查及其排队；检疫的是其查验、实验室检测、检疫处理"
           "和检疫单证；码头的是集装箱在机检或查验前等待卸货的时间以及往返查验台位的移箱；海关层"
           "级请示的是其暂扣（裁定、审批）；承运人船期/航班的为零（其班期只在放行后占用出口货物）。放行后的小时（进口的提货和卡口，出口等待截关）见节点"
           "区间表的 after_release 行；分进口或出口（从不合并：两者等待的责任方不同）。日志的 "
           "to_release_<owner> 列是每票货物至放行的小时数。没有此类货物时为 NaN。")
_PORT_MIX = ("（合并时各口岸的责任方混在一起：邮件监管中心的包裹与海运口岸的集装箱并列）；该口岸"
             "没有此类货物时为 NaN。")
_EXIT = ("：即至提离或装载的时间，免费期后的仓储费按此计收")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("org_hold_h_mean", "b02d4398"):
        "每次暂扣货物的请示平均使货物等待海关层级请示的小时数（同 org_holds）：自暂扣开始与货物到"
        "港两者中较晚者起，至其最后一个暂扣货物的请示批复为止，按日志的 own_organisation 计。"
        "_port_<port>：该口岸货物的暂扣（没有暂扣货物的口岸缺失）：一种结构在某一口岸的得益可能"
        "是另一口岸的损失。",
    ("org_holds", "26df23c0"):
        "因海关层级请示暂扣货物的次数（放行前暂扣货物的请示，于观测期内在风险评估时上报），只计使"
        "货物等待的：在货物到港前已批复的见 org_holds_before_arrival。",
    ("org_holds_before_arrival", "2f2bafc5"):
        "观测期内在风险评估时上报（提前申报的报关单，在货物到港前）且在货物到港前已批复的暂扣：它"
        "们没有扣住货物（上报数 = 此项 + org_holds）。",
    ("org_local_knowledge_auc_bonus", "6a4889fe"):
        "情景为熟悉组织结构的属地知识设定的识别优势（AUC 加成）：这是回报的设置值，不是测量值。",
    ("org_local_knowledge_auc_bonus_<type>", "d93bb0b2"):
        "情景给出 organisation.advantages.local_risks 时，某一违规类型得到的属地知识 AUC 加成，"
        "取各口岸的均值（结构的加成 × 该类型在各口岸的份额）：这是回报的设置值，不是测量值。",
    ("org_staff_cost_per_year", "bd745479"):
        "所有单位和岗位的人数 × 每人每年成本，以情景的币种计：人员以人民币定价"
        "（organisation.generate.cost_per_year 等），按 costs.exchange.CNY 折算，"
        "因此与其他各项成本数据是同一种货币。已包含在 "
        "agency_staff_cost_per_year 和 agency_cost_per_year 中（不要与之相加）；没有 [costs] "
        "时不给出（“bordersim org”以人民币显示）。",
    ("org_staff_cost_per_year_<role>", "682adf73"):
        "某一岗位在所有单位的人数 × 每人每年成本，以情景的币种计（同 org_staff_cost_per_year）。",
    ("org_staff_cost_run", "a6738128"): "组织的年度人员成本按观测天数折算。",
    ("org_manager_posts", "38a68bda"):
        "组织结构所需的管理岗位数：每个单位由一名管理者领导；单位的直接下属（下级单位及除管理岗位外"
        "各岗位的关员）超过 organisation.span_of_control 的管理幅度时，需要（下属数 ÷ 管理幅度）个"
        "岗位（向上取整）。不同于 `management` 岗位人数（各结构相同）；结构越扁平，"
        "需要领导的单位越少。",
    ("org_manager_posts_<level>", "484fb14e"):
        "组织某一层级的管理岗位数（同 org_manager_posts）。",
    ("org_manager_cost_per_year", "73b4683c"):
        "管理岗位数 × 所在层级每个管理岗位的年度成本（该层级各单位 `management` 人员每人成本的"
        "均值，否则取全组织的均值），以情景的币种计（人民币按 costs.exchange.CNY 折算）。列在政府"
        "部门成本之旁，不计入其中：情景给出的管理人员已在其中计价；没有 [costs] 时不给出。",
    ("org_manager_cost_per_year_<level>", "afc05453"):
        "某一层级的管理岗位数 × 该层级每个管理岗位的年度成本（同 org_manager_cost_per_year）。",
    ("org_staff_heads", "08652706"): "组织所有单位和岗位的人员数。",
    ("org_staff_heads_<role>", "6deac2d4"):
        "某一岗位在所有单位的人员数（即组织结构把人员放在哪里）。",
    ("overall_clearance_h_mean_<era>", "1eb651fc"):
        f"设有时间线时，在其某一时期（<era>）到港货物的 overall_clearance_h_mean，{OUT}。",
    ("released_within_<target>_<era>", "2771609e"):
        "设有时间线时，在其某一时期（<era>，同 clearance_h_mean_<era>）到港货物的 "
        "released_within_<target>：旺季或设定日期的改革之后的服务标准，全程的比例会被其他时期"
        "冲淡。只在设有带日期改革的时间线或 periods_at 时才有。",
    ("exited_within_<target>_<era>", "c0ec7eeb"):
        f"设有时间线时，在其某一时期（<era>）到港货物的 exited_within_<target>，{OUT}。",
    ("overall_clearance_h_mean_commodity_<commodity>", "de9f0657"):
        f"{COMMODITY} overall_clearance_h_mean{COMMODITY_ALL}{_EXIT}。",
    ("overall_clearance_h_median", "4e5b6878"):
        f"overall_clearance_h_mean 所平均的时间的中位数，统计范围相同（{QUANTILE}）。",
    ("overall_clearance_h_median_goods_<direction>", "4aaecbd8"):
        f"只计货物报关单的 overall_clearance_h_median_<direction>{GOODS}。",
    ("overall_clearance_h_p90_commodity_<commodity>", "1e65043e"):
        f"{COMMODITY} overall_clearance_h_p90{COMMODITY_ALL}{_EXIT}。{QUANTILE}。",
    ("overall_clearance_h_p90_goods_<direction>", "fc2b252d"):
        f"只计货物报关单的 overall_clearance_h_p90_<direction>{GOODS}。",
    ("owner_hours_to_release_<owner>_<direction>", "4758a233"):
        f"每票货物自到港至海关放行期间该责任方占用货物的平均小时数，{_OWNERS}",
    ("owner_hours_to_release_<owner>_port_<port>_<direction>", "fe52afee"):
        f"某一口岸该方向货物的 owner_hours_to_release_<owner>_<direction>{_PORT_MIX}",
    ("owner_share_<owner>", "05764bdd"):
        "该责任方在观测期到港货物中已完成全部流程的各票自到港至流程结束的小时数之和中所占的比例"
        "（和之比，不是比例的均值）；各责任方的比例之和为 1。出口货物自放行至其所赶船舶或航班截关"
        "的等待（loading 区间）计入承运人船期/航班：是承运人的班期，而不是码头作业，因此码头的比例"
        "只是码头自己的。合并进出口会掩盖各"
        "自在等待谁（进口主要是企业提货，出口主要是等待离港班次）：请按方向看。"
        f"_port_<port>_<direction>：某一口岸该方向的货物，使码头能看到自己的数值{_PORT_MIX}谁占用"
        "了至放行的时间（海关的部分，不被进口提货淹没）：见 "
        "owner_share_to_release_<owner>_<direction>。",
    ("owner_share_to_release_<owner>_<direction>", "7c92c720"):
        "该责任方在各票货物自到港至海关放行的小时数之和中所占的比例（和之比；各责任方的比例之和"
        f"为 1），{_OWNERS}",
    ("owner_share_to_release_<owner>_port_<port>_<direction>", "aae3d2c5"):
        f"某一口岸该方向货物的 owner_share_to_release_<owner>_<direction>{_PORT_MIX}",
    ("perishable_h_mean_commodity_<commodity>_port_<port>_<direction>", "463d1f70"):
        "某一易腐商品（设有 spoils_after）在该口岸和方向：运行结束前已完成全部流程的货物自到港至"
        "离开口岸（进口为提货后离开，出口为装载）的平均小时数，按票计；即 spoiled_share_ 与时限对"
        "照的时间。没有货物离开时为 NaN（见 docs/air-cargo.md）。",
    ("queue_mean_<port>_<lane>", "5fc3e113"):
        "观测期内 <port>_<lane>（组织的单位：org/<unit>_<role>）等待中作业数的时间加权平均：多数"
        "作业环节为货物票数（查验台位和查验组为报关单），移箱设备为移箱次数（每次查验两次：移到台"
        "位和移回），组织的单位为请示（每小时的等待小时数）；不限容量的作业环节为 0；实验室和预约"
        f"时段（exam_slots：预约占用较晚的时段，不在任何队列中等待）没有此值（NaN）。{YARD}",
    ("released_within_<target>_<class>_<direction>", "52253c2e"):
        f"某一信用类别企业进口或出口货物的 released_within_<target>{CLASS}各部门自身对某一类别所"
        "用的小时见节点区间表（其 port_direction_class 行的 customs_h、quarantine_h）。",
    ("released_within_<target>_<class>_port_<port>_<direction>", "e4e9457a"):
        "某一信用类别企业在某一口岸、某一方向货物的 released_within_<target>：即该类别在其从事贸"
        "易之处的服务标准（例如 AEO 企业的 2 小时）。该类别在该处没有放行货物时为 NaN。",
    ("released_within_<target>_commodity_<commodity>", "f8f261f3"):
        f"{COMMODITY} released_within_<target>{COMMODITY_ALL}。",
}
