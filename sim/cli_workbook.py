"""``bordersim workbook RESULTS_DIR [--out FILE] [--lang en|zh]``: one .xlsx workbook of a
finished run's or comparison's folder for a spreadsheet reader (:mod:`sim.report.workbook`).
The folder is checked first and only read. Only the standard library is imported at
start-up."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "workbook",
        help="one .xlsx workbook of a results folder for Excel or WPS: headline figures with "
        "95 %% intervals, paired differences, the main tables",  # (a help string: %-formatted)
        description="Read a finished results folder of bordersim run or compare (checked "
        "first, as bordersim report checks it) and write one .xlsx workbook: a readme sheet "
        "(what each sheet is, the scenario, the command, seed, replications, warnings), the "
        "headline figures with their units and 95 % intervals (in a comparison, each "
        "option's paired change from the baseline), the paired differences, every figure, "
        "and the enforcement and trading-across-borders tables, with number formats, frozen "
        "header rows and filters. Nothing is simulated again; every number is the folder's "
        "own (docs/workbook.md).",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR",
                   help="the results folder of bordersim run or compare")
    p.add_argument("--out", type=Path, metavar="FILE",
                   help="the .xlsx file to write, in a folder that exists (default "
                   "RESULTS_DIR/workbook.xlsx, with --lang zh workbook-zh.xlsx)")
    p.add_argument("--lang", choices=("en", "zh"), default=None,
                   help="the language of the sheets' names, headers and labels: en or zh "
                   "(default: the environment variable BORDERSIM_LANG, else en); zh is Simplified "
                   "Chinese (the metric names from the report's glossary)")


def run(args: argparse.Namespace) -> int:
    from sim.cli_lang import chosen
    from sim.cli_zh_errors import done, error_line
    from sim.experiment.store import WriteError
    from sim.report.folder import ResultsFolderError
    from sim.report.workbook import write_workbook

    args.lang = chosen(args)
    started = time.monotonic()
    try:
        out = write_workbook(args.folder, args.out, args.lang)
    except (ResultsFolderError, WriteError) as exc:
        print(error_line(str(exc), args.lang), file=sys.stderr)
        return 2
    print(done("workbook", out, time.monotonic() - started, args.lang))
    return 0
