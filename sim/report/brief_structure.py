"""The brief's reason why an organisation's structure leaves seizures and detection unchanged
in a scenario with no risk engine (Guangdong's spindle against its dumbbell). There the static
selection tables pick the goods inspected, whatever the organisation; its alerts and
directives reach selection only through the engine. A brief that says only "no change" reads
as a finding about the structure, when the scenario could not show one."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

#: the outcomes of the brief the reason is said after (:data:`sim.report.brief.OUTCOMES`)
OUTCOMES = ("Illicit goods detected and slipping through", "Seizures")

#: appended to such an outcome's "no change" in the brief
WHY = ("; a structure cannot change this here: the scenario has no risk engine ([risk] absent "
       "or risk.enabled = false), so the static selection tables pick the goods inspected "
       "whatever the organisation (its alerts and directives reach selection only through the "
       "engine); give it a [risk] section to compare structures on seizures")

WHY_ZH = ("；此处组织结构无法改变这一结果：本情景没有风险引擎（无 [risk] 部分或 risk.enabled = "
          "false），查验货物由静态布控表选定，与组织结构无关（组织的预警和指令只能通过风险引擎"
          "影响布控）；如需比较不同结构的查获，请为情景设置 [risk] 部分")


def no_engine(scenario: Mapping[str, Any]) -> bool:
    """Whether a scenario (as dumped) runs without a risk engine: no ``[risk]``, or one
    with ``enabled = false``."""
    risk = scenario.get("risk")
    return not isinstance(risk, Mapping) or not risk.get("enabled", True)


def blind(variants: Mapping[str, Any]) -> set[str]:
    """The options of a comparison's ``variants`` (the first: the baseline) whose
    organisation's structure differs from the baseline's while neither has a risk engine:
    their seizures and detection cannot move with the structure."""
    items = list(variants.items())
    if not items:
        return set()
    base = items[0][1]
    if base.structure is None or not no_engine(base.scenario):
        return set()
    return {name for name, v in items[1:] if v.structure is not None
            and v.structure != base.structure and no_engine(v.scenario)}


def text(en: str, names: Collection[str] = ()) -> str | None:
    """The Chinese of a brief's line ending in :data:`WHY` (its outcome and verdict as the
    headline's pieces say them), or None for another line."""
    from sim.report.translate import _pieces

    if not en.endswith(WHY):
        return None
    head = _pieces(en.removesuffix(WHY), names)
    return None if head is None else head + WHY_ZH
