"""The organisation tree drawn: units by level (General Administration at the top, field
points at the bottom), each with its headcount and the utilisation of its busiest staff,
several structures side by side."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from sim.report import plots  # noqa: F401 - sets the Agg backend and the house style
from sim.scenario.org_tree import Tree
from sim.scenario.organisation import LEVELS

ROW = {level: len(LEVELS) - 1 - i for i, level in enumerate(LEVELS)}


def utilisation_by_unit(resources: pd.DataFrame) -> dict[str, float]:
    """The busiest role's utilisation at each unit, from a run's resources table."""
    org = resources[resources["port"].astype(str).str.startswith("org/")]
    out: dict[str, float] = {}
    for _, r in org.iterrows():
        unit = str(r["port"])[4:]
        u = float(r["utilisation"])
        if u == u:
            out[unit] = max(out.get(unit, 0.0), u)
    return out


def _positions(tree: Tree) -> dict[str, tuple[float, float]]:
    """x by leaf order under each unit (a parent above the middle of its children), y by
    level; a centre sits beside its parent."""
    pos: dict[str, tuple[float, float]] = {}
    next_x = [0.0]

    def place(uid: str) -> float:
        kids = [
            c for c in sorted(tree.children[uid]) if tree.units[c].level != tree.units[uid].level
        ]
        xs = [place(c) for c in kids]
        x = sum(xs) / len(xs) if xs else next_x[0]
        if not xs:
            next_x[0] += 1.0
        pos[uid] = (x, ROW[tree.units[uid].level])
        centres = [
            c for c in sorted(tree.children[uid]) if tree.units[c].level == tree.units[uid].level
        ]
        for i, c in enumerate(centres):
            pos[c] = (x + (i + 1) * 1.2, ROW[tree.units[uid].level])
        return x

    place(tree.root)
    return pos


def draw_tree(ax: Any, tree: Tree, utilisation: dict[str, float], title: str) -> None:
    """One structure on ``ax``: a box per unit (heads, utilisation), lines to the parent."""
    pos = _positions(tree)
    cmap = plt.get_cmap("RdYlGn_r")
    for uid, u in tree.units.items():
        if u.parent and uid in pos and u.parent in pos:
            (x0, y0), (x1, y1) = pos[uid], pos[u.parent]
            ax.plot([x0, x1], [y0, y1], color="#999999", lw=0.8, zorder=1)
    for uid, (x, y) in pos.items():
        unit = tree.units[uid]
        util = utilisation.get(uid)
        colour = cmap(min(util, 1.0)) if util is not None else "#eeeeee"
        name = _label(uid)
        text = f"{name}\n{unit.heads()} staff" if unit.heads() else name
        if util is not None:
            text += f"\n{util:.0%} busy"
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=7,
            zorder=2,
            color=ink(colour),
            bbox={"boxstyle": "round", "fc": colour, "ec": "#555555", "lw": 0.6},
        )
    ax.set_yticks(list(ROW.values()), list(ROW))
    ax.set_xticks([])
    xs = [x for x, _ in pos.values()]
    ax.set_xlim(min(xs) - 1, max(xs) + 1)
    ax.set_ylim(-0.6, len(LEVELS) - 0.4)
    ax.set_title(title)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)


def ink(fill: Any) -> str:
    """Black text on a light box, white on a dark one (the colour map's ends are dark)."""
    r, g, b = to_rgb(fill)
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "white"


#: a unit's name is broken after an underscore into lines of at most this many characters
LINE = 12


def _label(uid: str) -> str:
    """A unit's name on lines of at most ``LINE`` characters, broken after underscores
    (``sz_huanggang_field``: ``sz_huanggang_`` / ``field``), so that boxes stay narrow."""
    lines: list[str] = []
    for part in uid.split("_"):
        if lines and len(lines[-1]) + 1 + len(part) <= LINE:
            lines[-1] += "_" + part
        elif lines:
            lines[-1] += "_"
            lines.append(part)
        else:
            lines.append(part)
    return "\n".join(lines)


def _width(tree: Tree) -> float:
    """A panel's width in inches: each leaf (x step 1) at least as wide as the longest line
    of a unit's name at the boxes' font size, so that neighbouring boxes never overlap."""
    pos = _positions(tree)
    leaves = max(x for x, _ in pos.values()) - min(x for x, _ in pos.values()) + 2
    longest = max(len(line) for uid in pos for line in _label(uid).split("\n"))
    per_leaf = max(0.9, 0.06 * longest + 0.2)  # (7-point text: about 0.06 in a character)
    return max(4.0, per_leaf * leaves + 1.0)


def draw_organisations(panels: list[tuple[str, Tree, dict[str, float]]]) -> Figure:
    """Structures one above the other, each the picture's full width (side by side, three
    trees of a province made a strip too wide to read on a screen): (title, tree, utilisation
    by unit) per panel."""
    width = max(_width(tree) for _, tree, _ in panels)
    fig, axes = plt.subplots(len(panels), 1, figsize=(width, 5.5 * len(panels)), squeeze=False)
    for ax, (title, tree, util) in zip(axes[:, 0], panels, strict=True):
        draw_tree(ax, tree, util, title)
    fig.suptitle("Organisation: staff and the utilisation of each unit's busiest role")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / fig.get_figheight()))  # (room for the title)
    _legend(fig, axes[:, 0])
    return fig


def _legend(fig: Figure, axes: Any) -> None:
    """The boxes' colours explained: utilisation from green (idle) to red (saturated); grey,
    a unit with no staff measured."""
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    bar = fig.colorbar(
        ScalarMappable(Normalize(0.0, 1.0), plt.get_cmap("RdYlGn_r")),
        ax=list(axes),
        fraction=0.02,
        pad=0.01,
        format=lambda x, _: f"{x:.0%}",
    )
    bar.set_label("busiest role's utilisation: green idle, red saturated (grey: not measured)")
