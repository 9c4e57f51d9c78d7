"""Run a scenario's replications and collect one row of metrics per replication.

Replication ``r`` under root seed ``S`` uses ``SeedSequence(entropy=S, spawn_key=(r,))`` (what
:func:`sim.simulate` does), so any replication can be rerun alone, in any order or process.
Where the replications run is an *executor*; only ``"serial"`` exists for now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from sim.experiment.store import RunStore
from sim.model.result import RunResult
from sim.model.run import simulate
from sim.scenario.schema import Scenario

OnDone = Callable[[int, dict[str, float]], None]
Executor = Callable[..., Iterator[tuple[int, RunResult]]]


def _serial(
    scenario: Scenario, seed: int, replications: Iterable[int], log: bool = False
) -> Iterator[tuple[int, RunResult]]:
    """Run the replications one after another in this process."""
    for r in replications:
        yield r, simulate(scenario, seed, replication=r, log=log)


EXECUTORS: dict[str, Executor] = {"serial": _serial}


def replicate(
    scenario: Scenario,
    reps: int,
    seed: int,
    *,
    executor: str = "serial",
    on_done: OnDone | None = None,
    store: RunStore | None = None,
    log: bool = False,
) -> pd.DataFrame:
    """Run replications ``0 .. reps-1`` of ``scenario`` under root ``seed``.

    Returns one row per replication: column ``replication`` and every metric of
    :meth:`RunResult.metrics`. ``df.attrs["seeds"]`` maps each replication to its seed tuple.
    ``on_done(replication, metrics)`` is called as each one finishes (or is loaded from
    ``store``, which also receives every new replication's results). With ``log`` each
    replication's per-consignment log is kept and the store writes it as Parquet.
    """
    run = EXECUTORS.get(executor)
    if run is None:
        raise ValueError(f"unknown executor {executor!r}; allowed: {', '.join(EXECUTORS)}")
    if reps < 1:
        raise ValueError(f"reps must be at least 1; got {reps}")
    rows: dict[int, dict[str, float]] = {}
    seeds: dict[int, tuple[int, ...]] = {}
    todo = []
    if store is not None:
        store.open(scenario, seed, reps)
    for r in range(reps):
        loaded = store.load(r) if store is not None else None
        if loaded is None:
            todo.append(r)
            continue
        rows[r], seeds[r] = loaded
        if on_done is not None:
            on_done(r, rows[r])
    for r, result in run(scenario, seed, todo, log=log):
        rows[r] = store.save(r, result) if store is not None else result.metrics()
        seeds[r] = tuple(result.seed)
        if on_done is not None:
            on_done(r, rows[r])
    per_rep = pd.DataFrame([{"replication": r, **rows[r]} for r in sorted(rows)])
    per_rep.attrs["seeds"] = {r: seeds[r] for r in sorted(seeds)}
    if store is not None:
        store.finish(per_rep)
    return per_rep
