"""A sweep key written REFORM:STRENGTH sweeps a library reform's strength: each point is the
reform at that strength, as compare applies it (bit for bit at the same seed), beside field
keys that set the baseline it acts on; bad reforms, strengths and values are refused before
anything runs; ranges of a share sample reals; an interrupted sweep resumes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.compare import compare
from sim.experiment.options import Option
from sim.experiment.sweep import lhs, sweep
from sim.reforms.reform import ReformError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
CAP = "ports.sea.review.capacity"
#: the observed days alone: what is compared is the points' metrics, not their level
SHORT = {"days": 1, "warmup_days": 0, "drain_days": 1}
SWEEP = ["sweep", str(SMALL), "--reps", "1", "--days", "1", "--set", "warmup_days=0",
         "--set", "drain_days=1"]  # fmt: skip


def test_a_reform_strength_point_is_compare_with_that_reform_bit_for_bit():
    """Two strengths of one reform at each point, beside a field: the point is compare's
    option with the field as its change and the reform at both strengths (the field first,
    the reform acting on it); the points differ in the reform alone, and do differ."""
    design = {CAP: [4, 4], "single_window:uptake": [0.9, 0.1],
              "single_window:preparation_cut": [0.6, 0.2]}  # fmt: skip
    rows = sweep(SMALL, design, 1, seed=7, overrides=SHORT)
    options = [
        Option(f"p{i}", {CAP: design[CAP][i]}, reform="single_window:uptake="
               f"{design['single_window:uptake'][i]},preparation_cut="
               f"{design['single_window:preparation_cut'][i]}")
        for i in range(2)
    ]  # fmt: skip
    res = compare(SMALL, options, reps=1, seed=7, overrides=SHORT, log=False, report=False)
    for i in range(2):
        point = rows[rows.point == i].iloc[0]
        option = res.per_rep[res.per_rep.option == f"p{i}"].iloc[0]
        shared = [m for m in point.index if m in option.index and m not in ("replication",)]
        assert len(shared) > 50
        pd.testing.assert_series_equal(point[shared].astype(float), option[shared].astype(float),
                                       check_exact=True, check_names=False)
    assert list(rows.columns[1:4]) == list(design)  # (named as written)
    assert rows.clearance_h_mean[0] != rows.clearance_h_mean[1]


def test_a_reform_that_sets_a_swept_field_is_refused_naming_both():
    with pytest.raises(ReformError, match=r"design point 0: the sweep key "
                       r"smart_image_review:clear applies reform smart_image_review, which "
                       r"itself sets ports\.sea\.scan\.image_review\.ai_clear, also swept"):
        sweep(SMALL, {"smart_image_review:clear": [0.9],
                      "ports.sea.scan.image_review.ai_clear": [0.6]}, 1, overrides=SHORT)


def test_a_strength_out_of_range_in_a_python_sweep_names_its_point():
    """As a bad field value at a point is said (``design point 1: FIELD = VALUE: ...``),
    before anything runs."""
    with pytest.raises(ReformError, match=r"^design point 1: reform single_window: uptake "
                       r"= 7\.0: out of range, allowed 0\.0 to 1\.0$"):
        sweep(SMALL, {"single_window:uptake": [0.5, 7]}, 1, overrides=SHORT)


@pytest.mark.parametrize(
    ("param", "said"),
    [
        ("singel_window:uptake=0.5", "--param singel_window:uptake: unknown reform "
         "'singel_window' (did you mean 'single_window'?); known: single_window, "),
        ("single_window:uptak=0.5", "--param single_window:uptak: 'uptak' is not a number "
         "strength of reform single_window; allowed: uptake, preparation_cut, cost_per_year, "
         "setup_cost"),
        ("cold_chain_mandate:commodity=frozen", "'commodity' is not a number strength"),
        ("single_window:uptake=0.2,1.5", "--param single_window:uptake: reform "
         "single_window: uptake = 1.5: out of range, allowed 0.0 to 1.0"),
        ("cold_chain_mandate:teams=2,2.5", "teams = 2.5: not a whole number"),
        ("single_window:uptake=0，5", "not a number; write the decimal point: 0.5"),
        ("single_window:uptake=0,5", "uptake = 5: out of range, allowed 0.0 to 1.0 (a comma "
         "separates values: for 0,5 write the decimal point, 0.5)"),
    ],
    ids=["reform", "strength", "choice", "range", "whole", "comma", "ascii-comma"],
)
def test_a_bad_reform_key_or_value_is_one_error_line_before_anything_runs(
    tmp_path, capsys, param, said
):
    out = tmp_path / "out"
    assert main([*SWEEP, "--param", param, "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and said in err
    assert not out.exists()


def test_a_bad_range_end_and_chinese_error_lines(tmp_path, capsys):
    argv = [*SWEEP, "--lhs", "2", "--range", "single_window:uptake=0.5:2", "--out",
            str(tmp_path / "o")]  # fmt: skip
    assert main(argv) == 2
    assert "--range single_window:uptake: reform single_window: uptake = 2.0: out of " \
        "range" in capsys.readouterr().err
    assert main([*SWEEP, "--param", "single_window:uptak=0.5", "--lang", "zh"]) == 2
    assert "'uptak' 不是改革 single_window 的数值强度参数；可取：uptake" in capsys.readouterr().err
    assert main([*SWEEP, "--param", "single_window:uptake=0,5", "--lang", "zh"]) == 2
    assert "（逗号用于分隔取值：0,5 应写作小数 0.5）" in capsys.readouterr().err


def test_a_range_over_a_share_samples_reals_and_a_count_whole_numbers():
    design = lhs({"single_window:uptake": (0, 1), "cold_chain_mandate:teams": (1, 9)}, 8)
    assert not all(float(x).is_integer() for x in design["single_window:uptake"])
    assert all(float(x).is_integer() for x in design["cold_chain_mandate:teams"])


@pytest.fixture(scope="module")
def sampled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sweep") / "lhs"
    argv = [*SWEEP, "--lhs", "3", "--range", "single_window:uptake=0:1", "--out", str(out)]
    assert main(argv) == 0
    return out


def test_an_lhs_over_a_strength_runs_and_resumes(sampled, capsys, monkeypatch):
    design = pd.read_csv(sampled / "design.csv", index_col="point")
    assert list(design.columns) == ["single_window:uptake"]
    values = design["single_window:uptake"]
    assert values.between(0, 1).all() and not values.map(float.is_integer).all()
    first = pd.read_csv(sampled / "sweep.csv")
    (sampled / "points" / "p0001-r0000.json").unlink()  # (interrupted before it finished)
    import sim.model.run

    calls = []
    real = sim.model.run.simulate

    def spy(scenario, seed, *, replication=0, **kw):
        calls.append(replication)
        return real(scenario, seed, replication=replication, **kw)

    monkeypatch.setattr(sim.model.run, "simulate", spy)
    argv = [*SWEEP, "--lhs", "3", "--range", "single_window:uptake=0:1", "--out", str(sampled)]
    assert main(argv) == 0
    assert calls == [0]  # (only the missing point)
    pd.testing.assert_frame_equal(pd.read_csv(sampled / "sweep.csv"), first, check_exact=True)
    assert len(json.loads((sampled / "meta.json").read_text())["history"]) == 2
    capsys.readouterr()
    other = [*SWEEP, "--lhs", "3", "--range", "single_window:preparation_cut=0:1", "--out",
             str(sampled)]  # fmt: skip
    assert main(other) == 2
    assert ("parameters single_window:uptake (this sweep: single_window:preparation_cut)"
            in capsys.readouterr().err)


def test_a_reform_that_can_act_on_nothing_is_noted_and_one_that_can_is_not():
    import argparse

    from sim.cli_sweep_reforms import idle_reform_notes
    from sim.experiment.sweep import Range
    from sim.scenario.loader import load_scenario

    base = load_scenario(SMALL)  # (it audits no declaration: a risk-based audit acts on none)
    args = argparse.Namespace(params=[("risk_based_audit:auc", [0.6, 0.9]), (CAP, [2, 3])],
                              ranges=[("single_window:uptake", Range(0.1, 0.9))])  # fmt: skip
    assert idle_reform_notes(args, base) == [
        "the swept values can have no effect: risk_based_audit: the scenario audits no "
        "declaration (enforcement.audit.share = 0); the points' figures owe nothing to "
        "risk_based_audit:auc (flat by construction, not a measured response)"
    ]
