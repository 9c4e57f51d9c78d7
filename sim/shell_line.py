"""A ``bordersim`` command line for the user to paste into a POSIX shell.

Every command the tool prints for pasting (the workbook after a run, a report's command in
an error, the command that resumes an interrupted run) is built here, so that a path with
spaces, Chinese characters, quotes or ``$`` comes back whole when the shell splits it.
"""

from __future__ import annotations

import shlex


def bordersim_line(*words: object) -> str:
    """``bordersim`` and ``words`` (a subcommand, paths, flags) as one shell-quoted line."""
    return shlex.join(["bordersim", *map(str, words)])
