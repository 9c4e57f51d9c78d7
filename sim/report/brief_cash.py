"""The brief's line on what an option saves the agencies, cash apart from capacity: the fall
in their cost paid (fewer posts or shifts, less overtime, lower running and per-check costs)
and the staff capacity it frees (its rise in idle staff time, :mod:`sim.model.cost_capacity`:
officers' hours no longer needed, still paid, a saving only if posts are cut). A budget
analyst reading one figure would take freed hours for cash."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

HEAD = "Agencies' saving a year: "
_NUM = r"-?[0-9][0-9,]*"
#: the money unit: a currency at a price year ("USD at 2019 prices"), or a currency alone
_UNIT = r"(?:[A-Z]{3} at [0-9]{4} prices|\S+)"
_LINE = re.compile(
    rf"{re.escape(HEAD)}(?P<cash>{_NUM}) (?P<cur>{_UNIT}) in cash \(95 % CI (?P<c0>{_NUM}) "
    rf"to (?P<c1>{_NUM})\), and (?P<freed>{_NUM}) (?P=cur) of staff capacity freed \(95 % CI "
    rf"(?P<f0>{_NUM}) to (?P<f1>{_NUM}); (?P<hours>{_NUM}) officer-hours no longer needed, "
    r"still paid: a saving only if posts are cut\); bordersim appraise's NPV counts the cash "
    r"only unless --count-freed-capacity")
_AT_PRICES = re.compile(r"(?P<cur>[A-Z]{3}) at (?P<y>[0-9]{4}) prices")


def _whole(x: float) -> str:
    """``x`` to the whole unit with thousands separators; a value that rounds to 0 as ``0``,
    never ``-0`` (a reader takes ``-0`` for a loss)."""
    said = f"{x:,.0f}"
    return "0" if said == "-0" else said


def _mean_ci(row: Mapping[Any, Any], sign: float) -> tuple[float, float, float]:
    """A difference's mean and 95 % interval, times ``sign`` (its ends in order)."""
    ends = sorted((sign * float(row["shown_low"]), sign * float(row["shown_high"])))
    return sign * float(row["mean"]), ends[0], ends[1]


def line(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, currency: str) -> str:
    """The line for option ``name``: the cash it saves the agencies a year (the fall in
    ``agency_cost_per_year``) and the capacity it frees (the rise in
    ``agency_idle_staff_cost_per_year``, with its head-hours); empty without them or when
    neither moves."""
    keys = ("agency_cost_per_year", "agency_idle_staff_cost_per_year",
            "agency_idle_staff_hours_per_year")
    if any((name, k) not in rows for k in keys):
        return ""
    cash = _mean_ci(rows[(name, keys[0])], -1.0)
    freed = _mean_ci(rows[(name, keys[1])], 1.0)
    hours = float(rows[(name, keys[2])]["mean"])
    if not all(math.isfinite(x) for x in (*cash, *freed, hours)):
        return ""
    if round(cash[0]) == 0 == round(freed[0]):
        return ""
    c0, c1, c2 = (_whole(x) for x in cash)
    f0, f1, f2 = (_whole(x) for x in freed)
    return (f"{HEAD}{c0} {currency} in cash (95 % CI {c1} to {c2}), and {f0} {currency} of "
            f"staff capacity freed (95 % CI {f1} to {f2}; {_whole(hours)} officer-hours no "
            "longer needed, still paid: a saving only if posts are cut); bordersim appraise's "
            "NPV counts the cash only unless --count-freed-capacity")


def text(en: str) -> str | None:
    """The Chinese of :func:`line`'s line, or None when ``en`` is not one."""
    m = _LINE.fullmatch(en)
    if m is None:
        return None
    cur = _AT_PRICES.sub(lambda p: f"{p['cur']}（{p['y']} 年价格）", m["cur"])
    return (f"政府部门每年的节省：现金 {m['cash']} {cur}（95% 置信区间 {m['c0']} 至 "
            f"{m['c1']}），释放的人员能力 {m['freed']} {cur}（95% 置信区间 {m['f0']} 至 "
            f"{m['f1']}；"
            f"不再需要但仍需支付的关员工时 {m['hours']} 小时：除非裁减岗位，不是节省）；"
            "bordersim appraise 的净现值只计现金，除非给出 --count-freed-capacity")
