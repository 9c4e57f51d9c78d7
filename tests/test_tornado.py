"""``bordersim tornado``: a reform's paired effect at each end of its assumptions' ranges,
and whether its sign holds (sim.experiment.tornado, sim.reforms.ranges). Short runs of the
small scenario: 1 observed day, a day of warm-up and drain, 2 replications."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.experiment import tornado as tn
from sim.reforms import REFORMS
from sim.reforms.ranges import RANGES, Span
from sim.reforms.reform import ReformError
from sim.report.paper_assumptions import ASSUMED, basis
from tests.conftest import SMALL

SHORT = {"days": 1, "drain_days": 1}


def _table(text: str, setting: tn.Setting, overrides: dict[str, object]) -> pd.DataFrame:
    reform = tn.reform_of(text)
    res = tn.run(SMALL, reform, [setting], 2, overrides=overrides)
    return tn.tornado(res, reform, [setting], ["clearance_h_mean"])


def test_a_setting_whose_ends_have_opposite_effects_is_reported_as_flipping() -> None:
    # double_random hands selection to the risk engine at its target inspection rate: at
    # 1 % it inspects fewer goods than the small scenario's tables do, at 50 % far more, so
    # its effect on clearance turns from a saving into a delay across the target's range
    target = tn.Setting("risk.target", "given here", Span(0.01, 0.5, "test"))
    engine_off = {"risk.enabled": False, "risk.target": 0.05, "risk.window": 100}
    row = _table("double_random", target, SHORT | {"warmup_days": 1} | engine_off).iloc[0]
    assert row["low_mean"] < 0 < row["high_mean"]
    assert row["sign"] == tn.FLIPS


def test_a_setting_whose_ends_agree_in_sign_is_reported_as_holding() -> None:
    cut = tn.Setting("preparation_cut", "assumption", Span(0.1, 0.4, "test"))
    row = _table("single_window", cut, SHORT | {"warmup_days": 1}).iloc[0]
    assert row["low_mean"] < 0 and row["high_mean"] < 0 and row["given_mean"] < 0
    assert row["high_mean"] < row["low_mean"]  # (a larger saving at the high end)
    assert row["sign"] == tn.HOLDS and row["shown"]


def test_a_field_setting_sets_the_baseline_at_the_same_end() -> None:
    """The effect at a field's end is the reform's there: against the baseline run at that
    end, not the scenario's own baseline."""
    field = tn.Setting("ports.sea.review.capacity", "given here", Span(1, 6, "test"))
    reform = tn.reform_of("single_window")
    res = tn.run(SMALL, reform, [field], 2, overrides=SHORT | {"warmup_days": 1})
    row = tn.tornado(res, reform, [field], ["clearance_h_mean"]).iloc[0]
    means = res.per_rep.groupby("option")["clearance_h_mean"].mean()
    name = "ports.sea.review.capacity"
    for end in ("low", "high"):
        expected = means[f"{name}.{end}"] - means[f"{name}.{end}.baseline"]
        assert row[f"{end}_mean"] == pytest.approx(expected)
    assert means[f"{name}.low.baseline"] != means["baseline"]  # (the field acts on it)


def test_each_outcomes_settings_come_widest_swing_first() -> None:
    per_rep = pd.DataFrame([
        {"option": option, "replication": r, "m": effect + r, "k": -effect + r}
        for option, effect in (("baseline", 0.0), ("training", 1.0), ("speedup.low", 0.5),
                               ("speedup.high", 1.5), ("accuracy.low", 0.1),
                               ("accuracy.high", 3.0))
        for r in (0, 1)
    ])
    chosen = [tn.Setting(n, "assumption", Span(0.0, 1.0, "x")) for n in ("speedup", "accuracy")]
    res = type("Res", (), {"per_rep": per_rep})()
    table = tn.tornado(res, REFORMS["training"], chosen, ["m", "k"])
    assert list(zip(table["metric"], table["setting"], strict=True)) == [
        ("m", "accuracy"), ("m", "speedup"), ("k", "accuracy"), ("k", "speedup")]
    assert list(table["swing"]) == pytest.approx([2.9, 1.0, 2.9, 1.0])
    assert list(table["sign"]) == [tn.HOLDS] * 4


def test_the_sign_verdict() -> None:
    assert tn.sign_verdict([-1.0, -0.5, -2.0]) == tn.HOLDS
    assert tn.sign_verdict([-1.0, 0.5, -2.0]) == tn.FLIPS
    assert tn.sign_verdict([-1.0, 0.0, -2.0]) == tn.ZERO


def test_the_assumptions_with_a_range_are_varied_and_the_others_named() -> None:
    chosen, missing = tn.settings(REFORMS["dumbbell"])
    names = [s.name for s in chosen]
    assert "organisation.transfer_to.national.mean" in names
    assert "management_cut" in names and "running_in_days" in names
    assert "running_in_shape" not in names  # (a choice the library gives no ends)
    chosen, missing = tn.settings(REFORMS["smart_sharing"])
    assert chosen == [] and "uptake" in missing
    given, _ = tn.settings(REFORMS["smart_sharing"], {"uptake": Span(0.2, 0.8, "here")})
    assert [(s.name, s.span.low) for s in given] == [("uptake", 0.2)]


def test_every_range_of_the_library_is_allowed_and_says_why() -> None:
    for name, spans in RANGES.items():
        reform = REFORMS[name]
        for key, span in spans.items():
            assert span.why.strip(), (name, key)
            if "." in key:
                continue
            # (an assumption the library's sources name as one: a sourced strength is never
            # varied, and one no source names leaves a referee without its grounds)
            assert basis(key, reform.sources) == ASSUMED, (name, key)
            for end in (span.low, span.high):
                reform.params[key].check(name, key, end)


@pytest.mark.parametrize(("text", "ranges", "said"), [
    ("single_window+joint_inspection", {}, "not a combination"),
    ("single_window@2d", {}, "undated"),
    ("single_window", {"uptake": Span(0.5, 2.0, "x")}, "uptake = 2.0"),
    ("single_window", {"speed": Span(0.5, 1.0, "x")}, "not a strength of reform single_window"),
])
def test_a_reform_or_range_it_cannot_vary_is_refused(text: str, ranges: dict[str, Span],
                                                     said: str) -> None:
    with pytest.raises(ReformError, match=said):
        tn.settings(tn.reform_of(text), ranges)


def test_the_command_writes_the_table_and_the_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t"
    argv = ["tornado", str(SMALL), "--reform", "training", "--range", "speedup=0.05,0.2",
            "--reps", "2", "--days", "1",
            "--set", "warmup_days=1", "--set", "drain_days=1", "--out", str(out),
            "--metric", "clearance_h_mean", "--format", "latex"]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert r"\begin{tabular}" in text and r"speedup: clearance\_h\_mean" in text
    assert str(tmp_path) not in text  # (the folder by its name alone)
    csv = pd.read_csv(out / "tornado.csv")
    assert list(csv["setting"]) == ["speedup"] and list(csv["low"]) == [0.05]
    assert set(csv["sign"]) <= {tn.HOLDS, tn.FLIPS, tn.ZERO}
    assert (out / "tornado.tex").read_text(encoding="utf-8") == text


def test_the_command_refuses_a_bad_range_before_running(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["tornado", str(SMALL), "--reform", "single_window", "--range", "uptake=0.5",
            "--reps", "2", "--out", str(tmp_path / "t")]
    with pytest.raises(SystemExit):
        main(argv)
    assert "SETTING=LOW,HIGH" in capsys.readouterr().err
    argv[5] = "uptake=0.5,3"
    assert main(argv) == 2
    assert "uptake = 3.0" in capsys.readouterr().err and not (tmp_path / "t").exists()
