"""An illicit type the scenario carries that no check can find is told as a note (a check
without an entry for a type finds none of it), never left to read as "customs catches none"."""

from __future__ import annotations

import sim
from sim.cli import main
from sim.scenario.loader import default_scenario_path
from sim.scenario.unfound import unfound_types

BEILUN = str(default_scenario_path().parent / "beilun-border.toml")
#: beilun-border's wildlife entries, every one that can find it, set to 0
NO_WILDLIFE = {
    "enforcement.detection.document.wildlife": 0.0,
    "enforcement.detection.exam.wildlife": 0.0,
    "enforcement.detection.quarantine.wildlife": 0.0,
}


def test_a_type_no_check_can_find_is_noted_and_one_that_a_check_finds_is_not():
    assert unfound_types(sim.load_scenario(BEILUN)) == []
    notes = unfound_types(sim.load_scenario(BEILUN, NO_WILDLIFE))
    assert len(notes) == 1 and notes[0].startswith(
        "enforcement.prevalence.wildlife (0.0005) gives declarations wildlife, but no check "
        "can find it"
    ), notes
    assert "detection_rate_wildlife is 0" in notes[0]
    for check in ("document", "exam", "quarantine"):  # (any one of them is enough)
        kept = {k: v for k, v in NO_WILDLIFE.items() if f".{check}." not in k}
        assert unfound_types(sim.load_scenario(BEILUN, kept)) == [], check
    lab = {**NO_WILDLIFE, "enforcement.detection.laboratory.wildlife": 0.5}
    assert unfound_types(sim.load_scenario(BEILUN, lab)) == []


def test_a_scan_alone_finds_nothing_and_no_prevalence_is_no_note():
    """A scan finds only through the exam it refers to; a type given no prevalence slips
    nothing, whatever its tables."""
    scan_only = sim.load_scenario(BEILUN, NO_WILDLIFE)
    assert scan_only.enforcement.detection.scan["wildlife"] > 0
    none = sim.load_scenario(BEILUN, {**NO_WILDLIFE, "enforcement.prevalence.wildlife": 0.0})
    assert unfound_types(none) == []


def test_pests_by_the_sampling_plan_and_undervaluation_by_the_audit():
    default = sim.load_scenario(default_scenario_path())
    e = default.enforcement
    assert e.prevalence["pest"] > 0 and "pest" not in e.detection.quarantine
    assert unfound_types(default) == []
    no_exam = {"enforcement.detection.exam.pest": 0.0}
    assert unfound_types(sim.load_scenario(default_scenario_path(), no_exam)) == []  # (the
    # sampling plan finds pests: its visual check and its laboratory)
    blind = {"enforcement.sampling.visual_sensitivity": 0.0,
             "enforcement.sampling.lab_sensitivity": 0.0,
             "enforcement.detection.exam.pest": 0.0}  # fmt: skip
    notes = unfound_types(sim.load_scenario(default_scenario_path(), blind))
    assert [n.split(" (")[0] for n in notes] == ["enforcement.prevalence.pest"], notes
    # a commodity's own plan whose laboratory finds pests can find them
    plants = {**blind, "enforcement.sampling.by_commodity.plants.lab_sensitivity": 0.8}
    assert unfound_types(sim.load_scenario(default_scenario_path(), plants)) == []
    paper = {f"enforcement.detection.{t}.undervaluation": 0.0
             for t in ("document", "exam", "quarantine", "laboratory")}
    audited = {**paper, "enforcement.audit.share": 0.05,
               "enforcement.audit.finds.undervaluation": 0.8}  # fmt: skip
    assert unfound_types(sim.load_scenario(default_scenario_path(), audited)) == []
    unaudited = {**audited, "enforcement.audit.share": 0.0}
    notes = unfound_types(sim.load_scenario(default_scenario_path(), unaudited))
    assert [n.split(" (")[0] for n in notes] == ["enforcement.prevalence.undervaluation"]


def test_check_says_it_on_stderr(capsys):
    sets = [a for k, v in NO_WILDLIFE.items() for a in ("--set", f"{k}={v}")]
    assert main(["check", BEILUN, *sets]) == 0
    err = capsys.readouterr().err
    assert "note: enforcement.prevalence.wildlife (0.0005) gives declarations wildlife" in err
    assert main(["check", BEILUN]) == 0
    assert "no check can find it" not in capsys.readouterr().err


def test_the_note_is_a_record_with_its_type_and_reads_in_chinese(capsys):
    from sim.warning_codes import record

    rec = record("note: " + unfound_types(sim.load_scenario(BEILUN, NO_WILDLIFE))[0])
    assert (rec["code"], rec["fields"]["kind"], rec["metric"]) == (
        "type_unfound", "wildlife", "detection_rate_wildlife")
    assert rec["figures"]["prevalence"] == 0.0005
    sets = [a for k, v in NO_WILDLIFE.items() for a in ("--set", f"{k}={v}")]
    assert main(["check", BEILUN, *sets, "--lang", "zh"]) == 0
    err = capsys.readouterr().err
    assert "enforcement.prevalence.wildlife（0.0005）使部分报关单带有濒危物种" in err, err
    assert "detection_rate_wildlife 为 0" in err
