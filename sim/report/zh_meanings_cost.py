"""What the cost families mean in Chinese (the agencies' and the traders' costs, the border
burden, storage, the duty at risk and the audit), for :mod:`sim.report.zh_meanings`, which
merges them into its ``MEANINGS``; keyed the same way."""

from __future__ import annotations

from sim.report.zh_meanings_phrases import FINISHED

_ASSUME = ("均为假设：隐藏真实情况的违规率和低报系数（enforcement.prevalence、"
           "enforcement.undervaluation_factor）及税率（costs.commodities.<name>.duty_rate，否则 "
           "costs.slipped.duty_rate）；没有隐藏真实情况时为 NaN。")

_LOW_DUTY = ("税款：申报品类的税率（costs.commodities.<name>.duty_rate，否则 "
             "costs.slipped.duty_rate，为假设）乘以申报价值；低于门槛"
             "（ports.<port>.low_value.threshold）者免征（世贸组织《贸易便利化协定》第 7.8.2(e) "
             "条）。折算为一年，以情景的货币计，统计已完成的货物。每个邮件及快件口岸（及设有 "
             "low_value 的其他口岸）按每个方向各有一项；出境方向不征进口税，为 NaN"
             "（docs/e-commerce.md）。")

#: (stem, digest of its English meaning) -> its meaning in Chinese
MEANINGS: dict[tuple[str, str], str] = {
    ("agency_busy_staff_cost_per_year", "299585ec"):
        "人员成本乘以各作业环节的利用率（即其忙碌时间的成本，加班全部计入；组织单位的人员按该单位"
        "的利用率计），折算为一年。巡查人员和稽查人员的忙碌时间不作测量，不计入（若人员只有这两"
        "类，则没有此项）。",
    ("agency_idle_staff_cost_per_year", "633be105"):
        "在岗时间中无人忙碌部分的人员成本（各人员项的成本减其忙时成本，因此本项与 "
        "agency_busy_staff_cost_per_year 之和即有测量的人员成本），折算为一年：照样支付。改革使本项"
        "增加的部分是其释放的能力，即不再需要但仍需支付的关员工时，不是现金；其节省的现金是 "
        "agency_cost_per_year 的减少（支付的岗位或班次减少、加班减少、运行成本和按次检查成本"
        "降低）。巡查人员、稽查人员和固定岗位的忙碌时间不作测量，不计入。",
    ("agency_idle_staff_hours_per_year", "ebfb351b"):
        "在岗时间中无人忙碌的人·小时（各有人员的作业环节在岗人·小时乘以一减其排班内利用率；组织"
        "单位的人员按该单位的利用率计），折算为一年：即 "
        "agency_idle_staff_cost_per_year 背后的工时。改革使本项增加的部分是释放出的关员时间，"
        "除非裁减岗位，仍需支付。巡查人员、稽查人员和固定岗位不计入。",
    ("agency_systems_cost_per_year", "10fea6ef"):
        "政府部门的其他运行成本（costs.systems：信息系统、许可费、改革的 cost_per_year），"
        "按其在观测期内生效的年数计（agency 表中 kind 为 systems 的行），折算为一年；没有则为 0。"
        "agency_cost_per_year 的一项：agency_staff_cost_per_year + "
        "agency_capital_cost_per_year + agency_systems_cost_per_year + "
        "agency_checks_cost_per_year 即 agency_cost_per_year。",
    ("agency_checks_cost_per_year", "9e785e09"):
        "已完成货物的各项检查在发生时给政府部门带来的成本（机检、取样、实验室检测及使用，以及 "
        "costs.checks 定价的放行后工作）和国家替企业支付的码头费用（costs.no_find_payer、"
        "costs.checks.rejection_payer），观测期内，折算为一年：即 costs 表的 agency_variable。"
        "agency_cost_per_year 的最后一项（人员 + 资本 + 系统 + 检查）。",
    ("agency_capital_cost_per_year", "934101a2"):
        "agency_cost_per_year 中的投资部分：设备的资本支出（机检设备，台数取各口岸机检作业环节的"
        "最大容量，以及实验室）按等额年成本计（以 costs.discount_rate 在其使用年限内偿还该投资的"
        "每年等额支付）。其运行成本（电力、按次维护）计入 agency_running_cost_per_year。",
    ("agency_capital_outlay", "233bafe3"):
        "运行所用设备的一次性资本支出（计法同 agency_capital_cost_per_year：各口岸的机检设备台数 "
        "× 单台设备的 capital，加上其实验室的），不按年分摊，也不按观测天数折算：即一次购置所需的"
        "费用（4 台集装箱检查设备，每台 2.6 M：10.4 M）。",
    ("agency_cost_per_consignment_<era>", "26c2f8a3"):
        "设有时间线时，其某一时期的政府部门成本（计法同 agency_cost_per_year_<era>，不折算）除以"
        f"该时期到港的已完成货物：即该时期的 agency_cost_per_consignment，{FINISHED}。",
    ("agency_cost_per_container", "d866b815"):
        "已完成货物的政府部门成本（计法同 agency_cost_per_consignment：由各票分摊的固定成本加上每"
        "项检查自身的成本）除以其集装箱数。陆路口岸的一辆卡车、一票空运或邮件监管中心的一个包裹计"
        "为一箱，因此合并的数值把包裹与海运集装箱混在一起：按口岸的形式才是同类相比。",
    ("agency_cost_per_year_<era>", "06f15865"):
        "设有时间线时，其某一时期（<era>，同 clearance_h_mean_<era>）的政府部门成本，按该时期自身"
        "的观测小时数折算为一年：这些小时的固定成本（在岗人员、岗位、设备，以及当时适用的运行成"
        "本：设定日期的改革的 cost_per_year 自其日期起计；在这些小时内的加班，包括容量窗口增加的"
        "人员，因此旺季的人员计入其自身时期）"
        "加上该时期到港货物的部门成本。agency_cost_per_year 按观测小时数对各时期取平均：一项每年"
        "花费 2 M 的改革在中途启用，使其增加约 1 M，使其自身时期的增加约 2 M。",
    ("agency_running_cost_per_year", "1319aef6"):
        "agency_cost_per_year 减去 agency_capital_cost_per_year：人员、加班、岗位、其他运行成本"
        "（costs.systems）、每项检查自身的成本以及国家支付的码头费用，折算为一年。",
    ("agency_staff_cost_per_year", "03401323"):
        "观测期内政府部门人员的成本（各作业环节的在岗人员及其加班、固定岗位、巡查人员、稽查人员和"
        "组织各单位的人员），折算为一年。加班是服务台超出其排班仍在忙的时间（班次结束后才完成的作"
        "业），× 每个服务台的人数，按 costs.overtime_premium × 该岗位的每小时成本计价（agency 表"
        "中 kind 为 overtime 的行）。设置 costs.night 时，各作业环节在夜间时段的在岗时间另加夜班"
        "津贴（kind 为 night 的行）。",
    ("audit_lag_days_mean", "f3a00d07"):
        "稽查在放行后多久查出税款：自放行至稽查查出的平均天数（enforcement.audit.lag，每份报关单"
        "单独抽取），按每次查出带来的税款加权（revenue_found_by_audit）；稽查没有查出时为 NaN。其"
        "查出不论何时到期都计入各数值，即使在运行结束之后：detection_rate_by_audit_by_end 是到运"
        "行结束时已查出的比例。",
    ("agency_cost_patrol_per_year", "37298d48"):
        "口岸外路线上缉私巡查的成本（在岗人员 × 小时 × costs.patrol_role 的每小时成本），每年："
        "单列一项，计入 agency_cost_per_year 和 agency_staff_cost_per_year，不计入任何口岸的每票"
        "成本；没有巡查时为 0。",
    ("agency_cost_patrol_per_consignment", "e330f397"):
        "巡查的成本（计法同 agency_cost_patrol_per_year，不折算）除以全部口岸已完成的货物票数："
        "即全部口岸的 agency_cost_per_consignment 中巡查所占的部分；各口岸的数值均不含此项。",
    ("agency_cost_overhead_per_consignment", "0b49b05e"):
        "agency_cost_per_consignment（同一形式）中不属于任何口岸的成本（管理费用：口岸外路线的"
        "巡查，仅计入全部口岸的形式；稽查人员；系统运行成本；组织单位的人员），"
        f"{FINISHED}：政府部门成本减去此项，即各口岸自身工作的成本。按 costs.overhead_shared_by "
        "在各口岸之间分摊：declarations（默认）按各口岸已完成的报关单数比例，不论其自身工作的成本；"
        "staff_hours 按各口岸在观测期内的在岗人时比例（各作业环节按排班在岗的人员，即 costs.staff "
        "的人数 × 作业环节的能力，加上加班，以及固定岗位 costs.posts）；口岸内按报关单平均分摊。"
        "只有已完成货物的口岸才分摊。",
    ("agency_cost_unshared_per_year", "9960ed79"):
        "观测期内没有完成任何货物的口岸（运行较短时）的固定成本（在岗人员、岗位、设备），每年："
        "计入 agency_cost_per_year，但不计入任何每票成本（既没有它们自己的货物，也不由其他口岸的"
        "货物分摊），因此 agency_cost_per_consignment × 已完成货物票数比观测期内的政府部门成本少"
        "这么多；运行会给出提示。每个口岸都有完成的货物时为 0。",
    ("audit_staff_cost_per_year", "cbdf4771"):
        "稽查人员的成本（enforcement.audit.staff 名全职人员，按 costs.audit_role 的薪酬），每年："
        "固定编制，不论稽查比例多少都相同；计入 agency_cost_per_year。",
    ("audits_per_auditor_per_year", "9bf818b2"):
        "audits_per_year / enforcement.audit.staff：稽查比例给每名稽查人员带来的工作量，可与一次"
        "稽查所需的工作量相比（这是情景中没有的假设）；没有稽查人员时为 NaN。",
    ("audits_per_year", "962860ab"):
        "每年的稽查次数：enforcement.audit.share × 已完成的观测期到港货物中已放行的报关单数，由观"
        "测期折算为一年（这是期望值：每份已放行的报关单以该概率被稽查；模型只抽取稽查查出的结果；"
        "计所有口岸，包括邮件监管中心的包裹清单，因为稽查比例适用于全部报关单；某一类别的比例乘以"
        "其 enforcement.audit.by_class 系数）。按风险选择的稽查（enforcement.audit.targeting = "
        "\"risk\"）选中违规报关单的频率高于其比例：每份按其被选中的概率计入。稽查队伍的规模 "
        "enforcement.audit.staff 不限制它：更高的比例由同样的稽查人员完成（见 "
        "audits_per_auditor_per_year）。",
    ("border_burden_per_consignment", "fa63e822"):
        "企业成本中由口岸监管造成的部分（海关、检疫和海关层级请示所占时间的时间价值、查验作业、到"
        f"场、检疫处理），{FINISHED}。",
    ("border_burden_per_consignment_<class>_port_<port>_<direction>", "00b05468"):
        "某一信用类别企业在某一口岸、某一方向已完成货物的 border_burden_per_consignment：即口岸对"
        "该类别的处理（其检查，海关、检疫和海关层级请示所占的小时）在该处使其企业每份报关单承担的"
        "成本。与同一口岸、同一方向的 general 相比（在每次重复运行内配对），就是该类别（AEO）节省"
        "的成本；它仍按货物的价值加权（时间价值），因此请结合 "
        "clearance_h_mean_<class>_port_<port>_<direction> 一起看。运行的 class-differences.csv 给"
        "出这些差值及其区间。该类别在该处没有已完成货物时为 NaN。",
    ("border_burden_per_container_<class>_port_<port>_<direction>", "beaaf9e2"):
        "border_burden_per_consignment_<class>_port_<port>_<direction> 按集装箱计：该类别在该处的"
        "口岸负担除以其集装箱数（一辆卡车、一票空运或一个包裹计为一箱），同 "
        "trader_fees_per_container。",
    ("border_burden_per_container_port_<port>_<direction>", "1dc65b76"):
        "border_burden_per_consignment_port_<port>_<direction> 按集装箱计：某一口岸、某一方向各信用"
        "类别已完成货物的企业成本中由海关、检疫和海关层级请示造成的部分（其所占时间的时间价值、查"
        "验作业、到场、检疫处理）除以其集装箱数（一辆卡车、一票空运或一个包裹计为一箱），同 "
        "trader_fees_per_container：即报关行客户在该处每箱成本中政府造成的部分。该口岸在该方向没有"
        "已完成货物时为 NaN。",
    ("burden_cost_per_inspected_compliant_port_<port>_<direction>", "9a0c78f6"):
        "burden_clearance_h 的货币对应值：查验给守法企业造成的成本，按某一口岸、某一方向每份被查"
        "验的守法报关单计。在该处，观测期到港货物中运行结束前已放行的守法报关单（没有违规货物，隐"
        "藏的真实情况）中，经机检、人工查验或检疫查验后放行的各票所承担的口岸成本均值，减去未经查"
        "验放行的各票的均值；所承担的成本是口岸负担（同 border_burden_per_consignment：海关、检疫"
        "和海关层级请示所占小时的时间价值、查验作业、到场、检疫处理）加上仓储费（停留时间延长而增加的）。这"
        "不是企业的全部成本：其付费以及企业自身和码头所占小时的时间价值，随被查验货物的不同（检疫"
        "查验多落在易腐货物上）而变化，多于随查验本身而变化。与 burden_clearance_h 一样是均值之"
        "差：被查验的货物与未被查验的货物并非同样的货物。没有隐藏的真实情况或任一组为空时为 NaN。",
    ("compliant_burden_per_consignment", "65f84dc3"):
        "口岸负担（同 border_burden_per_consignment），按没有违规货物的已完成货物取均值。",
    ("compliant_trader_cost_per_consignment", "34f5a9a3"):
        "企业成本，按没有违规货物的已完成货物取均值。",
    ("harm_slipped_per_consignment", "265d988a"):
        "未被查出的违规货物造成的危害（每类违规货物按每票、每箱或每单位真实价值计："
        f"costs.slipped.harm_per），{FINISHED}。",
    ("no_find_per_consignment", "90c8ddef"):
        "被人工查验或检疫查验、放行前任何检查都未发现违规货物（查验无发现）且未经处理即放行的货物"
        f"的作业费用（移箱、查验作业），不论由谁支付，{FINISHED}。",
    ("no_find_state_per_consignment", "2e0fbf6d"):
        "no_find_per_consignment 中由国家支付的部分（costs.no_find_payer 为国家时为全部，否则为 "
        f"0）：计入政府部门成本的公共资金，付给码头而不是用于人员或设备，{FINISHED}。",
    ("revenue_at_risk", "82899fb2"):
        "已完成货物中违规货物的税款差额，无论是否查出：按货物真实情况应缴的税款减去按报关单核定的"
        "税款，由观测期折算为一年。它分为 revenue_found_before_release + "
        f"revenue_found_after_release + revenue_evaded。{_ASSUME}",
    ("revenue_evaded_per_consignment", "fb54ce04"):
        "未被查出的违规货物偷逃的税款：按货物真实情况应缴的税款减去按报关单核定的税款，"
        f"{FINISHED}。按真实价值和真实商品申报的货物（未经检疫放行的冻品、如实申报为烟草的烟草）"
        "不偷逃税款；低报价格的报关单按其商品的税率对隐瞒的价值（真实价值 - 申报价值）偷逃税款；"
        "申报为其他商品的烟草或冻品，偷逃的是按名为 tobacco 或 frozen 的商品的税率（情景中没有此"
        "类商品时为默认税率）对其真实价值计的税款，减去按申报商品的税率对申报价值计的税款，不低于"
        " 0。",
    ("revenue_found_before_release", "e4f39c88"):
        "revenue_at_risk 中货物在放行前被检查（单证审核、查验、检疫查验）查出的部分：放行前重新核"
        f"定税款，或随货物一并查扣，按年计。{_ASSUME}",
    ("revenue_found_by_audit", "46e7264a"):
        "revenue_found_after_release 中记在稽查名下的部分（enforcement.audit；税收复核或召回先查"
        f"出的货物记在它们名下），按年计，查出到期即计入，不论何时。{_ASSUME}",
    ("revenue_found_per_audit", "25f7ac86"):
        "revenue_found_by_audit / audits_per_year：一次稽查平均查出的税款（其收益），查出到期即计"
        "入，不论何时；没有稽查时为 NaN。与 revenue_at_risk 一样是假设。",
    ("storage_per_container", "6bf3c9b9"):
        "企业每箱支付的仓储费和滞箱费（costs.trader.storage：码头仓储费与承运人滞箱费合为一个数，"
        "自卸货起、否则自到港起，免费期过后计收）：已完成货物的仓储费除以其集装箱数，即每箱的延误"
        "成本（不含货物的时间价值：见 time_per_consignment）。情景不收取时为 0；合并所有口岸时会"
        "把一辆卡车或一个包裹（各计一箱）与海运集装箱混在一起：请看某一口岸的数值。",
    ("storage_per_container_<class>_port_<port>_<direction>", "1469c810"):
        "某一信用类别企业在某一口岸、某一方向已完成货物的 storage_per_container：即该类别较慢或较"
        "快的通关（其检查）在该处使每箱增加的仓储费。该类别在该处没有已完成货物时为 NaN。",
    ("time_per_consignment", "0eb88356"):
        "货物的时间价值（货值 × 每日时间成本），按自到港至流程结束的小时数计（未放行的为 0），"
        f"{FINISHED}。",
    ("total_cost_per_consignment_<era>", "2f1f9f18"):
        "设有时间线时，agency_cost_per_consignment_<era> + 该时期到港货物的企业成本（这些货物的 "
        f"trader_cost_per_consignment），{FINISHED}。",
    ("total_cost_per_container", "f64b7ddb"):
        "已完成货物的政府部门成本 + 企业成本（同 total_cost_per_consignment）除以其集装箱数：一份"
        "海运或铁路报关单载有多个集装箱，因此其每份报关单的成本不能与卡车或包裹的相比（卡车、包裹"
        "各计一箱；合并所有口岸时会把它们混在一起：请看某一海运或铁路口岸的数值）。",
    ("total_cost_per_year", "4406873b"):
        "agency_cost_per_year + trader_cost_per_year：一年中通关给政府部门和企业带来的成本（偷逃"
        "税款和危害另计）。",
    ("trader_cost_p90", "0e4fc1cd"): "已完成货物的企业成本的第 90 百分位（读自对数直方图）。",
    ("trader_cost_p90_port_<port>_<direction>", "a544c134"):
        "某一口岸、某一方向的 trader_cost_p90：该处各信用类别已完成货物每票企业成本的第 90 百分位"
        "（流式对数直方图，同通关时间的第 90 百分位；按报关单计，不按集装箱计）：即报关行向客户报"
        "出的该处通常最坏情形。该口岸在该方向没有完成的货物时为 NaN。",
    ("trader_cost_per_consignment_<class>_port_<port>_<direction>", "fbf9d3b0"):
        "某一信用类别企业在某一口岸、某一方向已完成货物的 trader_cost_per_consignment：即该类别企"
        "业的货物在该处花费的成本，而不是该类别节省的成本：其中大部分是货物的时间价值，因此各类别"
        "之间的差别来自其货物价值和商品构成（以及偶然因素）的，不亚于来自其所受处理的。该类别所受"
        "处理给企业带来或节省的成本是 "
        "border_burden_per_consignment_<class>_port_<port>_<direction>。该类别在该处没有已完成货"
        "物时为 NaN。",
    ("trader_cost_per_year", "ff20ddb2"):
        "观测期内已完成货物的企业成本（支付的费用加上货物的时间价值，同 "
        "trader_cost_per_consignment），折算为一年。",
    ("trader_cost_per_container", "f1889424"):
        "企业成本（同 trader_cost_per_consignment：所付费用加货物时间价值，后者代表库存持有成本）"
        "按集装箱计：已完成货物的成本除以其集装箱数（一辆卡车、一票空运或一个包裹计为一箱，因此"
        "跨口岸合计时包裹与海运集装箱混在一起：请看单个口岸的）。减去 trader_fees_per_container，"
        "即每箱等待时间的价值。",
    ("trader_fees_per_container", "a23e2343"):
        "企业支付的费用（同 trader_fees_per_consignment）按集装箱计：已完成货物的费用除以其集装箱"
        "数（陆路口岸的一辆卡车、一票空运或邮件监管中心的一个包裹计为一箱，因此合并所有口岸时会把"
        "包裹的费用与海运集装箱的混在一起：请看某一口岸的数值）。世界银行《营商环境报告》（Doing "
        "Business）按每票货物（15 t，US$50,000）给出出口和进口成本，更接近一份报关单"
        "（trader_fees_per_consignment）而非一个集装箱。",
    ("duty_forgone_low_value_port_<port>_<direction>", "764445eb"):
        "邮件及快件监管中心因低值（免征额）门槛而未征收的税款，折算为一年：申报价值低于门槛的每个"
        "进境包裹的税率乘以申报价值之和；没有门槛时为 0。这是全部税款：中国跨境电商零售进口在限值"
        "以内仍按应纳税额的 70% 征收进口环节增值税和消费税（财政部、海关总署、税务总局 2018 年第 "
        f"49 号），因此本项是此类规则放弃税款的上限。{_LOW_DUTY}",
    ("duty_lost_undervaluation_port_<port>_<direction>", "dfa3126b"):
        "邮件及快件监管中心未被任何查验（放行前或放行后）查出的低报价值进境包裹流失的税款，折算为"
        "一年：按真实价值应缴的税款减按申报价值核定的税款，两者在门槛以下均免征；因此申报价值低于"
        "门槛而真实价值高于门槛的包裹流失其全部税款，真实价值也低于门槛的包裹不流失税款。没有门槛"
        "时为隐藏价值乘以税率（与 revenue_evaded 对低报价值的计法相同）。依据隐藏真实情况"
        "（enforcement.prevalence、enforcement.undervaluation_factor、"
        "low_value.undervaluation_uplift，均为假设）；没有隐藏真实情况时为 NaN。"
        f"{_LOW_DUTY}",
}
