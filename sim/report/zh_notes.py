"""The report page's explanatory notes in Simplified Chinese: the paragraphs beneath the
sections on where the time goes, the Time Release Study, Trading across Borders, cost against
detection, who gains, smuggling and the organisation, and the headline's lines on the ports an
option changes. Each is a whole text of an element (:data:`NOTES`) or a pattern whose figures
are carried over as the page wrote them (:data:`NOTE_SENTENCES`), in the terms of
:mod:`sim.report.zh_glossary`; a note split by ``<code>`` is put in Chinese piece by piece, in
the English order. Kept apart from :mod:`sim.report.zh_phrases`, which is full."""

from __future__ import annotations

import re

from sim.report import class_section, smuggling_types
from sim.report.org_heads import LEVEL_WORDS, ROLE_WORDS
from sim.report.zh_glossary import VALUES
from sim.report.zh_sweep_notes import SWEEP_NOTES, SWEEP_SENTENCES

_N = r"[-\u2212]?[0-9][0-9,.]*"  # a figure as the page writes it (kept as written)
#: one option's consignments who-gains leaves out at a port and direction
#: (sim.report.html._unpaired_note): the option, the count, of how many, where
_LEFT = re.compile(r"(?P<o>[A-Za-z0-9_.+-]+): (?P<n>[0-9][0-9,]*) of (?P<t>[0-9][0-9,]*) at "
                   r"(?P<p>[A-Za-z0-9_.-]+)/(?P<d>import|export)")
#: the whole ``Left out so: ...`` (its parts' groups unnamed: one pattern names them once)
_LEFT_ALL = re.sub(r"\?P<\w+>", "?:", rf" Left out so: {_LEFT.pattern}(?:; {_LEFT.pattern})*\.")

_TRADING = (
    "按世界银行《营商环境报告》（Doing Business）的口径拆分一票货物的时间和成本：单证合规（到港后的"
    "申报、报关单受理、二次申报、检疫的通关单；报关代理费）和边境合规（海关和检疫的查验及其排队、"
    "口岸作业；装卸、仓储、查验和陪同查验费用），均为每票、各次重复运行的均值{paired}。到港前"
    "准备的单证不计时间，因此单证合规时间是《营商环境报告》口径的下限；企业提货和等待截关两者"
    "都不计入。结果文件夹中的 "
    "trading-across-borders.csv 有每项数据及其 95% 置信区间，也按企业类别列出。"
)
_COST = (
    "各方案相对基准方案在每票总成本（政府部门与企业：付费与时间价值；上图）和仅政府部门成本"
    "（财政支出，含国家承担的码头处置费；下图：把费用从国家转给企业的方案在上图位于原点，在此"
    "图中显示）上的变化，对照其违规货物查出率{after}的变化，两者均为相同重复运行的配对比较，附 "
    "95% 置信区间；基准方案位于原点。{diamond}谁来付费见上表（政府部门、企业、企业付费）。漏查"
    "部分（偷逃税款、危害）另行报告，因此查出很少的低成本方案并非没有代价。"
)
_DIAMOND = "每个点下方的空心菱形是仅放行前的查出率（边境查验，不含放行后发现）。"

#: a whole text of the page -> Chinese
NOTES: dict[str, str] = {
    smuggling_types.HEADING: "按违规类型",
    class_section.HEADING: "各信用类别企业与一般信用企业对比",
    class_section.NOTE:
        "在同一口岸、同一方向，各信用类别企业与一般信用企业相比：每次重复运行中的类别 - 一般信用"
        "企业（在同一随机数种子下配对），及其均值和 95% 置信区间（结果文件夹中的 "
        "class-differences.csv）：通关时间的均值和第 90 百分位（小时），有成本部分时还有边境负担"
        "和企业成本（情景的货币）。这是其他企业、其他货物：某一类别的企业成本与一般信用企业的差别，"
        "既来自其所受的待遇，也同样来自其货物的货值和商品构成。认证或降级对同一批货物会有什么改变，"
        "要做方案比较（改革措施 aeo_mutual_recognition 和 credit_downgrade，docs/aeo-trader.md）。",
    smuggling_types.NOTE:
        "各违规类型自身的数值（夹带该类货物的走私团伙的货物）：走私企图数、被震慑放弃的机会数（未"
        "作走私企图）、在口岸外被缉私巡查截获的企图数、被查获的企图比例（被巡查截获，或在口岸查验"
        "中查获）以及漏查的真实货值（口岸及口岸外），均为各次重复运行的均值及其 95% 置信区间。",
    "The trader's hours include the time from release until the goods leave the port (an "
    "import's pick-up,": "企业时间包括货物放行后至离开口岸的时间（进口货物的提货，",
    "), which in the bundled scenarios is an assumption and often the largest part of an "
    "import's time: a reform of customs' work does not shorten it. Customs' and quarantine's "
    "hours are the ones their reforms act on.":
        "），在随附情景中该时间为假设值，且往往占进口货物时间的最大部分：海关作业的改革不会缩短"
        "这段时间。海关和检疫的时间才是其改革所作用的部分。",
    "An export's wait from its release to the cut-off of the vessel or flight it makes is the "
    "carrier's (its sailing schedule), not the terminal's: the terminal's hours are its own "
    "handling (the discharge, the moves to and from the exam bays, the exit gate).":
        "出口货物自放行至其所赶船舶或航班截关的等待计入承运人船期/航班（其班期），而不计入码头/场站："
        "码头/场站的时间只是其自身的作业（卸船、往返查验台位的移箱、卡口）。",
    "The carrier's hours to release are 0 by construction, not a fault: in the model the "
    "carrier's schedule holds an export only after its release (its wait for the cut-off), "
    "never before it. That wait is in the carrier's hours to exit above, and on the "
    "terminal's ground in the export boxes' dwell after release.":
        "承运人至放行的时间按模型构造恒为 0，并非错误：模型中承运人的船期只在出口货物放行之后"
        "（等待截关）占用货物，放行前从不占用。这段等待计入上图承运人至离港的时间，在码头堆场上"
        "则计入出口集装箱放行后的停留时间。",
    "Up to release only (a Time Release Study's arrival to release): the trader's hours are "
    "its lodging after arrival, customs' and quarantine's their checks and queues; they add up "
    "to the clearance time of the consignments out of the flow (the milestone intervals' "
    "clearance row,":
        "仅计至放行（货物放行时间研究的到港至放行）：企业时间为到港后的申报，海关和检疫时间为"
        "其查验及排队；三者之和即为已完成全部流程货物的海关通关时间（节点区间的通关一行，",
    ").": "）。",
    "A Time Release Study breakdown, one panel per port and direction (each its own hour "
    "scale). Each stretch of a consignment's time, from arrival to release (above the dashed "
    "line) and on to the end of its flow (below it), is a bar of the hours it adds to the "
    "average consignment there: its mean among the consignments that pass through it (beside "
    "its name, with their share) times that share; the bars above the line add up to the "
    "clearance time in the panel's title. Only time after arrival counts: work on an advance "
    "declaration before the goods arrive adds nothing. A wait for a check is its own bar; a "
    "wait in parallel with the checks (the duty payment, the clearance form) adds only the "
    "part that holds the goods once the checks are done. Colours are the owners of the delay "
    "as the model books it: the exam yard's waits and moves (slots, the trader's attendance, "
    "lanes, moves) are split by whose they were. Hatched bars run beside the flow and add "
    "nothing. Every figure, with its 95 % interval over the replications, is in the folder's "
    "milestone-intervals.csv.":
        "货物放行时间研究的分段用时，每个口岸每个方向一幅图（各自的小时刻度）。一票货物从到港至"
        "放行（虚线以上）及其后直至流程结束（虚线以下）的每一段时间，各为一根柱，表示该段给该处"
        "平均每票货物增加的小时数：即经过该段的货物在该段的平均用时（名称旁注明其比例）乘以该"
        "比例；虚线以上各柱之和即为图题中的通关时间。只计到港后的时间：货物到港前办理提前申报"
        "不增加时间。等待查验单独成柱；与查验并行的等待（缴纳税款、通关单）只计查验完成后仍扣住"
        "货物的部分。颜色为模型记账的延误责任方：查验场的等待和移箱（查验时段、企业陪同查验、"
        "查验通道、移箱）按其所属方拆分。斜线柱与流程并行，不增加时间。每项数据及其各次重复运行"
        "的 95% 置信区间见结果文件夹中的 milestone-intervals.csv。",
    **{en.format(paired=p_en): _TRADING.format(paired=p_zh) for p_en, p_zh in (
        ("", ""), (" and each option's paired difference from the baseline",
                   "，以及各方案与基准方案的配对差值"))
       for en in ("As Doing Business splits a shipment's time and cost: documentary compliance "
                  "(the declaration's lodging after arrival, its acceptance, a second "
                  "declaration, quarantine's clearance form; the broker's fee) and border "
                  "compliance (customs' and quarantine's checks and their queues, the port's "
                  "handling; handling, storage, inspection and attendance fees), per "
                  "consignment, means over replications{paired}. Documents prepared before "
                  "arrival count no time, so documentary time is a lower bound of Doing "
                  "Business's; the trader's pick-up and the wait for a cut-off are "
                  "in neither. The folder's trading-across-borders.csv has every figure with "
                  "its 95 % interval, by trader class too.",)},
    **{"Each option's change from the baseline in total cost per consignment (agency and "
       "trader: fees and the value of time; upper panel) and in the agencies' cost alone "
       "(public money, the terminal handling the state pays included; lower panel: an option "
       "that moves a bill from the state to traders sits at the origin above and shows here) "
       f"against its change in the share of illicit consignments detected{a_en} both paired "
       f"over the same replications, with 95 % intervals; the baseline is the origin.{d_en} "
       "Who pays is in the table above (agency, trader, trader's fees). What slips through "
       "(revenue evaded, harm) is reported apart, so a cheap option that detects little is "
       "not a free one.": _COST.format(after=a_zh, diamond=d_zh)
       for a_en, d_en, a_zh, d_zh in (
           (",", "", "", ""),
           (", finds after release included,",
            " A hollow diamond under each point is its detection before release alone (the "
            "checks at the border, without the finds after release).", "（含放行后发现）",
            _DIAMOND))},
    "The hidden truth of goods run past customs: attempts (outside the ports, and through "
    "them declared under a false description), those deterred, those a patrol interdicted, "
    "the value that slipped through outside the ports, then attempts by route (a patrol can "
    "move attempts to another route). value_slipped counts goods declared at the ports "
    "(smugglers' loads through a port included), smuggling_value_slipped_outside the routes "
    "outside them: the two add up to the total that slipped through, value_slipped_total.":
        "绕过海关的货物的真实情况：走私企图数（口岸外的，以及经口岸伪报品名申报的）、被震慑放弃"
        "的、被缉私巡查截获的、在口岸外漏查的货值，以及按路线分列的走私企图数（巡查可能使走私"
        "转向其他路线）。value_slipped 计在口岸申报的货物（含经口岸的走私货物），"
        "smuggling_value_slipped_outside 计口岸外的路线：两者之和为漏查货值合计 "
        "value_slipped_total。",
    "What the groups believed of each route, day by day: they learn it from their own "
    "outcomes there, so a line still moving after day 0 (the dashed line; before it, the "
    "warm-up) means their choices had not settled, and the run warns.":
        "各走私团伙对每条路线的判断，逐日列出：团伙从自己在该路线的结果中得知，因此第 0 天"
        "（虚线；虚线以前为预热期）之后仍在变化的曲线表示其选择尚未稳定，运行会发出警告。",
    "Units by level with their staff and the utilisation of each unit's busiest role; one "
    "tree per option whose structure differs.":
        "按层级列出各单位及其人员和各单位最繁忙岗位的利用率；架构不同的方案各有一棵树。",
    "The risk engine was off in this run (its scenario's [risk] enabled = false): the static "
    "selection tables chose the inspections, and no figure here measures the engine.":
        "本次运行未启用风险布控引擎（情景的 [risk] enabled = false）：查验由静态布控表选定，"
        "本报告中没有衡量该引擎的数据。",
    "What the engine achieved over the cohort's declarations, mean over replications: the "
    "ordinary classes' inspection rate (its selections for a scan, exam or quarantine check "
    "over its decisions) against the target it holds, and the credit classes' rates it sets "
    "by rule (a floor for discredited traders, a cap on advanced AEO traders' rate against "
    "ordinary traders'). Exams that follow a document check's alarm are not its selections.":
        "风险布控引擎对本批次报关单的实际效果，为各次重复运行的均值：一般类别的查验率（布控选中"
        "机检、人工查验或检疫的报关单占其决策数的比例）与其所保持的目标对照，以及按规则设定的各"
        "信用类别查验率（失信企业的下限、AEO 高级认证企业相对一般信用企业的上限）。单证审核报警"
        "后的人工查验不属于其布控选中。",
    "This folder's milestone intervals were written by an older version, without their "
    "ports and directions: run the command again into a new folder to see them.":
        "本文件夹的节点区间由较早版本的 bordersim 写出，不含口岸和方向：请将该命令重新运行到新"
        "文件夹以查看。",
    **SWEEP_NOTES,
    "Escalation latency by type (": "按类型（",
    ") and by type and deciding level; staff and their cost per year by role; the share of "
    "alerts that reach each port and the time they take; the goods' wait per hold at each "
    "port (where a structure's gain at one port is another's loss).":
        "）及按类型和决定层级列出的请示上报至批复时间；按岗位列出的人员及其年度成本；预警到达"
        "各口岸的比例及所需时间；各口岸每次请示暂扣的货物等待时长（一种结构在某一口岸的得益可能"
        "是另一口岸的损失）。",
    "Where the heads sit: organisation staff by level and role (the ports' inspection staff "
    "are their lanes, the same in every structure).":
        "组织人员所在层级：按层级和岗位列出（口岸查验人员属各口岸的作业线，各结构相同）。",
    # (the heads table's levels and roles, in the words of bordersim org's Chinese table)
    **dict(en_zh for en_zh in (*LEVEL_WORDS.values(), *ROLE_WORDS.values())),
}

#: a sentence with figures or names in it: a pattern and its Chinese (figures as written)
NOTE_SENTENCES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), zh) for p, zh in [
    (r"At (?P<p>[a-z0-9_]+), which it changes:", "本方案改变的口岸 {p}："),
    # the heads table's moved heads (sim.report.org_heads.html_table)
    (r"(?P<o>\S+): (?P<k>[0-9,]+) of the (?P<t>[0-9,]+) heads in the (?P<f>\S+) sit at another "
     r"level or in another role\.", "{o}：{t} 人中有 {k} 人与 {f} 所在层级或岗位不同。"),
    # the risk engine's scores and alerts, each option's figure as written
    (r"The AUC its scores reached against the hidden truth \(0\.5 chance, 1 perfect\), mean "
     r"over replications: (?P<v>.+)\.", "其评分相对真实情况达到的 AUC（0.5 为随机，1 为完美），"
     "各次重复运行的均值：{v}。"),
    (r"The share of its decisions an alert raised, mean over replications: (?P<v>.+)\.",
     "其决策中因预警而提高的比例，各次重复运行的均值：{v}。"),
    # the interactions of combined options (the console's words: sim.cli_zh.INTERACTIONS)
    (r"\(A\+B\) \u2212 A \u2212 B \+ baseline: zero when the effects of the parts simply add "
     r"up\. \u2020 a quantile \(median, p90\) of pooled consignments is not additive: its "
     r"interaction can be non-zero, its interval clear of 0, even for options that cannot "
     r"interact \(at two independent ports, say\), so it is no evidence of an interaction "
     r"\(the means' interactions are\)\.",
     "(A+B) \u2212 A \u2212 B + 基准方案：各部分效应简单叠加时为 0。\u2020 汇总各票货物的分位数"
     "（中位数、第 90 百分位）不可加：即使方案之间不可能相互作用（如在两个互不相关的口岸），其"
     "交互作用也可能不为 0、区间也可能不含 0，因此不能据此认定存在交互作用"
     "（均值的交互作用可以）。"),
    # the first section's line on replications in whose observed days nothing arrived
    (rf"run: no consignment arrived in the observed days of (?P<e>{_N}) of its (?P<n>{_N}) "
     r"replications: there is nothing to measure there \(see What was run\)\.",
     "本次运行：{n} 次重复运行中有 {e} 次在观测期内没有货物到港，没有可测量的数据"
     "（见“运行设置”）。"),
    (rf"(?P<o>[A-Za-z0-9_.-]+): no consignment arrived in the observed days of (?P<e>{_N}) of "
     rf"its (?P<n>{_N}) replications: there is nothing to measure there \(see What was run\)\.",
     "方案 {o}：{n} 次重复运行中有 {e} 次在观测期内没有货物到港，没有可测量的数据"
     "（见“运行设置”）。"),
    (r"Pooled over every port \(its change diluted by the ports it leaves alone\):",
     "全部口岸合计（其变化被本方案未改变的口岸稀释）："),
    (r"Each consignment of the arrival cohort released in both the option and the baseline "
     r"\(out by the end of the run, as consignments_released counts them: not seized, "
     r"rejected, detained or censored\), compared with itself: its change in overall clearance "
     r"time \(to an import's exit, an export's loading\)\. The counts are consignments summed "
     r"over the replications, not per replication; better or worse off means by more than "
     rf"(?P<tol>{_N}) min\. Trader classes are compared within port and direction, then "
     r"standardised to the mix of all consignments, so a class is not credited with its "
     r"ports' gains\. Smuggling groups' loads are left out \(an option that moves smugglers "
     r"between routes makes a group's k-th load at a port another load\), and so are a "
     r"surge's added arrivals where the option changes the surge, and consignments whose "
     r"arrival or declared goods the option changes \(it changes a port's arrivals: the k-th "
     r"arrival is then another consignment\)\.(?P<lo>" + _LEFT_ALL + ")?",
     "到港批次中在本方案和基准方案下均已放行（运行结束前提离，按 consignments_released 计："
     "未被查扣、退运、扣留或截尾）的每票货物，与其自身比较：其整体通关时间（进口至提离、出口至"
     "装载）的变化。票数为各次重复运行之和，而非每次重复运行；受益或受损指变化超过 {tol} 分钟。"
     "企业类别在同一口岸和方向内比较，再按全部货物的构成标准化，因此某一类别不会因其所在口岸的"
     "改善而获益。走私团伙的货物不计入（使走私在路线间转移的方案会让团伙在某口岸的第 k 批货物变成"
     "另一批），本方案改变激增时激增新增的到港货物、以及本方案改变其到港或申报货物的各票也不计入"
     "（方案改变口岸的到港：第 k 票到港货物便是另一票）。{lo}"),
    (r"The same consignments, compared with themselves in what the trader pays \(fees and "
     r"the value of the time goods are held, as trader_cost_per_consignment counts it\), in "
     rf"(?P<cur>[A-Z]{{3}}); paying more or less means by more than (?P<tol>{_N}) "
     r"(?P=cur)\. A reform that only adds a fee leaves times alone but shows here\.",
     "同样的货物，与其自身比较企业的支出（付费及货物被扣期间的时间价值，按 "
     "trader_cost_per_consignment 计），单位为 {cur}；多付或少付指变化超过 {tol} {cur}。只增加"
     "收费的改革不改变时间，但会在此显示。"),
    (r"Where each group's loads went, week by week: each route's share of its opportunities "
     r"\(not_smuggled: deterred\), the mean over the replications, the first option's 95 % "
     r"interval shaded; the figures with their intervals, and each option's difference from "
     r"the baseline paired by replication, are in (?P<file>[a-z_.-]+)\. A part week \(its days "
     r"column\) counts fewer loads, not a smaller share\.",
     "各走私团伙的货物逐周去向：每条路线占其走私机会的比例（not_smuggled：被震慑放弃），为各次"
     "重复运行的均值，阴影为第一个方案的 95% 置信区间；各项数据及其置信区间、以及各方案与基准"
     "方案按重复运行配对的差值见 {file}。不足一周的周（见其 days 列）计入的货物较少，但比例不会"
     "因此变小。"),
]] + SWEEP_SENTENCES + [
    # a run's smuggling groups, each with its type and routes (its label: the page's labels)
    (re.compile(rf"Group (?P<g>[A-Za-z0-9_-]+)(?: \(.*\))? carries {t} by "
                r"(?P<r>[A-Za-z0-9_-]+(?:, [A-Za-z0-9_-]+)*)\."),
     f"走私团伙 {{g}}：违规类型为{zh}，经由 {{r}}。")
    for t, zh in VALUES["type"].items()
]


def left_out(en: str) -> str:
    """Who gains' ``Left out so: ...`` (the consignments it leaves out as not the same as
    the baseline's, by option, port and direction) in Chinese; empty for none."""
    if not en:
        return ""
    from sim.report.zh_glossary import VALUES

    parts = [f"方案 {m['o']} 在口岸 {m['p']}（{VALUES['direction'][m['d']]}）{m['t']} 票中的 "
             f"{m['n']} 票" for m in _LEFT.finditer(en)]
    return f"由此不计入：{'；'.join(parts)}。"
