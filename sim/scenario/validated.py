"""Scenario objects already validated by :func:`sim.scenario.check.checked`, and the data
they were validated from, so that a second check of the same, unchanged object is skipped
(``simulate`` checks its scenario at every replication: 8 ms for the default scenario).

A check validates :func:`~sim.scenario.patch.scenario_data` of the object, and nothing
else, so it passes again exactly when that data is the same. The data can change under the
same object (a frozen model's nested tables are plain dicts and lists, and
``object.__setattr__`` reaches its fields), so it is compared as JSON text (1 ms), not
trusted; a copy (``model_copy(update=...)``) is another object, checked anew. Data that
names a file (an empirical distribution's ``csv``) is checked every time: the file is read
again. Objects are held weakly: a freed scenario's entry goes with it.
"""

from __future__ import annotations

import json
import weakref
from typing import Any

from sim.scenario.schema import Scenario

#: id of a validated scenario -> (a weak reference to it, its data as validated, as JSON)
_SEEN: dict[int, tuple[weakref.ref[Scenario], str]] = {}


def fingerprint(scenario: Scenario) -> str | None:
    """The data a check of ``scenario`` validates, as JSON text; None when it names a file
    (its check reads the file, which may have changed)."""
    from sim.scenario.patch import scenario_data

    text = json.dumps(scenario_data(scenario), sort_keys=True, default=str)
    return None if '"csv":' in text else text


def known_valid(scenario: Scenario, text: str | None) -> bool:
    """Whether this very object was validated from the data ``text`` (its fingerprint now)."""
    if text is None:
        return False
    seen = _SEEN.get(id(scenario))
    return seen is not None and seen[0]() is scenario and seen[1] == text


def remember(scenario: Scenario, text: str | None) -> None:
    """Note that ``scenario`` was validated from the data ``text`` (None: not noted)."""
    if text is None:
        return
    key = id(scenario)

    def forget(_: Any, key: int = key) -> None:
        _SEEN.pop(key, None)

    _SEEN[key] = (weakref.ref(scenario, forget), text)
