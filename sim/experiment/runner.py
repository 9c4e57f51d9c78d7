"""Run a scenario's replications and collect one row of metrics per replication.

Replication ``r`` under root seed ``S`` uses ``SeedSequence(entropy=S, spawn_key=(r,))`` (what
:func:`sim.simulate` does), so any replication can be rerun alone, in any order or process.
Where the replications run is an *executor* (:mod:`sim.experiment.executors`: serial, local
processes or Dask); results are put back in replication order, so they do not depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from sim.experiment.executors import (
    Executor,
    Failure,
    ReplicationsFailed,
    Task,
    cpus,
    get_executor,
)
from sim.experiment.precision import Target
from sim.experiment.ran_on import where_ran
from sim.experiment.store import RunStore, StoreMismatch
from sim.model.credit_rules import engine_caps
from sim.model.risk_notes import engine_throttle
from sim.model.window import run_notes
from sim.python_source import with_source
from sim.python_words import as_python, given_in_python_words
from sim.reps import FIRST_REPS
from sim.scenario.check import check_flag, check_reps, check_seed, checked
from sim.scenario.export_selection import has_export_tables
from sim.scenario.schema import Scenario

OnDone = Callable[[int, dict[str, float]], None]


def replicate(
    scenario: Scenario | str | Path,
    reps: int,
    seed: int = 1,
    *,
    executor: str | Executor = "serial",
    workers: int | None = None,
    on_done: OnDone | None = None,
    store: RunStore | str | Path | None = None,
    log: bool = False,
    target: Target | None = None,
) -> pd.DataFrame:
    """Run replications ``0 .. reps-1`` of ``scenario`` under root ``seed``.

    ``scenario`` is a :class:`Scenario` (validated again first, as :func:`sim.simulate` does)
    or a scenario file's path; ``reps`` a whole number >= 1 and ``seed`` one >= 0 (ints; 1
    by default, as on the command line).

    Returns one row per replication: column ``replication`` and every metric of
    :meth:`RunResult.metrics`. ``df.attrs["seeds"]`` maps each replication to its seed tuple;
    ``df.attrs["notes"]`` holds the notes and warnings ``bordersim run`` prints (see
    :func:`sim.model.window.run_notes`), in Python's words (``days=21``: :mod:`sim.python_words`).
    ``on_done(replication, metrics)`` is called as each one finishes (or is loaded from
    ``store``, a results folder's :class:`RunStore` or its path, which also receives every
    new replication's results). With ``log`` each replication's per-consignment log is kept
    and the store writes it as Parquet (so ``log`` needs a store: for one replication's log
    in memory, ``sim.simulate(scenario, seed, log=True)``).

    With a precision ``target`` (:class:`sim.experiment.precision.Target`), more are added
    until its intervals are narrow enough or ``target.max_reps`` ran (see :func:`first_round`
    and :func:`_until_precise`); the notes say which.

    ``executor`` is ``"serial"``, ``"processes"``, ``"dask"`` (with ``workers``) or an executor
    object (e.g. ``DaskExecutor("tcp://scheduler:8786")``). When replications raise, the others
    still finish (and are stored); then :class:`ReplicationsFailed` is raised, naming each failed
    replication and its seed, with the finished rows as its ``partial``.
    """
    reps = check_reps(reps)
    run = get_executor(executor, workers=workers)
    seed = check_seed(seed)
    log = check_flag(log, "log")
    scenario = checked(scenario)
    store = _a_store(store, log, run)
    reps = first_round(reps, target, store)
    if store is not None:
        store.open(scenario, seed, reps)
    runs = _Replications(run, scenario, seed, log, store, on_done)
    try:
        runs.through(reps)
        if target is not None:
            _until_precise(runs, reps, target, _round(run, workers))
    except BaseException:  # (interrupted: what it computed until then is said, and kept)
        if store is not None:
            store.record_history(interrupted=True)
        raise
    per_rep = _finished(runs.table(), runs.failures, store, runs.warned, scenario)
    if target is not None:
        per_rep.attrs["notes"] = [*per_rep.attrs["notes"], *target.notes(per_rep)]
    per_rep.attrs["notes"] = [as_python(n) for n in per_rep.attrs["notes"]]
    return per_rep


def _said(per_rep: pd.DataFrame) -> None:
    """Nothing more to put in Python's words: :func:`replicate` gives its notes in them."""


#: :func:`replicate` as ``sim.replicate`` gives it to a Python user: a ``store`` that is not
#: its own, or inside another results folder, said so with ``store=`` where the command line
#: (which runs :func:`replicate` itself) says ``--out``
#: (and writes the folder's scenario-source.json: sim.python_source)
python_replicate = with_source(given_in_python_words(replicate, _said, errors=(StoreMismatch,),
                                                     out="store", nested=True), "store")


class _Replications:
    """A run's replications so far: their metrics, seeds and warnings, and those that
    failed; :meth:`through` runs (or loads from the store) the next ones."""

    def __init__(
        self,
        run: Executor,
        scenario: Scenario,
        seed: int,
        log: bool,
        store: RunStore | None,
        on_done: OnDone | None,
    ):
        self.run, self.scenario, self.seed, self.log = run, scenario, seed, log
        self.store, self.on_done = store, on_done
        self.rows: dict[int, dict[str, float]] = {}
        self.seeds: dict[int, tuple[int, ...]] = {}
        self.warned: dict[str, list[str]] = {}
        self.failures: list[Failure] = []
        self.done = 0  # replications 0 .. done-1 asked for

    def through(self, stop: int) -> None:
        """Replications ``done .. stop-1``: loaded if the store holds them, else run."""
        if self.store is not None and stop > self.store.reps:
            self.store.grow(stop)
        todo = _stored(self.store, range(self.done, stop), self.rows, self.seeds,
                       self.on_done, self.log)
        if self.done == 0:  # (a resumed folder says what it kept, once)
            from sim.experiment.reporter import reporter_of

            reporter_of(self.run).resumed([r for r in range(stop) if r not in todo], todo)
        self.done = max(self.done, stop)
        tasks = [Task(r, self.scenario, self.seed, r, self.log) for r in todo]
        kept = (self.seeds, self.warned)
        self.failures += _run(self.run.map(tasks), self.store, self.rows, kept, self.on_done,
                              self.run)

    def table(self) -> pd.DataFrame:
        per_rep = pd.DataFrame([{"replication": r, **self.rows[r]} for r in sorted(self.rows)])
        per_rep.attrs["seeds"] = {r: self.seeds[r] for r in sorted(self.seeds)}
        return per_rep


def _until_precise(runs: _Replications, n: int, target: Target, step: int) -> int:
    """Add replications, ``step`` at a time, until ``target`` is met or ``target.max_reps``
    ran (or one failed: the run then ends, as a run of fixed size does); return how many."""
    while n < target.max_reps and not runs.failures:
        if not target.gaps(runs.table()):
            break
        n = min(target.max_reps, n + step)
        runs.through(n)
    return n


def _round(run: Executor, workers: int | None) -> int:
    """Replications added at a time towards a precision target: one, run alone; as many as
    the executor runs side by side otherwise (its workers are kept busy)."""
    if run.name == "serial":
        return 1
    return max(1, workers or getattr(run, "workers", None) or cpus())


def first_round(reps: int, target: Target | None, store: RunStore | None) -> int:
    """The replications run before a precision ``target`` is first checked: ``reps``, at
    least ``FIRST_REPS``, and every one a resumed folder holds (``reps`` without a target)."""
    if target is None:
        return reps
    return max(reps, FIRST_REPS, _held(store))


def _held(store: RunStore | None) -> int:
    """How many replications a results folder holds from 0 on, unbroken (a precision run
    resumed takes them up: they are not left out as beyond its first round)."""
    if store is None:
        return 0
    n = 0
    while store.holds(n):
        n += 1
    return n


def _a_store(store: RunStore | str | Path | None, log: bool,
             executor: object = None) -> RunStore | None:
    """``store`` as a :class:`RunStore` (a folder's path opens one, its warnings said by
    ``executor``'s reporter); a log asked for with no store to write it into is refused,
    not computed and dropped."""
    if isinstance(store, str | Path):
        from sim.experiment.reporter import reporter_of

        return RunStore(store, reporter=reporter_of(executor))
    if store is not None and not isinstance(store, RunStore):
        raise TypeError(f"store must be a RunStore or a folder's path; got {type(store).__name__}")
    if log and store is None:
        raise ValueError(
            "log=True writes each replication's log into the store's folder: give "
            "store='results/my-run' (or a RunStore); for one replication's log in memory, "
            "use sim.simulate(scenario, seed, log=True)"
        )
    return store


def _run(
    results: Iterable[tuple[object, Any]],
    store: RunStore | None,
    rows: dict[int, dict[str, float]],
    kept: tuple[dict[int, tuple[int, ...]], dict[str, list[str]]],
    on_done: OnDone | None,
    executor: object = None,
) -> list[Failure]:
    """Take each replication's result as it finishes: its metrics into ``rows`` (saved in
    ``store``, with where it ran on ``executor``: :func:`where_ran`), its seed and warnings
    into ``kept``; return those that failed."""
    seeds, warned = kept
    failures: list[Failure] = []
    for key, result in results:
        r = int(key)  # type: ignore[call-overload]
        if isinstance(result, Failure):
            failures.append(result)
            continue
        where = where_ran(executor, key)
        rows[r] = store.save(r, result, ran_on=where) if store is not None else result.metrics()
        seeds[r] = tuple(result.seed)
        if result.warnings:
            warned[f"rep-{r:04d}"] = list(result.warnings)
        if on_done is not None:
            on_done(r, rows[r])
    return failures


def _finished(
    per_rep: pd.DataFrame,
    failures: list[Failure],
    store: RunStore | None,
    warned: dict[str, list[str]],
    scenario: Scenario,
) -> pd.DataFrame:
    """The replications' table with the run's notes, once every replication is done (and
    stored); :class:`ReplicationsFailed` if any failed."""
    if failures:
        failed = sorted(failures, key=lambda f: f.replication)
        where = store.save_failures([f.record() for f in failed]) if store is not None else None
        raise ReplicationsFailed(failed, per_rep, where)
    if store is not None:
        store.finish(per_rep)
        warned = store.warnings()  # (those of replications loaded from it too)
    means = {str(k): float(v) for k, v in per_rep.drop(columns="replication").mean().items()}
    per_rep.attrs["notes"] = run_notes(
        dict(sorted(warned.items())), means, scenario.warmup_days, scenario.days,
        len(per_rep), caps=engine_caps(scenario), throttle=engine_throttle(scenario),
        directed=has_export_tables(scenario), static=engine_caps(scenario) is None,
    )
    return per_rep


def _stored(
    store: RunStore | None,
    reps: range,
    rows: dict[int, dict[str, float]],
    seeds: dict[int, tuple[int, ...]],
    on_done: OnDone | None,
    log: bool = False,
) -> list[int]:
    """Load the replications ``store`` holds into ``rows`` and ``seeds`` (telling
    ``on_done``); the others, to run. With ``log``, a replication stored without its log is
    run again to keep it (the same seed gives the same results)."""
    todo = []
    for r in reps:
        loaded = store.load(r) if store is not None else None
        if loaded is not None and log and store is not None and not store.kept_log(r):
            store.notice(f"replication {r} was run without its log (--log): computed again to "
                         "keep it (the same seed gives the same results)")
            loaded = None
        if loaded is None:
            todo.append(r)
            continue
        rows[r], seeds[r] = loaded
        if on_done is not None:
            on_done(r, rows[r])
    return todo
