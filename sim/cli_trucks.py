"""``bordersim trucks RESULTS_DIR [--against NAME=DIR ...] [--port NAME] [--by hour|class]
...``: a trucking company's view of a land crossing (:mod:`sim.analysis.trucks`): each
truck's turnaround, its chance of being held for an examination and how long, the driver's
duty it eats and the trip's cost, by the hour it arrives or by trader class, and a reform
run's paired change. Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from sim.cli_csv_path import csv_path

LABELS = {"trucks_per_day": ("trucks/d", 1, 1), "turnaround_h_p50": ("p50 h", 1, 2),
          "turnaround_h_p90": ("p90 h", 1, 2), "turnaround_h_p95": ("p95 h", 1, 2),
          "turnaround_h_mean": ("mean h", 1, 2), "held_share": ("held %", 100, 1),
          "hold_h_mean": ("hold h", 1, 1), "overnight_share": ("night %", 100, 1),
          "duty_share_mean": ("duty %", 100, 0), "over_limit_share": ("over %", 100, 1),
          "cost_per_trip": ("cost/trip", 1, 1)}  # fmt: skip
#: (``fees_per_trip``, the border fees alone, is in the CSV)


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of hours: {text!r}") from None
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(f"hours are 0 or more; got {text}")
    return value


def _limit(text: str) -> float:
    value = _hours(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"a duty limit is above 0 hours; got {text}")
    return value


def _band(text: str) -> int:
    if text not in {"1", "2", "3", "4", "6", "8", "12", "24"}:
        raise argparse.ArgumentTypeError(
            f"--every: {text!r}; allowed: 1, 2, 3, 4, 6, 8, 12 or 24 (hours that divide a day)")
    return int(text)


def _against(text: str) -> tuple[str, Path]:
    name, sep, folder = text.partition("=")
    if not sep or not name or not folder:
        raise argparse.ArgumentTypeError(
            f"--against: {text!r}; give NAME=DIR, a name for the change and the folder of a "
            "run of it on the baseline's seed (e.g. advance=results/advance)")
    return name, Path(folder)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "trucks",
        help="a trucker's view of a land crossing: turnaround, exam holds, drivers' hours, "
        "cost per trip, by the hour trucks arrive",
        description="Read a run's per-consignment logs (bordersim run --log) and give, for "
        "the trucks of a land port, by direction and by the hour they arrive (when to "
        "dispatch) or by trader class: trucks a day, the turnaround's median, 90th and "
        "95th percentiles and mean (arrival to leaving the crossing), the share held for an "
        "examination and the hold's mean hours, the share kept over a night, the share of a "
        "driver's daily duty limit a trip takes and the share of trips over it, and the "
        "cost per trip, each with its "
        "95 % interval over the replications. With --against, a run of a change on the "
        "same seed (a reform): each figure's change with its 95 % paired interval "
        "(docs/trucks.md).",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR",
                   help="a run's results folder, run with --log, or a comparison's "
                   "(bordersim compare): its baseline, then each option against it")
    p.add_argument("--against", type=_against, action="append", default=[],
                   metavar="NAME=DIR", help="a run of a change on the same seed and "
                   "replications, with --log (repeatable)")
    p.add_argument("--port", help="the land port (default: the scenario's only land port)")
    p.add_argument("--by", choices=("hour", "class", "commodity", "day", "weekday"),
                   default="hour",
                   help="group trucks by the hour they arrive (default), trader class, "
                   "commodity, the day they arrive (its date with the scenario's "
                   "start_date: a holiday's days, the surge before it and the backlog after) "
                   "or the day of the week they arrive (Monday to Sunday, over the weeks)")
    p.add_argument("--commodity", metavar="NAME",
                   help="only the trucks carrying this commodity (a key of the scenario's "
                   "[commodities]), such as the goods your trucks carry")
    p.add_argument("--every", type=_band, default=2, metavar="H",
                   help="hours in a dispatch band (default 2)")
    p.add_argument("--vs", metavar="GROUP",
                   help="also each group's difference from this one (a band such as 08-10, "
                   "or a class), with its 95 %% interval over the replications")
    p.add_argument("--drive-h", type=_hours, default=4.0, metavar="H",
                   help="a trip's duty hours away from the crossing (default 4: an "
                   "assumption, about 2 h each side; give your own)")
    p.add_argument("--duty-limit", type=_limit, default=12.0, metavar="H",
                   help="a driver's daily duty limit in hours (default 12: an assumption; "
                   "give the rule that binds your drivers)")
    p.add_argument("--truck-cost-per-h", type=_hours, metavar="X",
                   help="a truck and driver's cost an hour, in the run's currency (default: "
                   "not priced; the cost per trip is then the border fees only)")
    p.add_argument("--fleet", type=_limit, metavar="N",
                   help="with --against: also each change for a fleet of N trucks a day over "
                   "a year (truck-hours at the crossing, trips over the duty limit, nights "
                   "kept, cost), the crossing's own mix of hours")
    p.add_argument("--fleet-days", type=_limit, default=365.0, metavar="D",
                   help="the fleet's working days a year (default 365: an assumption)")
    p.add_argument("--fleet-group", default="all", metavar="GROUP",
                   help="the group of the table the fleet's trucks are in (a band such as "
                   "08-10 when they all arrive then, a class; default all)")
    p.add_argument("--csv", type=csv_path, metavar="FILE",
                   help="also write every replication's figures to FILE (CSV)")
    from sim.cli_lang import add_lang

    add_lang(p)  # (the lines printed; --csv stays English)


def run(args: argparse.Namespace) -> int:
    """The command; a log that cannot be read (a link, damaged) is its one-line error."""
    from sim.cli_lang import chosen
    from sim.cli_zh_errors import error_line
    from sim.report.folder import ResultsFolderError

    try:
        return _run(args)
    except ResultsFolderError as e:
        print(error_line(str(e), chosen(args)), file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from sim.analysis.trucks import TripRules, against_group, paired_change, per_replication
    from sim.cli_lang import chosen
    from sim.cli_zh_errors import error_line

    lang = chosen(args)
    try:
        args.folder, args.against = _comparison(args.folder, args.against)
        port, days, seed, reps = _folder(args.folder, args.port, "RESULTS_DIR")
        _check_commodity(args.folder, args.commodity)
        others = _others(args, port, days, seed, reps)
        _check_fleet(args, bool(others))
    except ValueError as e:
        print(error_line(str(e), lang), file=sys.stderr)
        return 2
    rules = TripRules(args.drive_h, args.duty_limit, args.truck_cost_per_h, args.every)
    by = {"hour": "hour", "class": "trader_class", "commodity": "commodity",
          "day": "day", "weekday": "weekday"}[args.by]
    start, warmup = _start_date(args.folder), _warmup(args.folder)
    logs = _logs(args.folder)
    base = per_replication(logs, port, rules, days, by, args.commodity, start, warmup)
    for option, group in (("--vs", args.vs), ("--fleet-group", args.fleet_group)):
        if group is not None and group not in set(base["group"]):  # (before any table)
            print(error_line(f"{option}: {group!r} is not a group of the table; allowed: "
                             f"{', '.join(dict.fromkeys(base['group']))}", lang),
                  file=sys.stderr)
            return 2
    _print_head(port, args.commodity, reps, days, rules,
                bool(base["fees_per_trip"].notna().any()), lang,
                any("reached" in log.columns for log in logs))
    _print_levels(base, reps, lang)
    _print_left(args.folder, port, logs, lang)
    if args.vs is not None:
        print(_zh().against_group(args.vs) if lang == "zh" else
              f"\neach group against {args.vs}, in the same replications:")
        _print_changes(against_group(base, args.vs), reps, lang)
    tables = [base.assign(option="baseline")]
    for name, folder in others:
        other_logs = _logs(folder)
        other = per_replication(other_logs, port, rules, days, by, args.commodity, start,
                                warmup)
        print(_zh().against_baseline(name) if lang == "zh" else
              f"\n{name} against the baseline:")
        change = paired_change(base, other)
        _print_changes(change, reps, lang)
        _print_left(folder, port, other_logs, lang)
        if args.fleet is not None:
            _print_fleet(change, args.fleet, args.fleet_days, args.fleet_group, lang)
        tables.append(other.assign(option=name))
    if args.csv is not None:
        import pandas as pd

        pd.concat(tables, ignore_index=True).to_csv(args.csv, index=False)
        print(_zh().csv_line(args.csv) if lang == "zh" else
              f"every replication's figures: {args.csv}", file=sys.stderr)
    return 0


def _check_fleet(args: argparse.Namespace, against: bool) -> None:
    """``--fleet`` needs a change to multiply (``--against``), ``--fleet-group`` a fleet."""
    if args.fleet is not None and not against:
        raise ValueError("--fleet: a fleet's yearly change is a reform's: give "
                         "--against NAME=DIR, a run of the change on the same seed")
    if args.fleet is None and args.fleet_group != "all":
        raise ValueError("--fleet-group: it picks the row --fleet multiplies: give "
                         "--fleet N (trucks a day) too")


def _print_left(folder: Path, port: str, logs: list[Any], lang: str) -> None:
    """The trucks a run left waiting on the approach (in no row of the tables), if the
    run has an approach at ``port`` (:mod:`sim.cli_trucks_left`)."""
    from sim.cli_trucks_left import left_figures, left_line

    figures = left_figures(folder, port, logs)
    if figures is not None:
        print(left_line(figures, lang))


def _zh() -> Any:
    """The Chinese words of this command (:mod:`sim.cli_zh_trucks`), imported when wanted."""
    from sim import cli_zh_trucks

    return cli_zh_trucks


def _others(args: argparse.Namespace, port: str, days: float, seed: Any,
            reps: int) -> list[tuple[str, Path]]:
    """The ``--against`` runs, each checked to be paired with the baseline's; a ValueError
    saying what to run otherwise."""
    others = []
    for name, folder in args.against:
        _, o_days, o_seed, o_reps = _folder(folder, port, f"--against {name}")
        if (o_seed, o_reps, o_days) != (seed, reps, days):
            raise ValueError(
                f"--against {name}: {folder} ran seed {o_seed}, {o_reps} replication(s) "
                f"of {o_days:g} days; {args.folder} seed {seed}, {reps} of {days:g}: a "
                "paired change needs the same seed, replications and days (run it with "
                f"--seed {seed} --reps {reps} --days {days:g})")
        others.append((name, folder))
    return others


def _print_head(port: str, commodity: str | None, reps: int, days: float, rules: Any,
                costed: bool, lang: str, approach: bool = False) -> None:
    """The first line: the port, the runs, a trip's duty against the limit, the cost basis
    (in Chinese, with a legend of the columns under it); with an ``approach`` (a log with
    ``reached``), that the turnaround counts from reaching it."""
    if lang == "zh":
        zh = _zh()
        print(zh.head(port, commodity, reps, days, rules, costed, approach))
        print(zh.LEGEND)
        return
    only = "" if commodity is None else f", {commodity} trucks only"
    print(f"{port}{only}: {reps} replication(s) of {days:g} observed days; a trip's duty "
          f"{rules.drive_h:g} h + its turnaround against a {rules.duty_limit_h:g} h limit; "
          f"{_cost_basis(rules, costed)}"
          + ("; turnaround from reaching the approach (its queue before the crossing "
             "included)" if approach else ""))


def _folder(folder: Path, port: str | None, what: str) -> tuple[str, float, Any, int]:
    """A run folder's land port, observed days, seed and replications with a log; a
    ValueError saying what is wrong and what to do."""
    if (folder / "compare.json").is_file():
        raise ValueError(f"{what}: {folder} is a comparison's folder: give it as RESULTS_DIR "
                         "(its baseline and each option are read, each against the baseline)")
    from sim.report.folder import ResultsFolderError, read_json

    try:  # (never through a link: the folder may be one others can write to)
        scenario = read_json(folder / "scenario.json")
        meta = read_json(folder / "meta.json")
    except ResultsFolderError as e:
        raise ValueError(f"{what}: {folder}: not a run's results folder ({e})") from None
    if not (isinstance(scenario, dict) and isinstance(scenario.get("days"), int | float)
            and isinstance(scenario.get("ports"), dict) and isinstance(meta, dict)):
        raise ValueError(f"{what}: {folder}/scenario.json or meta.json is damaged (no "
                         "days, ports or seed as a run writes them): run it again")
    ports = scenario["ports"]
    land = sorted(n for n, p in ports.items() if p.get("mode") == "land")
    if port is None:
        if len(land) != 1:
            raise ValueError(f"--port: {folder}'s scenario has {len(land)} land ports "
                             f"({', '.join(land) or 'none'}); name one with --port")
        port = land[0]
    elif port not in land:
        raise ValueError(f"--port: {port!r} is not a land port of {folder}'s scenario; "
                         f"allowed: {', '.join(land) or 'none (it has no land port)'}")
    reps = len(list((folder / "reps").glob("rep-*-log.parquet")))
    if reps == 0:
        raise ValueError(f"{what}: {folder} kept no per-consignment log: run it again with "
                         "--log (bordersim run SCENARIO --log --out DIR)")
    _check_columns(folder, what)
    return port, float(scenario["days"]), meta.get("seed"), reps


def _check_columns(folder: Path, what: str) -> None:
    """A ValueError when the run's first log lacks the exam columns (a comparison saved
    before its logs kept them: :mod:`sim.experiment.trip_columns`)."""
    import pyarrow.parquet as pq

    first = min((folder / "reps").glob("rep-*-log.parquet"))
    if first.is_symlink():
        return  # (refused when read: sim.report.folder.read_parquet)
    try:
        names = pq.read_schema(first).names
    except (OSError, ValueError):
        return  # (a damaged log is said when read)
    if "exam_start" not in names:
        raise ValueError(f"{what}: {folder}'s logs keep no exam columns (a comparison run "
                         "before its logs kept them): run the comparison again with "
                         "--out NEW_DIR")


def _comparison(folder: Path, against: list[tuple[str, Path]]) -> tuple[Path,
                                                                         list[tuple[str, Path]]]:
    """A comparison's folder (``compare.json``) read as its baseline's run folder with each
    of its options against it, in the comparison's order, before any ``--against`` given;
    any other folder as given."""
    if not (folder / "compare.json").is_file():
        return folder, against
    from sim.report.folder import read_object

    options = read_object(folder / "compare.json").get("options")
    names = [o.get("name") for o in options if isinstance(o, dict)] if isinstance(
        options, list) else []
    here = folder / "options"
    if "baseline" not in names or not (here / "baseline").is_dir():
        raise ValueError(f"RESULTS_DIR: {folder} is a comparison's folder without its "
                         "baseline's runs: run the comparison again")
    found = [(n, here / n) for n in names if isinstance(n, str) and n != "baseline"
             and n == Path(n).name and (here / n).is_dir()]
    return here / "baseline", [*found, *against]


def _start_date(folder: Path) -> Any:
    """The run's ``start_date`` (a ``datetime.date``), or None when the scenario has none
    (or it is unreadable: days are then numbered from the run's start)."""
    import datetime as dt

    from sim.report.folder import read_object

    text = read_object(folder / "scenario.json").get("start_date")
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _warmup(folder: Path) -> float:
    """The run's warm-up in days (the observed days start after it: which weekdays they
    are); 0 when the scenario says none."""
    from sim.report.folder import read_object

    value = read_object(folder / "scenario.json").get("warmup_days")
    return float(value) if isinstance(value, int | float) else 0.0


def _cost_basis(rules: Any, costed: bool) -> str:
    """What cost/trip counts, said where the table is read (the column's name alone reads as
    the whole trip's cost while, unpriced, it is the border fees only)."""
    fees = "the border fees" if costed else "no border fees (the run was not costed)"
    if rules.truck_cost_per_h is None:
        return (f"cost/trip: {fees} only, the truck's hours not priced (--truck-cost-per-h)"
                if costed else f"cost/trip: none, {fees} and no --truck-cost-per-h")
    return f"cost/trip: {fees} + the turnaround at {rules.truck_cost_per_h:g} an hour"


def _check_commodity(folder: Path, name: str | None) -> None:
    """A ValueError when ``name`` is not a commodity of ``folder``'s scenario."""
    if name is None:
        return
    from sim.report.folder import read_object

    known = sorted(read_object(folder / "scenario.json").get("commodities") or {})
    if name not in known:
        raise ValueError(f"--commodity: {name!r} is not a commodity of {folder}'s scenario; "
                         f"allowed: {', '.join(known)}")


def _logs(folder: Path) -> list[Any]:
    """The run's per-consignment logs, each read as a report reads it (a ValueError naming a
    log that is a link or damaged)."""
    from sim.report.folder import read_parquet

    return [read_parquet(p) for p in sorted((folder / "reps").glob("rep-*-log.parquet"))]


def _cell(value: float | None, scale: float, digits: int) -> str:
    return "-" if value is None or math.isnan(value) else f"{value * scale:.{digits}f}"


def _print_levels(base: Any, reps: int = 2, lang: str = "en") -> None:
    from sim.analysis.trucks import summary

    what = ("mean +- half the 95 % interval over the replications" if reps > 1
            else "one replication's figures, no interval (give the run --reps 2 or more)")
    _print(summary(base), "mean", _zh().what("mean", reps) if lang == "zh" else what, lang)


def _print_changes(c: Any, reps: int = 2, lang: str = "en") -> None:
    what = ("change +- half its 95 % paired interval" if reps > 1
            else "one replication's change, no interval (give the runs --reps 2 or more)")
    _print(c, "change", _zh().what("change", reps) if lang == "zh" else what, lang)


#: the words of a fleet's yearly figures (:data:`sim.analysis.trucks_fleet.YEARLY`)
YEAR_WORDS = {"truck_hours": "truck-hours at the crossing",
              "trips_over_limit": "trips over the duty limit",
              "nights_kept": "trucks kept overnight", "cost": "cost"}


def _print_fleet(change: Any, per_day: float, days: float, group: str, lang: str) -> None:
    """A change's yearly total for a fleet whose trucks are ``group``'s, a line a direction
    (a figure not known, such as an unpriced cost, left out)."""
    from sim.analysis.trucks_fleet import fleet_year

    year = fleet_year(change, per_day, days, group)
    lines = {str(d): [(str(r["figure"]), _year(r)) for r in g.to_dict("records")
                      if not math.isnan(r["change"])]
             for d, g in year.groupby("direction", sort=False)}
    if lang == "zh":
        print("\n".join(_zh().fleet(lines, per_day, days, group)))
        return
    whose = "arriving as the crossing's do" if group == "all" else f"all of group {group}"
    print(f"\n  for a fleet of {per_day:g} trucks a day, {days:g} days a year (its trucks "
          f"{whose}; change +- half its 95 % paired interval):")
    for direction, cells in lines.items():
        print(f"  {direction}s: " + "; ".join(f"{c} {YEAR_WORDS[f]}" for f, c in cells))


def _year(r: Any) -> str:
    """A yearly change as printed: signed, whole units, ``+-`` half its interval if any."""
    half = (r["high"] - r["low"]) / 2
    return f"{r['change']:+,.0f}" + ("" if math.isnan(half) else f" +-{half:,.0f}")


#: beside a level whose interval reaches below 0 (as the run and compare tables' mark,
#: ``sim.report.numbers.CUT``; not imported: this module starts on the standard library)
CUT = "\u2021"
#: the mark's note, said once under the tables that hold it
CUT_NOTE = ("  \u2021 the interval reaches below 0, which the figure cannot: read it from 0 "
            "(a small figure over few replications)")


def _print(table: Any, column: str, what: str, lang: str = "en") -> None:
    """Each direction's table: a row a group, each figure's ``column`` and the half width
    of its interval (the t interval is symmetric); in Chinese, the same cells. A level
    whose interval reaches below 0 is marked (:data:`CUT`) and the mark said once."""
    sections = [(str(direction), [(str(group), _cells(g, column))
                                  for group, g in rows.groupby("group", sort=False)])
                for direction, rows in table.groupby("direction", sort=False)]
    cut = any(c.endswith(CUT) for _, rows in sections for _, cells in rows for c in cells)
    if lang == "zh":
        print("\n".join(_zh().tables(sections, what)))
        if cut:
            print(_zh().CUT_NOTE)
        return
    width = max(6, *(len(str(g)) for g in table["group"]))
    for direction, rows in sections:
        print(f"\n  {direction}s: {what}")
        print(f"  {'group':{width}s}" + "".join(f" {LABELS[f][0]:>12s}" for f in LABELS))
        for group, cells in rows:  # (a space before each cell: a wide one never runs on)
            print(f"  {group:{width}s}" + "".join(f" {c:>12s}" for c in cells))
    if cut:
        print(CUT_NOTE)


def _cells(g: Any, column: str) -> list[str]:
    """A group's cells: each figure's ``column`` and ``+-`` half its interval, as printed."""
    cells = []
    for r in g[g["figure"].isin(list(LABELS))].to_dict("records"):
        _, scale, d = LABELS[r["figure"]]
        half = None if r["low"] is None else (r["high"] - r["low"]) / 2
        pm = "" if half is None or math.isnan(half) else f"+-{_cell(half, scale, d)}"
        # (every figure is a rate, share, time or cost: a level's interval below 0 is cut)
        below = column == "mean" and bool(pm) and float(r["low"]) < 0
        cells.append(_cell(r[column], scale, d) + pm + (CUT if below else ""))
    return cells
