"""The workshop page's runs so far: each finished run's headline figures, kept in one table.

Pressing Run clears the results of the run before, so a room that asked "and with one more
scanner?" lost the figures it was comparing against, and two options could be set side by side
only from memory. Each session keeps its finished runs here (the latest :data:`KEPT`), one row
each: what each side ran, the replications, observed days and seed, and for the headline
measures the baseline, the option and their paired difference with its 95 % interval, as the
full run's table gives them. Rows on the same baseline, seed, replications and days compare
options on the same simulated traffic.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import panel as pn

from sim.faces.choices import Plan
from sim.faces.runs import Snapshot
from sim.faces.words import HISTORY_NOTE, metric_label, say

if TYPE_CHECKING:
    from sim.faces.kept import Kept

#: the measures a row shows, where the run measured them (the full table has them all)
HEADLINE = ("clearance_h_mean_import", "clearance_h_mean_export",
            "overall_clearance_h_mean_import")
#: the runs a session keeps (the oldest dropped first)
KEPT = 10


@dataclass(frozen=True)
class Entry:
    """One finished run: its number on the page, what it ran, its full table's rows (the
    headline ones shown here; all of them downloaded), and for the comparison of two runs its
    plan and each side's replications (:mod:`sim.faces.pairs`)."""

    number: int
    labels: Mapping[str, str]
    setting: str
    rows: Sequence[Mapping[str, Any]]
    plan: Plan | None = None
    full: Mapping[str, Sequence[Mapping[str, float]]] = field(default_factory=dict)
    window: tuple[float, float] = (0.0, 0.0)  # its warm-up and observed days
    currency: str = "USD"


def setting(plan: Plan, lang: str = "en") -> str:
    """The run's replications, observed days and seed, in words."""
    days = say(lang, "the scenario's") if plan.days == 0 else f"{plan.days:g}"
    return say(lang, "{reps} replications, observed days: {days}, seed {seed}",
               reps=plan.reps, days=days, seed=plan.seed)


def _cell(row: Mapping[str, Any], lang: str) -> str:
    """Baseline and option means, then their difference and its interval (marked when clear
    of 0; said in words when the same in every replication), with the difference's exact
    value in ``data-value``."""
    from sim.faces.dashboard import _cell as table_cell
    from sim.faces.zero import cell as unmoved_cell

    parts = [table_cell(side, row["metric"], row[side][0], row[side][1], row[side][2], lang)
             for side in ("baseline", "option", "difference")]
    if row.get("unmoved"):  # (the same in every replication: said, as in the full table)
        parts[2] = unmoved_cell(row["metric"], lang)
    inner = "".join(p.replace("<td ", "<span ", 1).removesuffix("</td>") + "</span>"
                    for p in parts)
    return f'<td class="bs-history-cell" data-metric="{row["metric"]}">{inner}</td>'


def history_html(entries: Sequence[Entry], lang: str = "en", currency: str = "USD") -> str:
    """The runs so far as a table (HTML), oldest first; "" before the first finished run."""
    if not entries:
        return ""
    metrics = [m for m in HEADLINE if any(r["metric"] == m for e in entries for r in e.rows)]
    labels = {r["metric"]: r["label"] for e in entries for r in e.rows}
    heads = [say(lang, "run"), say(lang, "Baseline"), say(lang, "Option"), say(lang, "setting"),
             *(metric_label(m, labels[m], lang, currency) for m in metrics)]
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    body = []
    for e in entries:
        by_metric = {r["metric"]: r for r in e.rows}
        cells = "".join(_cell(by_metric[m], lang) if m in by_metric else "<td>–</td>"
                        for m in metrics)
        body.append(
            f'<tr data-run="{e.number}"><th scope="row">{e.number}</th>'
            f'<td>{html.escape(e.labels.get("baseline", ""))}</td>'
            f'<td>{html.escape(e.labels.get("option", ""))}</td>'
            f"<td>{html.escape(e.setting)}</td>{cells}</tr>")
    style = ("<style>.bs-history-cell span.bs-cell{display:block}"
             ".bs-history-cell span.bs-cell[data-side=difference]{font-weight:bold}</style>")
    return (
        f'<div class="bs-history">{style}<h3>{say(lang, "Runs so far on this page")}</h3>'
        f'<p class="bs-history-note">{say(lang, HISTORY_NOTE)}</p>'
        '<div style="overflow-x:auto"><table class="bs-history-table" '
        'style="border-collapse:collapse">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div></div>"
    )



class History:
    """One session's finished runs and the pane that shows them; with ``kept`` (the page's
    results folder, :mod:`sim.faces.kept`) each run is also written there, and the runs kept
    before (a reload, another session) are shown from the start."""

    def __init__(self, lang: str = "en", kept: Kept | None = None):
        self.lang = lang
        self.kept = kept
        self.entries: list[Entry] = kept.load() if kept is not None else []
        self._count = self.entries[-1].number if self.entries else 0
        self.pane = pn.pane.HTML("", css_classes=["bs-history-pane"],
                                 sizing_mode="stretch_width")
        self.download = pn.pane.HTML("", css_classes=["bs-csv-pane"])
        from sim.faces.pairs import Pairs

        self.pairs = Pairs(lang)
        self.pairs.changed = self._offer_download
        #: the runs so far on one chart (:mod:`sim.faces.runs_chart`), once there are two
        self.chart = pn.pane.HTML("", css_classes=["bs-runs-chart-pane"],
                                  sizing_mode="stretch_width")
        #: the runs so far, their chart, download and the comparison of two of them under it
        self.view = pn.Column(self.pane, self.chart, self.download, self.pairs.view,
                              sizing_mode="stretch_width")
        if self.entries:
            self._show(self.entries[-1].currency)

    def add(self, plan: Plan, labels: Mapping[str, str], rows: Sequence[Mapping[str, Any]],
            currency: str = "USD", snap: Snapshot | None = None) -> None:
        """Keep a finished run's rows (and its replications and observed days, from its
        ``snap``), show the table again with its download, and offer the run to the
        comparison of two runs."""
        metrics = {r["metric"] for r in rows}  # (a side's replications: the shown rows only)
        full = {side: [{m: v for m, v in rep.items() if m in metrics} for rep in reps]
                for side, reps in (snap.full if snap else {}).items()}
        window = snap.window if snap else (0.0, 0.0)

        def make(number: int) -> Entry:
            return Entry(number, dict(labels), setting(plan, self.lang), list(rows), plan,
                         full, window, currency)

        if self.kept is not None:  # (numbered after every run kept, this session's or not)
            entry = self.kept.add(make)
        else:
            entry = make(self._count + 1)
        self._count = entry.number
        self.entries = [*self.entries, entry][-KEPT:]
        self._show(currency)

    def _show(self, currency: str) -> None:
        """Show the runs so far again (table and chart), and offer them to the comparison
        of two runs."""
        from sim.faces.runs_chart import runs_figure

        self.pane.object = history_html(self.entries, self.lang, currency)
        self.chart.object = runs_figure(self.entries, self.lang)
        self.pairs.offer(self.entries)  # (which offers the download, with the pair's B − A)

    def _offer_download(self) -> None:
        """The runs so far as a CSV link, with the B − A of the two runs side by side."""
        from sim.faces.export import download_html

        self.download.object = download_html(self.entries, self.lang, self.pairs.chosen())
