"""``bordersim warmup --lang zh``: the suggestion's lines in Chinese (建议预热期, 截断点,
试运行), the same figures as the English lines of :func:`sim.cli_experiments.warmup`; a
series, a file and a seed keep their names. The pilot's warnings are said through
:func:`sim.cli_lang.line` (by their codes; one without a code marked untranslated)."""

from __future__ import annotations

from typing import Any

#: the daily series a pilot reads (``--output``)
OUTPUTS = {"clearance": "当日到港货物的整体通关时间均值", "queue": "排队长度均值"}


def suggestion_lines(s: Any, scenario_warmup_days: float) -> list[str]:
    """The suggestion, how MSER found it and, with several series, each one's truncation."""
    output = OUTPUTS.get(s.output, s.output)
    out = [f"建议预热期：{s.weeks} 周（{s.days} 天）",
           f"MSER-{s.batch} 截断：截去试运行 {s.pilot_days} 天中的前 {s.truncation_days} 天（逐日"
           f"{output}，取各序列中截断最长者 {s.series}；{s.reps} 次重复运行）；情景预热期："
           f"{scenario_warmup_days:g} 天"]
    if len(s.truncations) > 1:
        each = "、".join(f"{k} {v}" for k, v in s.truncations.items())
        out.append(f"各序列的截断点（天）：{each}；建议取其中最长者，因此平稳序列的随机波动也可能"
                   "决定建议值：换一个试运行种子（--seed）可看出其影响有多大")
    return out


def saved_line(saved: list[Any]) -> str:
    """The suggestions saved for the scenario, the longest of which runs are checked against."""
    each = "；".join(f"种子 {x.seed}（{OUTPUTS.get(x.output, x.output)}）：{x.weeks} 周"
                    for x in saved)
    longest = max(x.weeks for x in saved)
    return f"本情景已保存的试运行：{each}；run 和 compare 按其中最长者（{longest} 周）检查预热期"


SAVED = "已保存："
PLOT = "累积均值图："
