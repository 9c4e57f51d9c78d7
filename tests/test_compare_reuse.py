"""An option whose scenario is exactly the baseline's reuses the baseline's replications
(sim.experiment.reuse): the same figures bit for bit, fewer simulations, a folder that
resumes and reports as before."""

from __future__ import annotations

import json
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


@pytest.fixture
def runs(monkeypatch) -> list[str]:
    """The scenario name of every simulation compare runs (it counts them)."""
    ran: list[str] = []
    real = compare_mod.simulate

    def counted(scenario: Any, *args: Any, **kwargs: Any) -> Any:
        ran.append(scenario.name)
        return real(scenario, *args, **kwargs)

    monkeypatch.setattr(compare_mod, "simulate", counted)
    return ran


def _reps(folder: Path, option: str) -> dict[str, bytes]:
    reps = folder / "options" / option / "reps"
    return {f.name: f.read_bytes() for f in sorted(reps.iterdir())}


def test_an_unchanged_option_reuses_the_baseline_replications(tmp_path, runs):
    out = tmp_path / "c"
    res = compare(SMALL, [SAME], reps=2, overrides=SHORT, out=out, report=False)
    assert len(runs) == 2  # the baseline's 2: not 4 for two options
    assert res.meta["reused"] == {"same": "baseline"}
    # the folder's figures of the option are the baseline's bit for bit, file by file (its
    # consignment logs too)
    base = _reps(out, "baseline")
    assert "rep-0001-log.parquet" in base and _reps(out, "same") == base
    per = res.per_rep.set_index(["option", "replication"])
    assert per.loc["same"].equals(per.loc["baseline"])
    meta = json.loads((out / "compare.json").read_text())
    assert meta["reused"] == {"same": "baseline"}
    assert meta["history"][-1]["reused"] == {"same": [0, 1]}
    assert meta["history"][-1]["computed"].get("same", []) == []  # (reused, not computed)
    option_meta = json.loads((out / "options" / "same" / "meta.json").read_text())
    assert option_meta["history"][-1]["reused"] == [0, 1]
    assert any("(same): it changes nothing" in n and "reused, not run again" in n
               for n in res.notes)
    # resumed with one more replication: only the baseline's new one is run
    runs.clear()
    more = compare(SMALL, [SAME], reps=3, overrides=SHORT, out=out, report=False, log=False)
    assert len(runs) == 1 and _reps(out, "same") == _reps(out, "baseline")
    per = more.per_rep.set_index(["option", "replication"])
    assert len(per.loc["same"]) == 3 and per.loc["same"].equals(per.loc["baseline"])


def test_an_option_that_changes_something_is_run(runs):
    """Only a scenario equal to the baseline's is reused: one more reviewer is run."""
    res = compare(SMALL, [MORE], reps=1, overrides=SHORT, log=False)
    assert len(runs) == 2 and res.meta["reused"] == {}


def test_a_missing_reused_replication_is_run_again_with_the_same_figures(tmp_path, runs):
    """Resumed where the baseline's replication is stored but the option's is not, the
    option's is simulated (nothing to copy it from in this command): the same figures."""
    out = tmp_path / "c"
    compare(SMALL, [SAME], reps=1, overrides=SHORT, out=out, report=False, log=False)
    assert len(runs) == 1
    (out / "options" / "same" / "reps" / "rep-0000.json").unlink()
    runs.clear()
    res = compare(SMALL, [SAME], reps=1, overrides=SHORT, out=out, report=False, log=False)
    assert len(runs) == 1
    per = res.per_rep.set_index(["option", "replication"])
    assert per.loc["same"].equals(per.loc["baseline"])
