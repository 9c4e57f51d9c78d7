"""The workshop page's words in Simplified Chinese (``bordersim dashboard --lang zh``).

Each English text of the page (as :mod:`sim.faces.dashboard` and its panes write it, with
its ``{placeholders}``) is a key of :data:`ZH`; :func:`say` gives it in the page's language.
A text with no entry is shown whole in English, never half translated. The words are those
the report and the console already use (基准方案, 方案, 重复运行, 95% 置信区间, 配对,
观测天数, 随机数种子, 海关组织架构: :mod:`sim.report.zh_phrases`, :mod:`sim.cli_zh`); a
metric is named by :func:`sim.report.translate.metric_name` beside its identifier, a reform
by :mod:`sim.report.zh_reforms`, a level or structure of the organisation by
:mod:`sim.cli_zh_tree`. Names from the scenario (ports, options) and numbers stay as they are.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.experiment.options import Option
    from sim.faces.choices import Lever, Plan, Variants
    from sim.scenario.schema import Scenario

#: the page's languages (those of the console, :data:`sim.cli_lang.LANGUAGES`)
LANGUAGES = ("en", "zh")
#: the value of the document's ``lang`` attribute in each language (read by screen readers)
HTML_LANG = {"en": "en", "zh": "zh-CN"}

_NOTE_ZH = (
    "每个数字为各次重复运行的均值，方括号内为其 95% 置信区间：在模型假设下，该数字以 95% 的"
    "置信度落在此范围内。差值在相同的模拟货物流量（相同的随机数种子）上比较方案与基准方案"
    "（配对）。* 表示其置信区间不含 0：变化显著。没有 * 的变化无法与各次运行之间的随机波动"
    "区分。变化显著不等于变化重要：请看其大小（以小时计的小变化同时以分钟给出）。"
)

#: the results' note, in plain words for a room that has never met an interval; it and the
#: intervals are in the page's own text size (12 pixels), not in <small>: 10 pixels cannot
#: be read on a projected page from the back of a room
FULL_NOTE = (
    "Each figure is the mean over the replications, with its 95 % interval in brackets: the "
    "range it lies in, with 95 % confidence, given the model's assumptions. The difference "
    "compares option and baseline on the same simulated traffic (the same seeds). * its "
    "interval leaves out 0: a clear change. Without *, the change cannot be told apart from "
    "the chance variation between runs. A clear change is not necessarily one that matters: "
    "read its size (a small one in hours is also given in minutes)."
)
LEVERS_NOTE = (
    "With no option ticked, the levers are the option. With options ticked, they set "
    "the scenario both sides start from, the baseline included; an option keeps its own "
    "value where it sets what a lever sets."
)
#: what the table of the runs so far shows, and when two of its rows compare
HISTORY_NOTE = (
    "Each cell: the baseline's mean, the option's, and the option minus the baseline with its "
    "95 % interval (* clear of 0). Compare runs only on the same baseline, replications, "
    "observed days and seed: then they ran on the same simulated traffic."
)
#: what the side-by-side of two runs shows, when they ran on the same traffic
PAIRS_NOTE = (
    "The two runs ran on the same simulated traffic from the same baseline (same scenario, "
    "seed, replications, observed days and levers under the baseline): the last column is run "
    "B's option minus run A's, paired replication by replication, with its 95 % interval "
    "(* clear of 0)."
)
#: why the side-by-side of two runs gives no difference (``why``: the settings that differ)
UNPAIRED_NOTE = (
    "No paired difference: the two runs did not start from the same baseline on the same "
    "simulated traffic ({why}). Run them again with the same scenario, seed, replications, "
    "observed days and levers under the baseline to compare them paired."
)
QUICK_NOTE = "One replication each, same seed: no interval yet. The full run follows."
#: said before a failed replication's Python error, which follows as Python gives it
PYTHON_ERROR = (
    "The run stopped on a Python error. Its text follows as Python gives it, in English (an "
    "error's message is made as the program runs: it cannot be translated in general):"
)
#: said before the Python error an animation stopped on (drawing the port failed)
ANIMATION_ERROR = (
    "The animation stopped on a Python error. Its text follows as Python gives it, in "
    "English (an error's message is made as the program runs: it cannot be translated in "
    "general):"
)

#: said on a reform's option that changes the scenario only at other strengths than its
#: defaults (:func:`sim.faces.choices.idle_at_default`), by why not at them; in the words of
#: the note on a typed strength that makes the default's option (``strength_as_default``)
IDLE_AT_DEFAULT = {
    "other": "at its default strengths it changes nothing in this scenario (the scenario "
             "already has as much or more, or nothing it acts on): set a strength to run it",
    "refused": "at its default strengths it cannot apply to this scenario (the scenario "
               "refuses the values it writes): set a strength to run it",
}

#: English text of the page -> its Chinese (placeholders as in the English)
ZH: dict[str, str] = {
    "bordersim: baseline and option side by side": "bordersim：基准方案与方案对比",
    "bordersim": "bordersim 改革研讨",
    "Choose": "选择", "Levers": "调节杆", "Options": "方案（改革措施）",
    "Watch a port": "观看口岸", "The organisation": "海关组织架构",
    "Scenario": "情景", "Seed": "随机数种子", "Replications": "重复运行次数",
    "Observed days": "观测天数", "the scenario's": "情景自身的", "Run": "运行",
    "Progress": "进度", "Port": "口岸", "Animate one day (option)": "动画演示一天（方案）",
    "Choose options and press Run.": "请选择方案，然后点击“运行”。",
    "none apply to this scenario": "没有适用于此情景的方案",
    LEVERS_NOTE: (
        "未勾选任何方案时，调节杆即为方案。勾选方案后，调节杆设定双方（包括基准方案）的"
        "起始情景；方案设定了调节杆所设定的内容时，保留方案自己的取值。"),
    QUICK_NOTE: "每方一次重复运行，随机数种子相同：尚无置信区间。完整运行随后进行。",
    PYTHON_ERROR: (
        "运行因 Python 程序错误而中止。以下是该错误的英文原文，照录未译（程序错误的信息在运行"
        "时生成，一般无法翻译）："),
    ANIMATION_ERROR: (
        "动画因 Python 程序错误而中止。以下是该错误的英文原文，照录未译（程序错误的信息在运行"
        "时生成，一般无法翻译）："),
    FULL_NOTE: _NOTE_ZH,
    "interval clear of 0": "置信区间不含 0",
    ", a clear change: its interval leaves out 0": "，变化显著：其置信区间不含 0",
    "measure": "指标", "baseline": "基准方案", "option": "方案",
    "option − baseline (paired)": "与基准方案之差（配对）",
    "Baseline": "基准方案", "Option": "方案", "baseline and option": "基准方案和方案",
    "not steady-state: read its figures with care (biased low, or a lower bound)":
        "非稳态：请谨慎解读其数据（偏低，或仅为下限）",
    "read with the warnings below": "请结合下列警告解读",
    "{n} warning": "{n} 条警告", "{n} warnings": "{n} 条警告",
    "First look: one short replication a side (2 days from an empty port: rough)":
        "初步结果：每方一次短时重复运行（从空口岸开始运行 2 天：仅供粗略参考）",
    "Full run: {reps} replications a side": "完整运行：每方 {reps} 次重复运行",
    "The run failed: {why}": "运行失败：{why}",
    "Full run done: {reps} replications a side. The table and the chart in words are below "
    "the first look.": "完整运行已完成：每方 {reps} 次重复运行。表格和以文字说明的图表"
                       "在初步结果下方。",
    "{sides} gave warnings: read them above the numbers.": "{sides}有警告：请阅读数字上方的警告。",
    "First look ready: one short replication a side. The full run goes on.":
        "初步结果已出：每方一次短时重复运行。完整运行继续进行。",
    "Running: a first look in a few seconds, then the full run.":
        "正在运行：几秒钟后给出初步结果，然后进行完整运行。",
    "Cannot run": "无法运行", "No tree": "无组织架构图", "Cannot animate": "无法演示",
    "running the first look": "正在运行初步结果", "running the full simulation": "正在运行完整模拟",
    "done": "已完成", "failed": "失败",
    "{done} of {total} replications, {elapsed} s": "已完成 {done}/{total} 次重复运行，{elapsed} 秒",
    "{done} of {total} replications run, {reused} reused, {elapsed} s":
        "已完成 {done}/{total} 次重复运行，另有 {reused} 次沿用基准方案的结果，{elapsed} 秒",
    "drawing one day of the port...": "正在绘制口岸的一天……",
    "Inspection rate (x scenario)": "查验率（情景值的倍数）",
    "AI auto-clear share": "AI 自动放行比例", "Staff (x scenario)": "人员（情景值的倍数）",
    "nothing to act on in this scenario": "此情景中没有可作用的对象",
    # the runs so far (:mod:`sim.faces.history`)
    "Runs so far on this page": "本页面已完成的运行",
    "run": "运行", "setting": "设置",
    "{reps} replications, observed days: {days}, seed {seed}":
        "{reps} 次重复运行，观测天数：{days}，随机数种子 {seed}",
    HISTORY_NOTE: (
        "每格依次为基准方案的均值、方案的均值，以及方案减基准方案之差及其 95% 置信区间"
        "（* 表示置信区间不含 0）。只有基准方案、重复运行次数、观测天数和随机数种子都相同的"
        "运行才可相互比较：它们模拟的是相同的货物流量。"),
    # the runs so far on one chart (:mod:`sim.faces.runs_chart`)
    "as it is": "原样", "customs clearance, imports": "海关通关，进口",
    "customs clearance, exports": "海关通关，出口", "overall clearance, imports": "整体通关，进口",
    "{what}: {baseline} with the baseline, {option} with the option":
        "{what}：基准方案 {baseline}，方案 {option}",
    "Bar chart of the runs so far, a panel per clearance time: each run's baseline plain and "
    "its option hatched, with 95 % ranges; the list below gives every bar in words":
        "本页面已完成的运行的条形图，每种通关时间一栏：各次运行的基准方案为实心条，方案为斜线条，"
        "附 95% 置信区间；图下的列表逐条给出每个条形的数值",
    # the runs so far as a CSV file (:mod:`sim.faces.export`)
    "Download the runs so far (CSV, for Excel: every row of each run's table, unrounded)":
        "下载本页面已完成的运行（CSV 文件，可用 Excel 打开：每次运行表格的全部行，未经舍入）",
    # two runs side by side (:mod:`sim.faces.pairs`)
    "Two runs side by side": "两次运行对比", "Run A": "运行 A", "Run B": "运行 B",
    "run {n}": "运行 {n}", "run {n}: option": "运行 {n}：方案",
    "run {b} − run {a} (paired)": "运行 {b} 减运行 {a}（配对）",
    "run {b} − run {a}": "运行 {b} 减运行 {a}",
    "Choose two different runs.": "请选择两次不同的运行。",
    "one of the runs kept no replications": "其中一次运行未保留各次重复运行的结果",
    "{what}: {a} against {b}": "{what}：{a} 对 {b}",
    "scenario": "情景", "seed": "随机数种子", "replications": "重复运行次数",
    "observed days": "观测天数",
    PAIRS_NOTE: (
        "两次运行从相同的基准方案出发，模拟的是相同的货物流量（情景、随机数种子、重复运行次数、"
        "观测天数和基准方案的调节杆均相同）：最后一列为运行 B 的方案减运行 A 的方案，逐次重复"
        "运行配对相减，附 95% 置信区间（* 表示置信区间不含 0）。"),
    UNPAIRED_NOTE: (
        "无配对差值：两次运行并非从相同的基准方案出发模拟相同的货物流量（{why}）。请以相同的"
        "情景、随机数种子、重复运行次数、观测天数和基准方案的调节杆重新运行，再作配对比较。"),
    "{lever} in the baseline": "基准方案的{lever}", "the scenario's value": "情景自身的取值",
    # the chosen scenario said under its name (:mod:`sim.faces.about`)
    "Ports": "口岸",
    "The scenario's own run: {days:g} observed days, after {warmup:g} days of warm-up":
        "情景自身的运行：预热 {warmup:g} 天后观测 {days:g} 天",
    # the animated port's controls and its words (:mod:`sim.faces.player`)
    "30 min": "30 分钟", "Pause the animation": "暂停动画", "Play the animation": "播放动画",
    "\u25c0 {step} earlier": "\u25c0 后退 {step}", "{step} later \u25b6": "前进 {step} \u25b6",
    "frame {at} of {n}": "第 {at} 帧，共 {n} 帧",
    "Animation of one day at {port} ({what}): each lane's queue and busy servers, every 30 "
    "minutes of simulated time": "{port} 一天的动画（{what}）：每 30 分钟模拟时间，各作业线的"
                                 "排队和正在作业的窗口",
    "{scenario} with {options}": "{scenario}，方案 {options}",
    "{scenario} as it is": "{scenario}（原样）",
    # what a side ran (:func:`side_labels`): a lever's value as a run's title names it
    "inspection rate x{value:g}": "查验率 x{value:g}",
    "AI auto-clear share {value:g}": "AI 自动放行比例 {value:g}",
    "staff x{value:g}": "人员 x{value:g}",
    "{scenario} with {levers}": "{scenario}，调节杆：{levers}",
    "{option} on that baseline": "{option}（在上述基准方案之上）",
    "the baseline again (nothing switched on or moved)":
        "仍为基准方案（未勾选方案，也未移动调节杆）",
    IDLE_AT_DEFAULT["other"]: ("按默认强度，它在此情景中不改变任何内容（情景原有的取值已不低于它，"
                               "或情景中没有它作用的部分）：请设定强度后再运行"),
    # a figure the same in every replication (:mod:`sim.faces.zero`)
    "no change in any replication": "各次重复运行均无变化",
    ("{n} of the {m} figures below are the baseline's to the last digit in every "
     "replication: their 0 is no measured effect of the option"):
        "下表 {m} 项数据中有 {n} 项在每次重复运行中都与基准方案完全相同：其 0 并非测得的方案效果",
    ("the option widened {lanes}, where no consignment waited in any replication of "
     "either side: an extra server there had no queue to shorten in the observed days"):
        ("方案扩充了 {lanes}，而双方的各次重复运行中都没有货物在此等待：观测天数内，增加的"
         "窗口没有排队可以缩短"),
    "{lane} (busy {busy})": "{lane}（繁忙 {busy}）",
    "{lane} at {port}": "口岸 {port} 的{lane}",
    ("the run is short ({days:g} observed days): a busier spell may not fall in it; "
     "try Observed days {suggest}"):
        "运行较短（观测 {days:g} 天）：可能未遇到较繁忙的时段；请尝试观测天数 {suggest}",
    "more Replications may meet a busier spell": "增加重复运行次数可能遇到较繁忙的时段",
    # the first look's (one short replication a side)
    "no change": "无变化",
    ("{n} of the {m} figures below are the baseline's to the last digit in this one short "
     "replication: their 0 is no measured effect of the option"):
        "下表 {m} 项数据中有 {n} 项在这一次短时运行中与基准方案完全相同：其 0 并非测得的方案效果",
    "the full run, longer and with more replications, may meet a busier spell":
        "完整运行时间更长、重复运行次数更多，可能遇到较繁忙的时段",
    IDLE_AT_DEFAULT["refused"]: ("按默认强度，它无法用于此情景（情景不接受它写入的取值）：请设定"
                                 "强度后再运行"),
}


def say(lang: str, english: str, **values: object) -> str:
    """``english`` (a key of :data:`ZH`, or the text itself) in ``lang``, its placeholders
    filled in; in English, whole, where :data:`ZH` has no entry."""
    text = ZH.get(english, english) if lang == "zh" else english
    return text.format(**values) if values else text


def metric_label(metric: str, english: str, lang: str, currency: str = "USD") -> str:
    """A results row's heading (HTML): the English label; in Chinese the metric's Chinese
    name and unit (as ``compare --lang zh`` writes them) beside its identifier (the English
    label whole where the glossary has no name)."""
    if lang == "zh":
        from sim.cli_zh import unit
        from sim.experiment.compare import metric_unit
        from sim.report.translate import metric_name

        zh = metric_name(metric)
        if zh is not None:
            said = f"{zh}（{unit(metric_unit(metric).replace('currency', currency))}）"
            return f'{html.escape(said)} <span class="bs-metric-id">{html.escape(metric)}</span>'
    return html.escape(english)


#: the options of the page written here, not taken from the reform library
_OPTIONS = {
    "sea_scanner": "海运口岸增加一台 H986 机检设备（4 台而非 3 台）",
    "ai_clear_90": "海运口岸的 AI 审图自动放行其所审图像的 90%",
    "dumbbell": "哑铃型：总署的中心直达一线，各岗位人数相同（改革 dumbbell）",
}


def option_label(option: Option, lang: str, values: Mapping[str, Any] | None = None,
                 idle: str = "") -> str:
    """An option's words beside its tick box: its name, then what it does (in Chinese the
    reform library's mechanism, :mod:`sim.report.zh_reforms`; in English where it has none)
    and the strengths it runs at (``values``: those typed on the page, else the defaults).
    ``idle``: why its defaults do not act on the page's scenario (a key of
    :data:`IDLE_AT_DEFAULT`), said while no strength is typed."""
    said = _option_words(option, lang, values)
    if not idle or values:
        return said
    return f"{said}{'。' if lang == 'zh' else '; '}{say(lang, IDLE_AT_DEFAULT[idle])}"


def _option_words(option: Option, lang: str, values: Mapping[str, Any] | None) -> str:
    english = f"{option.name}: {option.label()}"
    if values and option.reform:
        from sim.faces.choices import own_strengths
        from sim.reforms import REFORMS

        at = ", ".join(f"{k}={v}" for k, v in own_strengths(option.reform, values).items())
        english = (f"{option.name}: {REFORMS[option.reform].mechanism} (reform "
                   f"{option.reform} at {at})")
    if lang != "zh":
        return english
    if option.name in _OPTIONS:
        return f"{option.name}：{_OPTIONS[option.name]}"
    if option.reform:
        from sim.reforms import REFORMS
        from sim.report.zh_reforms import mechanism

        reform = REFORMS.get(option.reform)
        zh = mechanism(option.reform, reform.mechanism) if reform else None
        if zh is not None:
            said = _strengths_zh(option.reform, values)
            return f"{option.name}：{zh}（改革 {option.reform}{said}）"
    return english


def _strengths_zh(reform: str, values: Mapping[str, Any] | None = None) -> str:
    """A library reform's own strengths as its option's label names them, each with its
    meaning in Chinese (:mod:`sim.report.zh_strengths`; without it where it has none)."""
    from sim.faces.choices import own_strengths
    from sim.reforms import REFORMS
    from sim.report.zh_reforms import UNTRANSLATED
    from sim.report.zh_strengths import strength

    said = []
    for k, v in own_strengths(reform, values).items():
        meaning = strength(reform, k, REFORMS[reform].params[k].doc)
        said.append(f"{k}={v}" + ("" if meaning.startswith(UNTRANSLATED) else f"：{meaning}"))
    return f"，强度 {'；'.join(said)}" if said else ""


_AT = re.compile(r"at (?P<ports>[^;]+)")
_KEEPS = re.compile(r"(?P<port>\S+) keeps its (?P<value>\S+)")


def lever_label(lever: Lever, scenario: Scenario, lang: str) -> str:
    """A lever's label for ``scenario`` (:meth:`~sim.faces.choices.Lever.slider_label`) in
    ``lang``; in English, whole, where a part of it has no Chinese."""
    english = lever.slider_label(scenario)
    name = say(lang, lever.label)
    if lang != "zh" or name == lever.label:
        return english
    reach = lever.reach(scenario)
    if reach is None:
        return f"{name}（{say(lang, 'nothing to act on in this scenario')}）"
    where = _reach_zh(reach)
    return english if where is None else name + where


def _reach_zh(reach: str) -> str | None:
    """Where a lever acts (``at a, b; c keeps its 0.9``) in Chinese, in brackets ("" for
    everywhere; None: a part of it has no Chinese)."""
    if not reach:
        return ""
    parts = []
    for part in reach.split("; "):
        at, keeps = _AT.fullmatch(part), _KEEPS.fullmatch(part)
        if at:
            parts.append(f"作用于 {at['ports']}")
        elif keeps:
            parts.append(f"{keeps['port']} 保持其 {keeps['value']}")
        else:
            return None
    return f"（{'；'.join(parts)}）"


def side_labels(plan: Plan, pair: Variants, lang: str) -> dict[str, str]:
    """What each side ran, in words (:attr:`~sim.faces.choices.Variants.baseline_label`,
    ``option_label``) in ``lang``; a side whose every lever value has no Chinese is said whole
    in English."""
    english = {"baseline": pair.baseline_label, "option": pair.option_label}
    if lang != "zh":
        return english
    from sim.faces.choices import LEVERS

    said = []
    for name, value, reach in pair.levers_said:
        says, where = LEVERS[name].says, _reach_zh(reach)
        if says not in ZH or where is None:
            return english
        said.append(say(lang, says, value=value) + where)
    levers = "；".join(said)
    if not plan.options:
        return {"baseline": plan.scenario, "option": levers or say(
            lang, "the baseline again (nothing switched on or moved)")}
    from sim.faces.choices import option_catalogue
    from sim.faces.strengths import options_named

    name = options_named(plan.options, plan.strengths, option_catalogue(), lang)
    return {"baseline": say(lang, "{scenario} with {levers}", scenario=plan.scenario,
                            levers=levers) if said else plan.scenario,
            "option": say(lang, "{option} on that baseline", option=name) if said else name}


def reason(lang: str, text: str) -> str:
    """Why the page cannot do something (a refusal, a scenario's problems one a line, a failed
    replication) in ``lang``: as given in English; in Chinese each line through the console's
    translation (:func:`sim.cli_zh_errors.problem`: whole in English, marked, where it has no
    Chinese)."""
    if lang != "zh":
        return text
    from sim.cli_zh_errors import problem

    return "\n".join(problem(part) for part in text.split("\n"))


def python_error(lang: str, text: str, lead: str = PYTHON_ERROR) -> str:
    """A failed replication's Python error (``ValueError: ...``) in ``lang``: in English as
    Python gives it; in Chinese through the console's translation where it knows every line
    (a refusal of bordersim's own), else after a Chinese lead-in saying that the run stopped
    on this error and that its English text follows verbatim (an exception's message is made
    at run time: it cannot be translated in general). ``lead``: what stopped (the run, or
    :data:`ANIMATION_ERROR`: the animated port's drawing)."""
    if lang != "zh":
        return text
    from sim.cli_zh_options import UNTRANSLATED

    said = reason(lang, text)
    if UNTRANSLATED not in said:
        return said
    return f"{say(lang, lead)}\n{text}"
