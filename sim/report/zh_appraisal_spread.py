"""The spread of an appraisal's NPV from its cost inputs (:mod:`sim.experiment.appraisal_spread`)
in Chinese: each input's name, where its range comes from and what the spread assumes, for
``bordersim appraise --lang zh`` and the Chinese report; the figures are the English's own."""

from __future__ import annotations

import re

#: each input of :data:`sim.experiment.appraisal_spread.INPUTS` in Chinese (a test keeps the
#: keys equal)
INPUTS = {"setup_cost": "建设成本",
          "running_cost_given": "每年所加运行成本",
          "time_value": "货物时间价值",
          "equipment_price": "设备价格",
          "discount_rate": "折现率"}
#: where each input's default range comes from (:data:`sim.experiment.appraisal_spread.WHY`)
WHY = {
    "setup_cost": "假设：中值的一半至两倍（改革库的默认值是假设的关员年数，没有海关信息系统的"
                  "公开价格）",
    "running_cost_given": "假设：中值的一半至两倍，同建设成本",
    "time_value": "来源：货物在途一天的价值为货值的 0.6%–2.1%（Hummels & Schaur 2013），"
                  "故取中值至其 3.5 倍（默认情景对一般货物取下限）",
    "equipment_price": "来源：集装箱检查设备公开价格约为每台 100 万至 400 万美元，默认情景取 "
                       "260 万，故取中值价格的 1/2.6 至 4/2.6（实验室按同一比例：假设）",
    "discount_rate": "假设：中值折现率（国家发展改革委 2006 年社会折现率 8%）上下各 4 个百分点，"
                     "不低于 0",
}
#: a range given with ``--cost-range`` (:data:`sim.experiment.appraisal_spread.GIVEN`)
GIVEN = "给定（--cost-range）"
#: what the spread assumes (:data:`sim.experiment.appraisal_spread.ASSUMES`)
ASSUMES = ("净现值随成本输入的变化范围：每次只让一个输入取其下限和上限，其余取中值，按变化幅度"
           "排序；各输入视为相互独立；每一端的净现值为重复运行的均值，由重复运行结果重新算出"
           "（不重新模拟）")
#: the Monte Carlo's line (:data:`sim.experiment.appraisal_spread.JOINT`)
JOINT = ("  全部一并（带固定种子的蒙特卡洛模拟，{draws} 次抽样：各输入在其范围内服从三角分布，"
         "以中值为众数，并计入仿真噪声）：净现值 95% 范围 {low} 至 {high}；{share} 的抽样低于 0")
#: the words of a line (:func:`sim.experiment.appraisal_spread.lines`)
NOT_VARIED = "未变动"
SWING = "变化幅度"
NPV = "净现值"
TO = "至"
#: the report's table (:mod:`sim.report.appraisal_spread_section`): its heading and columns
HEAD = "净现值随成本输入的变化范围"
COLUMNS = ("方案", "输入", "取值范围（下限至上限）", "下限处的净现值", "上限处的净现值", "变化幅度",
           "范围的来源")

#: a range's cell: ``x 1 to x 3.5`` or ``0, not varied``
_RANGE = re.compile(r"(?P<low>(?:x )?\S+) to (?P<high>(?:x )?\S+)")
_FIXED = re.compile(r"(?P<low>(?:x )?\S+), not varied")


#: an option's Monte Carlo line in the report (``OPTION: all together (...): ...``)
_TOGETHER = re.compile(
    r"(?P<option>.+?): all together \(a seeded Monte Carlo of (?P<draws>[0-9,]+) draws: each "
    r"input triangular over its range, the central value its mode, and the simulation's "
    r"noise\): NPV 95 % range (?P<low>\S+) to (?P<high>\S+); below 0 in (?P<share>\S+) % of "
    r"the draws\.")


def text(en: str) -> str | None:
    """The Chinese of one text of the report's spread table (its heading, a column, an
    input's name or reason, a range, what the spread assumes), or None when it is none."""
    from sim.experiment import appraisal_spread as s
    from sim.report import appraisal_spread_section as section

    words = {section.HEAD: HEAD, **dict(zip(section.COLUMNS, COLUMNS, strict=True)),
             **{s.INPUTS[k]: INPUTS[k] for k in s.INPUTS}, **{s.WHY[k]: WHY[k] for k in s.WHY},
             s.ASSUMES + ".": ASSUMES + "。", s.GIVEN: GIVEN}
    if en in words:
        return words[en]
    together = _TOGETHER.fullmatch(en)
    if together:
        return together["option"] + "：" + JOINT.strip().format(
            draws=together["draws"], low=together["low"], high=together["high"],
            share=together["share"] + "%") + "。"
    both = _RANGE.fullmatch(en)
    if both:
        return f"{_scale(both['low'])} {TO} {_scale(both['high'])}"
    fixed = _FIXED.fullmatch(en)
    return None if fixed is None else f"{_scale(fixed['low'])}，{NOT_VARIED}"


def _scale(value: str) -> str:
    """A scale's ``x 3.5`` as ``× 3.5``; a figure as it is."""
    return "× " + value.removeprefix("x ") if value.startswith("x ") else value
