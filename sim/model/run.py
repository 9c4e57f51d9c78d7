"""``simulate(scenario, seed) -> RunResult``: one deterministic replication, no side effects."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import simpy

from sim.model.cost_sharing import unshared_notes
from sim.model.desk_eras import desk_era_metrics, desk_era_notes
from sim.model.organisation import Organisation
from sim.model.result import RunResult
from sim.model.selection import Selector
from sim.model.window import window_notes
from sim.model.world import World
from sim.python_words import as_python, given_in_python_words
from sim.scenario.check import check_flag, check_seed, checked
from sim.scenario.schema import Scenario


def simulate(
    scenario: Scenario | str | Path,
    seed: int | np.random.SeedSequence = 1,
    *,
    replication: int = 0,
    log: bool = False,
    selector: Selector | None = None,
    organisation: Callable[[simpy.Environment], Organisation] = Organisation,
    fast: bool = True,
) -> RunResult:
    """Run one replication of ``scenario``.

    ``scenario`` is a :class:`Scenario` or a scenario file's path, validated again first (as
    ``model_copy(update=...)`` is not): a bad value or a name that is not a field is a
    :class:`~sim.scenario.loader.ScenarioError` naming its path, value and what is allowed.
    ``seed`` and ``replication`` are whole numbers >= 0 (an int; a float, a bool or a
    string is refused), or ``seed`` a ``numpy.random.SeedSequence``. The default seed is 1, as
    in :func:`sim.compare`, :func:`sim.sweep` and every command's ``--seed``:
    ``simulate(scenario)`` is replication 0 of ``bordersim run``'s defaults. A result's
    ``seed`` ``(S, r)`` is run again by ``seed=S, replication=r``.
    ``log`` (True or False) keeps the per-consignment log as ``result.log``.

    Same scenario, seed and replication give bit-identical results. Consignments arriving in
    ``[warmup, warmup + days)`` are the cohort; arrivals then stop and the system drains for up
    to ``drain_days``; cohort consignments not out by then are counted as censored. With
    ``fast=False`` every consignment is a SimPy flow (no bulk path), slower: the same log,
    and metrics equal to rounding (sums taken in another order differ in the last digits).
    ``selector`` (default: the scenario's selection table) and ``organisation`` (a class or
    factory taking the SimPy environment) are the parts a later capability replaces.
    From ``sim.simulate`` (:func:`python_simulate`) its ``notes`` and ``warnings`` are in
    Python's words (``days=21`` for ``--days 21``: :mod:`sim.python_words`), while this
    function, which the experiments run, keeps the command line's, as results folders store them.
    """
    if not isinstance(seed, np.random.SeedSequence):
        seed = check_seed(_not_a_results_seed(seed))
    log = check_flag(log, "log")
    scenario = checked(scenario)
    world = World(
        scenario,
        seed,
        replication=check_seed(replication, "replication"),
        log=log,
        selector=selector,
        organisation=organisation,
        bulk=fast,
    )
    # the collector paused through the result tables too (see World.run): switched on at the
    # run's end, it would first scan every object the run left alive, for the tables' few cycles
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = world.run().result()
    finally:
        if collecting:
            gc.enable()
    result.days, result.warmup_days = scenario.days, scenario.warmup_days
    result.notes = window_notes(scenario.warmup_days, scenario.days)
    result.notes += [f"note: {m}" for m in unshared_notes(result.cost_metrics)]  # (costs')
    result.notes += [f"note: {m}" for m in desk_era_notes(desk_era_metrics(result.inspections))]
    return result


def _in_python_words(result: RunResult) -> None:
    """A run's notes and warnings in Python's words (``days=21`` for ``--days 21``); codes
    still read them (:mod:`sim.warning_codes` reads both spellings)."""
    result.notes = [as_python(n) for n in result.notes]
    result.warnings = [as_python(w) for w in result.warnings]


#: :func:`simulate` as ``sim.simulate`` gives it to a Python user
python_simulate = given_in_python_words(simulate, _in_python_words)


def _not_a_results_seed(seed: object) -> object:
    """``seed``, unless it is a result's ``seed`` (its root seed and spawn key, ``(1, 3)``):
    that is refused with the call that runs it again (``seed=1, replication=3``)."""
    if not isinstance(seed, tuple) or not seed or not all(
        isinstance(v, int | np.integer) and not isinstance(v, bool) for v in seed
    ):
        return seed
    root, *key = (int(v) for v in seed)
    if len(key) == 1:
        again = f"seed={root}, replication={key[0]}"
    else:
        spawn = f", spawn_key={tuple(key)}" if key else ""
        again = f"seed=numpy.random.SeedSequence({root}{spawn})"
    raise TypeError(
        f"seed must be a whole number >= 0 (an int) or a numpy.random.SeedSequence; got "
        f"{seed!r}, a result's seed (its root seed, then the replication, as replicate and "
        f"compare number them): run it again with simulate(scenario, {again})"
    )
