"""The workshop page's progress count, as ``bordersim compare`` counts
(:mod:`sim.cli_compare_progress`): the replications the page runs, not those of an option that
is the baseline again, which are the baseline's, reused (:func:`sim.faces.same.reuses`), take
no time and are named apart."""

from __future__ import annotations

from typing import Protocol

from sim.faces.words import say


class Counted(Protocol):
    """What the count reads of a run's :class:`~sim.faces.runs.Snapshot`."""

    done: int
    total: int
    reused: int
    elapsed: float


def counted(snap: Counted, lang: str = "en") -> str:
    """``4 of 4 replications, 9 s``; with reused replications, those run and those reused
    apart (``2 of 2 replications run, 2 reused, 9 s``), so the page never calls a
    replication it did not run done."""
    elapsed = f"{snap.elapsed:.0f}"
    if not snap.reused:
        return say(lang, "{done} of {total} replications, {elapsed} s", done=snap.done,
                   total=snap.total, elapsed=elapsed)
    return say(lang, "{done} of {total} replications run, {reused} reused, {elapsed} s",
               done=snap.done, total=snap.total, reused=snap.reused, elapsed=elapsed)
