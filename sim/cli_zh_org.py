"""``bordersim org --lang zh``: the structures' table and the lines around it in Chinese, the
same figures as the English (:mod:`sim.cli_org`). A row's words are its metric's Chinese name
(:func:`sim.report.translate.metric_name`) and unit; the notes are said through
:func:`sim.cli_lang.line`, by their codes."""

from __future__ import annotations

import re

#: rows that are not a metric of the run, or whose metric's name needs more words
_OWN = {
    "alert_reach": "预警覆盖口岸比例（预警 × 口岸）",
    "alert_units": "预警途经排队的单位数（上行 + 下行，均值）",
    "org_manager_posts": "管理岗位数（按管理幅度）",
}
#: the unit said after a metric's Chinese name, by the English label's own unit
_UNITS = {"(h)": "（小时）", "": ""}


def label(key: str, english: str, price_year: int | None = None) -> str:
    """The Chinese words of the row of metric ``key`` (``english``: its English label); the
    staff cost's with its currency and ``price_year`` (``organisation.price_year``)."""
    if key == "org_staff_cost_cny":
        year = (f"{price_year} 年价格" if price_year is not None else
                "未注明价格年份：organisation.price_year")
        return f"关员年度人员成本（人民币元，{year}）"
    converted = re.fullmatch(r"staff cost per year \(([A-Z]{3}) at (\d{4}) prices: CNY x "
                             r"([0-9.e+-]+), costs\.exchange\)", english)
    if key == "org_staff_cost_per_year" and converted:
        cur, year, rate = converted.groups()
        return f"关员年度人员成本（{cur}，{year} 年价格；人民币按汇率 {rate} 折算）"
    posts = re.fullmatch(r"managers' posts' cost per year \(([A-Z]{3})\)", english)
    if key == "org_manager_cost_per_year" and posts:
        return f"管理岗位年度成本（{posts.group(1)}，不计入政府部门成本）"
    if key in _OWN:
        return _OWN[key]
    from sim.report.translate import metric_name

    unit = "(h)" if english.endswith("(h)") else ""
    return (metric_name(key) or key) + _UNITS[unit]


def first_look(seed: int, command: str) -> str:
    """The line under the table: one replication each, and the comparison with intervals."""
    return (f"每种结构只运行一次（种子 {seed}），因此没有区间：仅供初步查看。如需带 95% 区间的"
            f"差异：{command}")


def trees(path: object) -> str:
    return f"组织结构图已写入 {path}"
