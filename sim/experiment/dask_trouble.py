"""What goes wrong with a Dask cluster, in one line each.

An operator's cluster fails in ways a replication does not: its scheduler dies (and its
workers end with it). That is no fault of a replication, so it is not reported as one (each
replication still to do "failed", and the partial comparison finished and sealed): the run
stops at once with one line saying what happened, how many replications are still to do and
what to do; what finished is kept, so that the same command resumes. Dask's own logging of a
lost connection (a traceback on stderr) is silenced while replications run. A scheduler that
refuses the connection, or a name that does not resolve, is said at once, not after Dask has
tried again for its connect timeout (``distributed.comm.timeouts.connect``, 30 s by default).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from sim.experiment.executors import SchedulerUnreachable, Task

#: the loggers of ``distributed`` that print a lost scheduler's traceback on the client side
_NOISY = ("distributed.client", "distributed.utils", "distributed.core", "distributed.comm")
#: the schemes whose connection is a plain TCP connection underneath (checked at once)
_OVER_TCP = ("tcp", "tls", "ws", "wss")


class SchedulerLost(SchedulerUnreachable):
    """The run lost its Dask scheduler part-way; what finished is kept (one line)."""


class Named(Protocol):
    """What names a replication: a :class:`Task`, or its key and number alone."""

    @property
    def key(self) -> Hashable: ...

    @property
    def replication(self) -> int: ...


def replications(tasks: Iterable[Named]) -> str:
    """The replication indices of ``tasks`` as short ranges: ``0 to 3, 7, 9 to 11``."""
    numbers = sorted({t.replication for t in tasks})
    parts: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        parts.append(str(numbers[i]) if i == j else f"{numbers[i]} to {numbers[j]}")
        i = j + 1
    return ", ".join(parts)


def number_ranges(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted ``numbers`` as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def points_named(runs: list[tuple[int, int]]) -> str:
    """``point 3``, or ``points 0 to 1, 3 to 4``."""
    said = ", ".join(str(a) if a == b else f"{a} to {b}" for a, b in runs)
    return f"point {said}" if runs == [(runs[0][0], runs[0][0])] else f"points {said}"


def still_to_do(tasks: Iterable[Named]) -> str:
    """Which replications ``tasks`` are: ``replication(s) 0 to 3`` for a run; for a sweep or a
    comparison (keys ``(point, replication)`` or ``(option, replication)``) by point or
    option, points with the same replications together: ``point 0: replication(s) 2 to 3;
    points 1 to 7: replication(s) 0 to 3`` (the replication numbers alone would read as if
    only those of one point were left); options the baseline first, then by name, whichever
    finished first."""
    todo = list(tasks)
    if not all(isinstance(t.key, tuple) and len(t.key) == 2 for t in todo):
        return f"replication(s) {replications(todo)}"
    groups: dict[Any, list[Named]] = {}
    for t in todo:
        groups.setdefault(t.key[0], []).append(t)  # type: ignore[index]
    parts: list[tuple[Any, str]] = [(k, replications(v)) for k, v in groups.items()]
    if all(isinstance(k, int) for k, _ in parts):
        said: list[str] = []
        for reps in dict.fromkeys(r for _, r in sorted(parts)):
            said.append(f"{points_named(number_ranges(k for k, r in parts if r == reps))}: "
                        f"replication(s) {reps}")
        return "; ".join(said)
    parts.sort(key=lambda part: (part[0] != "baseline", str(part[0])))  # (not by finishing)
    return "; ".join(f"option {k}: replication(s) {r}" for k, r in parts)


def _left(left: list[Task]) -> str:
    return f"{len(left)} replication(s) still to do ({still_to_do(left)}); what finished is kept"


def trouble(exc: BaseException, client: Any, where: str, left: list[Task]) -> Exception | None:
    """The one-line error to stop the run with, when ``exc`` (raised by a replication's
    future) is the cluster's fault, not the replication's; None when it is the replication's
    (reported as its failure). ``left``: the tasks whose results have not come back."""
    reason = str(getattr(exc, "reason", ""))
    lost = reason == "scheduler-connection-lost" or getattr(client, "status", "") in (
        "connecting", "closing", "closed")
    if not lost:
        return None
    return SchedulerLost(
        f"lost the Dask scheduler at {where} part-way (its workers stop with it); "
        f"{_left(left)}: start the scheduler and its workers again, then rerun the same "
        "command with the same --out to resume"
    )


@contextmanager
def quiet_dask_logs() -> Iterator[None]:
    """While replications run: Dask's client-side loggers say nothing below CRITICAL (a lost
    scheduler is told in one line by :func:`trouble`, not by Dask's tracebacks)."""
    loggers = [logging.getLogger(name) for name in _NOISY]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def knock(scheme: str | None, host: str, port: int, timeout: float = 3.0) -> None:
    """Open a plain TCP connection to ``host:port`` and close it, to say at once (not after
    Dask's connect timeout) that nothing listens there or that the name does not resolve
    (:class:`SchedulerUnreachable`). A connection that merely takes long is left to Dask."""
    if (scheme or "tcp").lower() not in _OVER_TCP:
        return
    address = f"{scheme}://{host}:{port}" if scheme else f"{host}:{port}"
    try:
        socket.create_connection((host.strip("[]"), port), timeout=timeout).close()
    except socket.gaierror as exc:
        raise SchedulerUnreachable(
            f"cannot reach the Dask scheduler at {address}: the name {host} does not resolve "
            f"({exc.strerror}); is it running, and is the address right?"
        ) from None
    except ConnectionRefusedError:
        raise SchedulerUnreachable(
            f"cannot reach the Dask scheduler at {address}: nothing listens on port {port} "
            f"of {host} (connection refused); is it running, and is the address right?"
        ) from None
    except OSError:  # timed out, no route: Dask's own attempt says what it finds
        return
