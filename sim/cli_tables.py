"""``bordersim tables RESULTS_DIR --out DIR`` and ``bordersim tables --validate DIR`` (and
``--lang en|zh``: the lines printed in Chinese, :mod:`sim.cli_zh_verdict`): a
finished run's or comparison's folder as warehouse tables (typed Parquet, one tidy long table
per kind of figure, keyed by ``run_id`` and ``option``, with ``datapackage.json``, their
schema), and the check of such tables against the schema before loading
(:mod:`sim.warehouse`). The results folder is only read. Only the standard library is
imported at start-up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "tables",
        help="a results folder as typed warehouse tables (Parquet) with their schema",
        description="Read a finished results folder of bordersim run or compare (checked "
        "first, as bordersim report checks it) and write, into another folder, one Parquet "
        "table per kind of figure, long and typed, every row keyed by run_id and option, "
        "and datapackage.json: each table's columns, types, units and keys. With --validate "
        "DIR, check such a folder against the schema instead. Nothing is simulated again "
        "and the results folder is not changed.",
    )
    p.add_argument("folder", type=Path, nargs="?", metavar="RESULTS_DIR",
                   help="the results folder to read")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder to write the tables into (made if need be; tables of the "
                   "same names replaced); outside RESULTS_DIR")
    p.add_argument("--validate", type=Path, metavar="DIR",
                   help="instead, check the tables in DIR against the schema: exit 0 if they "
                   "match, 1 with one line per problem if not")
    from sim.cli_lang import add_lang

    add_lang(p, "language of the lines and errors printed (en or zh: Simplified Chinese; "
             "default: the environment variable BORDERSIM_LANG, else en); the tables and "
             "their schema stay in English")


def run(args: argparse.Namespace) -> int:
    """Write the tables, or validate written ones; 2 with a clear error for bad input."""
    from sim.cli_lang import chosen
    from sim.cli_zh_errors import error_line
    from sim.report.folder import ResultsFolderError
    from sim.warehouse.export import write

    lang = chosen(args)
    if args.validate is not None:
        if args.folder is not None or args.out is not None:
            print(error_line("--validate DIR checks written tables: give no RESULTS_DIR or "
                             "--out", lang), file=sys.stderr)
            return 2
        return _validate(args.validate, lang)
    if args.folder is None or args.out is None:
        print(error_line("give RESULTS_DIR and --out DIR (or --validate DIR)", lang),
              file=sys.stderr)
        return 2
    try:
        rows = write(args.folder, args.out)
    except ResultsFolderError as exc:
        print(error_line(_with_remedy(exc, args.folder), lang), file=sys.stderr)
        return 2
    except ValueError as exc:
        print(error_line(str(exc), lang), file=sys.stderr)
        return 2
    if lang == "zh":
        from sim.cli_zh_verdict import rows_line, written

        print("\n".join([*(rows_line(name, n) for name, n in rows.items()),
                         written(args.out)]))
        return 0
    for name, n in rows.items():
        print(f"{name:28} {n:>9,} rows")
    print(f"tables: {args.out}  (schema: {args.out / 'datapackage.json'})")
    return 0


def _with_remedy(exc: Exception, folder: Path) -> str:
    """The error, ending as the report's and the workbook's do with how to resume the folder
    where giving the command that made it again does (an interrupted run's missing
    ``summary.json``): the same line, so the three commands agree."""
    from sim.report.folder import ResultsFolderError, kind_of
    from sim.report.remedy import remedy

    if not getattr(exc, "repair", False):
        return str(exc)
    try:
        kind = kind_of(folder)
    except ResultsFolderError:
        return str(exc)
    return f"{exc}; {remedy(folder, kind)}"


def _validate(folder: Path, lang: str) -> int:
    """Check the tables in ``folder``: each problem on stderr, then the verdict; 1 if any."""
    from sim.warehouse.validate import validate

    problems = validate(folder)
    if lang == "zh":
        from sim.cli_zh_errors import problem
        from sim.cli_zh_verdict import fit

        for line in problems:
            print(problem(line), file=sys.stderr)
        print(fit(folder, not problems))
        return 1 if problems else 0
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{folder}: {'fit to load' if not problems else 'NOT fit to load'}")
    return 1 if problems else 0
