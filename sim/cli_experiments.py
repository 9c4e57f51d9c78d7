"""The ``bordersim sweep`` and ``bordersim warmup`` subcommands (wired into :mod:`sim.cli`).

    bordersim sweep [SCENARIO] --param KEY=v1,v2,... [--param ...] [--grid] --reps R
    bordersim sweep [SCENARIO] --lhs N --range KEY=LO:HI [--range ...] --reps R
    bordersim sweep [SCENARIO] --sobol N --range KEY=LO:HI [--range ...] --metric NAME
    bordersim warmup [SCENARIO] [--days D] [--reps R]

Like the rest of the command, only the standard library is imported at start-up.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sim.cli import (
    Notes,
    UsageError,
    _add_executor,
    _add_settings,
    _default_out,
    _executor,
    _key,
    _load,
    _positive_int,
    _seed,
    add_show,
    lock_out,
    out_path,
    shown_rows,
)

SWEEP_METRICS = (
    "clearance_h_mean",
    "clearance_h_p90",
    "overall_clearance_h_mean",
    "overall_clearance_h_p90",
    "released_within_24h",
    "consignments_released",
)

SOBOL_METRIC = "overall_clearance_h_mean"


def _values(text: str) -> tuple[str, list[Any]]:
    """``KEY=v1,v2,...``; each value read as TOML (a bare word is a string)."""
    key, sep, raw = text.partition("=")
    key = _key(key)
    if not sep or not key or not raw.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=v1,v2,..., e.g. days=7,14; got {text!r}")
    try:
        values = tomllib.loads(f"v = [{raw}]")["v"]
    except tomllib.TOMLDecodeError:  # bare words among them: each value read on its own
        from sim.experiment.options import read_value
        from sim.reforms.compose import split_top

        values = [read_value(v) if v.strip() else "" for v in split_top(raw, ",")]
    if not values or any(v == "" for v in values):
        raise argparse.ArgumentTypeError(f"an empty value in {text!r}")
    return key, list(values)


def _range(text: str) -> tuple[str, Any]:
    from sim.experiment.sweep import parse_range

    key, sep, raw = text.partition("=")
    key = _key(key)
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=LOW:HIGH, e.g. days=7:14; got {text!r}")
    try:
        return key, parse_range(raw, key)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{key}: {exc}") from None


def add_parsers(sub: Any) -> None:
    """Add ``sweep`` and ``warmup`` to the ``bordersim`` subcommands."""
    _add_sweep_parser(sub)
    _add_warmup_parser(sub)


def _add_sweep_design(sw: Any) -> None:
    """The points a sweep runs: listed values, a grid, a Latin hypercube or a Sobol
    sample, with their ranges, metrics and sample seed."""
    sw.add_argument(
        "--param",
        dest="params",
        type=_values,
        action="append",
        default=[],
        metavar="KEY=v1,v2,...",
        help="a parameter (dotted field path, or REFORM:STRENGTH for a library reform's "
        "strength, e.g. single_window:uptake) and its values; without --grid the points "
        "are the values taken in order (every --param the same number of values)",
    )
    sw.add_argument("--grid", action="store_true", help="every combination of the --param values")
    sw.add_argument(
        "--lhs",
        type=_positive_int,
        metavar="N",
        help="N Latin-hypercube points (at most 10,000), screened by partial rank correlation "
        "(prcc.csv): k ranges need about k+43 points to tell a PRCC of 0.3 from 0",
    )
    sw.add_argument(
        "--sobol",
        type=_positive_int,
        metavar="N",
        help="Sobol indices from N base points (N*(k+2) runs per replication for k ranges; "
        "N at most 10,000)",
    )
    sw.add_argument(
        "--range",
        dest="ranges",
        type=_range,
        action="append",
        default=[],
        metavar="KEY=LO:HI",
        help="a parameter range for --lhs/--sobol (a field, or REFORM:STRENGTH): 0.1:0.4 "
        "gives reals, 2:6 whole numbers "
        "(reals where the field is a share, a time or a rate), '10:30 min' or 1:3/h values "
        "with a unit (once, after the high end)",
    )
    sw.add_argument(
        "--metric",
        metavar="METRIC[,METRIC...]",
        help="the metric whose Sobol indices --sobol estimates, or the metrics whose partial "
        f"rank correlations --lhs prints (default {SOBOL_METRIC}; `bordersim check "
        "SCENARIO --metrics` lists them)",
    )
    sw.add_argument("--sample-seed", type=_seed, default=0, help="seed of the LHS / Sobol sample")


def _add_sweep_parser(sub: Any) -> None:
    sw = sub.add_parser(
        "sweep",
        help="run a scenario at many parameter values (a list, a grid, a Latin hypercube) "
        "or estimate Sobol sensitivity indices",
    )
    sw.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO")
    _add_sweep_design(sw)
    sw.add_argument(
        "--reps", type=_positive_int, default=3, help="replications per point (default 3)"
    )
    sw.add_argument("--seed", type=_seed, default=1, help="root seed, 0 or more (default 1)")
    sw.add_argument("--days", type=float, help="observed days (overrides the scenario's days)")
    _add_settings(sw)
    sw.add_argument(
        "--out",
        type=out_path,
        help="results folder (default: a new results/sweep-<scenario>-<time>); rerunning into "
        "the same folder resumes",
    )
    from sim.cli_sweep_observed import add_sweep_observed

    add_sweep_observed(sw)
    sw.add_argument("--json", action="store_true", help="print only JSON on stdout")
    sw.add_argument(
        "--json-object",
        action="store_true",
        help="print only JSON on stdout, as an object: the points (with --sobol: the indices) "
        "under points (indices), beside notes and warning_records, as run and compare give "
        "them (--json alone prints the bare list)",
    )
    _add_executor(sw)
    add_show(sw)
    from sim.cli_lang import add_lang
    from sim.cli_warnings import add_fail_on

    add_fail_on(sw)
    add_lang(sw)  # (the tables, notes and warnings of every design; --json stays English)


def _add_warmup_parser(sub: Any) -> None:
    wu = sub.add_parser(
        "warmup",
        help="suggest a warm-up (whole weeks) from pilot runs with MSER-5",
    )
    wu.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO")
    wu.add_argument(
        "--days", type=_positive_int, default=56,
        help="pilot length in days (default 56; at most 18,262: the pilot drains as long again)"
    )
    wu.add_argument("--reps", type=_positive_int, default=3, help="pilot replications (default 3)")
    wu.add_argument("--seed", type=_seed, default=1, help="root seed, 0 or more (default 1)")
    wu.add_argument(
        "--output",
        choices=("clearance", "queue"),
        default="clearance",
        help="daily series: mean overall clearance of the day's arrivals (default), or mean "
        "queue length",
    )
    wu.add_argument("--batch", type=_positive_int, default=5, help="MSER batch size (default 5)")
    wu.add_argument("--plot", type=Path, help="write the running means as PNG here")
    _add_settings(wu)
    wu.add_argument("--json", action="store_true", help="print only JSON on stdout")
    _add_executor(wu)
    from sim.cli_lang import add_lang

    add_lang(wu)  # (the suggestion's lines and the warnings; --json stays English)


def _sweep_out(scenario: Any, args: argparse.Namespace) -> Path:
    """The sweep's folder, held for it alone (see :func:`sim.cli.lock_out`)."""
    if args.out is not None:
        return lock_out(Path(args.out), "sweep")
    named = scenario.model_copy(update={"name": f"sweep-{scenario.name}"})
    return lock_out(_default_out(named), "sweep")


def _check_sweep_args(args: argparse.Namespace) -> None:
    """One way of choosing points: --param values (a list or --grid), or --lhs/--sobol with
    --range."""
    modes = [m for m in ("lhs", "sobol") if getattr(args, m) is not None]
    if len(modes) > 1:
        raise UsageError("choose one of --lhs and --sobol")
    if modes and args.params:
        raise UsageError(f"--param cannot be combined with --{modes[0]} (give --range instead)")
    if modes and args.grid:
        raise UsageError(f"--grid cannot be combined with --{modes[0]}")
    if modes and not args.ranges:
        raise UsageError(f"--{modes[0]} needs at least one --range KEY=LO:HI")
    if not modes and args.ranges:
        raise UsageError("--range needs --lhs N or --sobol N")
    if args.metric is not None and not modes:
        raise UsageError(
            f"--metric {args.metric} needs --sobol or --lhs: it names the metric whose Sobol "
            "indices or partial rank correlations are estimated (any other sweep records "
            "every metric)"
        )
    if args.sobol is not None and args.metric is not None and "," in args.metric:
        raise UsageError(
            f"--metric {args.metric}: --sobol takes one metric; give the others one by one, "
            "each with the same command and --out: the points already run are used again, "
            "nothing is simulated"
        )
    if not modes and not args.params:
        raise UsageError("nothing to sweep: give --param KEY=v1,v2,... or --lhs/--sobol N --range")
    for flag, given in (("--param", args.params), ("--range", args.ranges)):
        keys = [key for key, _ in given]
        twice = [key for i, key in enumerate(keys) if key in keys[:i]]
        if twice:
            raise UsageError(f"{flag} {twice[0]} is given twice; give each parameter once")
    _check_points_once(args)
    _check_sample_size(args)


def _check_points_once(args: argparse.Namespace) -> None:
    """No --param point twice: a value given twice in a list (alone or with --grid), or the
    values taken in order alike at two points (it would run one point twice)."""
    if not args.params:
        return
    if args.grid or len(args.params) == 1:
        for key, values in args.params:
            again = next((v for i, v in enumerate(values) if _alike(v, values[:i])), None)
            if again is not None:
                raise UsageError(
                    f"--param {key}: the value {again!r} is given twice (its points would "
                    "run twice); give each value once"
                )
        return
    points = list(zip(*(values for _, values in args.params), strict=False))
    for i, point in enumerate(points):
        j = next((j for j, p in enumerate(points[:i]) if all(map(_same, p, point))), None)
        if j is not None:
            keys = [key for key, _ in args.params]
            shown = ", ".join(f"{k}={v!r}" for k, v in zip(keys, point, strict=True))
            raise UsageError(
                f"--param: points {j} and {i} are the same ({shown}); give each point once"
            )


def _same(a: Any, b: Any) -> bool:
    """``a`` and ``b`` are one value (``3`` and ``3.0``; ``true`` is not ``1``)."""
    return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)


def _alike(value: Any, earlier: list[Any]) -> bool:
    return any(_same(value, e) for e in earlier)


def _check_sample_size(args: argparse.Namespace) -> None:
    """--lhs N and --sobol N at most MAX_SAMPLE (before anything is sampled or written)."""
    from sim.experiment.sweep import MAX_SAMPLE

    for mode, what in (("lhs", "points"), ("sobol", "base points")):
        n = getattr(args, mode)
        if n is not None and n > MAX_SAMPLE:
            raise UsageError(f"--{mode} {n}: at most {MAX_SAMPLE:,} {what}; give a smaller N")


def _check_swept_once(args: argparse.Namespace, overrides: dict[str, Any]) -> None:
    """A field swept by --param or --range that --set or --days also gives (itself, inside
    a table, or inside the swept table) is an error: the swept values would win, unseen."""
    from sim.scenario.patch import fields_set

    for key, _ in [*args.params, *args.ranges]:
        for given, value in overrides.items():
            fields = dict(fields_set(given, value))
            if key in fields or any(f.startswith(key + ".") for f in fields):
                by = "--days" if given == "days" and args.days is not None else "--set"
                raise UsageError(
                    f"{key} is swept, and {by} gives {given} = {value!r} too; give it one way"
                )


def _check_range_ends(path: Any, overrides: dict[str, Any], ranges: list[Any]) -> None:
    """Each end of each --range is a value the scenario allows (else a sampled point would
    fail later, naming a value the user never wrote)."""
    from sim.scenario.loader import ScenarioError, load_scenario

    for key, r in ranges:
        for end, x in (("low", r.low), ("high", r.high)):
            try:
                load_scenario(path, {**overrides, key: r.setting(x)}, "command line")
            except ScenarioError as exc:
                raise UsageError(
                    f"--range {key}: its {end} end, {r.setting(x)!r}, is not allowed: {exc}"
                    + _unit_hint(path, overrides, key, r)
                ) from None


def _unit_hint(path: Any, overrides: dict[str, Any], key: str, r: Any) -> str:
    """For a range written without a unit over a rate or a duration (its low end with
    ``/h`` or ``h`` would be allowed): how to write it, its unit once after the high end."""
    from sim.scenario.loader import ScenarioError, load_scenario

    if r.unit is not None:
        return ""
    kinds = (("/h", "a rate", "/min, /h, /d ..."), (" min", "a duration", "s, min, h, d or w"))
    for unit, what, units in kinds:
        try:
            load_scenario(path, {**overrides, key: f"{r.low:g}{unit}"}, "command line")
        except ScenarioError:
            continue
        return (f"; {key} is {what}: give the range its unit once, after the high end, as in "
                f"--range {key}={r.low:g}:{r.high:g}{unit} ({units})")
    return ""


def _checked_sweep(args: argparse.Namespace) -> tuple[Any, Any, dict[str, Any]]:
    """Everything a sweep checks before its folder is made and anything runs: its
    arguments, reform keys, ranges, shown metrics and Sobol or LHS metrics. Returns the
    scenario with the common settings, its path and those settings."""
    from sim.scenario.loader import default_scenario_path

    _check_sweep_args(args)
    from sim.cli import settings_with_days
    from sim.cli_lang import chosen

    args.lang = chosen(args)

    overrides = settings_with_days(args)
    _check_swept_once(args, overrides)
    from sim.cli_sweep_reforms import check_reform_keys, field_ranges

    check_reform_keys(args)  # (a reform's strength: the reform, the strength, the values)
    base = _load(args.scenario, overrides, Notes(args.lang))  # (the file, the common --set)
    path = args.scenario or default_scenario_path()
    _check_range_ends(path, overrides, field_ranges(args.ranges))
    try:  # (checked before anything runs)
        args.shown = shown_rows(args, base)
    except UsageError:  # (a metric only a swept value yields, as risk.enabled=true's)
        args.shown = shown_rows(args, base, _swept(path, overrides, args))
    if args.sobol is not None:  # before the results folder is made and anything runs
        from sim.experiment.metric_names import MetricError, check_metrics, metric_names

        args.metric = args.metric or SOBOL_METRIC
        try:
            check_metrics([args.metric], [metric_names(base, path)])
        except MetricError as exc:
            raise UsageError(str(exc)) from None
    if args.lhs is not None:  # (the metrics whose PRCCs are printed; checked before running)
        args.metric = _lhs_metrics(args, base, path, overrides)
    from sim.cli_sweep_observed import check_sweep_observed

    check_sweep_observed(args, base, path)  # (--observed's figures, before anything runs)
    args.warned = []  # (told by the folder as it is opened: see _warner)
    args.json = args.json or args.json_object
    return base, path, overrides


def sweep(args: argparse.Namespace, argv: list[str]) -> int:
    """``bordersim sweep``."""
    from sim.reforms.reform import ReformError
    from sim.scenario.loader import ScenarioError

    base, path, overrides = _checked_sweep(args)
    from sim.experiment.scenario_source import read_source, write_source

    source = read_source(args.scenario)  # (the file's text, just after it was loaded)
    run = {
        "path": path,
        "out": _sweep_out(base, args),
        "command": ["bordersim", *argv],
        "executor": _executor(args),
        "overrides": overrides,
    }
    try:
        code = _sobol(args, **run) if args.sobol is not None else _points(args, **run)
    except ReformError as exc:  # (a reform at a point that sets a swept field, say)
        raise UsageError(str(exc)) from None
    except ScenarioError as exc:  # (at a sampled point: its ends were each allowed alone)
        if args.lhs is None and args.sobol is None:
            raise
        raise UsageError(
            f"{exc.format()}\n  each --range's ends are allowed alone, but not these values "
            "together: narrow the ranges of the fields the message names (their limits "
            "depend on each other), or fix the other fields at values that leave room"
        ) from None
    idle = _note_idle(args, base, _swept(path, overrides, args))
    said = [*args.warned, *getattr(args, "said", []), *(f"note: {m}" for m in idle),
            *_note_flat(args, idle), *_note_sample(args, base)]  # (last, where it is seen)
    from sim.cli_warnings import coded, exit_status, write_records

    write_source(run["out"], source)
    records = coded(said)  # (the points' warnings and the window's notes, coded)
    write_records(run["out"], records)
    _seal_sweep(run["out"], run["command"])
    if args.json:  # (last: its notes and records are all there now)
        _print_sweep_json(args, said, records)
    return code or exit_status(records, args.fail_on)


def _seal_sweep(out: Path, command: list[str]) -> None:
    """Seal the finished sweep's folder again, with what the command added after its store
    sealed it (``prcc.csv``, ``observed.csv``, ``scenario-source.json``, ...): last, once
    every file is written; nothing where the store left no seal (the sweep did not finish)."""
    from sim.experiment.finish_seal import FILE
    from sim.experiment.run_seal import seal_sweep

    if (out / FILE).is_file():
        seal_sweep(out, command)


def _print_sweep_json(args: argparse.Namespace, said: list[str], records: list[Any]) -> None:
    """The sweep's JSON on stdout: its list (``args.json_list``: the name of what it holds,
    and the list), or with ``--json-object`` an object of that list under its name beside
    ``notes`` and ``warning_records``, as ``run --json`` and ``compare --json`` give them
    (and ``observed``, the rows of ``observed.csv``, with ``--observed``)."""
    from sim.experiment.store import dump_json

    name, listed = args.json_list
    printed = {name: listed, "notes": said, "warning_records": records}
    if getattr(args, "observed_rows", None):  # (sweep --observed: observed.csv's rows)
        printed["observed"] = args.observed_rows
    sys.stdout.write(dump_json(printed if args.json_object else listed, ascii_only=True))


def _lhs_metrics(args: argparse.Namespace, base: Any, path: Any, overrides: Any) -> list[str]:
    """``--metric``'s names for ``--lhs`` (default the overall clearance), each one the
    scenario yields at some point."""
    from sim.experiment.metric_names import MetricError, check_metrics, metric_names

    names = [m.strip() for m in (args.metric or SOBOL_METRIC).split(",") if m.strip()]
    known = [metric_names(base, path)]
    try:
        check_metrics(names, known)
    except MetricError:  # (a metric only a swept value yields)
        known += [metric_names(s, path) for s in _swept(path, overrides, args)]
        try:
            check_metrics(names, known)
        except MetricError as exc:
            raise UsageError(str(exc)) from None
    return names


def _note_idle(args: argparse.Namespace, base: Any, swept: list[Any]) -> list[str]:
    """On stderr: --set changes that can have no effect (as run and compare say), and each
    swept key that can have no effect at any of its values (a cap of a risk engine that is
    off): its points then differ in nothing, which must not read as a flat response. What
    acts where a swept value (``swept``: the scenario at each) switches the engine on is
    not noted. Returns the notes."""
    notes = idle_sweep_notes(args, base, swept)
    for message in notes:
        _note(message, args.lang)
    return notes


def _note_flat(args: argparse.Namespace, idle: list[str]) -> list[str]:
    """On stderr: a sweep whose points (or whose points along one swept field, the others
    fixed) load one scenario or give the same figures (:mod:`sim.experiment.sweep_flat`);
    fields ``idle`` notes already named are left to them. Returns the lines printed."""
    from sim.experiment.sweep_flat import flat_notes

    rows, keys = getattr(args, "flat", (None, []))
    if rows is None:  # (a Sobol analysis: its points are no sweep of listed values)
        return []
    said = [k for k in keys if any(f"owe nothing to {k} " in n for n in idle)]
    lines = flat_notes(rows, keys, rows.attrs.get("scenario_hashes"), said)
    for message in lines:
        _note(message, args.lang)
    return [f"note: {message}" for message in lines]


def idle_sweep_notes(args: argparse.Namespace, base: Any, swept: list[Any]) -> list[str]:
    """The notes of :func:`_note_idle` (without ``note: ``), for it and the tests; and each
    swept lane's capacity that no price reaches (:func:`sim.scenario.dormant.unpriced`)."""
    from sim.cli import set_change_notes
    from sim.scenario.dormant import idle_changes

    out = []
    said = [set_change_notes(s, [key for key, _ in args.settings]) for s in [base, *swept]]
    for message in said[0]:
        if all(message in others for others in said[1:]):
            out.append(f"{message} (at every point)")
    keys = dict.fromkeys([*(k for k, _ in args.params), *(k for k, _ in args.ranges)])
    for key in keys:
        whys = [idle_changes(s, [key]) for s in [base, *swept]]
        if key not in ("days", "warmup_days") and all(whys):
            out.append(f"the swept values can have no effect: {whys[0]}; the points' figures "
                       f"owe nothing to {key} (flat by construction, not a measured response)")
    from sim.cli_sweep_reforms import idle_reform_notes
    from sim.scenario.dormant import unpriced

    # (a lane's capacity swept that no price reaches: its cost figures stay flat, which must
    # not read as added officers costing nothing, as a comparison's option notes it)
    out += unpriced(base, [k for k in keys if k not in ("days", "warmup_days")])
    return [*out, *idle_reform_notes(args, base)]


def _note_sample(args: argparse.Namespace, base: Any) -> list[str]:
    """On stderr: what a swept key replaces by setting a rival (a lane's schedule, say),
    then the notes on the window (see :func:`sim.model.window.window_notes`: a warm-up that
    is not whole weeks, too few weeks to check for rising queues, fewer observed days than a
    week, one replication per point); days the sweep varies are its points' own. Returns
    the lines printed."""
    from sim.model.window import window_notes
    from sim.scenario.patch import displaced, scenario_data

    swept = {key: values if len(values) > 1 else values[0] for key, values in args.params}
    swept |= {key: f"{span.low:g}:{span.high:g}" for key, span in args.ranges}
    lines = [f"note: {note} (at every point)" for note in displaced(scenario_data(base), swept)]
    if not {"days", "warmup_days"} & set(swept):
        lines += window_notes(base.warmup_days, base.days, args.reps, points=True)
    from sim.cli_lang import line as said

    for line in lines:
        print(said(line, args.lang), file=sys.stderr)
    return lines


def _warner(args: argparse.Namespace) -> Callable[[str], None]:
    """What tells of a warning from the sweep's folder (resumed in another environment): on
    stderr as the other warnings are, and kept in ``args.warned`` for ``--fail-on`` and
    ``warning-records.json``."""
    from sim.cli_lang import line

    def told(message: str) -> None:
        print(line(f"warning: {message}", args.lang), file=sys.stderr)
        args.warned.append(f"warning: {message}")

    return told


def _note(message: str, lang: str = "en") -> None:
    from sim.cli_lang import line

    print(line(f"note: {message}", lang), file=sys.stderr)


def _sobol(
    args: argparse.Namespace,
    path: Any,
    out: Path,
    command: list[str],
    executor: Any,
    overrides: dict[str, Any],
) -> int:
    """Sobol indices of one metric over the --range parameters."""
    from rich.console import Console

    from sim.cli import _progress
    from sim.cli_lang import chosen
    from sim.experiment.sensitivity import sobol

    total = args.sobol * (len(args.ranges) + 2) * args.reps  # (Saltelli's points)
    try:
        with _progress(Console(stderr=True), "sobol: point x replication", total,
                       lang=chosen(args)) as bar:
            res = sobol(
                path,
                dict(args.ranges),
                args.sobol,
                args.metric,
                args.reps,
                args.seed,
                executor=executor,
                overrides=overrides,
                out=out,
                sample_seed=args.sample_seed,
                command=command,
                on_notice=lambda message: _note(message, args.lang),
                on_done=lambda i, r, m: bar.advance(),
                on_warning=_warner(args),
            )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    args.said = list(getattr(args, "said", []))  # (its warnings are recorded and --fail-on)
    from sim.cli_lang import line

    for warning in res.warnings(args.sobol):
        print(line(f"warning: {warning}", args.lang), file=sys.stderr)
        args.said.append(f"warning: {warning}")
    if args.json:  # (printed once its notes are known: _print_sweep_json)
        args.json_list = ("indices", res.indices.reset_index().to_dict(orient="records"))
        return 0
    _print_sobol(res, args.metric, out, args.lang)
    return 0


def _print_sobol(res: Any, metric: str, out: Path, lang: str) -> None:
    """The Sobol indices of ``metric`` per parameter and the results folder, in ``lang``
    (``zh``: the words of :mod:`sim.cli_zh_sweep`, the columns keep their names)."""
    from sim import cli_zh_sweep as zh

    if lang == "zh":
        print(zh.sobol_title(metric, len(res.runs)))
        print(res.indices.rename_axis("参数").to_string(float_format=lambda x: f"{x:.3f}"))
        print(zh.SOBOL_KEY)
        print(zh.sobol_results(out))
        return
    print(f"Sobol indices of {metric} ({len(res.runs)} runs):")
    print(res.indices.to_string(float_format=lambda x: f"{x:.3f}"))
    print(f"results: {out} (sobol.csv, sobol-replications.csv, sobol.png, sobol.json)")


def _swept(path: Any, overrides: dict[str, Any], args: argparse.Namespace) -> list[Any]:
    """The scenario at each swept value, one parameter at a time (each --param value, each
    --range end), for the metrics they yield; a value the scenario refuses is left to the
    sweep's own error."""
    from sim.scenario.loader import ScenarioError, load_scenario

    settings = [(k, v) for k, values in args.params for v in values]
    settings += [(k, r.setting(x)) for k, r in args.ranges for x in (r.low, r.high)]
    out = []
    for key, value in settings:
        try:
            out.append(load_scenario(path, {**overrides, key: value}, "command line"))
        except ScenarioError:
            continue
    return out


def _design(args: argparse.Namespace) -> Any:
    """The sweep's points: a Latin hypercube, a grid or the listed values."""
    from sim.experiment.sweep import explicit, grid, lhs

    params = dict(args.params)
    try:
        if args.lhs is not None:
            return lhs(dict(args.ranges), args.lhs, args.sample_seed)
        return grid(params) if args.grid else explicit(params)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _points(
    args: argparse.Namespace,
    path: Any,
    out: Path,
    command: list[str],
    executor: Any,
    overrides: dict[str, Any],
) -> int:
    """A sweep over listed values, a grid or a Latin hypercube."""
    from sim.experiment.sweep import summarise_points

    design = _design(args)
    rows = _run_points(args, path, design, (out, command, executor, overrides))
    warned = rows.attrs.get("warnings", {})
    summary = summarise_points(rows, list(design.columns), warned)
    args.flat = (rows, list(design.columns))  # (for the note on points alike: _note_flat)
    from sim.cli import command_reporter
    from sim.cli_sweep_warnings import point_lines, say_grouped

    said = point_lines(warned, design)  # (every point's, for the records; said once each)
    say_grouped(rows.attrs.get("replication_warnings", ()), design, command_reporter(args))
    args.said = [*said, *_check_arrivals(rows, design, out, args.lang)]
    from sim.experiment.metric_names import swept_lane_rows

    lanes = swept_lane_rows(design.columns)  # (the swept lane's own figures)
    usual = [] if args.only else [*SWEEP_METRICS, *lanes]  # (--only: --show's alone)
    metrics = list(dict.fromkeys([*usual, *args.shown]))
    metrics = [m for m in metrics if m in summary.columns]
    screened = _prcc(args, rows, metrics, out) if args.lhs is not None else None
    from sim.cli_sweep_observed import sweep_observed

    if args.json:  # (each point's 95 % intervals too: a script reads no intervals.csv)
        args.json_list = ("points", _json_points(summary, rows, list(design.columns)))
        sweep_observed(args, rows, list(design.columns), out)  # (observed.csv alone)
        return 0
    _print_point_means(args, summary, rows, design, metrics)
    if screened is None:  # (a sampled point 0 is no baseline)
        _print_differences(rows, list(design.columns), metrics, args.lang)
        from sim.experiment.sweep_knee import find_knee, knee_line

        if knee := knee_line(find_knee(summary), args.reps, args.lang):  # (risk.target's)
            print(knee)
    elif args.metric:
        from sim.cli_sweep_tables import print_prcc

        print_prcc(screened, args.metric, len(design), args.lang, metrics)
    sweep_observed(args, rows, list(design.columns), out)  # (the figures against each point)
    _print_files(out, screened is not None, args.lang)
    return 0


def _print_files(out: Path, screened: bool, lang: str) -> None:
    """Where the sweep ran (a Dask scheduler's address) and the files it wrote."""
    observed = (out / "observed.csv").is_file()
    from sim.experiment.ran_on import ran_on_lines

    for line in ran_on_lines(out, lang):  # (a sweep on a Dask scheduler's address)
        print(line)
    if lang == "zh":
        from sim.cli_zh_sweep import results

        print(results(out, screened, observed))
        return
    screening = "prcc.csv: each parameter's PRCC per metric, " if screened else ""
    screening += "observed.csv: the observed figures at each point, " if observed else ""
    if (out / "effects.csv").is_file():
        screening += "effects.csv: each key's effect at every setting of the others, paired, "
    print(f"results: {out} (sweep.csv, summary.csv, intervals.csv: each point's 95 % "
          "intervals, differences.csv: each point against point 0, paired, "
          f"{screening}warnings.json)")


def _print_point_means(
    args: argparse.Namespace, summary: Any, rows: Any, design: Any, metrics: list[str]
) -> None:
    """Each point's means over its replications (with their 95 % half-widths), and a line
    when a queue did not settle at some point."""
    from sim.cli_sweep_tables import means_with_intervals

    zh = args.lang == "zh"
    if zh:
        _print_means_zh(summary, rows, list(design.columns), metrics, args.reps)
    else:
        print(f"{len(design)} point(s) x {args.reps} replication(s); mean over replications"
              f"{' ± its 95 % t half-width' if args.reps > 1 else ''}:")  # fmt: skip
        shown = means_with_intervals(summary, rows, list(design.columns), metrics)
        print(shown.to_string(float_format=lambda x: f"{x:.3f}"))  # (the swept values)
        _print_cut_note(shown)
    if summary["unstable"].any():
        from sim.cli_zh_sweep import UNSTABLE

        print(UNSTABLE if zh else "unstable: a queue did not settle at that point (the "
              "warnings say where): its means are not steady-state")


def _run_points(args: argparse.Namespace, path: Any, design: Any, where: tuple[Any, ...]) -> Any:
    """Run the design's points with a progress bar (``where``: the results folder, the
    command, the executor and the overrides); each replication's metrics, one row each."""
    from rich.console import Console

    from sim.cli import _progress
    from sim.cli_lang import chosen
    from sim.experiment.sweep import sweep as run_sweep

    out, command, executor, overrides = where
    total = len(design) * args.reps
    with _progress(Console(stderr=True), "sweep: point x replication", total,
                       lang=chosen(args)) as bar:
        return run_sweep(
            path,
            design,
            args.reps,
            args.seed,
            executor=executor,
            overrides=overrides,
            out=out,
            command=command,
            on_notice=lambda message: _note(message, args.lang),
            on_done=lambda i, r, m: bar.advance(),
            on_warning=_warner(args),
        )


def _prcc(args: argparse.Namespace, rows: Any, metrics: list[str], out: Path) -> Any:
    """``prcc.csv``: the PRCC of the table's metrics and ``--metric``'s (a metric no run
    measured is noted and left out)."""
    from sim.cli_sweep_tables import write_prcc

    lost = [m for m in args.metric if m not in rows.columns]
    for m in lost:
        _note(f"--metric {m}: no run measured it (a port where nothing was released, say), "
              "so it has no PRCC", args.lang)  # fmt: skip
    args.metric = [m for m in args.metric if m not in lost]
    args.said = list(getattr(args, "said", []))  # (its warnings are recorded and --fail-on)
    return write_prcc(rows, metrics, args.metric, out, args.said, args.lang)


def _print_means_zh(summary: Any, rows: Any, params: list[str], metrics: list[str],
                    reps: int) -> None:
    """The points' means in Chinese (:mod:`sim.cli_zh_sweep`): the same table, its own
    words translated, then a key to the metrics it names."""
    from sim.cli_sweep_tables import means_with_intervals
    from sim.cli_zh_sweep import means_title, metric_key, zh_table

    print(means_title(len(summary), reps))
    shown = zh_table(means_with_intervals(summary, rows, params, metrics, "zh"))
    print(shown.to_string(float_format=lambda x: f"{x:.3f}"))
    _print_cut_note(shown, "zh")
    print(metric_key(metrics))


def _print_cut_note(shown: Any, lang: str = "en") -> None:
    """The cut mark's note under the points' means, when one of them shows an interval cut
    to what is possible (:func:`sim.cli_sweep_tables.cut_note`)."""
    from sim.cli_sweep_tables import cut_note

    if note := cut_note(shown, lang):
        print(note)


def _print_differences(rows: Any, params: list[str], metrics: list[str],
                       lang: str = "en") -> None:
    """Each point's paired difference from point 0 in the shown ``metrics``: mean, 95 %
    interval and a star where Holm's correction over the points finds it significant."""
    import pandas as pd

    from sim.experiment.sweep_pairs import point_differences

    diffs = point_differences(rows, params)
    diffs = diffs[diffs["metric"].isin(metrics)]
    if diffs.empty:
        return
    cells = {
        (int(p), str(m)): ("+" if mean > 0 else "") + f"{_num(mean)} {_span(lo, hi, m)}"
        + (" *" if sig else "")
        for p, m, mean, lo, hi, sig in zip(
            diffs["point"], diffs["metric"], diffs["mean"], diffs["ci_low"],
            diffs["ci_high"], diffs["significant"], strict=True,
        )
    }
    points = sorted({p for p, _ in cells})
    names = [m for m in metrics if any((p, m) in cells for p in points)]
    table = pd.DataFrame([[cells.get((p, m), "") for m in names] for p in points],
                         index=pd.Index(points, name="point"), columns=names)
    if lang == "zh":
        from sim.cli_zh_sweep import DIFFERENCES

        print(DIFFERENCES)
        print(table.rename_axis("扫描点").to_string())
        _print_cut_note(table, lang)
        return
    print("difference from point 0, paired by replication (the same seeds at every point): "
          "mean [95 % interval], * significant after Holm's correction for the points:")
    print(table.to_string())
    _print_cut_note(table)


def _span(low: float, high: float, metric: str) -> str:
    """A difference's interval as shown: ``[low, high]``, a share's cut to -1 and 1 as a
    comparison's, its cut end marked (:data:`sim.report.numbers.CUT`), or ``[no
    interval]`` (one replication)."""
    from sim.experiment.compare import clip_interval
    from sim.report.numbers import cut_marks

    if low != low or high != high:  # (NaN)
        return "[no interval]"
    shown = clip_interval(metric, low, high, difference=True)
    a, b = cut_marks((low, high), shown)
    return f"[{_num(shown[0])}{a}, {_num(shown[1])}{b}]"


def _num(x: float) -> str:
    """Three significant figures, whole numbers from 1,000 on (counts)."""
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.3g}"


def _json_points(summary: Any, rows: Any, params: list[str]) -> list[dict[str, Any]]:
    """Each point's record: its parameters, ``unstable``, its metrics' means,
    ``intervals``: by metric, the 95 % interval of ``intervals.csv`` (null where a point has
    too few replications), and ``differences``: by metric, its paired difference from point
    0 as ``differences.csv`` gives it (point 0's is empty)."""
    from sim.experiment.sweep_pairs import point_differences
    from sim.experiment.sweep_store import point_intervals

    spans = point_intervals(rows, params)
    diffs = point_differences(rows, params)
    out = []
    for record in summary.reset_index().to_dict(orient="records"):
        mine = spans[spans["point"] == record["point"]]
        record["intervals"] = {
            str(m): [_finite(lo), _finite(hi)]
            for m, lo, hi in zip(mine["metric"], mine["ci_low"], mine["ci_high"], strict=True)
        }
        theirs = diffs[diffs["point"] == record["point"]]
        record["differences"] = {
            str(d["metric"]): {k: _finite(d[k]) for k in ("mean", "ci_low", "ci_high", "p_value")}
            | {"significant": bool(d["significant"])}
            for d in theirs.to_dict(orient="records")
        }
        out.append(record)
    return out


def _finite(x: Any) -> float | None:
    """A number for JSON: NaN (no interval, nothing measured) as null."""
    return None if x != x else float(x)


def _check_arrivals(rows: Any, design: Any, out: Path, lang: str = "en") -> list[str]:
    """On stderr: each point at which no consignment arrived in a replication's observed
    days (its figures are blanks); an error, as for ``run``, if nothing arrived at any point
    (the sweep is kept). Returns the lines printed."""
    from sim.experiment.composition import empty_note, empty_runs

    empty = empty_runs(rows, "point")
    if empty and all(n == ran for n, ran in empty.values()) and len(empty) == len(design):
        raise UsageError(
            "no consignment arrived in the observed days at any point of the sweep, so there "
            f"is nothing to summarise; run longer (--days) or check the arrival rates (the "
            f"sweep is kept in {out})"
        )
    from sim.cli_lang import line

    lines = []
    for point, counts in empty.items():
        values = ", ".join(f"{k}={v}" for k, v in design.iloc[int(point)].items())
        lines.append(f"warning (point {point}: {values}): {empty_note(*counts)}")
        print(line(lines[-1], lang), file=sys.stderr)
    return lines


def warmup(args: argparse.Namespace, argv: list[str]) -> int:
    """``bordersim warmup``: run a pilot, print the suggested warm-up in whole weeks."""
    from sim.experiment.store import dump_json
    from sim.experiment.warmup import pilot, plot_warmup, save_suggestion, warmup_warning

    scenario = _load(args.scenario, dict(args.settings))
    try:
        p = pilot(
            scenario,
            args.days,
            args.reps,
            args.seed,
            output=args.output,
            batch=args.batch,
            executor=_executor(args),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    s = p.suggestion
    stored = save_suggestion(s)
    plot = plot_warmup(p, args.plot or stored.with_suffix(".png"))
    warning = warmup_warning(scenario, s)
    from sim.cli_lang import chosen
    from sim.cli_lang import line as said

    lang = chosen(args)
    for doubt in s.warnings:  # (on stderr with --json too: standard output stays JSON)
        print(said(f"warning: {doubt}", lang), file=sys.stderr)
    if args.json:
        sys.stdout.write(
            dump_json(
                {
                    **s.to_dict(),
                    "scenario_warmup_days": scenario.warmup_days,
                    "plot": str(plot),
                    "warning": warning,
                    "saved": str(stored),
                },
                ascii_only=True,
            )  # fmt: skip
        )
        return 0
    _print_suggestion(s, scenario, warning, lang)
    from sim import cli_zh_warmup as zh

    print(f"{zh.SAVED}{stored}" if lang == "zh" else f"saved: {stored}")
    _print_saved(scenario, lang)
    print(f"{zh.PLOT}{plot}" if lang == "zh" else f"running means: {plot}")
    return 0


def _print_suggestion(s: Any, scenario: Any, warning: str | None, lang: str) -> None:
    """The suggested warm-up, how MSER found it and the warning when the scenario's is
    shorter (in ``lang``)."""
    from sim.cli_lang import line as said

    if lang == "zh":
        from sim.cli_zh_warmup import suggestion_lines

        zh = suggestion_lines(s, scenario.warmup_days)
        print("\n".join(zh[:2]))
        if warning:
            print(said(f"warning: {warning}", lang), file=sys.stderr)
        if zh[2:]:
            print(zh[2])
        return
    print(f"suggested warm-up: {s.weeks} week(s) ({s.days} days)")
    print(
        f"MSER-{s.batch} truncation: {s.truncation_days} of {s.pilot_days} pilot days "
        f"(daily {s.output}, longest of series {s.series}, {s.reps} replication(s)); "
        f"scenario warm-up: "
        f"{scenario.warmup_days:g} days"
    )
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    if len(s.truncations) > 1:  # (how much of the longest is noise: their spread)
        each = ", ".join(f"{k} {v}" for k, v in s.truncations.items())
        print(f"each series' truncation (days): {each}; the suggestion takes the longest, so "
              "a flat series' noise can set it: a second pilot seed shows how much")


def _print_saved(scenario: Any, lang: str = "en") -> None:
    """The suggestions saved for this scenario (each pilot seed and output), the longest of
    which ``run`` and ``compare`` check the warm-up against."""
    from sim.experiment.warmup_store import saved_suggestions

    damaged: list[str] = []
    saved = saved_suggestions(scenario, damaged=damaged)
    for line in damaged:
        print(line, file=sys.stderr)
    if len(saved) < 2:
        return
    if lang == "zh":
        from sim.cli_zh_warmup import saved_line

        print(saved_line(saved))
        return
    each = ", ".join(f"seed {x.seed} ({x.output}): {x.weeks} week(s)" for x in saved)
    longest = max(x.weeks for x in saved)
    print(f"saved pilots of this scenario: {each}; runs are checked against the longest "
          f"({longest} week(s))")


def check_warmup(
    args: argparse.Namespace, scenario: Any, out: Path, notes: Any = None
) -> list[str]:
    """For ``bordersim run``: warn when the warm-up is shorter than a suggestion.

    A suggestion saved by ``bordersim warmup`` is reused; with ``--check-warmup`` and none saved
    a pilot is run (and saved). Warnings go to stderr and to ``warnings.json`` in ``out``; a
    damaged saved suggestion is skipped with a note (to ``notes``, else to stderr).
    """
    from sim.experiment.store import atomic_write, dump_json
    from sim.experiment.warmup import pilot, save_suggestion
    from sim.experiment.warmup_store import saved_warning

    damaged: list[str] = []
    s, warning = saved_warning(scenario, damaged=damaged)
    for line in damaged:
        if notes is None:
            print(line, file=sys.stderr)
        else:
            notes.add(line)
    if s is None and getattr(args, "check_warmup", False):
        save_suggestion(pilot(scenario, executor=_executor(args)).suggestion)
        s, warning = saved_warning(scenario)
    if s is None or warning is None:
        return []
    from sim.cli_lang import chosen
    from sim.cli_lang import line as said

    print(said(f"warning: {warning}", chosen(args)), file=sys.stderr)
    atomic_write(out / "warnings.json", dump_json({"warnings": [warning], "warmup": s.to_dict()}))
    return [warning]
