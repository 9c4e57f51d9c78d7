"""The sentences of a paper's table (``bordersim paper-table``, ``bordersim tornado``) in
Simplified Chinese: its caption, the notes under it (the caveat on few replications, the cut
mark, each row's definition, a reform's sources and default costs, a tornado's ranges) and
the assumptions table's cells. Each is a pattern of the sentence its builder writes
(:mod:`sim.report.paper_table`, :mod:`sim.report.paper_sweep`,
:mod:`sim.report.paper_gains`, :mod:`sim.report.paper_assumptions`,
:mod:`sim.report.paper_tornado`, :mod:`sim.report.paper_caveat`), its figures and names
carried over as written; one no pattern knows is kept whole in English, marked."""

from __future__ import annotations

import re
from collections.abc import Callable

from sim.report.zh_reforms import UNTRANSLATED

_DAYS = r"(?P<{0}>[0-9.]+) days?"
_HOLM = "* 表示经 Holm 多重比较校正（{n} 个{what}）后在 5% 水平显著"
#: a caption's sentences: English pattern -> Chinese (``{name}``: the pattern's group)
CAPTIONS: tuple[tuple[str, str], ...] = (
    (r"Scenario (?P<s>.+?): mean and 95 % Student-t interval over (?P<reps>\d+(?: to \d+)?) "
     r"replications per option, " + _DAYS.format("days") + " observed after "
     + _DAYS.format("warm") + r" of warm-up; each option's change from the baseline is "
     r"paired \(the same seeds\), \* significant at 5 % after Holm's correction for "
     r"(?P<n>\d+) options?\.",
     "情景 {s}：各方案 {reps} 次重复运行的均值及 95% Student-t 置信区间，预热期 {warm} 天后"
     "观测 {days} 天；各方案与基准方案之差按重复运行配对（随机种子相同），"
     + _HOLM.replace("{what}", "方案") + "。"),
    (r"Scenario (?P<s>.+?), (?P<pts>\d+) points of a sweep: each point's mean and 95 % "
     r"Student-t interval over (?P<reps>\d+) replications, " + _DAYS.format("days")
     + " observed after " + _DAYS.format("warm") + r" of warm-up\.",
     "情景 {s}，参数扫描的 {pts} 个扫描点：各点 {reps} 次重复运行的均值及 95% Student-t 置信"
     "区间，预热期 {warm} 天后观测 {days} 天。"),
    (r" Under each point after the first, its change from point 0, paired \(the same seeds "
     r"at every point\), \* significant at 5 % after Holm's correction for (?:the )?"
     r"(?P<n>\d+) points?, outcome by outcome\.",
     "第一个扫描点之后，各点下方为其与扫描点 0 之差，按重复运行配对（各点使用相同的随机种子），"
     + _HOLM.replace("{what}", "扫描点，逐个结果指标") + "。"),
    (r" The points are a sampled design \(--lhs or --sobol\): point 0 is a sample like the "
     r"others, not a baseline, so no change from it is given\.",
     "各扫描点为抽样设计（--lhs 或 --sobol）：扫描点 0 与其他各点一样只是一个样本，"
     "不是基准，故不给出与它之差。"),
    (r" Money in (?P<cur>[A-Z]{3}|currency) at (?P<y>\d{4}) prices\.",
     "货币单位：{cur}（{y} 年价格）。"),
    (r" Money in (?P<cur>[A-Z]{3}|currency)\.", "货币单位：{cur}。"),
    (r"Who gains and who loses, (?P<m>\w+) \((?P<u>.*?)\): each consignment against itself "
     r"in the baseline, pooled over the replications; mean change, 95 % interval, share "
     r"(?:better off / worse off \(below 0: faster\)(?P<t>)|paying less / paying more "
     r"\(below 0: pays less\))",
     "受益方与受损方，{m}（{u}）：每票货物与其自身在基准方案中对比，合并各次重复运行；"
     "平均变化、95% 置信区间、{shares}"),
    (r"What each option of the comparison on scenario (?P<s>.+?) assumes: each reform "
     r"strength and each field set by hand, its value in this comparison, what it means and "
     r"its basis: a source the reform library cites for it, an assumption the library names "
     r"as such, or no source names it\. The scenario's own figures cite their sources in "
     r"its file\.",
     "情景 {s} 上比较的各方案所依据的设定：各改革的强度参数及手工设定的各字段，其在本次比较中的"
     "取值、含义及依据：改革库为其引用的来源（有来源）、改革库注明为假设的（假设），或无来源提及。"
     "情景自身的数值在情景文件中注明来源。"),
    (r"Does the effect of (?P<r>.+?) on scenario (?P<s>.+?) keep its sign across the settings "
     r"it rests on that no source fixes\? Each setting at the low and the high end of its "
     r"range, the others as given; each cell the reform's paired change from the baseline "
     r"\(the same seeds\) over (?P<reps>\d+) replications of " + _DAYS.format("days")
     + r" observed, with its 95 % Student-t interval \(run-to-run variation at that end\)\. "
     r"Sign: holds \(one sign as given and at both ends\) or flips; not shown where an "
     r"end's interval covers 0\.",
     "改革 {r} 在情景 {s} 中的效果，在其所依据而无来源确定的各项设定下，正负是否不变？每次将"
     "一项设定取其范围的低端和高端，其余保持所给取值；每格为改革与基准方案之差，按重复运行配对"
     "（随机种子相同），{reps} 次重复运行，各观测 {days} 天，附 95% Student-t 置信区间（该端"
     "各次运行之间的差异）。正负：不变（所给取值下及两端正负相同）或反转；某端置信区间覆盖 0 时注明"
     "“不算已显示”。"),
)
_SHARES = ("改善 / 变差的货物比例（小于 0：更快）",
           "费用减少 / 费用增加的货物比例（小于 0：费用减少）")


def caption(en: str, labels: dict[str, str]) -> str:
    """A caption in Chinese, sentence by sentence; whole in English, marked, when any
    sentence of it is not known."""
    rest, out = en, []
    while rest:
        for pattern, zh in CAPTIONS:
            found = re.match(pattern, rest)
            if found is not None:
                out.append(_filled(zh, found))
                rest = rest[found.end():]
                break
        else:
            return UNTRANSLATED + en
    return "".join(out)


def _filled(zh: str, found: re.Match[str]) -> str:
    """``zh`` with the match's groups (a range of replications said with 至)."""
    from sim.report.zh_paper import unit_zh

    groups = {k: v or "" for k, v in found.groupdict().items()}
    if "reps" in groups:
        groups["reps"] = groups["reps"].replace(" to ", " 至 ")
    if "u" in groups:
        groups["u"] = _money(groups["u"]) or unit_zh(groups["u"])
    groups["shares"] = _SHARES[0] if found.groupdict().get("t") is not None else _SHARES[1]
    return zh.format(**groups)


def _money(en: str) -> str | None:
    """``USD at 2019 prices`` as USD（2019 年价格）; None for another unit."""
    found = re.fullmatch(r"(?P<cur>[A-Z]{3}) at (?P<y>\d{4}) prices", en)
    return None if found is None else f"{found['cur']}（{found['y']} 年价格）"


def note(en: str, metrics: dict[str, str], labels: dict[str, str]) -> str:
    """A note under the table in Chinese, or kept whole in English, marked."""
    from sim.cli_zh import CUT_NOTE_ZH
    from sim.report.numbers import CUT_NOTE

    if en == CUT_NOTE:
        return CUT_NOTE_ZH
    for said in (_caveat, _definition, _sources, _costs, _ranges, _structure):
        zh = said(en, metrics, labels)
        if zh is not None:
            return zh
    return UNTRANSLATED + en


Said = Callable[[str, dict[str, str], dict[str, str]], "str | None"]


def _caveat(en: str, metrics: dict[str, str], labels: dict[str, str]) -> str | None:
    """The caveat on few replications or wide intervals (:mod:`sim.report.paper_caveat`)."""
    found = re.fullmatch(
        r"(?:Only (?P<n>\d+) replications? per figure: intervals from so few runs are wide and "
        r"their widths themselves uncertain \((?P<few>\d+) or more are advised before a figure "
        r"is quoted\)|(?P<some>Some changes are smaller than their intervals are wide))"
        r"(?:; the change in (?P<label>.+) \((?P<m>[^()]+)\) has an interval (?P<w>\S+) wide"
        r"(?:, and about (?P<k>\d+) replications would make it no wider than the change \(an "
        r"estimate from this sample's spread\))?)?\.", en)
    if found is None:
        return None
    out = ("部分差值小于其置信区间的宽度" if found["some"] else
           f"每个数值仅有 {found['n']} 次重复运行：运行次数如此之少，置信区间较宽，其宽度本身也"
           f"不确定（引用数值前宜有 {found['few']} 次或更多）")
    if found["label"]:
        where = _where(found["label"], labels)
        if where is None:
            return None
        out += f"；{where}之差（{found['m']}）的置信区间宽 {found['w']}"
    if found["k"]:
        out += f"，约 {found['k']} 次重复运行可使其不宽于差值（据本样本的离散程度估计）"
    return out + "。"


def _where(en: str, labels: dict[str, str]) -> str | None:
    """``LABEL for OPTION`` or ``LABEL at point P`` in Chinese (None: a label not known)."""
    for pattern, zh in ((r"(?P<l>.+) for (?P<o>.+)", "方案 {o} 的{l}"),
                        (r"(?P<l>.+) at point (?P<o>\d+)", "扫描点 {o} 的{l}")):
        found = re.fullmatch(pattern, en)
        if found is not None and found["l"] in labels:
            said = labels[found["l"]]
            return zh.format(l=f" {said}" if said[:1].isascii() else said, o=found["o"])
    return None


def _definition(en: str, metrics: dict[str, str], labels: dict[str, str]) -> str | None:
    """A row's definition (``--define``): its Chinese label, name and the glossary's
    meaning in Chinese (:mod:`sim.report.zh_meanings`)."""
    from sim.experiment.metric_glossary import lookup
    from sim.report.translate import metric_name
    from sim.report.zh_meanings import meaning

    found = re.fullmatch(r"(?:(?P<l>[^\u2013]+) \u2013 )?(?P<m>[a-z0-9_]+): (?P<t>.+)", en)
    if found is None or found["m"] not in metrics.values():
        return None
    entry = lookup(found["m"])
    said = meaning(entry.stem, entry.meaning) if entry is not None else None
    if said is None:
        return None
    name = metric_name(found["m"]) or found["m"]
    lead = f"{name} \u2013 " if found["l"] else ""
    # (a meaning led by the metric's own name, or its family's)
    for own in (name, metric_name(entry.stem) if entry is not None else name):
        said = said.removeprefix(f"{own}：")
    return f"{lead}{found['m']}：{said}"


def _sources(en: str, metrics: dict[str, str], labels: dict[str, str]) -> str | None:
    """A reform's sources, each in the Chinese of ``bordersim reforms --lang zh``."""
    from sim.reforms.compose import parse_one
    from sim.report.zh_strengths import source

    found = re.fullmatch(r"Sources of (?P<r>\w+): (?P<t>.+)\.", en)
    if found is None:
        return None
    if found["t"] == "none given":
        return f"{found['r']} 的来源：未给出。"
    sources = parse_one(found["r"])[0].sources
    if "; ".join(sources) != found["t"]:
        return None
    said = [source(found["r"], i, s) for i, s in enumerate(sources)]
    if any(s.startswith(UNTRANSLATED) for s in said):
        return None
    return f"{found['r']} 的来源：" + "；".join(s.rstrip("。") for s in said) + "。"


def _costs(en: str, metrics: dict[str, str], labels: dict[str, str]) -> str | None:
    """A reform's default costs for ``bordersim appraise``, in the words of
    :mod:`sim.report.zh_reform_costs`."""
    from sim.reforms.cost_library import cost_of, rule_said
    from sim.report.zh_reform_costs import PER, UNITS, WHY

    found = re.fullmatch(r"Default costs of (?P<r>\w+) for bordersim appraise \(not in the "
                         r"run's cost rows\): (?P<t>.+)\.", en)
    if found is None or rule_said(found["r"]) != found["t"]:
        return None
    rule, out = cost_of(found["r"]), []
    for what, item in (("建设成本", rule.setup), ("每年运行成本", rule.running)):
        if item is None:
            why = WHY.get(rule.missing) if what == "建设成本" else ""
            if why is None:
                return None
            out.append(f"{what}无数字" + (f"（{why}）：appraise 将说明回收期未知" if why else ""))
            continue
        if item.why not in WHY or item.unit not in UNITS:
            return None
        per = "" if item.per == "once" else f"，按{PER[item.per]}计"
        out.append(f"{what} {item.amount:g} × {UNITS[item.unit]}{per}（{WHY[item.why]}）")
    return (f"{found['r']} 供 bordersim appraise 使用的默认成本（不计入本次运行的成本各行）："
            + "；".join(out) + "。")


def _ranges(en: str, metrics: dict[str, str], labels: dict[str, str]) -> str | None:
    """A tornado's notes (a setting's range and why; the assumptions left as given) and the
    assumptions table's note on reforms whose running cost was not given."""
    from sim.report.zh_paper_ranges import WHY

    found = re.fullmatch(r"Range of (?P<s>\S+): (?P<t>.+)", en)
    if found is not None:
        why = WHY.get(found["t"])
        return None if why is None else f"{found['s']} 的范围：{why}"
    found = re.fullmatch(r"Assumptions left as given \(no range stated; give one with --range "
                         r"SETTING=LOW,HIGH\): (?P<t>.+)\.", en)
    if found is not None:
        return ("按给定值保留的假设（未给出范围；可用 --range SETTING=LOW,HIGH 给出）："
                + found["t"].replace(", ", "、") + "。")
    found = re.fullmatch(r"Running cost not given \(cost_per_year = 0\), so no cost of running "
                         r"the reform is in the cost rows: (?P<t>.+)\.", en)
    if found is not None:
        return ("未给出运行费用（cost_per_year = 0），故成本各行不含实施该改革的运行费用："
                + found["t"].replace(", ", "、") + "。")
    return None


def fixed_cell(en: str) -> str:
    """A tornado's cell: a range ``LOW to HIGH``, a sign not shown, a change the same in
    every replication; a figure or a name as it is."""
    from sim.report.zh_paper import WORDS

    found = re.fullmatch(r"(?P<a>\S+) to (?P<b>\S+)", en)
    if found is not None:
        return f"{found['a']} 至 {found['b']}"
    found = re.fullmatch(r"(?P<w>holds|flips|zero at an end) \(not shown\)", en)
    if found is not None:
        return f"{WORDS[found['w']]}（不算已显示）"
    return en.replace(" (the same in every replication)", "（每次重复运行结果相同）")


def assumption_cells(cells: list[str]) -> list[str]:
    """An assumptions row (reform, strength, value, meaning, basis) in Chinese: a strength's
    meaning in the words of ``bordersim reforms --lang zh``, a reform's mechanism too."""
    from sim.report.zh_paper import WORDS

    reform, key, value, meaning, basis = cells
    value = re.sub(r" \(set here; default (?P<d>.+)\)$", r"（在此设定；默认 \g<d>）", value)
    if reform and key != "\u2013":
        meaning = _strength(reform, key, meaning)
    elif reform:
        meaning = _mechanism(reform, meaning)
    elif meaning:
        meaning = UNTRANSLATED + meaning
    chosen = re.fullmatch(r"chosen for this comparison \(the default's: (?P<w>.+)\)", basis)
    if chosen is not None:
        basis = f"为本次比较选定（默认值的依据：{WORDS.get(chosen['w'], chosen['w'])}）"
    else:
        basis = {"set for this comparison (no source recorded)": "为本次比较设定（未记录来源）"
                 }.get(basis) or WORDS.get(basis, UNTRANSLATED + basis)
    return [reform, key, value, meaning, basis]


def _strength(reform: str, key: str, meaning: str) -> str:
    """A strength's meaning (its doc's first sentence in English) in Chinese."""
    from sim.reforms.compose import parse_one
    from sim.report.zh_strengths import strength

    param = parse_one(reform)[0].params.get(key)
    if param is None:
        return UNTRANSLATED + meaning
    said = strength(reform, key, param.doc)
    return UNTRANSLATED + meaning if said.startswith(UNTRANSLATED) else said


def _mechanism(reform: str, english: str) -> str:
    """A reform's mechanism in Chinese (:func:`sim.report.zh_reforms.mechanism`)."""
    from sim.report.zh_reforms import mechanism

    return mechanism(reform, english) or UNTRANSLATED + english


def _structure(en: str, metrics: dict[str, str], labels: dict[str, str]) -> str | None:
    """The assumptions an option's organisation structure rests on, in the console's
    Chinese of the note it prints (:func:`sim.cli_lang.line`, code
    ``structure_assumptions``)."""
    from sim.cli_lang import line

    found = re.fullmatch(r"Assumptions the structure's effect rests on \((?P<o>[^()]+)\): "
                         r"(?P<t>.+)", en)
    if found is None:
        return None
    head = f"提示（方案 {found['o']}）："
    said = line(f"note ({found['o']}): {found['t']}", "zh")
    if not said.startswith(head) or UNTRANSLATED in said:
        return None
    return f"组织结构效果所依据的假设（方案 {found['o']}）：{said.removeprefix(head)}"
