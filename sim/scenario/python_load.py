"""``sim.load_scenario``: :func:`~sim.scenario.loader.load_scenario` with an error in Python's
words (a reform's name given as a scenario is told ``sim.compare(scenario, ['R'])``, not
``--reforms R``: :mod:`sim.python_words`); the command line loads with the function itself
and keeps its words."""

from __future__ import annotations

from sim.python_words import given_in_python_words
from sim.scenario.loader import ScenarioError, load_scenario
from sim.scenario.schema import Scenario


def _loaded(scenario: Scenario) -> None:
    """A scenario holds no warnings: nothing of it to say otherwise."""


#: :func:`load_scenario` as ``sim.load_scenario`` gives it to a Python user
python_load_scenario = given_in_python_words(load_scenario, _loaded, errors=(ScenarioError,))
