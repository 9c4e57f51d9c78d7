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

from sim.reproduce import Executing


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
    folder: str | Path, out: str | Path | None = None, reps: int | None = None, *,
    executor: str = "serial", workers: int | None = None, dask: str | None = None,
) -> Reproduction:
    """Re-run the finished results folder ``folder`` (a run's, a comparison's or a sweep's,
    made by the command line or from Python) into ``out`` (default: ``FOLDER-reproduced``,
    or ``-2``, ``-3``, ... when taken; it must be new or empty), its first ``reps``
    replications or all, and compare every figure with the original as ``bordersim
    reproduce`` does (docs/reproduce.md). ``executor`` (``serial``, ``processes`` or
    ``dask``), ``workers`` and ``dask`` (a scheduler's address) say where the replications
    run, as ``--executor``, ``--workers`` and ``--dask`` do: never what they give."""
    from sim.python_words import as_python
    from sim.reproduce import Refused, rerun_and_compare
    from sim.reproduce_compare import verdict
    from sim.scenario.check import check_reps

    if reps is not None:
        reps = check_reps(reps)
    try:
        rec, new, outcome = rerun_and_compare(
            Path(folder), None if out is None else Path(out), reps, None,
            executing(executor, workers, dask))
    except Refused as exc:
        raise ValueError(as_python(str(exc))) from None
    return Reproduction(bool(outcome.same), tuple(verdict(rec, new, outcome)), new)


def executing(executor: str, workers: int | None, dask: str | None) -> Executing:
    """Where the re-run's replications run, as ``reproduce_folder``'s arguments ask (checked
    as the command line checks its ``--executor``, ``--workers`` and ``--dask``), or
    ``ValueError`` naming the argument, its value and what is allowed."""
    from sim.experiment.executors import NAMES, check_address, get_executor

    if executor not in NAMES:
        raise ValueError(f"executor={executor!r}: allowed {', '.join(map(repr, NAMES))}")
    if dask is not None and executor != "dask":
        raise ValueError(f"dask={dask!r} (a scheduler's address) needs executor='dask' "
                         f"(got executor={executor!r})")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)
                                or workers < 1 or executor == "serial"):
        raise ValueError(f"workers={workers!r}: a whole number from 1, for executor="
                         "'processes' or 'dask' (serial runs one replication at a time)")
    address = None if dask is None else check_address(dask)
    words = [*(["--executor", executor] if executor != "serial" else []),
             *(["--workers", str(workers)] if workers is not None else []),
             *(["--dask", address] if address is not None else [])]
    return Executing(get_executor(executor, workers=workers, address=address), tuple(words))
