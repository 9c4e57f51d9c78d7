"""The fixed wording of the report page in Simplified Chinese, in the terms of
:data:`sim.report.zh_glossary.TERMS`: each heading, column and fixed phrase (:data:`PHRASES`,
whole text of an element), each sentence with figures in it (:data:`SENTENCES`: a pattern
and its Chinese, every figure carried over as the page wrote it), and the pieces of the
headline's lines (:data:`PIECES`), used only where they leave no English in the line.
Nothing here writes a number."""

from __future__ import annotations

import re

from sim.cli_zh import CUT_NOTE_ZH
from sim.report.headline_unpriced import UNPRICED
from sim.report.html import MEDIAN_NOTE
from sim.report.numbers import CUT_NOTE

#: reforms' names as a list (``training, smart_image_review``)
_REFORMS = r"[A-Za-z0-9_]+(?:, [A-Za-z0-9_]+)*"
_N = r"[-\u2212]?[0-9][0-9,.]*\u2021?"  # a figure as the page writes it (kept as written;
# an interval end cut to what is possible keeps its mark: sim.report.numbers.CUT)

#: a whole text of the page (a heading, a column, a cell) -> Chinese
PHRASES: dict[str, str] = {
    "Before you quote these figures": "引用数据前请先阅读",
    "Headline": "主要结论",
    UNPRICED: "成本未计算：该情景没有 [costs] 部分，巡查人员和该方案的其他成本均未定价；如需定价，"
    "请各用一个 --set 设定 costs.price_year=年份、costs.roles.customs_officer=薪酬（每人每年的"
    "薪酬及附加费用；口岸外走私路线巡查人员按此岗位定价，见 costs.patrol_role）后重新运行，并查看 "
    "agency_staff_cost_per_year（政府部门人员年度成本）",
    "How to read these figures.": "如何解读这些数据。",
    "In brief": "要点",
    "The scenario": "情景设定",
    "What was run": "运行设置",
    "Stability": "稳定性",
    "Results": "结果",
    "Ports": "口岸",
    "Options (reforms)": "方案（改革措施）",
    "Reforms on the scenario's timeline": "情景时间线上的改革措施",
    "Replications that failed": "失败的重复运行",
    "Business case over years": "多年成本收益分析",
    "Smuggling": "走私",
    "Interactions": "交互效应",
    "Clearance time by port and direction": "各口岸进出口通关时间",
    "The tail of clearance time": "通关时间的长尾",
    "Where the time goes, by owner": "时间去向（按责任方）",
    "Milestone intervals by port and direction, and who owns the hours":
        "各口岸进出口各环节用时及责任方（货物放行时间研究）",
    "Trading across Borders": "跨境贸易（营商环境指标）",
    "What customs sees, and the hidden truth": "海关所见与真实情况",
    "Queue lengths over time": "排队长度随时间变化",
    "Utilisation by lane": "各作业环节利用率",
    "Cost against detection": "成本与查出率",
    "Who gains and who loses": "受益方与受损方",
    "Who pays more and who pays less": "多付费者与少付费者",
    "The organisation": "海关组织架构",
    "The organisation by escalation, role and port": "按请示类型、岗位和口岸的组织数据",
    "The risk engine": "风险布控",
    "Observed against simulated": "实测与模拟对比",
    # table columns and row names
    "metric (unit)": "指标（单位）", "option": "方案", "sig.": "显著",
    "mean": "均值", "95 % CI": "95% 置信区间", "n": "样本数",
    "difference vs baseline": "与基准方案之差", "95 % CI (paired)": "95% 置信区间（配对）",
    "name": "名称", "description": "说明", "observed / warm-up / drain days":
        "观测期 / 预热期 / 收尾期天数",
    "port": "口岸", "mode": "运输方式", "what it is": "说明", "reform": "改革措施",
    "from": "起始", "scenario": "情景", "observed days": "观测天数",
    "warm-up days": "预热天数", "drain days (limit)": "收尾天数（上限）",
    "replications per option": "每个方案的重复运行次数", "replications": "重复运行次数",
    "root seed": "随机数根种子", "precision target": "精度目标",
    "bordersim version": "bordersim 版本", "build": "构建版本",
    "set from the command line (--set)": "命令行设定（--set）", "command": "命令",
    "what it changes": "改动内容", "direction": "进出口方向", "who": "对象",
    "documentary h": "单证合规时间（小时）",
    "documentary h (lower bound)": "单证合规时间（小时，下限）", "border h": "边境合规时间（小时）",
    "documentary cost": "单证合规成本", "border cost": "边境合规成本",
    "class": "信用类别", "class mean": "该类别均值", "general mean": "一般信用企业均值",
    "difference": "差值",
    "vs baseline": "与基准方案之差", "better off": "受益", "worse off": "受损",
    "pays less": "少付", "pays more": "多付", "replication": "重复运行", "seed": "随机数种子",
    "error": "错误", "metric": "指标", "interaction": "交互效应",
    "mean change (h; below 0: faster)": "平均变化（小时；小于 0：更快）",
    # cells
    "baseline": "基准方案", "run": "本次运行", "the scenario unchanged": "情景不变",
    "none (fixed replications)": "无（固定重复运行次数）", "none": "无",
    "fields:": "字段：", "fields: none of this scenario's": "字段：本情景中没有",
    "all consignments": "全部货物",
    "(the same in every replication)": "（每次重复运行结果相同）",
    "import": "进口", "export": "出口",
    ":": "：",
    "points": "扫描点数", "replications per point": "每个扫描点的重复运行次数",
    "design": "试验设计", "range": "取值范围", "values": "取值",
    "set at every point": "各扫描点共同设定",
    "Hits and seizures are what customs sees; prevalence, detection and what slips through "
    "are the model's hidden truth (assumptions of the scenario). More seizures are not better "
    "in themselves: where smugglers are deterred, seizures fall while less slips through.":
        "查获命中与查扣是海关看得到的；违规货物的实际比例、查出率和漏查情况是模型中的真实情况"
        "（情景的假设）。查扣多本身并不代表更好：走私分子受到震慑时，查扣减少，漏查也减少。",
    "start date": "起始日期", "organisation": "组织架构", "money": "货币",
    "not recorded (a folder made before it was)": "未记录（该文件夹早于此项记录）",
    "The run is not steady-state": "本次运行非稳态", "The run": "本次运行",
    ": a queue or smugglers did not settle (its figures are flagged \u26a0).":
        "：有排队（或走私团伙行为）未趋于稳定（其数据标有 \u26a0）。",
    # a sweep's page, the risk engine's and the validation tables
    "Each point against point 0": "各扫描点与扫描点 0 的比较",
    "Results by point": "各扫描点结果",
    "Which parameters move the results: partial rank correlations":
        "哪些参数影响结果：偏秩相关系数",
    "parameter": "参数", "point": "扫描点",
    "simulation noise's share of the spread": "仿真噪声占离散程度的比例",
    "ordinary decisions a replication": "每次重复运行的普通类别布控决定数",
    "ordinary rate achieved": "普通类别实际查验率", "target": "目标",
    "advanced AEO rate": "AEO 高级认证企业查验率", "discredited rate": "失信企业查验率",
    "what": "内容", "observed": "实测值", "simulated": "模拟值",
    "sim \u2212 obs": "模拟值 \u2212 实测值", "inside": "是否在区间内",
    "difference 95 % CI": "差值 95% 置信区间", "agree": "是否一致", "source": "来源",
    "A run has nothing to compare with:": "单次运行没有可比较的对象：",
    "The same table by port and direction on one page, for a brief or a paper (Markdown or "
    "LaTeX; in Chinese with --lang zh; trader_cost for what traders pay):":
        "同一张按口岸和方向的表可单页输出，供简报或论文使用（Markdown 或 LaTeX；加 --lang zh "
        "为中文；trader_cost 为企业支付的费用）：",
    "pairs each consignment with itself under a reform.":
        "将每票货物与其在改革措施下的自身配对比较。",
    "This section covers time only: the folder holds no trader cost per consignment (the "
    "scenario has no costs).": "本节仅涉及时间：结果文件夹中没有每票企业成本（该情景未设成本）。",
    CUT_NOTE: CUT_NOTE_ZH,
    MEDIAN_NOTE:
        "多数货物走绿色通道，到港数秒内即放行（报关单已提前申报，仅剩自动环节），因此海关通关时间"
        "（到港 \u2192 放行）的中位数常为 0 小时或千分之几小时，改革措施无法改变它：均值、第 90 和"
        "第 95 百分位以及 24 小时内放行比例反映的是确需等待的货物。整体通关时间（进口：到港 \u2192 "
        "提离；出口：到港 \u2192 装载）还包括企业提货和码头/场站的用时。",
    "Each option runs on the same simulated traffic as the baseline (the same replications, "
    "paired), and each line gives its change from the baseline with a 95 % interval "
    "(\u201c95 % CI\u201d): the range the change lies in, with 95 % confidence, given the "
    "model's assumptions; the wider it is, the less the runs pin the change down. Where the "
    "interval includes 0, the change cannot be told apart from the chance variation between "
    "runs: the line says \u201cno clear change\u201d (which is not proof that there is no "
    "effect), or \u201ctoo imprecise to tell\u201d where the interval also reaches a quarter "
    "of the baseline's value either way (more replications would narrow it). With several "
    "options, a change clear of 0 could still be chance among so many tries: one that Holm's "
    "correction for the number of options does not confirm (no * in the table) says "
    "\u201cnot significant once corrected for the number of options\u201d. A star says a "
    "change is not chance, not that it is large: read its size. The intervals measure the "
    "variation between the model's runs, not the uncertainty of its assumptions (the "
    "scenario's sources say which figures are assumed). Every figure is in the table under "
    "Results.":
        "每个方案与基准方案使用相同的模拟货物流量（相同的重复运行，配对比较），每行给出该方案相对"
        "基准方案的变化及 95% 置信区间（“95% 置信区间”）：在模型假设下，变化以 95% 的置信度落在"
        "此范围内；区间越宽，运行结果对变化的确定程度越低。区间包含 0 时，变化无法与运行之间的随机"
        "波动区分：该行显示“无明显变化”（并不证明没有效果），若区间两端还达到基准值的四分之一，则"
        "显示“精度不足，无法判断”（增加重复运行次数可使区间变窄）。比较多个方案时，不含 0 的变化"
        "仍可能是多次尝试中的偶然结果：未通过 Holm 多重比较校正确认的（表中无 *）显示“经多重比较"
        "校正后不显著”。星号表示变化并非偶然，而不表示变化很大：请看其大小。置信区间衡量的是模型"
        "各次运行之间的差异，而非模型假设本身的不确定性（情景的数据来源说明了哪些数值是假设）。"
        "所有数据见“结果”表。",
}


def _layers() -> dict[str, str]:
    """The section of seizures by layer's texts, and the illicit types' names its rows give
    (where no other whole text of the page has the same words)."""
    from sim.report.zh_glossary import VALUES
    from sim.report.zh_risk_reasons import ZH as REASONS
    from sim.report.zh_seizure_layers import ZH

    return {**{k: v for k, v in VALUES["type"].items() if k not in PHRASES}, **ZH, **REASONS}


PHRASES.update({k: v for k, v in _layers().items() if k not in PHRASES})

#: a whole text with figures or names in it: pattern -> Chinese (``{name}``: its group)
SENTENCES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), zh) for p, zh in [
    (r"bordersim comparison: (?P<s>.+)", "bordersim 方案比较：{s}"),
    (r"bordersim run: (?P<s>.+)", "bordersim 运行结果：{s}"),
    (r"bordersim sweep: (?P<s>.+)", "bordersim 参数扫描：{s}"),
    (rf"(?P<s>{_N}) \(replication r has the same seed at every point\)",
     "{s}（第 r 次重复运行在每个扫描点使用相同种子）"),
    (rf"Every figure comes from (?P<r>{_N}) replications? of (?P<d>{_N}) observed days "
     rf"\(after a (?P<w>{_N})-day warm-up\)\.",
     "所有数据来自 {r} 次重复运行，每次观测 {d} 天（预热期 {w} 天之后）。"),
    (rf"Every figure comes from (?P<r>{_N}) replications? of each option, each of "
     rf"(?P<d>{_N}) observed days \(after a (?P<w>{_N})-day warm-up\), the options on the "
     r"same random draws as the baseline: each change is that of the same traffic, with its "
     r"95 % interval\.",
     "所有数据来自每个方案 {r} 次重复运行，每次观测 {d} 天（预热期 {w} 天之后），各方案与基准方案"
     "使用相同的随机数：每项变化都是同一批货物流量下的变化，并附 95% 置信区间。"),
    (rf"Too short to tell whether queues settle: (?P<d>{_N}) observed days hold (?P<k>{_N}) "
     rf"whole weeks?, and (?P<n>{_N}) days or more are needed to see whether a queue keeps "
     r"rising; until then no figure here can be read as lasting \(see Stability\)\.",
     "运行时间过短，无法判断排队是否趋于稳定：{d} 个观测天仅含 {k} 个整周，需要 {n} 天或更长"
     "才能看出排队是否持续增长；在此之前，本页任何数据都不能视为长期状态（见“稳定性”）。"),
    (r"No warning: every queue settled in every replication of every (option|run), and none "
     r"failed\.", "无警告：每个方案的每次重复运行中所有排队均趋于稳定，且无运行失败。"),
    (rf"(?P<lead>No option warned, but|No replication warned, but|The others did not warn, "
     rf"but|Besides|note:) (?P<d>{_N}) observed day\(s\) hold (?P<k>{_N}) whole week\(s\): too few "
     rf"to see whether a queue keeps rising \(that check needs (?P<m>{_N})\), so only "
     rf"overload was checked\. Observe (?P<m2>{_N}) whole weeks or more \(--days (?P<n>{_N}) "
     rf"or more after this run's (?P<w2>{_N})-day warm-up\) before reading these figures as "
     r"steady-state\.",
     "{lead}{d} 个观测天仅含 {k} 个整周：不足以判断排队是否持续增长（该检查需要 {m} 周），"
     "因此只检查了是否超负荷。请观测 {m2} 个整周或更长（本次预热期 {w2} 天之后 "
     "--days {n} 或更长），再将这些数据视为稳态。"),
    (r"Not steady-state: (?P<who>Options? .+|The run) had a queue \(or smugglers\) that did "
     r"not settle in some replication; the figures describe a backlog still growing at the end "
     r"of the observed days, not a lasting state, and a longer run would give other numbers"
     r"(?P<base>; as the baseline is one of them, every option's change from it is affected)?"
     r" \(see Stability\)\.",
     "非稳态：{who} 在部分重复运行中存在未趋于稳定的排队（或走私团伙行为）；这些数据反映的是观测期"
     "结束时仍在增长的积压，而非长期状态，运行更长时间会得到不同的数值{base}（见“稳定性”）。"),
    (r"(?P<o>.+) \(not steady-state: read with care\)", "{o}（非稳态：请谨慎解读）"),
    (r"(?P<o>.+) \(its baseline is not steady-state: read with care\)",
     "{o}（其基准方案非稳态：请谨慎解读）"),
    (rf"whom it touches: (?P<gb>{_N}) % of the released consignments leave the port more than "
     rf"(?P<gt>{_N}) min sooner, (?P<gw>{_N}) % later(?:; its average, (?P<ga>{_N}) "
     rf"(?P<u>s|min|h) (?P<gm>sooner|later) over all, is about (?P<gc>{_N}) (?P<u2>s|min|h) "
     r"(?P<gm2>sooner|later) for each consignment it touches \(who gains and who loses, "
     r"below\))?",
     "影响范围：{gb}% 的已放行货物提离口岸提前超过 {gt} 分钟，{gw}% 推迟{avg}"),
    # a replication's warnings (sim.model.stability), in the Stability section
    (rf"(?P<rep>rep-[0-9]+: )?(?P<p>[a-z0-9_]+): more than 1% of the cohort was released but "
     rf"not yet out \(picked up, exited or loaded\) (?P<d>{_N}) days after the observed window "
     rf"closed \((?P<a>{_N}) of (?P<n>{_N}) cohort consignments, (?P<s>{_N})%\): their clearance "
     r"to release is counted, but not their overall clearance, which is then biased low; run "
     r"with a longer drain \(drain_days\)",
     "{rep}口岸 {p}：观测期结束 {d} 天后，超过 1% 的货物已放行但尚未提离（提货、出区或装载）"
     "（{a} / {n} 票，{s}%）：其海关通关时间已计入，整体通关时间未计入，因而整体通关时间偏低；"
     "请延长收尾期（drain_days）"),
    (rf"(?P<rep>rep-[0-9]+: )?(?P<p>[a-z0-9_]+): more than 1% of the cohort was still not "
     rf"released (?P<d>{_N}) days after the observed window closed, the largest share no further "
     rf"than '(?P<m>[a-z_]+)'(?: and the longest queue at (?P<q>[a-z0-9_/]+))? \((?P<a>{_N}) of "
     rf"(?P<n>{_N}) cohort consignments, (?P<s>{_N})%; furthest milestone reached: "
     rf"(?P<t>[^;)]+)(?:; (?P<w>{_N}) waiting at (?P=q) at the end)?\): they are censored, left "
     r"out of the clearance figures, which are then biased low; add capacity where they wait, "
     r"or run with a longer drain to see whether they finish",
     "{rep}口岸 {p}：观测期结束 {d} 天后，仍有超过 1% 的货物未放行，最多的停留在“{m}”环节{q}"
     "（{a} / {n} 票，{s}%；到达的最远环节：{t}{w}）：这些货物被截尾，未计入通关时间，"
     "因而通关时间偏低；请在其等待处增加能力，或延长收尾期以观察其能否完成"),
    (r"mean change \((?P<cur>[A-Z]{3}); below 0: pays less\)", "平均变化（{cur}；小于 0：少付）"),
    (r"is unstable: its figures are not steady-state and its differences are flagged "
     r"\u26a0\.?", "不稳定：其数据为非稳态，与基准方案之差标有 \u26a0。"),
    (r"warned \(its figures are steady-state, so they are not flagged\)\.?",
     "发出警告（其数据为稳态，因此未标记）。"),
    (r"No (?:option|replication) warned: every lane settled in every replication\.",
     "无警告：每次重复运行中所有作业环节均趋于稳定。"),
    (r"Means over replications with 95 % Student-t intervals, shown clipped to what is "
     r"possible \(no negative times or counts, shares within 0\u20131; the raw intervals are "
     r"in (?P<f>summary\.json|summary\.csv and differences\.csv)\)\. (?P<c>Differences are "
     r"paired .*steady-state\. )?Times in hours\.",
     "各次重复运行的均值及 95% Student-t 置信区间，显示时截取到可能的范围（时间和计数不为负，"
     "比例在 0\u20131 之间；原始区间见 {f}）。{c}时间单位为小时。"),
    (r"Seizures per 1000 declarations \(goods seized, detained or rejected; mean over "
     r"replications\): (?P<v>.+)\.",
     "每 1000 份报关单查扣数（查扣、扣留或退运的货物；各次重复运行的均值）：{v}。"),
    (r"Seizures outside the ports, not in the figure above \(loads the patrols stopped, a "
     r"replication's mean over the observed days\): (?P<v>.+)\.",
     "口岸外查扣，未计入上一数据（缉私巡查截获的批次，观测期内每次重复运行的均值）：{v}。"),
    (r"(?P<p>[a-z0-9_]+) \u00b7 (?P<d>import|export)", "{p} \u00b7 {d}"),
    (r"class (?P<c>[a-z_]+) \(standardised\)", "{c}（标准化）"),
    (r"What it is: (?P<said>.+)", "内容：{said}"),
    # a field an option changes at every port (sim.report.options_table.changed_fields)
    (r"(?P<f>ports\.\*\.[a-z0-9_.]+) \((?P<n>[0-9]+) ports\)", "{f}（{n} 个口岸）"),
    (r"structure (?P<x>[a-z_]+)", "结构 {x}"),
    (r"(?P<k>documentary|border) cost \((?P<cur>[A-Z]{3})\)", "{k}（{cur}）"),
    (rf"(?P<s>{_N}) \(replication r of every option uses the same seed\)",
     "{s}（每个方案的第 r 次重复运行使用相同种子）"),
    (rf"consignments \(summed over (?P<n>{_N}) replications?\)", "货物票数（{n} 次重复运行合计）"),
    (r"(?P<m>overall_clearance|clearance): from every consignment of the kept logs\.",
     "{m}：来自所保存日志中的每票货物。"),
    (r"(?P<m>overall_clearance|clearance): from the median, p90 and p95 \(run with --log for "
     r"every consignment\)\.",
     "{m}：由中位数、第 90 和第 95 百分位推得（使用 --log 运行可得每票货物数据）。"),
    (r"(?P<m>overall_clearance|clearance): from the median, p90 and p95 \(the logs this "
     r"comparison kept do not give every consignment's time\)\.",
     "{m}：由中位数、第 90 和第 95 百分位推得（本次比较保存的日志不含每票货物的时间）。"),
    # a short or one-replication run's notes (sim.model.window), in What was run
    (rf"note: (?P<d>{_N}) observed day\(s\), less than a week, see (?P<wd>.+) \(the run starts "
     rf"on a Monday and is observed after its (?P<w>{_N})-day warm-up\): the arrivals follow "
     r"weekly patterns, so these figures do not represent a week; observe 7 days or more "
     r"\(whole weeks\)",
     "注意：观测期 {d} 天，不足一周，{wd}（运行从星期一开始，预热期 {w} 天之后开始观测）："
     "到港量有周内规律，这些数据不能代表一周；请观测 7 天或更长（整周）"),
    (r"note: one replication gives no confidence interval and no significance \(its figures "
     r"are one random draw: a difference cannot be told from chance\); give --reps 2 or more",
     "注意：仅一次重复运行，无法给出置信区间和显著性（其数据只是一次随机抽样，差异无法与偶然"
     "波动区分）；请使用 --reps 2 或更多"),
    (rf"note: (?P<n>{_N}) replications give intervals that are themselves unreliable: a "
     rf"Student-t interval with (?P<df>{_N}) degree\(s\) of freedom stretches (?P<t>{_N}) "
     r"standard errors each side \(1\.96 with many replications\), and it holds the true mean "
     r"95 % of the time only if the replications' values are near normal, which so few "
     rf"cannot show; give --reps (?P<k>{_N}) or more",
     "注意：只有 {n} 次重复运行，置信区间本身并不可靠：自由度为 {df} 的 t 区间两侧各延伸 {t} "
     "个标准误（重复运行很多时为 1.96），且只有在各次重复运行的数值近似正态时才有 95% 的把握"
     "包含真实均值，而这么少的重复运行无法显示这一点；请使用 --reps {k} 或更多"),
    (r"(?P<cur>[A-Z]{3}) at (?P<y>[0-9]{4}) prices", "{cur}（{y} 年价格）"),
    (rf"note: warmup_days = (?P<w>{_N}) is not a whole number of weeks: observation starts at "
     r"another weekday or hour than the run \(Monday 00:00\), so with days that are not whole "
     r"weeks either, some weekdays weigh more; whole weeks are recommended",
     "注意：预热期 warmup_days = {w} 天，不是整周：观测开始于与运行开始（星期一 00:00）不同的"
     "星期几或时刻，若观测天数也不是整周，部分星期几的权重会偏大；建议使用整周"),
    # a sweep's design (sim.report.sweep_html.design_rows)
    (rf"the values listed, taken in order: (?P<n>{_N}) points", "按所列取值依次运行：{n} 个扫描点"),
    (rf"every combination of the values listed: (?P<n>{_N}) points",
     "所列取值的全部组合：{n} 个扫描点"),
    (rf"Latin hypercube of (?P<n>{_N}) points \(--lhs (?P<l>{_N})\), sample seed (?P<s>{_N})",
     "拉丁超立方抽样，{n} 个扫描点（--lhs {l}），抽样种子 {s}"),
    (rf"Saltelli's sample for Sobol indices of (?P<x>[a-z0-9_]+): (?P<n>{_N}) points "
     rf"\(--sobol (?P<l>{_N})\), sample seed (?P<s>{_N})",
     "Sobol 敏感性指数（{x}）的 Saltelli 抽样：{n} 个扫描点（--sobol {l}），抽样种子 {s}"),
    (rf"Read with care: (?P<a>{_N})% of its cohort was still held when the run ended \(the "
     rf"baseline: (?P<b>{_N})%\); they are left out of its clearance and cost figures, which "
     r"then flatter it: a time or cost it seems to save may be goods it never cleared\.",
     "请谨慎解读：运行结束时该方案仍有 {a}% 的货物在流程中（基准方案：{b}%）；这些货物未计入其通关"
     "时间和成本数据，使其显得更好：看似节省的时间或成本，可能是从未放行的货物。"),
    # a replication's warning of an overloaded lane with its servers' need (sim.model.stability,
    # sim.model.capacity_needed: a lane of fixed servers; a schedule's stays in English)
    (rf"(?P<rep>rep-[0-9]+: )?(?P<p>[a-z0-9_]+): (?P<l>[a-z_]+) is (?P<u>{_N})% utilised "
     rf"\(above (?P<o>{_N})%\); its queue may not settle, so its waits are not steady-state: "
     r"add capacity there, or read its waits as a lower bound\. Its cohort's jobs asked for "
     rf"(?P<wk>{_N}) servers' work an hour against (?P<od>{_N}) on duty on average \((?P<ld>{_N})"
     rf"% of its hours on duty\): to carry it at (?P<tg>{_N})% it needs about (?P<nd>{_N}) on "
     rf"duty, not (?P<hr>{_N})(?P<set> \([a-z0-9_.]+\.capacity = {_N}\))?; compare that option "
     r"to see what it does to clearance\.",
     "{rep}口岸 {p}：“{l}”的利用率为 {u}%（超过 {o}%）；其排队可能无法趋于稳定，等待时间并非稳态："
     "请在该处增加能力，或将其等待时间视为下限。其货物每小时需要 {wk} 个服务台的工作量，而平均"
     "在岗 {od} 个（为在岗能力的 {ld}%）：要使利用率不超过 {tg}%，约需在岗 {nd} 个，而非 {hr} 个"
     "{set}；可将此作为方案比较，查看其对通关时间的影响。"),
]]

#: the pieces of a headline line, in order; a line is translated only when no English is
#: left in it (else it is shown as it was, whole)
PIECES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), zh) for p, zh in [
    # an interval holding 0 and wide against the baseline's value (a count has no unit)
    (rf"too imprecise to tell \((?P<x>{_N}) (?P<u>s|min|h|percentage points|[A-Z]{{3}}); 95 % "
     rf"CI (?P<a>{_N}) to (?P<b>{_N}), against the baseline's (?P<n>{_N}) (?P<u2>s|min|h|"
     r"percentage points|[A-Z]{3})\): more replications would narrow it",
     "精度不足，无法判断（{x} {u}；95% 置信区间 {a} 至 {b}，基准方案为 {n} {u2}）：增加重复运行"
     "次数可使区间变窄"),
    (rf"too imprecise to tell \((?P<x>{_N}); 95 % CI (?P<a>{_N}) to (?P<b>{_N}), against the "
     rf"baseline's (?P<n>{_N})\): more replications would narrow it",
     "精度不足，无法判断（{x}；95% 置信区间 {a} 至 {b}，基准方案为 {n}）：增加重复运行次数可使"
     "区间变窄"),
    # the brief's verdicts on a part of the headline
    (r"too imprecise to tell: more replications would narrow it \(see below\)",
     "精度不足，无法判断：增加重复运行次数可使区间变窄（见下文）"),
    (r"no confirmed change: a change clear of 0 is not confirmed once corrected for the number "
     r"of options \(see below\)",
     "无经确认的变化：不含 0 的变化经多重比较校正后未获确认（见下文）"),
    # a count's change (seizures, smuggling attempts: no unit)
    (rf"(?P<x>{_N}) (?P<m>fewer|more) \(95 % CI (?P<a>{_N}) to (?P<b>{_N})\)",
     "{m} {x}（95% 置信区间 {a} 至 {b}）"),
    (rf"no clear change \((?P<x>{_N}); 95 % CI (?P<a>{_N}) to (?P<b>{_N})\)",
     "无明显变化（{x}；95% 置信区间 {a} 至 {b}）"),
    # the smugglers' lines (with smuggling groups in the scenario)
    (r"value of illicit goods slipping through in all \(ports \+ smuggling routes outside "
     r"them; over the observed days, not a year\)",
     "漏查违规货值合计（口岸 + 口岸外走私路线；观测期内合计，非年值）"),
    (r"smuggling attempts \(every route\)", "走私企图数（全部路线）"),
    (r"smuggling opportunities deterred \(not tried\)", "被震慑放弃的走私机会数（未实施）"),
    (r"smuggling attempts interdicted by patrols outside the ports",
     "口岸外缉私巡查截获的走私企图数"),
    (r"share of smuggling attempts caught \(by patrols outside the ports or by the ports' "
     r"checks\)", "走私企图查获比例（口岸外缉私巡查或口岸查验查获）"),
    (rf"(?P<x>{_N}) (?P<u>s|min|h) shorter \(95 % CI (?P<a>{_N}) to (?P<b>{_N})\)",
     "缩短 {x} {u}（95% 置信区间 {a} 至 {b}）"),
    (rf"(?P<x>{_N}) (?P<u>s|min|h) longer \(95 % CI (?P<a>{_N}) to (?P<b>{_N})\)",
     "延长 {x} {u}（95% 置信区间 {a} 至 {b}）"),
    (rf"(?P<x>{_N}) (?P<cur>[A-Z]{{3}}) (?P<m>less|more) \(95 % CI (?P<a>{_N}) to (?P<b>{_N})\)",
     "{m} {x} {cur}（95% 置信区间 {a} 至 {b}）"),
    (rf"(?P<x>{_N}) percentage points (?P<hl>lower|higher) \(95 % CI (?P<a>{_N}) to (?P<b>{_N})\)",
     "{hl} {x} 个百分点（95% 置信区间 {a} 至 {b}）"),
    (rf"no clear change \((?P<x>{_N}) (?P<u>s|min|h|percentage points|[A-Z]{{3}}); 95 % CI "
     rf"(?P<a>{_N}) to (?P<b>{_N})\)",
     "无明显变化（{x} {u}；95% 置信区间 {a} 至 {b}）"),
    (r"no change \(the same in every replication\)", "无变化（每次重复运行结果相同）"),
    (r" \(it changes nothing for goods or seizures in this scenario: see the notes\)",
     "（在此情景中它不改变货物和查获：见注释）"),
    (rf" ?\(no confirmed change in the (?P<n>{_N}) other figures?\)",
     "（其余 {n} 项数据无经确认的变化）"),
    (rf"Seizures \(the baseline, a replication's mean over (?P<d>{_N}) observed days: "
     rf"(?P<a>{_N}) consignments seized, (?P<b>{_N}) consignments detained, (?P<c>{_N}) "
     r"consignments rejected after a find\)",
     "查扣情况（基准方案，观测 {d} 天、每次重复运行均值：查扣 {a} 票，扣留 {b} 票，"
     "查获后退运 {c} 票）"),
    (r"share of each illicit type's consignments detected, in percentage points \(95 % CI\)",
     "各类违规货物查出率，单位为百分点（95% 置信区间）"),
    # the verdict's enforcement cost (sim.report.headline._losses): each clear loss, then why
    # (an illicit type's share detected first, before its name alone is put in Chinese)
    (r"; at an enforcement cost: ", "；执法代价："),
    *((rf"\b{en} detected(?= (?:lower|higher) by )", f"{zh}查出率") for en, zh in (
        ("tobacco", "走私烟草"), ("counterfeits", "侵权假冒商品"),
        ("frozen products without quarantine clearance", "未经检疫的冻品"),
        ("quarantine pests and disease", "检疫性有害生物和疫病"),
        ("undervaluation", "低报价格"), ("endangered species", "濒危物种"))),
    (rf" (?P<hl>lower|higher) by (?P<x>{_N}) (?P<u>percentage points)", "{hl} {x} {u}"),
    (rf" (?P<hl>lower|higher) by (?P<x>{_N}) (?P<cur>[A-Z]{{3}})", "{hl} {x} {cur}"),
    (r" \(not significant once corrected for the number of options \(Holm\)\)",
     "（经 Holm 多重比较校正后不显著）"),
    (r"(?P<end>个百分点|[A-Z]{3}|不显著）), (?=share of illicit|value slipping|harm slipping|"
     r"duty evaded|[\u4e00-\u9fff])", "{end}，"),
    (r" \(95 % CI clear of 0\)", "（95% 置信区间不含 0）"),
    (r"frozen products without quarantine clearance", "未经检疫的冻品"),
    (r"quarantine pests and disease", "检疫性有害生物和疫病"),
    (r"\bcounterfeits\b", "侵权假冒商品"), (r"\btobacco\b", "走私烟草"),
    (r"\bundervaluation\b", "低报价格"), (r"\bendangered species\b", "濒危物种"),
    # (an illicit type's: its name and its change without a space, as for a clear change)
    (rf"(?:(?<=[^\x00-\x7f]) )?no clear change \((?P<x>{_N}); (?P<a>{_N}) to (?P<b>{_N})\)",
     "无明显变化（{x}；{a} 至 {b}）"),
    (rf" (?P<x>{_N}) (?P<hl>lower|higher) \((?P<a>{_N}) to (?P<b>{_N})(?P<un>, not significant "
     r"once corrected for the number of options \(Holm\))?\)", "{hl} {x}（{a} 至 {b}{un}）"),
    (r"no clear change", "无明显变化"),
    (r"(?P<s> )?no change", "无变化"),
    (r"too imprecise to tell", "精度不足，无法判断"),
    (r"no confirmed change", "无经确认的变化"),
    (r"not measured", "未测得（无置信区间）"),
    (r"Illicit goods detected and slipping through", "违规货物查出与漏查"),
    (r"Clearance time", "通关时间"),
    (r"import clearance \(arrival to release\)", "进口海关通关时间（到港至放行）"),
    (r"import clearance", "进口海关通关时间"),
    (r"export clearance", "出口海关通关时间"),
    (r"imports' time to leave the port", "进口货物到港至提离时间"),
    (r"exports' time to departure \(arrival to their vessel, flight or truck leaving\)",
     "出口货物到港至离境时间（至所装船舶、航班或卡车离开）"),
    (r"exports' time to departure", "出口货物到港至离境时间"),
    (rf"imports released within (?P<t>{_N}) h", "{t} 小时内放行的进口货物比例"),
    (r"share of imports inspected \(scan, exam or quarantine\)",
     "进口货物查验率（机检、人工查验或检疫）"),
    (r"share of exports inspected \(scan, exam or quarantine\)",
     "出口货物查验率（机检、人工查验或检疫）"),
    (r"share of imports inspected", "进口货物查验率"),
    (r"share of exports inspected", "出口货物查验率"),
    (r"share of illicit consignments detected, finds after release included \(tax review, "
     r"recall, post-clearance audit, whenever they fall due\)",
     "违规货物查出率，含放行后发现（税收复核、召回、稽查，按到期时计）"),
    (r"share of illicit consignments detected at the ports only \(the patrols' "
     r"interdictions outside them not counted\)", "违规货物查出率，仅计口岸（不含口岸外巡查截获）"),
    (r"share of illicit loads detected over every route \(the ports' finds \+ the patrols' "
     r"interdictions outside them, by count\)",
     "全部路线违规货物查出率（口岸查出 + 口岸外巡查截获，按票数/批数）"),
    (r"share of illicit value detected over every route \(as above, by the goods' value\)",
     "全部路线违规货值查出率（同上，按货值）"),
    (r"share of smuggling attempts on routes outside the ports interdicted by patrols "
     r"\(outside the ports only\)", "口岸外路线走私企图被巡查截获比例（仅计口岸外）"),
    (r"share of illicit consignments detected", "违规货物查出率"),
    (r"consignments seized \(a count: goods seized at the ports over the observed days, a "
     r"replication's mean\)", "查扣票数（计数：观测期内口岸查扣的货物，每次重复运行均值）"),
    (r"consignments detained \(a count, as for those seized\)", "扣留票数（计数，同查扣）"),
    (r"consignments rejected after a find \(a count, as for those seized\)",
     "查获后退运票数（计数，同查扣）"),
    # the organisation's key figures (with an organisation in the scenario), an IPR hold's cost
    (r"organisation: escalation latency \(request to decision back at the port\)",
     "海关组织架构：请示上报至批复时间均值（从提出请示到批复回到口岸）"),
    (r"organisation: goods' wait per hold that held them", "海关组织架构：每次请示暂扣平均时长"),
    (r"organisation: goods held by it \(holds a replication\)",
     "海关组织架构：因请示暂扣货物次数（每次重复运行）"),
    (r"organisation: share of ports its alerts reach", "海关组织架构：预警覆盖口岸比例"),
    (r"organisation: staff cost per year", "海关组织架构：关员年度人员成本"),
    (r"a trader's storage and demurrage for goods held for an IPR holder's reply, per "
     r"consignment so held \(part of its storage; with enforcement\.ipr\)",
     "每票等待知识产权权利人答复货物的货主仓储及滞箱费（计入其仓储费；情景设有知识产权"
     "边境保护时）"),
    # deterred or displaced: the attempts a route lost, split (sim.report.headline_moves)
    (rf"deterred or displaced, a replication's mean over the (?P<d>{_N}) observed days: ",
     "震慑与转移，每次重复运行均值（观测 {d} 天）："),
    (r"deterred or displaced, a replication's mean over the observed days: ",
     "震慑与转移，每次重复运行均值（观测期内）："),
    (rf"(?P<r>[a-z][a-z0-9_]*) (?P<x>{_N}) fewer attempts", "{r} 减少 {x} 次企图"),
    (r"(?<=次企图); (?=[a-z][a-z0-9_]* 减少)", "；"),
    (rf"; of them (?P<m>{_N}) \((?P<p>{_N}) %\) went to other routes",
     "；其中 {m} 次（{p}%）转向其他路线"),
    (rf"(?<=[0-9]), (?=[a-z][a-z0-9_]* {_N}[,)])", "、"),
    (r"(?<=转向其他路线) \((?P<l>[^()]*)\)", "（{l}）"),
    (rf" and (?P<dt>{_N}) \((?P<pc>{_N}) %\) were not tried \(deterred\)",
     "，{dt} 次（{pc}%）未实施（被震慑）"),
    (r"; the same opportunities in both \(means of the paired differences: each route's "
     r"interval is on the line before\)",
     "；两方案的走私机会数相同（配对差值的均值：各路线的置信区间见上一行）"),
    # where smuggling attempts went, route by route (a route keeps its name: a space after it)
    (r"where smuggling attempts went, a replication \(95 % CI\)",
     "走私企图去向，每次重复运行（95% 置信区间）"),
    (r"not tried \(deterred\)", "未实施（被震慑）"),
    (rf"(?:(?<=[^\x00-\x7f]) )?(?P<x>{_N}) (?P<m>fewer|more) \((?P<a>{_N}) to (?P<b>{_N})\)",
     "{m} {x}（{a} 至 {b}）"),
    (r"\. Loads a patrol turns away from one route go to others, or are not tried$",
     "。被巡查挡在某一路线之外的货物会转向其他路线，或不再尝试"),
    # (the Seizures line of a baseline with only some of the three counts measured)
    (rf"Seizures \(the baseline, a replication's mean over (?P<d>{_N}) observed days: ",
     "查扣情况（基准方案，观测 {d} 天、每次重复运行均值："),
    (rf"(?P<n>{_N}) consignments seized", "查扣 {n} 票"),
    (rf"(?P<n>{_N}) consignments detained", "扣留 {n} 票"),
    (rf"(?P<n>{_N}) consignments rejected after a find", "查获后退运 {n} 票"),
    (rf"(?P<n>{_N}) loads stopped by patrols outside the ports", "口岸外缉私巡查截获 {n} 批"),
    (r"(?<=票), (?=扣留|查获后退运|口岸外)", "，"), (r"(?<=[票批])\)", "）"),
    # (the brief's short names of the counts, after the Seizures line's own)
    (r"consignments seized", "查扣票数"), (r"consignments detained", "扣留票数"),
    (r"consignments rejected after a find", "查获后退运票数"),
    (r"loads stopped by patrols outside the ports", "口岸外缉私巡查截获批数"),
    (rf"the baseline's: (?P<n>{_N})", "基准方案：{n}"),
    (r"value of illicit goods slipping through the ports \(over the observed days, not a "
     r"year\)", "口岸漏查违规货值（观测期内合计，非年值）"),
    (r"value of illicit goods slipping through the ports, over the observed days",
     "口岸漏查违规货值（观测期内）"),
    (r"harm of illicit goods slipping through the ports, a year \(pests, disease and unsafe "
     r"food at the harm each type does, not at the goods' value\)",
     "口岸漏查违规货物的危害（年）（有害生物、疫病和不安全食品按各类危害计，而非按货值）"),
    (r"duty evaded a year \(illicit goods never found, before release or after it; the duty "
     r"rates and the hidden truth are assumptions\)",
     "偷逃税款（年）（放行前后均未被发现的违规货物；税率与真实情况均为假设）"),
    (r"duty found after release a year \(tax review, recall, post-clearance audit, whenever "
     r"the find falls due\)", "放行后查获税款（年）（税收复核、召回、稽查，按发现到期时计）"),
    (r"value slipping through in all, smuggling routes included, over the observed days",
     "漏查货值合计（含走私路线，观测期内）"),
    (r"share detected, finds after release included", "查出率（含放行后发现）"),
    (r"harm slipping through,? a year", "漏查危害（年）"),
    (r"duty evaded,? a year", "偷逃税款（年）"),
    (r"value slipping through over the observed days", "观测期内漏查货值"),
    (r"^Cost: ", "成本："),
    (r", not significant once corrected for the number of options \(Holm\)",
     "，经 Holm 多重比较校正后不显著"),
    (r"cheaper and faster at once: ", "成本更低、通关更快："),
    (r"dearer and slower at once: ", "成本更高、通关更慢："),
    (rf"(?P<tw>cost per consignment-hour saved|saving per consignment-hour added): "
     rf"(?P<y>{_N}) (?P<cur2>[A-Z]{{3}}) \(", "{tw}：{y} {cur2}（"),
    (rf"total cost per year \(agencies and traders, the value of the goods' time included\) "
     rf"(?P<x>{_N}) (?P<cur>[A-Z]{{3}}) (?P<m>less|more), (?P<h>{_N}) consignment-hours of "
     r"overall clearance a year (?P<sa>saved|added); point estimates(?P<cp>\))?",
     "年度总成本（政府部门与企业，含货物时间价值）{m} {x} {cur}，每年{sa}整体通关时间 {h} "
     "票·小时；均为点估计{cp}"),
    (rf"; the agencies' cost per year alone changes by (?P<y>{_N}) (?P<cur2>[A-Z]{{3}}) per "
     r"consignment-hour (?P<sa>saved|added)",
     "；仅政府部门年度成本，每{sa}一票·小时变化 {y} {cur2}"),
    (rf"; but the run counts no running cost of (?P<o>{_REFORMS}) \(cost_per_year not given: a "
     r"reform's own costs enter the appraisal, not the run, whose cost figures count only the "
     r"staff and equipment the model changes\)",
     "；但运行未计入 {o} 的运行成本（未给出 cost_per_year：改革本身的成本计入效益成本分析，"
     "而不计入运行；运行的成本数据只计入模型所改变的人员和设备）"),
    (rf"; bordersim appraise takes the reform library's default running cost of "
     rf"(?P<o>{_REFORMS}) \(a year: .*?; bordersim reforms NAME prices it on a scenario\)",
     "；效益成本分析对 {o} 采用改革库中的默认运行成本（见改革库中该改革的说明）"),
    (rf"; the running cost of (?P<o>{_REFORMS}) is not known \(the reform library has no "
     r"figure for the IT, licences or training it needs\): give cost_per_year \(e\.g\. "
     r"(?P<r>[A-Za-z0-9_]+):cost_per_year=\.\.\.\) for a cost-benefit(?: analysis)?, or give "
     r"it a year to bordersim appraise afterwards \(--running OPTION=AMOUNT\)",
     "；{o} 的运行成本未知（改革库中没有其所需信息系统、软件许可或培训的成本数字）：如需成本"
     "收益分析，请给出 cost_per_year（例如 {r}:cost_per_year=...），或在之后做效益成本分析时"
     "给出每年运行成本"),
    (r"traders' cost per declaration \(fees and time\)", "每份报关单企业成本（付费与时间）"),
    (r"cost per declaration, agencies and traders \(every port pooled: a parcel is one "
     r"declaration, as a sea import of several containers is; per declaration and per container "
     r"at each sea or rail port below\)",
     "每份报关单成本，政府部门与企业（全部口岸合计：一个包裹与一票多箱的海运进口同样计为一份"
     "报关单；各海运或铁路口岸的每份报关单及每箱成本见下）"),
    (r"agencies' cost per year \(staff, equipment, systems, each check's own cost and the "
     r"terminal handling the state pays for traders, the observed days scaled to a year\)",
     "政府部门年度成本（人员、设备、系统、各项查验自身成本及国家为企业承担的码头处置费，"
     "观测期折算为一年）"),
    (r"at (?P<p>[a-z0-9_]+), cost per (?P<d>import|export) declaration, agencies and traders",
     "口岸 {p}，每份{d}报关单成本（政府部门与企业）"),
    (r"cost per (?P<d>import|export) declaration, agencies and traders",
     "每份{d}报关单成本（政府部门与企业）"),
    (r"cost per (?P<d>import|export) declaration", "每份{d}报关单成本"),
    (r"cost per declaration, agencies and traders", "每份报关单成本（政府部门与企业）"),
    (r"agencies' cost per year", "政府部门年度成本"),
    (r"of which costs of no port \(overheads: patrols outside the ports, auditors, systems, "
     r"the organisation's units\), shared over the ports' declarations",
     "其中不属于任何口岸的成本（管理费用：口岸外巡查、稽查人员、系统、组织单位），"
     "在各口岸报关单间分摊"),
    (r"of which the smuggling patrols' outside the ports \(their staff, a year\)",
     "其中口岸外缉私巡查人员成本（年度）"),
    (r"of which the agencies'", "其中政府部门"),
    (r"of which the traders' \(fees and time\)", "其中企业（付费与时间）"),
    (r"per container", "每箱"),
    (r": ", "："), (r"; ", "；"),
]]
