"""``bordersim hours RESULTS_DIR --lang zh``: each view's lines in Chinese (利用率, 排队,
第 N 天, 负荷紧张: at least 70 % utilised), from the same tables and with the same figures,
formatted the same, as the English lines of :mod:`sim.report.hourly_use`,
:mod:`sim.report.daily_use`, :mod:`sim.report.peak_backlog` and :mod:`sim.report.recovery`;
ports, lanes and options keep the names the scenario gives them (``baseline`` is
基准方案)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: the days of the week (sim.report.hourly_use.DAYS, Monday first)
DAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
BINDING = "  负荷紧张"
#: what ``--csv`` wrote, by view
CSV = {"peak": "各作业线的最大积压", "day": "各作业线逐日数据", "hour": "各作业线逐小时利用率",
       "recovery": "各方案高于基准方案的积压"}
NONE_ABOVE = "  没有作业线的排队高于基准方案"


def days_note(window: tuple[float, float]) -> str:
    """:func:`sim.cli_hours.days_note` in Chinese."""
    first, last = window[0] / 24, max(math.ceil(window[1] / 24) - 1, 0)
    return (f"天数自运行开始计：第 0 天为预热期第一天（预热 {first:g} 天），"
            f"观测期为第 {first:g} 至 {last} 天")


def option(name: str) -> str:
    """An option's heading line (``baseline`` is 基准方案)."""
    return ("基准方案" if name == "baseline" else name) + "："


def busiest_lines(use: pd.DataFrame, week: bool = False) -> list[str]:
    """:func:`sim.report.hourly_use.busiest_lines` in Chinese."""
    from sim.report.hourly_use import busiest

    out = []
    for r in busiest(use).to_dict("records"):
        hour = int(r["hour"])
        when = f"{DAYS[hour // 24]} {hour % 24:02d}:00" if week else f"{hour:02d}:00"
        out.append(f"{r['port']}  {when}  {r['lane']} 利用率 {r['utilisation']:.2f}（平均排队 "
                   f"{r['queue_mean']:.1f}）{BINDING if r['binding'] else ''}")
    return out


def daily_lines(use: pd.DataFrame) -> list[str]:
    """:func:`sim.report.daily_use.daily_lines` in Chinese."""
    from sim.report.daily_use import busiest_days

    out = []
    for r in busiest_days(use).to_dict("records"):
        if not r["lane"]:
            out.append(f"{r['port']}  第 {int(r['day'])} 天  无作业线当班（关闭）；"
                       f"排队最长的作业线 {r['deepest']}，最多 {r['deepest_peak']:.1f}")
            continue
        line = (f"{r['port']}  第 {int(r['day'])} 天  {r['lane']} 利用率 {r['utilisation']:.2f}"
                f"（平均排队 {r['queue_mean']:.1f}，最多 {r['queue_peak']:.1f}）")
        line += BINDING if r["binding"] else ""
        if r["deepest_peak"] > r["queue_peak"]:  # (another lane)
            line += f"；排队最长的作业线 {r['deepest']}，最多 {r['deepest_peak']:.1f}"
        out.append(line)
    return out


def peak_lines(peaks: pd.DataFrame) -> list[str]:
    """:func:`sim.report.peak_backlog.peak_lines` in Chinese."""
    from sim.report.peak_backlog import clock

    out = []
    for r in peaks.to_dict("records"):
        day, hour = clock(float(r["peak_h"]))
        cleared = (f"{r['cleared_h']:.0f} 小时后回落至平均水平" if math.isfinite(r["cleared_h"])
                   else "运行结束前未回落至平均水平")
        out.append(f"{r['port']}  {r['lane']}  最长排队 {r['peak_queue']:.1f}，在第 {day} 天 "
                   f"{hour}（观测期平均 {r['mean_queue']:.2g}）；{cleared}")
    return out


def every_text(hours: float) -> str:
    """:func:`sim.report.peak_backlog.every_text` in Chinese: 1 天, 6 小时, 5 分钟."""
    if hours >= 24 and float(hours / 24).is_integer():
        return f"{hours / 24:g} 天"
    return f"{hours:g} 小时" if hours >= 1 else f"{hours * 60:.3g} 分钟"


def measured_note(every_h: float, samples: int) -> str:
    """:func:`sim.report.peak_backlog.measured_note` in Chinese."""
    from sim.report.peak_backlog import FINE

    text = (f"最长排队取自观测期内的 {samples} 次排队采样（每隔 {every_text(every_h)}，即 "
            "queue_sample；各次重复运行在同一时刻的平均值）中的最大值：两次采样之间的排队看不到")
    if every_h > 1:
        text += f"；要找到真正的高峰，请加 --set queue_sample='{FINE}' 重新运行"
    return text


def none_note(every_h: float, samples: int) -> str:
    """:func:`sim.report.peak_backlog.none_note` in Chinese."""
    from sim.report.peak_backlog import FINE

    return (f"  观测期内的 {samples} 次排队采样（每隔 {every_text(every_h)}）中没有任何作业线"
            f"有排队；请加 --set queue_sample='{FINE}' 重新运行，以读出两次采样之间的排队")


def duration_text(hours: float) -> str:
    """:func:`sim.report.recovery.duration_text` in Chinese: 69 小时, 2 小时 35 分钟."""
    h, m = divmod(int(round(hours * 60)), 60)
    return f"{h} 小时 {m} 分钟" if h and m else f"{h} 小时" if h else f"{m} 分钟"


def back_text(peak_h: float, recovered_h: float, every_h: float) -> str:
    """:func:`sim.report.recovery.back_text` in Chinese."""
    from sim.report.peak_backlog import clock

    if not math.isfinite(recovered_h):
        return "运行结束前未回到基准方案的排队水平"
    if every_h >= 1:
        return f"{recovered_h:.0f} 小时后回到基准方案的排队水平"
    day, at = clock(peak_h + recovered_h)
    return f"第 {day} 天 {at} 回到基准方案的排队水平（{duration_text(recovered_h)}后）"


def resolution_note(every_h: float) -> str:
    """:func:`sim.report.recovery.resolution_note` in Chinese."""
    from sim.report.peak_backlog import FINE

    every = every_text(every_h)
    if every_h < 1:
        return (f"时间精确到排队采样，每隔 {every}（queue_sample）：积压在第一次采样到排队不高于"
                f"基准方案时算作消除，最多比实际晚 {every}")
    unit = "小时" if every_h == 1 else "采样"
    return (f"时间只精确到{unit}：本文件夹的排队采样每隔 {every}（queue_sample），两次采样之间"
            f"消除的积压显示在下一次采样；要精确到分钟，请加 --set queue_sample='{FINE}' 重新运行")


def excess_lines(rows: pd.DataFrame, every_h: float = 1.0) -> list[str]:
    """:func:`sim.report.recovery.excess_lines` in Chinese."""
    from sim.report.peak_backlog import clock

    out = []
    for r in rows.to_dict("records"):
        day, at = clock(float(r["peak_h"]))
        back = back_text(float(r["peak_h"]), float(r["recovered_h"]), every_h)
        out.append(f"{r['port']}  {r['lane']}  超出基准方案 {r['excess_queue']:+.1f}，在第 {day} "
                   f"天 {at}（排队 {r['queue']:.1f}，基准方案 "
                   f"{r['baseline_queue']:.1f}）；{back}")
    return out
