"""``--csv FILE`` of the commands that also write a table (``both-sides``, ``hours``,
``outlook``): a FILE in a folder that is not there is refused as the command line is read,
not after the work is done (an outlook simulates every year before it writes)."""

from __future__ import annotations

import argparse
from pathlib import Path


def csv_path(text: str) -> Path:
    """An argparse type: ``text`` as a path whose folder exists (the file itself is made or
    replaced)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty name; give a file name, e.g. lanes.csv")
    path = Path(text)
    folder = path.parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(
            f"{text}: its folder {folder} is not there; make it first (mkdir -p {folder}) "
            "or give a file in a folder that is")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder; give a file name in it")
    return path
