"""Where replications run: in this process, in local processes, or on a Dask cluster.

Every executor runs the same pure task, ``simulate(scenario, seed, replication=r)``, and yields
``(key, RunResult | Failure)`` pairs in whatever order they finish; callers put the results
back in replication order, so the numbers are identical to the last bit whichever executor ran
them (``simulate`` is deterministic and keeps no state between calls).

- ``serial``: one after another in this process (the notebook default).
- ``processes``: a :class:`concurrent.futures.ProcessPoolExecutor` whose workers are started
  with the ``spawn`` method, which is safe inside Jupyter and the same on every OS. Tasks (the
  validated :class:`~sim.scenario.schema.Scenario`, seed and replication) are pickled. Each
  worker runs the main script's top level again as it starts, so a script must start
  replications under ``if __name__ == "__main__":``; one that does not gets
  :class:`WorkersCannotStart`, naming its line, instead of a bare ``BrokenProcessPool``.
- ``dask``: a ``dask.distributed`` cluster: ``DaskExecutor("tcp://host:8786")`` connects to a
  running scheduler; without an address a :class:`~distributed.LocalCluster` is started for the
  run and closed after it. Workers need ``bordersim`` installed at the same version. A
  scheduler that has had no worker for :data:`NO_WORKERS_WAIT` seconds (none started yet,
  or all lost) gets one line on stderr saying that the run waits, and how many replications
  are queued, and another when workers are back (:func:`watch_workers`). A scheduler lost
  part-way stops the run with one line naming the replications still to do, and an address
  where nothing listens is refused at once (:mod:`sim.experiment.dask_trouble`). Workers that
  cannot import bordersim, or run another build or Python, are refused before any
  replication is sent, and a worker that joins later is refused on receipt of its first
  replication, before it is stored: each comes back with what its worker runs
  (:mod:`sim.experiment.dask_workers`). Dask is an optional
  extra (``pip install 'bordersim[dask]'``); without it this executor says so
  (:mod:`sim.experiment.extras`).

A replication that raises does not stop the others: it comes back as a :class:`Failure` naming
its replication index and seed, with the error and the worker's traceback.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sim.experiment.reporter import ENGLISH, Reporter

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from sim.model.result import RunResult
    from sim.scenario.schema import Scenario

#: the names accepted by :func:`get_executor` (and ``bordersim run --executor``)
NAMES = ("serial", "processes", "dask")


@dataclass(frozen=True)
class Task:
    """One replication to run. ``key`` is the caller's label for it (e.g. ``(point, rep)``)."""

    key: Hashable
    scenario: Scenario
    seed: int
    replication: int
    log: bool = False


@dataclass(frozen=True)
class Failure:
    """A replication that raised instead of returning a result."""

    key: Hashable
    replication: int
    seed: tuple[int, ...]
    error: str
    traceback: str = field(default="", repr=False)

    def describe(self) -> str:
        where = f"replication {self.replication}"
        if isinstance(self.key, tuple) and len(self.key) == 2:  # a sweep's (point, replication)
            where = f"point {self.key[0]}, {where}"
        return f"{where} (seed {list(self.seed)}) failed: {self.error}"

    def record(self) -> dict[str, Any]:
        """As ``failures.json`` keeps it."""
        return {
            "replication": self.replication,
            "seed": list(self.seed),
            "error": self.error,
            "traceback": self.traceback,
        }


class ReplicationsFailed(RuntimeError):
    """Some replications raised; the others finished (and were stored, when a store was given).

    ``failures`` lists every :class:`Failure`; ``partial`` is whatever the caller could build
    from the replications that finished (a DataFrame, or None).
    """

    def __init__(self, failures: Sequence[Failure], partial: Any = None, where: Any = None):
        self.failures = list(failures)
        self.partial = partial
        self.where = where  # the failures.json that keeps their tracebacks, if any
        lines = [f.describe() for f in self.failures]
        others = "the others finished" if partial is not None and len(partial) else (
            "none finished")
        super().__init__(
            f"{len(lines)} replication(s) failed; {others}:\n  " + "\n  ".join(lines)
        )

    def hint(self) -> str:
        """What to do next, and where the tracebacks are. A replication is deterministic
        under its seed, so a rerun repeats an error of the scenario or the model: only a
        failure of the machine (memory, a lost worker, the disk) is worth retrying as is."""
        kept = f"tracebacks in {self.where}; " if self.where is not None else ""
        errors = {f.error for f in self.failures}
        if len(self.failures) > 1 and len(errors) == 1:
            return (
                f"{kept}every failure is the same error: a fault a rerun would repeat, not a "
                "chance one; fix it, then rerun with the same --out to run only what failed"
            )
        return (
            f"{kept}a replication is deterministic under its seed, so a rerun repeats an "
            "error of the scenario or the model: fix it first; a failure of the machine "
            "(memory, a lost worker, the disk) can be retried as is; rerun with the same "
            "--out to run only what failed (what finished is kept)"
        )


class WorkersCannotStart(RuntimeError):
    """Worker processes died as they started, because the main script starts replications from
    its top level, outside ``if __name__ == "__main__":`` (``spawn`` runs that again in each)."""


class SchedulerUnreachable(ConnectionError):
    """The Dask scheduler named by an address could not be reached (reported in one line)."""


#: the schemes of a Dask scheduler's address (``tcp://host:8786``); none means ``tcp``
SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")
_ADDRESS = re.compile(
    r"^(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://)?"
    r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)"
    r":(?P<port>[0-9]{1,5})$"
)


def check_address(address: str) -> str:
    """``address`` if it is the address of a Dask scheduler, ``HOST:PORT`` or
    ``SCHEME://HOST:PORT`` (a port 1 to 65535, a scheme of :data:`SCHEMES`); else ValueError
    saying what is allowed."""
    allowed = f"HOST:PORT or SCHEME://HOST:PORT (SCHEME one of {', '.join(SCHEMES)})"
    m = _ADDRESS.match(address.strip())
    if m is None:
        why = "no port number" if ":" not in address.rpartition("/")[2] else "not an address"
        raise ValueError(f"{address!r}: {why}; give {allowed}, e.g. tcp://10.0.0.5:8786")
    if m["scheme"] is not None and m["scheme"].lower() not in SCHEMES:
        raise ValueError(f"{address!r}: unknown scheme {m['scheme']!r}; give {allowed}")
    if not 1 <= int(m["port"]) <= 65535:
        raise ValueError(f"{address!r}: port {int(m['port'])} is not 1 to 65535")
    return address.strip()


Outcome = tuple[Hashable, "RunResult | Failure"]


def run_task(task: Task) -> Outcome:
    """Run one task; an exception becomes a :class:`Failure` (so a batch never stops)."""
    from sim.model.run import simulate  # here, so that importing this module stays light

    try:
        result = simulate(task.scenario, task.seed, replication=task.replication, log=task.log)
        return task.key, result
    except Exception as exc:  # reported to the caller, with its traceback
        return task.key, _failure(task, exc, traceback.format_exc())


def _failure(task: Task, exc: BaseException, tb: str = "") -> Failure:
    return Failure(
        key=task.key,
        replication=task.replication,
        seed=(int(task.seed), int(task.replication)),
        error=f"{type(exc).__name__}: {exc}",
        traceback=tb,
    )


class Executor(Protocol):
    name: str

    def map(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        """Run every task; yield ``(key, result or Failure)`` as each finishes."""
        ...


class SerialExecutor:
    """Run the tasks one after another in this process; ``reporter`` says the run's stderr
    lines (:mod:`sim.experiment.reporter`)."""

    name = "serial"

    def __init__(self, *, reporter: Reporter = ENGLISH):
        self.reporter = reporter

    def map(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        for task in tasks:
            yield run_task(task)


def cpus() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class ProcessExecutor:
    """Run the tasks in ``workers`` local processes started with ``spawn``."""

    name = "processes"

    def __init__(self, workers: int | None = None, *, reporter: Reporter = ENGLISH):
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1; got {workers}")
        self.workers, self.reporter = workers, reporter

    def map(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        if not tasks:
            return
        _quiet_cancelled_futures()
        started = _children()
        pool = process_pool(min(self.workers or cpus(), len(tasks)))
        futures = {pool.submit(run_task, task): task for task in tasks}
        finished = False
        try:
            for future in as_completed(futures):
                # (let go of it: a finished future holds its result, a replication's log
                # and tables, for as long as it is referenced, so that keeping them all
                # made a comparison's memory grow with every replication)
                task = futures.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool as exc:  # a worker died
                    where = unguarded_main_call()
                    if where is not None:
                        raise WorkersCannotStart(_unguarded_message(*where)) from exc
                    yield task.key, _failure(task, exc)
                except Exception as exc:  # the task could not be sent
                    yield task.key, _failure(task, exc)
            finished = True
        finally:
            if finished:
                pool.shutdown(wait=True)
            else:  # interrupted, or the caller gave up: stop computing now
                _abandon(pool, futures, started)


def _children() -> set[int]:
    """The process ids of this process's multiprocessing children now."""
    import multiprocessing

    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


def _abandon(pool: ProcessPoolExecutor, futures: Iterable[Any], before: set[int]) -> None:
    """Give up a pool's work at once: cancel what has not started, and end the workers
    computing what has (leaving the pool would wait for them, a replication each: a minute
    of CPU after "interrupted", whose results are thrown away). ``before``: the children
    that were there before the pool, left alone."""
    import multiprocessing

    for future in futures:
        future.cancel()
    pool.shutdown(wait=False, cancel_futures=True)
    workers = [p for p in multiprocessing.active_children() if p.pid not in before]
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(5)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started with ``spawn`` that end when this process
    does, however it ends (an idle worker outlives a parent killed by a signal otherwise,
    holding its memory for good)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),)
    )


def _end_with(parent: int) -> None:
    """In a worker: end as soon as ``parent`` is no longer its parent (it has died)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _quiet_cancelled_futures() -> None:
    """Keep an interrupted run to its one line: when an interrupt or SIGTERM reaches the
    workers too (a terminal's Ctrl-C, ``timeout``), the pool's manager thread may try to
    fail futures this process has just cancelled and print the InvalidStateError it gets
    (a race in ``concurrent.futures``, harmless: those results were given up)."""
    import threading
    from concurrent.futures import InvalidStateError

    previous = threading.excepthook
    if getattr(previous, "quiet_cancelled", False):
        return

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not InvalidStateError:
            previous(args)

    hook.quiet_cancelled = True  # type: ignore[attr-defined]
    threading.excepthook = hook


@contextmanager
def _children_ignore_interrupts() -> Iterator[None]:
    """While a local cluster starts its processes, Ctrl-C is ignored, so that they inherit
    that and leave the interrupt to this process (a terminal sends it to every process of
    the job): each would otherwise print its own traceback. Python installs no handler for
    a signal it starts with ignored; this process's own handler is put back at once, and
    the cluster's processes stop when it closes."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def unguarded_main_call() -> tuple[str, int] | None:
    """``(path, line)`` of the main script's top-level line that led to this call when that
    line is not under ``if __name__ == "__main__":``; None when the call did not come from a
    script's top level, is guarded, or the script cannot be read.

    A worker started with ``spawn`` runs the main script's top level again under the name
    ``__mp_main__``: such a line runs again in every worker, which then tries to start workers
    of its own while it is still starting, and Python stops it (the pool breaks).
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not path:  # an interactive session or a notebook: nothing is rerun
        return None
    frame = inspect.currentframe()
    while frame is not None and not (
        frame.f_code.co_name == "<module>" and frame.f_globals is vars(main)
    ):
        frame = frame.f_back
    if frame is None:
        return None
    line = frame.f_lineno
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_main_test(node.test):
            if node.body[0].lineno <= line <= (node.body[-1].end_lineno or line):
                return None
    return str(path), line


def _is_main_test(test: ast.expr) -> bool:
    """Whether ``test`` is ``__name__ == "__main__"`` (either way round)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    if not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s.id for s in sides if isinstance(s, ast.Name)]
    values = [s.value for s in sides if isinstance(s, ast.Constant)]
    return names == ["__name__"] and values == ["__main__"]


def _unguarded_message(path: str, line: int) -> str:
    return (
        f"the worker processes could not start: {path}, line {line}, at the top level of the "
        "script, starts replications in worker processes; each worker (started with spawn) "
        "runs the script's top level again as it starts, so it tried to start workers of its "
        'own and Python stopped it. Put that code under `if __name__ == "__main__":`.'
    )


class DaskExecutor:
    """Run the tasks on a Dask cluster.

    ``address`` names a running scheduler (``tcp://host:8786``); ``client`` is an existing
    :class:`distributed.Client` (left open); with neither, a LocalCluster of ``workers``
    single-threaded workers is started for each :meth:`map` and closed after it
    (``processes=False`` runs its workers as threads of this process). ``reporter`` says
    the run's stderr lines (waiting for workers, a worker that left: in its language).
    """

    name = "dask"

    def __init__(
        self,
        address: str | None = None,
        *,
        workers: int | None = None,
        processes: bool = True,
        client: Any = None,
        reporter: Reporter = ENGLISH,
    ):
        self.reporter = reporter
        #: where each replication (by key) ran, on a scheduler given by its address:
        #: ``{"scheduler": ADDRESS, "worker": ADDRESS}`` (none on a cluster started here)
        self.ran_on: dict[Hashable, dict[str, str]] = {}
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1; got {workers}")
        if client is None:  # (an optional extra: say how to install it, not a bare import error)
            from sim.experiment.extras import require_dask

            require_dask()
        if address is not None:
            address = check_address(address)
        self.address, self.workers, self.processes, self.client = (
            address,
            workers,
            processes,
            client,
        )

    def map(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        import contextlib
        import logging

        from distributed import Client, LocalCluster, as_completed

        from sim.experiment import dask_workers
        from sim.experiment.dask_trouble import quiet_dask_logs, trouble

        if not tasks:
            return
        with contextlib.ExitStack() as stack:
            stack.enter_context(quiet_dask_logs())
            client = self.client
            if client is None:
                if self.address is not None:
                    client = stack.enter_context(_connect(Client, self.address))
                else:
                    with _children_ignore_interrupts():
                        cluster = stack.enter_context(
                            LocalCluster(
                                n_workers=min(self.workers or cpus(), len(tasks)),
                                threads_per_worker=1,
                                processes=self.processes,
                                dashboard_address=None,
                                # an interrupted run says one line, not the cluster's warnings
                                # as it stops (errors still show)
                                silence_logs=logging.ERROR,
                            )
                        )
                    client = stack.enter_context(Client(cluster))
            if self.address is not None or self.client is not None:  # (not one started here)
                dask_workers.check_workers(client, self.address or str(
                    getattr(client.scheduler, "address", "") or "this client's cluster"))
            futures = _send(client, tasks)
            by_future = dict(zip(futures, tasks, strict=True))
            stack.enter_context(_watching(client, self.address, futures, self.reporter))
            where = self.address or "this run's cluster"
            try:
                for future in as_completed(futures):
                    try:
                        outcome = _receive(future, where, by_future.values(), _where_ran(self))
                    except SchedulerUnreachable:  # (a worker that runs other software)
                        raise
                    except Exception as exc:  # a worker died, or the cluster failed
                        stop = trouble(exc, client, where, list(by_future.values()))
                        if stop is None:  # (or a worker that cannot read what it was sent)
                            stop = dask_workers.asked_again(client, where, by_future.values())
                        if stop is not None:
                            raise stop from None
                        outcome = by_future[future].key, _failure(by_future[future], exc)
                    del by_future[future]
                    future.release()
                    yield outcome
            finally:
                _cancel(client, [f for f in futures if not f.done()])


def _where_ran(executor: DaskExecutor) -> dict[Hashable, dict[str, str]] | None:
    """Where :attr:`DaskExecutor.ran_on` is kept: only for a scheduler given by its address
    (a cluster started for the run is this machine's, not worth recording)."""
    return executor.ran_on if executor.address is not None else None


def _send(client: Any, tasks: Sequence[Task]) -> list[Any]:
    """Submit each task, pickled, to :data:`sim.experiment.dask_workers.RUN` (which says what
    its worker runs beside the outcome), with this command's own answer to compare with."""
    import pickle

    from sim.experiment import dask_workers

    mine = dask_workers.here()
    blobs = [pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL) for task in tasks]
    return list(client.map(dask_workers.RUN, blobs, expected=mine, pure=False))


def _receive(
    future: Any, where: str, left: Iterable[Task], ran_on: dict[Hashable, dict[str, str]] | None
) -> Outcome:
    """A finished future's outcome, once its worker's answer is found to match this command's
    (:func:`sim.experiment.dask_workers.received` refuses it otherwise, before it is stored);
    the scheduler and worker that ran it go into ``ran_on`` (when not None)."""
    from sim.experiment import dask_workers

    answer, outcome = future.result()
    dask_workers.received(answer, dask_workers.here(), where, left)
    if ran_on is not None and "worker" in answer:
        ran_on[outcome[0]] = {"scheduler": where, "worker": str(answer["worker"])}
    return outcome  # type: ignore[no-any-return]


#: how long (seconds) a Dask scheduler may have no worker before the run says it is waiting
NO_WORKERS_WAIT = 5.0


@contextmanager
def _watching(
    client: Any, address: str | None, futures: list[Any], reporter: Reporter = ENGLISH
) -> Iterator[None]:
    """While the replications run on ``client``'s scheduler, :func:`watch_workers` in a
    background thread (it says on stderr when the scheduler has had no worker for
    :data:`NO_WORKERS_WAIT` seconds, and when workers are back), and
    :func:`~sim.experiment.dask_departures.watch_departures` in another (it says which worker
    left part-way, and that its replications are run again elsewhere); ``reporter`` says
    their lines."""
    import threading

    from sim.experiment.dask_departures import watch_departures

    where = address or str(getattr(client.scheduler, "address", "") or "this run's cluster")
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_workers,
        args=(lambda: len(client.nthreads()), lambda: sum(not f.done() for f in futures),
              where, stop),
        kwargs={"grace": NO_WORKERS_WAIT, "reporter": reporter},
        name="watch-dask-workers",
        daemon=True,
    )
    departures = threading.Thread(
        target=watch_departures,
        args=(lambda: client.nthreads().keys(), lambda: sum(not f.done() for f in futures),
              where, stop),
        kwargs={"reporter": reporter},
        name="watch-dask-departures",
        daemon=True,
    )
    watcher.start()
    departures.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join(timeout=1.0)
        departures.join(timeout=1.0)


def watch_workers(
    workers: Callable[[], int],
    queued: Callable[[], int],
    where: str,
    stop: threading.Event,
    *,
    grace: float = NO_WORKERS_WAIT,
    every: float = 0.5,
    say: Callable[[str], None] | None = None,
    reporter: Reporter = ENGLISH,
) -> None:
    """Until ``stop`` is set, look every ``every`` seconds how many ``workers`` the Dask
    scheduler at ``where`` has. Once it has had none for ``grace`` seconds, ``say`` (by
    default: print on stderr) that the run is waiting, with how many replications are
    ``queued``, once; and again when workers are back. A look that fails (the scheduler
    busy or gone) is skipped: the run itself reports a scheduler that is gone. The lines
    are ``reporter``'s (in its language); ``say`` defaults to its ``say``."""
    tell = say or reporter.say

    def back(n: int) -> None:
        tell(reporter.back_line(where, n, queued()))

    since: float | None = time.monotonic()  # (none seen yet: from the start)
    waiting = False
    while not stop.wait(every):
        try:
            n = workers()
        except Exception:  # noqa: BLE001 - the next look will tell
            continue
        if n > 0:
            if waiting:
                back(n)
            since, waiting = None, False
        elif since is None:
            since = time.monotonic()
        elif not waiting and time.monotonic() - since >= grace and not stop.is_set():
            tell(reporter.waiting_line(where, queued()))
            waiting = True
    if waiting:  # workers came and finished the run between two looks: say they came
        _last_look(workers, back)


def _last_look(workers: Callable[[], int], back: Callable[[int], None]) -> None:
    """After the run, one more look at a scheduler the run said it was waiting for."""
    try:
        n = workers()
    except Exception:  # noqa: BLE001 - gone with the run: nothing more to say
        return
    if n > 0:
        back(n)


def reach(address: str) -> None:
    """Connect to the scheduler at ``address``, ask its workers what they run, and leave again,
    so that a command can refuse an unreachable scheduler, or workers that cannot import
    bordersim or run another build or Python, before it writes anything
    (:class:`SchedulerUnreachable`; :mod:`sim.experiment.dask_workers`)."""
    from sim.experiment.extras import require_dask

    require_dask()
    from distributed import Client

    from sim.experiment.dask_workers import check_workers

    client = _connect(Client, check_address(address))
    try:
        check_workers(client, address)
    finally:
        client.close()


def _cancel(client: Any, futures: list[Any]) -> None:
    """Cancel ``futures`` on the scheduler; nothing when it is gone (they went with it)."""
    if not futures or getattr(client, "status", "running") != "running":
        return
    try:
        client.cancel(futures)
    except Exception:  # noqa: BLE001 - lost as we stop: nothing is left to cancel
        return


def _connect(client: Any, address: str) -> Any:
    """A client of the scheduler at ``address`` (unreachable: :class:`SchedulerUnreachable`,
    at once where nothing listens or the name does not resolve)."""
    from sim.experiment.dask_trouble import knock

    m = _ADDRESS.match(address)
    if m is not None:
        knock(m["scheme"], m["host"], int(m["port"]))
    try:
        return client(address)
    except (OSError, ValueError) as exc:  # refused, timed out, a name that does not resolve
        raise SchedulerUnreachable(
            f"cannot reach the Dask scheduler at {address}: {exc}; is it running, and is "
            "the address right?"
        ) from None
    except MemoryError:  # what it sent read as the length of a huge message
        raise SchedulerUnreachable(
            f"the server at {address} does not answer as a Dask scheduler; is the address "
            "(and its port) right?"
        ) from None


def get_executor(
    spec: str | Executor = "serial",
    *,
    workers: int | None = None,
    address: str | None = None,
    reporter: Reporter = ENGLISH,
) -> Executor:
    """An executor by name (``serial``, ``processes``, ``dask``), or ``spec`` itself;
    ``reporter`` says its run's stderr lines (the command line's, in its ``--lang``)."""
    if not isinstance(spec, str):
        return spec
    if spec == "serial":
        return SerialExecutor(reporter=reporter)
    if spec == "processes":
        return ProcessExecutor(workers, reporter=reporter)
    if spec == "dask":
        return DaskExecutor(address, workers=workers, reporter=reporter)
    raise ValueError(f"unknown executor {spec!r}; allowed: {', '.join(NAMES)}")
