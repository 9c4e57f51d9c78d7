"""``sweep --observed FILE|published``: each observed figure beside every point's mean and
95 % interval, inside or not, as a table (rows: figures; columns: the swept values), in the
sweep's ``observed.csv``, and a line per figure naming the values where it falls inside
(see :mod:`sim.experiment.sweep_observed`)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.cli_validation import PUBLISHED

#: the sweep folder's file of the observed figures against every point (kept here, not in
#: the experiment layer, so that building the command line imports none of it)
OBSERVED_FILE = "observed.csv"

if TYPE_CHECKING:
    from rich.table import Table


def add_sweep_observed(parser: argparse.ArgumentParser) -> None:
    """``--observed FILE``: the observed figures to set beside every point's."""
    parser.add_argument(
        "--observed",
        type=Path,
        metavar="FILE",
        help="a CSV of observed figures (as run --observed reads them) or "
        f"'{PUBLISHED}' (a bundled scenario's published figures): each set beside every "
        "point's mean and 95 %% interval, inside or not, in a table (a row a figure, a "
        f"column a point) and in {OBSERVED_FILE}, with the swept values where each falls "
        "inside (--param points only)",
    )


def check_sweep_observed(args: argparse.Namespace, base: Any, path: Any) -> None:
    """Before anything runs: ``args.observed_figures``, the figures of ``--observed`` (none
    without it), each metric one the scenario yields; ``--observed`` with ``--sobol`` or
    ``--lhs`` is a usage error (their points are a sample, not values to read across)."""
    from sim.cli import UsageError
    from sim.cli_validation import observed_figures

    args.observed_figures = []
    if args.observed is None:
        return
    mode = "sobol" if args.sobol is not None else "lhs" if args.lhs is not None else None
    if mode:
        raise UsageError(
            f"--observed cannot be combined with --{mode}: it reads each figure across "
            "listed values; give --param FIELD=v1,v2,... (or run --observed at one point)"
        )
    try:
        args.observed_figures = observed_figures(
            args.observed, base, str(args.scenario or path))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def sweep_observed(args: argparse.Namespace, rows: Any, params: list[str], out: Path) -> None:
    """Write ``observed.csv`` (also for a sweep resumed without ``--observed`` into a folder
    that has one: its figures set against the points now there) and, unless ``--json``,
    print the table and the lines naming where each figure falls inside (with it:
    ``args.observed_rows``, for ``--json-object``)."""
    from sim.cli import UsageError
    from sim.experiment.store import atomic_write
    from sim.experiment.sweep_observed import (
        inside_at,
        kept_figures,
        observed_csv,
        observed_rows,
    )

    kept = out / OBSERVED_FILE
    figures = getattr(args, "observed_figures", [])
    if not figures and not kept.is_file():
        return
    try:
        figures = figures or kept_figures(kept)
    except ValueError as exc:  # (a kept observed.csv edited by hand)
        raise UsageError(str(exc)) from None
    table = observed_rows(figures, rows, params)
    atomic_write(kept, observed_csv(table, params))
    if args.json:  # (--json-object gives the rows under "observed")
        args.observed_rows = table
        return
    from rich.console import Console

    zh = args.lang == "zh"
    Console(width=200).print(observed_table(table, params, args.lang))
    for line in inside_lines(inside_at(table, params), table, args.lang):
        print(line)
    if zh:
        from sim.cli_zh_validation import SWEEP_CAVEAT

        print(SWEEP_CAVEAT.format(file=OBSERVED_FILE))
    else:
        print("(the interval is the simulation's randomness only, not the observed figure's "
              f"sampling error; {OBSERVED_FILE} has every point's columns)")


def observed_table(
    table: Sequence[Mapping[str, Any]], params: Sequence[str], lang: str = "en"
) -> Table:
    """A row per figure (its observed value), a column per point (its swept values): the
    point's mean [95 % interval] and whether the observed value is inside."""
    from rich.table import Table

    from sim import cli_zh_validation as in_zh
    from sim.experiment.sweep_observed import point_label

    zh = lang == "zh"
    shown = Table(title=in_zh.SWEEP_TITLE if zh else "Observed figures at each point: "
                  "simulated mean [95 % CI over the replications], inside or not")
    shown.add_column("指标" if zh else "metric", overflow="fold")
    shown.add_column("实测值" if zh else "observed", justify="right", no_wrap=True)
    points: dict[int, str] = {}
    for r in table:
        points.setdefault(int(r["point"]), point_label(r, params))
    for label in points.values():
        shown.add_column(label, justify="right")
    cells: dict[str, dict[int, str]] = {}
    firsts: dict[str, Mapping[str, Any]] = {}
    for r in table:
        firsts.setdefault(str(r["metric"]), r)
        cells.setdefault(str(r["metric"]), {})[int(r["point"])] = point_cell(r, lang)
    for metric, r in firsts.items():
        name = (in_zh.metric_label(metric, r["label"] or "") if zh else
                f"{metric} ({r['label']})" if r["label"] else metric)
        shown.add_row(name, _figure(r["observed"], r["observed"]),
                      *(cells[metric].get(p, "") for p in points))
    return shown


def point_cell(row: Mapping[str, Any], lang: str = "en") -> str:
    """One point's figure: mean [low, high] and inside or not (in Chinese with ``zh``)."""
    from sim.cli_zh_validation import said

    mean, low, high = row["simulated_mean"], row["ci_low"], row["ci_high"]
    verdict = said(row["inside"]) if lang == "zh" else str(row["inside"])
    if mean is None:
        return verdict
    figure = _figure(mean, row["observed"])
    if low is None or high is None:
        return f"{figure} {verdict}"
    span = f"[{_figure(low, row['observed'])}, {_figure(high, row['observed'])}]"
    return f"{figure} {span} {verdict}"


def _figure(x: float, observed: float) -> str:
    """A number as run's validation table shows it beside that observed figure."""
    from sim.cli_validation import _at
    from sim.experiment.validation import observed_decimals

    digits = observed_decimals(observed)
    if digits is None:
        from sim.cli import _fmt

        return _fmt(x)
    return _at(x, digits)


def inside_lines(
    where: Mapping[str, list[str]], table: Sequence[Mapping[str, Any]], lang: str = "en"
) -> list[str]:
    """A line per figure: the swept values where its observed value is inside the point's
    interval, or none."""
    from sim.cli_zh_validation import SWEEP_INSIDE, SWEEP_NONE

    zh = lang == "zh"
    observed = {str(r["metric"]): r["observed"] for r in table}
    out = []
    for metric, values in where.items():
        at = ", ".join(values) if values else (SWEEP_NONE if zh else "none")
        figure = _figure(observed[metric], observed[metric])
        out.append(SWEEP_INSIDE.format(metric=metric, observed=figure, at=at) if zh else
                   f"{metric} (observed {figure}) inside at: {at}")
    return out
