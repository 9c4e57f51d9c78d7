"""A finished comparison's figures as one table for a paper (``bordersim paper-table``): one
row per metric with each option's mean and 95 % interval, under it the paired change from the
baseline with its interval, a caption (replications, observed days) and footnotes (the cut
mark, the command that made the folder). Read from the folder alone, checked as the report
checks it; nothing is simulated again. Rendered by :mod:`sim.report.paper_render`."""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.report.paper_caveat import Change, caveat

#: the rows a paper on a reform most often needs: clearance by direction (mean and p90), the
#: share released within a day, who pays, and what customs checks and finds
DEFAULT_METRICS = (
    "clearance_h_mean_import", "clearance_h_mean_export", "clearance_h_p90_import",
    "clearance_h_p90_export", "released_within_24h", "agency_cost_per_consignment",
    "trader_cost_per_consignment", "detection_rate", "inspection_rate",
)  # fmt: skip
#: the label of the row of paired changes under each metric's
CHANGE = "change vs baseline"


@dataclass
class PaperTable:
    """The table's words and cells, in no markup yet (the renderer escapes them)."""

    options: list[str]
    rows: list[tuple[str, list[str]]]  # (label, one cell per option); a change row: CHANGE
    caption: str
    notes: list[str] = field(default_factory=list)
    command: str = ""
    skipped: list[str] = field(default_factory=list)  # default metrics the folder lacks
    folder: str = ""  # the results folder's name, for `bordersim reproduce` in the note
    head: str = "metric"  # (the rows' column: "who" for who gains, by port and direction)
    align: str = "r"  # the other columns' alignment: "r" for figures, "l" for words
    metrics: dict[str, str] = field(default_factory=dict)  # a label's metric (for --lang zh)


class PaperTableError(ValueError):
    """A metric asked for that the folder does not hold, or a folder not of a comparison."""


def build(folder: Path, metrics: Sequence[str] | None = None,
          define: bool = False, raw: bool = False) -> PaperTable:
    """The table of ``folder`` (a finished ``bordersim compare`` folder, read and checked as
    the report reads it: an unfinished or damaged one raises ResultsFolderError); with
    ``define``, each row's metric defined under it from the metric glossary; its rows
    labelled in words (:mod:`sim.report.paper_labels`), or by metric name with ``raw``."""
    from sim.experiment.compare import shown_unit
    from sim.report.html import _records

    res = read_comparison(folder)
    s, d = _records(res.summary), _records(res.differences)
    have = {m for m, _ in s}
    chosen, skipped = _chosen(metrics, have, folder)
    rows: list[tuple[str, list[str]]] = []
    changes: list[Change] = []
    labels: dict[str, str] = {}
    for metric in chosen:
        unit = shown_unit(str(s[(metric, res.names[0])]["unit"]), res.meta.get("currency"))
        label = row_label(metric, unit, raw)
        labels[label] = metric
        changes += [change_of(f"{label} for {n}", d.get((metric, n))) for n in res.names[1:]]
        rows.append((label, [_cell(s.get((metric, n))) for n in res.names]))
        rows.append((CHANGE, ["" if n == res.names[0] else _cell(d.get((metric, n)), True)
                              for n in res.names]))
    caption = _caption(res.meta, res.per_rep, len(res.names)) + money_said(chosen, res.meta)
    table = PaperTable(list(res.names), rows, caption, skipped=skipped, metrics=labels)
    table.notes = _notes(rows) + caveat(_fewest(res.per_rep), changes)
    table.notes += definitions(chosen, not raw) if define else []
    table.command, table.folder = _command(res.meta, folder), folder.name
    return table


def change_of(label: str, row: Mapping[str, Any] | None) -> Change:
    """A paired change's figures for the caveat (:mod:`sim.report.paper_caveat`); one with
    no figure (no row, no replications) is of no size."""
    if row is None or int(row["n"]) == 0:
        return Change(label, 0.0, 0.0, 0.0, 0)
    return Change(label, float(row["mean"]), float(row["ci_low"]), float(row["ci_high"]),
                  int(row["n"]))


def _fewest(per_rep: Any) -> int:
    """The fewest replications any option has."""
    return int(min(per_rep["option"].value_counts().tolist() or [0])) if len(per_rep) else 0


def _chosen(metrics: Sequence[str] | None, have: set[str],
            folder: Path) -> tuple[list[str], list[str]]:
    """The metrics asked for (all must be in the folder), else the defaults it holds."""
    if not metrics:
        return ([m for m in DEFAULT_METRICS if m in have],
                [m for m in DEFAULT_METRICS if m not in have])
    missing = [m for m in metrics if m not in have]
    if missing:
        raise PaperTableError(
            f"{folder / 'summary.csv'}: no metric {', '.join(missing)}; the folder's metrics "
            "are those of its summary.csv (`bordersim check SCENARIO --metrics` lists them)")
    return list(dict.fromkeys(metrics)), []


def _cell(row: Mapping[str, Any] | None, change: bool = False) -> str:
    """A mean (or change) and its interval as the report gives them (cut ends marked), a
    change Holm's ``*`` when significant; ``–`` where there is no figure."""
    from sim.report.html import _figures

    if row is None or int(row["n"]) == 0:
        return "\u2013"
    raw = (float(row["ci_low"]), float(row["ci_high"]))
    mean, span = _figures(row["mean"], row["shown_low"], row["shown_high"], raw)
    star = "*" if change and bool(row.get("significant")) else ""
    return f"{mean}{star} {span}"


def money_said(metrics: Sequence[str], meta: Mapping[str, Any]) -> str:
    """The caption's last sentence where a row is money: its currency and the year of its
    prices (`` Money in USD at 2019 prices.``), so that a cost quoted from the table says
    which year's prices it counts in; nothing where no row is money."""
    from sim.experiment.compare import metric_unit
    from sim.report.price_year import money_unit

    if not any("currency" in metric_unit(m) for m in metrics):
        return ""
    return f" Money in {money_unit(meta)}."


def _caption(meta: Mapping[str, Any], per_rep: Any, options: int) -> str:
    """What the figures rest on: replications, observed days, warm-up, the pairing."""
    counts = per_rep["option"].value_counts().tolist() if len(per_rep) else [0]
    low, high = min(counts), max(counts)
    reps = str(low) if low == high else f"{low} to {high}"
    return (
        f"Scenario {meta.get('scenario')}: mean and 95 % Student-t interval over {reps} "
        f"replications per option, {_days(meta['days'])} observed after "
        f"{_days(meta.get('warmup_days') or 0)} of warm-up; each option's change from "
        "the baseline is paired (the same seeds), * significant at 5 % after Holm's "
        f"correction for {options - 1} option{'s' if options > 2 else ''}."
    )


def _days(n: Any) -> str:
    """``1 day``, ``14 days``, ``0.5 days``."""
    return f"{float(n):g} day{'' if float(n) == 1 else 's'}"


def _notes(rows: list[tuple[str, list[str]]]) -> list[str]:
    """The cut mark's footnote, where some interval is cut."""
    from sim.report.numbers import CUT, CUT_NOTE

    return [CUT_NOTE] if any(CUT in c for _, cells in rows for c in cells) else []


def _command(meta: Mapping[str, Any], folder: Path | None = None) -> str:
    """The command line that made the folder as it stands (the last, if it was resumed), its
    ``--out`` given as the folder's own name (``folder``): the path on the author's machine
    is no part of a printed table, and a reader re-runs it where the folder is."""
    words = meta.get("command")
    if not isinstance(words, list):
        return ""
    words = [str(w) for w in words]
    if folder is not None:
        for i, word in enumerate(words):
            if word == "--out" and i + 1 < len(words):
                words[i + 1] = folder.name
            elif word.startswith("--out="):
                words[i] = f"--out={folder.name}"
    return shlex.join(words)


def definitions(metrics: Sequence[str], labelled: bool = False) -> list[str]:
    """A note per metric saying what it counts or times, over which consignments, as the
    metric glossary (docs/metrics.md) defines it, so that a printed table explains its rows
    without the reader looking the names up; ``labelled``: each led by its row's words, so
    that a row in words is tied to the metric it prints."""
    from sim.experiment.metric_glossary import explain
    from sim.report.paper_labels import print_label

    out = []
    for metric in metrics:
        meaning = explain(metric).split("\t", 2)[2]
        lead = f"{print_label(metric, '').removesuffix(' ()')} \u2013 " if labelled else ""
        out.append(f"{lead}{metric}: {meaning}")
    return out


def row_label(metric: str, unit: str, raw: bool = False) -> str:
    """A row's label: the metric's words and unit (``Clearance, p90, imports (h)``), or with
    ``raw`` its name and unit (``clearance_h_p90_import (h)``)."""
    from sim.report.paper_labels import print_label

    return f"{metric} ({unit})" if raw else print_label(metric, unit)


def read_comparison(folder: Path) -> Any:
    """A finished comparison's results (its CompareResult), read and checked as the report
    reads it: another kind of folder, an unfinished or a damaged one raises
    ResultsFolderError."""
    from sim.report.folder import ResultsFolderError, kind_of, read_compare

    kind = kind_of(folder)
    if kind != "compare":
        raise ResultsFolderError(
            f"{folder}: a results folder of bordersim {kind}; paper-table reads a comparison's "
            "(bordersim compare), whose options it sets side by side")
    res, _ = read_compare(folder)
    return res
