"""The brief's lines on its money and its volumes (:mod:`sim.report.brief_money`) in
Chinese, each currency with its price year as the run table says it (「USD（2019 年价格）」)."""

from __future__ import annotations

import re

from sim.report.brief_money import SCALED

_UNIT = r"[A-Z]{3}(?: at [0-9]{4} prices)?"
_MONEY = re.compile(rf"Money: every amount in (?P<u>{_UNIT}), the scenario's currency and "
                    rf"price year(?:; the organisation's staff cost \(below\) in (?P<s>{_UNIT}), "
                    r"as the scenario prices its staff)?")
_AT_PRICES = re.compile(r"(?P<cur>[A-Z]{3}) at (?P<y>[0-9]{4}) prices")

SCALED_ZH = ("贸易量：本情景为在数秒内运行而按比例缩小了贸易量（其说明如此写明）：请引用方案之间的"
             "差值，而非水平值（数量和年度成本均为缩小后口岸的数值）")


def _unit(en: str) -> str:
    """``USD at 2019 prices`` as 「 USD（2019 年价格）」, a currency alone as 「 USD 」: spaced
    from the Chinese beside it, not from a full-width bracket."""
    zh = _AT_PRICES.sub(lambda m: f"{m['cur']}（{m['y']} 年价格）", en)
    return f" {zh}" if zh.endswith("）") else f" {zh} "


def text(en: str) -> str | None:
    """The Chinese of the brief's money or volumes line, or None when ``en`` is neither."""
    if en == SCALED:
        return SCALED_ZH
    m = _MONEY.fullmatch(en)
    if m is None:
        return None
    out = f"金额：所有金额均以{_unit(m['u'])}计，即本情景的货币和价格年份"
    if m["s"]:
        out += (f"；海关组织架构的人员成本（见下文）以{_unit(m['s'])}计，"
                "与本情景对其人员的定价一致")
    return out
