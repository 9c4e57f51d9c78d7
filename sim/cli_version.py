"""``bordersim --version``: the version number, and what tells one installed copy from another.

The version number stays the same from commit to commit, so it cannot say whether the copy
installed on a machine is the one that made a results folder. The build (version plus a
fingerprint of the source and of the libraries the numbers depend on) can: it is what every
results folder records (``build`` in ``meta.json``, and in the report) and what a resumed run
must match. So ``--version`` prints it too, with the Python, those libraries' versions and where
the package is installed. It is worked out only when asked for (it reads every source file),
so the commands start no slower.
"""

from __future__ import annotations

import argparse
import platform
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sim.version


def version_text() -> str:
    """The lines ``bordersim --version`` prints."""
    from sim.build import build, libraries

    versions = ", ".join(f"{name} {v or 'not installed'}" for name, v in libraries().items())
    return "\n".join(
        [
            f"bordersim {sim.version.__version__}",
            f"build {build()} (results folders record it: build in meta.json)",
            f"python {platform.python_version()}, {versions}",
            f"installed at {Path(sim.version.__file__).resolve().parent}",
        ]
    )


class VersionAction(argparse.Action):
    """Print :func:`version_text` and exit (argparse's own version action takes a fixed text,
    made whenever the parser is, which would cost every command the fingerprint)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: Any = argparse.SUPPRESS,
                 help: str = "show program's version number and exit"):  # fmt: skip
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:  # fmt: skip
        sys.stdout.write(version_text() + "\n")
        parser.exit()
