"""``bordersim operating-curve --lang zh``: an AI image reviewer's operating points in Chinese
(工作点, 放行比例（阈值）, 漏检率, 审图关员利用率, 通关时间, 配对差值, 95% 置信区间), for a
district's leaders who read no English. Every figure is the English line's, formatted by the
same functions (:mod:`sim.cli_operating_curve`); ports, centres and metric identifiers keep
their names; the files written stay English."""

from __future__ import annotations

import math
from typing import Any

from sim.cli_lang import pad

#: each figure's short name (:func:`sim.cli_operating_curve._short`) in Chinese
LABELS = {
    "clearance_h_mean_import": "进口通关时间均值（小时）",
    "clearance_h_p90_import": "进口通关时间第 90 百分位（小时）",
    "clearance_h_mean_export": "出口通关时间均值（小时）",
    "utilisation_officers": "审图关员利用率",
    "queue_mean_officers": "审图排队均值（张）",
    "wait_h_mean_officers": "审图等待均值（小时）",
    "utilisation_centre_officers": "审图中心关员利用率",
    "queue_mean_centre_officers": "审图中心排队均值（张）",
    "wait_h_mean_centre_officers": "审图中心等待均值（小时）",
    "detection_rate_this_port": "本口岸查获率",
    "detection_rate_tobacco": "烟草查获率（全部口岸）",
    "detection_rate_frozen": "冻品查获率（全部口岸）",
    "detection_rate_counterfeit": "假冒商品查获率（全部口岸）",
    "value_slipped": "漏放货值（全部口岸）",
}
#: the columns a label is padded to (the English pads its short name to 26 characters)
WIDTH = 34

#: the command's own errors (an English reason, whole -> its Chinese), plugged into
#: :data:`sim.cli_zh_errors.MESSAGES`; the values are kept as given
ERRORS: tuple[tuple[str, str], ...] = (
    (r"--port (?P<port>'[^']*'): no such port; the scenario's ports: (?P<ports>.+)",
     "--port {port}：情景中没有此口岸；情景中的口岸：{ports}"),
    (r"--port (?P<port>'[^']*') has no scanners, so no image review; ports with scanners: "
     r"none", "--port {port} 没有集装箱检查设备（扫描），因此没有审图；情景中没有配备扫描的口岸"),
    (r"--port (?P<port>'[^']*') has no scanners, so no image review; ports with scanners: "
     r"(?P<ports>.+)",
     "--port {port} 没有集装箱检查设备（扫描），因此没有审图；配备扫描的口岸：{ports}"),
    (r"(?P<flag>--(?:clear|auc|share)): (?P<value>\S+) is not allowed; each value is within "
     r"(?P<span>[\[(]\S+, \S+\])", "{flag}：不允许取 {value}；每个值须在 {span} 之内"),
    (r"(?P<flag>--(?:clear|auc|share)): give at least one value", "{flag}：请至少给出一个值"),
)
#: its argument's type error (:func:`sim.cli_operating_curve._floats`), plugged into
#: :data:`sim.cli_zh_usage.MESSAGES`
USAGE: tuple[tuple[str, str], ...] = (
    (r"not a list of numbers: (?P<value>.+) \(give them separated by commas: 0\.5,0\.7\)",
     "不是数值列表：{value}（请用逗号分隔，如 0.5,0.7）"),
)


def heading(port: str, points: int, reps: int) -> str:
    """The first line: what each figure is (the English one's figures, in its order)."""
    return (f"{port}：{points} 个工作点 × 每点 {reps} 次重复运行；工作点 0 为情景自身的工作点；"
            f"AUC 为 {port} 自身 AI 的，其他口岸保留各自的 AI 及其 AUC；每个数字为该工作点的"
            "均值，其后为相对工作点 0 的配对差值 [95% 置信区间]；按类型的查获率和漏放货值为全部"
            "口岸合计（其他口岸使用相同的随机种子）")


def label(metric: str, port: str) -> str:
    """A metric's Chinese label (its identifier where this table has none)."""
    from sim.cli_operating_curve import _short

    short = _short(metric, port)
    return LABELS.get(short, short)


def change(rec: dict[str, Any], metric: str) -> str:
    """:func:`sim.cli_operating_curve._change` with its words in Chinese."""
    from sim.cli_operating_curve import _change

    return _change(rec, metric).replace("[no interval]", "[无置信区间]")


def point_lines(table: Any, metrics: list[str], port: str) -> list[str]:
    """:func:`sim.cli_operating_curve._lines` in Chinese: each point's head, then a line a
    figure (its mean and, from point 1 on, its paired change)."""
    from sim.cli_operating_curve import _figure

    shown = [m for m in metrics if m in table.columns]
    out = []
    for rec in table.to_dict(orient="records"):
        out.append(f"工作点 {rec['point']}：AUC {rec['ai_auc']:g}，AI 审图比例 "
                   f"{rec['ai_share']:g}，放行比例（阈值）{rec['ai_clear']:g}；AI 漏检率 "
                   f"{rec['ai_miss']:.3f}（显示有违规货物的图像中未经关员审读即被放行的比例）；"
                   f"关员仍需审读的普通图像比例 {rec['officers_read']:.3f}"
                   + ("" if rec["on_frontier"] else
                      "；不在前沿上（另有工作点漏检不更多、留给关员审读的也不更多）")
                   + ("；不稳定：有排队未能稳定" if rec["unstable"] else ""))
        for m in shown:
            diff = "" if rec["point"] == 0 else f"  {change(rec, m)}"
            out.append(f"  {pad(label(m, port), WIDTH, right=False)} "
                       f"{_figure(rec[m]):>12}{diff}")
    return out


def worth_heading(port: str, high: float, low: float) -> str:
    """The AUC comparison's heading (the better AUC against the worse, at each threshold)."""
    return (f"\n{port} 的 AUC {high:g} 对比 {low:g}，同一阈值下（配对差值 [95% 置信区间]）；"
            "clear_same_miss：较好的 AI 在不超过较差者漏检率时可放行的比例")


def worth_lines(table: Any, metrics: list[str], port: str) -> list[str]:
    """:func:`sim.cli_operating_curve._worth_lines` in Chinese."""
    out = []
    for rec in table.to_dict(orient="records"):
        out.append(f"AI 审图比例 {rec['ai_share']:g}，放行比例（阈值）{rec['ai_clear']:g}："
                   f"AI 漏检率 {rec['miss_low']:.3f} → {rec['miss_high']:.3f}；"
                   f"同等漏检率下可放行的比例（clear_same_miss）{rec['clear_same_miss']:.3f}")
        for m in metrics:
            if f"{m}_diff" in rec:
                need = rec[f"{m}_reps_to_tell"]
                told = "" if math.isnan(need) else f"（约需 {need:,.0f} 次重复运行才能区分）"
                out.append(f"  {pad(label(m, port), WIDTH, right=False)} "
                           f"{change(rec, m)}{told}")
    return out


def results(out: Any) -> str:
    """The last line: the results folder and its tables."""
    return (f"结果：{out}（frontier.csv；有两个或更多 AUC 时另有 auc-worth.csv；以及参数扫描"
            "的各文件）")


def alone_note() -> str:
    """The note when the values give only the scenario's own point."""
    return ("提示：所给的值只构成情景自身的工作点（工作点 0），因此没有可与之比较的工作点；"
            "请给出与情景不同的 --clear、--auc 或 --share")


def centre_note(port: str, centre: str, others: list[str]) -> str:
    """The note on a port whose images are read at a shared review centre."""
    shared = f"与 {'、'.join(others)} 共用" if others else "没有其他口岸共用"
    return (f"提示：{port} 的图像在审图中心 {centre!r} 审读（{shared}）：审图关员的利用率、"
            "排队和等待时间为该中心的")


def missing_note(missing: list[str]) -> str:
    """The note naming the figures these runs did not measure."""
    return f"提示：这些运行未测得以下指标，因此不列出：{'、'.join(missing)}"
