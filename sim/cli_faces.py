"""Subcommands for workshops and readers: the workshop page and the animated port.

    bordersim dashboard [--host 127.0.0.1] [--port 5006] [--workers N] [--scenarios DIR|FILE]
                        [--origin NAME[:PORT]] [--out DIR] [--lang en|zh]
    bordersim animate [SCENARIO] --port ID --hours H [--start H0] [--every DURATION]
                      [--seed S] [--days D] [--set KEY=VALUE] [--fps F] [--out FILE]
                      [--lang en|zh]
    bordersim docs [--out docs] [--check]
    bordersim report RESULTS_DIR [--out FILE | --check]   (sim.cli_report)
    bordersim appraise RESULTS_DIR [--setup OPTION=AMOUNT] [--years N] ...  (sim.cli_appraise)
    bordersim hours RESULTS_DIR [--week] [--port NAME] [--csv FILE]      (sim.cli_hours)
    bordersim both-sides RESULTS_DIR --partner FILE [--seed S] [--csv FILE]  (sim.cli_both_sides)
    bordersim trucks RESULTS_DIR [--against NAME=DIR] [--by hour|class] ...  (sim.cli_trucks)
    bordersim fit-arrivals CSV --column NAME ... / fit-times CSV --unit UNIT  (sim.cli_fit)
    bordersim tables RESULTS_DIR --out DIR / --validate DIR            (sim.cli_tables)
    bordersim workbook RESULTS_DIR [--out FILE] [--lang en|zh]         (sim.cli_workbook)
    bordersim outlook [SCENARIO] --growth G --years N --reps R ...     (sim.cli_outlook)
    bordersim operating-curve [SCENARIO] --port P --clear C,... --reps R  (sim.cli_operating_curve)
    bordersim compliance RESULTS_DIR [--check physical] [--level 0.95]  (sim.cli_compliance)
    bordersim reproduce RESULTS_DIR [--out DIR] [--reps K]             (sim.cli_reproduce)
    bordersim tfa RESULTS_DIR [--csv FILE]                             (sim.cli_tfa)
    bordersim difference BEFORE_DIR AFTER_DIR [--metric M] [--json] [--csv FILE]
        [--lang en|zh]                                                 (sim.cli_difference)
    bordersim paper-table RESULTS_DIR [--format markdown|latex] [--metric NAME] [--out FILE]
                                                                       (sim.cli_paper_table)
    bordersim tornado SCENARIO --reform NAME[:K=V] --reps R [--range SETTING=LOW,HIGH]
                      [--metric NAME] [--format markdown|latex] [--out DIR]  (sim.cli_tornado)

Only the standard library is imported at start-up (like ``sim.cli``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

COMMANDS = ("dashboard", "animate", "docs", "report", "appraise", "hours", "fit-arrivals",
            "fit-times", "both-sides", "trucks", "tables", "workbook", "outlook",
            "operating-curve", "compliance", "reproduce", "tfa", "difference", "paper-table",
            "tornado")
MAX_FRAMES = 2000
#: the commands written in modules of their own, in the order of the help's list
_MODULES = {
    "report": "sim.cli_report",
    "appraise": "sim.cli_appraise",
    "hours": "sim.cli_hours",
    "both-sides": "sim.cli_both_sides",
    "trucks": "sim.cli_trucks",
    "fit-arrivals": "sim.cli_fit",
    "fit-times": "sim.cli_fit",
    "tables": "sim.cli_tables",
    "workbook": "sim.cli_workbook",
    "outlook": "sim.cli_outlook",
    "operating-curve": "sim.cli_operating_curve",
    "compliance": "sim.cli_compliance",
    "reproduce": "sim.cli_reproduce",
    "tfa": "sim.cli_tfa",
    "difference": "sim.cli_difference",
    "paper-table": "sim.cli_paper_table",
    "tornado": "sim.cli_tornado",
}


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535; got {value}")
    return value


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the ``bordersim`` parser."""
    from sim.cli import _positive_int, out_path
    from sim.cli_lang import ENV, add_lang

    dash = sub.add_parser(
        "dashboard",
        help="serve the workshop page: bundled scenario, options on and off, levers",
        description="Serve an interactive page: choose a bundled scenario, switch options "
        "on and off, move levers, run, and see baseline and option side by side. It listens "
        "on the loopback address only unless --host says otherwise.",
    )
    dash.add_argument("--host", default="127.0.0.1",
                      help="address to listen on (default 127.0.0.1: this machine only)")
    dash.add_argument("--port", type=_port, default=5006, help="port (default 5006)")
    dash.add_argument("--workers", type=_positive_int,
                      help="simulation processes shared by all sessions (default: CPUs)")
    dash.add_argument("--scenarios", type=Path, metavar="DIR|FILE",
                      help="offer the scenario files in DIR by name, or the one scenario "
                      "FILE alone (default: the bundled ones)")
    dash.add_argument("--origin", action="append", default=[], metavar="NAME[:PORT]",
                      help="also accept pages opened as http://NAME:PORT/ (repeatable; needed "
                      "with --host 0.0.0.0: the name or address people type)")
    dash.add_argument("--out", type=out_path, default=Path("results") / "dashboard",
                      metavar="DIR",
                      help="the page's results folder: each group's finished runs kept in a "
                      "folder of its own (the group named in the page's address: ?group=NAME; "
                      "without one, the group that ran last) and shown again when the page is "
                      "reloaded (default results/dashboard; "
                      "delete a group's folder to clear its runs so far)")
    add_lang(dash, f"language of the page (en or zh: Simplified Chinese; default: the "
                   f"environment variable {ENV}, else en); names from the scenario and "
                   "numbers stay as they are")
    _add_animate(sub)
    docs = sub.add_parser(
        "docs", help="write the generated pages of the user guide (scenario reference, ...)"
    )
    docs.add_argument("--out", type=out_path, default="docs", metavar="DIR",
                      help="folder (default docs)")
    docs.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 if a page differs from what the code gives")
    for name in dict.fromkeys(_MODULES.values()):  # (in the order of the help's list)
        module = importlib.import_module(name)
        (getattr(module, "add_parsers", None) or module.add_parser)(sub)  # (fit: two)


def _scenario_folder(folder: Path | None) -> Path:
    """The folder whose scenarios the page offers (the bundled one unless given), or the one
    scenario file it offers alone: loaded here, so that a missing or broken file is refused
    before serving, in the words ``bordersim run FILE`` gives."""
    from sim.cli import UsageError, _load
    from sim.faces.choices import bundled_scenarios
    from sim.scenario.loader import BUNDLED, bundled_scenario

    if folder is None:
        return BUNDLED
    folder = bundled_scenario(folder) or folder  # (a bundled one by its name, as run takes it)
    if folder.is_dir():
        if not bundled_scenarios(folder):
            raise UsageError(f"--scenarios {folder}: no scenario files (*.toml) in it")
        return folder.resolve()
    if not folder.exists() and folder.suffix != ".toml":  # (neither: a folder mistyped?)
        raise UsageError(f"--scenarios {folder}: no such folder or scenario file")
    _load(folder, {})  # (the page offers this file alone, by its name)
    return folder.resolve()


def _positive_hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of hours: {text!r}") from None
    if not 0 < value < 1e6:
        raise argparse.ArgumentTypeError(f"must be a positive number of hours; got {text}")
    return value


def _add_animate(sub: Any) -> None:
    from sim.cli import _add_settings, _seed, out_path
    from sim.cli_lang import ENV, add_lang

    anim = sub.add_parser(
        "animate",
        help="write a GIF of one port's lanes over simulated time",
        description="Run one replication with its per-consignment log and draw one port's "
        "lanes at every queue sample in a window: servers busy or idle, queues as stacks of "
        "boxes, the clock, and each seizure or rejection as it happens.",
    )
    anim.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO",
                      help="scenario TOML file (default: the bundled scenarios/default.toml)")
    anim.add_argument("--port", required=True, metavar="ID", help="the port, e.g. sea_port")
    anim.add_argument("--hours", type=_positive_hours, required=True, metavar="H",
                      help="length of the window in simulated hours")
    anim.add_argument("--start", type=float, metavar="H0",
                      help="start of the window, hours from the run's start (default: the end "
                      "of the warm-up)")
    anim.add_argument("--every", metavar="DURATION",
                      help="time between frames, e.g. '15 min' (default: the scenario's "
                      "queue_sample)")
    anim.add_argument("--seed", type=_seed, default=1, help="seed (default 1)")
    anim.add_argument("--days", type=float, help="observed days (overrides the scenario's days)")
    _add_settings(anim)
    anim.add_argument("--fps", type=int, default=4, help="frames per second, 1 to 50 (default 4)")
    anim.add_argument("--out", type=out_path, metavar="FILE",
                      help="GIF to write (default: <scenario>-<port>.gif in this folder)")
    add_lang(anim, f"language of the closing line and the error lines (en or zh: Simplified "
                   f"Chinese; default: the environment variable {ENV}, else en); the GIF's own "
                   "labels stay English, and a port label its font cannot draw (Chinese, with "
                   "no Chinese font installed) is replaced by the port's identifier")


def _animate(args: argparse.Namespace) -> int:
    from sim.cli import UsageError, _load, safe_stem, settings_with_days
    from sim.cli_lang import chosen
    from sim.cli_zh_animate import done, font_note
    from sim.model.run import simulate
    from sim.report.animate import port_frames, write_gif
    from sim.report.plot_lang import plots_in

    lang = chosen(args)  # (first: a typo in BORDERSIM_LANG is refused before the run)
    overrides = settings_with_days(args)
    if args.every is not None:
        overrides["queue_sample"] = args.every
    scenario = _load(args.scenario, overrides)
    if args.port not in scenario.ports:
        raise UsageError(f"--port {args.port}: no such port; ports: {', '.join(scenario.ports)}")
    if not 1 <= args.fps <= 50:
        raise UsageError(f"--fps must be 1 to 50; got {args.fps}")
    frames = args.hours / scenario.queue_sample
    if frames > MAX_FRAMES:
        raise UsageError(f"{frames:,.0f} frames ({args.hours:g} h every "
                         f"{scenario.queue_sample * 60:g} min); at most {MAX_FRAMES:,}: "
                         "shorten --hours or raise --every")
    start = scenario.warmup_days * 24 if args.start is None else args.start
    if not 0 <= start < 1e6:
        raise UsageError(f"--start must be 0 or more hours; got {start:g}")
    result = simulate(scenario, args.seed, log=True)
    try:
        shown = port_frames(result, args.port, start, args.hours)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    out = args.out or Path(f"{safe_stem(scenario.name, 'scenario')}-{args.port}.gif")
    try:
        with plots_in(lang) as font:  # (the GIF's words in Chinese where there is the font)
            if lang != "en" and font is None:  # (English words: say why)
                print(font_note(lang), file=sys.stderr)
            write_gif(shown, out, title=_title(scenario.ports[args.port].label, args.port,
                                               lang), fps=args.fps)
    except OSError as exc:  # (a folder or device at --out, no permission)
        raise UsageError(str(exc)) from None
    print(done(len(shown), out, lang))
    return 0


def _title(label: str | None, port: str, lang: str) -> str:
    """The GIF's title: the port's label, else its identifier; a label the GIF's font
    cannot draw (Chinese, no Chinese font here) is not drawn as boxes: the identifier is,
    and a line on standard error says so."""
    from sim.cli_zh_animate import title_note
    from sim.report.animate import drawable

    if not label:
        return port
    if drawable(label):
        return label
    print(title_note(label, port, lang), file=sys.stderr)
    return port


def _dashboard(args: argparse.Namespace) -> int:
    from sim.cli import UsageError
    from sim.cli_lang import chosen

    lang = chosen(args)  # (before serving: a typo in BORDERSIM_LANG is refused at once)
    folder = _scenario_folder(args.scenarios)
    try:
        from sim.faces.dashboard import serve
    except ImportError as exc:
        raise UsageError(
            f"the dashboard needs Panel ({exc.name} is missing): "
            "pip install 'bordersim[dashboard]'"
        ) from None
    serve(args.host, args.port, args.workers, folder, args.origin, lang, args.out)
    print("dashboard stopped", file=sys.stderr)  # the server handles Ctrl-C itself
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the subcommand named by ``args.command``."""
    if args.command == "animate":
        return _animate(args)
    if args.command in _MODULES:
        return int(importlib.import_module(_MODULES[args.command]).run(args))
    if args.command == "docs":
        from sim import docs

        return docs.main(["--out", str(args.out), *(["--check"] if args.check else [])])
    if args.command == "dashboard":
        from sim.cli import Terminated

        try:
            return _dashboard(args)
        except KeyboardInterrupt:
            print("dashboard stopped", file=sys.stderr)
            return 130
        except Terminated:
            print("dashboard stopped", file=sys.stderr)
            return 143
    raise AssertionError(f"unknown command {args.command}")
