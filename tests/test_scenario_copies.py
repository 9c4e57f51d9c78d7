"""A scenario edited in Python is checked where it enters a run, and keeps its source.

Pydantic's ``model_copy(update=...)`` validates nothing: a misspelt field is kept beside the
fields and a bad value as given. ``sim.simulate`` (and ``sim.patch``) refuse both, naming the
field path (sim/scenario/strays.py, sim/scenario/check.py), while the program's own copies
(a command with reforms and levers) are not checked on the way. A copy, a deep copy, a
pickled copy and a changed copy keep the record of the file the scenario was loaded from
(sim/scenario/copies.py), so a results folder made from one says where it came from."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.experiment.store import scenario_hash
from sim.python_source import source_record
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def small() -> sim.Scenario:
    return sim.load_scenario(SMALL, {"days": 1})


def test_a_misspelt_field_by_model_copy_is_refused_at_simulate(small):
    with pytest.raises(ScenarioError) as exc:
        sim.simulate(small.model_copy(update={"dayz": 2}), seed=1)
    text = str(exc.value)
    assert text.startswith("scenario 'small': dayz = 2: not a field of Scenario")
    assert "did you mean 'days'" in text and "sim.patch(scenario, {'days': ...})" in text


def test_a_misspelt_field_inside_a_part_is_refused_with_its_path(small):
    port = small.ports["sea"].model_copy(update={"exma": None})
    copied = small.model_copy(update={"ports": {**small.ports, "sea": port}})
    with pytest.raises(ScenarioError, match=r"ports\.sea\.exma = None: not a field of Port; "
                       r"did you mean 'exam'"):
        sim.simulate(copied, seed=1)
    with pytest.raises(ScenarioError, match=r"ports\.sea\.exma"):  # (not dropped by a patch)
        sim.patch(copied, {"warmup_days": 1})


def test_a_bad_value_by_model_copy_is_refused_at_simulate(small):
    with pytest.raises(ScenarioError, match=r"^scenario 'small': days = -2(\.0)?: out of range"):
        sim.simulate(small.model_copy(update={"days": -2}), seed=1)


def test_a_bad_value_its_dump_hides_is_refused_at_simulate(small):
    """A bool for a number is dumped as 1.0, which validates; the run would use True."""
    with pytest.raises(ScenarioError, match=r"^scenario 'small': days = true: held as given "
                       r"\(bool\), but a scenario holds 1\.0 \(float\)"):
        sim.simulate(small.model_copy(update={"days": True}), seed=1)
    assert sim.simulate(small.model_copy(update={"days": 1}), seed=1).days == 1  # (an int is)


def test_a_part_of_another_kind_is_refused_with_its_path_not_a_traceback(small):
    copied = small.model_copy(update={"ports": {**small.ports, "sea": "sea_port"}})
    with pytest.raises(ScenarioError, match=r"^scenario 'small': ports\.sea = 'sea_port': cannot "
                       r"be read as scenario data: a Port part is allowed here, not a str"):
        sim.simulate(copied, seed=1)


def test_a_command_with_reforms_and_levers_still_runs(tmp_path, capsys):
    """The program's own copies (a reform applied at a strength, a lever set, the --days and
    --set overrides) are not checked as a user's on the way: a sweep of a reform's strength
    and a lever, on a scenario with a capacity window, runs as before."""
    out = tmp_path / "sweep"
    window = ("capacity_windows=[{port='sea', lane='document_check', at='1 d', lasts='12 h', "
              "servers=3}]")
    code = main(["sweep", str(SMALL), "--param", "single_window:uptake=0.8",
                 "--param", "ports.sea.exam.teams.capacity=6", "--days", "1",
                 "--set", "warmup_days=1", "--set", window, "--reps", "1", "--out", str(out),
                 "--executor", "serial"])
    capsys.readouterr()
    assert code == 0 and (out / "finished.json").exists()


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
    assert source_record(copied) == source_record(changed) is not None
    assert scenario_hash(copied) == scenario_hash(changed)


def test_a_scenario_without_a_source_pickles_as_before(small):
    bare = sim.patch(sim.scenario_data(small), {"warmup_days": 1})  # (a dict: no file)
    assert source_record(bare) is None
    assert set(bare.__getstate__()) == set(super(sim.Scenario, bare).__getstate__())
    assert source_record(pickle.loads(pickle.dumps(bare))) is None  # noqa: S301


def test_a_copied_scenarios_folder_records_its_source_and_the_change(small, tmp_path):
    copied = small.model_copy(update={"warmup_days": 0.5})
    sim.replicate(copied, reps=1, seed=2, store=tmp_path / "run")
    kept = json.loads((tmp_path / "run" / "scenario-source.json").read_text())
    assert kept["file"] == "tests/scenarios/small.toml"
    assert kept["text"] == SMALL.read_text(encoding="utf-8")
    assert kept["changes"] == [{"source": "overrides", "changes": {"days": 1}},
                               {"source": "model_copy", "changes": {"warmup_days": 0.5}}]
