"""The workshop page's chart: clearance by direction, baseline beside option, with intervals.

:func:`clearance_figure` gives it as HTML: the image with its alt text and, under it, what it
shows in plain words (each bar's hours and the change, and whether the change is clear of the
chance of the draws), for a reader who cannot see the image and one who does not read error
bars.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from typing import Any

from matplotlib.figure import Figure

from sim.faces.numbers import bound, hours
from sim.report.plots import PALETTE, _figure

#: the bars, in order: (metric, label)
BARS = (
    ("clearance_h_mean_import", "customs, imports"),
    ("clearance_h_mean_export", "customs, exports"),
    ("overall_clearance_h_mean_import", "overall, imports"),
    ("overall_clearance_h_mean_export", "overall, exports"),
)


#: the option's bars are hatched, the baseline's plain
HATCH = {"baseline": "", "option": "//"}


def _error(mean: float, low: float | None, high: float | None) -> tuple[float, float]:
    """Error-bar lengths below and above the mean (none without an interval; never below 0)."""
    if low is None or high is None or not math.isfinite(mean):
        return 0.0, 0.0
    return mean - max(low, 0.0), high - mean


def clearance_chart(rows: Sequence[dict[str, Any]]) -> Figure:
    """Horizontal bars per clearance metric: baseline and option means with 95 % intervals.

    ``rows`` are :func:`sim.faces.runs.table` rows (``metric``, ``baseline``, ``option`` as
    ``(mean, low, high)``); metrics missing from them are left out.
    """
    by_metric = {row["metric"]: row for row in rows}
    shown = [(m, label) for m, label in BARS if m in by_metric]
    fig = _figure(6.5, 0.55 * len(shown) + 1.2)
    ax = fig.add_subplot()
    height = 0.38
    for k, (side, colour) in enumerate((("baseline", PALETTE[0]), ("option", PALETTE[1]))):
        means = [by_metric[m][side][0] for m, _ in shown]
        errors = [_error(*by_metric[m][side]) for m, _ in shown]
        ys = [i + (k - 0.5) * height for i in range(len(shown))]
        ax.barh(ys, means, height=height, color=colour, label=side,
                hatch=HATCH[side],  # (told apart without colour: on a grey projector too)
                xerr=list(zip(*errors, strict=True)) if errors else None, capsize=3)
    ax.set_yticks(range(len(shown)), [label for _, label in shown])
    ax.invert_yaxis()
    ax.set_xlabel("hours (mean and 95 % interval)")
    ax.set_title("Clearance time by direction")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    return fig


def _hours(x: float) -> str:
    """Hours as the page's table writes them (:func:`sim.faces.numbers.hours`: "5.32 h",
    "10.6 h"), and under an hour also in minutes."""
    if abs(x) < 1:
        return f"{hours(x)} h ({x * 60:.0f} min)"
    return f"{hours(x)} h"


def ends(metric: str, low: float, high: float, mean: float) -> tuple[str, str]:
    """An interval's ends as the page's table writes them: with its mean's decimals."""
    return bound(metric, low, mean), bound(metric, high, mean)


def _change(metric: str, difference: tuple[float, float | None, float | None]) -> str:
    """The option's change of one bar in words, and whether it is clear of chance."""
    mean, low, high = difference
    if not math.isfinite(mean):
        return "no change measured"
    size = "no change" if abs(mean) < 5e-4 else (
        f"{_hours(abs(mean))} {'shorter' if mean < 0 else 'longer'}")
    if low is None or high is None:
        return f"{size} (one replication: no range, so no telling it from chance)"
    if max(abs(mean), abs(low), abs(high)) < 5e-4:
        return "no change in any replication"
    lo, hi = ends(metric, low, high, mean)
    if low > 0 or high < 0:
        return f"{size}: a clear change (its 95 % range, {lo} to {hi} h, does not include 0)"
    return (f"{size}: not a clear change (its 95 % range, {lo} to {hi} h, "
            "includes 0: it could be chance)")


def clearance_words(rows: Sequence[dict[str, Any]], lang: str = "en") -> list[str]:
    """Each bar of :func:`clearance_chart` in a sentence: baseline, option, the change (in
    Chinese: :func:`sim.faces.chart_zh.clearance_words`)."""
    if lang == "zh":
        from sim.faces.chart_zh import clearance_words as in_chinese

        return in_chinese(rows)
    by_metric = {row["metric"]: row for row in rows}
    return [
        f"Clearance, {label}: {_hours(row['baseline'][0])} with the baseline, "
        f"{_hours(row['option'][0])} with the option; {_change(metric, row['difference'])}."
        for metric, label in BARS
        if (row := by_metric.get(metric)) is not None
    ]


def clearance_figure(rows: Sequence[dict[str, Any]], lang: str = "en") -> str:
    """The chart as ``<figure>``: its image (alt text saying what it draws) and a caption
    giving every bar in words, so the chart's content does not depend on seeing it; the
    words in ``lang``, the image's too (:func:`in_language`)."""

    words = clearance_words(rows, lang)
    if not words:
        return ""
    from sim.faces.chart_zh import ALT

    alt = ALT if lang == "zh" else (
        "Bar chart of clearance time by direction in hours, the baseline's plain bars "
        "beside the option's hatched ones, with 95 % ranges; the caption below gives "
        "every bar in words")
    items = "".join(f"<li>{html.escape(w)}</li>" for w in words)
    page = (
        '<figure class="bs-chart-figure" style="margin:0">'
        f'<img class="bs-chart-img" alt="{html.escape(alt)}" style="max-width:100%;height:auto" '
        f'src="data:image/png;base64,{{png}}">'
        f'<figcaption class="bs-chart-words"><ul>{items}</ul></figcaption></figure>'
    )
    return in_language(page, lambda: clearance_chart(rows), lang)


def in_language(page: str, chart: Callable[[], Figure], lang: str) -> str:
    """``page`` with the image ``chart`` makes in place of its ``{png}``, drawn in ``lang``: its
    title, axes, legend and ticks in Chinese on the Chinese page (the report's plot words,
    :mod:`sim.report.zh_plots`, in a font with Chinese glyphs); where the machine has none,
    in English, with the report's note saying so under the image."""
    from sim.report.plot_lang import noted, plots_in
    from sim.report.plots import drawn_png

    with plots_in(lang):
        return noted(page.replace("{png}", drawn_png(chart), 1))
