"""A step written with a code mistake is refused when a port's route is made, with an error
naming the step, and what is missing (never an empty message, never per consignment)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import sim
import sim.model.port
from sim.model.draws import DRAWS
from sim.model.route import Step
from sim.model.steps import clearance_steps
from sim.model.steps.release import Gate

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


class VetCheck(Step):
    """A lane step with everything but its bulk form."""

    name = "vet"
    visits_lane = True
    lane_attr = "gate"

    def taken(self, p: Any, r: np.ndarray) -> np.ndarray:
        return np.zeros(len(r), bool)

    def visits(self, p: Any, r: np.ndarray) -> np.ndarray:
        return np.zeros(len(r), np.int64)

    def visit(self, j: Any) -> None:
        return None

    def visited(self, j: Any, start: float, end: float) -> None:
        pass


class NoVisits(Gate):
    name = "vet"
    visits = Step.visits  # type: ignore[assignment]


class Misspelt(Gate):
    name = "vet"
    lane_attr = "scaners"


def run_with(step: Step, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate the small scenario with ``step`` added to the route, before the gate."""
    steps = clearance_steps()
    monkeypatch.setattr(sim.model.port, "clearance_steps", lambda: [*steps[:-3], step, *steps[-3:]])
    sim.simulate(sim.load_scenario(SMALL), 1)


def test_a_missing_bulk_form_is_named_with_its_step(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(NotImplementedError, match=r"step VetCheck \('vet'\).*bulk\(\).*bulk_form"):
        run_with(VetCheck(), monkeypatch)


def test_a_lane_step_without_its_queue_visits_is_refused(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(NotImplementedError, match=r"step NoVisits \('vet'\).*visits\(\)"):
        run_with(NoVisits(), monkeypatch)


def test_a_misspelt_lane_names_the_step_and_the_lane(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(AttributeError, match=r"step Misspelt \('vet'\) has lane_attr 'scaners'"):
        run_with(Misspelt(), monkeypatch)
    with pytest.raises(AttributeError, match="did you mean 'scanners'"):
        run_with(Misspelt(), monkeypatch)


def test_a_method_left_to_the_base_class_says_which():
    with pytest.raises(NotImplementedError, match=r"step VetCheck \('vet'\).*bulk\(\)"):
        next(iter(VetCheck().bulk(None, np.zeros(0, bool))))  # type: ignore[arg-type]



def shifted(monkeypatch: pytest.MonkeyPatch, name: str, by: float) -> None:
    """The draw ``name``'s transform, its values shifted by ``by`` (a transform's mistake)."""
    i = DRAWS.index(name)
    d = DRAWS.draws[i]
    assert d.transform is not None
    f = d.transform
    draws = list(DRAWS.draws)
    draws[i] = replace(d, transform=lambda x, u: f(x, u) + by)
    monkeypatch.setattr(DRAWS, "draws", draws)


@pytest.mark.parametrize("fast", [True, False], ids=["bulk", "flow"])
@pytest.mark.parametrize("capacity", [2, "unlimited"])
def test_a_negative_service_time_stops_the_run_naming_the_lane(
    monkeypatch: pytest.MonkeyPatch, fast: bool, capacity: Any
):
    shifted(monkeypatch, "doc_time", -1.0)
    s = sim.load_scenario(SMALL, {"ports.sea.document_check.capacity": capacity})
    with pytest.raises(ValueError, match=r"negative service time, -[\d.]+ h, at lane document_c"):
        sim.simulate(s, 1, fast=fast)


def test_a_negative_bulk_service_time_is_caught_in_the_block(monkeypatch: pytest.MonkeyPatch):
    shifted(monkeypatch, "doc_time", -1.0)
    s = sim.load_scenario(SMALL, {"ports.sea.document_check.capacity": "unlimited"})
    with pytest.raises(ValueError, match=r"port sea \(rows finished in bulk\)"):
        sim.simulate(s, 1, fast=True)


def test_a_negative_examination_stops_the_run(monkeypatch: pytest.MonkeyPatch):
    shifted(monkeypatch, "exam_time", -100.0)
    with pytest.raises(ValueError, match=r"negative service time.*port sea \(an examination"):
        sim.simulate(sim.load_scenario(SMALL), 1)


def test_the_list_of_what_a_new_step_touches_names_what_exists():
    """The files and names in :mod:`sim.model.steps`'s list exist (a rename breaks it)."""
    import re

    import sim.model.steps as steps

    root = Path(__file__).resolve().parents[1]
    doc = steps.__doc__ or ""
    paths = re.findall(r"``((?:sim|tests)/[\w/]+\.py)``", doc)
    assert len(paths) >= 9
    for path in paths:
        assert (root / path).is_file(), path
    for path, name in [
        ("sim/model/milestones.py", "MILESTONES"),
        ("sim/lane_catalogue.py", "CATALOGUE"),
        ("sim/stretches.py", "STRETCHES"),
        ("sim/reforms/fields.py", "OFFICER_WORK"),
        ("sim/faces/choices.py", "STAFF_LANES"),
    ]:
        assert f"``{name}``" in doc and re.search(rf"^{name}\b", (root / path).read_text(), re.M)
