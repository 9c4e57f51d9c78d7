"""Change a scenario by dotted paths and validate it again: the one way a command line, a
comparison option or a reform changes a scenario.

``patch(scenario, {"inspection.mode": "separate"}, source="reform joint_inspection")`` returns a
new, re-validated :class:`Scenario`; any error is a :class:`ScenarioError` whose "file" is
``source``, so the user sees which reform (or option) set which field to which bad value.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.scenario.schema import Scenario
from sim.scenario.units import canonical_units


class PathProblem(ValueError):
    """A dotted path that cannot be set (a value stands where a table is needed)."""


def set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set ``dotted`` (``"ports.sea_port.scan.scanners.capacity"``) in nested ``data`` to a copy
    of ``value``; ``None`` removes the key (TOML has no null). Missing tables are created."""
    node = data
    keys = dotted.split(".")
    for depth, k in enumerate(keys[:-1]):
        node = node.setdefault(k, {})
        if not isinstance(node, dict):
            where = ".".join(keys[: depth + 1])
            raise PathProblem(f"{where} is a value, not a table: cannot set {dotted}")
    if value is None:
        node.pop(keys[-1], None)
    else:  # a copy: a later change must never write into the caller's own tables
        node[keys[-1]] = copy.deepcopy(value)


def get_path(data: Mapping[str, Any], dotted: str, default: Any = None) -> Any:
    """The value at ``dotted`` in nested ``data`` (``default`` when it is not there)."""
    node: Any = data
    for k in dotted.split("."):
        if not isinstance(node, Mapping) or k not in node:
            return default
        node = node[k]
    return node


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """A scenario as plain data that validates back to the same scenario."""
    return scenario.model_dump(mode="json", by_alias=True)


def patch(
    scenario: Scenario | dict[str, Any],
    changes: Mapping[str, Any],
    source: str,
    base_dir: str | Path = ".",
) -> Scenario:
    """``scenario`` with ``changes`` (dotted path -> value) applied, validated again.

    Errors (a path through a value, a bad value) name ``source`` as their file, the field path
    and the bad value.
    """
    from sim.scenario.loader import ScenarioError, validate

    data = scenario_data(scenario) if isinstance(scenario, Scenario) else copy.deepcopy(scenario)
    origin: dict[tuple, str] = {}
    for dotted, value in changes.items():
        try:
            set_path(data, dotted, value)
        except PathProblem as exc:
            raise ScenarioError([(source, dotted, value, str(exc))]) from None
        origin[tuple(dotted.split("."))] = source
    if not changes and isinstance(scenario, Scenario):
        return scenario
    try:
        with canonical_units():  # the data holds hours and rates per hour, without units
            return validate(data, origin, Path(base_dir) / f"<{source}>")
    except ScenarioError as exc:
        # every problem names the change's source, even one found in a field it did not set
        raise ScenarioError([(source, p, v, m) for _, p, v, m in exc.problems]) from None
