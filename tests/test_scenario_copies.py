"""A scenario copied in Python is never changed silently (sim/scenario/copies.py): its
``model_copy(update=...)`` is ``sim.patch`` (validated, recorded as "model_copy"), a
misspelt field is refused naming ``sim.patch``, and a plain copy, a deep copy or a pickled
copy keeps the record of its source with the same hash."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest
from pydantic import BaseModel

import sim
from sim.experiment.store import scenario_hash
from sim.scenario.loaded_from import source_of
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def small() -> sim.Scenario:
    return sim.load_scenario(SMALL, {"days": 1})


def test_a_misspelt_field_is_refused_naming_sim_patch(small):
    with pytest.raises(ScenarioError) as exc:
        small.model_copy(update={"dayz": 2})
    text = str(exc.value)
    assert "Scenario.dayz = 2" in text and "did you mean 'days'" in text
    assert "sim.patch(scenario, {'dayz': ...})" in text


def test_a_bad_value_is_refused_as_sim_patch_refuses_it(small):
    with pytest.raises(ScenarioError, match=r"^model_copy: days = -2: out of range"):
        small.model_copy(update={"days": -2})


def test_an_update_is_the_patch_of_it_and_is_recorded(small):
    port = small.ports["sea"]
    teams = port.exam.teams.model_copy(update={"capacity": 7})
    exam = port.exam.model_copy(update={"teams": teams})
    update = {"days": 2, "ports": {**small.ports, "sea": port.model_copy(update={"exam": exam})}}
    copied = small.model_copy(update=update)
    patched = sim.patch(small, {"days": 2, "ports.sea.exam.teams.capacity": 7})
    assert scenario_hash(copied) == scenario_hash(patched)
    record, first = source_of(copied), source_of(small)
    assert record is not None and first is not None
    assert record["changes"][:-1] == first["changes"]
    last = record["changes"][-1]
    assert last["source"] == "model_copy" and last["changes"]["days"] == 2
    assert last["changes"]["ports"]["sea"]["exam"]["teams"]["capacity"] == 7


def test_a_part_refuses_a_misspelt_field(small):
    with pytest.raises(ScenarioError, match=r"Port\.exma = .*did you mean 'exam'"):
        small.ports["sea"].model_copy(update={"exma": None})


def test_a_stray_name_inside_a_part_given_to_a_scenario_is_refused(small):
    stray = BaseModel.model_copy(small.ports["sea"], update={"exma": None})  # (pydantic's own)
    with pytest.raises(ScenarioError, match=r"Port\.exma"):
        small.model_copy(update={"ports": {**small.ports, "sea": stray}})


@pytest.mark.parametrize("how", ["model_copy", "deep model_copy", "copy", "deepcopy", "pickle"])
def test_a_copy_keeps_the_source_and_the_hash(small, how):
    make = {
        "model_copy": lambda s: s.model_copy(),
        "deep model_copy": lambda s: s.model_copy(deep=True),
        "copy": copy.copy,
        "deepcopy": copy.deepcopy,
        "pickle": lambda s: pickle.loads(pickle.dumps(s)),  # noqa: S301 - our own bytes
    }[how]
    changed = sim.patch(small, {"warmup_days": 1})
    copied = make(changed)
    assert copied is not changed and copied == changed
    assert source_of(copied) == source_of(changed) is not None
    assert scenario_hash(copied) == scenario_hash(changed)


def test_a_scenario_without_a_source_pickles_as_before(small):
    bare = sim.patch(sim.scenario_data(small), {"warmup_days": 1})  # (a dict: no file)
    assert source_of(bare) is None
    assert set(bare.__getstate__()) == set(BaseModel.__getstate__(bare))  # (nothing added)
    assert source_of(pickle.loads(pickle.dumps(bare))) is None  # noqa: S301
