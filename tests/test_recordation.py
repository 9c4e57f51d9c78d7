"""A brand recorded with customs (``enforcement.recordation``): its counterfeits are found at
the recordation's probabilities by the document check and the exam, the others at the
detection tables'; off by default, and drawn from a uniform of its own, so every other draw
keeps its value."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: counterfeits on general goods, which an exam never finds unless their brand is recorded
FAKES = {
    "enforcement.prevalence": {"counterfeit": 0.1, "frozen": 0.1, "pest": 0.05},
    "enforcement.by_commodity": {"general": {"frozen": 0, "pest": 0}},
    "enforcement.detection.exam": {"counterfeit": 0.0, "frozen": 1.0},
    "enforcement.detection.document": {"counterfeit": 0.0},
}


def run(over: dict) -> sim.RunResult:
    return sim.simulate(sim.load_scenario(SMALL, {**FAKES, **over}), 5, log=True)


@pytest.fixture(scope="module")
def runs() -> tuple[sim.RunResult, sim.RunResult]:
    half = {"enforcement.recordation": {"share": 0.5, "exam": 1.0, "document": 0.0}}
    return run({}), run(half)


def test_off_by_default_no_brand_is_recorded(runs):
    off, _ = runs
    assert not off.log.recorded.any()
    assert sim.load_scenario(SMALL).enforcement.recordation.share == 0


def test_only_counterfeits_are_recorded_at_about_the_share(runs):
    _, half = runs
    log = half.log
    fakes = log.illicit == "counterfeit"
    assert not log.recorded[~fakes].any()
    k, n = int(log.recorded[fakes].sum()), int(fakes.sum())
    assert n > 300 and abs(k / n - 0.5) < 3.29 * np.sqrt(0.25 / n)


def test_an_exam_finds_a_recorded_brands_counterfeits_and_not_the_others(runs):
    _, half = runs
    log = half.log
    done = log[log.cohort & (log.illicit == "counterfeit") & log.exam_end.notna()]
    recorded, other = done[done.recorded], done[~done.recorded]
    assert len(recorded) > 5 and len(other) > 5
    assert (recorded.outcome == "detained").all()
    assert (other.outcome == "released").all()


def test_every_other_draw_keeps_its_value(runs):
    off, half = runs
    a, b = off.log, half.log
    assert len(a) == len(b)
    for column in ("illicit", "concealed", "doc_alarm", "image_shows", "score_noise",
                   "true_value", "sel_scan", "sel_physical", "arrived"):
        assert a[column].equals(b[column]), column
    exam = a.exam_finds.equals(b.exam_finds)
    assert not exam  # (the recorded counterfeits' exam finds changed, and only they)
    changed = a.exam_finds != b.exam_finds
    assert b.recorded[changed].all()


def test_a_share_outside_0_to_1_is_refused_naming_the_field():
    with pytest.raises(sim.ScenarioError, match=r"enforcement.recordation.share = 1.5"):
        sim.load_scenario(SMALL, {"enforcement.recordation.share": 1.5})
    with pytest.raises(sim.ScenarioError, match=r"enforcement.recordation.brand"):
        sim.load_scenario(SMALL, {"enforcement.recordation": {"brand": 0.5}})


def test_a_recorded_brand_found_less_often_than_unrecorded_ones_is_refused():
    """Recordation adds what officers know; it cannot make a check find less. Refused only
    when a share is recorded, naming the field and the detection figure it is below."""
    plain = {"enforcement.detection.exam": {"counterfeit": 0.9},
             "enforcement.detection.document": {"counterfeit": 0.2}}
    msg = r"enforcement.recordation.exam = 0.85: .* less often .*exam.counterfeit = 0.9\)"
    with pytest.raises(sim.ScenarioError, match=msg):
        sim.load_scenario(SMALL, {**plain, "enforcement.recordation": {"share": 0.5,
                                                                       "exam": 0.85}})
    with pytest.raises(sim.ScenarioError, match=r"enforcement.recordation.document = 0.1"):
        sim.load_scenario(SMALL, {**plain, "enforcement.recordation": {"share": 0.5,
                                                                       "document": 0.1}})
    sim.load_scenario(SMALL, {**plain, "enforcement.recordation": {"exam": 0.85}})  # (none)
    sim.load_scenario(SMALL, {**plain, "enforcement.recordation.share": 0.5})  # (the defaults)


def test_a_recordation_that_acts_on_nothing_is_said_to(tmp_path, capsys):
    """A share recorded where no goods are counterfeit, or exam and document figures while no
    brand is recorded, change nothing: the run notes why (they were taken without a word)."""
    from sim.cli import main
    from sim.scenario.dormant import idle_changes

    plain = sim.load_scenario(SMALL)  # (no counterfeits)
    assert "no goods are counterfeit there" in str(
        idle_changes(plain, ["enforcement.recordation.share"]))
    fakes = sim.load_scenario(SMALL, FAKES)
    assert "enforcement.recordation.share is 0" in str(
        idle_changes(fakes, ["enforcement.recordation.exam"]))
    assert idle_changes(fakes, ["enforcement.recordation.share"]) is None
    argv = ["run", str(SMALL), "--reps", "1", "--days", "1", "--out", str(tmp_path / "r"),
            "--set", "enforcement.recordation.share=0.5"]
    assert main(argv) == 0
    assert "recordation acts only on counterfeits" in capsys.readouterr().err
