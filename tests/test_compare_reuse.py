"""An option whose scenario is exactly the baseline's reuses the baseline's replications
(sim.experiment.reuse): the same figures bit for bit, fewer simulations, a folder that
resumes and reports as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import sim.experiment.compare as compare_mod
from sim.experiment.compare import compare

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
SHORT = {"days": 1, "warmup_days": 1, "drain_days": 2}
SAME = "same:ports.sea.review.capacity=3"  # small.toml already has 3 reviewers
MORE = "review4:ports.sea.review.capacity=4"


def _count(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The scenario name of every simulation compare runs from now on (it counts them)."""
    ran: list[str] = []
    real = compare_mod.simulate

    def counted(scenario: Any, *args: Any, **kwargs: Any) -> Any:
        ran.append(scenario.name)
        return real(scenario, *args, **kwargs)

    monkeypatch.setattr(compare_mod, "simulate", counted)
    return ran


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The simulations compare runs in this test."""
    return _count(monkeypatch)


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, list[str]]:
    """A comparison of the baseline with an unchanged option, one replication each (its
    consignment logs kept), made once for the tests below, which work on copies of its
    folder: the folder, the result and the simulations it ran."""
    out = tmp_path_factory.mktemp("reuse") / "c"
    with pytest.MonkeyPatch.context() as mp:
        ran = _count(mp)
        res = compare(SMALL, [SAME], reps=1, overrides=SHORT, out=out, report=False)
    return out, res, ran


def _copy(first: tuple[Path, Any, list[str]], tmp_path: Path) -> Path:
    out = tmp_path / "c"
    shutil.copytree(first[0], out)
    return out


def _reps(folder: Path, option: str) -> dict[str, bytes]:
    reps = folder / "options" / option / "reps"
    return {f.name: f.read_bytes() for f in sorted(reps.iterdir())}


def test_an_unchanged_option_reuses_the_baseline_replications(first, tmp_path, runs):
    _, res, ran = first
    assert len(ran) == 1  # the baseline's 1: not 2 for two options
    assert res.meta["reused"] == {"same": "baseline"}
    out = _copy(first, tmp_path)
    # the folder's figures of the option are the baseline's bit for bit, file by file (its
    # consignment logs too)
    base = _reps(out, "baseline")
    assert "rep-0000-log.parquet" in base and _reps(out, "same") == base
    per = res.per_rep.set_index(["option", "replication"])
    assert per.loc["same"].equals(per.loc["baseline"])
    meta = json.loads((out / "compare.json").read_text())
    assert meta["reused"] == {"same": "baseline"}
    assert meta["history"][-1]["reused"] == {"same": [0]}
    assert meta["history"][-1]["computed"].get("same", []) == []  # (reused, not computed)
    option_meta = json.loads((out / "options" / "same" / "meta.json").read_text())
    assert option_meta["history"][-1]["reused"] == [0]
    assert any("(same): it changes nothing" in n and "reused, not run again" in n
               for n in res.notes)
    # resumed with two more replications: only the baseline's new ones are run
    more = compare(SMALL, [SAME], reps=3, overrides=SHORT, out=out, report=False, log=False)
    assert len(runs) == 2 and _reps(out, "same") == _reps(out, "baseline")
    per = more.per_rep.set_index(["option", "replication"])
    assert len(per.loc["same"]) == 3 and per.loc["same"].equals(per.loc["baseline"])
    meta = json.loads((out / "compare.json").read_text())
    assert meta["history"][-1]["reused"] == {"same": [1, 2]}


def test_an_option_that_changes_something_is_run(runs):
    """Only a scenario equal to the baseline's is reused: one more reviewer is run."""
    res = compare(SMALL, [MORE], reps=1, overrides=SHORT, log=False)
    assert len(runs) == 2 and res.meta["reused"] == {}


def test_a_missing_reused_replication_is_run_again_with_the_same_figures(first, tmp_path, runs):
    """Resumed where the baseline's replication is stored but the option's is not, the
    option's is simulated (nothing to copy it from in this command): the same figures."""
    out = _copy(first, tmp_path)
    (out / "options" / "same" / "reps" / "rep-0000.json").unlink()
    res = compare(SMALL, [SAME], reps=1, overrides=SHORT, out=out, report=False, log=False)
    assert len(runs) == 1
    per = res.per_rep.set_index(["option", "replication"])
    assert per.loc["same"].equals(per.loc["baseline"])
