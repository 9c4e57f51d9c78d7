"""``bordersim check --explain --lang zh``: each metric's line (``NAME<TAB>UNIT<TAB>MEANING``)
with its unit in Chinese (:func:`sim.cli_zh.unit`), its Chinese name (the report's,
:func:`sim.report.translate.metric_name`, which says the port and direction a modified name
is restricted to) and its meaning from :mod:`sim.report.zh_meanings`; a meaning with no
Chinese is printed in English, marked untranslated. The name stays the first field, so the
lines still sort and ``cut`` as in English."""

from __future__ import annotations

import re

from sim.cli_zh_options import UNTRANSLATED
from sim.experiment.metric_names import MetricNames

#: the note beside the glossary (:data:`sim.cli.ESTIMAND`) in Chinese
ESTIMAND = (
    "提示：一次运行的数值是各次重复运行自身数值的均值：分位数为各次重复运行中观测期到港货物的分位数"
    "（逆累积分布样本分位数，读自直方图，误差不超过 1%）；比率或比例为各次重复运行的比率（分母"
    "为 0 的不计入）"
    "，而不是合并计数之比；其区间为各次重复运行的 t 区间（见 docs/how-results-are-comp"
    "uted.md）")

#: when a metric family appears (:attr:`sim.experiment.metric_glossary_data.Entry.only`), in
#: Chinese: ``（不是情景 'x' 的指标；只在……时出现）``
ONLY = {
    "with a bonded zone (ports.<port>.bonded_zone), named for its gate":
        "设有保税区（ports.<port>.bonded_zone，指标按其卡口命名）",
    "with an approach (`[ports.<port>.approach]`, docs/trucks.md)":
        "口岸设有入境前排队区（[ports.<port>.approach]，docs/trucks.md）",
    "with `enforcement.ipr` set (none by default)":
        "设置了 enforcement.ipr（知识产权海关保护，默认没有）",
    "with `enforcement.ipr` set (none by default) and `enforcement.ipr.bond_per_case` above 0":
        "设置了 enforcement.ipr（默认没有）且 enforcement.ipr.bond_per_case 大于 0",
    "with `enforcement.ipr` set (none by default) and `enforcement.ipr.counter_bond_share` "
    "above 0": "设置了 enforcement.ipr（默认没有）且 enforcement.ipr.counter_bond_share 大于 0",
    "with `enforcement.ipr` set (none by default) and `enforcement.ipr.counter_bond_share` and "
    "`counter_bond_sued_share` above 0":
        "设置了 enforcement.ipr（默认没有）且 enforcement.ipr.counter_bond_share 和 "
        "counter_bond_sued_share 均大于 0",
    "with `enforcement.ipr` set (none by default); NaN without `[costs]`":
        "设置了 enforcement.ipr（默认没有）；没有 [costs] 时为 NaN",
    "with a commodity's `spoils_after` given (none in the bundled scenarios)":
        "某商品类别给出了 spoils_after（内置情景中都没有）",
    "with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)":
        "设有边民互市通道（[smuggling.routes.X.lane]，见 docs/resident-lane.md）",
    "with transit goods (`[ports.<port>.transit]`, docs/transit.md)":
        "设有转关货物（[ports.<port>.transit]，见 docs/transit.md）",
    "with a timeline and a transit desk that queues (`ports.<port>.transit.desk`, docs/transit.md)":
        "设有时间线（分时期的规则）且转关受理台会排队"
        "（ports.<port>.transit.desk，见 docs/transit.md）",
    "with a risk engine and its throttle (`[risk.throttle]`)":
        "启用风险布控引擎并设有查验限流（[risk.throttle]）",
    "with a risk engine switched on (`risk.enabled`; the default scenario's is off)":
        "启用了风险布控引擎（risk.enabled；默认情景未启用）",
    "with a risk engine switched on and a timeline (a dated reform or `periods_at`)":
        "启用了风险布控引擎且设有时间线（按日期生效的改革或 periods_at）",
}


def explain_line(english: str, known: MetricNames) -> str:
    """One line of ``check --explain`` in Chinese (a name no entry has: why, in Chinese)."""
    from sim.cli_zh import unit
    from sim.experiment.metric_glossary import lookup
    from sim.report.translate import metric_name
    from sim.report.zh_meanings import meaning

    name, shown_unit, text = english.split("\t", 2)
    if shown_unit == "?":
        return f"{name}\t?\t{_unknown(text)}"
    entry = lookup(name, known)
    said = meaning(entry.stem, entry.meaning) if entry is not None else None
    zh_name = metric_name(name) or name
    if said is None:
        said = UNTRANSLATED + text
    # (a meaning that opens with the metric's own name, as the English "Mean clearance
    # time: ..." does, says it once)
    return f"{name}\t{unit(shown_unit)}\t{zh_name}：{said.removeprefix(zh_name + '：')}"


def _unknown(english: str) -> str:
    """Why a name has no entry (``(not a metric of scenario 'x'; it appears only ...)``)."""
    found = re.fullmatch(r"\(not a metric of scenario (?P<s>'[^']*')(?:; did you mean "
                         r"(?P<alts>'.+?')\?(?: \((?P<all>'[^']*') picks all (?P<n>\d+)\))?)?"
                         r"(?:; it appears only (?P<only>.+))?\)", english)
    if found is not None:
        only = found["only"] or ""
        if only in ONLY:
            only = f"；只在{ONLY[only]}时出现"
        elif only:
            only = f"；{UNTRANSLATED}it appears only {only}"
        return f"（不是情景 {found['s']} 的指标{_near(found)}{only}）"
    found = re.fullmatch(r"\(matches no metric of scenario (?P<s>'[^']*')(?:; meanings that "
                         r"mention (?P<w>'[^']*'): (?P<stems>.+))?\)", english)
    if found is not None:
        said = (f"；说明中提到 {found['w']} 的指标：{found['stems'].replace(', ', '、')}"
                if found["w"] else "")
        return f"（不匹配情景 {found['s']} 的任何指标{said}）"
    return {"(not in the glossary)": "（指标说明中没有此名称）"}.get(english,
                                                              UNTRANSLATED + english)


def _near(found: re.Match[str]) -> str:
    """The did-you-mean of an unknown name, in Chinese (its names kept, ``or`` said), and the
    pattern that picks all of a name's split forms."""
    if found["alts"] is None:
        return ""
    alts = found["alts"].replace("' or '", "' 或 '")
    said = f"；是否应为 {alts}？"
    if found["all"] is not None:
        said += f"（{found['all']} 可选出全部 {found['n']} 个）"
    return said
