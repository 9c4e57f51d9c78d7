"""The Python API says what the command line says on stderr: a run too short to check
whether a queue keeps rising (then no warning does not mean steady-state), an option that
changes nothing, and the like; ``RunResult`` carries its window, compares and prints in a
line, and ``simulate`` defaults to the command line's seed."""

from __future__ import annotations

import dataclasses
import inspect
import json
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.experiment.runner import replicate
from sim.model.stability import days_for_weeks
from sim.python_words import as_python

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: a week observed after a week's warm-up: no warning, but too short for the rising check
WEEK = {"days": 7, "warmup_days": 7, "drain_days": 7}
TOO_SHORT = "too few to see whether a queue keeps rising"


@pytest.fixture(scope="module")
def week() -> sim.Scenario:
    return sim.load_scenario(SMALL, WEEK)


@pytest.fixture(scope="module")
def result(week) -> sim.RunResult:
    return sim.simulate(week, seed=1)


def test_a_short_run_says_its_steadiness_is_not_known(result):
    assert result.warnings == []  # (so `unstable` alone would read as steady-state)
    (short,) = [n for n in result.notes if TOO_SHORT in n]
    # (in Python's words: the argument to give, not the command line's flag)
    assert f"(days={days_for_weeks(7)} or more after" in short and "--" not in short
    assert result.steady_state is None
    assert (result.days, result.warmup_days) == (7, 7)
    checked = dataclasses.replace(result, days=21.0)  # (three whole weeks observed)
    assert checked.steady_state is True
    warned = dataclasses.replace(checked, warnings=["sea: review is 99% utilised"])
    assert warned.steady_state is False


def test_replicate_gives_the_notes_bordersim_run_prints(week, tmp_path, capsys):
    rows = replicate(week, reps=2, seed=1)
    assert main(["run", str(SMALL), *(f"--set={k}={v}" for k, v in WEEK.items() if k != "days"),
                 "--days", "7", "--reps", "2", "--json", "--out", str(tmp_path / "r")]) == 0
    printed = [as_python(n) for n in json.loads(capsys.readouterr().out)["notes"]]
    assert [n for n in rows.attrs["notes"] if TOO_SHORT in n]
    assert rows.attrs["notes"] == [n for n in printed if n in rows.attrs["notes"]]
    assert set(rows.attrs["notes"]) <= set(printed)
    assert not [n for n in rows.attrs["notes"] if "--days" in n or "--reps" in n]


def test_compare_gives_the_notes_and_says_steadiness_was_not_checked(week, tmp_path, capsys):
    same = "same:ports.sea.review.capacity=3"  # (already 3: it changes nothing)
    res = sim.compare(week, [same], reps=2, log=False)
    assert any("note (same): it changes nothing" in n for n in res.notes)
    assert any(TOO_SHORT in n for n in res.notes)
    shown = repr(res)  # (one line in a notebook, not every table and the whole meta)
    assert "\n" not in shown and len(shown) < 500
    assert f"options={res.names}" in shown and "reps=2" in shown
    assert f"notes={len(res.notes)}" in shown and "unstable=[]" in shown
    assert res == res and (res == dataclasses.replace(res)) is False  # (identity; no raise)
    table = res.table("clearance_h_mean")
    assert not table["unstable"].any()
    assert table["steady_state"].isna().all()
    args = [f"--set={k}={v}" for k, v in WEEK.items()]
    assert main(["compare", str(SMALL), "--option", same, *args, "--reps", "2", "--json",
                 "--no-report", "--out", str(tmp_path / "c")]) == 0
    printed = json.loads(capsys.readouterr().out)["notes"]
    assert set(res.notes) <= {as_python(n) for n in printed}
    assert any("--days" in n for n in printed) and not [n for n in res.notes if "--" in n]


def test_simulate_defaults_to_the_seed_of_compare_and_the_command_line(week, result):
    default = inspect.signature(sim.simulate).parameters["seed"].default
    assert default == inspect.signature(sim.compare).parameters["seed"].default == 1
    again = sim.simulate(week)
    assert again.seed == result.seed == (1, 0) and again.counts == result.counts


def test_a_result_compares_and_prints_in_a_line(week, result):
    again = sim.simulate(week, seed=1)
    assert (again == result) is False  # (identity: its tables are DataFrames)
    assert again == again
    assert len(repr(result)) < 500 and "scenario='small'" in repr(result)
    assert all(type(v) is float for v in result.metrics().values())


def test_a_results_seed_given_back_names_the_call_that_runs_it_again(week, result):
    import re

    with pytest.raises(TypeError, match=r"a result's seed") as exc:
        sim.simulate(week, seed=result.seed)
    call = re.search(r"simulate\(scenario, seed=(\d+), replication=(\d+)\)", str(exc.value))
    assert call is not None
    seed, replication = int(call.group(1)), int(call.group(2))
    assert (seed, replication) == result.seed
    assert sim.simulate(week, seed=seed, replication=replication).equals(result)


@pytest.mark.parametrize("log", ["yes", 1, None])
def test_a_log_that_is_not_a_bool_is_refused(week, log):
    for run in (
        lambda: sim.simulate(week, seed=1, log=log),
        lambda: replicate(week, reps=1, seed=1, log=log),
        lambda: sim.compare(week, [], reps=2, log=log),
    ):
        with pytest.raises(TypeError, match=r"^log must be True or False; got "):
            run()


def test_a_notes_flags_are_spelt_as_pythons_arguments():
    """Each flag a note names becomes the argument or field that does the same from Python;
    a longer flag is not read as a shorter one, nor a word that only contains one."""
    said = as_python("give --reps 2 or more; --max-reps 40, --precision 0.5; more --reps or "
                     "--days; e.g. --set warmup_days=28 (--set); --days-like and x--days stay")
    assert said == ("give reps=2 or more; max_reps=40, precision=0.5; more reps or days; "
                    "e.g. warmup_days=28 (overrides); --days-like and x--days stay")
