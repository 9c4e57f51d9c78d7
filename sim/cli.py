"""The ``bordersim`` command: run a scenario's replications, or check a scenario file.

    bordersim run [SCENARIO] [--reps N] [--seed S] [--days D] [--set KEY=VALUE] [--out DIR] [--json]
    bordersim compare [SCENARIO] --option NAME:KEY=VALUE[,KEY=VALUE] [--reps N | --precision H]
                      [--precision-on differences|levels|both]
    bordersim check [FILE] [--metrics | --explain [NAME ...]]

Scenario problems are reported as ``error: ...`` on stderr with exit status 2, never as a
traceback. With ``--json`` stdout carries nothing but the JSON summary.

Only the standard library is imported at start-up: the model, pandas, pydantic and rich are
imported by the subcommand that needs them, so ``bordersim --help`` answers at once.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import re
import signal
import sys
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sim import cli_signals as stop_signal
from sim.cli_compare import add_compare_parser, run_compare
from sim.cli_signals import redeliver_swallowed
from sim.cli_validation import add_observed, observed_figures, validation_table, write_validation
from sim.shell_line import bordersim_line

if TYPE_CHECKING:
    from rich.table import Table

    from sim.experiment.reporter import Reporter
    from sim.scenario.schema import Scenario

KEY_METRICS = (
    "clearance_h_mean",
    "clearance_h_median",
    "clearance_h_median_goods_import",
    "clearance_h_p90",
    "clearance_h_p95",
    "released_within_24h",
    "declared_to_release_h_mean",
    "overall_clearance_h_mean",
    "overall_clearance_h_mean_goods_import",
    "overall_clearance_h_mean_goods_export",
    "overall_clearance_h_p90",
    "overall_clearance_h_p95",
    "exited_within_24h",
    "consignments_arrived",
    "consignments_released",
    "consignments_seized",
    "consignments_detained",
    "consignments_rejected",
    "consignments_censored",
    "consignments_not_out",
    "inspection_rate",
    "inspection_rate_goods",
    "inspection_rate_aeo_advanced_goods",
    "inspection_rate_discredited_goods",
    "detection_rate",
    "detection_rate_goods",
    "value_slipped",
    "harm_slipped",
    "revenue_evaded",
    "revenue_found_after_release",
    "total_cost_per_consignment",
    "agency_cost_per_consignment",
    "trader_cost_per_consignment",
    "trader_fees_per_consignment",
    "agency_cost_per_year",  # (the agencies' budget: public money)
)


MAX_REPS = 10_000


class UsageError(Exception):
    """A problem with what the user asked for, reported without a traceback (exit 2)."""


class Notes:
    """A command's notes and caveats: each on stderr as it comes (standard output keeps the
    table, or only JSON), and kept, as printed, for the JSON output's ``notes``."""

    def __init__(self, lang: str = "en") -> None:
        self.lines: list[str] = []
        self.lang = lang  # (the console's: the lines kept stay English, see sim.cli_lang)

    def add(self, line: str) -> None:
        """Print ``line`` on stderr (in the console's language) and keep it."""
        from sim.cli_lang import line as said

        print(said(line, self.lang), file=sys.stderr)
        self.lines.append(line)

    def keep(self, lines: list[str], prefix: str = "") -> None:
        """Keep lines already printed on stderr (``prefix`` as they were printed)."""
        self.lines += [prefix + line for line in lines]


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1; got {value}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more; got {value}")
    return value


def _reps(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_REPS:
        raise argparse.ArgumentTypeError(f"at most {MAX_REPS:,} replications; got {value:,}")
    return value


def _key(text: str) -> str:
    """A dotted path as given (quoted names unquoted, as TOML reads them: ``"*"``)."""
    from sim.scenario.keys import KeyProblem, dotted_key

    try:
        return dotted_key(text)
    except KeyProblem as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _setting(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` with VALUE read as a TOML value (a bare word is taken as a string)."""
    key, sep, raw = text.partition("=")
    key = _key(key)
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, e.g. warmup_days=1; got {text!r}")
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    except RecursionError:
        raise argparse.ArgumentTypeError(f"the value of {key[:40]} is nested too deeply") from None
    return key, value


class Parser(argparse.ArgumentParser):
    """A parser that takes option names only in full: argparse would take ``--rep`` for
    ``--reps`` (and ``--out`` for ``warmup --output``), and an option of one value only
    once (see :class:`Once`); each command's parser is one too."""

    #: the language of its usage errors (``zh``: :mod:`sim.cli_zh_usage`)
    lang = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)
        self.register("action", None, Once)
        self.register("action", "store", Once)

    def error(self, message: str) -> NoReturn:
        """argparse's usage error (exit status 2), in Chinese under ``--lang zh``; a
        mistyped command or choice names the one it is near (:mod:`sim.cli_choices`)."""
        from sim.cli_choices import with_near_choice

        message = with_near_choice(message)
        if self.lang == "zh":
            from sim.cli_zh_usage import fail

            fail(self, message)
        super().error(message)


class Once(argparse._StoreAction):
    """An option that takes one value (``--reps``, ``--out``): given twice, it is refused
    naming both values, as ``--set`` of one field twice is, not settled by the last one."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
        option_string: str | None = None,
    ) -> None:
        given: dict[str, str] = namespace.__dict__.setdefault(GIVEN, {})
        text = " ".join(map(_shown_value, values)) if isinstance(values, list) else (
            _shown_value(values))
        if option_string is not None:
            if self.dest in given:
                raise argparse.ArgumentError(
                    self, f"given twice ({given[self.dest]} and {option_string} {text}); "
                    "give it once")
            given[self.dest] = f"{option_string} {text}".rstrip()
        super().__call__(parser, namespace, values, option_string)


#: the namespace attribute in which :class:`Once` keeps the options given (removed after)
GIVEN = "_given_once"


def _shown_value(value: Any) -> str:
    """An option's value as a refusal shows it (``2``, not ``2.0``)."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def out_path(text: str) -> Path:
    """An ``--out`` path: never empty (an empty name would be taken as this folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "an empty name; give a folder or file name, or leave --out out for the default"
        )
    return Path(text)


#: the top-level help's last lines: the language switch, which the commands take (typed
#: before the command or after it), not the top-level parser, so it is in no option list
LANG_EPILOG = (
    "--lang zh (before or after the command: bordersim --lang zh run ...) prints a command's "
    "tables, notes, warnings, errors and --help in Simplified Chinese; --lang en in English. "
    "Set the environment variable BORDERSIM_LANG=zh to make Chinese the default, this help "
    "included. Each command's options: bordersim COMMAND --help."
)


def build_parser() -> argparse.ArgumentParser:
    return _build()[0]


def _build() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The parser and, by name, each command's own parser."""
    parser: argparse.ArgumentParser = Parser(
        prog="bordersim", description="Simulate goods crossing a border (SimPy).",
        epilog=LANG_EPILOG,
    )
    from sim.cli_version import VersionAction  # (the build, worked out only when asked)

    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_run_parser(sub)

    add_compare_parser(sub, _add_settings, _positive_int)
    from sim import cli_org  # the organisation's structures side by side

    cli_org.add_parser(sub, _add_settings)

    from sim.cli_reforms import add_reforms_parser

    add_reforms_parser(sub)

    _add_check_parser(sub)

    from sim import cli_experiments  # sweep and warmup

    cli_experiments.add_parsers(sub)
    from sim import cli_faces  # dashboard, animate, docs

    cli_faces.add_parsers(sub)
    return parser, sub.choices


def _add_check_parser(sub: Any) -> None:
    """``bordersim check``: validate a scenario, or print what it yields or rests on."""
    check = sub.add_parser("check", help="validate a scenario and print it resolved")
    check.add_argument("file", nargs="?", type=Path, metavar="FILE",
                       help="scenario TOML file, or a bundled scenario's name (default: the "
                       "bundled scenarios/default.toml)")
    _add_settings(check)
    check.add_argument(
        "--metrics",
        action="store_true",
        help="print instead the name of every metric its runs yield (those --metric takes), "
        "one a line; NAME<...> stands for names that depend on what a run meets",
    )
    check.add_argument(
        "--explain",
        nargs="*",
        metavar="NAME",
        help="print instead each metric name (every name --metrics lists, or the NAMEs given: "
        "names or patterns such as 'burden_share_*', as --show takes) with its unit and "
        "meaning, tab-separated (docs/metrics.md has them all)",
    )
    check.add_argument(
        "--arrivals",
        action="store_true",
        help="print instead what each port's arrival rates come to: declarations per hour, "
        "day and month, and at the busiest hour of the week, one flow a line",
    )
    check.add_argument(
        "--roster",
        action="store_true",
        help="print instead each lane's servers on duty as shifts, its server-hours a week "
        "and, with [costs], its head-hours and staff cost a week, one lane a line",
    )
    check.add_argument(
        "--changes",
        action="store_true",
        help="print instead each field the file (and its --set) changes of the scenario it "
        "extends, resolved: field, parent's value, child's, the file that set it; "
        "tab-separated under a header; a port added or dropped is one line",
    )
    check.add_argument(
        "--sources",
        nargs="*",
        metavar="FIELD",
        help="print instead where each value comes from, as the file's comments say: field, "
        "value, source or assumption (or command line, for a --set), the comment, the file; "
        "tab-separated, one a line; only the fields under each FIELD given (smuggling, "
        "enforcement.prevalence)",
    )
    from sim.cli_lang import add_lang

    add_lang(check)  # (the notes and errors on stderr; the scenario printed stays as it is)


def _parse(argv: list[str]) -> argparse.Namespace:
    """The command line, parsed; an argument the command does not take is reported with
    that command's usage (argparse alone shows the top-level usage, which lists none)."""
    parser, commands = _build()
    from sim.cli_zh_help import in_chinese, wanted

    if wanted(argv):
        in_chinese(parser, commands)  # (--help's words: BORDERSIM_LANG=zh, or --lang zh)
    from sim import cli_zh_usage

    if cli_zh_usage.wanted(argv):  # (argparse's usage errors)
        for p in (parser, *commands.values()):
            p.lang = "zh"  # type: ignore[attr-defined]
    args, extra = parser.parse_known_args(lang_after_command(argv, commands))
    vars(args).pop(GIVEN, None)
    if extra:
        command = commands[args.command]
        command.error(
            f"unrecognized arguments: {' '.join(extra)}{_did_you_mean(command, extra)}"
        )
    return args


def lang_after_command(argv: list[str], commands: Mapping[str, Any]) -> list[str]:
    """``bordersim --lang zh run ...`` as ``bordersim run --lang zh ...``: the language
    typed before the command is that command's own ``--lang`` (a workshop types it first),
    so it is checked, and refused where the command has none, as it is after it."""
    n = 1 if argv[:1] and argv[0].startswith("--lang=") else 2 if argv[:1] == ["--lang"] else 0
    if n == 0 or len(argv) < n:
        return argv
    if len(argv) == n or argv[n] not in commands:  # (no command, a mistyped one, --help:
        return argv[n:]  # the top-level parser's answer, in the language given)
    return [argv[n], *argv[:n], *argv[n + 1:]]


def _did_you_mean(command: argparse.ArgumentParser, extra: list[str]) -> str:
    """" (did you mean --reforms?)" for an option the command does not take that is close
    to one it does (``--reform``), else ""."""
    import difflib

    options = sorted(command._option_string_actions)
    found = []
    for arg in (a.partition("=")[0] for a in extra if a.startswith("-")):
        close = difflib.get_close_matches(arg, options, n=1, cutoff=0.75)
        if close:
            found.append(f"{close[0]} for {arg}" if len(extra) > 1 else close[0])
    return f" (did you mean {', '.join(found)}?)" if found else ""


def _add_run_parser(sub: Any) -> None:
    """``bordersim run``: replications of a scenario, summarised, into a results folder."""
    run = sub.add_parser("run", help="run replications of a scenario and summarise them")
    run.add_argument(
        "scenario",
        nargs="?",
        type=Path,
        metavar="SCENARIO",
        help="scenario TOML file, or a bundled scenario's name such as guangdong (default: the "
        "bundled scenarios/default.toml)",
    )
    run.add_argument(
        "--reps", type=_reps, default=5, help=f"replications (default 5, at most {MAX_REPS:,})"
    )
    run.add_argument("--seed", type=_seed, default=1, help="root seed, 0 or more (default 1)")
    run.add_argument("--days", type=float, help="observed days (overrides the scenario's days)")
    _add_settings(run)
    run.add_argument(
        "--out",
        type=out_path,
        help="results folder (default: a new results/<scenario>-<YYYYmmdd-HHMMSS>[-N]); "
        "rerunning into the same folder resumes",
    )
    run.add_argument(
        "--log",
        action="store_true",
        help="also write each replication's per-consignment log as Parquet",
    )
    run.add_argument(
        "--json",
        action="store_true",
        help="print only a JSON summary {metric: {mean, ci_low, ci_high}} on stdout",
    )
    _add_executor(run)
    add_show(run)
    add_observed(run)
    from sim.cli_warnings import add_fail_on

    add_fail_on(run)
    from sim.cli_precision import add_precision

    add_precision(run)
    from sim.cli_lang import add_lang

    add_lang(run)
    run.add_argument(
        "--check-warmup",
        action="store_true",
        help="warn if the warm-up is shorter than MSER-5 suggests (runs a pilot unless "
        "bordersim warmup saved a suggestion for this scenario)",
    )


def add_show(parser: argparse.ArgumentParser) -> None:
    """``--show``: more rows for the table on standard output."""
    parser.add_argument(
        "--show",
        action="append",
        type=_metric_list,
        default=[],
        metavar="METRIC[,METRIC...]",
        help="add these metrics to the table (names or patterns such as 'detection_rate_*'; "
        "see bordersim check SCENARIO --metrics; compare also takes those only an option's "
        "scenario yields); every metric is in the results either way",
    )
    parser.add_argument(
        "--only",
        action="store_true",
        help="with --show: the table holds only the metrics --show names, not its usual "
        "rows (every metric is in the results either way)",
    )


def _metric_list(text: str) -> str:
    """A ``--show`` list: no empty item (``--show ,`` or ``a,,b`` is a slip, not nothing)."""
    if any(not item.strip() for item in text.split(",")):
        raise argparse.ArgumentTypeError(
            f"{text!r} has an empty metric name; give names or patterns separated by commas, "
            "e.g. --show 'detection_rate_*,hit_rate_quarantine'"
        )
    return text


def shown_rows(
    args: argparse.Namespace, scenario: Scenario, others: Sequence[Scenario] = ()
) -> list[str]:
    """The metrics ``--show`` asks for, checked against what the scenario's runs yield
    before anything runs, or, failing that, what the runs of any of ``others`` (a
    comparison's options) yield: an option may create a metric, as one that adds a risk
    engine does (a name none can yield: UsageError)."""
    if not args.show:
        if getattr(args, "only", False):
            raise UsageError("--only needs --show METRIC[,METRIC...]: the metrics the table "
                             "is to hold alone")
        return []
    from sim.experiment.metric_names import MetricError, merged, metric_names, shown

    known = metric_names(scenario, args.scenario or "")
    try:
        return shown(args.show, known)
    except MetricError as exc:
        if not others:
            raise UsageError(str(exc)) from None
    try:
        return shown(args.show, merged([known, *(metric_names(s) for s in others)]))
    except MetricError as exc:
        raise UsageError(str(exc)) from None


def _add_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        dest="settings",
        type=_setting,
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override any scenario field by dotted path (repeatable)",
    )


def _check_settings(args: argparse.Namespace) -> None:
    """Refuse a field that the ``--set`` options set twice (the last would win unseen), the
    Dask executor where Dask is not installed, and a Dask scheduler (``--dask``) that cannot
    be reached."""
    from sim.scenario.loader import ScenarioError
    from sim.scenario.patch import set_twice

    twice = set_twice(getattr(args, "settings", None) or [])
    if twice:
        raise ScenarioError([("command line", *twice)])
    if getattr(args, "executor", None) == "dask" or getattr(args, "dask", None):
        from sim.experiment.extras import dask_missing

        if why := dask_missing():  # (an optional extra, checked before anything is written)
            raise UsageError(why)
    if getattr(args, "dask", None):  # (reached before any folder is made or written)
        from sim.experiment.executors import reach

        reach(args.dask)


def _add_executor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--executor",
        choices=("serial", "processes", "dask"),
        help="where replications run: serial (default), local processes, or Dask",
    )
    parser.add_argument(
        "--workers", type=_positive_int, help="processes or local Dask workers (default: CPUs)"
    )
    parser.add_argument(
        "--dask",
        type=_dask_address,
        metavar="ADDRESS",
        help="run on the Dask scheduler at ADDRESS (implies --executor dask)",
    )


def _dask_address(text: str) -> str:
    from sim.experiment.executors import check_address

    try:
        return check_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _executor(args: argparse.Namespace) -> Any:
    """The executor asked for by ``--executor``, ``--workers`` and ``--dask``."""
    from sim.experiment.executors import get_executor

    name = args.executor or ("dask" if args.dask else "serial")
    if args.dask and name != "dask":
        raise UsageError(f"--dask needs --executor dask (got --executor {name})")
    if args.workers is not None and name == "serial":
        raise UsageError(
            f"--workers {args.workers} is for --executor processes or dask; without, the "
            "replications run one at a time: add --executor processes (or leave --workers out)"
        )
    return get_executor(name, workers=args.workers, address=args.dask,
                        reporter=command_reporter(args))


def command_reporter(args: argparse.Namespace) -> Reporter:
    """The :class:`~sim.experiment.reporter.Reporter` of this command's ``--lang`` (English
    without one): it says the experiment layer's stderr lines (a resumed folder, a Dask
    scheduler waiting for workers, a worker that left, the command interrupted)."""
    from sim.experiment.reporter import Reporter

    return Reporter(getattr(args, "lang", None) or "en")


def _load(
    path: Path | None, overrides: dict[str, Any], notes: Notes | None = None
) -> Scenario:
    from sim.scenario.loader import default_scenario_path, load_scenario

    if path is None:
        path = default_scenario_path()
        if not path.exists():
            raise UsageError(
                f"no SCENARIO given and the bundled default {path} does not exist; "
                "name a scenario file"
            )
    elif not path.exists() and not path.is_symlink():  # (a broken link: the loader says why)
        from sim.scenario.loader import missing_scenario

        raise UsageError(missing_scenario(path))
    elif path.is_dir():
        raise UsageError(f"{path} is a folder, not a scenario file")
    scenario = load_scenario(path, overrides, "command line")
    _note_displaced(path, overrides, notes or Notes())
    return scenario


def _note_displaced(path: Path, overrides: dict[str, Any], notes: Notes) -> None:
    """On stderr: what a --set replaces by setting a rival (a lane's schedule, say), and the
    optional sections it creates (``risk.target`` on a scenario without ``[risk]``)."""
    from sim.scenario.patch import RIVALS, created, displaced, scenario_data

    rivals = any(k.rpartition(".")[2] in RIVALS for k in overrides)
    if not rivals and not any("." in k for k in overrides):
        return
    from sim.scenario.cost_notes import relabelled
    from sim.scenario.loader import load_scenario

    base = scenario_data(load_scenario(path))
    for note in displaced(base, overrides) + created(base, overrides):
        notes.add(f"note: {note}")
    for note in relabelled(base, overrides):  # (a currency set: money relabelled)
        notes.add(f"note: {note}")


def _now() -> dt.datetime:
    return dt.datetime.now()


#: the results folders this command made itself (without --out, or an --out that did not
#: exist): removed again if it fails before any result is written into them, so a refused
#: command leaves no folder behind that holds nothing but what describes the run
_RESERVED: list[Path] = []

#: the files a results folder gets when it is opened, before any replication finishes
_OPENING = frozenset(
    {"meta.json", "scenario.json", "organisation.json", "compare.json", "warnings.json",
     "design.csv", "scenario-source.json"}
)


def _reserve_out(args: argparse.Namespace) -> None:
    """An ``--out`` folder that does not exist yet: this command's own (see ``_RESERVED``)."""
    out = getattr(args, "out", None)
    if args.command in ("run", "compare", "sweep") and isinstance(out, Path) and not (
            out.exists() or out.is_symlink()):
        _RESERVED.append(out)


def _release_reserved() -> None:
    """Remove the folders this command made and wrote no result into (it failed first):
    empty, or holding only the files written on opening (``_OPENING``, in any subfolder)."""
    while _RESERVED:
        path = _RESERVED.pop()
        opening = _opening_only(path)
        for item in opening or []:  # (deepest first: a folder once emptied)
            try:
                item.rmdir() if item.is_dir() else item.unlink()
            except OSError:
                break


def _opening_only(path: Path) -> list[Path] | None:
    """What ``path`` holds, deepest first and itself last, when that is only folders and the
    files written on opening (no link, no other file); else None (it is kept)."""
    found: list[Path] = []
    try:
        for folder, dirs, files in os.walk(path, topdown=False, onerror=_raise):
            here = Path(folder)
            if any(f not in _OPENING for f in files) or any(
                    (here / name).is_symlink() for name in (*files, *dirs)):
                return None
            found += [*(here / f for f in files), here]
    except OSError:
        return None
    return found or None


def _raise(exc: OSError) -> None:
    raise exc


def safe_stem(name: str, fallback: str) -> str:
    """A scenario's name made fit to begin a file or folder name in this folder: letters,
    digits, ``_ . -`` only (no ``/``, no ``..``, no leading dot), at most 100 characters;
    ``fallback`` when nothing is left. A scenario's name is free text from its file, and a
    name such as ``../../x`` or ``/etc/x`` must never choose where results are written."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.")[:100] or fallback


def _default_out(scenario: Scenario, root: Path = Path("results")) -> Path:
    """Create and return a new folder ``root/<scenario>-<YYYYmmdd-HHMMSS>``.

    The folder is created exclusively, so two runs started in the same second never share
    one: the later gets ``-2`` (``-3``, ...) appended.
    """
    stem = f"{safe_stem(scenario.name, 'run')}-{_now():%Y%m%d-%H%M%S}"
    for n in itertools.count(1):
        path = root / (stem if n == 1 else f"{stem}-{n}")
        try:
            root.mkdir(parents=True, exist_ok=True)
            path.mkdir()
        except FileExistsError:
            continue
        except OSError as exc:  # (a read-only folder, a full disk)
            raise UsageError(
                f"cannot make the results folder {path}: {exc.strerror or exc}; give one that "
                "can be written with --out"
            ) from None
        _RESERVED.append(path)
        return path
    raise AssertionError("unreachable")


#: the results folders this command holds locked (see :func:`lock_out`), closed on exit
_LOCKS: list[int] = []
#: those folders and their kind (``run``, ``compare``, ``sweep``), for the resume line
_HELD: list[tuple[Path, str]] = []
#: the reporter this command made from its ``--lang`` (:func:`command_reporter`), which says
#: the interrupted line once the command has ended (none yet: English)
_REPORTER: list[Reporter] = []


def lock_out(out: Path, kind: str) -> Path:
    """Hold ``out`` (made if need be) for this command alone: an exclusive lock on the
    folder itself, which the system frees when the process ends, however it ends. A second
    command writing into it at the same time is refused (both would compute every
    replication, and its history would call the first interrupted)."""
    import fcntl

    from sim.experiment.nesting import check_not_nested
    from sim.experiment.store import check_kind

    check_kind(out, kind)  # (a file in the way: said as the store says it)
    check_not_nested(out)  # (never a results folder inside another)
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise UsageError(f"cannot make the results folder {out}: {exc.strerror or exc}; "
                         "give one that can be written with --out") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise UsageError(
            f"{out} is being written by another bordersim command now; wait for it to end "
            "(give the same command again then to resume it if it is stopped), or choose "
            "another --out folder"
        ) from None
    _LOCKS.append(fd)
    _HELD.append((out, kind))
    return out


def _unlock() -> None:
    _HELD.clear()
    while _LOCKS:
        with contextlib.suppress(OSError):
            os.close(_LOCKS.pop())


def _bounds(low: float | None, high: float | None) -> tuple[str, str]:
    """An interval's bounds as the run table shows them (a small bound's decimals for
    both, see :func:`sim.report.numbers.interval_bounds`)."""
    if low is None or high is None:
        return _fmt(low), _fmt(high)
    from sim.report.numbers import interval_bounds

    return interval_bounds(low, high, _fmt)


def _fmt(x: float | None) -> str:
    from sim.cli_compare import unsigned_zero

    return "–" if x is None else unsigned_zero(x)


#: the run table shows the utilisation of this many of the busiest lanes (an organisation's
#: units add a row per unit and role: a hundred or more)
BUSIEST = 15


def _busiest(summary: dict[str, dict[str, float | None]]) -> tuple[list[str], int]:
    """The utilisation rows of the ``BUSIEST`` busiest lanes, busiest first, and how many
    other lanes there are."""
    from sim.experiment.metric_names import is_period_metric

    rows = [m for m in summary if m.startswith("utilisation_") and not is_period_metric(m)]
    rows.sort(key=lambda m: -(summary[m]["mean"] or 0.0))
    return rows[:BUSIEST], max(0, len(rows) - BUSIEST)


def _run_rows(
    summary: dict[str, dict[str, float | None]], extra: Sequence[str], only: bool = False
) -> tuple[list[str], int]:
    """The run table's rows (and how many less busy lanes it leaves out); ``only``
    (``--only``): ``extra`` alone, in the order ``--show`` gave them."""
    if only:
        return [m for m in extra if m in summary], 0
    from sim.experiment.metric_names import (
        DIRECTED,
        era_rows,
        kind_rows,
        organisation_rows,
        risk_rows,
        route_detection_rows,
        smuggling_rows,
    )
    from sim.experiment.one_direction import once
    from sim.report.smuggling_types import type_rows

    # China publishes import and export figures apart: each clearance row is followed by
    # its import and export rows (and so is the total cost)
    names = [
        n
        for m in KEY_METRICS
        for n in (m, f"{m}_import", f"{m}_export")
        if n in summary and (n == m or "clearance" in m or "within" in m or m in DIRECTED)
    ]
    measured = [m for m, v in summary.items() if isinstance(v, dict) and v.get("mean") is not None]
    if "detection_rate" in names:  # (by type, where measured: the pooled rate hides one),
        at = names.index("detection_rate")  # after the risk engine's own figures
        names[at:at + 1] = [*risk_rows(measured), "detection_rate",
                            *route_detection_rows(measured), *kind_rows(measured)]
    at = names.index("value_slipped") + 1 if "value_slipped" in names else len(names)
    names[at:at] = smuggling_rows(summary)  # (beside what slips through at the ports)
    at += len(smuggling_rows(summary))  # then each illicit type's (the groups' loads)
    names[at:at] = type_rows(summary)
    if "inspection_rate" in names:  # each port's beside the pooled (a post hub scans nearly
        at = max(names.index(n) for n in names if n.startswith("inspection_rate")) + 1  # every
        # parcel: the pooled rate is its), after its import and export rows
        names[at:at] = sorted(m for m in summary if m.startswith("inspection_rate_port_"))
    names += organisation_rows(summary)
    names += [m for m in summary if "_h_mean_port_" in m]
    names += era_rows(measured, names)  # (a timeline's periods of the rows shown, measured)
    shares = [m for m in summary if m.startswith("owner_share_") and "_port_" not in m]
    whole = [m for m in shares if "_release_" not in m]  # (arrival to the end of the flow)
    split = [m for m in whole if m.endswith(("_import", "_export"))]  # (pooled: misleads)
    names += sorted(split, key=lambda m: m.endswith("_export")) or whole
    # who owns the time to release (customs' part, not drowned by an import's pick-up)
    to_release = [m for m in shares if m.startswith("owner_share_to_release_")]
    names += sorted(to_release, key=lambda m: m.endswith("_export"))
    busiest, more = _busiest(summary)
    names += busiest
    names = once(names, measured)  # (one direction: its rows repeat the pooled ones)
    names += [m for m in extra if m in summary and m not in names]
    return names, more


def _table(
    summary: dict[str, dict[str, float | None]],
    reps: int,
    currency: str | None = None,
    counts: dict[str, int] | None = None,
    extra: Sequence[str] = (),
    unstable: int = 0,
    lang: str = "en",
    only: bool = False,
) -> Table:
    """The run's key metrics, then ``extra`` (``--show``); ``counts``: of each metric, the
    replications that have it (a row from fewer than ``reps``, a port that saw no
    consignment in one, says so); ``unstable``: how many replications warned that a queue
    did not settle (the title says so: standard output alone must not read as steady);
    ``lang``: its words' language (``zh``: :mod:`sim.cli_zh`); ``only``: ``extra`` alone."""
    from rich.cells import cell_len
    from rich.table import Table

    from sim import cli_zh

    names, more = _run_rows(summary, extra, only)
    # a row no replication measured (exports at a port without them) is left out unless
    # asked for by name: some thirty of them buried the rows that matter
    unmeasured = [
        m for m in names if counts is not None and counts.get(m, reps) == 0 and m not in extra
    ]
    names = [m for m in names if m not in unmeasured]
    absent = [m for m in extra if m not in summary]  # (--show names no replication gave)
    caption = _caption(more, len(unmeasured), absent)
    title = f"Key metrics: mean and 95 % CI over {reps} replication(s)"
    if lang == "zh":
        caption = cli_zh.run_caption(more, len(unmeasured), absent)
        title, unstable = cli_zh.run_title(reps, unstable), 0
    if unstable:
        title += (f"\nNOT STEADY-STATE: a queue or smugglers did not settle in {unstable} of "
                  f"{reps} replication(s) (the warnings, and warnings.json, say where)")
    rows, asides = _run_table_rows(summary, names, reps, currency, counts, lang)
    if lang != "zh":
        caption += "".join(f"; {u}: {a}" for u, a in asides.items() if a)
    table = Table(title=title, caption=caption)
    # in a narrow terminal a metric's name folds onto more lines; a unit or a number is
    # never cut short (each column is at least as wide as its widest cell)
    columns = cli_zh.RUN_COLUMNS if lang == "zh" else ("metric", "unit", "mean", "ci low",
                                                       "ci high")
    table.add_column(columns[0], overflow="fold")
    for i, col in enumerate(columns[1:], start=1):
        width = max([cell_len(col), *(cell_len(r[i]) for r in rows)])
        table.add_column(
            col, justify="left" if i == 1 else "right", no_wrap=True, min_width=width
        )
    for row in rows:
        table.add_row(*row)
    return table


def _run_table_rows(
    summary: dict[str, dict[str, float | None]],
    names: Sequence[str],
    reps: int,
    currency: str | None,
    counts: dict[str, int] | None,
    lang: str,
) -> tuple[list[tuple[str, ...]], dict[str, str]]:
    """The run table's rows (label, unit, mean, interval clipped to what is possible) and,
    by short unit, the aside its long form had (said once, in the caption: a long unit
    squeezed the names to a few letters)."""
    from sim import cli_zh
    from sim.cli_times import time_cells
    from sim.experiment.compare import clip_interval, metric_unit, shown_unit
    from sim.experiment.metric_names import note

    rows: list[tuple[str, ...]] = []
    asides: dict[str, str] = {}  # unit -> its aside
    for m in names:
        s = summary[m]
        low, high = s["ci_low"], s["ci_high"]
        if low is not None and high is not None:
            low, high = clip_interval(m, low, high)
        unit = shown_unit(metric_unit(m), currency)  # (money in the scenario's: USD)
        unit, aside = _short_unit(unit)
        asides[unit] = aside or asides.get(unit, "")
        n = reps if counts is None else counts.get(m, reps)
        label = m + note(m, s["mean"]) + _from_some(n, reps)
        if lang == "zh":
            unit = cli_zh.unit(unit + (f" ({aside})" if aside else ""))
            label = cli_zh.metric(m, note(m, s["mean"])) + cli_zh.from_some(n, reps)
        cells = (time_cells(s["mean"], low, high, _fmt, _bounds) if metric_unit(m) == "hours"
                 else (_fmt(s["mean"]), *_bounds(low, high)))  # (small times in seconds)
        rows.append((label, unit, *cells))
    return rows, asides


def _caption(more: int, unmeasured: int, absent: Sequence[str]) -> str:
    """The run table's caption: what its intervals are, and the rows it leaves out (``more``
    less busy lanes, ``unmeasured`` rows no replication measured, the ``absent`` names
    ``--show`` asked for that no replication gave)."""
    caption = "intervals shown within what is possible (summary.json has them raw and as shown)"
    if more:
        caption += f"; {more} less busy lanes' utilisation in summary.json"
    if unmeasured:
        caption += (f"; {unmeasured} rows measured in no replication left out (flows "
                    "the scenario does not have, such as exports at a port without them)")
    if absent:
        listed = ", ".join(absent[:4]) + (f" and {len(absent) - 4} more" if len(absent) > 4 else "")
        caption += f"; shown but measured in no replication: {listed}"
    return caption


#: a unit longer than this keeps its parenthesised aside for the table's caption
SHORT_UNIT = 24


def _short_unit(unit: str) -> tuple[str, str]:
    """A long unit without its parenthesised aside, and the aside ('' if none was cut):
    ``USD per container (a truck ... counts as one)`` -> ``USD per container``."""
    head, sep, aside = unit.partition(" (")
    if len(unit) <= SHORT_UNIT or not sep or not aside.endswith(")"):
        return unit, ""
    return head, aside[:-1]


def _from_some(n: int, reps: int) -> str:
    """What a row says of the ``n`` of ``reps`` replications that measured it (NaN in every
    one: nothing to measure there, which is no failure)."""
    if n == 0:
        return " (not measured in any replication)"
    return f" (from {n} of {reps} replications)" if n < reps else ""


def settings_with_days(args: argparse.Namespace) -> dict[str, Any]:
    """The ``--set`` overrides with ``--days``; both naming the days is an error (``--days``
    would win and the ``--set`` value go unchecked)."""
    overrides = dict(args.settings)
    if args.days is not None:
        if "days" in overrides:
            raise UsageError(
                f"the observed days are given twice: --days {args.days:g} and --set "
                f"days={json.dumps(overrides['days'], default=str)}; give one"
            )
        overrides["days"] = args.days
    return overrides


def _run(args: argparse.Namespace, argv: list[str]) -> int:
    from rich.console import Console

    overrides = settings_with_days(args)
    from sim.cli_lang import chosen

    notes = Notes(chosen(args))
    scenario = _load(args.scenario, overrides, notes)
    extra = shown_rows(args, scenario)
    from sim.cli_precision import run_target

    args.target = run_target(args, scenario)
    try:
        observed = observed_figures(args.observed, scenario, str(args.scenario or ""))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    out = lock_out(args.out or _default_out(scenario), "run")
    store = _open_store(out, scenario, args, argv, notes)
    from sim.cli_experiments import check_warmup

    notes.keep(check_warmup(args, scenario, out, notes), "warning: ")
    notes.keep(_warn_after_the_run(scenario, out, notes.lang), "warning: ")
    _note_unused_parts(scenario, out, notes, [key for key, _ in args.settings],
                       args.reps if args.log else 0)
    _note_periods(scenario, out, notes)
    err = Console(stderr=True)
    from sim.experiment.metric_names import MetricError

    try:
        per_rep = _replicate_with_progress(scenario, args, store, err)
    except MetricError as exc:  # a watched metric no replication measured (--precision)
        raise UsageError(f"{exc} (the replications run are kept in {out})") from None
    summary = _run_summary(out, scenario)
    unsettled = store.warnings()
    _print_run_notes(notes, unsettled, summary, scenario, len(per_rep))
    for line in args.target.notes(per_rep) if args.target is not None else []:
        notes.add(line)
    from sim.experiment.run_seal import seal_run, unseal

    unseal(out)  # (the store's seal: sealed again once the files below are written too)
    try:
        validation = write_validation(observed, summary, out)
    except ValueError as exc:  # (a kept validation.csv edited by hand)
        raise UsageError(str(exc)) from None
    from sim.cli_warnings import coded, exit_status, unmeasured, write_records

    for line in unmeasured(summary, extra, args.show):
        notes.add(line)
    write_records(out, records := coded(notes.lines, unsettled))
    seal_run(out, ["bordersim", *argv])  # (last: every pooled file is written)
    if args.json:
        risk = _risk_json(out)
        _print_run_json(summary, unsettled, scenario, validation, notes, records, risk)
    else:
        _print_run_table(summary, per_rep, scenario, extra, unsettled, validation, out,
                         notes.lang, args.only)
    return exit_status(records, args.fail_on)


def _risk_json(out: Path) -> dict[str, Any]:
    """A risk engine's figures for ``run --json``: day by day and why it inspected."""
    from sim.experiment.risk_daily_json import folder_daily_json
    from sim.experiment.risk_reasons_json import folder_reasons_json

    return {"risk_daily": folder_daily_json(out), "risk_reasons": folder_reasons_json(out)}


def _run_summary(out: Path, scenario: Scenario) -> dict[str, Any]:
    """The run's pooled summary, or a clear refusal when nothing arrived to summarise."""
    summary: dict[str, Any] = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    if not (summary.get("consignments_arrived") or {}).get("mean"):
        raise UsageError(
            f"no consignment arrived in the {scenario.days:g} observed day(s) after the "
            f"{scenario.warmup_days:g}-day warm-up, so there is nothing to summarise; "
            f"run longer (--days) or check the arrival rates (the run is kept in {out})"
        )
    return summary


def _print_run_json(
    summary: dict[str, Any],
    unsettled: Any,
    scenario: Scenario,
    validation: list[dict[str, Any]],
    notes: Notes,
    records: list[dict[str, Any]] | None = None,
    risk: dict[str, Any] | None = None,
) -> None:
    """A run's summary as JSON on standard output (nothing else there): the notes are in
    it too, and whether a queue did not settle, for a pipeline that reads no stderr;
    ``warning_records``, the notes coded (see :mod:`sim.warning_codes`); and, with a risk
    engine, ``risk`` its ``risk_daily`` (:mod:`sim.experiment.risk_daily_json`) and
    ``risk_reasons`` (:mod:`sim.experiment.risk_reasons_json`)."""
    from sim.experiment.store import dump_json
    from sim.model.stability import too_short

    flags: dict[str, Any] = {
        "unstable": bool(unsettled),
        "unstable_replications": sorted(unsettled),
        # long enough to see a queue that keeps rising (else only overload was checked)
        "rising_checked": too_short(scenario.warmup_days, scenario.days) is None,
    }
    if validation:
        flags["validation"] = validation
    for key, figures in (risk or {}).items():
        if figures is not None:
            flags[key] = figures
    sys.stdout.write(dump_json({**summary, **flags, "notes": notes.lines,
                                "warning_records": records or []}, ascii_only=True))


def _print_run_table(
    summary: dict[str, Any],
    per_rep: Any,
    scenario: Scenario,
    extra: Any,
    unsettled: Any,
    validation: list[dict[str, Any]],
    out: Path,
    lang: str = "en",
    only: bool = False,
) -> None:
    """A run's key metrics as a table (and its observed figures beside it, if given), its
    words in ``lang``; ``only`` (``--only``): the ``--show`` metrics (``extra``) alone."""
    from rich.console import Console

    from sim.report.risk_targets import static_line, target_line
    from sim.report.smuggling_types import smuggling_groups
    from sim.scenario.costs import currency_of

    console = Console()
    if not console.is_terminal:  # (a file or a pipe: no terminal's width to keep to)
        console = Console(width=140)
    counts = {str(k): int(v) for k, v in per_rep.notna().sum().items()}
    table = _table(
        summary, len(per_rep), currency_of(scenario.costs), counts, extra, len(unsettled), lang,
        only,
    )
    _say_money(table, scenario, lang)
    console.print(table)
    from sim.report.seizure_layers_section import console_lines

    for line in [*smuggling_groups(scenario, lang), *console_lines(out, lang)]:
        console.print(line, highlight=False, soft_wrap=True, markup=False)
    shown = [m for m in _run_rows(summary, extra, only)[0] if counts.get(m, 0) > 0]
    if targets := target_line(scenario, shown, lang):  # (the rate's target beside it)
        console.print(targets, highlight=False, soft_wrap=True, markup=False)
    if static := static_line(scenario, lang):  # (no engine: where its figures would be)
        console.print(static, highlight=False, soft_wrap=True, markup=False)
    if validation:
        console.print(validation_table(validation, lang))
    from sim.experiment.ran_on import ran_on_lines

    for line in ran_on_lines(out, lang):  # (a run on a Dask scheduler given by its address)
        console.print(line, highlight=False, soft_wrap=True, markup=False)
    if lang == "zh":
        from sim.cli_zh import footer

        for line in footer(str(out)):
            console.print(line, highlight=False, soft_wrap=True, markup=False)
        return
    console.print(f"results: {out}", highlight=False, soft_wrap=True, markup=False)
    console.print(f"one workbook for Excel or WPS: {bordersim_line('workbook', out)}",
                  highlight=False, soft_wrap=True, markup=False)


def _say_money(table: Any, scenario: Scenario, lang: str) -> None:
    """The run table's caption also names the money its costs are in (``[costs]``), if any."""
    from sim.scenario.costs import money_of

    org = scenario.organisation
    money = money_of(scenario.costs, org is not None, org.price_year if org else None)
    if money:
        from rich.markup import escape

        from sim.cli_zh import money as zh_money

        table.caption = (f"{table.caption}；金额单位：{escape(zh_money(money))}" if lang == "zh"
                         else f"{table.caption}; money in {escape(money)}")


def _print_run_notes(
    notes: Notes,
    warnings: dict[str, list[str]],
    summary: dict[str, Any],
    scenario: Scenario,
    reps: int,
) -> None:
    """The run's warnings (each once, with its replications), its lanes near saturation on
    average and the notes on its window (see :func:`sim.model.window.run_notes`, which the
    Python API's ``replicate`` gives too)."""
    from sim.model.credit_rules import engine_caps
    from sim.model.risk_notes import engine_throttle
    from sim.model.window import run_notes
    from sim.scenario.export_selection import has_export_tables

    means = {  # (a mean of exactly 0 is a figure too: a rule's note needs it)
        k: v["mean"] for k, v in summary.items()
        if isinstance(v, dict) and v.get("mean") is not None
    }
    days = scenario.warmup_days, scenario.days
    caps, throttle = engine_caps(scenario), engine_throttle(scenario)
    directed = has_export_tables(scenario)
    for line in run_notes(
        warnings, means, *days, reps, caps=caps, throttle=throttle, directed=directed,
        static=caps is None,
    ):
        notes.add(line)


def _note_periods(scenario: Scenario, out: Path, notes: Notes) -> None:
    """With a timeline, when each of its periods begins (the ``_era_<k>`` metrics): on
    stderr and in ``warnings.json`` under ``notes``, so a saved folder can date them."""
    from sim.scenario.timeline import observed_periods

    spans = observed_periods(scenario)
    if not spans:
        return
    from sim.experiment.compare_notes import periods_note

    message = periods_note(spans, scenario.costs is not None)
    notes.add(f"note: {message}")
    from sim.experiment.store import atomic_write, dump_json

    path = out / "warnings.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kept = [n for n in data.get("notes", []) if n != message]  # (once, resumed or not)
    atomic_write(path, dump_json({**data, "notes": [*kept, message]}))


def _note_unused_parts(
    scenario: Scenario, out: Path, notes: Notes, changed: Iterable[str] = (), log_reps: int = 0
) -> None:
    """Parts of the scenario that act on nothing in it (see
    :func:`sim.scenario.dormant.unused_parts`), ``--set`` changes (``changed``) that can
    have no effect there, and a big run's size (with ``log_reps`` replications writing
    ``--log``, their logs' disk too): notes on stderr and in ``warnings.json`` under ``notes``
    (not ``warnings``, which mark a run unstable)."""
    from sim.scenario.dormant import unused_parts
    from sim.scenario.run_size import run_size

    found = unused_parts(scenario)
    big = run_size(scenario, log_reps)  # (a run that will take long, much memory or disk)
    found += [big[1]] if big else []
    found += set_change_notes(scenario, changed)
    if not found:
        return
    for message in found:
        kind = big[0] if big and message == big[1] else "note"
        notes.add(f"{kind}: {message}")
    from sim.experiment.store import atomic_write, dump_json

    path = out / "warnings.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    atomic_write(path, dump_json({**data, "notes": found}))


def set_change_notes(scenario: Scenario, changed: Iterable[str]) -> list[str]:
    """Why ``--set`` changes (``changed``: dotted paths) can have no effect in ``scenario``
    (every one acts on nothing there: a field of a risk engine that is off), or act on its
    imports only; said by run and compare alike, so that a setting that does nothing is
    never read as a measured "no difference"."""
    from sim.scenario.dormant import idle_changes, shadowed

    changed = list(changed)
    idle = idle_changes(scenario, [k for k in changed if k != "days"])
    found = [f"the --set changes can have no effect: {idle}"] if idle else []
    return found + [f"--set {why}" for why in shadowed(scenario, changed)]


def _warn_after_the_run(scenario: Scenario, out: Path | None = None, lang: str = "en"
                        ) -> list[str]:
    """Warn on stderr of dated reforms the observed run does not reach (they would otherwise
    pass unnoticed: the results read as if they were not there); with ``out``, also record
    them in its ``warnings.json`` under ``timeline`` (not ``warnings``, which mark a run
    unstable in its report). Returns the warnings."""
    from sim.scenario.timeline import after_the_run

    found = after_the_run(scenario)
    from sim.cli_lang import line

    for message in found:
        print(line(f"warning: {message}", lang), file=sys.stderr)
    if out is None or not found:
        return found
    from sim.experiment.store import atomic_write, dump_json

    path = out / "warnings.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    atomic_write(path, dump_json({**data, "timeline": found}))
    return found


def _open_store(
    out: Path, scenario: Scenario, args: argparse.Namespace, argv: list[str], notes: Notes
) -> Any:
    """The run's results folder, opened (or resumed); an unwritable one is a usage error."""
    from sim.experiment.runner import first_round
    from sim.experiment.store import RunStore

    store = RunStore(out, on_notice=lambda m: notes.add(f"note: {m}"),
                     on_warning=lambda m: notes.add(f"warning: {m}"))
    try:
        reps = first_round(args.reps, args.target, store)
        store.open(scenario, args.seed, reps, command=["bordersim", *argv])
        from sim.experiment.scenario_source import record_source

        record_source(out, args.scenario)  # (the file's text)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename and Path(exc.filename) != out else ""
        raise UsageError(
            f"cannot write the results folder {out}{where}: {exc.strerror or exc}; "
            "choose a writable folder with --out"
        ) from None
    return store


def _replicate_with_progress(
    scenario: Scenario, args: argparse.Namespace, store: Any, err: Any
) -> Any:
    """Run (or resume) the replications with their progress on stderr (see
    :mod:`sim.cli_progress`)."""
    from sim.cli_lang import chosen
    from sim.experiment.runner import replicate

    first = args.reps if args.target is None else store.reps  # (a target's first round)

    def done(r: int, metrics: dict[str, float]) -> None:
        bar.grow(r + 1)  # (a precision target adds replications as it goes)
        bar.advance()

    with _progress(err, f"{scenario.name}: replications", first, elapsed=True,
                   lang=chosen(args)) as bar:
        return replicate(
            scenario,
            args.reps,
            args.seed,
            store=store,
            log=args.log,
            executor=_executor(args),
            on_done=done,
            target=args.target,
        )


@contextlib.contextmanager
def _progress(err: Any, what: str, total: int, elapsed: bool = False,
              lang: str = "en") -> Iterator[Any]:
    """:func:`sim.cli_progress.progress` (in ``lang``), its environment variable's mistake a
    UsageError."""
    from sim.cli_progress import every, progress

    try:
        every()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with progress(err, what, total, elapsed, lang) as bar:
        yield bar


def _explained_name(args: argparse.Namespace) -> None:
    """``check NAME --explain``: a FILE that is no file, no scenario's name and no ``.toml``
    or path, with ``--explain``, is a metric name to explain (of the default scenario)."""
    path = args.file
    if args.explain is None or path is None or path.exists() or path.is_symlink():
        return
    if path.suffix == ".toml" or Path(path.name) != path:
        return  # (a scenario file not found: _load says so)
    args.explain, args.file = [str(path), *args.explain], None


def _other_structures_fail(file: Path | None, scenario: Any, settings: list[str],
                           lang: str = "en") -> bool:
    """``check`` validates every structure a generated organisation declares, not only its
    own: a ``decided_at.dumbbell`` no unit serves would otherwise pass ``check`` and fail
    ``compare --reforms dumbbell``. Each failure is an error on stderr, naming the command
    line when a ``--set`` wrote the field (or the table holding it)."""
    from sim.scenario.org_tree import other_structures

    if scenario.organisation is None:
        return False
    found = other_structures(scenario.organisation, list(scenario.ports))
    for field, message in found:
        mine = any(field == k or field.startswith(f"{k}.") for k in settings)
        where = "command line" if mine else (file or "the default scenario")
        from sim.cli_zh_errors import error_line

        print(error_line(f"{where}: {message}", lang), file=sys.stderr)
    return bool(found)


def _check(args: argparse.Namespace) -> int:
    from sim.cli_lang import chosen, line
    from sim.experiment.store import dump_json

    _explained_name(args)
    lang = chosen(args)
    scenario = _load(args.file, dict(args.settings))
    _warn_after_the_run(scenario, lang=lang)
    from sim.scenario.dormant import unused_parts
    from sim.scenario.run_size import run_size

    for message in unused_parts(scenario):  # (on stderr: standard output keeps the data)
        print(line(f"note: {message}", lang), file=sys.stderr)
    if args.file is not None and "name" not in dict(args.settings):
        from sim.scenario.changes import unnamed_child
        from sim.scenario.loader import bundled_scenario

        unnamed = unnamed_child(bundled_scenario(args.file) or args.file, scenario.name)
        if unnamed:
            print(line(f"note: {unnamed}", lang), file=sys.stderr)
    big = run_size(scenario)
    if big is not None:
        print(line(f"{big[0]}: {big[1]}", lang), file=sys.stderr)
    if _other_structures_fail(args.file, scenario, [k for k, _ in args.settings], lang):
        return 2
    if args.metrics:  # found without running it (see sim.experiment.metric_names)
        from sim.experiment.metric_names import metric_names

        sys.stdout.write("".join(f"{n}\n" for n in metric_names(scenario).listing()))
        return 0
    if args.explain is not None:  # the glossary (see sim.experiment.metric_glossary)
        return _explain(args.explain, scenario, lang)
    if args.arrivals or args.roster:  # (the traffic a profile makes; who is on duty, at what)
        from sim.cli_roster import roster_lines
        from sim.cli_zh_listings import listing_line
        from sim.scenario.arrival_rates import arrival_lines

        listed = arrival_lines(scenario) if args.arrivals else roster_lines(scenario)
        listed = [listing_line(x) for x in listed] if lang == "zh" else listed
        sys.stdout.write("".join(f"{line}\n" for line in listed))
        return 0
    if args.sources is not None:  # what each number rests on (sim.scenario.provenance)
        if lang == "zh":
            from sim.cli_zh_listings import SOURCES

            print(SOURCES, file=sys.stderr)
        return _sources(args)
    if args.changes:  # what a child changes of its parent (sim.scenario.changes)
        return _changes(args, scenario)
    sys.stdout.write(dump_json(scenario.model_dump(mode="json", by_alias=True)))
    return 0


def _explain(names: list[str], scenario: Scenario, lang: str) -> int:
    """``check --explain``: each metric's unit and meaning (in Chinese under ``--lang zh``),
    status 2 when a name given has no entry."""
    from sim.experiment.metric_glossary import explained
    from sim.experiment.metric_names import metric_names
    from sim.scenario.costs import currency_of

    known = metric_names(scenario)
    lines = explained(names, known, currency_of(scenario.costs))
    shown, estimand = lines, f"note: {ESTIMAND}"
    if lang == "zh":
        from sim.cli_zh_explain import ESTIMAND as ESTIMAND_ZH
        from sim.cli_zh_explain import explain_line

        shown, estimand = [explain_line(line, known) for line in lines], ESTIMAND_ZH
    sys.stdout.write("".join(f"{line}\n" for line in shown))
    print(estimand, file=sys.stderr)
    return 0 if all("\t?\t" not in line for line in lines) else 2


def _changes(args: argparse.Namespace, scenario: Scenario) -> int:
    """``check --changes``: each resolved field the file (and its --set) changes of the
    scenario it extends (of the file itself, for a file that extends none)."""
    from sim.cli_lang import chosen
    from sim.scenario.changes import HEADER, changes, parent_of, where_set
    from sim.scenario.loader import bundled_scenario, default_scenario_path, load_scenario

    path = args.file or default_scenario_path()
    path = bundled_scenario(path) or path
    settings = dict(args.settings)
    parent = parent_of(path)
    if parent is None and not settings:
        raise UsageError(
            f"--changes: {path} extends no scenario ("
            + ("a results folder's scenario.json is resolved, whole" if path.suffix == ".json"
               else "it has no extends = ...")
            + ") and no --set is given: there is nothing to compare it with; a child file "
            "starts with "
            'extends = "default" (a bundled scenario\'s name, or a file beside it)')
    found = changes(load_scenario(parent or path), scenario, where_set(path, settings))
    zh = chosen(args) == "zh"
    head = "字段\t上级情景的值\t本文件的值\t设置于" if zh else HEADER
    sys.stdout.write("".join(f"{line}\n" for line in [head, *(c.line() for c in found)]))
    if zh:
        print(f"提示：与 {(parent or path).name}{'（加上所给的 --set）' if parent is None else ''}"
              f"相比，有 {len(found)} 个字段不同；数值为解析后的值（时间以小时计，速率以每小时计）",
              file=sys.stderr)
        return 0
    print(f"note: {len(found)} field(s) differ from {(parent or path).name}"
          f"{' with the --set given' if parent is None else ''}; values as resolved (times "
          "in hours, rates per hour)", file=sys.stderr)
    return 0


def _sources(args: argparse.Namespace) -> int:
    """``check --sources``: each value's source or assumption, those under the fields asked
    for (an error naming a field under which the file and its overrides give none)."""
    from sim.scenario.loader import bundled_scenario, default_scenario_path
    from sim.scenario.provenance import of_file, under

    path = args.file or default_scenario_path()
    rows = of_file(bundled_scenario(path) or path, dict(args.settings))
    wanted = [w.strip(".") for w in args.sources]
    for field in wanted:
        if not any(under(r.field, field) for r in rows):
            from sim.experiment.metric_names import did_you_mean

            prefixes = {".".join(r.field.split(".")[:n]) for r in rows for n in range(1, 4)}
            sections = sorted({re.split(r"[.\[]", r.field)[0] for r in rows})
            prefixes |= set(sections)
            raise UsageError(
                f"--sources {field}: no value under {field!r} cites a source or an assumption "
                f"in {path}; its sections with some: {', '.join(sections)}"
                f"{did_you_mean(field, sorted(prefixes))}")
    for row in rows:
        if not wanted or any(under(row.field, w) for w in wanted):
            print(row.line())
    return 0


#: what a run's (or an option's) figure of a metric estimates, said beside the glossary
ESTIMAND = (
    "a run's figure is the mean over its replications of each replication's own value: of a "
    "quantile, each replication's quantile of its cohort (the inverted-CDF sample quantile, "
    "within 1 % from its histogram); of a rate or share, each replication's rate (one whose "
    "denominator is 0 left out), not the ratio of the pooled counts; its interval is the "
    "t-interval over replications (see docs/how-results-are-computed.md)"
)


class Terminated(BaseException):
    """SIGTERM, turned into an exception so that the run ends like an interrupt."""


def _terminate(signum: int, frame: Any) -> None:
    if stop_signal.note(signum):  # (once the command is closing, it is only noted)
        raise Terminated


def _interrupt(signum: int, frame: Any) -> None:
    """Ctrl-C: Python's own KeyboardInterrupt, the signal noted as SIGTERM's is."""
    if stop_signal.note(signum):
        raise KeyboardInterrupt


def _noted() -> type[BaseException] | None:
    """The interrupt of the stop signal noted since the command began, if any."""
    signum = stop_signal.pending()
    if signum is None:
        return None
    return Terminated if signum == signal.SIGTERM else KeyboardInterrupt


def _forget_interrupt() -> None:
    """Clear CPython's record that a KeyboardInterrupt left an ``exec`` of source text.

    Start-up defines dataclasses and named tuples, which ``exec`` source text. An interrupt
    that lands inside one is caught here, but CPython still remembers it escaped an ``exec``,
    and under ``python -m`` it then ends the process by SIGINT (status -2) instead of 130.
    A fresh ``exec`` of source text resets that record.
    """
    exec("None")


def _signal_within(exc: BaseException) -> type[BaseException] | None:
    """The interrupt (KeyboardInterrupt or :class:`Terminated`) that caused ``exc``, if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt | Terminated):
            return type(seen)
        seen = seen.__cause__
    return None


def _interrupted(signalled: type[BaseException]) -> int:
    """Say in one line that the command was stopped and how to resume it (the shell line
    when the folder's record keeps its command); its exit status (130 or 143)."""
    if signalled is KeyboardInterrupt:
        _forget_interrupt()
    from sim.experiment.reporter import ENGLISH

    word, status = ("terminated", 143) if signalled is Terminated else ("interrupted", 130)
    said = _REPORTER[-1] if _REPORTER else ENGLISH
    said.say(said.interrupted_line(word, _kept(), _resume_command()))
    return status


def _kept() -> int | None:
    """How many finished replications the one results folder this command was writing
    keeps (what a resumed command will not run again); None when it held none."""
    if len(_HELD) != 1:
        return None
    from sim.experiment.resume_tally import kept_replications

    return kept_replications(*_HELD[0])


def _resume_command() -> str:
    """The shell line that resumes the one results folder this command was writing (its
    ``--out`` given or not), from the command its record keeps; "" when there is none (no
    folder held yet, or stopped before its record was written)."""
    if len(_HELD) != 1:
        return ""
    from sim.report.remedy import resume_command

    return resume_command(*_HELD[0])


def _answer(argv: list[str]) -> int:
    """:func:`_main`, an interrupt answered in one line: also one that reaches here wrapped
    in another exception (a signal that landed in a class being defined, whose
    ``__set_name__`` error Python wraps in a RuntimeError, or in a Pydantic serializer, whose
    error it wraps in a ValueError)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return _interrupted(KeyboardInterrupt)
    except Terminated:
        return _interrupted(Terminated)
    except Exception as exc:
        signalled = _signal_within(exc)
        if signalled is None:
            signalled = _noted()  # (a wrapper that kept no cause: Pydantic's, nested)
        if signalled is None:
            raise
        return _interrupted(signalled)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``bordersim`` console script; returns the exit status.

    A SIGTERM that came and was not answered (absorbed on the way, or come as the command
    was ending) still ends it with status 143: a batch scheduler that stopped a job must
    never read it as finished (:mod:`sim.cli_signals`)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _REPORTER.clear()  # (English until this command's --lang is read)
    stop_signal.begin()
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    # (Ctrl-C noted too where Python's handler has it; never where it was ignored at start)
    ctrl_c = previous is not None and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if ctrl_c:
        signal.signal(signal.SIGINT, _interrupt)
    restore_hook = redeliver_swallowed(Terminated) if previous is not None else None
    status = 1
    try:
        status = _answer(argv)
    finally:
        stop_signal.closing()  # (a SIGTERM from here on is only noted: the clean-up runs)
        if status != 0:
            _release_reserved()
        _RESERVED.clear()
        _unlock()
        if restore_hook is not None:
            restore_hook()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if ctrl_c:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    noted = _noted()
    if noted is not None and status not in (130, 143):
        status = _interrupted(noted)
    return status


def _bundled_by_name(args: argparse.Namespace) -> None:
    """A scenario given by a bundled scenario's name (``guangdong``, ``default.toml``) where no
    such file is: that bundled scenario, as ``extends`` finds it."""
    from sim.scenario.loader import bundled_scenario

    for key in ("scenario", "file", "on"):
        value = getattr(args, key, None)
        if isinstance(value, Path):
            found = bundled_scenario(value)  # (None for a name-less path: ``.``, ``/``)
            here = value.with_name(f"{value.name}.toml") if found is not None else value
            if found is not None and value.suffix != ".toml" and here.is_file():
                print(f"note: {value} is the bundled scenario {found.name}, not the file "
                      f"{here} here: give {here} for that one", file=sys.stderr)
            setattr(args, key, found or value)


def _main(argv: list[str]) -> int:
    args = _parse(argv)
    args.command_line = ["bordersim", *argv]  # (what a command records of how it was given)
    _REPORTER[:] = [command_reporter(args)]  # (the interrupted line's language)
    _bundled_by_name(args)
    _reserve_out(args)
    from sim.cli_zh_errors import error_lang, error_line
    from sim.experiment.executors import ReplicationsFailed
    from sim.experiment.store import StoreMismatch
    from sim.scenario.loader import ScenarioError

    try:
        _check_settings(args)
        if args.command == "run":
            return _run(args, argv)
        if args.command == "compare":
            return run_compare(args, argv)
        if args.command == "reforms":
            from sim.cli_reforms import run_reforms

            return run_reforms(args)
        if args.command == "org":
            from sim import cli_org

            return cli_org.run(args, _load)
        if args.command in ("sweep", "warmup"):
            from sim import cli_experiments

            return getattr(cli_experiments, args.command)(args, argv)  # type: ignore[no-any-return]
        from sim import cli_faces

        if args.command in cli_faces.COMMANDS:
            return cli_faces.run(args)
        return _check(args)
    except ScenarioError as exc:
        print(error_line(exc.format(), error_lang(args)), file=sys.stderr)
        return 2
    except (UsageError, StoreMismatch) as exc:
        print(error_line(str(exc), error_lang(args)), file=sys.stderr)
        return 2
    except ReplicationsFailed as exc:
        print(f"error: {exc}\n{exc.hint()}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # (the reader stopped early, `| head`, `| more`: no error to say)
        _quiet_stdout()
        return 1
    except OSError as exc:  # (a WriteError: a file that cannot be written, said in turn)
        print(error_line(str(exc), error_lang(args)), file=sys.stderr)
        return 1


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit after a closed
    pipe raises nothing more (as the Python docs advise for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # (a stdout without a file: a test's)
        pass


if __name__ == "__main__":
    # `python -m sim.cli` runs this file as __main__, a second copy beside the `sim.cli` the
    # subcommands import: run that one, so that its UsageError is the one caught
    from sim.cli import main as _main_of_sim_cli

    raise SystemExit(_main_of_sim_cli())
