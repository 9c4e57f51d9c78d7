"""Two runs so far side by side: their options' figures and the paired difference.

A room that ran "one more scanner" and "AI clears 90 %" asked which is better, and the page
answered with two rows of the runs so far, each against its baseline: the difference between
the two options had to be worked out by eye, with no interval. Here the facilitator picks two
finished runs (A and B) and the page sets their options' figures side by side with B − A.
When both runs are of the same scenario with the same seed, replications and observed days,
their replications ran on the same simulated traffic (common random numbers). They must also
start from the same baseline: with options switched on the levers set the baseline too
(:mod:`sim.faces.choices`), and two runs whose baseline levers differ would mix the levers'
effect into B − A. When all of that is shared, B − A is the paired difference with its 95 %
interval, worked out as the full table's (:func:`sim.faces.runs.table`, B as the option and
A as the baseline). Otherwise no paired difference is given, and the page says which setting
differs in plain words (``seed: 1 against 2``, ``Staff (x scenario) in the baseline: 1.5
against the scenario's value``).
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import panel as pn

from sim.faces.choices import LEVERS, Plan
from sim.faces.history import Entry
from sim.faces.words import PAIRS_NOTE, UNPAIRED_NOTE, metric_label, say

#: what two runs must share to have run on the same simulated traffic, and its words (their
#: baselines' levers too: :func:`baseline_levers`)
SHARED = (("scenario", "scenario"), ("seed", "seed"), ("reps", "replications"),
          ("days", "observed days"))


def unshared(a: Entry, b: Entry, lang: str = "en") -> str:
    """Why runs ``a`` and ``b`` did not run on the same simulated traffic from the same
    baseline: each setting that differs, in words ("" when none does)."""
    if a.plan is None or b.plan is None or not a.full or not b.full:
        return say(lang, "one of the runs kept no replications")
    said = []
    for field, words in SHARED:
        x, y = getattr(a.plan, field), getattr(b.plan, field)
        if x != y:
            said.append(say(lang, "{what}: {a} against {b}", what=say(lang, words), a=x, b=y))
    said += _lever_gaps(a.plan, b.plan, lang)
    return ("；" if lang == "zh" else "; ").join(said)


def baseline_levers(plan: Plan) -> dict[str, float]:
    """The levers a run's baseline ran with: with options switched on the levers set the
    scenario both sides start from; with none they are the option and the baseline is the
    scenario as it is."""
    return dict(plan.levers) if plan.options else {}


def _lever_gaps(a: Plan, b: Plan, lang: str) -> list[str]:
    """Each lever whose value differs in the two runs' baselines, with both values (an
    unmoved lever: "the scenario's value")."""
    first, second = baseline_levers(a), baseline_levers(b)
    said = []
    for name, lever in LEVERS.items():
        x, y = first.get(name), second.get(name)
        if x == y or (x is not None and y is not None and math.isclose(x, y)):
            continue
        what = say(lang, "{lever} in the baseline", lever=say(lang, lever.label))
        x_said, y_said = (say(lang, "the scenario's value") if v is None else f"{v:g}"
                          for v in (x, y))
        said.append(say(lang, "{what}: {a} against {b}", what=what, a=x_said, b=y_said))
    return said


def pair_rows(a: Entry, b: Entry) -> list[dict[str, Any]]:
    """Per metric both runs measured: A's option, B's option and B − A, paired (with its 95 %
    interval) when they ran on the same traffic, else with no difference (NaN)."""
    from sim.faces.runs import table

    labels = {r["metric"]: r["label"] for r in b.rows}
    shown = [(r["metric"], r["label"]) for r in a.rows if r["metric"] in labels]
    if not unshared(a, b):
        full = {"baseline": a.full["option"], "option": b.full["option"]}
        return table(full, shown)
    nan = (float("nan"), None, None)
    by_a, by_b = {r["metric"]: r for r in a.rows}, {r["metric"]: r for r in b.rows}
    return [{"metric": m, "label": text, "baseline": by_a[m]["option"],
             "option": by_b[m]["option"], "difference": nan} for m, text in shown]


def pair_html(a: Entry, b: Entry, lang: str = "en") -> str:
    """The two runs' options side by side with B − A (HTML), and whether it is paired."""
    from sim.faces.dashboard import _cell

    why = unshared(a, b, lang)
    rows = pair_rows(a, b)
    heads = [say(lang, "measure"), say(lang, "run {n}: option", n=a.number),
             say(lang, "run {n}: option", n=b.number),
             say(lang, "run {b} − run {a} (paired)" if not why else "run {b} − run {a}",
                 a=a.number, b=b.number)]
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    body = []
    for row in rows:
        cells = [_cell(side, row["metric"], row[side][0], row[side][1], row[side][2], lang)
                 for side in ("baseline", "option", "difference")]
        if why:
            cells[2] = ('<td class="bs-cell" data-side="difference" '
                        f'data-metric="{row["metric"]}" data-value="nan">–</td>')
        name = metric_label(row["metric"], row["label"], lang, a.currency)
        body.append(f'<tr><th scope="row">{name}</th>{"".join(cells)}</tr>')
    colon = "：" if lang == "zh" else ": "
    ran = "".join(
        f'<p class="bs-pair-ran" data-run="{e.number}"><b>{say(lang, "run {n}", n=e.number)}'
        f"</b>{colon}{html.escape(e.labels.get('option', ''))} "
        f"({html.escape(e.setting)})</p>" for e in (a, b))
    said = (say(lang, PAIRS_NOTE) if not why else
            say(lang, UNPAIRED_NOTE, why=why))
    return (
        f'<div class="bs-pair" data-paired="{"no" if why else "yes"}">'
        f"<h3>{say(lang, 'Two runs side by side')}</h3>{ran}"
        f'<p class="bs-pair-note">{said}</p><div style="overflow-x:auto">'
        '<table class="bs-pair-table" style="border-collapse:collapse">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div></div>"
    )


class Pairs:
    """The choice of two runs so far and the pane that sets them side by side."""

    def __init__(self, lang: str = "en"):
        self.lang = lang
        self.entries: Mapping[int, Entry] = {}
        self.first = pn.widgets.Select(label=say(lang, "Run A"), options={},
                                       css_classes=["bs-pair-a"])
        self.second = pn.widgets.Select(label=say(lang, "Run B"), options={},
                                        css_classes=["bs-pair-b"])
        self.pane = pn.pane.HTML("", css_classes=["bs-pair-pane"], sizing_mode="stretch_width")
        for select in (self.first, self.second):
            select.param.watch(lambda e: self.show(), "value")
        self.view = pn.Column(pn.FlexBox(self.first, self.second, flex_wrap="wrap"), self.pane,
                              visible=False, sizing_mode="stretch_width")
        #: called after each choice is shown (the runs' download then holds the new B − A)
        self.changed: Callable[[], None] | None = None

    def chosen(self) -> tuple[Entry, Entry] | None:
        """The two different runs set side by side, if any."""
        a, b = self.entries.get(self.first.value), self.entries.get(self.second.value)
        return None if a is None or b is None or a is b else (a, b)

    def offer(self, entries: Sequence[Entry]) -> None:
        """Offer the runs so far; the two latest chosen (shown once there are two)."""
        self.entries = {e.number: e for e in entries}
        options = {f"{e.number}: {e.labels.get('option', '')}": e.number for e in entries}
        for select in (self.first, self.second):
            select.options = options
        if len(entries) >= 2:
            self.first.value, self.second.value = entries[-2].number, entries[-1].number
        self.view.visible = len(entries) >= 2
        self.show()

    def show(self) -> None:
        """The chosen runs side by side (a note when the same run is chosen twice)."""
        a, b = self.entries.get(self.first.value), self.entries.get(self.second.value)
        if a is None or b is None:
            self.pane.object = ""
        elif a is b:
            self.pane.object = (f'<p class="bs-pair-note">'
                                f"{say(self.lang, 'Choose two different runs.')}</p>")
        else:
            self.pane.object = pair_html(a, b, self.lang)
        if self.changed is not None:
            self.changed()
