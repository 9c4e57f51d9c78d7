"""The generated scenarios of the property tests reach every step of the route.

``tests/test_properties.py`` compares the bulk path with the SimPy flow path on scenarios from
its generator; a step no generated consignment takes is never compared (its bulk form may be
wrong, or missing, and every test still passes). So every step of
:func:`sim.model.steps.clearance_steps` must be taken by some consignment of the generator's
scenarios over a fixed set of examples, in its scalar form, and in its bulk form when it has
one, unless listed in ``UNREACHED`` with the reason: a new step fails here until the generator
(``scenario_data`` in ``tests/test_properties.py``) makes scenarios that take it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sim.model.route import LANE
from sim.model.run import simulate
from sim.model.steps import clearance_steps
from tests.test_properties import scenarios, with_risk_engine

#: steps the generator need not reach, each with its reason ({name: reason})
UNREACHED: dict[str, str] = {}
#: steps with a bulk form that need not run in bulk, each with its reason
UNREACHED_IN_BULK: dict[str, str] = {}
#: steps that queue only at a port with an optional lane ({name: the lane}): their queued
#: forms (a lane's visit, a block served at it) must run too, not only their plain ones
QUEUED_AT_SOME_PORTS: dict[str, str] = {"transit": "ports.<port>.transit.desk"}

EXAMPLES = 60


def _record(monkeypatch: pytest.MonkeyPatch) -> tuple[set[str], set[str], set[str]]:
    """Wrap every step's forms to note which steps ran: (in scalar form, in bulk form, and
    ``<name> scalar`` / ``<name> bulk`` where the step queued at a lane)."""
    scalar: set[str] = set()
    bulk: set[str] = set()
    queued: set[str] = set()

    def scalar_form(name: str, method: str, f: Any) -> Any:
        def run(self: Any, j: Any, *a: Any) -> Any:
            scalar.add(name)
            if method == "visit":
                queued.add(f"{name} scalar")
            return f(self, j, *a)

        return run

    def bulk_form(name: str, f: Any) -> Any:
        def run(self: Any, b: Any, rows: np.ndarray) -> Any:
            if rows.any():
                bulk.add(name)
                if self.kind(b.port) == LANE:
                    queued.add(f"{name} bulk")
            return f(self, b, rows)

        return run

    for step in clearance_steps():
        cls = type(step)
        for method in ("flow", "visit"):
            wrapped = scalar_form(step.name, method, getattr(cls, method))
            monkeypatch.setattr(cls, method, wrapped)
        monkeypatch.setattr(cls, "bulk", bulk_form(step.name, cls.bulk))
    return scalar, bulk, queued


@pytest.fixture
def seed_alone() -> Any:
    """Hypothesis mixes constants of every module loaded in the process into what it draws,
    even derandomized, so which examples this test made depended on the test files its worker
    had run before it (it passed alone and failed beside others). With that pool empty, the
    examples depend on the seed alone. (A private part of Hypothesis: if it moves, this fails
    at setup, not quietly.)"""
    from hypothesis.internal.conjecture import providers

    empty = providers.Constants()
    providers.CONSTANTS_CACHE.cache.clear()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(providers, "_get_local_constants", lambda: empty)
        yield
    providers.CONSTANTS_CACHE.cache.clear()  # (built from the empty pool: not for others)


@pytest.mark.usefixtures("seed_alone")
def test_the_generated_scenarios_take_every_step(monkeypatch: pytest.MonkeyPatch):
    scalar, bulk, queued = _record(monkeypatch)

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,  # (the same examples every time)
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.one_of(scenarios(), with_risk_engine()), st.integers(0, 2**32 - 1))
    def run(scenario: Any, seed: int) -> None:
        simulate(scenario, seed, fast=True)

    run()
    steps = clearance_steps()
    missed = [s.name for s in steps if s.name not in scalar | bulk and s.name not in UNREACHED]
    assert not missed, f"no generated consignment takes {missed}: extend scenario_data"
    no_bulk = [
        s.name
        for s in steps
        if s.bulk_form and s.name not in bulk and s.name not in UNREACHED_IN_BULK
    ]
    assert not no_bulk, f"no generated block runs the bulk form of {no_bulk}"
    assert not UNREACHED.keys() & (scalar | bulk), "a step listed as unreached is reached"
    for name, lane in QUEUED_AT_SOME_PORTS.items():
        for form in ("scalar", "bulk"):
            assert f"{name} {form}" in queued, f"no generated {name} queues at {lane} ({form})"
