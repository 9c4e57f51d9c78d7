"""A comparison's per-consignment rows as one DataFrame (``CompareResult.logs``): what a
notebook compares consignment by consignment (each option's clearance hours by commodity,
say), read from the comparison's folder, where ``compare(..., out=FOLDER)`` keeps each
option's log of each replication (``options/NAME/reps/rep-NNNN-log.parquet``: the
consignments of the observed cohort, one row each, with ``replication`` and their
milestones in hours from the run's start; docs/log.md). The logs are kept only in a folder
(in memory they would be many times the summary's size), and only with ``log=True``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd


class LogsMissing(ValueError):
    """The comparison kept no per-consignment logs: no folder, or ``log=False``."""


def option_logs(folder: Path | None, names: Sequence[str], option: str | None) -> pd.DataFrame:
    """The rows of ``option``'s logs (every option's for None, in ``names``' order), each
    replication's after the one before, with a first column ``option``; a comparison kept
    in no folder, or without its logs, is :class:`LogsMissing` saying how to keep them."""
    if folder is None:
        raise LogsMissing(
            "this comparison kept no per-consignment logs: they are kept in its folder; "
            "run it again with out=FOLDER (and log=True, the default)")
    frames = []
    for name in names if option is None else [option]:
        files = sorted((Path(folder) / "options" / name / "reps").glob("rep-*-log.parquet"))
        if not files:
            raise LogsMissing(
                f"{folder}: option {name!r} kept no per-consignment logs "
                "(options/NAME/reps/rep-NNNN-log.parquet); run the comparison with "
                "log=True (the default)")
        for path in files:
            frame = pd.read_parquet(path)
            frame.insert(0, "option", name)
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)
