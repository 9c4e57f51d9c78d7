"""The report's AEO payback section (:mod:`sim.report.aeo_payback_section`) in Chinese, in
the words of ``bordersim compare --declarations-a-year --lang zh``
(:mod:`sim.cli_zh_aeo_payback`): its heading, columns, the words of a cell without a figure
and its notes; every figure carried over as the page wrote it. Its warnings are coded
(``aeo_payback_unclaimed``) and said as the console says them."""

from __future__ import annotations

import re

from sim.report import aeo_payback_section as en

#: the section's fixed texts -> their Chinese
WORDS = {
    en.HEADING: "单个企业的 AEO 认证能否收回成本",
    "saving a declaration [95 % CI]": "每票报关单节省 [95% 置信区间]",
    "saved a year [95 % CI]": "每年节省 [95% 置信区间]",
    "cost a year to keep the status": "每年维持认证的成本",
    "net saving a year": "每年净节省",
    "one-off cost": "一次性认证成本",
    "months to pay back": "收回成本所需月数",
    en.NOT_GIVEN: "未给出",
    en.NEVER: "无法收回",
    en.NONE: ("本次比较没有获得认证企业的贸易商成本（在含 [costs] 的情景上以 "
              "aeo_mutual_recognition 为选项即有）：无可显示的收回成本结果。"),
}
#: the note, its figures as groups
_NOTE = re.compile(re.escape(en.NOTE).replace(
    r"\{declarations\}",
    r"(?P<declarations>[0-9,.]+)(?: import, (?P<exports>[0-9,.]+) export)?")
                   .replace(r"\{unit\}", r"(?P<unit>.+?)"))


def text(said: str) -> str | None:
    """The Chinese of one text of the section, or None when ``said`` is none of them."""
    if said in WORDS:
        return WORDS[said]
    note = _NOTE.fullmatch(said)
    if note is None:
        return None
    counted = (f"进口 {note['declarations']} 票、出口 {note['exports']} 票" if note["exports"]
               else f" {note['declarations']} 票")
    return (f"按单个企业在所查看的口岸和进出口方向每年{counted}报关单计算："
            "获得认证企业每票报关单在贸易商成本上的节省（每票获得认证的货物与其未获认证时"
            "相比，各次重复运行配对的均值及 95% 置信区间），乘以上述票数，再与企业维持认证"
            f"的成本相抵；金额单位为 {note['unit']}。节省金额的置信区间包含 0 时不认定可以"
            "收回成本。由 bordersim compare --declarations-a-year 写出（aeo-payback.csv）；"
            "说明见 docs/aeo-trader.md。")
