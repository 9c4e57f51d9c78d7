"""``bordersim hours RESULTS_DIR [--week | --day | --peak | --recovery | --windows]
[--port NAME] [--csv FILE]``: each hour's busiest lane of every port (utilisation from the
queue samples, see :mod:`sim.report.hourly_use`), each day's (``--day``,
:mod:`sim.report.daily_use`), or each lane's worst backlog (``--peak``,
:mod:`sim.report.peak_backlog`), from a run's or a comparison's folder, or each option's
backlog above the baseline's and its recovery (``--recovery``, :mod:`sim.report.recovery`),
or what each capacity window's extra staff cost over its own days (``--windows``,
:mod:`sim.report.window_staff`). Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sim.cli_csv_path import csv_path


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "hours",
        help="each hour's busiest lane of every port, from a results folder",
        description="Read a results folder of bordersim run or compare and print, for every "
        "port and hour of the day, the lane with the highest utilisation over the observed "
        "days (from the queue samples, every queue_sample), its queue and whether it binds "
        "(at least 70 % utilised). Nothing is simulated again.",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR", help="the results folder")
    p.add_argument("--week", action="store_true",
                   help="by hour of the week (Mon 00:00 .. Sun 23:00) instead of the day")
    p.add_argument("--day", action="store_true",
                   help="instead, by day of the run (day 0: the warm-up's first) over the "
                   "observed days: each day's busiest lane, its utilisation, mean and highest "
                   "queue, and whether it binds: the days a schedule of vessel calls "
                   "(arrivals.schedule) overloads, and a day no lane is on duty (closed); "
                   "with the scenario's start_date each day's date too (in all three day "
                   "views); with --csv, every lane by day")
    p.add_argument("--port", metavar="NAME", help="only this port")
    p.add_argument("--csv", type=csv_path, metavar="FILE",
                   help="also write every lane's utilisation by hour to FILE (CSV)")
    p.add_argument("--peak", action="store_true",
                   help="instead, each lane's worst backlog: its highest queue over the "
                   "observed days (the replications' mean at each sample), on which day of "
                   "the run (from the warm-up's first) and hour, and how many hours it took "
                   "to fall back to the observed days' mean queue (a peak such as a surge's, "
                   "arrivals.extra_from); with --csv, written to FILE")
    p.add_argument("--recovery", action="store_true",
                   help="instead, in a comparison's folder (its options run on the baseline's "
                   "seeds): each option's backlog above the baseline's queue at the same "
                   "sample (a disruption's, docs/disruptions.md), its largest excess, when (day of "
                   "the run, from the warm-up's first), "
                   "and the hours until the option's queue is back at or below the "
                   "baseline's: to the minute with queue samples finer than an hour "
                   "(--set queue_sample='5 min'), and a last line but one saying how exact "
                   "the times are; with --csv, written to FILE")
    p.add_argument("--windows", action="store_true",
                   help="instead, each capacity window's extra staff (docs/disruptions.md): "
                   "the staff-hours its lane has above the schedule over the window's own "
                   "days and their cost at the lane's overtime price, from the scenario "
                   "alone; with --csv, written to FILE")
    from sim.cli_lang import add_lang

    add_lang(p)  # (the lines; the CSV stays English)


def _error(text: str, args: argparse.Namespace) -> int:
    """Print ``error: TEXT`` in the console's language; the exit status of a usage error."""
    from sim.cli_zh_errors import error_lang, error_line

    print(error_line(text, error_lang(args)), file=sys.stderr)
    return 2


def days_note(window: tuple[float, float], lang: str = "en") -> str:
    """What the views' day numbers count from (the run's start, day 0 the warm-up's first),
    with the observed days' numbers: a peak "on day 25" is otherwise read as the 25th
    observed day."""
    import math

    if lang == "zh":
        from sim.cli_zh_hours import days_note as zh_note

        return zh_note(window)
    first, last = window[0] / 24, max(math.ceil(window[1] / 24) - 1, 0)
    return (f"days count from the run's start: day 0 is the warm-up's first ({first:g} days "
            f"of warm-up), so the observed days are days {first:g} to {last}")


def _lines(use: Any, args: argparse.Namespace, lang: str) -> list[str]:
    """The view's lines (``--peak``, ``--day``, else by hour or ``--week``) in ``lang``."""
    from sim import cli_zh_hours as zh
    from sim.report import daily_use, hourly_use, peak_backlog

    if args.peak:
        return zh.peak_lines(use) if lang == "zh" else peak_backlog.peak_lines(use)
    if args.day:
        return zh.daily_lines(use) if lang == "zh" else daily_use.daily_lines(use)
    said = zh.busiest_lines if lang == "zh" else hourly_use.busiest_lines
    return said(use, args.week)


def _sampled(variant: Any) -> tuple[float, int]:
    """A run's sampling interval (hours) and its number of samples over the observed days."""
    from sim.report.hourly_use import observed_window
    from sim.report.peak_backlog import sampling

    every = float(variant.scenario["queue_sample"])
    return every, sampling(variant.tables["queues"], observed_window(variant.scenario))


def _peak_note(variant: Any, lang: str) -> str:
    """``--peak``: how the peaks were measured (the samples, their interval)."""
    from sim.cli_zh_hours import measured_note as zh_note
    from sim.report.peak_backlog import measured_note

    return (zh_note if lang == "zh" else measured_note)(*_sampled(variant))


def _no_peak(args: argparse.Namespace, variant: Any, lang: str) -> list[str]:
    """``--peak`` with no lane's queue above 0 at any sample: why (the samples' interval),
    not an empty view; no lines for the other views."""
    if not args.peak:
        return []
    from sim.cli_zh_hours import none_note as zh_note
    from sim.report.peak_backlog import none_note

    return [(zh_note if lang == "zh" else none_note)(*_sampled(variant))]


def run(args: argparse.Namespace) -> int:
    from sim.cli_lang import chosen
    from sim.cli_zh_hours import option
    from sim.report.daily_use import daily_use
    from sim.report.folder import ResultsFolderError, kind_of, read_compare, read_run
    from sim.report.hourly_use import hourly_use, observed_window
    from sim.report.peak_backlog import peak_backlog

    views = [f for f in ("week", "day", "peak", "windows") if getattr(args, f)]
    if len(views) > 1:
        return _error(f"--{' and --'.join(views)} are different views: give one", args)
    lang = chosen(args)
    try:
        kind = kind_of(args.folder)
        if kind == "sweep":
            raise ResultsFolderError(
                f"{args.folder} is a sweep's folder: give a run's or a comparison's (a sweep "
                "keeps no queue samples)", repair=False)
        _, variants = read_compare(args.folder) if kind == "compare" else read_run(args.folder)
    except ResultsFolderError as exc:
        return _error(str(exc), args)
    if args.recovery:
        return _recovery(args, kind, variants, lang)
    if args.windows:
        return _windows(args, variants, lang)
    from sim.report.run_dates import dated_lines, start_of, with_dates

    start = start_of(next(iter(variants.values())).scenario)  # (the options share it)
    tables = []
    for name, variant in variants.items():
        if args.peak:
            use = peak_backlog(variant.tables["queues"], observed_window(variant.scenario))
        elif args.day:
            use = daily_use(variant.tables["queues"], observed_window(variant.scenario))
        else:
            use = hourly_use(variant.tables["queues"], observed_window(variant.scenario),
                             args.week)
        if args.port is not None:
            known = sorted(set(use["port"]))
            if args.port not in known:
                return _error(f"--port {args.port!r}: no such port in {args.folder}; its "
                              f"ports: {', '.join(known)}", args)
            use = use[use["port"] == args.port]
        if len(variants) > 1:
            print(option(name) if lang == "zh" else f"{name}:")
        lines = _lines(use, args, lang) or _no_peak(args, variant, lang)
        print("\n".join(dated_lines(lines, start, lang) if args.peak or args.day else lines))
        use = with_dates(use, start) if args.peak or args.day else use
        tables.append(use.assign(option=name) if len(variants) > 1 else use)
    if args.peak:
        print(_peak_note(next(iter(variants.values())), lang))
    if args.peak or args.day:
        note = days_note(observed_window(next(iter(variants.values())).scenario), lang)
        print(dated_lines([note], start, lang)[0])
    if args.csv is not None:
        _write_csv(args, tables, lang)
    return 0


def _write_csv(args: argparse.Namespace, tables: list[Any], lang: str) -> None:
    """``--csv``: every lane's figures of the view shown, one file for all options."""
    import pandas as pd

    from sim.cli_zh_hours import CSV

    pd.concat(tables).to_csv(args.csv, index=False)
    view = "peak" if args.peak else "day" if args.day else "hour"
    what = {"peak": "every lane's peak backlog", "day": "every lane by day",
            "hour": "every lane by hour"}[view]
    print(f"{CSV[view]}：{args.csv}" if lang == "zh" else f"{what}: {args.csv}",
          file=sys.stderr)


def _recovery(args: argparse.Namespace, kind: str, variants: dict[str, Any],
              lang: str = "en") -> int:
    """``--recovery``: each option's backlog above the baseline's, by lane."""
    from sim import cli_zh_hours as zh
    from sim.report.hourly_use import observed_window
    from sim.report.recovery import excess_backlog, excess_lines, resolution_note

    if args.week or args.day or args.peak:
        return _error("--recovery is a view of its own: give it without --week, --day or "
                      "--peak", args)
    if kind != "compare" or "baseline" not in variants or len(variants) < 2:
        return _error(f"--recovery needs a comparison's folder with a baseline and an option "
                      f"(bordersim compare SCENARIO --option NAME:@DISRUPTION.toml); "
                      f"{args.folder} has no baseline to set the queues against", args)
    from sim.report.run_dates import dated_lines, start_of, with_dates

    base = variants["baseline"]
    start = start_of(base.scenario)
    every = float(base.scenario["queue_sample"])  # (hours; the options sample alike)
    tables = []
    for name, variant in variants.items():
        if name == "baseline":
            continue
        rows = excess_backlog(variant.tables["queues"], base.tables["queues"],
                              observed_window(variant.scenario))
        if args.port is not None:
            rows = rows[rows["port"] == args.port]
        if lang == "zh":
            print(zh.option(name))
            print("\n".join(dated_lines(zh.excess_lines(rows, every), start, lang))
                  or zh.NONE_ABOVE)
        else:
            print(f"{name}:")
            print("\n".join(dated_lines(excess_lines(rows, every), start))
                  or "  no lane's queue above the baseline's")
        tables.append(with_dates(rows, start).assign(option=name))
    print((zh.resolution_note if lang == "zh" else resolution_note)(every))
    print(dated_lines([days_note(observed_window(base.scenario), lang)], start, lang)[0])
    if args.csv is not None:
        import pandas as pd

        pd.concat(tables).to_csv(args.csv, index=False)
        print(f"{zh.CSV['recovery']}：{args.csv}" if lang == "zh" else
              f"each option's backlog above the baseline's: {args.csv}", file=sys.stderr)
    return 0


def _windows(args: argparse.Namespace, variants: dict[str, Any], lang: str = "en") -> int:
    """``--windows``: each option's capacity windows, their staff-hours above the schedule
    and what those cost over the window's own days (:mod:`sim.report.window_staff`)."""
    from sim import cli_zh_hours as zh
    from sim.report.window_staff import window_lines, window_lines_zh, window_staff
    from sim.scenario.costs import currency_of
    from sim.scenario.loader import ScenarioError, load_scenario

    tables = []
    for name, variant in variants.items():
        try:  # (the scenario the run used: its folder's resolved scenario.json)
            scenario = load_scenario(variant.path / "scenario.json")
        except ScenarioError as exc:
            return _error(str(exc), args)
        rows = window_staff(scenario)
        if args.port is not None:
            rows = rows[rows["port"] == args.port]
        if len(variants) > 1:
            print(zh.option(name) if lang == "zh" else f"{name}:")
        said = window_lines_zh if lang == "zh" else window_lines
        print("\n".join(said(rows, currency_of(scenario.costs))))
        tables.append(rows.assign(option=name) if len(variants) > 1 else rows)
    if args.csv is not None:
        import pandas as pd

        pd.concat(tables).to_csv(args.csv, index=False)
        print(f"容量窗口的人员成本：{args.csv}" if lang == "zh" else
              f"each capacity window's staff cost: {args.csv}", file=sys.stderr)
    return 0
