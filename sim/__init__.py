"""bordersim: a discrete-event simulator of goods crossing a border.

The Python API in three calls::

    import sim
    scenario = sim.load_scenario("default")        # a file, a bundled name, or a dict
    result = sim.simulate(scenario, seed=1)        # one replication -> RunResult
    result.clearance                               # pandas DataFrames
    longer = sim.patch(scenario, {"days": 14})     # a changed copy, validated again

and the experiments: ``replicate`` (replications, into a ``RunStore`` folder; ``summarise``
their mean and interval per metric, as the folder's ``summary.csv``), ``compare``
(options against a baseline, paired), ``sweep`` / ``lhs`` (points of parameters;
``sweep_summary`` and ``sweep_intervals`` per point, ``sweep_differences`` each point against
point 0 paired by replication, ``sweep_effects`` a grid's each key against its first value at
every setting of the others, as its folder holds them; ``sweep_numeric`` its swept values
as numbers in hours; ``sweep_prcc`` each parameter's partial rank correlation), ``sobol``
(sensitivity indices), ``outlook`` (the year each lane stops keeping up as trade grows),
``pilot`` (a warm-up suggestion); ``reproduce_folder`` re-runs a results folder and
compares every figure (``bordersim reproduce``); ``metric_names`` lists what a
scenario's runs yield (``metric_names(scenario).explain("clearance_h_mean")``: each one's
unit and meaning, as a table), ``scenario_data`` gives a scenario as plain data that loads back;
``fit_arrivals`` and ``fit_times`` fit a port's arrivals and a lane's service time to
observed data (``bordersim fit-arrivals``, ``fit-times``); ``with_clearance(log)`` is a
per-consignment log with each consignment's clearance hours (``clearance_h``) added.

Reforms (:mod:`sim.reforms`): ``from sim.reforms import REFORMS, apply``;
``apply(scenario, "single_window:uptake=0.8")`` is the scenario with that reform at that
strength, and ``compare(scenario, ["single_window", Option("sw80",
reform="single_window:uptake=0.8")])`` compares reforms with the same seeds. A result's
``seed`` ``(S, r)`` is run again by ``simulate(scenario, seed=S, replication=r)``.

The names below are imported on first use (PEP 562), so that ``import sim`` and the
``bordersim`` command start quickly; ``from sim import simulate`` works as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sim.version import __version__

if TYPE_CHECKING:
    from sim.analysis.log_clearance import with_clearance
    from sim.experiment.compare import CompareResult, Option, compare
    from sim.experiment.metric_names import metric_names
    from sim.experiment.outlook import python_outlook as outlook
    from sim.experiment.runner import python_replicate as replicate
    from sim.experiment.sensitivity import python_sobol as sobol
    from sim.experiment.store import RunStore
    from sim.experiment.summary_table import summarise
    from sim.experiment.sweep import differences as sweep_differences
    from sim.experiment.sweep import intervals as sweep_intervals
    from sim.experiment.sweep import lhs
    from sim.experiment.sweep import numeric as sweep_numeric
    from sim.experiment.sweep import python_sweep as sweep
    from sim.experiment.sweep import summary as sweep_summary
    from sim.experiment.sweep_effects import sweep_effects
    from sim.experiment.sweep_prcc import sweep_prcc
    from sim.experiment.warmup import python_pilot as pilot
    from sim.model.result import RunResult
    from sim.model.run import python_simulate as simulate
    from sim.reproduce_call import Reproduction, reproduce_folder
    from sim.scenario.arrival_fit import fit_arrivals
    from sim.scenario.loader import ScenarioError, default_scenario_path
    from sim.scenario.patch import python_patch as patch
    from sim.scenario.patch import scenario_data
    from sim.scenario.python_load import python_load_scenario as load_scenario
    from sim.scenario.schema import Scenario
    from sim.scenario.time_fit import fit_times

_LAZY = {
    "CompareResult": "sim.experiment.compare",
    "Option": "sim.experiment.compare",
    "compare": "sim.experiment.compare",
    "RunResult": "sim.model.result",
    "simulate": "sim.model.run",
    "ScenarioError": "sim.scenario.loader",
    "default_scenario_path": "sim.scenario.loader",
    "load_scenario": "sim.scenario.python_load",
    "patch": "sim.scenario.patch",
    "Scenario": "sim.scenario.schema",
    "sweep": "sim.experiment.sweep",
    "lhs": "sim.experiment.sweep",
    "sweep_summary": "sim.experiment.sweep",
    "sweep_intervals": "sim.experiment.sweep",
    "sweep_differences": "sim.experiment.sweep",
    "sweep_numeric": "sim.experiment.sweep",
    "sweep_prcc": "sim.experiment.sweep_prcc",
    "sweep_effects": "sim.experiment.sweep_effects",
    "replicate": "sim.experiment.runner",
    "RunStore": "sim.experiment.store",
    "summarise": "sim.experiment.summary_table",
    "reproduce_folder": "sim.reproduce_call",
    "Reproduction": "sim.reproduce_call",
    "sobol": "sim.experiment.sensitivity",
    "outlook": "sim.experiment.outlook",
    "pilot": "sim.experiment.warmup",
    "metric_names": "sim.experiment.metric_names",
    "scenario_data": "sim.scenario.patch",
    "fit_arrivals": "sim.scenario.arrival_fit",
    "fit_times": "sim.scenario.time_fit",
    "with_clearance": "sim.analysis.log_clearance",
}

__all__ = [
    "CompareResult",
    "Option",
    "compare",
    "RunResult",
    "RunStore",
    "Scenario",
    "ScenarioError",
    "default_scenario_path",
    "fit_arrivals",
    "fit_times",
    "lhs",
    "load_scenario",
    "metric_names",
    "outlook",
    "patch",
    "pilot",
    "replicate",
    "Reproduction",
    "reproduce_folder",
    "scenario_data",
    "simulate",
    "sobol",
    "summarise",
    "sweep",
    "sweep_differences",
    "sweep_effects",
    "sweep_intervals",
    "sweep_numeric",
    "sweep_prcc",
    "sweep_summary",
    "with_clearance",
    "__version__",
]


#: names that differ from their module's own
_RENAMED = {
    # (their warnings in Python's words: sim.python_words)
    "simulate": "python_simulate",
    "sweep": "python_sweep",
    "replicate": "python_replicate",
    "sobol": "python_sobol",
    "outlook": "python_outlook",
    "pilot": "python_pilot",
    "load_scenario": "python_load_scenario",
    "patch": "python_patch",
    "sweep_summary": "summary",
    "sweep_intervals": "intervals",
    "sweep_differences": "differences",
    "sweep_numeric": "numeric",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sim' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
