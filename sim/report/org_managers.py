"""What each structure's managers' posts come to against the first structure's: "the
dumbbell has N managers' posts fewer than the spindle, X a year", the saving (or cost) of a
flatter or wider hierarchy that the equal headcount of the structures leaves out
(:mod:`sim.model.org.managers`). Used by ``bordersim org`` (:mod:`sim.cli_org`)."""

from __future__ import annotations

import math
from collections.abc import Mapping


def _money(table: Mapping[str, float], currency: str) -> str:
    """The cost's words, or none without a figure (a scenario without ``[costs]``)."""
    cost = table.get("org_manager_cost_per_year", math.nan)
    return "" if math.isnan(cost) else f"{cost:,.0f} {currency}"


def line(table: Mapping[str, Mapping[str, float]], currency: str, lang: str = "en") -> str:
    """One sentence comparing each structure's managers' posts and their cost a year with
    the first structure's (empty with one structure, or no managers' figures)."""
    names = [n for n in table if "org_manager_posts" in table[n]]
    if len(names) < 2:
        return ""
    first, parts = names[0], []
    base = table[first]
    for name in names[1:]:
        other = table[name]
        fewer = base["org_manager_posts"] - other["org_manager_posts"]
        saved = base.get("org_manager_cost_per_year", math.nan) - other.get(
            "org_manager_cost_per_year", math.nan)
        word = ("少" if fewer >= 0 else "多") if lang == "zh" else (
            "fewer" if fewer >= 0 else "more")
        money = "" if math.isnan(saved) else (
            f"，每年{'节省' if saved >= 0 else '多支出'} {abs(saved):,.0f} {currency}"
            if lang == "zh" else
            f", {'saving' if saved >= 0 else 'costing'} {abs(saved):,.0f} {currency} a year")
        parts.append(f"{name} 比 {first} {word} {abs(fewer):,.0f} 个管理岗位{money}"
                     if lang == "zh" else
                     f"the {name} has {abs(fewer):,.0f} managers' posts {word} than the "
                     f"{first}{money}")
    if lang == "zh":
        return ("管理岗位（按 organisation.span_of_control 的管理幅度，不在政府部门成本之内）："
                + "；".join(parts) + "。")
    return ("managers' posts (by organisation.span_of_control; beside the agency's cost, "
            "not in it): " + "; ".join(parts) + ".")
