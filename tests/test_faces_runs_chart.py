"""The runs so far on one chart (:mod:`sim.faces.runs_chart`): a panel per headline figure,
each run's baseline and option bars at the figures of its row in the runs so far, each run
named by its number, options and the levers it moved; shown once there are two runs."""

from __future__ import annotations

import math
from typing import Any

from matplotlib.patches import Rectangle

from sim.faces.history import HEADLINE
from sim.faces.runs_chart import TITLES, run_label, runs_chart, runs_figure
from tests.faces_history import two_runs

LEVERS: tuple[dict[str, float], dict[str, float]] = ({}, {"staff_scale": 1.5})


def _bars(ax: Any) -> list[float]:
    return [p.get_width() for p in ax.patches if isinstance(p, Rectangle)]


def test_each_run_is_drawn_at_its_figures_and_named_by_its_levers():
    entries = two_runs(levers=LEVERS).entries
    fig = runs_chart(entries)
    metrics = [m for m in HEADLINE if any(r["metric"] == m for r in entries[0].rows)]
    assert len(fig.axes) == len(metrics) >= 1
    for ax, metric in zip(fig.axes, metrics, strict=True):
        assert ax.get_title(loc="left") == TITLES[metric]
        rows = [next(r for r in e.rows if r["metric"] == metric) for e in entries]
        want = [r[side][0] for side in ("baseline", "option") for r in rows]
        assert all(math.isclose(a, b) for a, b in zip(_bars(ax), want, strict=True))
        assert [t.get_text() for t in ax.get_yticklabels()] == [
            "1: o0", "2: o1 + Staff (x scenario) 1.5"]
    assert fig.axes[-1].get_xlabel().startswith("hours")


def test_a_run_with_nothing_changed_and_its_name_in_chinese():
    first, second = two_runs("zh", levers=LEVERS, options=((), ("o1",))).entries
    assert run_label(first, "zh") == "1: 原样"
    assert run_label(second, "zh") == "2: o1 + 人员（情景值的倍数） 1.5"


def test_the_chart_is_shown_under_the_runs_so_far_once_there_are_two():
    history = two_runs(levers=LEVERS)
    assert runs_figure(history.entries[:1]) == ""
    shown = history.chart.object
    assert shown == runs_figure(history.entries) and '<img class="bs-runs-chart-img"' in shown
    words = shown.split("<li>")[1:]
    assert len(words) == 2 and words[1].startswith("2: o1 + Staff (x scenario) 1.5. ")
    assert "with the baseline" in words[0] and "with the option" in words[0]
