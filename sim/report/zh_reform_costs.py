"""``bordersim reforms NAME --lang zh``: each reform's default set-up and running cost
(:mod:`sim.reforms.cost_library`) in Chinese, figure for figure as the English lines; each
reason of the library has its Chinese here (a test keeps them complete)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: the heading (:data:`sim.reforms.cost_library.HEAD`)
HEAD = ("bordersim appraise 在情景 {s!r} 上采用的默认成本，以情景的币种计（改革的 setup_cost、"
        "cost_per_year，或 appraise 的 --setup、--running 可替换）：")
#: the unit prices (:data:`sim.reforms.cost_library.UNITS`)
UNITS = {"officer_year": "一名海关关员的年度成本（costs.roles.customs_officer）",
         "scanner": "一台该口岸运输方式的查验设备的投资（costs.scanner）"}
#: what a default is scaled by (:data:`sim.reforms.cost_library.PER`)
PER = {"port": "改革作用的每个口岸", "scanner": "改革作用口岸的每台查验设备",
       "head": "机构的每名人员（其人员，organisation.generate.staff 或各单位的人员）",
       "once": "一次"}
#: each reason of the library in Chinese
WHY = {
    "assumption: AI review software, its integration with the scanner and the analysts' "
    "training at a tenth of the machine's price; no published price in the research notes":
        "假设：人工智能判图软件、与设备的集成及判图人员培训约为设备价格的十分之一；研究笔记中"
        "没有公开价格",
    "assumption: a data team building and validating the risk models at a port: five "
    "officer-years; two analysts to keep them up":
        "假设：数据团队在一个口岸建立并验证风险模型需 5 个关员年；维护需 2 名分析人员",
    "assumption: a port's link to the issuing authorities' data and its officers' training: "
    "one officer-year; support a fifth of one a year":
        "假设：口岸与签证机构数据的联接及关员培训需 1 个关员年；每年维护需五分之一个关员年",
    "assumption: a port's officers' and traders' training in paying online: a fifth of an "
    "officer-year; its cashiers' reconciliation of the electronic receipts a twentieth of one "
    "a year; the national payment system and the banks' links are not counted; no price in "
    "the research notes":
        "假设：一个口岸的关员和企业的在线缴税培训需五分之一个关员年；其收款人员每年核对电子缴款"
        "凭证需二十分之一个关员年；国家支付系统及与银行的连接不计；研究笔记中没有价格",
    "assumption: an air port's expedited procedure (approving the express operators, their "
    "pre-arrival manifests in the clearance system) and its officers' training: half an "
    "officer-year; supervising the operators a tenth of one a year":
        "假设：航空口岸的快件快速通关程序（认可快件运营人、在通关系统中接收其抵达前舱单）及关员培训需"
        "半个关员年；每年监管运营人需十分之一个关员年",
    "assumption: a post hub's simplified path (the consolidated list's rules in the clearance "
    "system, the threshold's checks) and its officers' training: half an officer-year; "
    "watching the declared values a tenth of one a year":
        "假设：邮件快件监管中心的简化通道（通关系统中的汇总清单规则、限值校验）及关员培训需半个关员年；"
        "每年监控申报价格需十分之一个关员年",
    "assumption: a queue priority builds nothing": "假设：排队优先无需任何建设",
    "assumption: a sanction builds nothing": "假设：惩戒措施无需任何建设",
    "assumption: a lapsed certification builds nothing (the trader's own cost of keeping it "
    "is compare's --certification-a-year)":
        "假设：认证失效无需任何建设（企业自身维持认证的成本见 compare 的 --certification-a-year）",
    "assumption: a shock, not a programme: nothing is bought": "假设：这是冲击而非项目，无需购置",
    "assumption: abolishing a form builds nothing": "假设：取消一份单证无需任何建设",
    "assumption: about 20 officers a port trained 5 days with their trainers: half an "
    "officer-year; refreshers a tenth of one a year":
        "假设：每个口岸约 20 名关员连同培训人员培训 5 天，约半个关员年；每年复训十分之一个关员年",
    "assumption: an order issued builds nothing; its checks' staff are the model's":
        "假设：发布布控指令无需任何建设；查验人员已由模型计入",
    "assumption: connecting a port's systems to the portal and training its officers and "
    "traders: three officer-years; keeping it up half of one a year; the national portal "
    "itself is not counted":
        "假设：口岸系统接入平台并培训关员和企业需 3 个关员年；每年维护需半个关员年；全国平台"
        "本身不计入",
    "assumption: fewer certificates build nothing": "假设：减少证书无需任何建设",
    "assumption: its patrol heads are priced by the model itself": "假设：巡查人员已由模型自身计价",
    "assumption: joint procedures and cross-training at a port":
        "假设：一个口岸的联合作业程序和交叉培训",
    "assumption: licence and model updates a year at a fifth of the software's price, a usual "
    "software maintenance rate":
        "假设：每年许可和模型更新约为软件价格的五分之一，即通常的软件维护费率",
    "assumption: links and workstations for the review centre and moving the analysts: two "
    "officer-years a port; links half of one a year":
        "假设：审图中心的线路、工作站及判图人员调动，每个口岸 2 个关员年；线路每年半个关员年",
    "assumption: merging two agencies' declaration forms and selection at a port: two "
    "officer-years; one form runs at no more cost than two":
        "假设：在一个口岸合并两个部门的申报单和布控需 2 个关员年；一份申报单的运行成本不高于两份",
    "assumption: planning, moving and retraining the heads of a port, as staff time; the "
    "productivity lost in the change is the reform's transition_days, counted apart; equal "
    "headcount, so no running cost":
        "假设：一个口岸人员的规划、调动和再培训，按人员时间计；变革期间的效率损失由改革的 "
        "transition_days 另行计入；人员总数不变，故无运行成本",
    "assumption: moving each head to where its work is decided: two weeks' retraining in the "
    "new level's procedures, a week's handover and two weeks' pay as relocation allowance, "
    "about five weeks or a tenth of an officer-year; re-routing the clearance system's "
    "approvals taken as within it (the national centres' systems exist since 2017); every "
    "head counted, though those already at their level do not move: an upper bound; the "
    "productivity lost while running in is the reform's running_in_loss and running_in_days, "
    "counted in the run only where given; no figure in the research notes":
        "假设：每名人员调到其业务的决策层级：新层级程序再培训两周、交接一周、两周工资作为"
        "调动补贴，约五周，即十分之一个关员年；清关系统审批流程的调整视为包含在内（全国业务"
        "中心的系统自 2017 年起已存在）；所有人员均计入，尽管已在其层级的人员无需调动，故为"
        "上限；试运行期间的效率损失由改革的 running_in_loss 和 running_in_days "
        "仅在给出时于运行中计入；研究笔记中没有数字",
    "assumption: every head stays in post (equal headcount), so no running cost beyond the "
    "staff the model counts":
        "假设：所有人员留任（人员总数不变），故除模型已计入的人员外无运行成本",
    "assumption: procedures and system links between inland and port offices: two "
    "officer-years a port":
        "假设：内地海关与口岸海关之间的程序和系统联接，每个口岸 2 个关员年",
    "assumption: who pays the handling; the handling itself is the model's":
        "假设：仅改变由谁支付吊装移位费用；费用本身已由模型计入",
    "built nationally: the research notes give no price for the national system, and no "
    "share of one for these ports is defensible":
        "全国统一建设：研究笔记中没有全国系统的价格，也无法合理确定这些口岸应分摊的份额",
    "assumption: a return to the practice before 2018 builds nothing; its second queue's "
    "staff are the model's":
        "假设：恢复 2018 年以前的做法无需任何建设；第二次排队所需人员已由模型计入",
    "assumption: a rule change builds nothing; the exam teams are the model's":
        "假设：规则调整无需任何建设；查验组已由模型计入",
    "assumption: random selection within the same inspection target builds nothing; its "
    "checks' staff are the model's":
        "假设：在同一查验目标内随机布控无需任何建设；查验人员已由模型计入",
    "assumption: the same auditors pick by a score the risk engine has; their staff are the "
    "model's":
        "假设：同样的稽查人员按风险引擎已有的评分选取；其人员已由模型计入",
    "assumption: stricter review guidance builds nothing": "假设：更严格的审单指引无需任何建设",
    "assumption: cross-training a port's exam teams and quarantine officers: half an "
    "officer-year, as the training reform; refreshers a tenth of one a year":
        "假设：交叉培训一个口岸的查验组和检疫人员需半个关员年，与培训改革相同；"
        "每年复训十分之一个关员年",
    "the terminal's and the traders' systems, not the agencies'; no figure in the research "
    "notes":
        "属于码头和企业的系统，而非政府部门的；研究笔记中没有数字",
    "negotiating mutual recognition and validating traders: no figure in the research notes, "
    "and the traders certified are not counted":
        "互认谈判和企业认证：研究笔记中没有数字，且获认证的企业数未计",
    "negotiating mutual recognition and exchanging the partners' AEO lists: no figure in the "
    "research notes":
        "互认谈判和交换伙伴方 AEO 名单：研究笔记中没有数字",
    "officers posted abroad: no figure in the research notes": "派驻境外的人员：研究笔记中没有数字",
    "the recall system and its guarantees: no figure in the research notes":
        "召回制度及其担保：研究笔记中没有数字",
    "the supervision warehouses' building: no figure in the research notes (its teams' staff "
    "are the model's)":
        "集中监管仓的建设：研究笔记中没有数字（其工作组人员已由模型计入）",
    "assumption: a port's procedure for declarations lodged before arrival (matching them "
    "to the manifest, release on arrival) and its officers' and traders' training: half an "
    "officer-year; handling changed vessels and dates (Guangzhou's fault-tolerance rule, "
    "china-figures.md §3.1) a tenth of one a year; the national system that takes them is "
    "not counted; no price in the research notes":
        "假设：一个口岸受理抵达前申报的程序（与舱单核对、抵达即放行）及关员和企业培训需半个"
        "关员年；每年处理船名、日期变更（广州的容错规则，china-figures.md §3.1）需十分之一个"
        "关员年；受理申报的全国系统不计入；研究笔记中没有价格",
    "assumption: moving a port's tax review after release (its procedure, the post-clearance "
    "review's cases in the clearance system, its officers' training): one officer-year a "
    "port; the national centres of the 2017 integration (published-figures.md §2.7) are not "
    "counted; no price in the research notes":
        "假设：将一个口岸的税收审核移至放行后（其程序、通关系统中的放行后审核案件、关员培训），"
        "每个口岸 1 个关员年；2017 年通关一体化的全国中心（published-figures.md §2.7）不计入；"
        "研究笔记中没有价格",
    "assumption: each review after release is the scenario's costs.post_release_review, "
    "counted in the run for each one that falls due; nothing else runs":
        "假设：每次放行后审核的成本即情景的 costs.post_release_review，在运行中按每次到期的"
        "审核计入；此外无其他运行成本",
    "assumption: re-rostering the yard's staff builds nothing":
        "假设：重新安排查验场人员的班次不需要建设任何东西",
    "assumption: the terminal's cost of keeping the exam yard open longer (lighting, a tally "
    "clerk and two reach-stacker drivers for the extra hours), about 4 hours a day x 365 days "
    "x 3 people = 4,380 hours, or 2.3 years of 1,900 hours, priced at an officer's cost a year "
    "and rounded up for fuel: 2.5 a port, for the default 4 extra hours; no figure in the "
    "research notes; the extra shifts of the agencies' staff are the model's (their "
    "schedules' hours at the scenario's wages)":
        "假设：码头/场站延长查验场作业时间的成本（延长时段的照明、一名理货员和两名正面吊司机），"
        "约每天 4 小时 x 365 天 x 3 人 = 4,380 小时，即按每年 1,900 小时计的 2.3 人年，按一名"
        "关员的年度成本定价，并为燃油向上取整：默认延长 4 小时时每个口岸 2.5；研究笔记中没有"
        "数字；各机构人员的加班班次由模型计入（按其排班小时和情景的工资）",
    "no figure in the research notes, and no assumption made for it yet":
        "研究笔记中没有数字，也尚未为其作出假设",
}


def shown(name: str, data: Mapping[str, Any], ports: list[str]) -> list[str]:
    """Reform ``name``'s default costs on a scenario in Chinese (as
    :func:`sim.reforms.cost_library.shown`)."""
    from sim.experiment.appraisal_folder import figure_text
    from sim.reforms.cost_library import cost_of, counted, price

    rule = cost_of(name)
    out = []
    for what, item, unit in (("建设", rule.setup, ""), ("运行", rule.running, "/年")):
        if item is None:
            none = f"    默认{what}成本：无数字"
            out.append(f"{none}（{WHY[rule.missing]}）；除非给出建设成本，appraise 将说明回收期未知"
                       if what == "建设" else none)
            continue
        amount = price(item, data, ports)
        figure = ("未计价（情景的 [costs] 中没有该单价）" if amount is None
                  else figure_text(amount) + unit)
        many = counted(item, data, ports)
        per = "" if item.per == "once" else f"，按{PER[item.per]}计，共 {many} 个"
        out.append(f"    默认{what}成本：{figure}：{item.amount:g} × {UNITS[item.unit]}{per}"
                   f"（{WHY[item.why]}）")
    return out
