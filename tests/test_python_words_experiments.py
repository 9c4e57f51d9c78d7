"""``sim.sobol``, ``sim.outlook`` and ``sim.pilot`` say their warnings and errors in Python's
words (``n=2`` for ``--sobol 2``, ``reps=2`` for ``--reps 2``, ``metric='x'`` for
``--metric 'x'``, ``output='clearance'`` for ``--output clearance``), as ``sim.simulate`` and
``sim.sweep`` do; the functions the command line runs keep its words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sim
import sim.experiment.sweep as sweep_module
from sim.cli import main
from sim.experiment.metric_names import MetricError
from sim.experiment.outlook import outlook
from sim.experiment.sensitivity import sobol
from sim.experiment.store import StoreMismatch
from sim.experiment.warmup import pilot
from sim.python_words import as_python, given_in_python_words
from sim.warning_codes import code_of

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: one day, no warm-up: what is read here is the warnings' words, not the figures
DAY = {"days": 1, "warmup_days": 0, "drain_days": 1}
RANGES = {"ports.sea.arrivals.rate": "2:8 /d"}


def test_the_new_flags_are_spelt_as_arguments():
    said = as_python("raise --sobol N (now 3; ...), and --reps or --days; use --sobol 2 or 4")
    assert said == "raise n (now 3; ...), and reps or days; use n=2 or 4"
    assert as_python("--metric 'foo': no run measured it") == "metric='foo': no run measured it"
    # (a longer flag is not read as a shorter one; the command listing metrics is a call)
    assert as_python("see its --metrics") == "see its --metrics"
    assert as_python("all 9: bordersim check small.toml --metrics") == (
        "all 9: sim.metric_names('small.toml')")
    # (a flag's choice is quoted as the argument takes it; a word of the sentence is not)
    assert as_python("use --output clearance") == "use output='clearance'"
    assert as_python("a longer --output than that") == "a longer output than that"


@pytest.fixture(scope="module")
def both_faces() -> tuple[list[str], list[str]]:
    """The warnings of one small Sobol analysis (N = 3, not a power of two; one replication)
    as ``sim.sobol`` gives them and as the command line's :func:`sobol` keeps them."""
    python = sim.sobol(SMALL, RANGES, 3, "consignments_arrived", reps=1, overrides=DAY)
    command_line = sobol(SMALL, RANGES, 3, "consignments_arrived", reps=1, overrides=DAY)
    return python.warnings(), command_line.warnings()


def test_sim_sobol_names_its_arguments_and_the_command_line_its_flags(both_faces):
    python, command_line = both_faces
    assert any("use n=2 or 4" in w for w in python)
    assert any("run reps=2 or more" in w and "a larger n does not" in w for w in python)
    assert not any("--" in w for w in python)
    assert any("use --sobol 2 or 4" in w for w in command_line)
    assert any("run --reps 2 or more" in w for w in command_line)
    assert [as_python(w) for w in command_line] == python
    # (a code reads either face's words)
    assert [code_of(w) for w in python] == [code_of(w) for w in command_line]
    assert "sobol_not_power_of_two" in [code_of(w) for w in python]


def test_an_unknown_metric_is_named_as_the_argument_from_python():
    with pytest.raises(MetricError) as python:
        sim.sobol(SMALL, RANGES, 2, "foo", reps=1, overrides=DAY)
    with pytest.raises(MetricError) as command_line:
        sobol(SMALL, RANGES, 2, "foo", reps=1, overrides=DAY)
    assert str(python.value).startswith("metric='foo' is not a metric")
    assert str(python.value).endswith(f"names: sim.metric_names({str(SMALL)!r})")
    assert str(command_line.value).startswith("--metric 'foo' is not a metric")
    assert str(command_line.value).endswith(f"names: bordersim check {SMALL} --metrics")


def test_the_wrapper_puts_only_the_errors_it_lists_in_python_words():
    def run(error: type[Exception]) -> None:
        raise error("--metric 'x': no run measured it")

    given = given_in_python_words(run, lambda _: None, errors=(MetricError,))
    with pytest.raises(MetricError, match=r"^metric='x': no run measured it$"):
        given(MetricError)
    with pytest.raises(KeyError, match="--metric 'x'"):
        given(KeyError)


@pytest.fixture
def warned_sweep(monkeypatch):
    """The outlook's sweep, its year 0 also warned in the command line's words (as a run's
    own warnings are stored: ``--days 42``)."""
    real = sweep_module.sweep

    def warned(*args: Any, **kwargs: Any) -> Any:
        rows = real(*args, **kwargs)
        rows.attrs["warnings"] = {"0": ["the run is too short: run longer (--days 42)"]}
        return rows

    monkeypatch.setattr(sweep_module, "sweep", warned)


def test_sim_outlook_names_days_and_the_command_lines_outlook_the_flag(warned_sweep):
    scenario = sim.load_scenario(SMALL, DAY)
    python, _ = sim.outlook(scenario, 0.1, 1, 1)
    command_line, _ = outlook(scenario, 0.1, 1, 1)
    assert python.attrs["warnings"]["baseline"][0] == ["the run is too short: run longer "
                                                       "(days=42)"]
    assert command_line.attrs["warnings"]["baseline"][0] == ["the run is too short: run "
                                                             "longer (--days 42)"]


def test_sim_pilot_names_its_arguments_and_the_command_lines_pilot_its_flags():
    # (a queue sampled weekly: 2 of the 10 pilot days have a sample, which is warned)
    weekly = sim.load_scenario(SMALL, {"queue_sample": "1 w"})
    python = sim.pilot(weekly, 10, 1, output="queue").suggestion.warnings
    command_line = pilot(weekly, 10, 1, output="queue").suggestion.warnings
    (sampled,) = [w for w in python if "sampled every" in w]
    assert "(queue_sample='1 h') or use output='clearance'" in sampled and "--" not in sampled
    assert any("(--set queue_sample='1 h') or use --output clearance" in w for w in command_line)
    assert tuple(as_python(w) for w in command_line) == python


def test_compare_names_the_metric_argument_and_the_command_line_the_flag(capsys):
    with pytest.raises(MetricError) as python:
        sim.compare(SMALL, [sim.Option("two_days", {"days": 2})], metrics=["foo"])
    assert str(python.value).startswith("metric='foo' is not a metric")
    assert main(["compare", str(SMALL), "--option", "two_days:days=2", "--precision", "0.5",
                 "--metric", "foo"]) != 0  # fmt: skip
    assert "--metric 'foo' is not a metric" in capsys.readouterr().err


def test_a_folder_not_its_own_is_named_as_out_from_python(tmp_path):
    (tmp_path / "notes.txt").write_text("not a sweep")
    with pytest.raises(StoreMismatch) as python:
        sim.sweep(SMALL, {"days": [1]}, 1, out=tmp_path)
    with pytest.raises(StoreMismatch) as command_line:
        sweep_module.sweep(SMALL, {"days": [1]}, 1, out=tmp_path)
    assert str(python.value).endswith("choose another folder as out=")
    assert str(command_line.value).endswith("choose another --out folder")
    with pytest.raises(StoreMismatch, match="choose another folder as out=$"):
        sim.compare(SMALL, [sim.Option("two_days", {"days": 2})], out=tmp_path)


def test_a_reform_given_as_a_scenario_is_told_the_call_that_compares_it():
    from sim.scenario.loader import ScenarioError, load_scenario

    with pytest.raises(ScenarioError) as python:
        sim.load_scenario("single_window")
    with pytest.raises(ScenarioError) as command_line:
        load_scenario("single_window")
    assert str(python.value).endswith(
        "compare it with sim.compare(scenario, ['single_window']) (its strengths: "
        "sim.reforms.REFORMS['single_window'].params)")
    assert str(command_line.value).endswith(
        "compare it with --reforms single_window (bordersim reforms single_window gives its "
        "strengths)")
