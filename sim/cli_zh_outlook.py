"""``bordersim outlook --lang zh``: the plan's lines and notes in Chinese (贸易量增长, 作业线,
跟不上, 规划年份); each lane's row is the English one (its port and lane by name, the same
figures), the words around it translated; a note's warning from its code (:mod:`sim.cli_lang`)."""

from __future__ import annotations

from typing import Any


def lines_zh(plan: Any, growth: float, years: int, every: int = 1) -> list[str]:
    """:func:`sim.cli_outlook.lines` in Chinese (the rows are its own)."""
    from sim.cli_outlook import lines

    english = lines(plan, growth, years, every)
    others = [o for o in dict.fromkeys(plan["option"]) if o != "baseline"]
    rows = [ln for ln in english[2:] if not _said(ln)]  # (each lane's row, as in English)
    shown = len(rows)
    times = (1 + growth) ** years
    out = [f"贸易量每年增长 {growth:.1%}，至第 {years} 年（为目前的 {times:.2f} 倍）：",
           f"{'口岸':<10} {'作业线':<17} {'目前':>3} {'跟不上':>3} {'规划':>6} {'人员倍数':>5} "
           f"{'在岗':>7}" + "".join(f" {o:>6}" for o in others), *rows]
    base = plan[plan["option"] == "baseline"]
    out.append(f"其余 {len(base) - shown} 条作业线至第 {years} 年利用率均低于 85%，能跟上。")
    out.append("跟不上：其排队自该年起不再稳定（'-'：能跟上）；规划：其负荷超过 85% 的年份"
               f"（届时需已增加能力）；人员倍数：第 {years} 年按 85% 负荷所需在岗人数与目前之比"
               + ("；各方案列：该方案下跟不上的年份" if others else ""))
    if any(ln.startswith("*: ") for ln in english):
        out.append("*：其排队不再稳定，而自身负荷仍低于 85%：原因是到达集中，或在其后的作业线等待"
                   "（如查验台位等查验组、搬运等台位）；请看该作业线的年份，或运行 bordersim hours "
                   "结果文件夹")
    if every > 1:
        out.append(f"每 {every} 年模拟一次：第 Y 年跟不上的作业线在第 Y-{every} 年尚能跟上，"
                   "可能在其间任何一年开始跟不上")
    return out


def _said(line: str) -> bool:
    """A line of the English plan that is words, not a lane's row."""
    return (line.startswith(("stops: ", "*: ", "years simulated every "))
            or " other lane(s) keep up below 85 % to year " in line)


def note_zh(note: str) -> str:
    """One of the outlook's notes in Chinese: the overload-only caveat, or an option's first
    year with a warning that names no lane (``NAME, year Y: WARNING``)."""
    import re

    from sim.cli_lang import line

    lead = "a lane stops here only by overload (above 95 %), not by a wait that keeps rising: "
    if note.startswith(lead):
        said = line("note: " + note.removeprefix(lead), "zh").removeprefix("提示：")
        return ("提示：此处只按超负荷（利用率高于 95%）判断作业线是否跟不上，不按持续上升的等待"
                f"时间判断：{said}")
    found = re.fullmatch(r"(?P<name>.+?), year (?P<year>\d+): (?P<w>.*)", note, re.S)
    if found is None:
        return line("note: " + note, "zh")
    said = line("warning: " + found["w"], "zh").removeprefix("警告：")
    name = "基准方案" if found["name"] == "baseline" else found["name"]
    return f"提示：{name}，第 {found['year']} 年：{said}"
