"""The workshop page's numbers in the unit of their metric (the glossary's,
:func:`sim.experiment.compare.metric_unit`): a share as a percentage, a change of a share
in percentage points, money and counts without decimals that say nothing.

A room reads "93.7 %", not "0.937", and "135,232,500", not "135,232,500.0". A figure's
mean carries its unit; its interval's ends are in the same unit, unmarked, so that a cell
stays short (``93.7 % [92.1, 95.3]``), and with the mean's decimals (``9.99 [8.46, 11.52]``,
not ``9.99 [8.46, 11.5]``: ends written each by its own size read as another precision).
Hours are written by their size, the same way in every cell (and in the chart's words,
:mod:`sim.faces.chart`): two decimals under 10 h (``5.32``), one from 10 h on (``14.0``,
``1,234.5``), and two significant digits where two decimals would show a change that is not 0
as "0.00" (a small change of hours is also said in minutes beside it). The exact mean stays
in the cell's ``data-value``.
"""

from __future__ import annotations

import math

#: a change of a share, in percentage points, by language
POINTS = {"en": " points", "zh": " 个百分点"}
#: a share, in percent, by language (English writes a space before it, as the reports do)
PERCENT = {"en": " %", "zh": "%"}


def plain(x: float | None) -> str:
    """Three decimals, but two significant digits where three decimals would show a change
    that is not 0 as "0.000" (as the report does); thousands separated from 10 on."""
    if x is None or not math.isfinite(x):
        return "–"
    if abs(x) < 1e-9:
        x = 0.0  # no "-0.000"
    elif abs(x) < 5e-4:
        return f"{x:.{1 - math.floor(math.log10(abs(x)))}f}"
    return f"{x:.3f}" if abs(x) < 10 else f"{x:,.1f}"


def _unit(metric: str) -> str:
    """The metric's unit (a by-direction metric's is that of the metric without it)."""
    from sim.experiment.compare import metric_unit

    return metric_unit(metric)


def _percent(x: float) -> str:
    """A share already times 100: one decimal, two significant digits where one decimal
    would show a value that is not 0 as "0.0"."""
    if abs(x) < 1e-9:
        return "0.0"
    if abs(x) < 0.05:
        return f"{x:.{1 - math.floor(math.log10(abs(x)))}f}"
    return f"{x:.1f}"


def hours(x: float) -> str:
    """Hours by size: two decimals under 10, one from 10 on (thousands separated), two
    significant digits where two decimals would show a value that is not 0 as "0.00"."""
    if abs(x) < 1e-9:
        return "0.00"  # (no "-0.00")
    if abs(x) < 0.005:
        return f"{x:.{1 - math.floor(math.log10(abs(x)))}f}"
    return f"{x:.2f}" if abs(x) < 9.995 else f"{x:,.1f}"


def _whole_from(unit: str) -> float:
    """The size from which a figure of ``unit`` is shown without decimals (inf: never)."""
    if "currency" in unit:
        return 100.0
    if unit in ("consignments", "per 1,000 declarations"):
        return 1000.0
    return math.inf


def _decimals(said: str) -> int:
    """How many decimals a written figure has."""
    return len(said.rsplit(".", 1)[1]) if "." in said else 0


def bound(metric: str, x: float | None, like: float | None = None) -> str:
    """An end of a figure's interval (or a figure without its unit) in its metric's unit;
    with ``like`` (the interval's mean), with as many decimals as the mean is written with,
    so that a cell's three numbers read at one precision."""
    if x is None or not math.isfinite(x):
        return "–"
    if like is not None and math.isfinite(like):
        decimals = _decimals(bound(metric, like))
        scaled = 100 * x if _unit(metric).startswith("share") else x
        if abs(scaled) < 0.5 * 10.0 ** -decimals:
            scaled = 0.0  # (no "-0.00")
        return f"{scaled:,.{decimals}f}"
    unit = _unit(metric)
    if unit.startswith("share"):
        return _percent(100 * x)
    if unit == "hours":
        return hours(x)
    whole = _whole_from(unit)
    if math.isfinite(whole) and abs(x) < 1e-9:
        return "0"  # (money and counts: no "0.000", no "-0")
    if abs(x) >= whole:
        return f"{x:,.0f}"
    if "currency" in unit and abs(x) >= 1:
        return f"{x:,.2f}"
    return plain(x)


def figure(metric: str, x: float | None, side: str = "baseline", lang: str = "en") -> str:
    """A figure (a mean of ``side``: baseline, option or difference) in its metric's unit: a
    share's level in percent, its difference in percentage points."""
    said = bound(metric, x)
    if said == "–" or not _unit(metric).startswith("share"):
        return said
    return said + (POINTS if side == "difference" else PERCENT)[lang]
