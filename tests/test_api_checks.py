"""The Python entry points check what they are given, as the command line does: a scenario
changed with ``model_copy(update=...)`` (which pydantic does not validate), the seed, and
the type of the scenario argument."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.experiment.runner import replicate
from sim.scenario.check import check_seed, checked
from sim.scenario.loader import BUNDLED, ScenarioError
from sim.scenario.patch import scenario_data

SMALL = Path(__file__).parent / "scenarios" / "small.toml"

SHORT = {"days": 1, "warmup_days": 1, "drain_days": 1}


@pytest.fixture(scope="module")
def small() -> sim.Scenario:
    return sim.load_scenario(SMALL, SHORT)


def _ai_clear(sc: sim.Scenario, value: float) -> sim.Scenario:
    port = sc.ports["sea"]
    review = port.scan.image_review.model_copy(update={"ai_clear": value})
    scan = port.scan.model_copy(update={"image_review": review})
    port = port.model_copy(update={"scan": scan})
    return sc.model_copy(update={"ports": {**sc.ports, "sea": port}})


# -- a scenario changed in code is validated again -------------------------------------------


@pytest.mark.parametrize(
    "update, where",
    [
        ({"days": -2.0}, "days = -2.0: out of range: input should be greater than 0"),
        ({"days": -5}, "days = -5"),
        ({"warmup_days": float("nan")}, "warmup_days = nan"),
    ],
)
def test_simulate_refuses_a_copy_with_a_bad_value(small, update, where):
    with pytest.raises(ScenarioError, match=r"^scenario 'small': ") as exc:
        sim.simulate(small.model_copy(update=update), seed=1)
    assert where in str(exc.value)


def test_a_probability_above_one_is_refused_everywhere(small, tmp_path):
    bad = _ai_clear(small, 1.7)
    want = "ports.sea.scan.image_review.ai_clear = 1.7: out of range"
    for run in (
        lambda: sim.simulate(bad, seed=1),
        lambda: replicate(bad, reps=1, seed=1),
        lambda: sim.compare(bad, [], reps=2, log=False),
        lambda: sim.sweep(bad, {"ports.sea.review.capacity": [2, 3]}, reps=1),
    ):
        with pytest.raises(ScenarioError, match="scenario 'small'") as exc:
            run()
        assert want in str(exc.value)


def test_an_unknown_structure_names_what_is_allowed():
    base = sim.load_scenario(BUNDLED / "guangdong.toml", SHORT)
    assert base.organisation is not None
    org = base.organisation.model_copy(update={"structure": "dumbell"})
    with pytest.raises(ScenarioError) as exc:
        sim.simulate(base.model_copy(update={"organisation": org}))
    text = str(exc.value)
    assert "organisation.structure = 'dumbell'" in text and "'dumbbell'" in text


def test_compare_blames_the_baseline_not_the_option(small):
    bad = small.model_copy(update={"days": -2.0})
    with pytest.raises(ScenarioError) as exc:
        sim.compare(bad, ["more_review:ports.sea.review.capacity=5"], reps=2, log=False)
    text = str(exc.value)
    assert text.startswith("baseline scenario 'small': days = -2.0")
    assert "more_review" not in text


def test_a_valid_scenario_is_passed_through_unchanged(small):
    assert checked(small) is small


# -- a resolved scenario round-trips ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in BUNDLED.glob("*.toml")))
def test_load_dump_validate_is_the_same_scenario(name, tmp_path):
    sc = sim.load_scenario(BUNDLED / name)
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario_data(sc)))
    assert sim.load_scenario(path) == sc


def test_a_results_folders_scenario_json_reloads(small, tmp_path):
    from sim.experiment.store import RunStore

    replicate(small, reps=1, seed=3, store=RunStore(tmp_path / "run"))
    again = sim.load_scenario(tmp_path / "run" / "scenario.json")
    assert again == small
    changed = sim.load_scenario(tmp_path / "run" / "scenario.json", {"days": 2}, source="overrides")
    assert changed.days == 2
    with pytest.raises(ScenarioError, match=r"^overrides: days = -1: "):
        sim.load_scenario(tmp_path / "run" / "scenario.json", {"days": -1}, source="overrides")


def test_a_broken_scenario_json_is_a_scenario_error(tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text("{not json")
    with pytest.raises(ScenarioError, match="not valid JSON"):
        sim.load_scenario(path)
    with pytest.raises(ScenarioError, match="no such file"):
        sim.load_scenario(tmp_path / "missing.json")


def test_a_key_given_twice_in_a_scenario_json_is_refused_not_the_last_taken(small, tmp_path):
    """json keeps the last of duplicate keys, silently; the TOML loader refuses them."""
    path = tmp_path / "scenario.json"
    text = json.dumps(scenario_data(small))
    path.write_text(text.replace('"days": ', '"days": 7.0, "days": ', 1))
    with pytest.raises(ScenarioError) as exc:
        sim.load_scenario(path)
    assert str(exc.value) == (
        f"{path}: days = {small.days!r}: given twice in one JSON object (7.0, {small.days!r}); "
        "JSON keeps only the last, so give each key once"
    )
    nested = text.replace('"review": {', '"review": {"capacity": 9, ', 1)
    path.write_text(nested)
    with pytest.raises(ScenarioError, match=r"ports\.sea\.review\.capacity = 3: given twice "
                       r"in one JSON object \(9, 3\)"):
        sim.load_scenario(path)


# -- seeds -----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [2.9, 2.0, True, "1", None, np.float64(3)])
def test_a_seed_that_is_not_an_int_is_refused(small, seed):
    for run in (
        lambda: sim.simulate(small, seed=seed),
        lambda: sim.simulate(small, seed=1, replication=seed),
        lambda: replicate(small, reps=1, seed=seed),
        lambda: sim.compare(small, [], reps=2, seed=seed, log=False),
        lambda: sim.sweep(small, {"ports.sea.review.capacity": [2]}, reps=1, seed=seed),
    ):
        with pytest.raises(TypeError, match=r"must be a whole number >= 0 \(an int\); got "):
            run()


def test_a_negative_seed_is_refused_and_numpy_ints_are_ints():
    with pytest.raises(ValueError, match="seed must be a whole number >= 0"):
        check_seed(-1)
    assert check_seed(np.int64(7)) == 7 and type(check_seed(np.int64(7))) is int


# -- what the scenario argument may be -------------------------------------------------------


def test_simulate_takes_a_path(small):
    a = sim.simulate(SMALL, seed=1).metrics()  # (the file's 7 days)
    assert a["consignments_arrived"] > 0


@pytest.mark.parametrize("thing", [42, None, {"days": 1}])
def test_a_wrong_scenario_type_says_what_is_accepted(thing):
    for run in (
        lambda: sim.simulate(thing),
        lambda: replicate(thing, reps=1, seed=1),
        lambda: sim.compare(thing, [], reps=2),
        lambda: sim.sweep(thing, {"days": [1]}, reps=1),
    ):
        with pytest.raises(TypeError, match="scenario must be a Scenario .* or the path"):
            run()


def test_the_check_is_cheap():
    import time

    sc = sim.load_scenario(BUNDLED / "default.toml")
    start = time.perf_counter()
    for _ in range(5):
        checked(sc)
    assert (time.perf_counter() - start) / 5 < 0.5  # (about 20 ms; generous for a busy machine)


def _validations(monkeypatch) -> list[int]:
    """Count the scenario validations :func:`checked` makes from here on."""
    import sim.scenario.check as check_mod

    calls: list[int] = []
    real = check_mod.revalidate

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(check_mod, "revalidate", counted)
    return calls


def test_a_scenario_checked_and_unchanged_is_not_validated_again(small, monkeypatch):
    sc = small.model_copy(deep=True)  # (an object of its own)
    calls = _validations(monkeypatch)
    for _ in range(3):
        assert checked(sc) is sc
    assert len(calls) == 1
    checked(sc.model_copy())  # (another object: checked anew)
    assert len(calls) == 2


def test_a_checked_scenario_changed_in_place_is_validated_again(small):
    sc = small.model_copy(deep=True)
    checked(sc)
    sc.ports["sea"] = _ai_clear(sc, 1.7).ports["sea"]  # (a frozen model's table is a dict)
    with pytest.raises(ScenarioError, match="ports.sea.scan.image_review.ai_clear = 1.7"):
        checked(sc)


def test_a_scenario_that_reads_a_csv_is_validated_every_time(tmp_path, monkeypatch):
    (tmp_path / "d.csv").write_text("t\n30\n45\n60\n")
    old = 'pickup = {dist = "lognormal", mean = "24 h", cv = 1}'
    text = SMALL.read_text().replace(old, 'pickup = {dist = "empirical", csv = "d.csv", '
                                          'column = "t", unit = "min"}')
    assert text != SMALL.read_text()
    (tmp_path / "s.toml").write_text(text)
    monkeypatch.chdir(tmp_path)  # (the check reads the file again, from here)
    sc = sim.load_scenario(tmp_path / "s.toml")
    calls = _validations(monkeypatch)
    checked(sc)
    checked(sc)
    assert len(calls) == 2


def test_a_path_given_as_a_string_is_fine(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(SMALL.read_text())
    assert checked(str(path)).name == "small"


# -- a comparison's names are checked --------------------------------------------------------


@pytest.fixture(scope="module")
def compared(small):
    return sim.compare(small, ["sea_scanner:ports.sea.review.capacity=4"], reps=2, log=False)


def test_an_unknown_metric_is_refused_with_the_nearest(compared):
    from sim.experiment.metric_names import MetricError

    assert len(compared.table("clearance_h_mean")) == 2
    with pytest.raises(MetricError, match="did you mean 'overall_clearance_h_mean'"):
        compared.table("overall_clearence_h_mean")


def test_an_unknown_option_is_refused_with_the_nearest(compared):
    from sim.experiment.options import OptionError

    assert compared.unstable("sea_scanner") in (True, False)
    with pytest.raises(OptionError, match="did you mean 'sea_scanner'.*options: baseline, sea"):
        compared.unstable("sea_scaner")


def test_without_the_log_a_comparison_has_no_gains(compared):
    assert compared.gains.empty  # (what the docstring of compare says log=False costs)


# -- errors from Python speak of what the caller passed --------------------------------------


def test_a_bad_sweep_point_names_the_point_not_the_command_line(small):
    with pytest.raises(ScenarioError) as exc:
        sim.sweep(small, {"ports.sea.review.capacity": [2, -1]}, reps=1)
    text = str(exc.value)
    assert text.startswith("design point 1: ports.sea.review.capacity = -1: ")
    with pytest.raises(ScenarioError, match=r"^overrides: days = -3"):
        sim.sweep(SMALL, {"ports.sea.review.capacity": [2]}, reps=1, overrides={"days": -3})


def test_compares_bad_overrides_name_the_overrides_from_python_the_command_line_from_it(
    capsys,
):
    for scenario in (SMALL, str(SMALL)):  # (a path and a string)
        with pytest.raises(ScenarioError, match=r"^overrides: days = -3"):
            sim.compare(scenario, ["a:days=2"], reps=2, overrides={"days": -3})
    with pytest.raises(ScenarioError, match=r"^overrides: days = -3"):  # (a Scenario)
        sim.compare(sim.load_scenario(SMALL), ["a:days=2"], reps=2, overrides={"days": -3})
    from sim.cli import main

    main(["compare", str(SMALL), "--set", "days=-3", "--option", "a:days=2", "--reps", "2"])
    assert "command line: days = -3" in capsys.readouterr().err


def test_a_malformed_option_string_is_not_called_a_command_line_flag(small):
    from sim.experiment.options import OptionError

    with pytest.raises(OptionError, match=r"^option 'a:nokey': expected NAME:KEY=VALUE"):
        sim.compare(small, ["a:nokey"], reps=2)



# -- the documented way to change a scenario in code -----------------------------------------


def test_patch_needs_no_source_and_names_the_changes(small):
    assert sim.patch(small, {"days": 2}).days == 2
    with pytest.raises(ScenarioError, match=r"^changes: days = -1: out of range"):
        sim.patch(small, {"days": -1})
    assert "patch" in sim.__all__


# -- what the docs say of the intervals table and of doc_alarm -------------------------------


def test_the_lodging_interval_is_clipped_at_zero_over_released_consignments(small):
    result = sim.simulate(small, seed=1, log=True)
    log = result.log[result.log.cohort & (result.log.outcome == "released")]
    lodging = (log.lodged - log.arrived).dropna()
    assert (lodging < 0).any()  # (advance declarations: lodged before arrival)
    t = result.intervals
    row = t[t.dimension == "all"].set_index("interval").loc["lodging", "mean_h"]
    assert row == pytest.approx(lodging.clip(lower=0).mean(), rel=1e-12)
    assert row != pytest.approx(lodging.mean())
    said = " ".join((sim.RunResult.__doc__ or "").split())
    assert "as 0 h, not as a negative time" in said and "outcome ``released``" in said
    docs = (Path(__file__).parents[1] / "docs" / "how-results-are-computed.md").read_text()
    assert "clipped at 0" in docs


def test_log_md_says_a_document_alarm_finds_only_undervaluation():
    text = (Path(__file__).parents[1] / "docs" / "log.md").read_text()
    row = next(line for line in text.splitlines() if line.startswith("| `doc_alarm`"))
    assert "finds the illicit type" not in row
    assert "undervaluation is then found on the papers" in row and "exam_finds" in row


def test_fast_false_gives_the_same_log_and_metrics_equal_to_rounding(small):
    fast = sim.simulate(small, seed=2, log=True)
    slow = sim.simulate(small, seed=2, log=True, fast=False)
    assert fast.log.equals(slow.log)
    a, b = fast.metrics(), slow.metrics()
    assert a.keys() == b.keys()
    assert all(a[k] == pytest.approx(b[k], rel=1e-12, nan_ok=True) for k in a)
    said = " ".join((sim.simulate.__doc__ or "").split())
    assert "the same log, and metrics equal to rounding" in said
    assert "the same results" not in said


def test_compare_says_what_the_log_costs_in_memory():
    said = " ".join((sim.compare.__doc__ or "").split())
    assert "the default, as on the command line" in said and "about 1 GB" in said


def test_an_empirical_csv_with_a_unit_is_checked_again_without_reading_it_again(tmp_path):
    (tmp_path / "times.csv").write_text("t\n10\n20\n30\n")
    old = 'review = {capacity = 3, service = {dist = "exponential", mean = "20 min"}}'
    new = 'review = {capacity = 3, service = {dist = "empirical", csv = "times.csv", unit = "min"}}'
    assert old in SMALL.read_text()
    path = tmp_path / "s.toml"
    path.write_text(SMALL.read_text().replace(old, new))
    sc = sim.load_scenario(path, SHORT)
    assert checked(sc) is sc  # (neither "needs exactly one of 'values' or 'csv'" nor a re-read)
    hours = [10 / 60, 20 / 60, 30 / 60]
    assert sim.patch(sc, {"days": 2}).ports["sea"].review.service.values == pytest.approx(hours)
    (tmp_path / "scenario.json").write_text(json.dumps(scenario_data(sc)))
    assert sim.load_scenario(tmp_path / "scenario.json") == sc  # (the minutes not applied twice)
