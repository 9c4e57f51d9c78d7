"""What a resumed command kept and what it runs, and what an interrupted one leaves.

A night operator reading a requeued job's log needs to know, before it runs anything, how
much of the earlier job was found finished and kept, and how much is left; and, when it is
stopped again, how many replications its folder now keeps. The lines here say both: by
replication for a run, by point for a sweep, by option for a comparison
(:class:`sim.experiment.reporter.Reporter` writes them, in the command's language)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import NamedTuple

from sim.experiment.dask_trouble import still_to_do
from sim.experiment.store import REP_FILES

#: a sweep's replication files (``points/p0003-r0001.json``)
_POINT_FILES = "p[0-9][0-9][0-9][0-9]-r[0-9][0-9][0-9][0-9].json"


class _Key(NamedTuple):
    """A replication as :func:`still_to_do` names it."""

    key: Hashable
    replication: int


def _keys(keys: Sequence[Hashable]) -> list[_Key]:
    """Each key (``r``, ``(point, r)``, ``(option, r)``) with its replication number."""
    return [_Key(k, int(k[1]) if isinstance(k, tuple) else int(str(k))) for k in keys]


def resumed_line(kept: Sequence[Hashable], todo: Sequence[Hashable], lang: str = "en") -> str:
    """The line of a resumed command: ``kept`` the replications (``r``, ``(point, r)`` or
    ``(option, r)``) found finished, ``todo`` those it runs."""
    which, left = still_to_do(_keys(kept)), still_to_do(_keys(todo)) if todo else ""
    if lang == "zh":
        from sim.cli_zh_cluster import still_to_do_zh as zh

        rest = f"（{zh(left)}）" if todo else ""
        return (f"续跑：找到并保留了 {len(kept)} 次已完成的重复运行（{zh(which)}）；"
                f"还要运行 {len(todo)} 次{rest}")
    rest = f" ({left})" if todo else ""
    return (f"resuming: {len(kept)} finished replication(s) found and kept ({which}); "
            f"{len(todo)} to run{rest}")


def kept_replications(out: Path, kind: str) -> int:
    """How many finished replications the results folder ``out`` of ``kind`` (``run``,
    ``compare``, ``sweep``) holds: each is written atomically as it finishes, so every
    replication file there is a finished one."""
    if kind == "sweep":
        return _count(out / "points", _POINT_FILES)
    if kind == "compare":
        options = out / "options"
        found = sorted(options.glob("*")) if options.is_dir() else []
        return sum(_count(o / "reps", REP_FILES) for o in found if o.is_dir())
    return _count(out / "reps", REP_FILES)


def _count(folder: Path, pattern: str) -> int:
    try:
        return sum(1 for _ in folder.glob(pattern)) if folder.is_dir() else 0
    except OSError:
        return 0
