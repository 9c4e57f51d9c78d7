"""The milestone intervals chart of a report (a Time Release Study's breakdown): one panel per
port and direction, a bar per stretch for the hours it adds to the average consignment there,
split by the owner of the delay, one bar per option. Read from the intervals tables (means over
replications, as :mod:`sim.report.folder` reads them; see :mod:`sim.model.intervals`)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from sim.model.intervals import AFTER_RELEASE, PARALLEL, TO_RELEASE
from sim.model.milestones import OWNERS
from sim.report.plots import MIN_TEXT_PT, OWNER_COLOURS, _figure
from sim.scenario.schema import DIRECTIONS

DIMENSION = "port_direction"
KINDS = (TO_RELEASE, AFTER_RELEASE, PARALLEL)


def share_words(share: float) -> str:
    """A share of consignments as a percentage that never reads 0 % when some pass (the
    laboratory's 0.4 % read "0 %" beside a visible bar)."""
    if share <= 0 or share >= 0.01:
        return f"{share:.0%}"
    return f"{share:.1%}" if share >= 0.001 else "<0.1%"


def panels(intervals: Mapping[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """The (port, direction) groups some option has consignments in, ports in the order of
    the first table that has them, imports before exports."""
    ports: list[str] = []
    have: set[tuple[str, str]] = set()
    for t in intervals.values():
        rows = t[(t["dimension"] == DIMENSION) & (t["consignments"] > 0)]
        for group in dict.fromkeys(rows["group"].astype(str)):
            port, direction = group.rsplit("/", 1)
            ports += [port] if port not in ports else []
            have.add((port, direction))
    return [(p, d) for p in ports for d in DIRECTIONS if (p, d) in have]


def _group(t: pd.DataFrame, port: str, direction: str) -> pd.DataFrame:
    g = t[(t["dimension"] == DIMENSION) & (t["group"].astype(str) == f"{port}/{direction}")]
    return g.set_index("interval")


def _stretches(groups: Mapping[str, pd.DataFrame]) -> list[str]:
    """The stretches some option's consignments spend time in, in route order: those to
    release, after release, then those beside the flow."""
    first = next(iter(groups.values()))
    out = []
    for kind in KINDS:
        for name in first.index[first["kind"] == kind]:
            if any(name in g.index and g.loc[name, "per_consignment_h"] > 0
                   for g in groups.values()):  # fmt: skip
                out.append(str(name))
    return out


def intervals_by_port(intervals: Mapping[str, pd.DataFrame]) -> Figure:
    """One panel per port and direction (imports left, exports right; each its own hour
    scale): the hours each stretch adds to the average consignment (its mean among those
    passing through it times their share), split by owner (the exam yard's waits and moves
    by whose they were), one bar per option; a dashed line at release; stretches beside the
    flow hatched, below it (they add nothing)."""
    names = list(intervals)
    where = panels(intervals)
    ports = list(dict.fromkeys(p for p, _ in where))
    heights = []
    for port in ports:
        counts = [len(_stretches({n: _group(intervals[n], port, d) for n in names}))
                  for d in DIRECTIONS if (port, d) in where]  # fmt: skip
        heights.append(0.22 * max(counts) * max(1, len(names)) ** 0.5 + 1.1)
    fig = _figure(12, sum(heights) + 0.8)
    grid = fig.add_gridspec(len(ports), len(DIRECTIONS), height_ratios=heights, wspace=0.9)
    for i, port in enumerate(ports):
        for j, direction in enumerate(DIRECTIONS):
            ax = fig.add_subplot(grid[i, j])
            if (port, direction) not in where:
                ax.set_axis_off()
                ax.text(0.5, 0.5, f"{port}: no {direction}s", ha="center", va="center",
                        transform=ax.transAxes, color="#777777")  # fmt: skip
                continue
            _panel(ax, {n: _group(intervals[n], port, direction) for n in names})
            ax.set_title(_title(port, direction, _group(intervals[names[0]], port, direction)),
                         fontsize="small")  # fmt: skip
    _legend(fig)
    total = sum(heights) + 0.8
    fig.subplots_adjust(bottom=1.0 / total, top=1 - 0.35 / total, left=0.2, right=0.95)
    return fig


def _panel(ax: Any, groups: Mapping[str, pd.DataFrame]) -> None:
    """One port and direction: a row per stretch, a bar per option, stacked by owner."""
    names = list(groups)
    rows = _stretches(groups)
    step = 0.8 / max(1, len(names))
    for i, name in enumerate(names):
        g = groups[name]
        ys = np.arange(len(rows)) + (i - (len(names) - 1) / 2) * step
        for y, stretch in zip(ys, rows, strict=True):
            if stretch in g.index:
                _bar(ax, y, g.loc[stretch], step * 0.9, 1.0 - 0.5 * i / len(names))
        if len(names) > 1 and len(ys):  # (each option's bar named once, at the top)
            ax.text(1.0, ys[0], f" {name}", fontsize=MIN_TEXT_PT, color="#555555",
                    transform=ax.get_yaxis_transform(), va="center")  # fmt: skip
    first = groups[names[0]]
    ax.set_yticks(range(len(rows)), [_label(first, s) for s in rows], fontsize="small")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    kinds = [str(first.loc[s, "kind"]) if s in first.index else "" for s in rows]
    if TO_RELEASE in kinds and len(kinds) > kinds.count(TO_RELEASE):
        at = len(kinds) - kinds[::-1].index(TO_RELEASE) - 0.5
        ax.axhline(at, color="#333333", lw=0.8, ls="--")
        ax.text(1.0, at, "release ", ha="right", va="bottom", fontsize=MIN_TEXT_PT,
                transform=ax.get_yaxis_transform())  # fmt: skip
    ax.set_xlim(left=0)
    ax.tick_params(axis="x", labelsize="small")
    ax.set_xlabel("hours per consignment", fontsize="small")


def _bar(ax: Any, y: float, row: Any, height: float, alpha: float) -> None:
    """A stretch's bar: its hours per consignment by owner, stacked; beside the flow, one
    hatched bar in its owner's colour."""
    if row["kind"] == PARALLEL:
        colour = OWNER_COLOURS.get(str(row["owner"]), "#999999")
        ax.barh(y, float(row["per_consignment_h"]), height=height, color="white",
                edgecolor=colour, hatch="////", alpha=alpha, lw=0.6)  # fmt: skip
        return
    left = 0.0
    for owner in OWNERS:
        v = float(row.get(f"{owner}_h", math.nan))
        if np.isfinite(v) and v > 0:
            ax.barh(y, v, left=left, height=height, color=OWNER_COLOURS[owner], alpha=alpha,
                    edgecolor="white", lw=0.3)  # fmt: skip
            left += v


def _label(g: pd.DataFrame, stretch: str) -> str:
    """A stretch's name, the share of the group's consignments passing through it and its
    mean among them (of the first option)."""
    if stretch not in g.index:
        return stretch
    row: Any = g.loc[stretch]
    people = float(row["consignments"])
    share = float(row["n"]) / people if people > 0 else math.nan
    mean = float(row["mean_h"])
    beside = " (beside)" if row["kind"] == PARALLEL else ""
    if not np.isfinite(mean):
        return f"{stretch}{beside}"
    return f"{stretch}{beside} \u00b7 {share_words(share)} \u00b7 {mean:.1f} h each"


def _title(port: str, direction: str, g: pd.DataFrame) -> str:
    """The panel's group and its totals (of the first option)."""
    at: Any = g.loc
    try:
        release = float(at["clearance", "mean_h"])
        overall = float(at["overall_clearance", "mean_h"])
        people = float(at["clearance", "consignments"])
    except KeyError:
        return f"{port} \u00b7 {direction}"
    return (f"{port} \u00b7 {direction}: {release:.1f} h to release, {overall:.1f} h to the "
            f"end of the flow ({people:,.0f} consignments)")


def _legend(fig: Figure) -> None:
    handles = [Patch(color=c, label=o) for o, c in OWNER_COLOURS.items() if o in OWNERS]
    handles.append(Patch(facecolor="white", edgecolor="#777777", hatch="////",
                         label="beside the flow (adds nothing)"))  # fmt: skip
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize="small",
               title="owner of the delay", bbox_to_anchor=(0.5, 0.0))  # fmt: skip
