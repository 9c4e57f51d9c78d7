"""The ``org`` command's line on local knowledge: which illicit types, at which ports, get each
structure's AUC bonus for locally known risks (``organisation.advantages.local_knowledge_auc``
and ``local_risks``, :mod:`sim.scenario.local_risks`), in English or Chinese. A planner
weighing the dumbbell needs to see what the spindle's local offices are taken to know: every
type at every port (no ``local_risks``), or only the risks named."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.scenario.local_risks import carried


def _where(at: Mapping[str, float], ports: list[str], lang: str) -> str:
    """A type's bonus: one number at every port, else port by port."""
    values = set(at.values())
    if len(at) == len(ports) and len(values) == 1:
        v = next(iter(values))
        return f"{v:g}（所有口岸）" if lang == "zh" else f"{v:g} at every port"
    said = ", ".join(f"{p} {v:g}" for p, v in at.items())
    return said if lang == "zh" else f"at {said}"


def structure_words(scenario: Any, lang: str = "en") -> str:
    """What ``scenario``'s structure adds to which risks (``none``: no bonus anywhere)."""
    from sim.cli_zh_tree import STRUCTURES
    from sim.report.zh_glossary import VALUES

    org, ports, zh = scenario.organisation, list(scenario.ports), lang == "zh"
    bonus = float(org.advantages.local_knowledge_auc.get(org.structure, 0.0))
    table = org.advantages.local_risks
    kinds = carried(table, bonus, ports)
    name = STRUCTURES[org.structure] if zh else org.structure
    if not kinds:
        return f"{name}：无" if zh else f"{org.structure} none"
    if not table:
        return (f"{name}：所有违规类型、所有口岸 {bonus:g}" if zh else
                f"{org.structure} {bonus:g} to every illicit type at every port")
    words = VALUES["type"] if zh else {k: k for k in kinds}
    sep = "；" if zh else "; "
    parts = sep.join(f"{words[kind]} {_where(at, ports, lang)}" for kind, at in kinds.items())
    return f"{name}：{parts}" if zh else f"{org.structure}: {parts}"


def line(variants: Mapping[str, Any], lang: str = "en") -> str:
    """One line over the structures run (``variants``: name -> its scenario)."""
    said = [structure_words(sc, lang) for sc in variants.values()]
    if lang == "zh":
        return "属地知识带来的风险评分 AUC 加成（按违规类型和口岸）：" + "。".join(said)
    return ("local knowledge, the risk score's AUC bonus by illicit type and port: "
            + " | ".join(said))
