"""``bordersim paper-table RESULTS_DIR [--format markdown|latex] [--metric NAME ... | --gains
MEASURE | --assumptions | --methods] [--out FILE]``: a finished comparison's figures as one
table ready for a paper (:mod:`sim.report.paper_table`, :mod:`sim.report.paper_render`), or a
sweep's (:mod:`sim.report.paper_sweep`), or
what its options assume (:mod:`sim.report.paper_assumptions`), or its methods paragraph
(:mod:`sim.report.paper_methods`). The folder is only read, and checked first as ``bordersim
report`` checks it. Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "paper-table",
        help="a comparison's or a sweep's figures as one Markdown or LaTeX table for a "
        "paper",
        description="Read a finished results folder of bordersim compare (checked first, as "
        "bordersim report checks it) and write one table: a row per metric with each "
        "option's mean and 95 % interval, under it the paired change from the baseline with "
        "its interval, the replications and observed days in the caption and the command "
        "that made the folder in a note. A finished folder of bordersim sweep gives a row per "
        "point, its swept values first, then each outcome's mean and 95 % interval, under "
        "each later point its paired change from point 0 (none in an --lhs or --sobol "
        "design); --gains, --assumptions and --methods read a comparison's folder only. "
        "Nothing is simulated again.",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR",
                   help="the results folder of bordersim compare or bordersim sweep to read")
    p.add_argument("--format", choices=("markdown", "latex"), default="markdown",
                   help="the table's markup: markdown (a pipe table) or latex (a table "
                   "float with a tabular; no package needed); default markdown")
    p.add_argument("--metric", action="append", metavar="NAME",
                   help="a metric to give a row to, in the order given (repeatable; "
                   "default: clearance time of imports and exports, mean and p90, the share "
                   "released within 24 h, agency and trader cost per consignment, detection "
                   "and inspection rates, those the folder has; a sweep's: those its --show "
                   "asked for, else mean and p90 clearance and the share released within "
                   "24 h)")
    p.add_argument("--define", action="store_true",
                   help="define each row's metric under the table, as the metric glossary "
                   "does (what it counts or times, over which consignments)")
    p.add_argument("--raw-names", action="store_true",
                   help="label each row by its metric's name (clearance_h_p90_import) "
                   "instead of in words (Clearance, p90, imports)")
    p.add_argument("--gains", metavar="MEASURE",
                   help="instead, who gains and who loses (gains.csv) in MEASURE "
                   "(overall_clearance, clearance, trader_cost, ...): a row for all "
                   "consignments and one per port and direction, a column per option, each "
                   "cell the mean change, its 95 %% interval and the shares better and worse off")
    p.add_argument("--assumptions", action="store_true",
                   help="instead, what each option assumes: a row per strength of its "
                   "reform and per field it sets, with its value, what it means and its basis "
                   "(a cited source, an assumption, or no source naming it), each reform's "
                   "sources in a note")
    p.add_argument("--methods", action="store_true",
                   help="instead, a methods paragraph of the comparison: the code that ran "
                   "it, the scenario, warm-up, observed and drain days, replications, common "
                   "random numbers, intervals and Holm's correction, the verification against "
                   "queueing theory and how to re-run the folder")
    from sim.cli import out_path

    p.add_argument("--out", type=out_path, metavar="FILE",
                   help="file to write the table to (default: print it); never a file of "
                   "RESULTS_DIR other than a .md or .tex one")
    from sim.cli_lang import ENV, add_lang

    add_lang(p, f"language of the table, its notes, the methods paragraph and the messages "
                f"(en or zh: Simplified Chinese; default: the environment variable {ENV}, "
                "else en)")


def run(args: argparse.Namespace) -> int:
    """Print or write the table; 2 with a clear error for a folder or metric it cannot use."""
    from sim.cli_lang import chosen
    from sim.cli_tables import _with_remedy
    from sim.report.folder import ResultsFolderError
    from sim.report.paper_table import PaperTableError, build

    args.lang = chosen(args)
    try:
        for flag, given in (("--define", args.define), ("--raw-names", args.raw_names)):
            if given and (args.gains is not None or args.assumptions or args.methods):
                raise PaperTableError(f"{flag} is for the rows of the figures table: give "
                                      "it without --gains, --assumptions or --methods")
        if sum((args.gains is not None, args.assumptions, args.methods)) > 1:
            raise PaperTableError("--gains, --assumptions and --methods each write a text "
                                  "of their own: give one of them")
        if _a_sweep(args):
            from sim.report.paper_sweep import build_sweep

            table = build_sweep(args.folder, args.metric, args.define, args.raw_names)
            return _write(args, _rendered(table, args), "table")
        if args.methods:
            from sim.report.paper_methods import build_methods, render_methods

            text = build_methods(args.folder, args.lang)
            return _write(args, render_methods(text, args.format), "methods")
        if args.gains is not None:
            from sim.report.paper_gains import build_gains

            table = build_gains(args.folder, args.gains)
        elif args.assumptions:
            from sim.report.paper_assumptions import build_assumptions

            table = build_assumptions(args.folder)
        else:
            table = build(args.folder, args.metric, args.define, args.raw_names)
    except ResultsFolderError as exc:  # (as the report says it, with how to resume)
        return _error(args, _with_remedy(exc, args.folder))
    except PaperTableError as exc:
        return _error(args, str(exc))
    if table.skipped:
        from sim.cli_zh_paper import skipped

        print(skipped(table.skipped, args.lang), file=sys.stderr)
    return _write(args, _rendered(table, args), "table")


def _rendered(table: Any, args: argparse.Namespace) -> str:
    """The table in ``--format``, in Chinese under ``--lang zh``."""
    from sim.report.paper_render import render

    if args.lang == "zh":
        from sim.report.zh_paper import chinese

        table = chinese(table)
    return render(table, args.format, args.lang)


def _error(args: argparse.Namespace, said: str) -> int:
    """An error line (in Chinese under ``--lang zh``: :mod:`sim.cli_zh_paper`); 2."""
    from sim.cli_zh_paper import error

    print(error(said, args.lang), file=sys.stderr)
    return 2


def _a_sweep(args: argparse.Namespace) -> bool:
    """Whether the folder is a sweep's; a sweep has no options, so --gains, --assumptions
    and --methods (a comparison's) are refused for it with a PaperTableError."""
    from sim.report.folder import kind_of
    from sim.report.paper_table import PaperTableError

    if kind_of(args.folder) != "sweep":
        return False
    if args.gains is not None or args.assumptions or args.methods:
        raise PaperTableError(f"{args.folder}: a sweep's folder has no options, so no "
                              "--gains, --assumptions or --methods (a comparison's); its "
                              "figures table is paper-table without them")
    return True


def _write(args: argparse.Namespace, text: str, what: str) -> int:
    """Print ``text`` or write it to ``--out`` (never over a file of the results folder)."""
    if args.out is not None and _a_results_file(args.out, args.folder):
        return _error(args, f"will not overwrite {args.out}: it is a file of the results "
                      "folder; give --out a new file, or a .md or .tex one")
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        return _error(args, f"cannot write {args.out}: {exc.strerror or exc}")
    from sim.cli_zh_paper import written

    print(written(what, args.out, args.lang))
    return 0


def _a_results_file(out: Path, folder: Path) -> bool:
    """Whether ``out`` is a file the results folder already holds that is not a table of
    this command's (a .md or .tex): the results are only read, never replaced."""
    if not out.is_file() or out.suffix in (".md", ".tex"):
        return False
    return out.resolve().is_relative_to(folder.resolve())
