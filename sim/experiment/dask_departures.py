"""Saying when a Dask worker leaves part-way through a run.

When a worker dies (killed, its machine lost, its nanny restarting it), the scheduler gives
the replications it was running to the other workers and the run's results are those of an
undisturbed run. Before, the run said nothing of it: an operator reading an overnight log had
no sign that a machine had been lost, nor that its work had been redone. The watcher here
looks at the scheduler's workers while the replications run and says, once per worker, which
one left, and that its replications are run again elsewhere.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection

from sim.experiment.reporter import ENGLISH, Reporter

#: how often (seconds) the watcher looks at the scheduler's workers
EVERY = 0.5


def departed(worker: str, where: str, remaining: int, queued: int) -> str:
    """The one line said when ``worker`` has left the scheduler at ``where``."""
    then = ("the scheduler gives its replications in progress to the other "
            f"{remaining} worker(s)" if remaining else
            "no worker is left to run its replications in progress (start one)")
    return (f"note: worker {worker} left the Dask scheduler at {where} part-way (killed, "
            f"stopped or its machine lost); {then}, and the results stay those of an "
            f"undisturbed run ({queued} replication(s) to go)")


def watch_departures(
    workers: Callable[[], Collection[str]],
    queued: Callable[[], int],
    where: str,
    stop: threading.Event,
    *,
    every: float | None = None,
    say: Callable[[str], None] | None = None,
    reporter: Reporter = ENGLISH,
) -> None:
    """Until ``stop`` is set, look every ``every`` seconds at the addresses of the
    scheduler's ``workers``; ``say`` (by default: print on stderr) one line for each worker
    seen before that is gone. A look that fails (the scheduler busy or gone) is skipped: the
    run itself reports a scheduler that is gone, and its workers are not said to leave.
    ``every`` defaults to :data:`EVERY`. The line is ``reporter``'s (:func:`departed` in
    English), and ``say`` defaults to its ``say``."""
    pause = EVERY if every is None else every
    tell = say or reporter.say
    seen: set[str] | None = None
    while not stop.wait(pause):
        try:
            now = set(workers())
        except Exception:  # noqa: BLE001 - the next look will tell
            continue
        if seen is not None and not stop.is_set():
            for worker in sorted(seen - now):
                tell(reporter.departed_line(worker, where, len(now), queued()))
        seen = now
