"""Subcommands for people who do not write code: ``dashboard`` (the workshop page).

    bordersim dashboard [--host 127.0.0.1] [--port 5006] [--workers N] [--scenarios DIR]

Only the standard library is imported at start-up (like ``sim.cli``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

COMMANDS = ("dashboard",)


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
    from sim.cli import _positive_int

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
    dash.add_argument("--scenarios", type=Path, metavar="DIR",
                      help="offer the scenario files in DIR by name (default: the bundled ones)")


def _scenario_folder(folder: Path | None) -> Path:
    """The folder whose scenarios the page offers: the bundled one unless given."""
    from sim.cli import UsageError
    from sim.faces.choices import bundled_scenarios
    from sim.scenario.loader import BUNDLED

    if folder is None:
        return BUNDLED
    if not folder.is_dir():
        raise UsageError(f"--scenarios {folder}: not a folder")
    if not bundled_scenarios(folder):
        raise UsageError(f"--scenarios {folder}: no scenario files (*.toml) in it")
    return folder.resolve()


def run(args: argparse.Namespace) -> int:
    """Run the subcommand named by ``args.command``."""
    if args.command == "dashboard":
        from sim.cli import UsageError

        try:
            from sim.faces.dashboard import serve
        except ImportError as exc:
            raise UsageError(
                f"the dashboard needs Panel ({exc.name} is missing): "
                "pip install 'bordersim[dashboard]'"
            ) from None
        from sim.cli import Terminated

        folder = _scenario_folder(args.scenarios)
        try:
            serve(args.host, args.port, args.workers, folder)
        except KeyboardInterrupt:
            print("dashboard stopped", file=sys.stderr)
            return 130
        except Terminated:
            print("dashboard stopped", file=sys.stderr)
            return 143
        return 0
    raise AssertionError(f"unknown command {args.command}")
