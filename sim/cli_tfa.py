"""``bordersim tfa RESULTS_DIR [--csv FILE]``: each option of a comparison's folder with the
measures of the WTO Trade Facilitation Agreement its reforms implement (the project's
reading, :mod:`sim.reforms.tfa`) beside its paired change in release time, mean and median,
over all goods and imports and exports apart (:mod:`sim.report.tfa_changes`), then the World
Bank's documentary and border compliance time and cost at each port and direction
(:mod:`sim.report.tfa_trading`). Nothing is simulated again. Only the standard library is
imported at start-up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sim.cli_csv_path import csv_path


def add_parser(sub: Any) -> None:
    """Add ``tfa`` to the ``bordersim`` parser."""
    p = sub.add_parser(
        "tfa",
        help="each option's WTO TFA measures beside its change in release time",
        description="Read a results folder of bordersim compare and print, for each option, "
        "the articles of the WTO Trade Facilitation Agreement (WT/L/940) its reforms "
        "implement (the project's reading: bordersim reforms --tfa) beside its paired change "
        "in release time, the Time Release Study's mean and median hours from arrival to "
        "release (TFA Art. 7.6), over all goods and imports and exports apart, each with its "
        "95 % interval; then the other stages, lodgement to release and arrival to exit, "
        "imports and exports apart, and the share released within each time target of the "
        "comparison (24 h, and its within_hours); the share released on arrival where the "
        "comparison reports it (--set 'within_hours=[0]'); then, at each port and direction, "
        "the World Bank's time "
        "and cost of "
        "documentary and border compliance per consignment, the baseline's and each option's "
        "paired change. Nothing is simulated again (docs/tfa.md).",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR", help="a comparison's folder")
    p.add_argument("--csv", type=csv_path, metavar="FILE",
                   help="also write every figure printed to FILE (CSV, unrounded, one row per "
                   "option and figure, with its 95 %% interval; column block: release_time, "
                   "release_stage, released_within_target, released_on_arrival or "
                   "trading_across_borders)")
    p.add_argument("--publish", type=Path, metavar="FILE.md",
                   help="instead, write the Time Release Study's published table (TFA Art. "
                   "7.6): for each option (or a run's folder), port and direction, each "
                   "stage's mean, median and 90th percentile hours, the consignments "
                   "measured and the share within 24 h, with the measurement period and the "
                   "definitions, to FILE.md (Markdown) and FILE.csv beside it")
    from sim.cli_lang import add_lang

    add_lang(p)


def run(args: argparse.Namespace) -> int:
    """Print the table; 2 with a clear error for a folder that is not a comparison."""
    from sim.cli import UsageError
    from sim.report.folder import ResultsFolderError
    from sim.report.tfa_changes import tfa_changes, tfa_lines

    if args.publish is not None:
        return _publish(args)
    try:
        table = tfa_changes(args.folder)
    except ResultsFolderError as exc:
        raise UsageError(str(exc)) from None
    from sim.cli_lang import chosen

    zh = chosen(args) == "zh"
    if zh:
        from sim.cli_zh_tfa import CSV, lines

    print("\n".join(lines(table) if zh else tfa_lines(table)))
    from sim.report.tfa_arrival import arrival_lines
    from sim.report.tfa_stages import stage_lines
    from sim.report.tfa_trading import trading_lines

    if zh:
        from sim.cli_zh_tfa import ARRIVAL, STAGES, TRADING_HEADING, TRADING_HEADS, TRADING_MISSING

        print("\n" + "\n".join(stage_lines(args.folder, STAGES)))
        print("\n" + "\n".join(arrival_lines(args.folder, **ARRIVAL)))
        print("\n" + "\n".join(trading_lines(args.folder, TRADING_HEADS, TRADING_HEADING,
                                              TRADING_MISSING)))
    else:
        print("\n" + "\n".join(stage_lines(args.folder)))
        print("\n" + "\n".join(arrival_lines(args.folder)))
        print("\n" + "\n".join(trading_lines(args.folder)))
    if args.csv is not None:
        from sim.report.tfa_csv import tfa_csv

        tfa_csv(args.folder, table).to_csv(args.csv, index=False)
        print(CSV.format(path=args.csv) if zh else
              f"each option's TFA articles, release times and stages, shares released "
              f"within the targets and on arrival, and "
              f"trading-across-borders measures: {args.csv}", file=sys.stderr)
    return 0


def _publish(args: argparse.Namespace) -> int:
    """Write the published table as Markdown and CSV; 2 with a clear error for a path that
    is not a Markdown file or a folder that is not a run's or a comparison's."""
    from sim.cli import UsageError
    from sim.cli_lang import chosen
    from sim.report.folder import ResultsFolderError
    from sim.report.trs_publish import publish_csv
    from sim.report.trs_publish_page import publish_page

    page: Path = args.publish
    if page.suffix != ".md":
        raise UsageError(f"--publish {page}: the table's file must end in .md (the CSV is "
                         "written beside it, .csv)")
    zh = chosen(args) == "zh"
    try:
        if zh:
            from sim.cli_zh_publish import WORDS

            text = publish_page(args.folder, WORDS)
        else:
            text = publish_page(args.folder)
        table = publish_csv(args.folder)
    except ResultsFolderError as exc:
        raise UsageError(str(exc)) from None
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    table.to_csv(page.with_suffix(".csv"), index=False)
    print(f"{page}\n{page.with_suffix('.csv')}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run it as: bordersim tfa RESULTS_DIR")
