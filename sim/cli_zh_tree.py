"""The organisation tree's errors in Chinese (:class:`sim.scenario.org_tree.TreeError`, met
in any command that loads a scenario with an ``[organisation]``, and in ``bordersim org``,
which tries the tree in each structure asked for): a pattern of each English reason and its
Chinese, read by :mod:`sim.cli_zh_errors`. Unit, port and task names are kept as written
(they are the scenario's own); levels and structures are said in Chinese."""

from __future__ import annotations

import re

#: a structure's Chinese name (the seed paper's 纺锤型 and 哑铃型)
STRUCTURES = {"spindle": "纺锤型", "hybrid": "混合型", "dumbbell": "哑铃型"}
#: a unit's level in Chinese (China Customs' tiers: the General Administration, the
#: directly-affiliated and the subordinate customs, the field point)
LEVELS = {"national": "总署", "regional": "直属海关", "local": "隶属海关", "field": "现场"}

_Q = r"'[^']*'"  # (a name as Python's repr writes it)
#: what the generator's messages start with: a task the scenario raises, or alerts
_RAISED_EN = r"(?P<raised>the scenario raises .+?|alerts are issued)"

#: an English reason (the whole of it) -> its Chinese; named groups are kept as written,
#: but those that are words (levels, structures, roles, the generator's clauses) are said in
#: Chinese by :func:`said`
ERRORS: tuple[tuple[str, str], ...] = (
    (rf"unit (?P<unit>{_Q}): parent (?P<parent>{_Q}) is not a unit",
     "单位 {unit}：上级 {parent} 不是组织中的单位"),
    (r"the tree needs exactly one root \(a unit with no parent\); found (?P<roots>.+)",
     "组织树须有且只有一个根（没有上级的单位）；实际为 {roots}"),
    (rf"port (?P<port>{_Q}) belongs to units (?P<a>{_Q}) and (?P<b>{_Q})",
     "口岸 {port} 同时隶属于单位 {a} 和 {b}"),
    (r"units form a cycle: (?P<loop>.+)", "单位的上下级关系成环：{loop}"),
    (rf"no unit at level (?P<level>{_Q}) on the path (?P<chain>.+) \(or a centre of that "
     rf"level under it\) handles task (?P<task>{_Q}) for port (?P<port>{_Q})",
     "口岸 {port} 的上报路径 {chain} 上（及其下属的同级中心）没有{level}层级的单位处理任务 "
     "{task}"),
    (rf"unit (?P<unit>{_Q}) names port (?P<port>{_Q}), which is not a port; allowed: "
     r"(?P<allowed>.+)",
     "单位 {unit} 列出的口岸 {port} 不是情景中的口岸；可用：{allowed}"),
    (rf"port (?P<port>{_Q}) belongs to no unit \(list it in a unit's ports\)",
     "口岸 {port} 不隶属于任何单位（请把它列入某个单位的 ports）"),
    (rf"unit (?P<parent>{_Q}) is at field level and has unit (?P<unit>{_Q}) under it: a "
     rf"field point serves ports and has no units under it \(give (?P=parent) a higher level, "
     rf"or (?P=unit) another parent\)",
     "单位 {parent} 属于现场层级，其下却有单位 {unit}：现场只服务口岸，不设下级单位（请给 "
     "{parent} 更高的层级，或给 {unit} 另一个上级）"),
    (rf"unit (?P<unit>{_Q}) \((?P<lv>\w+)\) is under (?P<parent>{_Q}) \((?P<plv>\w+)\): a "
     r"unit sits at its parent's level or below \([\w >]+\)",
     "单位 {unit}（{lv}）隶属于 {parent}（{plv}）：单位只能与上级同级或低于上级（总署 > "
     "直属海关 > 隶属海关 > 现场）"),
    (rf"{_RAISED_EN}, but organisation\.generate\.service has no (?P<task>{_Q}) time: "
     r"the generator places no (?P<role>\w+) heads to decide it in the (?P<structure>\w+); "
     r"give (?P<field>organisation\.generate\.service\.\w+)",
     "{raised}，但 organisation.generate.service 中没有 {task} 的办理时间：生成器在{structure}"
     "结构中不会安排 {role}科室负责人来决定它；请给出 {field}"),
    (rf"{_RAISED_EN}, but there are no (?P<role>\w+) heads \((?P<field>organisation\."
     r"generate\.staff\.\w+)\) to decide it in the (?P<structure>\w+); give (?P<need>at least "
     r"\d+|more)(?P<or>, or set organisation\.escalations\.\w+\.share to 0)?",
     "{raised}，但没有 {role}科室负责人（{field}）在{structure}结构中决定它；请给出{need}"
     "{or}"),
    (rf"(?P<heads>\d+) (?P<role>\w+) heads \((?P<field>organisation\.generate\.staff\.\w+)\) "
     rf"are too few for (?P<task>{_Q}) in the (?P<structure>\w+): (?P<first>.+?) "
     r"(?P<where>a directly-affiliated customs that decides it with none|none for the "
     r"national centre that decides it); give (?P<need>at least \d+|more)",
     "{heads} 名 {role}科室负责人（{field}）不足以在{structure}结构中决定 {task}：{first}"
     "{where}；请给出{need}"),
    (r"in the (?P<structure>\w+) \(as --reforms (?P=structure) or --set (?P<set>'[^']*') would "
     r"run it; the scenario's own (?P<own>\w+) works\): (?P<why>.+)",
     "在{structure}结构中（即 --reforms {reform} 或 --set {set} 运行时；情景自身的{own}结构"
     "可以运行）：{why}"),
)

#: the clauses of the generator's messages, said in Chinese
_RAISED = (
    (re.compile(rf"the scenario raises (?P<task>{_Q}) \(organisation\.escalations\.\w+\.share "
                r"(?P<share>\S+)\)"), "情景会上报 {task}（上报比例 {share}）"),
    (re.compile(r"alerts are issued"), "情景会发布预警"),
)
_FIRST = {
    "split by the generator, they leave": "由生成器分配后，",
}
_FIRST_LOCAL = re.compile(r"the generator gives (?P<each>\d+) to each of the (?P<n>\d+) "
                          r"subordinate customs first \(local_heads\), and what is left leaves")
_WHERE = {
    "a directly-affiliated customs that decides it with none": "有直属海关虽负责决定却无人可派",
    "none for the national centre that decides it": "负责决定的总署中心无人可派",
}


def said(words: dict[str, str]) -> dict[str, str]:
    """The groups of a matched tree error in Chinese where they are words, not names."""
    out = dict(words)
    out["reform"] = out.get("structure", "")
    for key, table in (("level", LEVELS), ("lv", LEVELS), ("plv", LEVELS),
                       ("structure", STRUCTURES), ("own", STRUCTURES)):
        if out.get(key):
            out[key] = table.get(out[key].strip("'"), out[key])
    if out.get("role"):  # (the staff role as the scenario writes it, and in Chinese)
        from sim.report.zh_glossary import VALUES

        out["role"] = f"{out['role']}（{VALUES['role'].get(out['role'], out['role'])}）"
    if out.get("roots") == "none":
        out["roots"] = "无"
    if out.get("raised"):
        out["raised"] = _raised(out["raised"])
    if out.get("need"):
        out["need"] = "更多" if out["need"] == "more" else f"至少 {out['need'].split()[-1]} 名"
    if out.get("or"):
        out["or"] = "，或把 " + out["or"].split("set ")[1].replace(" to 0", " 设为 0")
    if out.get("first"):
        local = _FIRST_LOCAL.fullmatch(out["first"])
        out["first"] = (f"生成器先给 {local['n']} 个隶属海关各 {local['each']} 名（local_heads），"
                        "余下的人员分配后，" if local else _FIRST.get(out["first"], out["first"]))
    if out.get("where"):
        out["where"] = _WHERE[out["where"]]
    if out.get("why"):  # (the reason the other structure fails, itself a tree error)
        from sim.cli_zh_errors import reason

        out["why"] = reason(out["why"]) or out["why"]
    return out


def _raised(english: str) -> str:
    for pattern, zh in _RAISED:
        found = pattern.fullmatch(english)
        if found is not None:
            return zh.format(**found.groupdict())
    return english


def head(text: str) -> str:
    """``PATH as the STRUCTURE`` (``bordersim org``'s tree tried in one structure) in Chinese;
    any other head as written."""
    return re.sub(r" as the (spindle|hybrid|dumbbell)$",
                  lambda m: f"（按{STRUCTURES[m[1]]}结构）", text)
