"""What the smuggling groups believed, day by day: each route's perceived detection as the
groups learn it from their outcomes, warm-up included, so that a reader sees whether their
choices had settled before observation began (the run warns when not:
:mod:`sim.model.smuggling_settle`)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.figure import Figure

from sim.report.flow_plots import LINE_STYLES
from sim.report.plot_lang import in_plot_font
from sim.report.plots import PALETTE, _figure


def has_beliefs(tables: Mapping[str, pd.DataFrame | None]) -> bool:
    """Whether every option's smuggling table has the groups' beliefs (a folder written
    before they were kept has none)."""
    return bool(tables) and all(
        t is not None and "perceived" in t.columns and not t.empty for t in tables.values()
    )


def beliefs(tables: Mapping[str, pd.DataFrame], routes_said: Mapping[str, str] | None = None,
            groups_said: Mapping[str, str] | None = None) -> Figure:
    """One panel per group: each route's perceived detection by day (mean over
    replications), one colour per route and one line style per option; day 0 (a dashed
    line) starts the observed window, the days before it are the warm-up. A route's legend
    entry is its id, or its name in ``routes_said`` (id -> name) where given, a group's
    title so by ``groups_said``."""
    said = dict(routes_said or {})
    names = list(tables)
    first = tables[names[0]]
    groups = sorted(first["group"].astype(str).unique())
    fig = _figure(9, 2.4 * len(groups) + 0.8)
    axes = fig.subplots(len(groups), 1, squeeze=False, sharex=True)[:, 0]
    for ax, group in zip(axes, groups, strict=True):
        routes = sorted(
            r for r in first.loc[first["group"].astype(str) == group, "route"].astype(str).unique()
            if r != "not_smuggled"
        )
        for i, name in enumerate(names):
            t = tables[name]
            t = t[t["group"].astype(str) == group]
            for k, route in enumerate(routes):
                mine = t[t["route"].astype(str) == route].assign(
                    day=lambda x: pd.to_numeric(x["day"])).sort_values("day")
                ax.plot(mine["day"], mine["perceived"], color=PALETTE[k % len(PALETTE)],
                        ls=LINE_STYLES[i % len(LINE_STYLES)], lw=1.6 if i == 0 else 1.1,
                        label=_said(route, said, name, len(names)))  # fmt: skip
        ax.axvline(0, color="#555555", ls="--", lw=0.8)
        ax.set_ylim(0, 1)
        ax.set_title((groups_said or {}).get(group, group), fontsize=9)
        ax.set_ylabel("perceived detection")
        legend = ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize="small")
        in_plot_font([*legend.get_texts(), ax.title])
    axes[-1].set_xlabel("day (before the dashed line: warm-up)")
    fig.suptitle("What each smuggling group believed of its routes (mean over replications)")
    fig.tight_layout()
    return fig


def weekly_shares(table: pd.DataFrame, routes_said: Mapping[str, str] | None = None,
                  groups_said: Mapping[str, str] | None = None) -> Figure:
    """One panel per group: each option of the group's share of its opportunities by week
    (``smuggling-weekly.csv``, :mod:`sim.experiment.smuggling_series`): the mean over
    replications, the first option's 95 % interval shaded (within 0 and 1; a comparison's
    baseline: the paired differences' are in the file); one colour per route (``not
    smuggled``: deterred), one line style per option; week 0 (a dashed line) starts the
    observed window. Where each group's loads went, and how surely. A route's legend entry
    is its id, or its name in ``routes_said`` (id -> name) where given, a group's title so
    by ``groups_said``."""
    said = dict(routes_said or {})
    t = table.assign(option=table["option"] if "option" in table else "run")
    names = list(dict.fromkeys(t["option"].astype(str)))
    groups = sorted(t["group"].astype(str).unique())
    colours = {r: PALETTE[k % len(PALETTE)]  # (a route's colour the same in every panel)
               for k, r in enumerate(sorted(t["route"].astype(str).unique()))}  # fmt: skip
    fig = _figure(9, 2.4 * len(groups) + 0.8)
    axes = fig.subplots(len(groups), 1, squeeze=False, sharex=True)[:, 0]
    for ax, group in zip(axes, groups, strict=True):
        mine = t[t["group"].astype(str) == group]
        routes = sorted(mine["route"].astype(str).unique())
        for i, name in enumerate(names):
            for route in routes:
                line = mine[(mine["option"].astype(str) == name)
                            & (mine["route"].astype(str) == route)].sort_values("week")
                colour = colours[route]
                ax.plot(line["week"], line["share"], color=colour,
                        ls=LINE_STYLES[i % len(LINE_STYLES)], lw=1.6 if i == 0 else 1.1,
                        label=_said(route, said, name, len(names)))  # fmt: skip
                if i == 0:  # (the first option's: the baseline's in a comparison)
                    ax.fill_between(line["week"], line["share_ci_low"].clip(0, 1),
                                    line["share_ci_high"].clip(0, 1), color=colour,
                                    alpha=0.12, lw=0)  # fmt: skip
        ax.axvline(0, color="#555555", ls="--", lw=0.8)
        ax.set_ylim(0, 1)
        ax.set_title((groups_said or {}).get(group, group), fontsize=9)
        ax.set_ylabel("share of opportunities")
        legend = ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize="small")
        in_plot_font([*legend.get_texts(), ax.title])
    axes[-1].set_xlabel("week (before the dashed line: warm-up)")
    shaded = "95 % interval shaded" if len(names) == 1 else f"{names[0]}'s 95 % interval shaded"
    fig.suptitle(f"Where each smuggling group's loads went, by week (mean over replications, "
                 f"{shaded})")
    fig.tight_layout()
    return fig


def _said(route: str, said: Mapping[str, str], option: str, options: int) -> str:
    """A route's legend entry: its name (``said``, else its id), with the option's name when
    the plot shows several."""
    name = said.get(route, route)
    return name if options == 1 else f"{name} ({option})"
