"""Hostile values anywhere in a bundled scenario: any field of the file, scaled far up or down
(to 0, a billionth, ten million times), or a flag flipped, is either refused with a
:class:`ScenarioError` (naming the field) or runs; never another exception from inside the
model. The fields are every leaf of the scenario's TOML, so a field added later is covered."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sim
from sim.scenario.loader import ScenarioError

#: a number and its unit, as a time or a rate is written ("5 min", "100/h")
_NUMBER = re.compile(r"^\s*([0-9.]+(?:[eE][+-]?[0-9]+)?)\s*(.*)$")
FACTORS = (0.0, 1e-9, 1e-3, 0.3, 3.0, 100.0, 1e4, 1e7)
SHORT = {"days": 1, "warmup_days": 0, "drain_days": 1}


def _leaves(node: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out = []
    for key, value in node.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict) and value:
            out += _leaves(value, path)
        else:
            out.append((path, value))
    return out


def _scaled(value: Any, factor: float) -> Any:
    """``value`` scaled by ``factor`` (a number, a number with its unit, a list of numbers);
    a flag flipped; None for anything else (a name, a table)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return round(value * factor) if isinstance(value, int) else value * factor
    if isinstance(value, str) and (m := _NUMBER.match(value)):
        return f"{float(m.group(1)) * factor:g} {m.group(2)}".strip()
    if isinstance(value, list) and value and all(
        isinstance(x, int | float) and not isinstance(x, bool) for x in value
    ):
        return [round(x * factor) if isinstance(x, int) else x * factor for x in value]
    return None


def _fields(name: str) -> list[tuple[str, Any]]:
    path = Path(sim.default_scenario_path()).parent / f"{name}.toml"
    with path.open("rb") as f:
        data = tomllib.load(f)
    data.pop("extends", None)
    return [(p, v) for p, v in _leaves(data) if p not in SHORT]


def _names_a_field(path: str, message: str) -> bool:
    """A problem names its field: as its path, or, for a check across fields of the whole
    scenario, at the start of its message (``enforcement.prevalence: at port ...``)."""
    return bool(path) or re.match(r"^[a-z_]+(\.[\w<>*-]+)+:", message) is not None


@pytest.mark.parametrize("name", ["default", "beilun-border"])
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,  # (the same fields every run: CI never turns red by a new draw)
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_scaled_field_is_refused_by_name_or_runs(name: str, data: st.DataObject) -> None:
    fields = [(p, v) for p, v in _fields(name) if _scaled(v, 2.0) is not None]
    path, value = data.draw(st.sampled_from(fields), label="field")
    changed = _scaled(value, data.draw(st.sampled_from(FACTORS), label="factor"))
    try:
        scenario = sim.load_scenario(name, {path: changed, **SHORT})
    except ScenarioError as exc:
        assert exc.problems and all(_names_a_field(p[1], p[3]) for p in exc.problems)
        return
    try:
        sim.simulate(scenario, 1)
    except ScenarioError as exc:
        assert exc.problems
