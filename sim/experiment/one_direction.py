"""Tables of a run with one direction of trade (imports only, as the teaching scenarios):
there each import row of a pooled figure repeats the pooled row, value for value, so the
tables show each figure once (the pooled row, which names no direction the run lacks)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sim.experiment.metric_names import DIRECTED

DIRECTIONS = ("import", "export")


def only_direction(measured: Iterable[str]) -> str | None:
    """The one direction whose rows of :data:`DIRECTED` some replication measured (their
    names among ``measured``), or None where both were measured (or neither)."""
    seen = set(measured)
    found = [d for d in DIRECTIONS if any(f"{m}_{d}" in seen for m in DIRECTED)]
    return found[0] if len(found) == 1 else None


def once(names: Sequence[str], measured: Iterable[str]) -> list[str]:
    """``names`` without the rows of the run's only direction (:func:`only_direction`) whose
    pooled row is among ``names`` too: with no goods the other way, those are the pooled
    figures again. A run with both directions keeps every row."""
    d = only_direction(measured)
    if d is None:
        return list(names)
    shown = set(names)
    return [n for n in names if not (n.endswith(f"_{d}") and n.removesuffix(f"_{d}") in shown)]
