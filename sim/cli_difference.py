"""``bordersim difference BEFORE_DIR AFTER_DIR [--metric NAME ...] [--json] [--csv FILE]``:
two run folders set against each other (an interrupted one over the replications it
finished), nothing simulated again
(:mod:`sim.report.run_difference`). Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.cli_csv_path import csv_path

if TYPE_CHECKING:
    from rich.table import Table

    from sim.report.run_difference import RunDifference


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "difference",
        help="two run folders set against each other: each metric's difference and its 95 %% CI",
        description="Read two folders of bordersim run (before and after a change) and print "
        "the scenario fields that differ, then each metric's mean in both, the difference "
        "(after - before) and its 95 % interval: paired when both ran under the same seeds "
        "rep for rep (common random numbers), else Welch's unpaired interval. Nothing is "
        "simulated again.",
    )
    p.add_argument("before", type=Path, metavar="BEFORE_DIR", help="the first run's folder")
    p.add_argument("after", type=Path, metavar="AFTER_DIR", help="the second run's folder")
    p.add_argument("--metric", dest="metrics", action="append", default=[], metavar="METRIC",
                   help="only these metrics: names or patterns such as 'clearance_h_*' "
                   "(repeatable, or comma-separated; default: the headline metrics in the "
                   "table, every metric in --json and --csv)")
    p.add_argument("--json", action="store_true", help="print only JSON")
    p.add_argument("--csv", type=csv_path, metavar="FILE",
                   help="also write every row (or the --metric rows) to FILE (CSV)")
    from sim.cli_lang import add_lang

    add_lang(p)


#: the table's columns (:mod:`sim.cli_zh_difference` has them in Chinese)
COLUMNS = ("metric", "before", "after", "diff.", "95 % CI", "n", "")


def _picked(args: argparse.Namespace) -> list[str] | None:
    """The metrics ``--metric`` names, checked against what the two runs' scenarios can
    measure (a misspelt name: the error ``compare --metric`` gives)."""
    from sim.cli import UsageError
    from sim.experiment.metric_names import MetricError, merged, metric_names, shown
    from sim.scenario.loader import load_scenario

    if not args.metrics:
        return None
    files = [args.before / "scenario.json", args.after / "scenario.json"]
    known = merged([metric_names(load_scenario(f), f) for f in files])
    try:
        return shown(args.metrics, known, "--metric")
    except MetricError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from sim.cli import UsageError
    from sim.cli_lang import chosen
    from sim.report.folder import ResultsFolderError
    from sim.report.run_difference import read_runs, set_against

    lang = chosen(args)
    try:
        runs = read_runs(args.before, args.after)  # (both checked before --metric is)
        diff = set_against(*runs, _picked(args))
        exact = {p.strip() for text in args.metrics for p in text.split(",")}
        if "neither" in diff.only:  # (a pattern's names neither run measured: not listed)
            diff.only["neither"] = [m for m in diff.only["neither"] if m in exact]
    except ResultsFolderError as exc:
        raise UsageError(str(exc)) from None
    _warn(diff, args, lang)
    if args.csv is not None:
        _write_csv(diff, args.csv)
    if args.json:
        from sim.experiment.store import dump_json

        sys.stdout.write(dump_json(as_json(diff), ascii_only=True))
        return 0
    _print(diff, args.metrics == [], lang)
    return 0


def _warn(diff: RunDifference, args: argparse.Namespace, lang: str) -> None:
    """Each folder's warnings on stderr, naming the run and its folder (in Chinese through
    the line function ``run``'s warnings go through, :func:`sim.cli_lang.line`)."""
    from sim.cli_lang import line
    from sim.cli_zh_difference import warning

    for side, ws in diff.warnings.items():
        for w in ws:
            if lang == "zh":
                said = warning(side, getattr(args, side), line(f"warning: {w}", lang))
            else:
                said = f"warning ({side}, {getattr(args, side)}): {w}"
            print(said, file=sys.stderr)


def as_json(diff: RunDifference) -> dict[str, Any]:
    """The difference as plain data (the rows keyed by metric)."""
    return {
        "before": str(diff.before), "after": str(diff.after), "method": diff.method,
        "why": diff.why,
        "changes": [{"field": c.field, "before": c.parent, "after": c.child}
                    for c in diff.changes],
        "notes": diff.lengths, "only": diff.only, "unstable": diff.unstable,
        "warnings": diff.warnings,
        "replications": {side: {"finished": p.finished, "planned": p.planned,
                                "interrupted": p.interrupted, "resume": p.resume or None}
                         for side, p in diff.progress.items()},
        "metrics": {r.metric: {"before": _num(r.before), "after": _num(r.after),
                               "difference": _num(r.mean), "ci_low": r.low, "ci_high": r.high,
                               "n_before": r.n_before, "n_after": r.n_after}
                    for r in diff.rows},
    }


def _num(x: float) -> float | None:
    return None if math.isnan(x) else x


def _write_csv(diff: RunDifference, path: Path) -> None:
    """Every row, then each metric one run lacks (its row says which); each row ends with
    the replications each run finished of those it planned (fewer: an interrupted run)."""
    import csv

    from sim.cli import UsageError

    head = ["metric", "before", "after", "difference", "ci_low", "ci_high", "n_before",
            "n_after", "method", "finished_before", "planned_before", "finished_after",
            "planned_after"]
    progress = [x for side in ("before", "after") for x in (
        diff.progress[side].finished, diff.progress[side].planned)]
    rows = [[r.metric, r.before, r.after, r.mean, r.low, r.high, r.n_before, r.n_after,
             diff.method, *progress] for r in diff.rows]
    for side, names in diff.only.items():
        rows += [[m, *[""] * 7, f"only in {side}" if side != "neither" else "in neither run",
                  *progress] for m in names]
    try:
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(head)
            writer.writerows([["" if v is None else v for v in row] for row in rows])
    except OSError as exc:
        raise UsageError(f"--csv {path}: {exc.strerror or exc}") from None


def _shown_rows(diff: RunDifference, headline: bool) -> list[Any]:
    """The rows of the table: with no --metric, the headline metrics (as ``compare``
    shows them, each pooled row with its imports' and exports'), then the organisation's
    (escalation latency, propagation, staff cost: as ``compare`` shows them, with one in
    both runs), so that two runs of a scenario in two structures show what they change."""
    if not headline:
        return list(diff.rows)
    from sim.cli_compare import TABLE_METRICS
    from sim.experiment.metric_names import organisation_rows, with_directions

    by = {r.metric: r for r in diff.rows}
    names = [*with_directions(TABLE_METRICS, by), *organisation_rows(by)]
    return [by[m] for m in dict.fromkeys(names) if m in by]


#: metrics named in a line of those only one run measured, with no --metric (the rest counted)
LISTED = 5


def listed(names: list[str], headline: bool) -> tuple[list[str], int]:
    """The names to print of those only one run measured, and how many more there are: with
    no --metric the first :data:`LISTED` (a tree's units give hundreds), else every one."""
    if not headline or len(names) <= LISTED:
        return names, 0
    return names[:LISTED], len(names) - LISTED


def _print(diff: RunDifference, headline: bool, lang: str) -> None:
    """The header (scenario fields that differ, notes), the table and what it left out."""
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console = Console(width=140)

    def say(text: str) -> None:
        console.print(text, highlight=False, markup=False, soft_wrap=True)

    rows = _shown_rows(diff, headline)
    if lang == "zh":
        from sim import cli_zh_difference as zh

        head, tail = zh.header(diff), zh.after_table(diff, len(rows), headline)
    else:
        head, tail = _header(diff), _after_table(diff, len(rows), headline)
    for text in head:
        say(text)
    console.print(_table(diff, rows, lang))
    for text in tail:
        say(text)


def _header(diff: RunDifference) -> list[str]:
    """The lines above the table: the folders, the scenario fields that differ, a note per
    run length that differs, a line per interrupted run (compared over the replications it
    finished), and whether the intervals are paired and why."""
    out = [f"before: {diff.before}\nafter:  {diff.after}"]
    if diff.changes:
        out.append(f"{len(diff.changes)} scenario field(s) differ (each folder's "
                   "scenario.json):")
        out += [f"  {c.field}: {c.parent} -> {c.child}" for c in diff.changes]
    else:
        out.append("the two runs' scenarios are the same field for field")
    out += [f"note: {line}" for line in diff.lengths]
    out += diff.interrupted
    out.append(f"intervals: {diff.why}")
    return out


def _after_table(diff: RunDifference, shown: int, headline: bool) -> list[str]:
    """The lines after the table: metrics only one run (or neither) measured, and how to see
    the rows a headline table leaves out (``shown`` of them are in it)."""
    out = []
    for side in ("before", "after"):
        if diff.only.get(side):
            names, more = listed(diff.only[side], headline)
            out.append(f"only in {side} (no difference): {', '.join(names)}"
                       + (f" and {more} more (every one: --json)" if more else ""))
    if diff.only.get("neither"):
        out.append(f"measured in neither run: {', '.join(diff.only['neither'])}")
    if headline:
        out.append(f"{shown} of {len(diff.rows)} metrics shown; every one: --csv FILE or "
                   "--json; others: --metric NAME (patterns such as 'utilisation_*')")
    return out


def _table(diff: RunDifference, rows: list[Any], lang: str = "en") -> Table:
    """After - before per metric: each run's mean, the difference and its interval (one of
    no width in words, as the report says it), the replications, ``!`` for an unsteady run;
    ``lang`` ``zh``: its words, and each metric's Chinese name beside its identifier."""
    from rich.markup import escape
    from rich.table import Table

    from sim import cli_zh
    from sim import cli_zh_difference as zh
    from sim.cli_compare import _fmt

    flag = "!" if any(diff.unstable.values()) else ""
    title, cols = f"After - before: mean and 95 % CI, {diff.method}", COLUMNS
    caption = "! not steady-state (the before or the after run warned)"
    if lang == "zh":
        title, cols, caption = zh.title(diff.method), zh.COLUMNS, zh.CAPTION
    t = Table(title=title, caption=caption if flag else None)
    for i, col in enumerate(cols):
        t.add_column(col, justify="left" if i in (0, len(cols) - 1) else "right",
                     overflow="fold")
    for r in rows:
        n = str(r.n_after) if diff.paired else f"{r.n_before}/{r.n_after}"
        name = cli_zh.metric(r.metric) if lang == "zh" else escape(r.metric)
        t.add_row(name, _fmt(r.before), _fmt(r.after), _fmt(r.mean),
                  interval(r.low, r.high, lang), n, flag)
    return t


def interval(low: float | None, high: float | None, lang: str = "en") -> str:
    """A difference's 95 % interval as the table shows it: ``–`` without one; one of no
    width (every replication gave the same difference) in the report's words, not
    ``0.000 to 0.000``, which would read as a figure known exactly."""
    from sim.report.html import SAME, no_width

    if low is None or high is None:
        return "–"
    if no_width(low, high):
        if lang == "zh":
            from sim.report.zh_phrases import PHRASES

            return PHRASES[SAME]
        return SAME
    from sim.cli_compare import _ci

    shown = _ci(low, high)
    return shown.replace(" to ", " 至 ") if lang == "zh" else shown
