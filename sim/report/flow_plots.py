"""More plots of results, in the house style of :mod:`sim.report.plots`: the tail of clearance
time, queue lengths over time, and what customs sees beside the hidden truth (the milestone
intervals: :mod:`sim.report.interval_plots`). Each takes plain tables (means over
replications, as :mod:`sim.report.folder` reads them) and returns a matplotlib ``Figure``."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sim.report.plots import (
    MIN_TEXT_PT,
    OVERALL,
    PALETTE,
    _figure,
    fit_labels,
    lay_out,
    outside_legend,
)

#: quantile columns of a clearance table and the share of consignments above each
TAIL_POINTS = (("median_h", 0.5), ("p90_h", 0.1), ("p95_h", 0.05))


#: the tail plot's line styles, one per option in turn
LINE_STYLES = ("-", "--", ":", "-.")


def clearance_tail(
    samples: Mapping[str, np.ndarray | None],
    clearance: Mapping[str, pd.DataFrame],
    metric: str = "overall_clearance",
) -> Figure:
    """Share of consignments whose ``metric`` exceeds t hours (log scale), one line per option.

    From every consignment's time when the logs were kept (``samples``), else from the median,
    p90 and p95 of the clearance table (marked points, joined by straight lines).
    """
    fig = _figure(8, 4.2)
    ax = fig.add_subplot(1, 1, 1)
    for i, name in enumerate(clearance):
        colour = PALETTE[i % len(PALETTE)]
        hours = samples.get(name)
        if hours is not None and len(hours):
            t = np.sort(hours)
            exceed = 1.0 - np.arange(1, len(t) + 1) / len(t)
            keep = exceed > 0
            ax.step(  # (wide to narrow, each its own dashes: lines that coincide still show)
                t[keep], exceed[keep], where="post", color=colour, label=name,
                lw=max(1.0, 3.5 - i), ls=LINE_STYLES[i % len(LINE_STYLES)],
            )
            continue
        table = clearance[name]
        row = table[(table["metric"] == metric) & (table["dimension"] == "all")]
        if row.empty:
            continue
        xs = [float(row.iloc[0][col]) for col, _ in TAIL_POINTS]
        ax.plot(xs, [p for _, p in TAIL_POINTS], "o-", color=colour,
                label=f"{name} (median, p90, p95)")
    ax.set_yscale("log")
    ax.set_xlim(left=0)
    ax.set_xlabel("hours")
    ax.set_ylabel("share of consignments taking longer")
    what = OVERALL if metric == "overall_clearance" else "Clearance (arrived \u2192 released)"
    ax.set_title(f"{what}: the tail")
    outside_legend(ax, fontsize="small")
    return fig


def busiest_lanes(queues: pd.DataFrame, k: int = 6) -> list[tuple[str, str]]:
    """The ``k`` lanes with the longest mean queue (port, lane)."""
    q = queues.groupby(["port", "lane"], sort=False)["queue"].mean().sort_values(ascending=False)
    return [(str(p), str(lane)) for p, lane in q.index[:k]]


def queues_over_time(
    queues: Mapping[str, pd.DataFrame], warmup_h: float = 0.0, k: int = 6
) -> Figure:
    """Queue length over simulated time at the ``k`` busiest lanes (by the first option's
    mean queue), one panel per lane and one line per option; the warm-up shaded."""
    lanes = busiest_lanes(queues[next(iter(queues))], k)
    return panel_lines(
        queues, ("port", "lane"), lanes, "queue", "jobs waiting",
        "Queue length over time at the busiest lanes (mean over replications)", warmup_h,
        from_zero=True,
    )


def panel_lines(
    frames: Mapping[str, pd.DataFrame],
    keys: tuple[str, str],
    cells: list[tuple[Any, Any]],
    y: str,
    ylabel: str,
    title: str,
    warmup_h: float = 0.0,
    from_zero: bool = False,
) -> Figure:
    """A time series over the run's hours (``t_h``), one panel per cell (the values of the two
    ``keys`` columns), one line per option (the ``frames``' keys); the warm-up shaded;
    ``from_zero``: each panel's axis starts at 0 (a count)."""
    rows = max(1, (len(cells) + 1) // 2)
    fig = _figure(9, 2.2 * rows + 0.6)
    axes = fig.subplots(rows, 2, squeeze=False, sharex=True)
    for ax, (a, b) in zip(axes.flat, cells, strict=False):
        for i, name in enumerate(frames):
            t = frames[name]
            t = t[(t[keys[0]] == a) & (t[keys[1]] == b)]
            ax.plot(t["t_h"], t[y], color=PALETTE[i % len(PALETTE)], label=name,
                    lw=max(0.8, 2.4 - 0.8 * i), ls=LINE_STYLES[i % len(LINE_STYLES)])  # (wide
            # to narrow, each its own dashes: lines that coincide still show)
        if warmup_h > 0:
            ax.axvspan(0, warmup_h, color="#dddddd", alpha=0.5, lw=0)
        ax.set_title(f"{a} \u00b7 {b}", fontsize=9)
        if from_zero:
            ax.set_ylim(bottom=0)
    for ax in axes.flat[len(cells):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("hours from the start (grey: warm-up)")
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel)
    fig.suptitle(title)
    lay_out(fig)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="center left", bbox_to_anchor=(1.0, 0.5),
               fontsize="small")  # right of every panel, never over a line
    return fig


#: what customs sees and what is hidden from it: (metric, label)
SEEN = (
    ("inspection_rate", "inspected (per declaration)"),
    ("hit_rate_physical", "physical exams that found"),
    ("hit_rate_scan", "scans that found"),
)
HIDDEN = (
    ("illicit_share", "illicit (the hidden truth)"),
    ("detection_rate", "of the illicit, detected"),
    ("detection_rate_with_audit", "detected incl. audit"),
)


def _enforcement_counts(enforcement: pd.DataFrame) -> pd.DataFrame:
    """Per illicit type: detected at the checks, found by audit, slipped (declarations;
    those still held undetected at the end, whose outcome is not known, are none of these)."""
    t = enforcement[enforcement["truth"] != "compliant"]
    if "held" not in t:
        t = t.assign(held=0)
    g = t.groupby("truth", sort=True)[["declarations", "detected", "audit_detected", "held"]].sum()
    g["slipped"] = (g["declarations"] - g["detected"] - g["audit_detected"] - g["held"]).clip(
        lower=0
    )
    return g


def customs_and_truth(
    enforcement: Mapping[str, pd.DataFrame], summary: pd.DataFrame | None = None
) -> Figure:
    """Left: per illicit type and option, what was found at the checks, by audit, and what
    slipped through (the truth customs never sees). Right: the rates customs sees beside the
    hidden prevalence and detection (``summary``: option, metric, mean)."""
    names = list(enforcement)
    counts = {n: _enforcement_counts(enforcement[n]) for n in names}
    types = sorted({t for c in counts.values() for t in c.index})
    fig = _figure(10, 0.45 * max(1, len(types)) * max(1, len(names)) ** 0.5 + 2.2)
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    step = 0.8 / max(1, len(names))
    texts: list[Any] = []
    # blue, purple and hatched orange: told apart without red-green colour vision
    parts = (("detected", "#4e79a7", "found at the checks"), ("audit_detected", "#b07aa1",
             "found by audit"), ("slipped", "#f28e2b", "slipped through (hidden)"))
    for i, name in enumerate(names):
        ys = np.arange(len(types)) + (i - (len(names) - 1) / 2) * step
        base = np.zeros(len(types))
        for col, colour, label in parts:
            v = np.array([float(counts[name][col].get(t, 0.0)) for t in types])
            ax_label = label if i == 0 else None
            left.barh(ys, v, left=base, height=step * 0.9, color=colour, label=ax_label,
                      hatch="//" if col == "slipped" else None)
            base += v
        if len(names) > 1:
            texts += [left.text(x, y, f" {name}", va="center", fontsize=MIN_TEXT_PT,
                                color="#555555") for y, x in zip(ys, base, strict=True)]
    left.set_yticks(range(len(types)), types)
    left.invert_yaxis()
    left.set_xlabel("illicit declarations per replication (its observed days)")
    left.set_title("The hidden truth: found and slipped")
    _rates(right, summary, names)
    lay_out(fig)
    fit_labels(left, texts)
    handles, labels = left.get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3,
               fontsize="small")  # below both panels, over no bar or label
    return fig


def _percent(v: float) -> str:
    """A share as a percentage with the digits a small one needs (0.3 %, 13.5 %, 0.04 %)."""
    pct = 100 * v
    return f"{pct:.2f} %" if 0 < abs(pct) < 0.1 else f"{pct:.1f} %"


def _rates(ax: object, summary: pd.DataFrame | None, names: list[str]) -> None:
    """What customs sees (blue) beside the hidden truth (red), per option."""
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    if summary is None or summary.empty:
        ax.set_visible(False)
        return
    s = summary.set_index(["option", "metric"])["mean"]
    shown = [(m, lab, "#4e79a7") for m, lab in SEEN] + [(m, lab, "#e15759") for m, lab in HIDDEN]
    # a check the scenario does not have (no scanner: no scan's hit rate) is left out
    shown = [x for x in shown if any(math.isfinite(float(s.get((n, x[0]), np.nan)))
                                     for n in names)]
    step = 0.8 / max(1, len(names))
    for i, name in enumerate(names):
        values = [float(s.get((name, m), np.nan)) for m, _, _ in shown]
        ys = np.arange(len(shown)) + (i - (len(names) - 1) / 2) * step
        ax.barh(ys, values, height=step * 0.9, color=[c for _, _, c in shown],
                alpha=1.0 - 0.5 * i / len(names))
        for y, v in zip(ys, values, strict=True):  # (the value: a bar of 0.3 % is invisible)
            if math.isfinite(v):
                ax.text(min(v, 0.8) + 0.01, y, _percent(v), va="center", fontsize=MIN_TEXT_PT)
    ax.set_yticks(range(len(shown)), [lab for _, lab, _ in shown])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share" + (f" (bars in order: {', '.join(names)})" if len(names) > 1 else ""))
    ax.set_title("What customs sees (blue), the truth (red)")
