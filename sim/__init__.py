"""bordersim: a discrete-event simulator of goods crossing a border.

The Python API in three calls::

    import sim
    scenario = sim.load_scenario("scenarios/default.toml")
    result = sim.simulate(scenario, seed=1)        # one replication -> RunResult
    result.clearance                               # pandas DataFrames
    longer = sim.patch(scenario, {"days": 14})     # a changed copy, validated again

The names below are imported on first use (PEP 562), so that ``import sim`` and the
``bordersim`` command start quickly; ``from sim import simulate`` works as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sim.version import __version__

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult, Option, compare
    from sim.experiment.sweep import sweep
    from sim.model.result import RunResult
    from sim.model.run import simulate
    from sim.scenario.loader import ScenarioError, default_scenario_path, load_scenario
    from sim.scenario.patch import patch
    from sim.scenario.schema import Scenario

_LAZY = {
    "CompareResult": "sim.experiment.compare",
    "Option": "sim.experiment.compare",
    "compare": "sim.experiment.compare",
    "RunResult": "sim.model.result",
    "simulate": "sim.model.run",
    "ScenarioError": "sim.scenario.loader",
    "default_scenario_path": "sim.scenario.loader",
    "load_scenario": "sim.scenario.loader",
    "patch": "sim.scenario.patch",
    "Scenario": "sim.scenario.schema",
    "sweep": "sim.experiment.sweep",
}

__all__ = [
    "CompareResult",
    "Option",
    "compare",
    "RunResult",
    "Scenario",
    "ScenarioError",
    "default_scenario_path",
    "load_scenario",
    "patch",
    "simulate",
    "sweep",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sim' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
