"""``bordersim appraise --lang zh``: the business case's lines in Chinese (净现值, 折现率,
效益, 成本, 回收期), from the same table, terms and figures as the English lines of
:func:`sim.experiment.appraisal_folder.lines`: each figure is that function's own rendering
of it (``never`` and ``n/a`` said in words); an option, a currency and a file keep their
names. ``--json``, ``appraisal.csv`` and ``appraisal.json`` stay English."""

from __future__ import annotations

import math
from typing import Any

#: each figure of :data:`sim.experiment.appraisal.FIGURES` in Chinese (a test keeps the keys
#: equal); the metrics' terms are those of :mod:`sim.report.zh_metrics`
FIGURES = {
    "setup_cost": "一次性建设成本（第 0 年，政府承担）",
    "equipment_outlay": "设备投资变化（第 0 年，政府承担）",
    "equipment_residual_value": ("设备在评估期末以后仍可服务部分的现值（残值；小于 0 时为期内的"
                                 "更新重置）"),
    "running_cost_per_year": "政府部门年度运行成本变化（政府承担）",
    "running_cost_given_per_year": "其中在效益成本分析时加上的每年运行成本（模型未计入的 IT、许可"
                                   "、人员）",
    "cash_saving_per_year": "政府每年节省的现金（运行成本的减少，即支付的岗位或班次减少、加班减少、"
                            "运行成本和按次检查成本降低）",
    "capacity_freed_per_year": "每年释放的人员能力，按其成本计（不再需要但仍需支付的关员工时，"
                               "除非裁减岗位，不是现金）",
    "capacity_freed_hours_per_year": "其中释放的人·小时",
    "trader_saving_per_year": "企业每年节省（费用及货物时间价值）",
    "time_saving_per_year": "其中货物时间价值",
    "net_benefit_per_year": "每年净效益（企业节省减运行成本变化）",
    "budget_present_value": "政府支出现值（建设、设备、运行）",
    "trader_present_value": "企业节省现值",
    "net_present_value": "净现值（企业节省减政府成本）",
    "hours_saved_per_year": "每年节省的整体通关时间",
    "budget_per_hour_saved": "每节省 1 票·小时的政府等值年成本",
    "finds_gained_per_year": "每年放行前多查获的违规报关单",
    "budget_per_extra_find": "每多查获 1 份违规报关单的政府等值年成本",
    "revenue_protected_per_year": "每年少偷逃的税款（不计入净现值）",
    "harm_avoided_per_year": "每年少漏查的违规货物危害（不计入净现值）",
    "payback_years": "折现后净效益收回第 0 年成本所需年数（回收期）",
}
#: the report's rows saying where an option's cost came from
#: (:data:`sim.report.appraisal_section.SOURCE_ROWS`), in Chinese
SOURCE_ROWS = {"setup_cost": "建设成本的来源",
               "running_cost_given_per_year": "所加运行成本的来源"}
#: the units of the figures not in money (:data:`sim.experiment.appraisal_folder.NOT_MONEY`)
UNITS = {"consignment-hours a year": "票·小时/年", "years": "年",
         "declarations a year": "份报关单/年", "head-hours a year": "人·小时/年"}
#: whether the NPV counts the staff capacity freed
#: (:func:`sim.experiment.appraisal_folder.capacity_line`), in Chinese
CASH_ONLY = ("净现值只计现金：释放的人员能力（不再需要但仍需支付的关员工时）单独列出，不计入净"
             "现值；--count-freed-capacity 将其作为节省计入，相当于裁减了相应岗位")
RESIDUAL_APART = ("设备在第 0 年一次性支付、期内不更新：其评估期末以后的残值（小于 0 时为期内的"
                  "更新重置）单独列出，不计入净现值；--count-residual-value 将其计入")
RESIDUAL_COUNTED = ("政府承担的成本计入设备在评估期末以后的残值（小于 0 时为期内的更新重置："
                    "--count-residual-value）")
CAPACITY_COUNTED = ("净现值将释放的人员能力作为节省计入（--count-freed-capacity），相当于裁减"
                    "了其释放的岗位：若不裁减，这些关员仍需支付")
#: the English words of a figure (``figure_text``'s) said in Chinese
_WORDS = {"never": "期内不回收", "n/a": "无", "at once": "立即回收",  # (at once: a cell's)
          "not known": "未知（没有建设成本）"}  # (a cell's: a reform of no set-up figure)
#: a payback of 0 years (:data:`sim.experiment.appraisal_folder.AT_ONCE`) in words
AT_ONCE = "立即回收（第 0 年没有需要收回的成本）"
#: the line before the comparison's warnings and notes (each as the console says it in Chinese)
CAVEATS = "比较运行时给出的警告和说明（warning-records.json）对本效益成本分析同样适用："
#: what year 0 and the years after it hold (the report's note says it too)
YEARS = "第 0 年：建设成本和设备投资；第 1 年起：运行成本和企业节省。"
NOTE = (YEARS + "回收期为“期内"
        "不回收”表示在分析期限内收不回成本；若节省的通关时间（多查获的违规报关单）的置信"
        "区间包含 0，则每节省 1 票·小时（每多查获 1 份）的成本的置信区间为“无”"
        "；政府多花钱换来更多（或少花钱而有所放弃：通关时间或查获数低于 0）时，该比值为"
        "正。税款和危害不计入净现值。每年的数字按情景本身的货运量计算：情景货运量经过缩小"
        "时（默认情景为一个码头的货运量），全国性的建设成本须按这些口岸所占份额给出。已写"
        "出：appraisal.csv、appraisal.json（bordersim"
        " report 可显示）。")


#: appraise's refusals (:mod:`sim.cli_appraise`, :mod:`sim.experiment.appraisal_folder`):
#: each English reason, whole, and its Chinese, read by :mod:`sim.cli_zh_errors`
ERRORS: tuple[tuple[str, str], ...] = (
    (r"--years (?P<v>.+): a whole number of years 1 to (?P<most>\d+)",
     "--years {v}：应为 1 至 {most} 的整数年数"),
    (r"--discount-rate (?P<v>.+): a share 0 to (?P<most>\S+) \(8 % is 0\.08\)",
     "--discount-rate {v}：应为 0 至 {most} 的比例（8% 写作 0.08）"),
    (r"--time-value-scale (?P<v>.+): 0 or more", "--time-value-scale {v}：应不小于 0"),
    (r"--(?P<flag>setup|running) (?P<v>.+): not OPTION=AMOUNT \(its options: (?P<known>.*)\)",
     "--{flag} {v}：格式应为 OPTION=AMOUNT（方案名=金额；其方案：{known}）"),
    (r"--(?P<flag>setup|running) (?P<v>.+): no option (?P<name>'[^']*') in (?P<folder>.+) "
     r"\(its options: (?P<known>.*)\)",
     "--{flag} {v}：{folder} 中没有方案 {name}（其方案：{known}）"),
    (r"--(?P<flag>setup|running) (?P<v>.+): a cost is 0 or more", "--{flag} {v}：成本应不小于 0"),
    (r"--running (?P<v>.+): option (?P<name>\S+)'s comparison already counts a running cost "
     r"beyond the baseline's \(costs\.systems: (?P<items>.+); a reform's cost_per_year\); "
     r"give it one way only",
     "--running {v}：方案 {name} 的比较已计入超出基准方案的运行成本（costs.systems：{items}；"
     "即改革的 cost_per_year）；只能以一种方式给出，以免重复计算"),
    (r"--count-freed-capacity: (?P<folder>.+) has no (?P<metric>\S+) \(a comparison made "
     r"before it was measured\); run bordersim compare again to count the capacity freed",
     "--count-freed-capacity：{folder} 中没有 {metric}（该比较早于此项的测量）；请重新运行 "
     "bordersim compare，才能计入释放的人员能力"),
    (r"(?P<what>--[\w-]+(?: [^\s=]+)?) (?P<v>\S*): not a number",
     "{what} {v}：不是数字"),
    (r"(?P<what>--[\w-]+(?: [^\s=]+)?) (?P<v>\S*): not a finite number",
     "{what} {v}：不是有限的数字"),
    (r"(?P<file>.+): not found; appraise reads a comparison's results folder \(bordersim "
     r"compare\)", "{file}：找不到；appraise 读取的是 bordersim compare 的结果文件夹"),
    (r"(?P<file>.+): one option's folder of a comparison; give the comparison's folder "
     r"\((?P<whole>.+)\)", "{file}：这是比较中某一方案的文件夹；请给出比较的文件夹（{whole}）"),
    (r"(?P<file>.+): not found; appraise reads the baseline's scenario",
     "{file}：找不到；appraise 要读取基准方案的情景"),
    (r"(?P<file>.+): no column (?P<cols>.+); an appraisal needs the cost metrics of a "
     r"scenario with a \[costs\] section",
     "{file}：缺少列 {cols}；效益成本分析需要含 [costs] 部分的情景的成本指标"),
    (r"(?P<file>.+): needs the baseline's replications and an option's",
     "{file}：需要基准方案和至少一个方案的重复运行结果"),
    (r"(?P<file>.+): no costs\.discount_rate; give --discount-rate",
     "{file}：没有 costs.discount_rate；请给出 --discount-rate"),
    (r"(?P<file>.+) is of (?P<n>\d+) replications of (?P<option>\S+), the folder now holds "
     r"(?P<m>\d+): run (?P<again>bordersim appraise .+) again \(the terms it was given, "
     r"from appraisal\.json\) before making the workbook",
     "{file} 基于方案 {option} 的 {n} 次重复运行，而文件夹中现有 {m} 次：请先重新运行 "
     "{again}（即原来给定的条件，取自 appraisal.json），再生成工作簿"),
    (r"--cost-range (?P<v>.+): not INPUT=LOW:HIGH \(its inputs: (?P<known>.*)\)",
     "--cost-range {v}：格式应为 INPUT=LOW:HIGH（INPUT 为输入名，LOW、HIGH 为下限和上限；"
     "其输入：{known}）"),
    (r"--cost-range (?P<v>.+): LOW 0 or more, at most (?P<c>\S+), HIGH at least "
     r"(?P<c2>\S+) and at most (?P<most>\S+)",
     "--cost-range {v}：下限应不小于 0 且不大于 {c}，上限应不小于 {c2} 且不大于 {most}"),
    (r"--cost-range (?P<v>.+): LOW 0 or more, at most (?P<c>\S+), HIGH at least (?P<c2>\S+)",
     "--cost-range {v}：下限应不小于 0 且不大于 {c}，上限应不小于 {c2}"),
    (r"(?P<file>.+): no records list; it is not what bordersim writes",
     "{file}：缺少警告记录列表，不是 bordersim 写出的文件"),
)


def errors_said(words: dict[str, str]) -> dict[str, str]:
    """A refusal's parts as written: values, options, files and flags stay as given; a
    running cost's "a year" said in Chinese."""
    if "items" in words:
        return {**words, "items": words["items"].replace(" a year", "/年")}
    return words


def lines(table: Any, ask: Any, folder: Any) -> list[str]:
    """The appraisal as Chinese text, line for line as the English: the terms, each option's
    figures with their intervals, then how to read them."""
    from sim.cli_zh import money
    from sim.experiment.appraisal_defaults import said as said_defaults
    from sim.experiment.appraisal_defaults import unknown_said
    from sim.experiment.appraisal_folder import NOT_MONEY, figure_text, interval_text
    from sim.experiment.appraisal_sources import cost_sources, labelled

    out = [terms(str(ask.years), f"{ask.discount_rate:g}",
                 money(folder.money) if folder.money else "",
                 "" if ask.time_value_scale == 1 else f"{ask.time_value_scale:g}")]
    if folder.carried is not None:
        out.append(folder.carried.said_zh())
    out.append(CAPACITY_COUNTED if ask.count_capacity else CASH_ONLY)
    out.append(RESIDUAL_COUNTED if ask.count_residual else RESIDUAL_APART)
    sources = cost_sources(ask, folder)
    for name in folder.options:
        out.append(f"{name}：")
        for r in table[table["option"] == name].to_dict("records"):
            mean = float(r["mean"])
            unit = "" if not math.isfinite(mean) else UNITS.get(
                NOT_MONEY.get(str(r["figure"]), ""), "")  # (none after 期内不回收 or 无)
            shown = said(figure_text(mean)) + (f" {unit}" if unit else "")
            if r["figure"] == "payback_years" and mean == 0:
                shown = AT_ONCE
            if r["figure"] == "payback_years" and name in ask.unknown:
                shown = unknown_said(name, ask.unknown[name], zh=True)
            interval = interval_text(float(r["ci_low"]), float(r["ci_high"]))
            words = labelled(str(r["figure"]), FIGURES[str(r["figure"])], sources[name], zh=True)
            out.append(f"  {words}：{shown}（{_said_interval(interval)}）")
        if name in folder.defaults.priced:
            out.append("  " + said_defaults(name, folder.defaults.priced[name], zh=True,
                                                  given=ask.given(name)))
    if folder.notes:
        from sim.cli_lang import line

        out.append(CAVEATS)
        out += [line(text, "zh") for text in folder.notes]
    out.append(NOTE)
    return out


def terms(years: str, rate: str, money: str, scale: str) -> str:
    """The appraisal's terms in Chinese, each figure as given (no currency: the scenario's;
    no scale: the value of time as it is); the report's business case note says them too."""
    return (f"与基准方案相比的效益成本分析：期限 {years} 年，折现率 {rate}；"
            f"金额单位：{money or '情景所用币种'}；"
            "各项为重复运行的均值及 95% 置信区间（与基准方案配对）"
            + (f"；货物时间价值 × {scale}" if scale else ""))


def said(shown: str) -> str:
    """A figure as the English shows it, its words (``never``, ``n/a``, ``at once``) in Chinese."""
    return _WORDS.get(shown, shown)


def _said_interval(english: str) -> str:
    """``95 % CI 1 to 2`` (or ``95 % CI none``) in Chinese, its bounds as printed."""
    bounds = english.removeprefix("95 % CI ")
    if bounds == "none":
        return "95% 置信区间：无"
    low, high = bounds.split(" to ")
    return f"95% 置信区间 {said(low)} 至 {said(high)}"
