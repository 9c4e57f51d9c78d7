"""``bordersim fit-arrivals`` and ``bordersim fit-times``: a scenario's inputs from observed data.

    bordersim fit-arrivals CSV --column NAME [--count NAME] [--from DATE] [--to DATE]
                           [--hour-of-week]
    bordersim fit-times CSV [--column NAME] --unit UNIT
    (either with [--lang en|zh]: the comment and error lines in Chinese, the TOML as it is)

Each prints TOML to paste under a port (``[ports.<name>]``), with comment lines saying what
it was fitted to and how well the data bear it out; nothing is simulated. A problem with the
file is one ``error:`` line naming the file, line and column, status 2. Only the standard
library is imported at start-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

COMMANDS = ("fit-arrivals", "fit-times")
LANG_HELP = ("language of the comment and error lines printed (en or zh: Simplified Chinese; "
             "default: the environment variable BORDERSIM_LANG, else en); the TOML's keys and "
             "values stay as they are")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as 2025-03-03: {text!r}") from None


def add_parsers(sub: Any) -> None:
    """Add ``fit-arrivals`` and ``fit-times`` to the ``bordersim`` parser."""
    arr = sub.add_parser(
        "fit-arrivals",
        help="fit a port's arrivals (rate, hourly, weekly) to a CSV of observed arrivals",
        description="Read a CSV of observed arrivals (one row per arrival with its time, or "
        "one row per hour with --count) and print the arrivals table that fits them: rate "
        "(the weekly average per hour), hourly (24 weights) and weekly (7 weights), with how "
        "far the hour-of-week counts stray from that profile and how much the daily counts "
        "vary beyond a Poisson stream's.",
    )
    arr.add_argument("csv", type=Path, metavar="CSV", help="the observed arrivals")
    arr.add_argument("--column", required=True, metavar="NAME",
                     help="the column of each arrival's date and time, ISO 8601 "
                     "('2025-03-03 14:05'), read as the port's local clock (times with "
                     "differing UTC offsets are refused)")
    arr.add_argument("--count", metavar="NAME",
                     help="a column of each row's number of arrivals (default: 1 a row)")
    arr.add_argument("--from", dest="first", type=_date, metavar="DATE",
                     help="the first day observed (default: the first arrival's)")
    arr.add_argument("--to", dest="last", type=_date, metavar="DATE",
                     help="the last day observed, whole (default: the last arrival's)")
    arr.add_argument("--hour-of-week", action="store_true",
                     help="print the profile as 168 weights (hour_of_week), each hour of the "
                     "week its own, for a week whose days differ in shape")
    times = sub.add_parser(
        "fit-times",
        help="fit a service or delay time to a CSV of observed times",
        description="Read a CSV of observed times (one a row) and print the distributions "
        "a scenario can take for them: the observations resampled (empirical), and the "
        "lognormal and gamma of their mean and coefficient of variation, each with its "
        "Kolmogorov-Smirnov distance from the data.",
    )
    times.add_argument("csv", type=Path, metavar="CSV", help="the observed times")
    times.add_argument("--column", metavar="NAME",
                       help="the column of the times, named in the first row (default: the "
                       "first column)")
    times.add_argument("--unit", required=True, metavar="UNIT",
                       help="the unit the times are written in: s, min, h, d")
    from sim.cli_lang import add_lang

    for p in (arr, times):
        add_lang(p, LANG_HELP)


def run(args: argparse.Namespace) -> int:
    """Run ``fit-arrivals`` or ``fit-times``, in the language chosen (``--lang``)."""
    from sim.cli_lang import chosen

    lang = chosen(args)
    try:
        lines = _arrivals(args, lang) if args.command == "fit-arrivals" else _times(args, lang)
    except ValueError as exc:
        from sim.cli_zh_errors import error_line

        print(error_line(str(exc), lang), file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _arrivals(args: argparse.Namespace, lang: str) -> list[str]:
    from sim.scenario.arrival_fit import fit_arrivals

    fit = fit_arrivals(args.csv, args.column, args.count, args.first, args.last)
    if lang == "zh":
        from sim.cli_zh_fit import arrivals

        return arrivals(fit, args.csv.name, args.hour_of_week)
    days = (fit.last_day - fit.first_day).days + 1
    out = [
        f"# fitted to {fit.arrivals:,} arrivals in {args.csv.name}, {fit.first_day} to "
        f"{fit.last_day} ({days} days); put under [ports.<name>] (or its exports)",
        f"# hour-of-week misfit: chi-square {fit.chi2:.1f} on {fit.dof} degrees of freedom, "
        f"p = {fit.p_value:.2g}",
    ]
    if fit.p_value < 0.01 and not args.hour_of_week:
        worst = "; ".join(f"{at}: {n} observed, {e:g} fitted" for at, n, e in fit.worst)
        out.append("# the day's shape differs between weekdays beyond chance (hourly x weekly "
                   f"gives one shape for every day); most at {worst}; --hour-of-week gives "
                   "each hour of the week its own weight")
    out.append(f"# daily counts vary {fit.dispersion:.2f} times as much as Poisson arrivals "
               "of this profile would")
    if fit.dispersion > 1.5:
        out.append("# the port's days vary more than the model's will (its arrivals are Poisson "
                   "about this profile): its busy days, and the queues' tails, may be "
                   "understated")
    out.append(fit.toml(week=args.hour_of_week))
    return out


def _times(args: argparse.Namespace, lang: str) -> list[str]:
    from sim.scenario.time_fit import fit_times

    fit = fit_times(args.csv, args.column, args.unit)
    if lang == "zh":
        from sim.cli_zh_fit import times

        return times(fit, args.csv.name, args.column, args.unit)
    q = fit.quantiles
    return [
        f"# {fit.n:,} times in {args.csv.name}: mean {fit.mean:.4g} {args.unit}, cv "
        f"{fit.cv:.3g}, median {q['median']:.4g}, p90 {q['p90']:.4g}, p95 {q['p95']:.4g}, "
        f"max {q['max']:.4g}",
        "# choose one; a KS p-value of parameters fitted to the same data is too high (a "
        "guide, not a test)",
        *fit.lines(args.csv.name, args.column, args.unit),
    ]
