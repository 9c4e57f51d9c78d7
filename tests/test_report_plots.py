"""The report's plots, checked on their figure objects: the rows drawn, their labels, the
legend's entries and that the legend stays out of the axes' data area."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sim.report import plots


def _resources(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["port", "lane", "utilisation"])


def _ticks(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def _outside(fig: Figure, legend, ax) -> bool:
    """The legend's box does not overlap the axes' data area (in display units)."""
    fig.canvas.draw()
    box = legend.get_window_extent()
    area = ax.get_window_extent()
    return bool(
        box.x0 >= area.x1 or box.x1 <= area.x0 or box.y0 >= area.y1 or box.y1 <= area.y0
    )


def test_utilisation_draws_every_options_lanes_and_marks_only_busy_lanes_binding():
    base = _resources([
        ("sea", "review", 0.82), ("sea", "exam_bays", 0.40),
        ("org/gac", "management", 0.002), ("org/gac", "tariff", 0.001),
    ])
    dumbbell = _resources([
        ("sea", "review", 0.60), ("sea", "exam_bays", 0.40),
        ("org/ruling_centre", "tariff", 0.75), ("org/case_centre", "anti_smuggling", 0.1),
    ])
    fig = plots.utilisation_by_lane({"baseline": base, "dumbbell": dumbbell})
    ax = fig.axes[0]
    labels = _ticks(ax)
    assert [lab.split("  ")[0] for lab in labels] == [
        "sea \u00b7 review", "sea \u00b7 exam_bays", "org/gac \u00b7 management",
        "org/gac \u00b7 tariff", "org/ruling_centre \u00b7 tariff",
        "org/case_centre \u00b7 anti_smuggling",
    ]
    marked = {lab.split("  ")[0]: lab.split("  ")[1] for lab in labels if "  " in lab}
    # the sea's review binds in the baseline only (60 % in the dumbbell); near 0 % never binds
    assert marked == {
        "sea \u00b7 review": "\u25c0 binding (baseline)",
        "org/ruling_centre \u00b7 tariff": "\u25c0 binding (dumbbell)",
    }
    low, high = sorted(ax.get_ylim())
    assert (low, high) == (-0.5, len(labels) - 0.5)  # no blank band above or below
    # the dumbbell's own units are drawn: a bar at their rows with their utilisation
    widths = {round(p.get_width(), 3) for p in ax.patches if np.isfinite(p.get_width())}
    assert {0.75, 0.1} <= widths
    assert _outside(fig, ax.get_legend(), ax)


def test_binding_lane_needs_a_busy_lane():
    table = _resources([("p", "a", 0.71), ("p", "b", 0.2), ("q", "a", 0.05),
                        ("q", "b", math.nan)])
    found = plots.binding_lanes(table)
    assert list(zip(found["port"], found["lane"], strict=True)) == [("p", "a")]
