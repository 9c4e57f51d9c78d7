"""The Chinese of ``bordersim tfa --publish --lang zh``: the published release-time table's
words (:data:`sim.report.trs_publish_page.WORDS`)."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, Any] = {
    "title": "平均放行时间（世贸组织《贸易便利化协定》第 7.6 条；世界海关组织《放行时间研究》），"
             "方案 {option}",
    "heads": ("口岸", "方向", "阶段", "均值（小时）", "中位数（小时）", "第 90 百分位（小时）",
              "统计票数", "{target} 小时内比例"),
    "all": "全部口岸",
    "run": "本次运行",
    "goods": {"import": "进口", "export": "出口"},
    "stages": {"arrival to lodgement": "到港至申报",
               "lodgement to release": "申报至放行",
               "release to exit": "放行至提离",
               "arrival to release": "到港至放行",
               "arrival to exit": "到港至提离"},
    "period": "统计期：情景“{scenario}”的 {reps} 次重复运行中，每次在 {warmup} 天预热期后 "
              "{days} 个模拟日内到港的货物，每票跟踪至放行和离港（清空期最长 {drain} 天）。"
              "数值为各次重复的均值；统计票数为各次之和。均为模拟时间，不是对真实口岸的测量。",
    "definitions": "定义",
    "defs": [
        "到港至申报：自货物（运输工具）到港至报关单申报；到港前已申报的为 0。",
        "申报至放行：自申报与到港两者中较晚者至海关放行，申报后的一切等待都计入（含企业缴税）。",
        "放行至提离：自放行至货物离开口岸（进口货物经闸口离港；出口货物在截关时装载或过境）。",
        "到港至放行：《放行时间研究》的平均放行时间，自到港至海关放行。",
        "到港至提离：自到港至货物离开口岸（即中国的整体通关时间）。",
        "中位数和第 90 百分位：读自对数直方图（与精确分位数相差不超过 1%），取各次重复的均值。",
        "统计票数：已由海关放行（至放行的阶段）或已离开口岸（至提离的阶段）的货物；查获、退运"
        "和仍被扣留的货物不计。至放行与至提离的阶段统计的货物不同，因此不必相加相等。",
        "时限内比例：到港至放行（或至提离）不超过 {target} 小时的比例。",
    ],
}
