"""The ``bordersim`` console script's entry point.

Signals are handled here, before anything else of bordersim is imported, so that an interrupt
(Ctrl-C, SIGTERM) even during start-up ends with one line and exit 130 or 143, never a
traceback. Once the command runs, :func:`sim.cli.main` handles them itself (finished
replications are kept); a SIGTERM that comes after it has returned, as the process ends,
still ends it with 143, saying it was terminated, not that nothing was run.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _starting(signum: int, frame: FrameType | None) -> None:
    print("interrupted while starting; nothing was run", file=sys.stderr)
    sys.exit(130 if signum == signal.SIGINT else 143)


def _ending(signum: int, frame: FrameType | None) -> None:
    print("terminated; rerun with the same --out to resume", file=sys.stderr)
    sys.exit(143)


def install() -> None:
    """Until the command takes over: an interrupt exits at once, quietly."""
    signal.signal(signal.SIGINT, _starting)
    signal.signal(signal.SIGTERM, _starting)


def main() -> int:
    install()
    from sim.cli_home import quiet_home_warnings

    quiet_home_warnings()  # (a home folder that cannot be written is no error of the user's)
    from sim.cli import main as command

    signal.signal(signal.SIGINT, signal.default_int_handler)  # KeyboardInterrupt from here on
    signal.signal(signal.SIGTERM, _ending)  # (what the command puts back as it returns)
    return command()
