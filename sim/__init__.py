"""bordersim: a discrete-event simulator of goods crossing a border.

The Python API in three calls::

    import sim
    scenario = sim.load_scenario("scenarios/default.toml")
    result = sim.simulate(scenario, seed=1)        # one replication -> RunResult
    result.clearance                               # pandas DataFrames
"""

from sim.model.result import RunResult
from sim.model.run import simulate
from sim.scenario.loader import ScenarioError, default_scenario_path, load_scenario
from sim.scenario.schema import Scenario
from sim.version import __version__

__all__ = [
    "RunResult",
    "Scenario",
    "ScenarioError",
    "default_scenario_path",
    "load_scenario",
    "simulate",
    "__version__",
]
