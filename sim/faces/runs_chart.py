"""The workshop page's runs so far on one chart: each headline figure, run by run.

The page's chart showed the latest run alone, so a room could see the effect of a change only
by remembering the chart before. Under the runs so far (:mod:`sim.faces.history`), once there
are two, one chart sets them all side by side: a panel per headline figure (the runs so far's
columns: clearance time by direction), a pair of bars per run (its baseline plain, its option
hatched, each with its 95 % interval), each run named by its number, its options and the levers
it moved. Under the image the same figures in words, for a reader who cannot see it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from matplotlib.figure import Figure

from sim.faces.chart import HATCH, _error
from sim.faces.choices import LEVERS
from sim.faces.history import HEADLINE, Entry
from sim.faces.numbers import hours
from sim.faces.words import say

#: each headline figure's panel title, as drawn (in Chinese: :mod:`sim.report.zh_plots`)
TITLES = {
    "clearance_h_mean_import": "customs clearance, imports",
    "clearance_h_mean_export": "customs clearance, exports",
    "overall_clearance_h_mean_import": "overall clearance, imports",
}
#: the x axis's words, as drawn
AXIS = "hours (mean and 95 % interval)"
#: a run with no option and no lever moved
AS_IT_IS = "as it is"
#: the runs a chart needs (one is the page's own chart of the latest run)
FEWEST = 2


def run_label(entry: Entry, lang: str = "en") -> str:
    """A run's name on the chart: its number, its options and the levers it moved (in
    ``lang``: a lever's Chinese name from the page's words)."""
    plan = entry.plan
    if plan is None:
        return str(entry.number)
    moved = [f"{say(lang, LEVERS[n].label) if n in LEVERS else n} {v:g}"
             for n, v in sorted(plan.levers.items())]
    said = [*plan.options, *moved] or [say(lang, AS_IT_IS)]
    return f"{entry.number}: {' + '.join(said)}"


def _shown(entries: Sequence[Entry]) -> list[str]:
    """The headline figures some run measured, in the table's order."""
    return [m for m in HEADLINE if any(r["metric"] == m for e in entries for r in e.rows)]


def runs_chart(entries: Sequence[Entry], lang: str = "en") -> Figure:
    """A panel per headline figure; in each, a run's baseline and option bars (with their
    95 % intervals), the runs top to bottom in the order they were made; the runs' names in
    ``lang`` where the plots are drawn in it (:mod:`sim.report.plot_lang`: the other words
    are put in it as the figure is drawn)."""
    from sim.report.plot_lang import drawn_in_chinese, in_plot_font
    from sim.report.plots import PALETTE, _figure, lay_out

    metrics = _shown(entries)
    names = [run_label(e, lang if drawn_in_chinese() else "en") for e in entries]
    fig = _figure(6.5, len(metrics) * (0.5 * len(entries) + 0.9) + 0.6)
    height = 0.38
    for i, metric in enumerate(metrics):
        ax = fig.add_subplot(len(metrics), 1, i + 1)
        for k, (side, colour) in enumerate((("baseline", PALETTE[0]),
                                            ("option", PALETTE[1]))):
            rows = [next((r for r in e.rows if r["metric"] == metric), None) for e in entries]
            cells = [r[side] if r else (math.nan, None, None) for r in rows]
            ax.barh([j + (k - 0.5) * height for j in range(len(entries))],
                    [c[0] for c in cells], height=height, color=colour, hatch=HATCH[side],
                    label=side, xerr=list(zip(*(_error(*c) for c in cells), strict=True)),
                    capsize=3)
        ax.set_yticks(range(len(entries)), names)
        in_plot_font(ax.get_yticklabels())  # (measured in its font as it is laid out)
        ax.invert_yaxis()
        ax.set_title(TITLES[metric], fontsize="medium", loc="left")
        if i == 0:
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.15), ncols=2, frameon=False)
    if metrics:
        fig.axes[-1].set_xlabel(AXIS)
    lay_out(fig)
    return fig


def runs_words(entries: Sequence[Entry], lang: str = "en") -> list[str]:
    """Each run's bars in a sentence: its name, then per figure baseline and option."""
    unit = " 小时" if lang == "zh" else " h"
    out = []
    for entry in entries:
        by_metric = {r["metric"]: r for r in entry.rows}
        parts = [say(lang, "{what}: {baseline} with the baseline, {option} with the option",
                     what=say(lang, TITLES[m]), baseline=hours(row["baseline"][0]) + unit,
                     option=hours(row["option"][0]) + unit)
                 for m in _shown(entries) if (row := by_metric.get(m)) is not None]
        out.append(f"{run_label(entry, lang)}{'：' if lang == 'zh' else '. '}"
                   + ("；" if lang == "zh" else "; ").join(parts))
    return out


def runs_figure(entries: Sequence[Entry], lang: str = "en") -> str:
    """The chart of the runs so far as ``<figure>`` (its image, alt text, and every bar in
    words under it); "" before there are :data:`FEWEST` runs or with no headline figure."""
    from sim.faces.chart import in_language

    if len(entries) < FEWEST or not _shown(entries):
        return ""
    alt = say(lang, "Bar chart of the runs so far, a panel per clearance time: each run's "
              "baseline plain and its option hatched, with 95 % ranges; the list below gives "
              "every bar in words")
    items = "".join(f"<li>{html.escape(w)}</li>" for w in runs_words(entries, lang))
    page = (
        '<figure class="bs-runs-chart" style="margin:0">'
        f'<img class="bs-runs-chart-img" alt="{html.escape(alt)}" '
        'style="max-width:100%;height:auto" '
        'src="data:image/png;base64,{png}">'
        f'<figcaption class="bs-runs-chart-words"><ul>{items}</ul></figcaption></figure>'
    )
    return in_language(page, lambda: runs_chart(entries, lang), lang)
