"""``sim.reproduce_folder``: ``bordersim reproduce`` from Python, so that a notebook that
saved a results folder can re-run it and read the verdict without a shell (the command's
own work: :mod:`sim.reproduce`). The verdict is returned, not printed; a folder that cannot
be re-run raises ``ValueError`` with the command's reason in Python's words (``reps=3``
for ``--reps 3``, ``out=`` for ``--out``).

    check = sim.reproduce_folder("results/sw-notebook")
    check.same          # True: every figure compared is the same, bit for bit
    print(check)        # the verdict's lines, as the command prints them
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Reproduction:
    """The verdict of re-running a results folder: whether every figure compared is the
    same (``same``), the verdict's lines and the folder of the re-run (``out``)."""

    same: bool
    lines: tuple[str, ...]
    out: Path

    def __str__(self) -> str:
        return "\n".join(self.lines)


def reproduce_folder(
    folder: str | Path, out: str | Path | None = None, reps: int | None = None
) -> Reproduction:
    """Re-run the finished results folder ``folder`` (a run's, a comparison's or a sweep's,
    made by the command line or from Python) into ``out`` (default: ``FOLDER-reproduced``,
    or ``-2``, ``-3``, ... when taken; it must be new or empty), its first ``reps``
    replications or all, and compare every figure with the original as ``bordersim
    reproduce`` does (docs/reproduce.md)."""
    from sim.python_words import as_python
    from sim.reproduce import Refused, rerun_and_compare
    from sim.reproduce_compare import verdict
    from sim.scenario.check import check_reps

    if reps is not None:
        reps = check_reps(reps)
    try:
        rec, new, outcome = rerun_and_compare(
            Path(folder), None if out is None else Path(out), reps)
    except Refused as exc:
        raise ValueError(as_python(str(exc))) from None
    return Reproduction(bool(outcome.same), tuple(verdict(rec, new, outcome)), new)
