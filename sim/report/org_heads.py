"""Where each structure puts the organisation's heads: staff by level and role, and the
heads that sit at another level than in the first structure. A planner weighing the spindle
against the dumbbell asks "which staff move where"; the total alone (equal headcount by
construction) says nothing of it, and the trees' picture cannot be quoted in a brief.
Used by ``bordersim org`` (:mod:`sim.cli_org`) and the report's organisation section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.scenario.organisation import LEVELS, ROLES

#: each level as a reader of China Customs names it (English, Chinese)
LEVEL_WORDS = {
    "national": ("national: General Administration and its centres", "国家级：海关总署及全国中心"),
    "regional": ("regional: directly-affiliated customs", "直属海关"),
    "local": ("local: subordinate customs", "隶属海关"),
    "field": ("field points at the ports", "口岸现场"),
}
#: the staff roles (English, Chinese), said under their level
ROLE_WORDS = {
    "tariff": ("tariff (rulings)", "关税（归类审价裁定）"),
    "quarantine": ("quarantine (approvals)", "检疫（审批）"),
    "anti_smuggling": ("anti-smuggling (cases)", "缉私（案件）"),
    "risk": ("risk (alerts)", "风险（预警）"),
    "management": ("management (directives)", "管理（指令）"),
}


def heads_by_level(tree: Any) -> dict[tuple[str, str], int]:
    """Heads of each (level, role) over the tree's units (a role with none left out)."""
    out: dict[tuple[str, str], int] = {}
    for unit in tree.units.values():
        for role, staff in unit.staff.items():
            if staff.count > 0:
                key = (unit.level, role)
                out[key] = out.get(key, 0) + int(staff.count)
    return out


def moved(first: Mapping[tuple[str, str], int], other: Mapping[tuple[str, str], int]) -> int:
    """Heads that sit at another level (or in another role) in ``other`` than in ``first``:
    the sum of the rises over every (level, role), so a head that moves counts once."""
    keys = set(first) | set(other)
    return sum(max(0, other.get(k, 0) - first.get(k, 0)) for k in keys)


def rows(trees: Mapping[str, Any], lang: str = "en") -> list[tuple[str, list[int]]]:
    """One row per level (its total) and, under it, one per role that any structure staffs
    there: (label, heads in each structure of ``trees``, in their order)."""
    counts = [heads_by_level(t) for t in trees.values()]
    i = 1 if lang == "zh" else 0
    out = []
    for level in LEVELS:
        roles = [r for r in ROLES if any((level, r) in c for c in counts)]
        out.append((LEVEL_WORDS[level][i],
                    [sum(c.get((level, r), 0) for r in roles) for c in counts]))
        out += [("  " + ROLE_WORDS[r][i], [c.get((level, r), 0) for c in counts]) for r in roles]
    return out


def lines(trees: Mapping[str, Any], lang: str = "en") -> list[str]:
    """The table as text: a title, the rows with each later structure's change from the
    first (``+12``, ``-40``), and one line per later structure saying how many heads move."""
    from sim.cli_lang import columns, pad

    names = list(trees)
    table = rows(trees, lang)
    change = [f"{n} - {names[0]}" for n in names[1:]]
    width = max(columns(label) for label, _ in table)
    head = [f"{n:>12}" for n in names] + [f"{c:>{max(12, len(c))}}" for c in change]
    zh = lang == "zh"
    out = ["组织人员所在层级（按层级和岗位；口岸查验人员属各口岸的作业线，各结构相同）" if zh else
           "where the heads sit (organisation staff by level and role; the ports' inspection "
           "staff are their lanes, the same in every structure)",
           f"{'':{width}}  " + "  ".join(head)]
    for label, cells in table:
        diffs = [f"{_signed(c - cells[0]):>{max(12, len(w))}}"
                 for c, w in zip(cells[1:], change, strict=True)]
        out.append(f"{pad(label, width, right=False)}  "
                   + "  ".join([f"{c:>12,d}" for c in cells] + diffs))
    counts = [heads_by_level(t) for t in trees.values()]
    total = sum(counts[0].values())
    for n, c in zip(names[1:], counts[1:], strict=True):
        k = moved(counts[0], c)
        out.append(f"{n}：{total} 人中有 {k} 人与 {names[0]} 所在层级或岗位不同" if zh else
                   f"{n}: {k} of the {total} heads in the {names[0]} sit at another level or "
                   "in another role")
    return out


def html_table(trees: Mapping[str, Any]) -> str:
    """The table of :func:`lines` for the HTML report's organisation section: heads by level
    and role in each structure, each later one's change from the first, and how many move."""
    from html import escape

    names = list(trees)
    head = "".join(f"<th>{escape(n)}</th>" for n in names) + "".join(
        f"<th>{escape(n)} &minus; {escape(names[0])}</th>" for n in names[1:])
    body = []
    for label, cells in rows(trees):
        tag = "td" if label.startswith("  ") else "th"
        body.append(f"<tr><{tag}>{escape(label.strip())}</{tag}>"
                    + "".join(f"<td>{c:,d}</td>" for c in cells)
                    + "".join(f"<td>{_signed(c - cells[0])}</td>" for c in cells[1:]) + "</tr>")
    counts = [heads_by_level(t) for t in trees.values()]
    total = sum(counts[0].values())
    said = "".join(f"<p class='note'>{escape(n)}: {moved(counts[0], c)} of the {total} heads "
                   f"in the {escape(names[0])} sit at another level or in another role.</p>"
                   for n, c in zip(names[1:], counts[1:], strict=True))
    return ("<p class='note'>Where the heads sit: organisation staff by level and role (the "
            "ports' inspection staff are their lanes, the same in every structure).</p>"
            f"<table class='org-heads'><tr><th></th>{head}</tr>{''.join(body)}</table>{said}")


def _signed(d: int) -> str:
    """A change of heads with its sign (``+12``, ``-40``; ``0`` for none)."""
    return f"{d:+,d}" if d else "0"
