"""The workshop page's runs so far as a CSV file, for a spreadsheet after the workshop.

A room wanted the figures in Excel afterwards, and could only copy them off the screen. Under
the runs so far the page offers them as one CSV file (a link that downloads it, built on the
page: nothing is written on the server): a row per run, metric and side (``baseline``,
``option``, ``difference``), every row of each run's full table, not only the headline ones.
The numbers are the page's own, unrounded (the cells' ``data-value``), in the columns of a
comparison's ``summary.csv`` and ``differences.csv`` (:doc:`docs/results-folder.md`): ``mean``,
the raw 95 % interval ``ci_low``, ``ci_high`` (empty with one replication) and ``shown_low``,
``shown_high``, the same clipped to what is possible, as the page shows it. The file starts
with a byte-order mark so that Excel reads its Chinese labels as UTF-8.

When two runs are set side by side (:mod:`sim.faces.pairs`), the file also holds their
B − A, as the page shows it: a row per metric of side ``b_minus_a``, ``run`` being run B's
number, ``baseline`` and ``option`` naming run A's and run B's options, the settings run B's;
the mean and interval empty when the two runs are not paired (the page's "–").
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sim.faces.words import say

if TYPE_CHECKING:
    from sim.faces.history import Entry

COLUMNS = ("run", "scenario", "baseline", "option", "replications", "warmup_days",
           "observed_days", "seed", "metric", "label", "unit", "side", "mean", "ci_low",
           "ci_high", "shown_low", "shown_high")
SIDES = ("baseline", "option", "difference")
#: the side of the rows of two runs' B − A
PAIR_SIDE = "b_minus_a"
#: the downloaded file's name
FILE = "bordersim-runs.csv"


def _number(x: float | None) -> str:
    """A figure unrounded (Python's shortest exact form, as pandas writes it); empty when
    missing."""
    return "" if x is None or not math.isfinite(x) else repr(float(x))


def _label(metric: str, english: str, lang: str, currency: str) -> str:
    """A row's label as plain text: the page's English, or the metric's Chinese name."""
    if lang == "zh":
        from sim.cli_zh import unit
        from sim.experiment.compare import metric_unit
        from sim.report.translate import metric_name

        zh = metric_name(metric)
        if zh is not None:
            return f"{zh}（{unit(metric_unit(metric).replace('currency', currency))}）"
    return english.replace("{currency}", currency)


def _head(entry: Entry, baseline: str, option: str) -> list[str]:
    """A row's columns before its metric: the run's number, scenario, sides and settings."""
    plan = entry.plan
    return [str(entry.number), plan.scenario if plan else "", baseline, option,
            str(plan.reps) if plan else "", f"{entry.window[0]:g}", f"{entry.window[1]:g}",
            str(plan.seed) if plan else ""]


def _lines(entry: Entry, lang: str, rows: Sequence[Mapping[str, Any]] | None = None,
           head: list[str] | None = None, sides: Sequence[tuple[str, str]] | None = None
           ) -> list[list[str]]:
    """One run's rows of the file (or, given, other ``rows`` with their ``head`` and their
    sides: (side in ``rows``, side written))."""
    from sim.experiment.compare import clip_interval, metric_unit

    head = head or _head(entry, entry.labels.get("baseline", ""),
                         entry.labels.get("option", ""))
    out = []
    for row in entry.rows if rows is None else rows:
        metric = row["metric"]
        unit = metric_unit(metric).replace("currency", entry.currency)
        for side, written in sides or [(s, s) for s in SIDES]:
            mean, low, high = row[side]
            shown: tuple[float | None, float | None] = (None, None)
            if low is not None and high is not None:
                kind_of = metric.removesuffix("_import").removesuffix("_export")
                shown = clip_interval(kind_of, low, high, difference=side == "difference")
            out.append([*head, metric, _label(metric, row["label"], lang, entry.currency),
                        unit, written, _number(mean), _number(low), _number(high),
                        _number(shown[0]), _number(shown[1])])
    return out


def pair_lines(a: Entry, b: Entry, lang: str) -> list[list[str]]:
    """Two runs' B − A as rows of the file (side ``b_minus_a``), as the side-by-side shows
    it: empty figures when they are not paired."""
    from sim.faces.pairs import pair_rows

    colon = "：" if lang == "zh" else ": "
    named = [f"{say(lang, 'run {n}', n=e.number)}{colon}{e.labels.get('option', '')}"
             for e in (a, b)]
    return _lines(b, lang, pair_rows(a, b), _head(b, *named), [("difference", PAIR_SIDE)])


def runs_csv(entries: Sequence[Entry], lang: str = "en",
             pair: tuple[Entry, Entry] | None = None) -> str:
    """The runs so far as CSV text (with its header; labels in ``lang``), and the B − A of
    the ``pair`` of runs set side by side, if any."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerows(_lines(entry, lang))
    if pair is not None:
        writer.writerows(pair_lines(*pair, lang))
    return buffer.getvalue()


def download_html(entries: Sequence[Entry], lang: str = "en",
                  pair: tuple[Entry, Entry] | None = None) -> str:
    """A link that downloads :func:`runs_csv` (a data address: the server keeps no file);
    "" before the first finished run."""
    if not entries:
        return ""
    href = "data:text/csv;charset=utf-8," + quote("\ufeff" + runs_csv(entries, lang, pair))
    words = say(lang, "Download the runs so far (CSV, for Excel: every row of each run's "
                "table, unrounded)")
    return (f'<p class="bs-csv-box"><a class="bs-csv" download="{FILE}" href="{href}">'
            f"{words}</a></p>")
