"""The report's plots, checked on their figure objects: the rows drawn, their labels, the
legend's entries and that the legend stays out of the axes' data area."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from sim.report import plots


@pytest.fixture(autouse=True)
def _closed() -> object:
    """Each test's figures closed after it: the tests read them, nothing saves them, and
    pyplot keeps them open (and warns past 20) for the rest of the worker's tests."""
    yield
    plt.close("all")


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


NAMES = ("baseline", "two_step_declaration")


def _inside(fig: Figure, texts, ax) -> bool:
    """Every text ends within the axes (a long option label does not run past them)."""
    fig.canvas.draw()
    right = ax.get_window_extent().x1
    return all(t.get_window_extent().x1 <= right + 0.5 for t in texts)


def test_truth_plot_keeps_its_legend_and_labels_off_the_bars_and_shows_only_shares():
    from sim.report.flow_plots import customs_and_truth

    enforcement = pd.DataFrame({
        "port": "p", "direction": "import", "truth": ["compliant", "tobacco", "undervaluation"],
        "declarations": [900, 20, 100], "detected": [0, 5, 8], "audit_detected": [0, 0, 2],
    })
    rows = [("inspection_rate", 0.1), ("hit_rate_physical", 0.06), ("hit_rate_scan", np.nan),
            ("seizures_per_1000", 3.7), ("illicit_share", 0.02), ("detection_rate", 0.2)]
    summary = pd.DataFrame([(n, m, v) for n in NAMES for m, v in rows],
                           columns=["option", "metric", "mean"])
    fig = customs_and_truth({n: enforcement for n in NAMES}, summary)
    left, right = fig.axes
    assert _ticks(right) == ["inspected (per declaration)", "physical exams that found",
                             "illicit (the hidden truth)", "of the illicit, detected"]
    assert right.get_xlim() == (0, 1)
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == [
        "found at the checks", "found by audit", "slipped through (hidden)"]
    assert left.get_legend() is None
    assert _outside(fig, legend, left) and _outside(fig, legend, right)
    assert _inside(fig, left.texts, left) and {t.get_text() for t in left.texts} == {
        f" {n}" for n in NAMES}
    values = [t.get_text() for t in right.texts]  # each bar's value, small ones readable
    assert values[:4] == ["10.0 %", "6.0 %", "2.0 %", "20.0 %"], values
    from sim.report.flow_plots import _percent

    assert [_percent(0.0003), _percent(0.003), _percent(0.135)] == ["0.03 %", "0.3 %", "13.5 %"]


def test_queue_plot_legend_is_beside_the_panels():
    from sim.report.flow_plots import queues_over_time

    t = np.arange(0.0, 48.0, 4.0)
    queues = pd.concat([pd.DataFrame({"t_h": t, "port": "p", "lane": lane, "queue": q * t})
                        for lane, q in (("a", 1.0), ("b", 0.5), ("c", 0.2))])
    fig = queues_over_time({n: queues for n in NAMES}, warmup_h=8)
    (legend,) = fig.legends
    assert [x.get_text() for x in legend.get_texts()] == list(NAMES)
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert len(shown) == 3 and all(ax.get_legend() is None for ax in shown)
    assert all(_outside(fig, legend, ax) for ax in shown)


def _intervals(rows: list[tuple], group: str = "sea/import") -> pd.DataFrame:
    """An intervals table of one port and direction: (stretch, kind, owner, n, mean_h,
    per_consignment_h, hours by owner) of 100 consignments."""
    from sim.model.milestones import OWNERS

    out = []
    for name, kind, owner, n, mean, per, by_owner in rows:
        out.append({"interval": name, "kind": kind, "from": "a", "to": "b", "owner": owner,
                    "dimension": "port_direction", "group": group, "consignments": 100,
                    "n": n, "mean_h": mean, "per_consignment_h": per,
                    **{f"{o}_h": by_owner.get(o, 0.0) for o in OWNERS}})  # fmt: skip
    return pd.DataFrame(out)


MILESTONE_ROWS = [
    ("lodging", "to_release", "trader", 100, 2.0, 2.0, {"trader": 2.0}),
    ("escalation", "to_release", "organisation", 10, 2.5, 0.25, {"organisation": 0.25}),
    ("exam_yard", "to_release", "mixed", 10, 10.0, 1.0, {"customs": 0.6, "terminal": 0.4}),
    ("scan", "to_release", "customs", 0, math.nan, 0.0, {}),
    ("laboratory", "to_release", "quarantine", 0.4, 30.0, 0.12, {"quarantine": 0.12}),
    ("pickup", "after_release", "trader", 100, 13.0, 13.0, {"trader": 13.0}),
    ("vessel_discharge", "parallel", "terminal", 100, 1.5, 1.5, {}),
    ("clearance", "total", "total", 100, 3.37, 3.37, {}),
    ("overall_clearance", "total", "total", 100, 16.37, 16.37, {}),
]


def test_milestone_plot_has_a_panel_per_port_and_direction_split_by_owner():
    from sim.report.interval_plots import intervals_by_port

    sea = _intervals(MILESTONE_ROWS)
    table = pd.concat([sea, _intervals(MILESTONE_ROWS, "land/export")])
    fig = intervals_by_port({n: table for n in NAMES})
    shown = [ax for ax in fig.axes if ax.get_visible() and ax.axison]
    assert [ax.get_title().split(":")[0] for ax in shown] == [
        "sea · import", "land · export"]
    assert "3.4 h to release, 16.4 h to the end of the flow" in shown[0].get_title()
    ticks = _ticks(shown[0])  # (the stretches with hours, in order; the totals not drawn)
    assert [t.split(" ·")[0] for t in ticks] == [
        "lodging", "escalation", "exam_yard", "laboratory", "pickup",
        "vessel_discharge (beside)"]
    assert ticks[3].startswith("laboratory · 0.4% · 30.0 h each"), ticks
    # the exam yard's bar stacked by owner, each option's; release drawn between the parts
    widths = [round(p.get_width(), 3) for p in shown[0].patches]
    assert widths.count(0.6) == widths.count(0.4) == len(NAMES)
    assert widths.count(0.25) == len(NAMES)  # the organisation's hold, as any stretch
    assert [line.get_ydata()[0] for line in shown[0].lines] == [3.5]
    hatched = [p for p in shown[0].patches if p.get_hatch()]
    assert len(hatched) == len(NAMES) and hatched[0].get_width() == 1.5
    assert not any(t.get_text() == "land: no imports" for t in shown[1].texts)
    off = [ax for ax in fig.axes if not ax.axison]
    assert {t.get_text() for ax in off for t in ax.texts} == {"sea: no exports", "land: no imports"}


def test_a_report_of_an_older_folder_says_its_intervals_are_not_by_port():
    from sim.report.folder import Variant
    from sim.report.sections import intervals_section

    old = pd.DataFrame({"interval": ["lodging"], "from": ["arrived"], "to": ["lodged"],
                        "owner": ["trader"], "n": [5], "mean_h": [1.0]})  # fmt: skip
    v = Variant("run", None, {}, [0], tables={"intervals": old})  # type: ignore[arg-type]
    text = " ".join(intervals_section({"run": v}))
    assert "written by an older version" in text and "<img" not in text


def test_who_gains_has_no_blank_band_and_its_legend_is_off_the_bars():
    gains = pd.DataFrame({
        "option": "two_step_declaration", "measure": "overall_clearance",
        "dimension": "port_direction", "port": ["a", "a", "b"],
        "direction": ["import", "export", "import"], "share_better": [0.4, 0.2, 0.1],
        "share_worse": [0.01, 0.0, 0.05],
    })
    fig = plots.who_gains(gains)
    ax = fig.axes[0]
    assert ax.get_ylim() == (2.5, -0.5)
    assert _ticks(ax) == ["a \u00b7 import", "a \u00b7 export", "b \u00b7 import"]
    assert _outside(fig, ax.get_legend(), ax)


def test_cost_against_detection_draws_paired_differences_and_merges_equal_points():
    """Each option minus the baseline, with the paired interval; options at one point (a
    reform that only shifts who pays) share one marker named together."""
    rows = []
    for option, cost, det in [("baseline", 0, 0), ("pays", 0.0, 0.0), ("window", -8.6, 0.001),
                              ("scanner", 3.0, 0.02)]:  # fmt: skip
        rows += [(option, "total_cost_per_consignment", cost, cost - 4, cost + 4),
                 (option, "detection_rate", det, det - 0.01, det + 0.01)]  # fmt: skip
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "ci_low", "ci_high"])
    fig = plots.cost_against_detection(diffs, currency="USD")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["baseline = pays", "window", "scanner"]
    xs = [line.get_xdata()[0] for line in ax.get_lines() if line.get_marker() == "o"]
    assert xs == [0.0, -8.6, 3.0]
    ys = [line.get_ydata()[0] for line in ax.get_lines() if line.get_marker() == "o"]
    assert ys == [0.0, 0.1, 2.0]  # (percentage points)
    assert "change in total cost" in ax.get_xlabel() and "USD" in ax.get_xlabel()
    assert _outside(fig, ax.get_legend(), ax)


def test_organisation_boxes_keep_their_text_legible():
    """The utilisation colours' ends (dark green, dark red) carry white text, the middle
    (yellow) black; the tree is shown at its own size, scrolled sideways."""
    import matplotlib.pyplot as plt

    from sim.report.org_plot import ink

    cmap = plt.get_cmap("RdYlGn_r")
    assert [ink(cmap(0.0)), ink(cmap(0.5)), ink(cmap(1.0)), ink("#eeeeee")] == [
        "white", "black", "white", "black"]  # fmt: skip


def test_who_owns_the_time_draws_imports_and_exports_as_their_own_bars():
    """One pooled bar per option mixed an import's pick-up with an export's wait for its
    vessel; each direction measured is its own bar now (a table from before the split, one
    pooled bar)."""
    split = pd.DataFrame({"owner": ["trader", "terminal"], "mean_h": [5.0, 3.0],
                          "mean_h_import": [8.0, 1.0], "mean_h_export": [1.0, 6.0]})  # fmt: skip
    none_out = split.assign(mean_h_export=np.nan)  # (no export out of the flow)
    old = pd.DataFrame({"owner": ["trader", "terminal"], "mean_h": [5.0, 3.0]})
    fig = plots.time_by_owner({"base": split, "reform": none_out, "old": old})
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "base, imports", "base, exports", "reform, imports", "old"]  # fmt: skip
    trader = [p.get_width() for p in ax.containers[0]]
    assert trader == [8.0, 1.0, 8.0, 5.0]


def test_an_owner_with_no_time_is_not_in_the_legend_and_tail_lines_stay_apart():
    """A scenario without an organisation gives it 0 h: no legend entry. Options whose tails
    coincide are drawn wide to narrow with their own dashes, so each stays visible."""
    owners = {n: pd.DataFrame({"owner": ["trader", "customs", "organisation"],
                               "mean_h": [5.0, 1.0, 0.0]}) for n in ("a", "b")}  # fmt: skip
    fig = plots.time_by_owner(owners)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["trader", "customs"]
    from sim.report.flow_plots import clearance_tail

    same = np.array([1.0, 2.0, 3.0, 10.0])
    fig = clearance_tail({"a": same, "b": same}, {"a": pd.DataFrame(), "b": pd.DataFrame()})
    a, b = fig.axes[0].get_lines()[:2]
    assert a.get_linewidth() > b.get_linewidth() and a.get_linestyle() != b.get_linestyle()


def test_the_two_clearance_charts_share_one_hour_scale():
    """Overall clearance (arrival to exit) runs longer than customs clearance: the two charts,
    one above the other, are drawn on the wider one's hours, so they compare by eye."""
    from sim.report import plots
    from sim.report.html import same_hours

    def table(p95: float) -> pd.DataFrame:
        return pd.DataFrame([
            {"metric": m, "dimension": "direction", "group": "import", "median_h": 1.0,
             "mean_h": 2.0, "p90_h": p95 * 0.8, "p95_h": p95 * (3 if m == "overall_clearance"
                                                                  else 1)}
            for m in ("overall_clearance", "clearance")
        ])  # fmt: skip

    clear = {"baseline": table(25.0)}
    overall = plots.clearance_distribution(clear, "overall_clearance")
    customs = plots.clearance_distribution(clear, "clearance")
    assert overall.axes[0].get_xlim()[1] > 2 * customs.axes[0].get_xlim()[1]  # (apart)
    same_hours(overall, customs)
    assert overall.axes[0].get_xlim() == customs.axes[0].get_xlim()
    assert customs.axes[0].get_xlim()[1] >= 75.0
