"""``bordersim outlook [SCENARIO] --growth G --years N --reps R [--every K] [--days D]
[--option NAME:KEY=VALUE[,...]] [--reform REFORM] [--set KEY=VALUE] [--csv FILE] [--json]``:
every port's arrivals grown by ``G`` a year, the scenario run at each year to the horizon,
and per lane the year it stops keeping up, the year its capacity should be in place and what
it needs by the horizon; with ``--option`` or ``--reform``, the same under each change,
beside the baseline's (:mod:`sim.experiment.outlook`). Only the standard library is imported
at start-up."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from sim.cli_csv_path import csv_path


def _growth(text: str) -> float:
    """A yearly growth: ``0.05`` or ``5%``."""
    raw = text.strip()
    try:
        return float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a growth: {text!r} (a share, 0.05, or a percentage, 5%)") from None


def add_parser(sub: Any) -> None:
    from sim.cli import _add_executor, _add_settings, _positive_int, _reps, _seed

    p = sub.add_parser(
        "outlook",
        help="grow trade a share a year: the year each lane stops keeping up, what it needs",
        description="Multiply every port's arrival rates by (1 + growth) ** year and run the "
        "scenario at each year from 0 to the horizon (the same seeds every year). For each "
        "lane: its utilisation now, the first year from which its queue no longer settles "
        "(a replication warns about it that year and every later one), the year its "
        "projected load passes 85 % (capacity in place by then) and the factor on its "
        "servers, and the servers where it has a plain capacity, that carry the horizon's "
        "load at 85 %. With --option or --reform, each change's years beside the baseline's.",
    )
    p.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO",
                   help="scenario file or bundled name (default: the bundled default)")
    p.add_argument("--growth", type=_growth, required=True, metavar="G",
                   help="trade growth a year: 0.05 or 5%% (-50%% to 100%%)")
    p.add_argument("--years", type=_positive_int, default=10, metavar="N",
                   help="the horizon in years (default 10, at most 50)")
    p.add_argument("--every", type=_positive_int, default=1, metavar="K",
                   help="simulate every K-th year (and the horizon); default 1")
    p.add_argument("--reps", type=_reps, required=True, help="replications a year")
    p.add_argument("--seed", type=_seed, default=1, help="root seed (default 1)")
    p.add_argument("--days", type=float, help="observed days (default: the scenario's)")
    p.add_argument("--option", dest="options", action="append", default=[],
                   metavar="NAME:KEY=VALUE[,KEY=VALUE]",
                   help="a change (a reform) run every year beside the baseline (repeatable)")
    p.add_argument("--reform", dest="reforms", action="append", default=[], metavar="REFORM",
                   help="a reform of the library (bordersim reforms), as compare --reforms "
                   "takes one (A, A+B, A@60d), run every year beside the baseline "
                   "(repeatable); named by its text")
    _add_settings(p)
    _add_executor(p)
    p.add_argument("--csv", type=csv_path, metavar="FILE",
                   help="also write every year's lanes (utilisation, settles) to FILE")
    p.add_argument("--json", action="store_true", help="print only JSON to standard output")
    from sim.cli_lang import add_lang

    add_lang(p)


def _options(given: list[str]) -> dict[str, dict[str, Any]]:
    """Each --option's name and changes; a reform by name or a scenario file is refused."""
    from sim.cli import UsageError
    from sim.experiment.options import OptionError, parse_option

    out = {}
    for text in given:
        try:
            o = parse_option(text)
        except OptionError as exc:
            raise UsageError(str(exc)) from None
        if o.reform or o.scenario or o.parts or not o.overrides:
            raise UsageError(
                f"--option {text!r}: an outlook's option is NAME:KEY=VALUE[,KEY=VALUE] "
                "(fields changed every year); a reform by name, a scenario file or a "
                "combination is not taken here")
        if o.name in out or o.name == "baseline":
            raise UsageError(f"--option {text!r}: the name {o.name!r} is taken")
        out[o.name] = dict(o.overrides)
    return out


def _reforms(scenario: Any, given: list[str], taken: set[str]) -> dict[str, Any]:
    """Each --reform's text and the scenario it makes (an unknown or inapplicable reform
    is a usage error naming it)."""
    from sim.cli import UsageError
    from sim.reforms import ReformError, apply

    out = {}
    for text in given:
        if text in taken or text in out or text == "baseline":
            raise UsageError(f"--reform {text!r}: the name {text!r} is taken")
        try:
            out[text] = apply(scenario, text)
        except (ReformError, ValueError) as exc:
            raise UsageError(f"--reform {text!r}: {exc}") from None
    return out


def run(args: argparse.Namespace, argv: list[str] | None = None) -> int:
    from sim.cli import UsageError, _executor, _load, settings_with_days
    from sim.experiment.outlook import OutlookError, check_growth, outlook

    try:
        check_growth(args.growth, args.years, args.every)
    except OutlookError as exc:
        raise UsageError(str(exc).replace("growth ", "--growth ", 1)
                         .replace("years ", "--years ", 1).replace("every ", "--every ", 1)
                         ) from None
    scenario = _load(args.scenario, settings_with_days(args))
    options: dict[str, Any] = _options(args.options)
    options |= _reforms(scenario, args.reforms, set(options))
    try:
        table, plan = outlook(scenario, args.growth, args.years, args.reps, args.seed,
                              every=args.every, options=options, executor=_executor(args))
    except OutlookError as exc:
        raise UsageError(str(exc)) from None
    if args.csv is not None:
        table.to_csv(args.csv, index=False)
        print(f"every year's lanes: {args.csv}", file=sys.stderr)
    notes = _notes(table.attrs["warnings"])
    from sim.model.stability import too_short

    if short := too_short(scenario.warmup_days, scenario.days):
        notes.insert(0, "a lane stops here only by overload (above 95 %), not by a wait that "
                     "keeps rising: " + short)
    if args.json:
        print(json.dumps({"growth": args.growth, "years": args.years,
                          "lanes": [_plain(r) for r in plan.to_dict(orient="records")],
                          "notes": notes}, indent=1))
    from sim.cli_lang import chosen
    from sim.cli_zh_outlook import lines_zh, note_zh

    zh = chosen(args) == "zh"
    if not args.json:
        said = (lines_zh if zh else lines)(plan, args.growth, args.years, args.every)
        print("\n".join(said))
    for note in notes:
        print(note_zh(note) if zh else f"note: {note}", file=sys.stderr)
    return 0


def _plain(row: dict[Any, Any]) -> dict[str, Any]:
    """A plan row for JSON: NaN as null, whole numbers as ints."""
    return {k: None if isinstance(v, float) and math.isnan(v) else
            int(v) if isinstance(v, float) and k.endswith("year") else v
            for k, v in row.items()}


def _notes(warnings: dict[str, dict[int, list[str]]]) -> list[str]:
    """Each option's first year with a warning that names no lane (a port's cohort not
    released by the end, an organisation's staff), said once."""
    out = []
    for name, by_year in warnings.items():
        for year in sorted(by_year):
            for w in by_year[year]:
                out.append(f"{name}, year {year}: {w}")
            if by_year[year]:
                break
    return out


def _year(y: float) -> str:
    return "-" if math.isnan(y) else f"{y:.0f}"


def lines(plan: Any, growth: float, years: int, every: int = 1) -> list[str]:
    """The plan as text: a line per lane that stops keeping up or passes 85 % by the horizon
    (in the baseline or an option), earliest first, with each option's stops year; the
    lanes that keep up below 85 % counted."""
    base = plan[plan["option"] == "baseline"]
    others = [o for o in dict.fromkeys(plan["option"]) if o != "baseline"]
    due = plan[plan["stops_year"].notna() | plan["plan_year"].notna()]
    shown = base[base.set_index(["port", "lane"]).index.isin(due.set_index(["port", "lane"]).index)]
    shown = shown.sort_values(["stops_year", "plan_year"], na_position="last", kind="stable")
    head = (f"{'port':<12} {'lane':<20} {'now':>5} {'stops':>6} {'plan by':>8} "
            f"{'x servers':>9} {'servers':>9}" + "".join(f" {o:>6}" for o in others))
    out = [f"trade growing {growth:.1%} a year, to year {years} "
           f"({(1 + growth) ** years:.2f} times today's):", head]
    for row in shown.itertuples():
        out.append(_line(row, plan, others))
    out.append(f"{len(base) - len(shown)} other lane(s) keep up below 85 % to year {years}.")
    out.append("stops: the first year from which its queue no longer settles ('-': it keeps "
               "up); plan by: the year its load passes 85 % (capacity in place by then); "
               f"x servers: its servers by year {years} over today's, to carry that year's "
               "load at 85 %" + ("; each option's column: its stops year" if others else ""))
    if (shown["stops_year"].notna() & shown["plan_year"].isna()).any():
        out.append("*: its queue stops settling while its own load stays below 85 %: bursts, "
                   "or a wait for a lane after it (an exam bay's for a team, the movers' for "
                   "a bay); see that lane's year, or bordersim hours RESULTS")
    if every > 1:
        out.append(f"years simulated every {every}: a lane that stops in year Y kept up in "
                   f"year Y-{every} and may stop in any year between")
    return out


def _line(row: Any, plan: Any, others: list[str]) -> str:
    """One lane's line of :func:`lines`."""
    same = (plan["port"] == row.port) & (plan["lane"] == row.lane)
    stops = [plan.loc[same & (plan["option"] == o), "stops_year"] for o in others]
    servers = ("" if row.servers_now is None or row.servers_needed is None
               or math.isnan(row.servers_now)
               else f"{row.servers_now:.0f}->{row.servers_needed:.0f}")
    factor = "-" if math.isnan(row.factor) else f"{row.factor:.2f}"
    star = "*" if not math.isnan(row.stops_year) and math.isnan(row.plan_year) else ""
    return (f"{row.port:<12} {row.lane:<20} {row.now:>5.0%} {_year(row.stops_year) + star:>6} "
            f"{_year(row.plan_year):>8} {factor:>9} {servers:>9}"
            + "".join(f" {_year(s.iloc[0]) if len(s) else '-':>{max(6, len(o))}}"
                      for o, s in zip(others, stops, strict=True)))
