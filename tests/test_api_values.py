"""What a Python user hands the API is taken as the command line takes it: numpy's numbers as
values, quoted names in dotted paths, a bundled scenario's name or a scenario's data as a
dict; ranges in code sample whole numbers as ``"2:4"`` does; every run of a scenario names
the same metrics; and two results can be compared figure by figure."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.experiment.sweep import lhs
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 1, "warmup_days": 1, "drain_days": 1}
CAPACITY = "ports.sea.review.capacity"


@pytest.fixture(scope="module")
def small() -> sim.Scenario:
    return sim.load_scenario(SMALL, SHORT)


@pytest.mark.parametrize("value", [np.int64(3), np.int32(3), np.float64(3.0)])
def test_numpy_numbers_are_values_as_python_numbers_are(small, value):
    if isinstance(value, np.floating):  # a float is no whole number of servers, as in a file
        with pytest.raises(ScenarioError, match="read as a float"):
            sim.patch(small, {CAPACITY: value})
        return
    assert sim.patch(small, {CAPACITY: value}) == sim.patch(small, {CAPACITY: 3})
    assert sim.load_scenario(SMALL, {**SHORT, CAPACITY: value}).ports["sea"].review.capacity == 3


def test_numpy_floats_and_arrays_inside_a_value_are_plain():
    changed = sim.load_scenario(SMALL, {"days": np.float32(1.5)})
    assert changed.days == 1.5
    hourly = np.ones(24)
    with_array = sim.load_scenario(SMALL, {"ports.sea.arrivals.hourly": hourly})
    assert with_array == sim.load_scenario(SMALL, {"ports.sea.arrivals.hourly": [1.0] * 24})


def test_a_quoted_name_in_a_path_is_the_name(small):
    quoted = sim.patch(small, {'selection.scan."*"."*"': 0.2})
    literal = sim.patch(small, {"selection.scan.'*'.'*'": 0.2})
    bare = sim.patch(small, {"selection.scan.*.*": 0.2})
    assert quoted == bare == literal != small


def test_a_key_that_is_no_text_or_an_unclosed_quote_is_a_scenario_error(small):
    with pytest.raises(ScenarioError, match="a change's key is a dotted path as text"):
        sim.patch(small, {1: 3})
    with pytest.raises(ScenarioError, match="quoted name must be closed"):
        sim.patch(small, {'selection."scan': 3})


def test_a_bundled_name_loads_as_on_the_command_line():
    assert sim.load_scenario("guangdong") == sim.load_scenario(sim.default_scenario_path()
                                                               .with_name("guangdong.toml"))
    with pytest.raises(ScenarioError, match="did you mean guangdong"):
        sim.load_scenario("guangdon")


def test_a_scenarios_data_loads_back_and_its_overrides_are_blamed(small):
    data = sim.scenario_data(small)
    assert sim.load_scenario(data) == small
    assert sim.load_scenario(data, {"days": 2}).days == 2
    with pytest.raises(ScenarioError, match=r"^overrides: days = -1"):
        sim.load_scenario(data, {"days": -1})
    with pytest.raises(ScenarioError, match=r"^scenario data: name"):
        sim.load_scenario({k: v for k, v in data.items() if k != "name"})


def test_a_range_in_code_samples_as_its_command_line_form():
    ints = lhs({CAPACITY: (2, 4)}, 12)[CAPACITY]
    assert set(ints) == {2, 3, 4} and all(type(v) is int for v in ints)
    whole_floats = lhs({CAPACITY: (2.0, 4.0)}, 12)[CAPACITY]  # servers: whole all the same
    assert all(type(v) is int for v in whole_floats)
    days = lhs({"days": (2, 4)}, 12)["days"]  # a real field: the whole interval
    assert not all(float(v).is_integer() for v in days)
    with pytest.raises(ValueError, match=r"give \(low, high\)"):
        lhs({"days": (2,)}, 3)


def test_replicate_takes_a_folder_and_refuses_a_log_it_would_drop(small, tmp_path):
    per_rep = sim.replicate(small, reps=1, seed=1, log=True, store=tmp_path / "run")
    assert len(per_rep) == 1 and any((tmp_path / "run" / "reps").glob("*.parquet"))
    with pytest.raises(ValueError, match="log=True writes each replication's log"):
        sim.replicate(small, reps=1, seed=1, log=True)
    with pytest.raises(TypeError, match="store must be a RunStore"):
        sim.replicate(small, reps=1, seed=1, store=3)  # type: ignore[arg-type]


def test_every_run_names_the_metrics_its_scenario_yields():
    """A lab that ran no batch in the window still names its utilisation (NaN), so that each
    replication's row has the same columns; an unlimited lane never names one."""
    scenario = sim.load_scenario("default", SHORT)
    known = sim.metric_names(scenario).names
    run = sim.simulate(scenario, 0).metrics()  # (the post hub's lab ran no batch)
    assert math.isnan(run["utilisation_post_hub_lab"])
    assert set(run) == known
    assert "utilisation_land_border_movers" not in known  # (its movers are unlimited)


def test_results_compare_figure_by_figure(small):
    a, b = sim.simulate(small, 1, log=True), sim.simulate(small, 1, log=True)
    assert a.equals(b) and a != b  # (== is identity)
    assert not a.equals(sim.simulate(small, 2, log=True))
    assert not a.equals(sim.simulate(small, 1))  # no log against a log
    b.log.iloc[0, b.log.columns.get_loc("arrived")] += 1e-9
    assert not a.equals(b)
    assert not a.equals(None)


def test_a_sweeps_per_point_tables_are_those_its_folder_holds(small, tmp_path):
    import pandas as pd

    rows = sim.sweep(small, {CAPACITY: [2, 3]}, reps=2, out=tmp_path / "sw")
    summary = sim.sweep_summary(rows)
    saved = pd.read_csv(tmp_path / "sw" / "summary.csv", index_col="point")
    assert list(summary.index) == [0, 1] and list(summary[CAPACITY]) == [2, 3]
    pd.testing.assert_frame_equal(summary, saved, check_dtype=False)
    intervals = sim.sweep_intervals(rows)
    kept = pd.read_csv(tmp_path / "sw" / "intervals.csv")
    pd.testing.assert_frame_equal(intervals.reset_index(drop=True), kept, check_dtype=False)
    with pytest.raises(ValueError, match="not a sweep's table"):
        sim.sweep_summary(rows.drop(columns="replication"))


def test_replicate_runs_under_seed_1_unless_told(small):
    import pandas as pd

    pd.testing.assert_frame_equal(sim.replicate(small, 1), sim.replicate(small, 1, 1))
    assert sim.replicate(small, 1).iloc[0]["clearance_h_mean"] == (
        sim.simulate(small).metrics()["clearance_h_mean"])


def test_sobols_warnings_need_not_be_told_its_sample_size_again():
    import pandas as pd

    from sim.experiment.sensitivity import SobolResult

    wide = pd.DataFrame({"S1_conf": [0.3], "ST_conf": [0.1]}, index=["x"])
    res = SobolResult(wide, pd.DataFrame(), "m", n=64)
    assert "(now 64;" in res.warnings()[0]
    assert "(now 128;" in res.warnings(128)[0]


def test_every_entry_point_takes_a_bundled_scenarios_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # (no file of that name here)
    short = {"days": 1, "warmup_days": 1, "drain_days": 1}
    res = sim.compare("guangdong", ["longer:days=2"], reps=1, overrides=short, log=False)
    assert res.table("clearance_h_mean").index.tolist() == ["baseline", "longer"]
    assert len(sim.sweep("guangdong", {"days": [1]}, reps=1, overrides=short)) == 1
    assert len(sim.replicate("guangdong", 1)) == 1
