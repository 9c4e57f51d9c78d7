"""``sim.load_scenario``: :func:`~sim.scenario.loader.load_scenario` with an error in Python's
words (a reform's name given as a scenario is told ``sim.compare(scenario, ['R'])``, not
``--reforms R``: :mod:`sim.python_words`); the command line loads with the function itself
and keeps its words."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.python_words import given_in_python_words
from sim.scenario.loaded_from import loaded
from sim.scenario.loader import ScenarioError, load_scenario
from sim.scenario.schema import Scenario


@functools.wraps(load_scenario)
def _load_remembered(
    path: str | Path | Mapping[str, Any],
    overrides: Mapping[str, Any] | None = None,
    source: str = "overrides",
) -> Scenario:
    """:func:`load_scenario`, the scenario remembered with its file's text and the
    ``overrides`` (:mod:`sim.scenario.loaded_from`), so that a folder made from it records
    its source."""
    return loaded(load_scenario(path, overrides, source), path, overrides)


def _loaded(scenario: Scenario) -> None:
    """A scenario holds no warnings: nothing of it to say otherwise."""


#: :func:`load_scenario` as ``sim.load_scenario`` gives it to a Python user
python_load_scenario = given_in_python_words(_load_remembered, _loaded, errors=(ScenarioError,))
