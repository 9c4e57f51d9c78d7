"""``sim.patch`` refuses a value of the wrong type, as the scenario loader does: a boolean is
not a number, a number is not a switch, and neither is text; the error names the field path,
the bad value and what is allowed, never coercing ``True`` into ``1.0`` silently."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, BeforeValidator, PlainValidator, Strict, WrapValidator

import sim
from sim.scenario.schema import Scenario

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: what refuses a boolean in a number field (and a number in a switch) before pydantic's
#: lax conversion would take it
GUARDS = (BeforeValidator, PlainValidator, WrapValidator, Strict)


@pytest.fixture(scope="module")
def small() -> Scenario:
    return sim.load_scenario(SMALL)


def _unguarded(tp: object, where: str, seen: set[type], out: list[str]) -> None:
    """Collect in ``out`` each number or switch field reachable from ``tp`` that takes
    pydantic's lax conversion (True as 1.0, 1 as True, "3" as 3)."""
    if typing.get_origin(tp) is typing.Annotated:
        base, *meta = typing.get_args(tp)
        if not any(isinstance(m, GUARDS) for m in meta):
            _unguarded(base, where, seen, out)
        return
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if tp in seen:
            return
        seen.add(tp)
        for name, field in tp.model_fields.items():
            if not any(isinstance(m, GUARDS) for m in field.metadata):
                _unguarded(field.annotation, f"{tp.__name__}.{name}", seen, out)
        return
    if tp in (float, int, bool):
        out.append(f"{where} ({tp.__name__})")  # type: ignore[union-attr]
        return
    for arg in typing.get_args(tp):  # (lists, dicts, unions, optionals)
        _unguarded(arg, where, seen, out)


def test_every_number_and_switch_of_the_scenario_refuses_the_other_type() -> None:
    found: list[str] = []
    _unguarded(Scenario, "Scenario", set(), found)
    assert found == [], f"plain float/int/bool fields (use limits.Real, Whole, Flag): {found}"


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("inspection.cross_training_slowdown", True, "expected a valid number, not true"),
        ("inspection.cross_training_slowdown", "1.5", "expected a valid number"),
        ("days", False, "expected a valid number, not false"),
        ("ports.sea.exam.aeo_priority", 1.0, "expected true or false"),
        ("ports.sea.exam.aeo_priority", 1, "expected true or false"),
        ("ports.sea.review.capacity", True, "a whole number of servers"),
        ("ports.sea.review.capacity", 2.5, "a whole number of servers"),
        ("ports.sea.approach", {"inside": True, "parking": 3}, "a whole number, not true"),
        ("name", True, "valid string"),
        ("inspection.mode", True, "'joint' or 'separate'"),
        ("ports.sea.arrivals.hourly", [True] * 24, "expected a valid number, not true"),
        ("ports.sea.arrivals.hourly", 1.0, "valid list"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_naming_field_value_and_what_is_allowed(
    small: Scenario, field: str, value: object, allowed: str
) -> None:
    with pytest.raises(sim.ScenarioError) as caught:
        sim.patch(small, {field: value})
    said = [p for p in caught.value.problems if allowed in p[3]]
    assert said, caught.value.problems
    source, path, bad, _ = said[0]
    assert source == "changes" and path.startswith(field)
    assert bad == value or (isinstance(value, dict | list) and bad is True)
    assert "Traceback" not in str(caught.value)


def test_values_of_the_right_type_still_pass(small: Scenario) -> None:
    new = sim.patch(small, {"inspection.cross_training_slowdown": 2,
                            "ports.sea.exam.aeo_priority": True, "inspection.mode": "separate",
                            "ports.sea.arrivals.hourly": [1] * 24})
    assert new.inspection.cross_training_slowdown == 2.0
    assert new.ports["sea"].exam.aeo_priority is True and new.inspection.mode == "separate"
    assert new.ports["sea"].arrivals.hourly == [1.0] * 24
