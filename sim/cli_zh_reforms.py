"""``bordersim reforms --on SCENARIO --lang zh``: what each reform of the library does on a
scenario, in Chinese (起作用, 已经生效, 不可能产生效果...), its reason from
:mod:`sim.report.zh_reasons`; a reason no table knows is marked untranslated. The reforms
keep their names (as ``--reforms`` takes them)."""

from __future__ import annotations

from sim.cli_reforms import ACTS, ALREADY, NO_EFFECT, NOT_APPLICABLE, NOTHING, PART, UNAVAILABLE
from sim.report.zh_reforms import UNTRANSLATED

#: what a reform does on a scenario (sim.cli_reforms, by its constants) -> its Chinese
EFFECTS = {
    ACTS: "起作用",
    PART: "部分起作用",
    ALREADY: "已经生效",
    NO_EFFECT: "不可能产生效果",
    NOTHING: "不改变任何内容",
    UNAVAILABLE: "无法使用",
    NOT_APPLICABLE: "不适用",
}


def library_title(scenario: str) -> str:
    """The line above the list."""
    return f"改革库中各项改革在情景 '{scenario}' 上的作用（默认强度）："


def effect(kind: str, why: str) -> str:
    """One reform's effect and its reason in Chinese."""
    from sim.report.zh_reasons import reason

    said = EFFECTS[kind]
    if not why:
        return said
    zh = reason(why)
    return f"{said}：{zh}" if zh is not None else f"{said}：{UNTRANSLATED}{why}"


def library_line(name: str, mechanism: str, missing: str) -> str:
    """One reform of the library's list in Chinese: its mechanism (marked untranslated, in
    English, where :mod:`sim.report.zh_reforms` has none for it) and why it is not available
    in this build, if it is not."""
    from sim.report.zh_reforms import mechanism as zh

    said = zh(name, mechanism) or UNTRANSLATED + mechanism
    if not missing:
        return said
    from sim.cli_zh_reform_show import missing as why

    return f"{said}  ［无法使用：{why(missing)}］"


def wrap_wide(text: str, cols: int, indent: int) -> str:
    """``text`` wrapped to ``cols`` terminal columns, a Chinese character taking two: broken
    between Chinese characters or at a space, never inside a field name or a figure, never
    before a closing mark (，。；：）), later lines indented by ``indent``."""
    import re

    from sim.cli_lang import columns as width

    tokens = re.findall(r"\s|[（“「]*(?:[!-~]+|.)[，。；：、）」”]*", text)
    lines, now = [], ""
    for tok in tokens:
        if now.strip() and width(now + tok) > cols:
            lines.append(now.rstrip())
            now = " " * indent
            if tok.isspace():
                continue
        now += tok
    return "\n".join([*lines, now.rstrip()])
