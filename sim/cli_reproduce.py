"""``bordersim reproduce RESULTS_DIR [--out DIR] [--reps K] [--point N,...] [--check-only]
[--executor NAME] [--workers N] [--dask ADDRESS] [--lang en|zh]``: re-run a finished run's,
comparison's or sweep's folder from what it records and compare every figure with the
original (:mod:`sim.reproduce`; docs/reproduce.md), on the executor the options ask for
(the results are the same whatever runs them), or with ``--check-only`` check it against
itself, re-running nothing (:mod:`sim.reproduce_stored`); ``--lang zh`` says the verdict
and errors in Chinese (:mod:`sim.cli_zh_verdict`). Only the standard library is imported
at start-up."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

#: the refusal of executor options beside ``--check-only``, which runs no replication: said,
#: not ignored, so that no one believes a check ran on the executor they named
NOTHING_TO_RUN = ("--check-only re-runs nothing, so nothing runs on an executor: give no "
                  "--executor, --workers or --dask")


def add_parser(sub: Any) -> None:
    from sim.cli import _positive_int, out_path

    p = sub.add_parser(
        "reproduce",
        help="re-run a finished results folder from what it records and compare its figures",
        description="Re-run a finished run's, comparison's or sweep's folder (its scenario.json, "
        "seed, replications, observed days and, for a comparison, its options; a sweep's "
        "points) into a new folder, "
        "then compare each replication's figures and table checksums and, when every "
        "replication was re-run, every summary file with the original. Prints REPRODUCED "
        "(exit 0) or NOT REPRODUCED with the figures that moved and by how much, and the "
        "version, build, Python, libraries or machine that differ (exit 1); a folder that "
        "cannot be re-run (unfinished, its scenario missing) is refused (exit 2).",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR",
                   help="a finished folder of bordersim run, compare or sweep")
    p.add_argument("--out", type=out_path, metavar="DIR",
                   help="the new folder for the re-run (default: RESULTS_DIR-reproduced, or "
                   "RESULTS_DIR-reproduced-2, -3, ... when that one is taken); must be new or "
                   "empty")
    p.add_argument("--reps", type=_positive_int, metavar="K",
                   help="re-run and check only the first K replications (the summary files, "
                   "over all of them, are then not compared)")
    p.add_argument("--point", type=_points, metavar="N[,N...]",
                   help="a sweep's folder: re-run and check only these points, numbered "
                   "from 0 as in its design.csv (the summary files, over all of them, are "
                   "then not compared)")
    p.add_argument("--check-only", action="store_true",
                   help="re-run nothing: check the folder against the checksums it keeps of "
                   "its files and its pooled tables against its replications, and name each "
                   "file edited, truncated or deleted since it was written (exit 1; 0 when "
                   "none); as it runs no replication, --executor, --workers and --dask "
                   "beside it are refused")
    from sim.cli import _add_executor

    _add_executor(p)  # (where the re-run's replications run: never what they give)
    from sim.cli_lang import add_lang

    add_lang(p, "language of the verdict, the figures that moved and the errors printed (en "
             "or zh: Simplified Chinese; default: the environment variable BORDERSIM_LANG, "
             "else en); the files written stay in English")


def _points(text: str) -> list[int]:
    """``--point``'s value: whole numbers from 0, separated by commas."""
    try:
        found = [int(word) for word in text.split(",")]
    except ValueError:
        found = [-1]
    if any(n < 0 for n in found):
        raise argparse.ArgumentTypeError(f"{text!r}: give point numbers from 0, separated "
                                         "by commas (as design.csv numbers them)")
    return found


def run(args: argparse.Namespace) -> int:
    from sim.cli_lang import chosen
    from sim.reproduce import reproduce

    if args.check_only:
        import sys

        from sim.cli_zh_errors import error_line
        from sim.reproduce_stored import check_only

        if args.out is not None or args.reps is not None or args.point is not None:
            print(error_line("--check-only re-runs nothing: give no --out, --reps or --point",
                             chosen(args)), file=sys.stderr)
            return 2
        if args.executor or args.workers is not None or args.dask:
            print(error_line(NOTHING_TO_RUN, chosen(args)), file=sys.stderr)
            return 2
        return check_only(args.folder, chosen(args))
    return reproduce(args.folder, args.out, args.reps, chosen(args), args.point,
                     _executing(args))


def _executing(args: argparse.Namespace) -> Any:
    """Where the re-run's replications run, as ``--executor``, ``--workers`` and ``--dask``
    ask (checked as a sweep checks them): the executor, and those options as words for a
    re-run given as its command."""
    from sim.cli import _executor
    from sim.reproduce import Executing

    executor = _executor(args)
    words = [*(["--executor", args.executor] if args.executor else []),
             *(["--workers", str(args.workers)] if args.workers is not None else []),
             *(["--dask", args.dask] if args.dask else [])]
    return Executing(executor, tuple(words))
