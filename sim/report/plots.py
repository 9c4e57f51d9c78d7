"""Plots of results, one readable house style (matplotlib with the Agg backend).

Every function takes plain pandas tables (as :class:`~sim.model.result.RunResult` and
:func:`sim.compare` give them) and returns a matplotlib ``Figure``; :func:`png_base64` turns a
figure into text for a self-contained HTML page.
"""

from __future__ import annotations

import base64
import io
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import matplotlib

if not os.environ.get("MPLBACKEND") and "matplotlib.pyplot" not in sys.modules:
    matplotlib.use("Agg")  # no display needed; a notebook keeps its own (inline) backend

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

OWNER_COLOURS = {
    "trader": "#4e79a7",
    "terminal": "#f28e2b",
    "customs": "#e15759",
    "quarantine": "#76b7b2",
    "organisation": "#59a14f",
    "carrier": "#b07aa1",
}
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948"]
#: overall clearance, for titles: it ends at an import's exit or an export's loading
OVERALL = "Overall clearance (arrived \u2192 exited or loaded)"
#: the smallest text in a report's plots, in points: 8 pt is 11 pixels at the plots' 100 dpi,
#: about the smallest a printed briefing or a projected page can be read at (the labels
#: naming each option's bar and giving a rate's value were 6 pt, 8 pixels)
MIN_TEXT_PT = 8.0
STYLE: dict[str, Any] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
}


def _figure(width: float, height: float) -> Figure:
    from sim.report.plot_own_fonts import add_own_fonts

    add_own_fonts()  # (a font list that lacks matplotlib's own fonts: see that module)
    with plt.rc_context(STYLE):  # type: ignore[arg-type]
        return plt.figure(figsize=(width, height))


def outside_legend(ax: Any, **kw: Any) -> Any:
    """The axes' legend right of it, outside its data area (the saved PNG grows to hold it)."""
    return ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, **kw)


def fit_labels(ax: Any, labels: list[Any]) -> None:
    """Widen the x axis (from 0) so that text ``labels`` placed at the end of bars end within
    the axes: a label of width w pixels at value v needs ``xmax >= v * W / (W - w)``."""
    if not labels:
        return
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    width = ax.get_window_extent(renderer).width
    xmax = ax.get_xlim()[1]
    for text in labels:
        w = text.get_window_extent(renderer).width
        v = float(text.get_position()[0])
        if np.isfinite(v) and v > 0 and w < 0.8 * width:
            xmax = max(xmax, v * width / (width - w) * 1.02)
    ax.set_xlim(0, xmax)


#: whether :func:`png_base64` draws (False within :func:`figures_left_out`)
_DRAWN: ContextVar[bool] = ContextVar("figures_drawn", default=True)
#: whether a figure left out is built all the same (:func:`figures_left_out`'s ``built``)
_BUILT: ContextVar[bool] = ContextVar("figures_built", default=True)


@contextmanager
def figures_left_out(left_out: bool = True, built: bool = True) -> Iterator[None]:
    """Within it, :func:`png_base64` closes each figure without drawing it (and gives an empty
    string): a check of a results folder reads, checks and builds all that its report does,
    but draws nothing (drawing is about three fifths of a small comparison's report). With
    ``built=False`` a figure given as the function that makes it (:func:`drawn_png`) is not
    made either: the report is the same text, without matplotlib's work on plots nothing
    draws. ``left_out=False`` draws them again within (where an outer one left them out)."""
    token = _DRAWN.set(not left_out)
    built_token = _BUILT.set(built or not left_out)
    try:
        yield
    finally:
        _BUILT.reset(built_token)
        _DRAWN.reset(token)


def drawn_png(fig: Figure | Callable[[], Figure]) -> str:
    """:func:`png_base64` of ``fig``, or of the figure the function ``fig`` makes; where
    figures are left out and not built (:func:`figures_left_out`) that function is not
    called, and the PNG is empty as when the figure is built and not drawn."""
    if isinstance(fig, Figure):
        return png_base64(fig)
    if not _DRAWN.get() and not _BUILT.get():
        return ""
    return png_base64(fig())


def lay_out(fig: Figure) -> None:
    """``fig.tight_layout()`` where figures are drawn: within :func:`figures_left_out` none
    is, so where its axes sit is read by nothing (laying them out measures every label)."""
    if _DRAWN.get():
        fig.tight_layout()


def png_base64(fig: Figure) -> str:
    """The figure as a base64 PNG (for ``<img src="data:image/png;base64,...">``)."""
    if not _DRAWN.get():
        plt.close(fig)
        return ""
    from sim.report.plot_lang import dressed  # (the Chinese page's words, where it has a font)
    from sim.report.plot_own_fonts import add_own_fonts

    add_own_fonts()  # (the mathematics' fonts, where the font list lacks them)
    buf = io.BytesIO()
    with plt.rc_context(STYLE), dressed(fig):  # type: ignore[arg-type]
        fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _clearance_groups(
    clearance: Mapping[str, pd.DataFrame], metric: str
) -> list[tuple[str, str]]:
    """The (dimension, group) rows of the clearance chart: each direction over every port,
    then each port's imports and exports (a port's pooled figure would mix its two flows: a
    sea port with more exports than imports has a median of 0 h), in the tables' order."""
    groups: list[tuple[str, str]] = []
    for dim in ("direction", "port_direction"):
        for table in clearance.values():
            t = table[(table["metric"] == metric) & (table["dimension"] == dim)]
            for grp in t["group"].astype(str):
                if (dim, grp) not in groups:
                    groups.append((dim, grp))
    return groups


def _group_label(dim: str, grp: str) -> str:
    """``all ports, imports`` or ``sea_port, exports``."""
    port, _, direction = grp.rpartition("/") if dim == "port_direction" else ("", "", grp)
    return f"{port or 'all ports'}, {direction}s"


def clearance_distribution(
    clearance: Mapping[str, pd.DataFrame], metric: str = "overall_clearance"
) -> Figure:
    """Median, mean, p90 and p95 of ``metric`` for imports and for exports, over every port
    then at each port, one row per option.

    ``clearance`` maps an option (or run) name to its clearance table (RunResult.clearance,
    or its mean over replications). A line runs from the median to the p95.
    """
    groups = _clearance_groups(clearance, metric)
    names = list(clearance)
    fig = _figure(8, 0.55 * max(1, len(groups)) * max(1, len(names)) ** 0.5 + 1.5)
    ax = fig.add_subplot(1, 1, 1)
    step = 0.8 / max(1, len(names))
    for i, name in enumerate(names):
        rows_by_key = {
            (str(r["metric"]), str(r["dimension"]), str(r["group"])): r
            for r in clearance[name].to_dict("records")
        }
        colour = PALETTE[i % len(PALETTE)]
        for g, (dim, grp) in enumerate(groups):
            row = rows_by_key.get((metric, str(dim), str(grp)))
            if row is None:
                continue
            y = g + (i - (len(names) - 1) / 2) * step
            ax.plot([row["median_h"], row["p95_h"]], [y, y], color=colour, lw=2, alpha=0.6)
            ax.plot(row["median_h"], y, "o", color=colour, label=name if g == 0 else None)
            ax.plot(row["mean_h"], y, "D", color=colour, mfc="white", ms=5)
            ax.plot(row["p90_h"], y, "|", color=colour, ms=10, mew=2)
            ax.plot(row["p95_h"], y, ">", color=colour, ms=6)
    ax.set_yticks(range(len(groups)), [_group_label(dim, grp) for dim, grp in groups])
    ax.invert_yaxis()
    ax.set_xlabel("hours (o median, \u25c7 mean, | p90, > p95)")
    what = OVERALL if metric == "overall_clearance" else "Clearance (arrived \u2192 released)"
    ax.set_title(f"{what} by port and direction")
    ax.set_xlim(left=0)
    outside_legend(ax)
    return fig


def _owner_bars(owners: Mapping[str, pd.DataFrame], phase: str = "") -> dict[str, pd.Series]:
    """Each bar's label and hours by owner: an option's imports and exports apart where its
    table has them (a pooled bar hides whose time each waits on), else its pooled hours;
    with ``phase`` (``to_release``), those of that part of the flow only (a table without
    them gives no bar)."""
    out = {}
    part = f"{phase}_" if phase else ""
    for n, t in owners.items():
        t = t.set_index("owner")
        split = [d for d in ("import", "export") if t.get(f"mean_h_{part}{d}") is not None]
        for d in split:
            if t[f"mean_h_{part}{d}"].notna().any():
                out[f"{n}, {d}s"] = t[f"mean_h_{part}{d}"]
        if not split and not phase:
            out[n] = t["mean_h"]
    return out


#: the parts of the flow the owner chart can show: its title and hours' axis
_OWNER_PHASES = {
    "": ("Who owns the time",
         "hours per released consignment (arrived \u2192 exited or loaded)"),
    "to_release": ("Who owns the time to release",
                   "hours per consignment released (arrived \u2192 released)"),
}


def time_by_owner(owners: Mapping[str, pd.DataFrame], phase: str = "") -> Figure:
    """Hours per released consignment by owner (stacked), one bar per option and
    direction; with ``phase`` ``to_release``, of arrival -> release only (the owners'
    hours then add up to the clearance time)."""
    bars = _owner_bars(owners, phase)
    names = list(bars)
    fig = _figure(8, 0.5 * len(names) + 1.6)
    ax = fig.add_subplot(1, 1, 1)
    left = np.zeros(len(names))
    all_owners = list(dict.fromkeys(o for t in owners.values() for o in t["owner"]))
    for owner in all_owners:
        hours = np.array([float(bars[n].get(owner, 0.0)) for n in names])
        if not np.nansum(hours) > 0:  # (an owner no option gave time to: not in the legend)
            continue
        ax.barh(names, hours, left=left, label=owner, color=OWNER_COLOURS.get(owner))
        left += np.nan_to_num(hours)
    ax.invert_yaxis()
    title, xlabel = _OWNER_PHASES[phase]
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(ncol=len(all_owners), loc="upper center", bbox_to_anchor=(0.5, -0.25))
    return fig


#: a lane binds when it is its port's (or organisation unit's) most utilised lane and at least
#: this busy: below it, servers are mostly idle and queues are short whatever the lane
BINDING_UTILISATION = 0.7


def binding_lanes(
    resources: pd.DataFrame, threshold: float = BINDING_UTILISATION
) -> pd.DataFrame:
    """Per port (or organisation unit) the binding lane: its most utilised lane, when that
    lane is at least ``threshold`` utilised (a port whose lanes are all less busy has none)."""
    r = resources.dropna(subset=["utilisation"])
    idx = r.groupby("port", sort=False)["utilisation"].idxmax()
    top = r.loc[idx, ["port", "lane", "utilisation"]]
    return top[top["utilisation"] >= threshold].reset_index(drop=True)


def lanes_of(resources: Mapping[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """Every lane with a utilisation in any option (the union), ports in order of first
    appearance and each port's lanes together."""
    by_port: dict[str, list[str]] = {}
    for table in resources.values():
        t = table.dropna(subset=["utilisation"])
        for port, lane in zip(t["port"].astype(str), t["lane"].astype(str), strict=True):
            lanes = by_port.setdefault(port, [])
            if lane not in lanes:
                lanes.append(lane)
    return [(p, lane) for p, lanes in by_port.items() for lane in lanes]


def _binding_label(key: tuple[str, str], binds: Mapping[str, set[tuple[str, str]]]) -> str:
    """`` ◀ binding`` when the lane binds in every option that has it, else naming the
    options where it does; empty when it binds in none."""
    where = [n for n, keys in binds.items() if key in keys]
    if not where:
        return ""
    return "  \u25c0 binding" + ("" if len(where) == len(binds) else f" ({', '.join(where)})")


def utilisation_by_lane(resources: Mapping[str, pd.DataFrame]) -> Figure:
    """Utilisation of every lane of every option (grouped bars per option), each port's
    binding lane marked (:func:`binding_lanes`, per option)."""
    names = list(resources)
    lanes = lanes_of(resources)
    binds = {
        n: {(str(r.port), str(r.lane)) for r in binding_lanes(resources[n]).itertuples()}
        for n in names
    }
    fig = _figure(8, 0.28 * len(lanes) * max(1, len(names)) ** 0.5 + 1.5)
    ax = fig.add_subplot(1, 1, 1)
    step = 0.8 / len(names)
    for i, name in enumerate(names):
        t = resources[name].astype({"port": str, "lane": str}).set_index(["port", "lane"])
        values = [float(t["utilisation"].get(k, np.nan)) for k in lanes]
        ys = np.arange(len(lanes)) + (i - (len(names) - 1) / 2) * step
        ax.barh(ys, values, height=step, label=name, color=PALETTE[i % len(PALETTE)])
    labels = [_binding_label(key, binds) for key in lanes]
    ax.set_yticks(range(len(lanes)), [f"{p} \u00b7 {lane}{m}" for (p, lane), m in
                                      zip(lanes, labels, strict=True)])
    for tick, mark in zip(ax.get_yticklabels(), labels, strict=True):
        if mark:
            tick.set_color("#c0392b")
            tick.set_fontweight("bold")
    ax.set_ylim(len(lanes) - 0.5, -0.5)  # top to bottom, no margin above or below
    ax.set_xlim(0, 1.05)
    ax.axvline(1.0, color="grey", lw=0.8, ls="--")
    ax.set_xlabel("utilisation (busy servers / servers on duty)")
    ax.set_title(
        "Utilisation by lane (\u25c0 binding: a port's busiest lane, at least "
        f"{BINDING_UTILISATION:.0%} utilised)"
    )
    outside_legend(ax)
    return fig


def who_gains(gains: pd.DataFrame, measure: str = "overall_clearance") -> Figure:
    """Share of consignments better off and worse off, by port and direction, per option.

    ``gains`` is a comparison's who-gains table (``CompareResult.gains``).
    """
    g = gains[(gains["measure"] == measure) & (gains["dimension"] == "port_direction")]
    options = list(dict.fromkeys(g["option"]))
    strata = list(dict.fromkeys(zip(g["port"], g["direction"], strict=True)))
    fig = _figure(8, 0.32 * max(1, len(strata)) * max(1, len(options)) ** 0.5 + 1.6)
    ax = fig.add_subplot(1, 1, 1)
    if not strata:  # (no released consignment paired: an option where nothing arrived)
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no consignment paired with the baseline's: nothing to show",
                ha="center", va="center", transform=ax.transAxes)
        return fig
    step = 0.8 / max(1, len(options))
    for i, option in enumerate(options):
        t = g[g["option"] == option].set_index(["port", "direction"])
        better = [100 * float(t["share_better"].get(s, np.nan)) for s in strata]
        worse = [100 * float(t["share_worse"].get(s, np.nan)) for s in strata]
        ys = np.arange(len(strata)) + (i - (len(options) - 1) / 2) * step
        colour = PALETTE[(i + 1) % len(PALETTE)]
        ax.barh(ys, better, height=step, color=colour, label=f"{option}: better off \u2192")
        ax.barh(
            ys,
            [-w for w in worse],
            height=step,
            color=colour,
            alpha=0.45,
            hatch="//",
            label=f"{option}: \u2190 worse off",
        )
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(range(len(strata)), [f"{p} \u00b7 {d}" for p, d in strata])
    ax.set_ylim(len(strata) - 0.5, -0.5)  # top to bottom, no blank band
    ax.set_xlabel("% of consignments (left: worse off, right: better off)")
    ax.set_title("Who gains and who loses (same consignments, option vs baseline)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    return fig


#: the cost axes of the cost-against-detection chart: the total, then the agencies' alone
#: (public money: an option that moves a bill from the state to traders shows only there)
COST_PANELS = (
    ("total_cost_per_consignment", "total cost per consignment (agency + trader"),
    ("agency_cost_per_consignment", "agencies' cost per consignment (public money"),
)


def cost_against_detection(
    differences: pd.DataFrame,
    cost: str = "total_cost_per_consignment",
    detection: str = "detection_rate",
    currency: str | None = None,
    before: str = "detection_rate",
) -> Figure:
    """Each option's change from the baseline in cost per consignment against its change in
    detection rate, with the paired 95 % intervals (``differences``: a comparison's long
    table of paired differences: option, metric, mean, ci_low, ci_high): the total cost
    (``cost``) in one panel, the agencies' alone in another (where the table has it). The
    baseline is the origin; an option up and to the left detects more for less. Options with
    the same point share one marker, named together. Where ``detection`` counts finds after
    release (``detection_rate_with_audit``), each option's detection before release
    (``before``) is drawn too, a hollow diamond under its point. Slipped value is not in the
    cost."""
    cols = differences[["option", "metric", "mean", "ci_low", "ci_high"]]
    v = {(o, m): (float(x), float(lo), float(hi)) for o, m, x, lo, hi in cols.itertuples(False)}
    panels = [(cost, dict(COST_PANELS).get(cost, cost.replace("_", " ") + " ("))]
    panels += [p for p in COST_PANELS[1:] if p[0] != cost and any(k[1] == p[0] for k in v)]
    fig = _figure(7, 4.8 * len(panels))
    for row, (metric, words) in enumerate(panels):
        ax = fig.add_subplot(len(panels), 1, row + 1)
        _cost_panel(ax, v, list(dict.fromkeys(differences["option"])), metric, detection,
                    before if before != detection else None)  # fmt: skip
        ax.set_xlabel(f"change in {words}, {currency or 'currency'})")
        after = " (finds after release too)" if detection.endswith("_with_audit") else ""
        ax.set_ylabel(f"change in detection rate{after}\n(percentage points of illicit found)")
        if row == 0:
            ax.set_title("Cost against detection\neach option minus the baseline (paired 95 % "
                         "intervals)", fontsize="medium")
            handles, labels = ax.get_legend_handles_labels()
            order = sorted(range(len(labels)), key=lambda k: labels[k].startswith("(hollow"))
            outside_legend(ax, handles=[handles[k] for k in order],
                           labels=[labels[k] for k in order], fontsize="small")
    return fig


def _cost_panel(
    ax: Any, v: Mapping[tuple[Any, str], tuple[float, float, float]], options: list[Any],
    cost: str, detection: str, before: str | None,
) -> None:
    """One panel of :func:`cost_against_detection`: each option's point with its intervals
    (options at one point share a marker), and its detection before release (``before``)
    as a hollow diamond at the same cost."""
    points: dict[tuple[float, float], list[str]] = {}
    for option in options:
        if (option, cost) in v and (option, detection) in v:
            at = (v[(option, cost)][0], 100 * v[(option, detection)][0])
            points.setdefault(at, []).append(str(option))
    ax.axhline(0, color="#999", lw=0.8)
    ax.axvline(0, color="#999", lw=0.8)
    shown = False
    for i, ((x, y), names) in enumerate(points.items()):
        colour = PALETTE[i % len(PALETTE)]
        _, xlo, xhi = v[(names[0], cost)]
        ylo, yhi = (100 * y for y in v[(names[0], detection)][1:])
        ax.errorbar([x], [y], xerr=np.nan_to_num([[x - xlo], [xhi - x]]),
                    yerr=np.nan_to_num([[y - ylo], [yhi - y]]), fmt="o", color=colour,
                    capsize=3, label=" = ".join(names))  # fmt: skip
        if before is not None and (names[0], before) in v:
            first = 100 * v[(names[0], before)][0]
            ax.plot([x, x], [first, y], color=colour, lw=0.8, ls=":")
            ax.plot([x], [first], marker="D", mfc="none", color=colour, ls="none",
                    label=None if shown else "(hollow: detected before release)")
            shown = True
