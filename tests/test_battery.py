"""The hostile user's battery (``tests/battery.py``): a sample in CI, everything with
``-m battery``.

Every case must end in a clean scenario error naming the file and the field, or in a scenario
that is safe to run; never a traceback, a hang or a non-finite value. Extend ``battery.py``
whenever a field or a file kind is added.
"""

from __future__ import annotations

import math
import random
import time

import numpy as np
import pytest
from battery import all_cases, judge, sample

import sim

CASES = all_cases()
SAMPLE = sample(CASES, 300)


def _check(case, tmp_path) -> None:
    outcome = judge(case, tmp_path / "case")
    assert outcome.ok, f"{case.id} (root cause {case.cause}): {outcome.kind}: {outcome.detail}"


@pytest.mark.parametrize("case", SAMPLE, ids=[c.id for c in SAMPLE])
def test_sample(case, tmp_path):
    _check(case, tmp_path)


def pytest_generate_tests(metafunc):
    """The full set is generated only when asked for (-m battery): 12,000 skipped items
    would slow every ordinary run."""
    if metafunc.function.__name__ == "test_full":
        wanted = "battery" in (metafunc.config.option.markexpr or "")
        cases = CASES if wanted else []
        metafunc.parametrize("case", cases, ids=[c.id for c in cases])


@pytest.mark.battery
def test_full(case, tmp_path):
    _check(case, tmp_path)


def test_valid_mutations_run(tmp_path):
    """Mutations that pass validation run a short simulation in bounded time, finitely."""
    from battery import materialise

    rng = random.Random(1)
    leaf = [c for c in CASES if c.argv is None and ":" in c.id]
    ran = 0
    for case in rng.sample(leaf, 400):
        path = materialise(case, tmp_path / f"c{ran}-{abs(hash(case.id))}")
        try:
            scenario = sim.load_scenario(
                path, {"days": 1, "warmup_days": 0, "drain_days": 1, "queue_sample": "1 h"}
            )
        except sim.ScenarioError:
            continue
        start = time.perf_counter()
        result = sim.simulate(scenario, seed=1, log=True)
        assert time.perf_counter() - start < 30, case.id
        times = result.log.select_dtypes("number").to_numpy(dtype=float)
        assert not np.isinf(times).any(), case.id
        for name, value in result.metrics().items():
            assert not (isinstance(value, float) and math.isinf(value)), (case.id, name)
        ran += 1
        if ran == 8:
            break
    assert ran == 8
