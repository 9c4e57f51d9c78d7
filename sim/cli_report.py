"""``bordersim report RESULTS_DIR [--out FILE | --check]``: a self-contained HTML report of a
results folder (run, compare or sweep), from its files alone, or (``--check``) the folder
checked as the report reads it. Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="write one self-contained HTML report of a results folder",
        description="Read a results folder of bordersim run, compare or sweep and write one "
        "HTML file with the scenario, the reforms compared, the tables with 95 % intervals "
        "and the plots embedded. Nothing is simulated again.",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR", help="the results folder")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, metavar="FILE",
                       help="HTML file to write, in a folder that exists (default "
                       "RESULTS_DIR/report.html, or RESULTS_DIR/report-zh.html with --lang zh); "
                       "it replaces only an earlier report, never a results file")
    where.add_argument("--check", action="store_true",
                       help="read and check the folder as the report does (each file against "
                       "its checksum, the pooled tables against the replications) and write "
                       "nothing: exit status 0 when it is whole, 2 naming what is not (a "
                       "folder that cannot be written, such as an archive, can be checked)")
    p.add_argument("--lang", choices=("en", "zh"), default=None,
                   help="the page's language: en or zh (default: the environment variable "
                   "BORDERSIM_LANG, else en); zh is Simplified Chinese in the "
                   "terms of China Customs (headings, columns, metric names, units and "
                   "warnings; every number as in English; docs/reports-zh.md)")


def run(args: argparse.Namespace) -> int:
    from sim.cli_lang import chosen
    from sim.cli_zh_errors import done, error_line
    from sim.experiment.store import WriteError
    from sim.report.folder import ResultsFolderError
    from sim.report.folder_report import write_folder_report
    from sim.report.unread_files import check_unread_files

    args.lang = chosen(args)
    started = time.monotonic()
    if args.check:
        return _check(args.folder, started, args.lang)
    try:
        _check_writable(args)
        check_unread_files(args.folder)  # (before a report is written that vouches for them)
        out = write_folder_report(args.folder, args.out, args.lang)
    except ResultsFolderError as exc:
        print(error_line(str(exc), args.lang), file=sys.stderr)
        return 2
    except WriteError as exc:  # --out names a folder, a file in a file, ...
        print(error_line(str(exc), args.lang), file=sys.stderr)
        return 2
    print(done("report", out, time.monotonic() - started, args.lang))
    return 0


#: a results folder's kind, as ``--check`` names it in each language
_CHECKED = {"en": {"run": "a run", "compare": "a comparison", "sweep": "a sweep"},
            "zh": {"run": "一次运行", "compare": "一次方案比较", "sweep": "一次参数扫描"}}


def _check(folder: Path, started: float, lang: str = "en") -> int:
    """``--check``: the folder read and checked as its report would be; nothing written."""
    from sim.cli_zh_errors import error_line
    from sim.report.folder import ResultsFolderError
    from sim.report.folder_report import check_folder
    from sim.report.unread_files import check_unread_files

    try:
        kind = check_folder(folder)
        check_unread_files(folder)
    except ResultsFolderError as exc:
        print(error_line(str(exc), lang), file=sys.stderr)
        return 2
    what, seconds = _CHECKED[lang].get(kind, kind), time.monotonic() - started
    if lang == "zh":
        print(f"已检查：{folder}（{what}）：报告读取的每个文件都完整且彼此一致；未写入任何文件"
              f"（{seconds:.1f} 秒）")
    else:
        print(f"checked: {folder} ({what}): every file its report reads is whole and agrees "
              f"with the others; nothing written ({seconds:.1f} s)")
    return 0


def _check_writable(args: argparse.Namespace) -> None:
    """A results folder that cannot be written (a read-only share, a folder of another user's)
    and no ``--out``: say so before the report is made (which can take minutes), and where it
    can go instead (the results are only read)."""
    import os

    from sim.experiment.store import WriteError
    from sim.report.folder import kind_of
    from sim.report.folder_report import report_name

    if args.out is None:
        kind_of(args.folder)  # (not a results folder at all is said first)
        if not os.access(args.folder, os.W_OK):
            raise WriteError(
                f"cannot write {args.folder / report_name(args.lang)}: the results folder "
                "cannot be written; give --out a file in a folder that can be (the results "
                "are only read)"
            )
