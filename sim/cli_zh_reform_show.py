"""``bordersim reforms NAME [SCENARIO]``: the words of one reform's view, in English as it
always was or, under ``--lang zh``, in Chinese: the mechanism (:mod:`sim.report.zh_reforms`),
strengths and sources (:mod:`sim.report.zh_strengths`), the TFA line
(:mod:`sim.report.zh_tfa`), the heading of the field changes and what they do on the
scenario (reasons from :mod:`sim.report.zh_reasons`). Field paths, values and names stay as
written."""

from __future__ import annotations

from typing import Any

from sim.cli_reforms import ALREADY, NO_EFFECT, NOTHING, PART
from sim.report.zh_reforms import UNTRANSLATED

#: a reform's effect on a scenario (:data:`sim.cli_reforms.ACTS`...) -> (English, Chinese);
#: one that acts has no closing line
_EFFECTS = {
    NOTHING: ("  (none: scenario {s!r} has none of the parts this reform acts on, so "
                        "it changes nothing there)",
                        "  （无：情景 '{s}' 中没有该改革作用的任何部分，因此不改变任何内容）"),
    ALREADY: ("this reform changes no field of scenario {s!r}: it is already in "
                          "effect there (only its strengths, such as a transition, may still "
                          "act)",
                          "该改革不改变情景 '{s}' 的任何字段：它在该情景中已经生效（只有其强度，"
                          "如过渡期，仍可能起作用）"),
    NO_EFFECT: ("these changes can have no effect in scenario {s!r}: {why}",
                  "这些修改在情景 '{s}' 中不可能产生效果：{why}"),
    PART: ("only part of it can act in scenario {s!r}: {why}",
                     "在情景 '{s}' 中只有部分可以起作用：{why}"),
}


class Words:
    """The lines of the field-change list for one scenario, in ``lang``."""

    def __init__(self, lang: str, scenario: str) -> None:
        self.zh, self.scenario = lang == "zh", scenario

    def title(self) -> str:
        """The line above the field changes."""
        if self.zh:
            return (f"改革对情景 '{self.scenario}' 所做的字段修改（模型单位：时间以小时计，"
                    "速率以每小时计）：")
        return (f"field changes on scenario {self.scenario!r} (the model's units: times in "
                "hours, rates per hour):")

    def already_so(self) -> str:
        """After a field that already holds the reform's value."""
        return "  （已是此值：不变）" if self.zh else "  (already so: no change)"

    def effect(self, kind: str, why: str) -> str:
        """The closing line for what the changes do ('' when the reform acts)."""
        if kind not in _EFFECTS:
            return ""
        english, chinese = _EFFECTS[kind]
        if not self.zh:
            return english.format(s=self.scenario, why=why)
        from sim.report.zh_reasons import reason

        zh = reason(why)
        return chinese.format(s=self.scenario, why=zh if zh is not None else UNTRANSLATED + why)


def missing(text: str) -> str:
    """Why a reform is not available in this build, in Chinese."""
    import re

    why = text.split(" needs ", 1)[-1]
    found = re.fullmatch(r"the scenario section\(s\) (\[.*\]), which this version of the "
                         r"model does not have yet", why)
    return (f"需要情景部分 {found[1]}，本版本模型尚无该部分" if found
            else f"{UNTRANSLATED}{why}")


def describe(plan: Any) -> list[str]:
    """Each reform of ``plan`` in Chinese: mechanism, strengths, sources, TFA measures."""
    from sim.reforms.compose import parse
    from sim.report.zh_reforms import mechanism
    from sim.report.zh_strengths import source, strength
    from sim.report.zh_tfa import AGREEMENT
    from sim.report.zh_tfa import describe as tfa

    out = []
    for r in plan.reforms + [parse(label).reforms[0] for label, _ in plan.dated]:
        out.append(f"{r.name}：{mechanism(r.name, r.mechanism) or UNTRANSLATED + r.mechanism}")
        out += [f"  强度 {k} = {v!r}：{strength(r.name, k, r.params[k].doc)}"
                for k, v in r.strengths.items()]
        out += [f"  来源：{source(r.name, i, s)}" for i, s in enumerate(r.sources)]
        out.append(f"  {AGREEMENT}：{tfa(r.name)}")
        if r.missing():
            out.append(f"  无法使用：{missing(r.missing())}")
    out += [f"分日期生效：{label} 自 {when} 起生效（自该时起到港的货物）"
            for label, when in plan.dated]
    return out
