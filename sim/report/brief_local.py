"""The brief's line on local knowledge: which illicit types' risk-score AUC bonus for locally
known risks an option changes, from the baseline's to its own
(``org_local_knowledge_auc_bonus_<type>``, reported when the scenario names its local risks:
:mod:`sim.scenario.local_risks`), so that a planner weighing the dumbbell reads what local
knowledge it gives up, type by type; in English and Chinese."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from sim.scenario.base import ILLICIT

HEAD = ("Local knowledge, the risk score's AUC bonus by illicit type (mean over the ports), "
        "the baseline's to this option's: ")
_ITEM = r"(?P<kind>\w+) (?P<a>[0-9.e+-]+) to (?P<b>[0-9.e+-]+)"


def line(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str) -> str:
    """The line for option ``name`` (empty when it changes no type's bonus)."""
    moved = []
    for kind in ILLICIT:
        row = rows.get((name, f"org_local_knowledge_auc_bonus_{kind}"))
        base = float(row.get("base", math.nan)) if row is not None else math.nan
        if row is None or not math.isfinite(base) or round(float(row["mean"]), 9) == 0:
            continue
        moved.append(f"{kind} {base:g} to {round(base + float(row['mean']), 9) + 0.0:g}")
    return HEAD + ", ".join(moved) if moved else ""


def text(en: str) -> str | None:
    """The Chinese of :func:`line`'s line, or None when ``en`` is not one."""
    from sim.report.zh_glossary import VALUES

    if not en.startswith(HEAD):
        return None
    items = [re.fullmatch(_ITEM, part) for part in en.removeprefix(HEAD).split(", ")]
    if not all(m is not None and m["kind"] in ILLICIT for m in items):
        return None
    said = "，".join(f"{VALUES['type'][m['kind']]} {m['a']} → {m['b']}" for m in items if m)
    return f"属地知识带来的风险评分 AUC 加成（按违规类型，各口岸均值），基准方案 → 本方案：{said}"
