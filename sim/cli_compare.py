"""``bordersim compare``: the subcommand's arguments and its run (the CLI face of sim.compare).

    bordersim compare [SCENARIO] --option NAME:KEY=VALUE[,KEY=VALUE] [--option ...]
                      [--options-file FILE] [--reps N | --precision H] [--metric M]
                      [--precision-on differences|levels|both] [--max-reps N]
                      [--seed S] [--days D] [--set KEY=VALUE] [--out DIR] [--json]

Only the standard library is imported here at start-up (like ``sim.cli``).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.shell_line import bordersim_line

if TYPE_CHECKING:
    from rich.table import Table

    from sim.cli import Notes
    from sim.experiment.compare import CompareResult, Comparison

TABLE_METRICS = (
    "clearance_h_mean",
    "clearance_h_median",
    "clearance_h_p90",
    "released_within_24h",
    "overall_clearance_h_mean",
    "overall_clearance_h_p90",
    "exited_within_24h",
    "departure_h_mean_export",
    "consignments_released",
    "consignments_seized",
    "consignments_censored",
    # the other two outcomes a planner weighs: enforcement (what customs sees, then what it
    # achieves) and cost; rows a scenario cannot give (no costs, say) are left out
    "inspection_rate",
    "inspection_rate_goods",
    "detection_rate",
    "detection_rate_goods",
    "detection_rate_with_audit",
    "value_slipped",
    "harm_slipped",
    "revenue_evaded",
    "revenue_found_after_release",
    "total_cost_per_consignment",
    "agency_cost_per_consignment",
    "trader_cost_per_consignment",
    "trader_fees_per_consignment",
    "agency_cost_per_year",
)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a positive number; got {text}")
    return value


def add_compare_parser(
    sub: Any,
    add_settings: Callable[[argparse.ArgumentParser], None],
    positive_int: Callable[[str], int],
) -> None:
    """Add the ``compare`` subcommand to the ``bordersim`` parser."""
    p = sub.add_parser(
        "compare",
        help="run options of a scenario with the same seeds and compare them with the baseline",
        description="Run the baseline (the scenario unchanged) and every option with the same "
        "seeds; report each option's metrics and its paired difference from the baseline, "
        "who gains and who loses, and write a results folder with report.html.",
    )
    p.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO",
                   help="scenario TOML file, or a bundled scenario's name such as guangdong "
                   "(default: the bundled scenarios/default.toml)")
    p.add_argument(
        "--option", dest="options", action="append", default=[], metavar="NAME:KEY=VALUE,...",
        help="an option: a name and the changes that make it, e.g. "
        "more_scanners:ports.sea_port.scan.scanners.capacity=4 (repeatable; NAME A+B "
        "combines options A and B; NAME:@FILE takes a scenario file of its own, its "
        "changes after a comma)",
    )
    p.add_argument(
        "--reforms", nargs="+", default=[], metavar="REFORM",
        help="reforms of the library as options, e.g. --reforms joint_inspection "
        "single_window:uptake=0.8 joint_inspection+single_window training@60d "
        "(see `bordersim reforms`)",
    )
    p.add_argument("--options-file", type=Path, metavar="FILE",
                   help="options as TOML: [options.NAME] with description, set = {KEY = VALUE} "
                   "and, for an option that is a scenario file of its own, scenario = FILE")
    how_many = p.add_mutually_exclusive_group()
    how_many.add_argument("--reps", type=positive_int, default=None,
                          help="replications per option (default 5)")
    how_many.add_argument(
        "--precision", type=_positive_float, metavar="H",
        help="add replications (at least 10) until the --metric half-widths are within H: "
        "relative for times, costs and counts, absolute for shares and rates",
    )
    p.add_argument("--metric", dest="metrics", action="append", default=[], metavar="METRIC",
                   help="metric the --precision target watches (repeatable; default "
                   "clearance_h_mean and overall_clearance_h_mean)")
    p.add_argument("--precision-on", choices=("differences", "levels", "both"), default=None,
                   help="what the --precision target holds: each option's paired difference "
                   "from the baseline (the effect a comparison decides on), each option's "
                   "level, or both (default both)")
    p.add_argument("--max-reps", type=positive_int, default=None,
                   help="most replications with --precision (default 100)")
    from sim.cli import _seed, out_path

    p.add_argument("--seed", type=_seed, default=1, help="root seed, 0 or more (default 1)")
    p.add_argument("--days", type=float, help="observed days (overrides the scenario's days)")
    add_settings(p)

    _add_outputs(p, out_path)
    from sim.cli_aeo_payback import add_options

    add_options(p)


def _add_outputs(p: argparse.ArgumentParser, out_path: Callable[[str], Path]) -> None:
    """What a comparison writes and keeps: its folder, report, who gains, how it runs and
    what it shows."""
    p.add_argument("--out", type=out_path,
                   help="results folder (default: a new results/compare-<scenario>-<time>); "
                   "rerunning into the same folder resumes")
    p.add_argument("--no-report", action="store_true", help="do not write report.html")
    p.add_argument("--no-gains", action="store_true",
                   help="keep no consignment logs and leave out who gains and who loses: "
                   "memory then stays flat however long the run (a replication's logs of "
                   "every option are held while it is compared: about 1 GB for 56 days of "
                   "the default scenario, against about 0.3 GB without)")
    from sim.cli import _add_executor, add_show

    _add_executor(p)  # (each replication's options side by side)
    add_show(p)
    from sim.cli_compare_ports import add_by_port

    add_by_port(p)
    from sim.cli_warnings import add_fail_on

    add_fail_on(p)
    from sim.cli_lang import add_lang

    add_lang(p)
    p.add_argument("--json", action="store_true",
                   help='print only JSON: {"options": {OPTION: {METRIC: {mean, ci_low, '
                   'ci_high}}}, "differences": {...}}')


def _check_precision_flags(args: argparse.Namespace) -> None:
    """Refuse what only a precision target reads (``--metric``, ``--max-reps``,
    ``--precision-on``) given without one (it would be ignored unseen); set their defaults."""
    from sim.cli import UsageError
    from sim.experiment.compare import MAX_REPS_DEFAULT

    if args.metrics and args.precision is None:
        raise UsageError(
            f"--metric {args.metrics[0]} without --precision: --metric names what the "
            "--precision target watches; give --precision H too (every metric is reported "
            "either way)"
        )
    if args.max_reps is not None and args.precision is None:
        raise UsageError(
            f"--max-reps {args.max_reps} without --precision: --max-reps caps how many "
            "replications a --precision target may run; give --precision H too, or --reps N "
            "for a fixed number"
        )
    if args.precision_on is not None and args.precision is None:
        raise UsageError(
            f"--precision-on {args.precision_on} without --precision: --precision-on says "
            "what a --precision target holds; give --precision H too"
        )
    if args.max_reps is None:
        args.max_reps = MAX_REPS_DEFAULT
    args.precision_on = args.precision_on or "both"


def run_compare(args: argparse.Namespace, argv: list[str]) -> int:
    """``bordersim compare``: everything checked (options, reforms, metrics) before the
    results folder is made and the first replication runs."""
    from rich.console import Console

    from sim.cli import (
        Notes,
        UsageError,
        _default_out,
        _executor,
        _load,
        _progress,
        lock_out,
        set_change_notes,
        settings_with_days,
        shown_rows,
    )
    from sim.cli_compare_progress import Ticks, label
    from sim.cli_lang import chosen
    from sim.experiment.compare import MIN_SEQUENTIAL_REPS
    from sim.experiment.metric_names import MetricError

    _check_flags(args)
    from sim.cli_aeo_payback import check_port

    overrides = settings_with_days(args)
    notes = Notes(chosen(args))
    base = _load(args.scenario, overrides, notes)
    from sim.experiment.scenario_source import option_sources, read_source

    source = read_source(args.scenario)  # (the file's text, just after it was loaded)
    check_port(args, base)
    for message in set_change_notes(base, [key for key, _ in args.settings]):
        notes.add(f"note: {message} (in every option: the baseline's too)")
    _check_max_reps(args)
    plan = _prepare(args, overrides, notes)
    sources = option_sources(plan.opts)  # (each option's own file, read just after it)
    args.shown = shown_rows(args, base, list(plan.variants.values()))  # (an option's too)
    _check_warmup(plan, notes)
    named = base.model_copy(update={"name": f"compare-{base.name}"})
    out = lock_out(args.out or _default_out(named), "compare")
    reps = args.reps or 5
    err = Console(stderr=True)
    work = len(plan.opts) - len(plan.twins)  # (a reused replication is no work)
    total = work * (reps if args.precision is None else max(reps, MIN_SEQUENTIAL_REPS))
    with _progress(err, label(base.name, list(plan.twins), work), total,
                   lang=chosen(args)) as bar:
        done = Ticks(bar, work, list(plan.twins), plan.reused, chosen(args))
        try:
            res = plan.run(reps, max_reps=args.max_reps, out=out, on_done=done,
                           command=["bordersim", *argv], report=not args.no_report,
                           executor=_executor(args),
                           on_notice=lambda m: notes.add(f"note: {m}"))
        except MetricError as exc:  # a watched metric no replication measured
            raise UsageError(str(exc)) from None
    _show(res, args, out, notes)
    from sim.cli_warnings import exit_status

    records = _write_sealed(out, {"": source, **sources}, notes)
    return 1 if res.failures else exit_status(records, args.fail_on)


def _check_flags(args: argparse.Namespace) -> None:
    """The command line's own checks, before any scenario is read (a scenario file given
    last after ``--reforms`` taken as the scenario)."""
    if args.scenario is None and args.reforms and args.reforms[-1].endswith(".toml"):
        args.scenario = Path(args.reforms.pop())  # `--reforms A B file.toml`: the scenario
    _check_precision_flags(args)
    from sim.cli_aeo_payback import check

    check(args)


def _write_sealed(out: Path, sources: dict[str, dict[str, Any] | None],
                  notes: Notes) -> list[Any]:
    """The comparison's ``scenario-source.json`` (and each option's own, of ``sources``:
    :func:`sim.experiment.scenario_source.write_sources`) and ``warning-records.json`` (its
    coded warnings and notes, returned), written after its finish sealed the pooled files and
    then listed in that seal too, so that ``reproduce --check-only`` names one changed since.
    They are taken out of the seal first: a command stopped between leaves them unlisted,
    never listed with another command's checksum."""
    from sim.cli_warnings import RECORDS_FILE, coded, write_records
    from sim.experiment import finish_seal, scenario_source

    names = [RECORDS_FILE, *map(scenario_source.source_file, sources)]
    finish_seal.unlist(out, names)
    scenario_source.write_sources(out, sources)
    write_records(out, records := coded(notes.lines))
    finish_seal.add(out, names)
    return records


def _check_max_reps(args: argparse.Namespace) -> None:
    """A --precision target starts with a few replications: --max-reps may not be fewer."""
    from sim.cli import UsageError
    from sim.experiment.compare import MIN_SEQUENTIAL_REPS

    if args.precision is not None and args.max_reps < MIN_SEQUENTIAL_REPS:
        raise UsageError(
            f"--max-reps {args.max_reps} is below the {MIN_SEQUENTIAL_REPS} replications a "
            f"--precision target starts with (fewer give too unsteady an interval to stop "
            f"on); give --max-reps {MIN_SEQUENTIAL_REPS} or more, or --reps without --precision"
        )


def _prepare(args: argparse.Namespace, overrides: dict[str, Any], notes: Notes) -> Comparison:
    """The options of --options-file, --option and --reforms, checked with the --metric
    names, and their scenarios built; nothing is run or written (a mistake: UsageError)."""
    from sim.cli import UsageError
    from sim.experiment.compare import prepare
    from sim.experiment.metric_names import MetricError
    from sim.experiment.options import (
        OptionError,
        parse_option,
        read_options_file,
        reform_option,
    )
    from sim.scenario.loader import default_scenario_path

    try:
        options = read_options_file(args.options_file) if args.options_file else []
        options += [parse_option(text) for text in args.options]
        options += [reform_option(text) for text in args.reforms]
        if not options:
            raise UsageError(
                "nothing to compare: give at least one --option, --reforms or --options-file"
            )
        plan = prepare(args.scenario or default_scenario_path(), options, args.seed,
                       precision=args.precision, metrics=args.metrics or None,
                       overrides=overrides, log=not args.no_gains, cli=True,
                       precision_on=args.precision_on)
    except (OptionError, MetricError) as exc:
        raise UsageError(str(exc)) from None
    if len(plan.opts) < 2:  # (only 'baseline' given)
        raise UsageError(
            "nothing to compare: give at least one option besides 'baseline' (the scenario "
            "unchanged)"
        )
    _note_added(plan, {o.name for o in options}, notes)
    _note_displaced(plan, notes)
    return plan


def _check_warmup(plan: Comparison, notes: Notes) -> None:
    """A baseline warm-up shorter than the longest suggestion ``bordersim warmup`` saved
    under ``results/warmup/`` in the current folder: a warning (on stderr with the others,
    in ``compare.json``'s ``warnings`` and the report), as ``run`` gives; a damaged saved
    suggestion: a note, and it is skipped."""
    from sim.experiment.warmup_store import saved_warning

    damaged: list[str] = []
    s, warning = saved_warning(plan.base, damaged=damaged)
    for line in damaged:
        notes.add(line)
    if warning is not None:
        plan.run_warnings.append(warning)


def _note_displaced(plan: Comparison, notes: Notes) -> None:
    """On stderr: what an option replaces by setting a rival (a lane's schedule, say), and
    the optional sections it creates (``risk.target`` on a scenario without ``[risk]``)."""
    from sim.scenario.patch import created, displaced, scenario_data

    base = scenario_data(plan.base)
    for o in plan.opts:
        for note in displaced(base, o.overrides) + created(base, o.overrides):
            notes.add(f"note ({o.name}): {note}")


def _note_added(plan: Comparison, given: set[str], notes: Notes) -> None:
    """On stderr: the parts of a combination added as options of their own."""
    added = {o.name for o in plan.opts} - given - {"baseline"}
    for combo in plan.opts:
        parts = [p for p in combo.parts if p in added]
        if parts:
            notes.add(f"note: {combo.name}: {' and '.join(parts)} added as option(s) of their "
                      "own (the interaction (A+B) - A - B + baseline needs each part alone)")
            added -= set(parts)


def _show(res: CompareResult, args: argparse.Namespace, out: Path, notes: Notes) -> None:
    """Failures, notes and warnings on stderr; then the JSON (the notes in it too), or the
    header and tables."""
    from rich.console import Console

    _say_failures(res, out, notes.lang)
    _notes(res, notes)
    from sim.cli_aeo_payback import show as payback

    if args.json:
        _show_json(res, args, out, notes)
        return
    console = Console()
    if not console.is_terminal:  # (a file or a pipe: no terminal's width to keep to)
        console = Console(width=140)
    lang = notes.lang
    console.print(header(res, lang), highlight=False, markup=False)  # ("[costs]" is text)
    names = set(res.summary["metric"]) if "metric" in res.summary else set()
    rows = () if getattr(args, "only", False) else table_rows(res)  # (--only: --show's alone)
    from sim.cli_compare_short import leading, rest_line

    rows, left_out = leading(res, rows, args)  # (--by-port: the headline leads)
    rows += tuple(m for m in getattr(args, "shown", []) if m in names and m not in rows)
    console.print(table(res, rows, narrow=console.width < NARROW, lang=lang))
    if not res.interactions.empty:
        console.print(interaction_table(res, rows, lang))
    if getattr(args, "by_port", False):
        from sim.cli_compare_ports import port_table

        by_port = port_table(res, lang)
        if by_port is not None:
            console.print(by_port)
    if left_out:
        console.print(rest_line(left_out, str(out), lang), highlight=False, soft_wrap=True,
                      markup=False)
    from sim.report.seizure_layers_section import compare_console_lines

    for line in compare_console_lines(out, lang):  # (with smuggling groups: detection shares)
        console.print(line, highlight=False, soft_wrap=True, markup=False)
    payback(res, args, out, notes, lambda line: console.print(
        line, highlight=False, soft_wrap=True, markup=False))
    console.file.flush()
    _precision_warnings(res, notes)  # (last, where they are seen)
    from sim.experiment.ran_on import ran_on_lines

    for line in ran_on_lines(out, lang):  # (a comparison on a Dask scheduler's address)
        console.print(line, highlight=False, soft_wrap=True, markup=False)
    _footer(console, out, args, lang, costed="total_cost_per_year" in names)


def _show_json(res: CompareResult, args: argparse.Namespace, out: Path, notes: Notes) -> None:
    """The comparison as JSON on stdout, its notes, the AEO payback's rows and, with a risk
    engine, each option's days and reasons in it; the precision warnings on stderr."""
    from sim.cli_aeo_payback import show as payback
    from sim.cli_warnings import coded
    from sim.experiment.risk_daily_json import folder_daily_json
    from sim.experiment.risk_reasons_json import folder_reasons_json
    from sim.experiment.store import dump_json

    pays = payback(res, args, out, notes, lambda _: None)  # (its rows: in the JSON)
    _precision_warnings(res, notes)
    daily = folder_daily_json(out)  # (with a risk engine: each option's days)
    why = folder_reasons_json(out)  # (and each option's reasons, side by side)
    sys.stdout.write(dump_json({**res.to_json(), "notes": notes.lines,
                                "warning_records": coded(notes.lines),
                                **({} if pays is None else {"aeo_payback": pays}),
                                **({} if daily is None else {"risk_daily": daily}),
                                **({} if why is None else {"risk_reasons": why})},
                               ascii_only=True))


def _say_failures(res: CompareResult, out: Path, lang: str = "en") -> None:
    """Each failed replication on stderr; an option whose every replication failed once;
    in ``lang`` (Chinese: :mod:`sim.cli_zh_failures`)."""
    from sim import cli_zh_failures as zh

    lost = _failed_options(res)
    where = f"{out}/failures.json" if res.path is not None else None
    for f in res.failures:
        if f["option"] not in lost and lang == "zh":
            print(zh.failed_line(f), file=sys.stderr)
        elif f["option"] not in lost:
            print(f"error: option {f['option']} replication {f['replication']} (seed "
                  f"{f['seed']}, scenario {f['scenario']}) failed: {f['error']}", file=sys.stderr)
    for name, first in lost.items():
        n = sum(f["option"] == name for f in res.failures)
        if lang == "zh":
            print(zh.lost_line(name, n, first, where), file=sys.stderr)
            continue
        print(f"error: option {name}: every replication failed ({n}), so it has no figures; "
              f"the first (replication {first['replication']}): {first['error']}"
              + (f" (all in {where})" if where is not None else ""),
              file=sys.stderr)


def _footer(console: Any, out: Path, args: argparse.Namespace, lang: str, costed: bool) -> None:
    """Where the results are and what to open next (``costed``: a scenario with [costs])."""
    if lang == "zh":
        from sim.cli_zh import footer

        for line in footer(str(out)):
            console.print(line, highlight=False, soft_wrap=True, markup=False)
        return
    console.print(f"results: {out}" + ("" if args.no_report else f"  (report: {out}/report.html)"),
                  highlight=False, soft_wrap=True, markup=False)
    console.print(f"one workbook for Excel or WPS (headline figures, intervals, paired "
                  f"differences): {bordersim_line('workbook', out)}", highlight=False,
                  soft_wrap=True, markup=False)
    if costed:
        console.print(f"business case over years (set-up costs, NPV, payback, cost per hour "
                      f"saved): {bordersim_line('appraise', out)}", highlight=False,
                      soft_wrap=True, markup=False)


def _notes(res: CompareResult, notes: Notes) -> None:
    """On stderr (and kept for the JSON): the comparison's notes and warnings (see
    :func:`sim.experiment.compare_notes.compare_notes`, where the Python API reads them)."""
    from sim.experiment.compare_notes import compare_notes

    for line in compare_notes(res):
        notes.add(line)


def _failed_options(res: CompareResult) -> dict[str, dict[str, Any]]:
    """Options none of whose replications finished -> their first failure."""
    finished = set(res.per_rep["option"]) if "option" in res.per_rep else set()
    out: dict[str, dict[str, Any]] = {}
    for f in sorted(res.failures, key=lambda f: f["replication"]):
        if f["option"] not in finished:
            out.setdefault(f["option"], f)
    return out


def _precision_warnings(res: CompareResult, notes: Notes) -> None:
    """On stderr: each (option, metric) whose interval is wider than --precision asks for
    after --max-reps replications (also in compare.json, under ``warnings``)."""
    for w in res.meta.get("warnings", []):
        notes.add(f"warning: {w}")


def header(res: CompareResult, lang: str = "en") -> str:
    """The comparison's first lines: its scenario, window, replications and options."""
    m = res.meta
    opts = "; ".join(f"{o.name} = {o.label()}" for o in res.options)
    if lang == "zh":
        from sim.cli_zh import compare_header

        return compare_header(m, [(o.name, o.label()) for o in res.options])
    return (
        f"Scenario {m['scenario']}: {m['days']} observed days after {m['warmup_days']} days of "
        f"warm-up (drain up to {m['drain_days']} days); {m['reps']} replication(s) per option, "
        f"root seed {m['seed']} (the same seeds in every option); bordersim {m['version']}."
        + (f" Money in {m['money']}." if m.get("money") else "")
        + f"\nOptions: {opts}"
    )


def _fmt(x: float) -> str:
    if math.isnan(x):
        return "–"
    return unsigned_zero(x)


def _shown(x: float, hours: bool = False) -> str:
    """A number as the table shows it; ``hours``: a time, small ones in seconds
    (:mod:`sim.cli_times`)."""
    from sim.cli_times import time_value

    return time_value(x, _fmt) if hours else _fmt(x)


def unsigned_zero(x: float) -> str:
    """A finite number as tables show it (3 decimals below 10, 2 below 1000, then whole
    with thousands separated), a rounded zero without its sign ("0.000", not "-0.000"); a
    number too small for 3 decimals with two significant digits ("0.00021", not "0.000":
    a difference shown as 0 beside a significance mark reads as a contradiction; below
    10^-5 as a power of ten, as the report does)."""
    if 1e-9 < abs(x) < 0.0005:  # (below 1e-9: float rounding, shown as 0)
        from sim.report.numbers import tiny

        return tiny(x)
    if abs(x) >= 1000:
        text = f"{x:,.0f}"
    else:
        text = f"{x:.3f}" if abs(x) < 10 else f"{x:.2f}"
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def _ci(low: float, high: float, raw: tuple[float, float] | None = None,
        hours: bool = False) -> str:
    """An interval's ends as the table shows them; ``raw``: the uncut t-interval, whose ends
    that ``low``/``high`` cut are marked (:data:`sim.report.numbers.CUT`); ``hours``: an
    interval of times, in seconds where both ends are small (:mod:`sim.cli_times`)."""
    from sim.cli_times import time_bounds
    from sim.report.numbers import cut_marks, interval_bounds

    if math.isnan(low) or math.isnan(high):
        return "–"
    marks = cut_marks(raw, (low, high)) if raw is not None else ("", "")
    ends = (time_bounds(low, high) if hours else None) or interval_bounds(low, high, _fmt)
    return " to ".join(end + mark for end, mark in zip(ends, marks, strict=True))


def _shown_ci(row: Mapping[Any, Any], hours: bool = False) -> str:
    """A summary's or difference's row's interval as shown, its cut ends marked
    (``hours``: of times, see :func:`_ci`)."""
    return _ci(float(row["shown_low"]), float(row["shown_high"]),
               (float(row["ci_low"]), float(row["ci_high"])), hours)


def table_rows(res: CompareResult) -> tuple[str, ...]:
    """The table's rows: :data:`TABLE_METRICS`, each pooled clearance row followed by its
    imports' and exports', the risk engine's figures (with one) before the detection rate
    and detection by illicit type after it, the smuggling rows after ``value_slipped``
    (with smuggling in the scenario), the overhead per declaration after the agencies' cost
    per declaration (where some option has overhead), the organisation's (with one) and the
    rows of the ports options touch and of the lanes they size or load (utilisation, queue,
    wait); rows the comparison lacks are skipped."""
    from sim.experiment.metric_names import (
        class_rows,
        era_rows,
        kind_rows,
        lane_rows,
        measured,
        organisation_rows,
        risk_rows,
        route_detection_rows,
        smuggling_rows,
        touched_ports,
        with_directions,
    )
    from sim.report.headline_overhead import METRIC as OVERHEAD
    from sim.report.headline_overhead import has_overhead

    names = set(res.summary["metric"]) if "metric" in res.summary else set()
    out: list[str] = []
    seen = measured(res.summary)
    for m in with_directions(TABLE_METRICS, names):
        if m == "detection_rate":  # (the risk engine's own figures after what customs sees)
            out += risk_rows(seen)
        out.append(m)
        if m == "detection_rate":  # (over every route, then by type, where measured)
            out += route_detection_rows(seen) + kind_rows(seen)
        if m == "value_slipped":
            out += smuggling_rows(names)
        if m == "agency_cost_per_consignment" and has_overhead(res.summary):
            out.append(OVERHEAD)  # (costs of no port shared over the declarations)
    ports = touched_ports(res.options)
    keys = [k for o in res.options for k in o.overrides]
    classes = class_rows(keys)  # (a class mix moved)
    lanes = lane_rows(keys)  # (the lanes the options size or load: their queues)
    eras = era_rows(seen, out)  # (the periods some replication measured)
    rows = [*out, *eras, *smuggling_rows(names), *organisation_rows(names), *ports, *lanes,
            *classes]  # fmt: skip
    return tuple(dict.fromkeys(rows))


#: below this many columns the table stacks each interval under its mean (a projector's
#: 80-column terminal would otherwise squeeze the names to a few letters)
NARROW = 120


#: what the star means, in one sentence (:func:`sim.experiment.compare._holm_by_metric`):
#: each option's paired difference is tested with a two-sided t test (its p-value read off the
#: interval shown, :func:`sim.analysis.paired.interval_p_value`), Holm's step-down correction
#: runs over the options of one metric at a time, never over the metrics
SIGNIFICANT_NOTE = (
    "* significant: a two-sided paired t-test of the difference from the baseline rejects "
    "'no change' at the {level} % level, Holm-adjusted for the number of options but not "
    "for the number of metrics, so among many metrics a few are starred by chance (and, as "
    "the intervals are each difference's own, uncorrected, an interval clear of 0 may lack "
    "the star)"
)


def _level() -> str:
    """The significance level as a percentage (``5``), from the one the test uses."""
    from sim.experiment.compare import ALPHA

    return f"{ALPHA * 100:g}"


def _empty_table(narrow: bool, lang: str = "en") -> Table:
    """The comparison table's title, caption and columns (``narrow``: intervals stacked;
    ``lang`` ``zh``: in Chinese, :mod:`sim.cli_zh`)."""
    from rich.table import Table

    if lang == "zh":
        from sim.cli_zh import compare_table

        return compare_table(narrow)
    t = Table(title="Options vs baseline: mean and 95 % CI; difference paired (same seeds)",
              caption=SIGNIFICANT_NOTE.format(level=_level())
              + "; ! not steady-state (the option or the baseline warned)")
    cols: tuple[tuple[str, str], ...] = (
        ("option", "left"), ("mean", "right"), ("95 % CI", "right"), ("diff.", "right"),
        ("95 % CI (paired)", "right"), ("", "left"),
    )
    if narrow:
        cols = (("option", "left"), ("mean\n95 % CI", "right"),
                ("diff.\n95 % CI (paired)", "right"), ("", "left"))
    for col, just in cols:
        t.add_column(  # (a metric's name folds onto more lines rather than lose its end)
            col, justify=just, no_wrap=col != "option", overflow="fold",  # type: ignore[arg-type]
            min_width=24 if col == "option" and narrow else None,
        )
    return t


def table(
    res: CompareResult, metrics: tuple[str, ...] = TABLE_METRICS, narrow: bool = False,
    lang: str = "en",
) -> Table:
    """Per metric and option: mean and 95 % CI (clipped to what is possible) and difference;
    ``narrow``: each interval under its number, in half the width; ``lang``: its words'."""
    from sim import cli_zh
    from sim.experiment.compare import shown_unit
    from sim.experiment.metric_names import note

    zh = lang == "zh"
    t = _empty_table(narrow, lang)
    s = {(r["metric"], r["option"]): r for r in res.summary.to_dict("records")}
    d = {(r["metric"], r["option"]): r for r in res.differences.to_dict("records")}
    runs = res.per_rep["option"].value_counts().to_dict() if "option" in res.per_rep else {}
    empty = []  # (asked for, but no replication of any option measured it: one line)
    cut = False  # (whether some interval shown is cut: its mark's footnote)
    for metric in metrics:
        unit = next((r["unit"] for k, r in s.items() if k[0] == metric), None)
        if unit is None:
            continue
        if not any(int(s[(metric, n)]["n"]) for n in res.names if (metric, n) in s):
            empty.append(metric)
            continue
        unit = shown_unit(str(unit), res.meta.get("currency"))  # (the scenario's own: USD)
        means = [s[(metric, n)]["mean"] for n in res.names if (metric, n) in s]
        least = min((float(x) for x in means if x is not None), default=None)
        t.add_row(cli_zh.compare_metric(metric, unit, note(metric, least)) if zh
                  else f"[bold]{metric}[/] ({unit}){note(metric, least)}")
        for name in res.names:
            a = s.get((metric, name))
            if a is not None:
                ran = int(runs.get(name, 0))
                cut |= _option_row(t, res, name, (a, d.get((metric, name))), ran, narrow, zh,
                                   hours=unit == "hours")
    if empty:  # (a port without exports, say: a row of blanks per option would say less)
        t.add_row(f"[dim]任何重复运行均未测得：{'、'.join(empty)}[/]" if zh
                  else f"[dim]measured in no replication: {', '.join(empty)}[/]")
    if cut:  # (the mark's footnote, only where some interval shown is cut)
        _note_cut(t, zh)
    return t


def _option_row(
    t: Table, res: CompareResult, name: str, rows: tuple[dict[Any, Any], dict[Any, Any] | None],
    ran: int, narrow: bool, zh: bool, hours: bool = False,
) -> bool:
    """An option's row of a metric in :func:`table` (``rows``: its summary row and its
    difference row, if any; ``ran``: its replications; ``hours``: the metric is a time in
    hours, small ones shown in seconds); whether an interval shown is cut."""
    from sim import cli_zh
    from sim.model.stability import flagged
    from sim.report.numbers import CUT

    a, diff = rows
    mark, dm, dci = "", "", ""
    if diff is not None and name != "baseline":
        dm = _shown(float(diff["mean"]), hours)
        dci = _shown_ci(diff, hours)
        mark = ("*" if diff["significant"] else "") + (
            "!" if flagged(diff["steady_state"]) else ""
        )
    n = int(a["n"])
    some = f" (from {n} of {ran} reps)" if n < ran else ""  # (a port it never saw)
    cells = [_shown(float(a["mean"]), hours), _shown_ci(a, hours), dm, dci]
    cut = any(CUT in c for c in cells)
    if zh:
        cells = [c.replace(" to ", " 至 ") for c in cells]
        dci = cells[3]
    if narrow:
        cells = [f"{cells[0]}\n{cells[1]}", f"{dm}\n{dci}" if dm else ""]
    label = "  " + name + (" (unstable)" if res.unstable(name) else "") + some
    t.add_row(
        cli_zh.option(name, res.unstable(name), n, ran) if zh else label,
        *cells, mark, end_section=name == res.names[-1],
    )
    return cut


def _note_cut(t: Table, zh: bool) -> None:
    """The cut mark's footnote under ``t``'s caption (:data:`sim.report.numbers.CUT_NOTE`)."""
    from sim.cli_zh import CUT_NOTE_ZH
    from sim.report.numbers import CUT_NOTE

    t.caption = f"{t.caption}\n{CUT_NOTE_ZH if zh else CUT_NOTE}"


def interaction_table(res: CompareResult, metrics: tuple[str, ...] = TABLE_METRICS,
                      lang: str = "en") -> Table:
    from rich.table import Table

    from sim.analysis.stats import is_quantile
    from sim.experiment.compare import QUANTILE_INTERACTION

    t = Table(title="Interactions: (A+B) - A - B + baseline (0 when effects add up)",
              caption=f"\u2020 {QUANTILE_INTERACTION}")
    cols = ("option", "metric", "interaction", "95 % CI")
    if lang == "zh":
        from sim.cli_zh import INTERACTIONS

        t = Table(title=INTERACTIONS[0], caption=INTERACTIONS[1])
        cols = INTERACTIONS[2:]
    for col in cols:
        t.add_column(col)
    for r in res.interactions.to_dict("records"):
        if r["metric"] in metrics:
            mark = " \u2020" if is_quantile(str(r["metric"])) else ""
            ci = _ci(float(r["ci_low"]), float(r["ci_high"]))
            t.add_row(str(r["option"]), str(r["metric"]) + mark, _fmt(float(r["mean"])),
                      ci.replace(" to ", " 至 ") if lang == "zh" else ci)
    return t


def _note_quantile_interactions(res: CompareResult, notes: Notes) -> None:
    """A quantile's interaction whose interval excludes 0 reads as an interaction found:
    a note says why it is not one (see :func:`sim.experiment.compare_notes.quantile_notes`)."""
    from sim.experiment.compare_notes import quantile_notes

    for line in quantile_notes(res):
        notes.add(line)
