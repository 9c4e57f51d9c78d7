"""The Python entry points name a wrong argument as the command line would: ``reps``
(like ``seed``), the shape of ``options`` and of a sweep's values, the source of
``load_scenario``'s overrides, and ``patch``'s nested changes."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.experiment.runner import replicate

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 1, "warmup_days": 1, "drain_days": 1}
CAPACITY = "ports.sea.review.capacity"


@pytest.fixture(scope="module")
def small() -> sim.Scenario:
    return sim.load_scenario(SMALL, SHORT)


@pytest.mark.parametrize(
    "reps, error, said",
    [
        (1.5, TypeError, "got 1.5 (float)"),
        ("2", TypeError, "got '2' (str)"),
        (True, TypeError, "got True (bool)"),
        (0, ValueError, "got 0"),
    ],
)
def test_reps_is_checked_like_seed(small, reps, error, said):
    for run in (
        lambda: replicate(small, reps=reps, seed=1),
        lambda: sim.compare(small, [f"x:{CAPACITY}=4"], reps=reps, log=False),
        lambda: sim.sweep(small, {CAPACITY: [2, 3]}, reps=reps),
    ):
        with pytest.raises(error, match=r"^reps must be a whole number >= 1 \(an int\); ") as exc:
            run()
        assert said in str(exc.value)
