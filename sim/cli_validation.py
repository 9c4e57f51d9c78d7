"""``run --observed FILE``: a port's observed figures beside the run's, in the results folder
(``validation.csv``) and on standard output (see :mod:`sim.experiment.validation`)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (the command line imports what a subcommand needs when it runs)
    from rich.table import Table

    from sim.experiment.validation import ObservedFigure

#: the file a run writes its validation table to
VALIDATION_FILE = "validation.csv"
#: ``--observed published``: the published figures bundled beside a bundled scenario
PUBLISHED = "published"


def add_observed(parser: argparse.ArgumentParser) -> None:
    """``--observed FILE``: the observed figures to set beside the run's."""
    parser.add_argument(
        "--observed",
        type=Path,
        metavar="FILE",
        help="a CSV of observed figures (columns metric,observed[,label][,source]"
        "[,observed_low,observed_high]; metric: a name bordersim check SCENARIO --metrics "
        "lists; observed_low and _high: the figure's own 95 %% interval, as another model's "
        "over its runs): each set beside the run's mean and 95 %% interval, inside or not, "
        f"in {VALIDATION_FILE} and after the table; '{PUBLISHED}': the published figures, "
        "with source and year, a bundled scenario is built on (default has them)",
    )


def observed_figures(path: Path | None, scenario: Any, source: str) -> list[ObservedFigure]:
    """The figures of ``path`` (none without it), every metric checked against what runs of
    ``scenario`` yield before anything runs (a problem: ``ValueError`` with the file, line,
    column and value)."""
    if path is None:
        return []
    from sim.experiment.metric_names import metric_names
    from sim.experiment.validation import check_names, read_observed
    from sim.scenario.published import published_figures_path

    if str(path) == PUBLISHED and not path.exists():
        path = published_figures_path(source)
    figures = read_observed(path)
    check_names(figures, metric_names(scenario, source), path)
    return figures


def write_validation(
    figures: Sequence[ObservedFigure], summary: Mapping[str, Any], out: Path
) -> list[dict[str, Any]]:
    """The validation rows of a run's ``summary``, written to ``out``/``validation.csv``.
    Without ``figures`` (a run resumed without ``--observed``), the figures ``out`` already
    holds are set against the new summary, so the file never describes an older one."""
    from sim.experiment.store import atomic_write
    from sim.experiment.validation import (
        TABLE_COLUMNS,
        read_observed,
        table_csv,
        validation_rows,
    )

    kept = out / VALIDATION_FILE
    if not figures and not kept.is_file():
        return []
    if not figures:
        figures = read_observed(kept, TABLE_COLUMNS)
    rows = validation_rows(figures, summary)
    atomic_write(kept, table_csv(rows))
    return rows


def validation_table(rows: Sequence[Mapping[str, Any]], lang: str = "en") -> Table:
    """The rows as a table: observed, simulated mean and interval, inside or not (in
    Chinese with ``lang`` zh: :mod:`sim.cli_zh_validation`)."""
    from rich.table import Table

    from sim import cli_zh_validation as in_zh
    from sim.cli import _bounds, _fmt
    from sim.experiment.validation import observed_decimals, verdict

    zh = lang == "zh"
    own = any(r.get("agree") for r in rows)  # figures with intervals of their own
    table = Table(
        title=in_zh.TITLE if zh else "Observed against simulated: mean and 95 % CI over the "
        "replications",
        caption=in_zh.verdict(rows) + in_zh.CAPTION.format(file=VALIDATION_FILE)
        + (in_zh.AGREE if own else "")
        if zh else f"{verdict(rows)}; the interval is the simulation's randomness only, not the "
        f"observed figure's sampling error ({VALIDATION_FILE} has every column)"
        + ("; agree: the difference's interval, from both figures' intervals, holds 0"
           if own else ""),
    )
    table.add_column("指标" if zh else "metric", overflow="fold")
    columns = in_zh.COLUMNS if zh else ("observed", "simulated", "ci low", "ci high",
                                        "sim - obs", "inside")
    for col in columns + ((in_zh.OWN_COLUMNS if zh else ("difference 95 % CI", "agree")) if own
                          else ()):
        table.add_column(col, justify="right", no_wrap=True)
    for r in rows:
        name = (in_zh.metric_label(r["metric"], r["label"] or "") if zh else
                f"{r['metric']} ({r['label']})" if r["label"] else r["metric"])
        rel = r["relative_difference"]
        diff = _fmt(r["difference"]) + ("" if rel is None else f" ({rel:+.0%})")
        extra: tuple[str, ...] = ()
        if own:
            low, high = r.get("difference_low"), r.get("difference_high")
            span = "" if low is None or high is None else f"[{_fmt(low)}, {_fmt(high)}]"
            agree = str(r.get("agree") or "")
            extra = (span, in_zh.said(agree) if zh else agree)
        digits = observed_decimals(r["observed"])
        shown: tuple[str, ...]
        if digits is None:
            shown = (_fmt(r["observed"]), _fmt(r["simulated_mean"]),
                     *_bounds(r["ci_low"], r["ci_high"]))
        else:
            shown = tuple(_at(r[c], digits) for c in ("observed", "simulated_mean", "ci_low",
                                                     "ci_high"))
        table.add_row(name, *shown, diff, in_zh.said(r["inside"]) if zh else r["inside"],
                      *extra)
    return table


def _at(x: float | None, digits: int) -> str:
    """A number below 10 with ``digits`` decimals; others as the table shows them."""
    from sim.cli import _fmt

    return _fmt(x) if x is None or abs(x) >= 10 else f"{x:.{digits}f}"
