"""``bordersim both-sides RESULTS_DIR --partner FILE [--seed S] [--csv FILE]``: a land
crossing timed on both sides of the border, the run's port and the partner country's controls
(:mod:`sim.analysis.both_sides`), with the controls in series and at one stop, on the same
trucks. Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sim.cli_csv_path import csv_path

LABELS = {"port_side_h_mean": "port's side, mean h", "partner_h_mean": "partner's side, mean h",
          "crossing_h_mean": "crossing, mean h", "crossing_h_p90": "crossing, p90 h",
          "partner_inspections": "partner inspections"}


def add_parser(sub: Any) -> None:
    from sim.cli import _seed

    p = sub.add_parser(
        "both-sides",
        help="a land crossing timed on both sides of the border, in series and at one stop",
        description="Read a run's per-consignment logs (bordersim run --log) and put the "
        "partner country's controls across the border (a partner file, docs/both-sides.md) "
        "beside the run's land port: each truck's time at the port's side, at the partner's "
        "and over the whole crossing, with the two sides' controls in series and at one "
        "stop (a joint control zone), and the change one stop makes, with its 95 % paired "
        "interval over the replications. Only the partner's queue is simulated here.",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR",
                   help="a run's results folder, run with --log")
    p.add_argument("--partner", type=Path, required=True, metavar="FILE",
                   help="the partner's controls (TOML; docs/examples/mong-cai/partner.toml)")
    p.add_argument("--seed", type=_seed, default=0,
                   help="seed of the partner's draws, 0 or more (default 0)")
    p.add_argument("--csv", type=csv_path, metavar="FILE",
                   help="also write every replication's figures to FILE (CSV)")
    from sim.cli_lang import add_lang

    add_lang(p)  # (the lines printed; the CSV stays English)


def run(args: argparse.Namespace) -> int:
    from sim.analysis.both_sides import both_sides, one_stop_change, read_logs
    from sim.analysis.partner_spec import PartnerSpecError, load_partner
    from sim.cli_lang import chosen
    from sim.cli_zh_errors import error_line

    lang = chosen(args)
    try:
        side = load_partner(args.partner)
    except PartnerSpecError as e:
        print(error_line(str(e), lang), file=sys.stderr)
        return 2
    problem = _port_problem(args.folder, side.port, args.partner)
    if problem:
        print(error_line(problem, lang), file=sys.stderr)
        return 2
    try:
        logs = read_logs(args.folder)
    except ValueError as e:  # (a log that is a link, or damaged: named)
        print(error_line(str(e), lang), file=sys.stderr)
        return 2
    if not logs:
        print(error_line(f"{args.folder} kept no per-consignment log: run it again with --log "
                         "(bordersim run SCENARIO --log --out DIR)", lang), file=sys.stderr)
        return 2
    per_rep = both_sides(logs, side, args.seed)
    _print(one_stop_change(per_rep), side, len(logs), lang)
    if args.csv is not None:
        from sim.cli_zh_both_sides import csv_line

        per_rep.to_csv(args.csv, index=False)
        print(csv_line(args.csv) if lang == "zh" else f"every replication's figures: {args.csv}",
              file=sys.stderr)
    return 0


def _print(change: Any, side: Any, reps: int, lang: str) -> None:
    """Each direction's figures in series and at one stop, and the change, in ``lang`` (the
    same numbers either way: :mod:`sim.cli_zh_both_sides` words them in Chinese)."""
    from sim import cli_zh_both_sides as zh

    print(zh.title(side.port, side.name, reps) if lang == "zh" else
          f"{side.port} with {side.name}, {reps} replication(s): separate controls "
          "(in series) against one stop")
    for key, rows in change.groupby("direction", sort=False):
        direction = str(key)
        print(zh.direction(direction, side.port) if lang == "zh" else
              f"  {direction}s ({'bound for' if direction == 'import' else 'from'} "
              f"{side.port}):")
        for r in rows.to_dict("records"):
            low, high = r["low"], r["high"]
            ci = "" if low is None or high is None else f"  [{low:+.3f}, {high:+.3f}]"
            numbers = (f"{r['separate']:10.3f} -> {r['one_stop']:10.3f}  change "
                       f"{r['change']:+.3f}{ci}")
            figure = str(r["figure"])
            print(zh.row(figure, numbers) if lang == "zh" else
                  f"    {LABELS[figure]:24s} {numbers}")


def _port_problem(folder: Path, port: str, partner: Path) -> str | None:
    """Why ``port`` (the field of the ``partner`` file) of ``folder``'s scenario cannot be
    timed on both sides (None: it can); a wrong port names the file, the field, the value
    and the run's land ports, which it may name."""
    if (Path(folder) / "compare.json").is_file():
        return comparison_refusal(Path(folder))
    from sim.report.folder import ResultsFolderError, read_json

    try:  # (never through a link: the folder may be one others can write to)
        scenario = read_json(Path(folder) / "scenario.json")
    except ResultsFolderError as e:
        return f"{folder}: not a run's results folder (no readable scenario.json: {e})"
    ports = scenario.get("ports", {}) if isinstance(scenario, dict) else {}
    land = ", ".join(sorted(n for n, p in ports.items() if p.get("mode") == "land")) or "none"
    if port not in ports:
        return (f"{partner}: port: {port!r} is not a port of {folder}'s scenario; "
                f"allowed: one of its land ports ({land})")
    mode = ports[port].get("mode")
    if mode != "land":
        return (f"{partner}: port: {port!r} is a {mode} port; allowed: one of {folder}'s "
                f"land ports ({land}): both sides of the border are timed at a land "
                "crossing only")
    return None


def comparison_refusal(folder: Path) -> str:
    """Why a comparison's folder is not read, and the runs to give instead, one per option.

    Its saved logs keep only the observed cohort's trucks (:mod:`sim.experiment.trip_columns`
    keeps their exam columns, not their rows): the warm-up's trucks, which fill the partner's
    desks when the observed days start, are missing, and the partner's draws are keyed by a
    truck's rank among the rows. Read anyway, the partner's queue would start empty: on
    ``beilun-border`` (2 replications of 3 days) the exports' crossing in series read 1.84 h
    against 2.52 h from the full logs, and the change one stop makes -0.68 h against -0.92
    h. So each option is run apart from its resolved scenario on the comparison's seed (the
    same trucks: a comparison runs every option on the baseline's seeds)."""
    from sim.report.folder import ResultsFolderError, read_object

    try:
        record = read_object(folder / "compare.json")
    except ResultsFolderError:
        record = {}
    options = record.get("options")
    names = [o["name"] for o in options if isinstance(o, dict) and isinstance(o.get("name"), str)
             and o["name"] == Path(o["name"]).name] if isinstance(options, list) else []
    seed, reps = record.get("seed"), record.get("reps")
    flags = "".join(f" --{k} {v}" for k, v in (("seed", seed), ("reps", reps))
                    if isinstance(v, int) and not isinstance(v, bool))
    runs = "; ".join(f"bordersim run {folder / 'options' / n / 'scenario.json'}{flags} --log "
                     f"--out DIR_{n}" for n in names) or (
        "bordersim run SCENARIO [--set KEY=VALUE] --log --out DIR")
    return (f"{folder} is a comparison's folder, whose saved logs keep only the observed "
            "cohort's trucks, not the warm-up's that load the partner's desks when the "
            "observed days start (read, the partner's queue would start empty and its times "
            f"read short): run each option apart on the comparison's seed ({runs}) and give "
            "each run's folder")
