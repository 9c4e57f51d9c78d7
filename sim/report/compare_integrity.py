"""A comparison folder's pooled files checked against the per-replication files they were
made from: ``warnings.json`` against the options' checksummed replication records, and
``gains.csv`` against the checksummed ``gains/rep-NNNN.csv``. A hand edit there would
otherwise reach the report: an unstable option shown as steady-state, a loss as a gain."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from sim.experiment.rewrites import frames_alike

if TYPE_CHECKING:
    from sim.report.folder import Variant


class IntegrityError(ValueError):
    """A pooled file that does not match the replication files it was made from."""


def check_warnings(path: Path, variants: Mapping[str, Variant], written: dict[str, list[str]]
                   ) -> None:
    """``warnings.json`` must hold, per option, the warnings of its replication records."""
    from sim.experiment.compare import _named_warnings
    from sim.experiment.store import RunStore

    for name, variant in variants.items():
        store = RunStore.reading(variant.path)
        records = {r: store.rep_warnings(r) for r in variant.reps}
        if _named_warnings(records) != written.get(name, []):
            raise IntegrityError(
                f"{path / 'warnings.json'} does not match the replication files of option "
                f"{name!r} in options/ (changed or damaged)"
            )


def check_gains(
    path: Path, meta: dict[str, Any], table: pd.DataFrame, currency: str, logged: list[int]
) -> None:
    """``gains.csv`` must be the pooled who-gains table of ``gains/rep-NNNN.csv`` (each checked
    against its checksum); with no such file (a comparison without logs), it must be empty.
    Each replication whose baseline kept its log (``logged``) has its file, and its checksum
    beside it: one missing is named. A folder written before the files had checksums (none
    beside them) cannot be checked."""
    from sim.experiment.compare import _unpaired, stored_gains
    from sim.experiment.gains import summarise_gains

    folder = path / "gains"
    if folder.is_dir() and not any(folder.glob("rep-[0-9][0-9][0-9][0-9].json")):
        return
    parts = []
    for r in range(int(meta.get("reps") or 0)):
        file = path / "gains" / f"rep-{r:04d}.csv"
        _check_both(file, r, r in logged)
        if not file.exists():
            continue
        part = stored_gains(file, r)
        if part is None:
            raise IntegrityError(f"{file} does not match its checksum (changed or damaged)")
        parts.append(part)
    mismatch = IntegrityError(
        f"{path / 'gains.csv'} does not match the replications' who-gains files in gains/ "
        "(changed or damaged)"
    )
    if not parts:
        if not table.empty:
            raise mismatch
        return
    pooled, _ = _unpaired(pd.concat(parts, ignore_index=True))
    built = summarise_gains(pooled, currency=currency)
    if not frames_alike(table, built):
        raise mismatch


def _check_both(file: Path, r: int, expected: bool) -> None:
    """Who gains in replication ``r``: its table ``file`` and the checksum beside it are
    both there, or (unless ``expected``: its baseline kept the log it is made from) neither
    is; else an :class:`IntegrityError` naming what is missing."""
    seal = file.with_suffix(".json")
    missing = [p for p in (file, seal) if not p.exists()]
    if not missing or (len(missing) == 2 and not expected):
        return
    names = " and ".join([str(missing[0]), *(p.name for p in missing[1:])])
    verb = "is" if len(missing) == 1 else "are"
    raise IntegrityError(
        f"{names} {verb} missing (who gains and who loses in replication {r}, which "
        "gains.csv pools: the folder is incomplete or damaged)"
    )
