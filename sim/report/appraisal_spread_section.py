"""The report's table of the NPV's spread from the cost inputs (``appraisal.json``'s
``input_spread``, :mod:`sim.experiment.appraisal_spread`), under the business case: each
option's inputs at their low and high end, the widest swing first; none for an appraisal
written before the spread was."""

from __future__ import annotations

import html
from typing import Any

#: the table's heading and its columns
HEAD = "The NPV's spread from the cost inputs"
COLUMNS = ("option", "input", "its range (low to high)", "NPV at the low end",
           "NPV at the high end", "swing", "where the range comes from")


def range_text(row: dict[str, Any]) -> str:
    """An input's range as the terminal says it: ``x 1 to x 3.5``, or ``0, not varied``."""
    from sim.experiment.appraisal_spread import value_text

    name, low, high = str(row["input"]), float(row["low"]), float(row["high"])
    if low == high:
        return f"{value_text(name, low)}, not varied"
    return f"{value_text(name, low)} to {value_text(name, high)}"


def spread_section(data: dict[str, Any]) -> list[str]:
    """The table's HTML parts (none where ``data`` has no spread)."""
    from sim.experiment.appraisal_spread import INPUTS
    from sim.report.appraisal_section import _number

    spreads = data.get("input_spread")
    if not isinstance(spreads, dict) or not spreads:
        return []
    rows = []
    for option, swings in spreads.items():
        for row in swings:
            cells = (str(option), INPUTS.get(str(row["input"]), str(row["input"])),
                     range_text(row), _number(row["npv_at_low"]), _number(row["npv_at_high"]),
                     _number(row["swing"]), str(row["why"]))
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in COLUMNS)
    assumes = str(data.get("input_spread_assumes") or "")
    return [f"<h3>{html.escape(HEAD)}</h3>",
            *([f"<p class='note'>{html.escape(assumes)}.</p>"] if assumes else []),
            f"<table><tr>{head}</tr>{''.join(rows)}</table>",
            *_together(data.get("input_spread_together"))]


def _together(kept: Any) -> list[str]:
    """Each option's Monte Carlo of the inputs and the simulation's noise together, a line
    each as the terminal says it (none for an appraisal written before it was)."""
    from types import SimpleNamespace

    from sim.experiment.appraisal_spread import joint_text

    if not isinstance(kept, dict):
        return []
    out = []
    for option, j in kept.items():
        if not isinstance(j, dict) or j.get("low") is None or j.get("high") is None:
            continue
        said = joint_text(SimpleNamespace(draws=int(j["draws"]), low=float(j["low"]),
                                          high=float(j["high"]),
                                          below_zero=float(j["share_below_zero"])))
        out.append(f"<p class='note'>{html.escape(f'{option}: {said.strip()}.')}</p>")
    return out
