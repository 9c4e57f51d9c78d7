"""``bordersim both-sides --lang zh``: a land crossing timed on both sides of the border in
Chinese (本方口岸, 对方, 全程通关, “一站式”查验), the same figures as the English lines of
:func:`sim.cli_both_sides.run`, in the same format; a port, a partner and a file keep their
names."""

from __future__ import annotations

from sim.cli_lang import columns

#: the figures of :data:`sim.cli_both_sides.LABELS` in Chinese (a test keeps the keys equal)
LABELS = {"port_side_h_mean": "本方口岸一侧，均值（小时）",
          "partner_h_mean": "对方一侧，均值（小时）",
          "crossing_h_mean": "全程通关，均值（小时）",
          "crossing_h_p90": "全程通关，第 90 百分位（小时）",
          "partner_inspections": "对方查验次数"}
#: the width the English pads a label to (``:24s``), in display columns
WIDTH = 30


def title(port: str, partner: str, reps: int) -> str:
    """The first line: the port, the partner and the replications compared."""
    return f"{port} 与 {partner}，{reps} 次重复运行：两侧分别查验（串联）与“一站式”查验对比"


def direction(direction: str, port: str) -> str:
    """A direction's heading: imports bound for the port, exports from it."""
    if direction == "import":
        return f"  进口（运往 {port}）："
    return f"  出口（经 {port} 出境）："


def row(figure: str, numbers: str) -> str:
    """A figure's line: its Chinese label padded to the same columns, then the English line's
    numbers (``separate -> one stop  change +x [low, high]``) with its words in Chinese."""
    label = LABELS[figure]
    pad = WIDTH - columns(label)
    said = numbers.replace(" -> ", " → ").replace("  change ", "  变化 ")
    return f"    {label}{' ' * max(pad, 1)}{said}"


def csv_line(path: object) -> str:
    """Where every replication's figures were written (standard error)."""
    return f"每次重复运行的数据：{path}"
