"""Notes a user must not miss: reforms that can have no effect say why, a local-knowledge
advantage without a risk engine says it does nothing, and every note goes to stderr and into
the JSON output (standard output keeps the table, or only JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.reforms.compose import parse
from sim.reforms.reform import NO_PARTS
from sim.scenario.loader import default_scenario_path
from sim.scenario.organisation import unused_local_knowledge
from tests.short_runs import short_run

SCENARIOS = default_scenario_path().parent
SPINDLE = str(SCENARIOS / "guangdong-spindle.toml")
DEFAULT = str(default_scenario_path())
SMALL = Path(__file__).parent / "scenarios" / "small.toml"
QUICK = ["--days", "2", "--reps", "2"]


@pytest.fixture(scope="module")
def spindle():
    return sim.load_scenario(SPINDLE)


@pytest.fixture
def short_default(tmp_path: Path) -> str:
    """The default scenario, run short (see :func:`short_run`)."""
    return short_run(tmp_path, DEFAULT)


def test_two_step_declaration_without_a_duty_wait_says_it_can_do_nothing(spindle, capsys):
    """Guangdong waits 0 h for the duty payment; without a guarantee fee the reform changes
    a field but can act on nothing, and says so with the reason."""
    why = parse("two_step_declaration").no_effect(_no_fee(spindle))
    assert "no wait for duty payment to skip" in why, why
    waiting = sim.load_scenario(SPINDLE, {"after_release.duty_payment": "6 h"})
    assert parse("two_step_declaration").no_effect(_no_fee(waiting)) == ""
    # the default scenario and Guangdong (priced as it) have no wait either, but a guarantee
    # fee: it costs more there
    assert parse("two_step_declaration").no_effect(sim.load_scenario(DEFAULT)) == ""
    assert parse("two_step_declaration").no_effect(spindle) == ""
    assert main(["reforms", "two_step_declaration", SPINDLE]) == 0
    out = capsys.readouterr().out
    assert "after_release.two_step_declaration.uptake" in out
    assert "only part of it can act in scenario 'guangdong-spindle': no wait for duty" in out


def _no_fee(scenario: sim.Scenario) -> sim.Scenario:
    """``scenario`` with no guarantee fee: a reform that skips the duty wait then has nothing
    to act on where there is no wait either."""
    return sim.patch(scenario, {"costs.trader.guarantee_fee": 0.0})


def test_reforms_acting_on_parts_a_scenario_lacks_change_nothing(spindle):
    """No port of guangdong-spindle scans: image review (smart or remote) has nothing to act
    on, and training's better image reading is left out."""
    assert all(port.scan is None for port in spindle.ports.values())
    for name in ("smart_image_review", "remote_image_review"):
        assert parse(name).fields(spindle) == {}, name
        why = parse(name).no_effect(spindle)  # (and what it lacks: a scanner)
        assert why.startswith(NO_PARTS) and "[ports.<port>.scan]" in why, name
    training = parse("training").fields(spindle)
    assert training and "enforcement.detection.officer" not in training
    default = sim.load_scenario(DEFAULT)
    assert "enforcement.detection.officer" in parse("training").fields(default)
    assert "enforcement.detection.ai_auc" in parse("smart_image_review").fields(default)
    assert parse("smart_image_review").no_effect(default) == ""
    # a combination is idle only when every part is
    assert parse("smart_image_review+single_window").no_effect(spindle) == ""
    both = parse("smart_image_review+two_step_declaration").no_effect(_no_fee(spindle))
    assert both.startswith("smart_image_review: " + NO_PARTS) and "duty payment" in both


def test_a_cross_trained_pool_serves_joint_examinations_only():
    separate = sim.load_scenario(DEFAULT, {"inspection.mode": "separate"})
    why = parse("flexible_staffing").no_effect(separate)
    assert "inspection.mode is 'separate'" in why, why
    assert parse("joint_inspection>flexible_staffing").no_effect(separate) == ""
    assert parse("flexible_staffing").no_effect(sim.load_scenario(DEFAULT)) == ""


def test_local_knowledge_without_a_risk_engine_is_noted(spindle):
    why = unused_local_knowledge(spindle)
    assert why is not None and "no [risk] section" in why and "risk.target=" in why
    assert unused_local_knowledge(sim.load_scenario(SPINDLE, {"risk.target": 0.05})) is None
    assert unused_local_knowledge(sim.load_scenario(DEFAULT)) is None


def test_run_notes_go_to_stderr_and_into_the_json_and_warnings(tmp_path, capsys):
    """The local-knowledge note and the short-run caveat: on stderr, in --json's "notes",
    in warnings.json; nothing of them on standard output, with or without --json."""
    out = tmp_path / "r"
    spindle = short_run(tmp_path, SPINDLE)
    assert main(["run", spindle, *QUICK, "--out", str(out), "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    notes = data["notes"]
    assert any("local_knowledge_auc" in n for n in notes), notes
    assert any("whole week(s)" in n and "--days 21 or more" in n for n in notes), notes
    assert all(n in captured.err for n in notes)
    saved = json.loads((out / "warnings.json").read_text())
    assert "local_knowledge_auc" in saved["notes"][0] and "warnings" not in saved
    assert main(["run", spindle, *QUICK, "--out", str(tmp_path / "t")]) == 0
    captured = capsys.readouterr()
    assert "whole week(s)" in captured.err and "local_knowledge_auc" in captured.err
    assert "note:" not in captured.out and "note (" not in captured.out
    assert "Key metrics" in captured.out


def test_compare_notes_go_to_stderr_and_into_the_json(tmp_path, capsys):
    argv = ["compare", short_run(tmp_path, SPINDLE), "--reforms", "joint_inspection",
            "two_step_declaration", "smart_image_review", "--days", "2", "--reps", "1",
            "--set", "costs.trader.guarantee_fee=0",  # (no fee: two-step has nothing to do)
            "--no-report", "--json", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    captured = capsys.readouterr()
    notes = json.loads(captured.out)["notes"]
    expect = {
        "note (joint_inspection): it changes nothing": "it is already in effect there",
        "note (smart_image_review): it changes nothing": NO_PARTS,
        "note (two_step_declaration): it can have no effect": "no wait for duty payment",
        "note: organisation.advantages.local_knowledge_auc": "no [risk] section",
        "note: 2 observed day(s) hold 0 whole week(s)": "--days 21 or more",
    }
    for start, reason in expect.items():
        assert any(n.startswith(start) and reason in n for n in notes), (start, notes)
    assert all(n in captured.err for n in notes)
    meta = json.loads((tmp_path / "c" / "compare.json").read_text())
    assert "no wait for duty payment" in meta["no_effect"]["two_step_declaration"]
    assert "local_knowledge_auc" in meta["unused_parts"]["baseline"]
    # (the same comparison without --json: its folder's replications are read again, and
    # its notes and console come from the same result as a fresh run's)
    assert main([a for a in argv if a != "--json"]) == 0
    captured = capsys.readouterr()
    assert "note:" not in captured.out and "note (" not in captured.out
    assert "Options vs baseline" in captured.out
    assert "it can have no effect" in captured.err and "whole week(s)" in captured.err


def test_notebook_02_gives_a_command_that_switches_the_risk_engine_on():
    """The notebook's advice must work on the scenario it is about (``risk.enabled=true``
    alone fails there: the engine needs a target)."""
    import re
    import shlex
    from pathlib import Path

    nb = Path(__file__).resolve().parents[1] / "notebooks" / "02-spindle-vs-dumbbell.ipynb"
    text = "".join(
        "".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "markdown"
    )
    assert "risk.enabled=true" not in text
    command = re.search(r"`(bordersim compare [^`]*--set risk[^`]*)`", text)
    assert command is not None, "no command that sets risk.* in the notebook's text"
    words = shlex.split(command.group(1))
    from sim.reforms.compose import read_value  # (a value as --set reads it: TOML)

    pairs = (w.split("=", 1) for w in words[words.index("--set") + 1 :: 2])
    settings = {k: read_value(v) for k, v in pairs}
    scenario = sim.load_scenario(SCENARIOS / Path(words[2]).name, settings)
    assert scenario.risk is not None and scenario.risk.enabled
    assert unused_local_knowledge(scenario) is None


def test_changes_to_a_risk_engine_that_is_off_can_have_no_effect(tmp_path, capsys, short_default):
    """The default scenario's risk engine is off: an option (or --set) that changes only its
    fields says it can have no effect; one that also switches it on does not."""
    argv = ["compare", short_default, "--option", "t6:risk.target=0.06", "--option",
            "on:risk.enabled=true,risk.target=0.06", "--days", "1", "--reps", "1",
            "--no-report", "--json", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    idle = [n for n in notes if "can have no effect" in n]
    assert len(idle) == 1 and idle[0].startswith("note (t6):"), notes
    assert "risk.target: the risk engine is off there (risk.enabled false)" in idle[0]
    assert main(["run", short_default, "--set", "risk.target=0.06", "--days", "1", "--reps", "1",
                 "--out", str(tmp_path / "r"), "--json"]) == 0  # fmt: skip
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any("--set changes can have no effect: risk.target" in n for n in notes), notes


def test_a_compare_wide_set_that_can_have_no_effect_is_noted_as_a_runs_is(
    tmp_path, capsys, short_default
):
    """compare's --set applies to every option, the baseline too: a tighter AEO cap on a risk
    engine that is off changes none of them, and the notes say so (as run's do); set with
    the engine switched on, it acts and is not noted."""
    argv = ["compare", short_default, "--set", "risk.caps.aeo_advanced=0.1", "--option",
            "t6:risk.target=0.06", "--days", "1", "--reps", "1", "--no-report", "--json"]
    assert main([*argv, "--out", str(tmp_path / "off")]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    idle = [n for n in notes if n.startswith("note: the --set changes can have no effect")]
    assert len(idle) == 1, notes
    assert "risk.caps.aeo_advanced: the risk engine is off there" in idle[0]
    assert idle[0].endswith("(in every option: the baseline's too)")
    on = [*argv, "--set", "risk.enabled=true", "--out", str(tmp_path / "on")]
    assert main(on) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert not [n for n in notes if "--set changes" in n], notes


def test_a_swept_value_or_set_that_can_have_no_effect_is_noted(tmp_path, capsys, short_default):
    """A sweep of the AEO cap on a risk engine that is off gave identical points without a
    word (read as "the cap does not matter"): now each swept key that acts at none of its
    values is noted, and so is a --set, as run's are; swept beside risk.enabled = true the
    cap acts and is not noted."""
    argv = ["sweep", short_default, "--param", "risk.caps.aeo_advanced=0.1,0.2", "--set",
            "risk.floors.discredited=0.9", "--reps", "1", "--days", "1"]
    assert main([*argv, "--out", str(tmp_path / "off")]) == 0
    err = capsys.readouterr().err
    assert ("note: the swept values can have no effect: risk.caps.aeo_advanced: the risk "
            "engine is off there") in err, err
    assert "owe nothing to risk.caps.aeo_advanced" in err
    assert "the --set changes can have no effect: risk.floors.discredited" in err
    # (and recorded, as a comparison's are: a nightly job reads the folder, not stderr)
    records = json.loads((tmp_path / "off" / "warning-records.json").read_text("utf-8"))
    assert "owe nothing to risk.caps.aeo_advanced" in str(records["records"])
    on = [*argv, "--param", "risk.enabled=true", "--grid", "--out", str(tmp_path / "on")]
    assert main(on) == 0
    assert "can have no effect" not in capsys.readouterr().err


def test_a_patrol_no_group_uses_and_a_quarantine_check_of_non_statutory_goods_are_noted():
    from sim.scenario.dormant import idle_changes, unused_parts

    beilun = sim.load_scenario(
        SCENARIOS / "beilun-border.toml",
        {"smuggling.groups.frozen_gang.routes": ["dongxing_road", "fangchenggang_sea"]},
    )
    used = {r for g in beilun.smuggling.groups.values() for r in g.routes}
    idle = [r for r in beilun.smuggling.routes if r not in used]
    assert idle, "every route is used: the test needs one that is not"
    found = unused_parts(beilun)
    assert any(f"smuggling.routes.{idle[0]} has a patrol" in f for f in found), found
    change = f"smuggling.routes.{idle[0]}.patrol.staff"
    assert "no smuggling group uses route" in (idle_changes(beilun, [change]) or "")
    assert idle_changes(beilun, [change, "days"]) is None  # (the days act)
    off = sim.load_scenario(DEFAULT)  # its risk engine is off: switching it off acts
    assert idle_changes(off, ["risk.enabled"]) is None  # (on a scenario where it was on)
    assert idle_changes(off, ["risk.window"]) is not None
    small = sim.load_scenario(
        "tests/scenarios/small.toml",
        {"commodities.general.statutory": 0.0, "selection.quarantine.general": {"*": 0.3}},
    )
    assert any("'general' a quarantine check" in f for f in unused_parts(small))
    assert not any("a quarantine check" in f for f in unused_parts(sim.load_scenario(
        "tests/scenarios/small.toml")))  # fmt: skip


def test_a_lane_never_staffed_is_noted_by_check_and_run(tmp_path, capsys):
    """A capacity of 0 (or a schedule of zeros) keeps whatever is sent there for ever: the
    clearance figures then leave those goods out, and improve. check and run say so."""
    small = "tests/scenarios/small.toml"
    zero = ["--set", "ports.sea.exam.bays.capacity=0"]
    assert main(["check", small, *zero]) == 0
    err = capsys.readouterr().err
    assert "note: ports.sea.exam.bays has no one on duty at any hour" in err
    assert main(["run", small, *zero, "--days", "1", "--reps", "1", "--json",
                 "--out", str(tmp_path / "r")]) == 0  # fmt: skip
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any("ports.sea.exam.bays has no one on duty" in n for n in notes), notes
    assert main(["check", small]) == 0
    assert "no one on duty" not in capsys.readouterr().err


def test_a_reform_that_can_only_cost_there_says_so(tmp_path, capsys, short_default):
    """The default scenario waits 0 h for the duty payment but charges a guarantee fee: two-
    step declaration cannot bring release earlier, only cost the fee. Its clearance rows are
    all 0 and its fees rise; a note says why (it used to say nothing)."""
    default = sim.load_scenario(DEFAULT)
    two_step = parse("two_step_declaration").reforms[0]
    assert two_step.no_effect(default) == ""  # (the fee acts)
    assert "only the guarantee fee" in two_step.caveat(default)
    spindle = _no_fee(sim.load_scenario(SPINDLE))  # (no wait, no fee: no effect, no caveat)
    assert two_step.no_effect(spindle) and two_step.caveat(spindle) == ""
    argv = ["compare", short_default, "--reforms", "two_step_declaration", "--days", "1", "--reps",
            "1", "--no-report", "--json", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any(n.startswith("note (two_step_declaration): only part of it can act") and
               "only the guarantee fee" in n for n in notes), notes  # fmt: skip


def test_the_reforms_command_says_what_of_a_reform_cannot_act(capsys):
    assert main(["reforms", "two_step_declaration", DEFAULT]) == 0
    out = capsys.readouterr().out
    assert "only part of it can act in scenario 'default': no wait for duty payment" in out


def test_an_option_that_changes_the_runs_length_says_its_counts_are_not_comparable(
    tmp_path, capsys
):
    argv = ["compare", short_run(tmp_path, SMALL), "--option", "a:days=2", "--days", "1",
            "--reps", "1", "--no-report", "--json", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any(n.startswith("note (a): it changes the run's length (days)") for n in notes)


def test_an_option_that_acts_on_no_consignment_is_named_not_read_as_no_effect(tmp_path, capsys):
    """An option whose figures are the baseline's to the last digit in every replication
    (here it only renames the scenario's description) is said to have acted on nothing in
    these runs: its differences of exactly 0 are no estimate of its effect."""
    small = short_run(tmp_path, SMALL)
    argv = ["compare", small, "--option", 'renamed:description="another text"',
            "--option", "review4:ports.sea.review.capacity=4", "--reps", "2", "--days", "2",
            "--no-report", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "note (renamed): its figures are the baseline's to the last digit" in err
    assert "note (review4)" not in err
    meta = json.loads((tmp_path / "c" / "compare.json").read_text())
    assert meta["identical"] == ["renamed"] and meta["unchanged"] == []


def test_slots_booked_when_no_exam_team_is_on_duty_are_a_note():
    """Appointment slots that run past the exam teams' shift leave boxes in the yard
    overnight; the default's slots (08:00-17:00, teams 08:00-18:00) do not."""
    from sim.scenario.dormant import slots_off_duty, unused_parts

    default = default_scenario_path()
    assert slots_off_duty(sim.load_scenario(default)) == []
    late = sim.load_scenario(default, {"ports.sea_port.exam.slots.day_end": "20:00"})
    assert slots_off_duty(late) == [("sea_port", "at 18:00-20:00")]
    assert any("no exam team is on duty" in n for n in unused_parts(late))
    weekend = sim.load_scenario(
        default,
        {"ports.sea_port.exam.teams.schedule": [10] * 120 + [0] * 48},  # (none at weekends)
    )
    assert slots_off_duty(weekend) == [("sea_port", "in 18 hour(s) of the week")]


def test_exam_teams_on_duty_when_no_examination_can_be_booked_are_a_note():
    """The mirror of slots booked with no team on duty: teams kept on past the slots (an
    hour after them left to finish the last examinations) examine only boxes booked earlier,
    so a later shift alone changes little; the default (teams to 18:00, slots to 17:00) and
    teams with a constant capacity (no shift) get no note."""
    from sim.scenario.dormant import teams_without_slots, unused_parts

    default = default_scenario_path()
    assert teams_without_slots(sim.load_scenario(default)) == []
    late = {"ports.sea_port.exam.teams.schedule": [0] * 8 + [10] * 14 + [0] * 2}
    scenario = sim.load_scenario(default, late)
    assert teams_without_slots(scenario) == [("sea_port", "at 18:00-22:00")]
    [note] = [n for n in unused_parts(scenario) if "when no examination can be booked" in n]
    assert note.startswith("ports.sea_port.exam.teams puts exam teams on duty at 18:00-22:00")
    assert "exam.slots.day_end" in note
    booked = sim.load_scenario(default, {**late, "ports.sea_port.exam.slots.day_end": "21:00"})
    assert teams_without_slots(booked) == []
    weekdays = sim.load_scenario(default, {"ports.sea_port.exam.slots.weekdays": [1, 2, 3, 4, 5]})
    assert teams_without_slots(weekdays) == [("sea_port", "at 08:00-18:00 on 2 day(s) a week")]
    assert teams_without_slots(sim.load_scenario(SMALL)) == []  # (a constant capacity)


def test_auditors_without_a_costs_section_are_noted_as_changing_nothing(tmp_path, capsys):
    """Auditors count only in the cost of audit: in a scenario without ``[costs]`` a
    headcount, written in or set, says it changes nothing."""
    from sim.scenario.dormant import idle_changes, unused_parts

    beilun = SCENARIOS / "beilun-border.toml"  # (no [costs])
    assert not any("audit" in f for f in unused_parts(sim.load_scenario(beilun)))
    staffed = sim.load_scenario(beilun, {"enforcement.audit.staff": 40})
    assert any("enforcement.audit.staff (40 auditors)" in f for f in unused_parts(staffed))
    assert "no [costs] section" in (idle_changes(staffed, ["enforcement.audit.staff"]) or "")
    default = sim.load_scenario(DEFAULT)  # (it has costs: the auditors are paid)
    assert idle_changes(default, ["enforcement.audit.staff"]) is None
    assert not any("audit" in f for f in unused_parts(default))


def test_an_option_that_changes_the_arrivals_says_pooled_figures_mix_other_goods(
    tmp_path, capsys
):
    """A surge adds consignments the baseline has not: figures pooled over every port and
    direction then compare another mix of goods (a surge of fast parcels lowers the mean while
    each waits longer). The note names the option and the change, on stderr and in the JSON;
    compare.json keeps it and the report's headline says it; an option that only moves
    staff, not arrivals, gets none."""
    small = short_run(tmp_path, SMALL)
    out = tmp_path / "c"
    argv = ["compare", small, "--option", "surge:ports.sea.arrivals.extra=0.5",
            "--option", "review4:ports.sea.review.capacity=4", "--reps", "2", "--days", "2",
            "--json", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    said = [n for n in notes if "changes which consignments arrive" in n]
    assert len(said) == 1 and said[0].startswith("note (surge): it changes which consignments "
                                                 "arrive (") and "more in the cohort" in said[0]
    meta = json.loads((out / "compare.json").read_text())
    assert set(meta["arrivals_changed"]) == {"surge"} and meta["arrivals_changed"]["surge"] > 0
    report = (out / "report.html").read_text()
    assert report.count("Read with care: it changes which consignments arrive") == 1


def test_an_option_that_changes_which_goods_are_illicit_says_enforcement_compares_others(
    tmp_path, capsys
):
    """More frozen goods arriving (the traffic's commodity mix): the same number of
    consignments, more of them illicit, so detection and values slipped compare other illicit
    goods. The note gives the change of illicit declarations, on stderr, in compare.json and
    in the report's headline; an option that only moves staff gets none."""
    small = short_run(tmp_path, SMALL)
    out = tmp_path / "c"
    mix = "ports.sea.traffic.commodities"
    argv = ["compare", small, "--option", f"frozen:{mix}.general=0.7,{mix}.frozen=0.3",
            "--option", "review4:ports.sea.review.capacity=4", "--reps", "2", "--days", "2",
            "--json", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    said = [n for n in notes if "changes which goods are illicit" in n]
    assert len(said) == 1 and said[0].startswith("note (frozen): it changes which goods are "
                                                 "illicit (") and "more illicit" in said[0]
    assert not any("changes which consignments arrive" in n for n in notes)
    meta = json.loads((out / "compare.json").read_text())
    assert set(meta["truth_changed"]) == {"frozen"}
    base, diff = meta["truth_changed"]["frozen"]
    import pandas as pd

    runs = pd.read_csv(out / "replications.csv")
    mean = runs.groupby("option")["illicit_declarations"].mean()
    assert (base, diff) == pytest.approx((mean["baseline"], mean["frozen"] - base))
    assert diff > 0.5 * base  # (three times as many frozen goods, a tenth of them illicit)
    report = (out / "report.html").read_text()
    assert report.count("Read with care: it changes which goods are illicit") == 1


def test_an_option_that_switches_the_risk_engine_on_says_its_effect_is_not_the_change_alone(
    tmp_path, capsys
):
    """Better targeting (a higher AUC) applied where the selection tables decide switches the
    engine on too: its differences are mostly the engine's own inspection rate. The note
    says so on stderr, in compare.json and at its headline; with the engine on in both,
    nothing is said."""
    small = short_run(tmp_path, SMALL)
    auc = "risk.auc.tobacco=0.95"
    for engine, said in [([], True), (["--set", "risk.target=0.05"], False)]:
        out = tmp_path / f"c{int(said)}"
        argv = ["compare", small, "--option", f"aim:risk.target=0.05,{auc}",
                "--option", "review4:ports.sea.review.capacity=4", "--reps", "1",
                "--days", "1", *engine, "--json", "--out", str(out)]  # fmt: skip
        assert main(argv) == 0
        notes = json.loads(capsys.readouterr().out)["notes"]
        mine = [n for n in notes if "switches the risk engine on" in n]
        meta = json.loads((out / "compare.json").read_text())
        report = (out / "report.html").read_text()
        if not said:
            assert not mine and meta["engine_switched"] == {}
            assert "switches the risk engine on" not in report
            continue
        assert len(mine) == 1 and mine[0].startswith("note (aim): it switches the risk engine")
        assert set(meta["engine_switched"]) == {"aim"}
        assert "Read with care: it switches the risk engine on" in report


def test_a_change_of_structure_names_the_assumptions_its_result_rests_on(spindle):
    """On Guangdong's tree the national centres' intake wait (``transfer_to``, an
    assumption) decides whether the dumbbell decides faster or slower than the spindle: a
    comparison that changes the structure names it and the advantages; one that does not
    change the structure says nothing."""
    from sim.experiment.composition import structure_assumptions

    dumbbell = sim.load_scenario(SPINDLE, {"organisation.structure": "dumbbell"})
    found = structure_assumptions(spindle, {"baseline": spindle, "dumbbell": dumbbell})
    assert set(found) == {"dumbbell"}
    why = found["dumbbell"]
    assert "organisation.transfer_to (to national: lognormal mean 4.0 h, cv 1.0" in why
    assert "local_knowledge_auc {'spindle': 0.03" in why and "--set" in why
    staffed = sim.load_scenario(SPINDLE, {"organisation.transfer_to": {}})
    assert structure_assumptions(spindle, {"staffed": staffed}) == {}
    assert structure_assumptions(sim.load_scenario(DEFAULT), {"x": dumbbell}) == {}


def test_the_assumptions_named_are_the_options_own_running_in_not_the_baselines(spindle):
    """A dumbbell run in with its own loss and days (the reform's strengths) is named with
    those, not with the baseline's zeros (it printed 'transition_loss 0.0' for an option
    running 0.3 over 365 days)."""
    from sim.experiment.composition import structure_assumptions
    from sim.reforms import apply

    slow = apply(spindle, "dumbbell:running_in_loss=0.3,running_in_days=365")
    assert slow.organisation is not None
    assert slow.organisation.advantages.transition_loss == 0.3
    why = structure_assumptions(spindle, {"slow": slow})["slow"]
    assert ("transition_loss 0.3 (the dumbbell reform's running_in_loss), transition_days "
            "365.0 (its running_in_days)") in why


def test_a_change_to_a_declaration_field_the_exports_set_themselves_says_it_acts_on_imports(
    tmp_path, capsys, short_default
):
    """`ports.<p>.declaration.advance_share` (and its lead and lodging delay) is only a default
    for a port's exports: where the exports section sets its own, changing it moves the
    imports alone, and `run --set` and a compare option say so instead of staying silent."""
    from sim.scenario.dormant import shadowed

    default = sim.load_scenario(DEFAULT)
    key = "ports.sea_port.declaration.advance_share"
    assert default.ports["sea_port"].exports.advance_share is not None  # (it sets its own)
    said = shadowed(default, [key, f"{key}.export", f"{key}.import", "days"])
    assert said == [f"{k} acts on the imports only: ports.sea_port.exports.advance_share sets "
                    "the exports' own" for k in (key, f"{key}.export")]  # fmt: skip
    assert shadowed(sim.load_scenario("tests/scenarios/small.toml"), ["ports.sea.declaration"
                    ".advance_share"]) == []  # fmt: skip  (its exports set no share of their own)
    argv = ["run", short_default, "--days", "1", "--reps", "1", "--json", "--out",
            str(tmp_path / "r"),
            "--set", f"{key}=0.1"]  # fmt: skip
    assert main(argv) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any(n == f"note: --set {key} acts on the imports only: ports.sea_port.exports."
               "advance_share sets the exports' own" for n in notes), notes  # fmt: skip
    from sim.experiment.compare import _caveats
    from sim.experiment.options import resolve_options

    opts = resolve_options([f"a:{key}=0.1", "b:ports.sea_port.review.capacity=4"])
    assert _caveats(opts, default) == {"a": said[0]}


def test_an_attendance_delay_where_no_trader_attends_is_noted_as_changing_nothing():
    from sim.scenario.dormant import idle_changes

    default = sim.load_scenario(DEFAULT)
    assert default.ports["post_hub"].exam.trader_attendance.share == 0  # (as shipped)
    why = idle_changes(default, ["ports.post_hub.exam.trader_attendance.delay"])
    assert why is not None and "no trader attends an examination at 'post_hub'" in why
    ports = default.ports.items()
    attended = next(n for n, p in ports if p.exam and p.exam.trader_attendance.share)
    assert idle_changes(default, [f"ports.{attended}.exam.trader_attendance.delay"]) is None


def test_a_change_to_capacity_no_price_reaches_says_the_costs_leave_it_out(tmp_path):
    """In the default scenario the exam bays and movers are the terminal's (costs.staff lists
    neither): more of them costs the agencies nothing and the traders' charges are per box,
    so the cost figures leave out what they cost. Such an option says so (compare.json's
    ``unpriced``, the report's notes); a priced lane (teams, scanners) and a scenario without
    costs say nothing."""
    from sim.scenario.dormant import unpriced

    default = sim.load_scenario(DEFAULT)
    keys = [f"ports.sea_port.{lane}" for lane in ("exam.bays.capacity",
            "exam.movers.schedule", "exam.teams.capacity", "scan.scanners.capacity",
            "review.capacity", "exam.bays.service")]  # fmt: skip
    said = unpriced(default, keys)
    assert [s.split(":")[0] for s in said] == keys[:2]
    assert "costs.staff lists no exam_bays" in said[0] and "movers" in said[1]
    small = sim.load_scenario(Path(__file__).parent / "scenarios" / "small.toml")
    assert unpriced(small, ["ports.sea.exam.bays.capacity"]) == []  # (no [costs])
    out = tmp_path / "c"
    sim.compare(DEFAULT, ["bays:ports.sea_port.exam.bays.capacity=20",
                          "teams:ports.sea_port.exam.teams.capacity=12"], reps=1,
                overrides={"days": 1, "warmup_days": 0, "drain_days": 1}, out=out)  # fmt: skip
    meta = json.loads((out / "compare.json").read_text())
    assert set(meta["unpriced"]) == {"bays"}
    assert "bays: ports.sea_port.exam.bays.capacity: no price reaches" in (
        out / "report.html").read_text().replace("&#x27;", "'")


def test_an_audit_share_changed_without_its_staff_says_its_cost_stays_the_same():
    """The audit's cost is its headcount: an option that audits another share with the same
    auditors is told so (with the headcount), one that sets the staff too is not, nor is a
    scenario without costs."""
    from sim.scenario.dormant import unpriced

    default = sim.load_scenario(DEFAULT)
    said = unpriced(default, ["enforcement.audit.share"])
    assert len(said) == 1 and said[0].startswith("enforcement.audit.share:")
    assert "enforcement.audit.staff: 40 auditors" in said[0]
    assert unpriced(default, ["enforcement.audit.share", "enforcement.audit.staff"]) == []
    assert unpriced(default, ["enforcement.audit.lag"]) == []
    small = sim.load_scenario(Path(__file__).parent / "scenarios" / "small.toml")
    assert unpriced(small, ["enforcement.audit.share"]) == []  # (no [costs])


def test_auditors_paid_while_the_audit_finds_nothing_are_noted():
    """Auditors priced in a costed scenario whose audit covers no share, or finds no type,
    cost money for no revenue: said, with why; the default's (2 %, four types) are not."""
    from sim.scenario.dormant import unused_parts

    default = sim.load_scenario(DEFAULT)
    assert not [n for n in unused_parts(default) if "enforcement.audit" in n]
    for change, why in (({"enforcement.audit.share": 0.0}, "enforcement.audit.share is 0"),
                        ({"enforcement.audit.finds": {}}, "finds no illicit type")):  # fmt: skip
        said = [n for n in unused_parts(sim.patch(default, change)) if "auditors" in n]
        assert len(said) == 1 and "(40 auditors) is paid" in said[0] and why in said[0]


def test_a_distribution_whose_draws_the_limits_cut_is_noted(tmp_path, capsys):
    """Every time is cut at 365 d and containers at 10,000 a declaration: a distribution
    reaching far past its cap delivers a lower mean than it states (an exponential of 200 d:
    16 % lower). The note gives the share cut and the mean delivered; the bundled
    scenarios have none."""
    from sim.scenario.capped import capped_draws

    small = Path(__file__).parent / "scenarios" / "small.toml"
    boxes = {"dist": "lognormal", "mean": 3000, "cv": 5}
    far = {"ports.sea.release.pickup": {"dist": "exponential", "mean": "200 d"},
           "ports.sea.traffic.containers": boxes}  # fmt: skip
    found = capped_draws(sim.load_scenario(small, far))
    assert len(found) == 2, found
    pickup = next(n for n in found if n.startswith("ports.sea.release.pickup"))
    assert "about 16.1% of its draws exceed the cap of 365 d" in pickup
    assert "mean is about 167.8 d, 16% below the 200 d it states" in pickup
    boxes = next(n for n in found if n.startswith("ports.sea.traffic.containers"))
    assert "cap of 1e+04" in boxes and "3,000 it states" in boxes, boxes
    for name in ("default", "guangdong", "beilun-border"):
        assert capped_draws(sim.load_scenario(SCENARIOS / f"{name}.toml")) == []
    argv = ["check", str(small), "--set",
            'ports.sea.release.pickup={dist="exponential", mean="200 d"}']  # fmt: skip
    main(argv)
    assert "exceed the cap of 365 d" in capsys.readouterr().err


def test_alerts_without_a_risk_engine_are_noted(spindle):
    """Without a risk engine no alert changes a selection, so the structures' alert reach
    changes nothing for goods: said, and not once the engine is on."""
    from sim.scenario.dormant import unused_parts

    said = [n for n in unused_parts(spindle) if "only the risk engine acts on an alert" in n]
    assert len(said) == 1 and "has no [risk] section" in said[0]
    on = sim.load_scenario(SPINDLE, {"risk.target": 0.05})
    assert not any("acts on an alert" in n for n in unused_parts(on))
    assert not any("acts on an alert" in n for n in unused_parts(sim.load_scenario(DEFAULT)))


def test_lanes_no_consignment_is_sent_to_are_noted():
    """A review lane with no class sent to review, a scanner or document desk the selection
    tables never select: each is named; with the risk engine deciding, the tables do not
    matter; the bundled scenarios have none."""
    from sim.scenario.dormant import unused_parts

    small = Path(__file__).parent / "scenarios" / "small.toml"
    zero = {"*": {"*": 0.0}}
    idle = {"declaration.review_share": {"*": 0.0}, "selection.scan": zero,
            "selection.document": zero}  # fmt: skip
    said = [n for n in unused_parts(sim.load_scenario(small, idle)) if "never work" in n]
    assert [n.split(":")[0] for n in said] == [
        "ports.sea.review", "ports.sea.document_check", "ports.sea.scan"], said  # fmt: skip
    engine = sim.load_scenario(small, {**idle, "risk.target": 0.05})
    assert [n.split(":")[0] for n in unused_parts(engine) if "never work" in n] == [
        "ports.sea.review"]  # fmt: skip
    for name in ("default", "guangdong", "beilun-border", "china-2017"):
        found = unused_parts(sim.load_scenario(SCENARIOS / f"{name}.toml"))
        assert not [n for n in found if "never work" in n], name


def test_selection_tables_that_break_chinas_credit_rules_are_noted(tmp_path, capsys):
    """The selection tables hold no credit rules (the risk engine does): Guangdong's left
    discredited traders at 73 % without a word. A run whose tables put discredited traders
    under the 80 % floor, or advanced AEO traders over 20 % of ordinary traders' rate, is
    noted (goods declarations, where a post hub's parcels are apart); none with the engine."""
    from sim.model.credit_rules import credit_rules

    ok = {"inspection_rate_discredited": 0.85, "inspection_rate_aeo_advanced": 0.005,
          "inspection_rate_general": 0.05}  # fmt: skip
    assert credit_rules(ok) == {}
    low = credit_rules({**ok, "inspection_rate_discredited": 0.73})
    assert list(low) == ["floor"] and "73.0% of discredited" in low["floor"]
    assert "80% floor" in low["floor"]
    high = credit_rules({**ok, "inspection_rate_aeo_advanced": 0.02})
    assert list(high) == ["cap_aeo_advanced"]
    assert "40.0% of ordinary traders' 5.0%, above the 20% cap" in high["cap_aeo_advanced"]
    parcels = {**ok, "inspection_rate_discredited": 0.9, "inspection_rate_discredited_goods": 0.7}
    assert "70.0% of discredited" in credit_rules(parcels)["floor"]  # (goods, not parcels)
    assert credit_rules({**ok, "inspection_rate_discredited": 0.5, "risk_auc": 0.8}) == {}
    # the engine holds the rules: a cap it seems to overstep is explained, not blamed
    engine = credit_rules({**ok, "inspection_rate_aeo_advanced": 0.013, "risk_auc": 0.8})
    cap = engine["cap_aeo_advanced"]
    assert list(engine) == ["cap_aeo_advanced"] and "the risk engine inspects advanced AEO" in cap
    assert "26.0% of ordinary traders' 5.0%" in cap and "bank two" in cap
    assert credit_rules({**ok, "inspection_rate_aeo_advanced": 0.009, "risk_auc": 0.8}) == {}
    hub = {**ok, "inspection_rate_aeo_advanced": 0.5, "inspection_rate_aeo_advanced_goods": 0.009,
           "inspection_rate_general_goods": 0.05, "risk_auc": 0.8}  # fmt: skip
    assert credit_rules(hub) == {}  # (a post hub's parcels, outside the rules, left out)
    from sim.cli import main

    rule = "selection.physical={'*' = {'*' = 0.03, discredited = 0.3}}"
    small = short_run(tmp_path, SMALL)  # (the rates are of the 3 observed days)
    argv = ["run", small, "--reps", "1", "--days", "3", "--out", str(tmp_path / "r")]
    assert main([*argv, "--set", rule]) == 0
    assert "below the 80% floor of China's credit rules" in capsys.readouterr().err
    assert main([*argv[:-1], str(tmp_path / "r2")]) == 0  # (small.toml: 80 % for them)
    assert "floor of China's credit rules" not in capsys.readouterr().err
    # a comparison: the baseline's broken rules once, an option's only where it breaks more
    argv = ["compare", small, "--reps", "1", "--days", "3", "--out", str(tmp_path / "c"),
            "--option", "same:ports.sea.review.capacity=5", "--option", f"lax:{rule}",
            "--no-report"]  # fmt: skip
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "note (baseline): the selection tables inspect advanced AEO" in err
    assert "note (same): the selection" not in err and "note (lax): the selection" in err
    assert "note (lax): the selection tables inspect advanced AEO" not in err


def test_a_run_notes_credit_rules_from_rates_of_exactly_zero(capsys):
    """A run's notes read every mean, 0 included: dropping a goods rate of 0 fell back on
    the rate pooled with a post hub's parcels (an advanced AEO rate of 17 % where the goods
    ports inspected none), or said nothing of a floor broken by a rate of 0."""
    from sim.cli import Notes, _print_run_notes

    summary = {"inspection_rate_discredited": {"mean": 0.0},
               "inspection_rate_aeo_advanced": {"mean": 0.0},
               "inspection_rate_general": {"mean": 0.05}}  # fmt: skip
    notes = Notes()
    _print_run_notes(notes, {}, summary, sim.load_scenario(SMALL), 1)
    assert any("inspect 0.0% of discredited" in n for n in notes.lines), notes.lines
    hub = {**summary, "inspection_rate_aeo_advanced": {"mean": 0.17},
           "inspection_rate_aeo_advanced_goods": {"mean": 0.0},
           "inspection_rate_general_goods": {"mean": 0.003}}  # fmt: skip
    notes = Notes()
    _print_run_notes(notes, {}, hub, sim.load_scenario(SMALL), 1)
    assert not any("advanced AEO" in n for n in notes.lines), notes.lines
    capsys.readouterr()


def test_alerts_in_force_over_most_decisions_are_a_note_once_per_comparison():
    """Alerts that raise most of the risk engine's decisions cannot point at riskier goods:
    a run says so; a comparison says it of the baseline once, and of an option only where
    the baseline has no such note."""
    from sim.model.window import run_notes

    crowded = [n for n in run_notes({}, {"alert_raised_share": 0.86}, 7, 14) if "alerts" in n]
    assert len(crowded) == 1 and "86% of the risk engine's decisions" in crowded[0]
    assert "risk.alert.match_class" in crowded[0]
    assert not [n for n in run_notes({}, {"alert_raised_share": 0.3}, 7, 14) if "alerts" in n]
    assert not [n for n in run_notes({}, {}, 7, 14) if "alerts" in n]

    from sim.experiment.compare_notes import _notes_of_means

    def res(shares: dict[str, float]) -> SimpleNamespace:
        rows = [{"option": k, "metric": "alert_raised_share", "mean": v} for k, v in shares.items()]
        return SimpleNamespace(names=list(shares), summary=pd.DataFrame(rows), meta={})

    notes = _notes_of_means(res({"baseline": 0.9, "wide": 0.95, "narrow": 0.2}))
    assert [n.split(":")[0] for n in notes] == ["note (baseline)"]
    notes = _notes_of_means(res({"baseline": 0.2, "wide": 0.7}))
    assert [n.split(":")[0] for n in notes] == ["note (wide)"]
    # an option whose alerts crowd clearly more than the baseline's has its own note
    notes = _notes_of_means(res({"baseline": 0.6, "dumbbell": 0.89, "same": 0.65}))
    assert [n.split(":")[0] for n in notes] == ["note (baseline)", "note (dumbbell)"]
    assert "89% of the risk engine's decisions" in notes[1]


WEEKDAY_NOTE = "1 observed day(s), less than a week, see Mondays only"
ONE_REP_NOTE = "one replication gives no confidence interval and no significance"
TOO_SHORT_NOTE = "too few to see whether a queue keeps rising"


@pytest.mark.parametrize(
    "command",
    [
        ["run"],
        ["compare", "--option", "r4:ports.sea.review.capacity=4"],
        ["sweep", "--param", "ports.sea.review.capacity=3,4"],
    ],
)
def test_fewer_days_than_a_week_and_one_replication_are_noted(tmp_path, capsys, command):
    """A day of observation sees Mondays only and one replication has no interval: both
    said on stderr, in --json's notes (run, compare) and in the report; a week and two
    replications say neither."""
    out = tmp_path / "r"
    argv = [*command[:1], str(SMALL), *command[1:], "--days", "1", "--set", "warmup_days=0",
            "--set", "drain_days=1", "--out", str(out)]
    json_out = [] if command[0] == "sweep" else ["--json"]
    assert main([*argv, "--reps", "1", *json_out]) == 0
    captured = capsys.readouterr()
    for note in (WEEKDAY_NOTE, ONE_REP_NOTE, TOO_SHORT_NOTE):  # (a sweep lacked the last)
        assert note in captured.err, captured.err
        if json_out:
            assert any(note in n for n in json.loads(captured.out)["notes"])
    assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert WEEKDAY_NOTE in page and ONE_REP_NOTE in page and TOO_SHORT_NOTE in page
    week = list(argv)
    week[week.index("--days") + 1] = "7"
    capsys.readouterr()
    # (the week's report is not read: a comparison's notes are said before it is written)
    unread = ["--no-report"] if command[0] == "compare" else []
    assert main([*week[:-1], str(tmp_path / "w"), "--reps", "2", *unread]) == 0
    err = capsys.readouterr().err
    assert "less than a week" not in err and ONE_REP_NOTE not in err, err


def test_the_engine_cap_note_reads_the_scenarios_cap_with_the_digits_it_needs():
    """The risk engine's cap note took China's 20 % whatever ``risk.caps`` said, and printed
    a ratio of 0.2018 as '20% ... above the 20% cap'. It reads each class's cap as the
    scenario (or an option) sets it, and says the ratio to a tenth of a percent."""
    from sim.experiment.compare_notes import _notes_of_means
    from sim.model.credit_rules import credit_rules, engine_caps

    means = {"inspection_rate_aeo_advanced": 0.01009, "inspection_rate_aeo_general": 0.03,
             "inspection_rate_general": 0.05, "risk_auc": 0.8}  # fmt: skip
    found = credit_rules(means)  # (China's 20 %: 20.18 % is above it, and says so)
    assert "20.2% of ordinary traders' 5.0% over the observed days, above the 20% cap" in (
        found["cap_aeo_advanced"])
    on = {"risk.enabled": True}
    assert engine_caps(sim.load_scenario(DEFAULT, on)) == {"aeo_advanced": 0.2}
    assert engine_caps(sim.load_scenario(DEFAULT)) is None  # (off: the tables decide)
    caps = {"aeo_advanced": 0.25, "aeo_general": 0.5}
    notes = credit_rules(means, engine_caps(sim.load_scenario(DEFAULT, {**on, "risk.caps": caps})))
    assert list(notes) == ["cap_aeo_general"], notes  # (20.2 % is within a 25 % cap)
    assert "general AEO traders at 3.00%, 60.0% of" in notes["cap_aeo_general"]
    assert "above the 50% cap it holds (risk.caps.aeo_general)" in notes["cap_aeo_general"]
    uncapped = sim.load_scenario(DEFAULT, {**on, "risk.caps": {}})
    assert credit_rules(means, engine_caps(uncapped)) == {}
    # a comparison reads each option's caps from compare.json's meta
    rows = [{"option": k, "metric": m, "mean": v} for k in ("baseline", "tight")
            for m, v in means.items()]  # fmt: skip
    res = SimpleNamespace(names=["baseline", "tight"], summary=pd.DataFrame(rows),
                          meta={"caps": {"baseline": {"aeo_advanced": 0.3},
                                         "tight": {"aeo_advanced": 0.2}}})  # fmt: skip
    out = _notes_of_means(res)
    assert len(out) == 1 and out[0].startswith("note (tight): the risk engine inspects adv")


def test_two_options_that_make_one_change_in_the_scenario_are_said_to():
    """In the default scenario inspection is joint already, so merging the field
    departments makes flexible staffing's change: two options, one set of figures, and
    nothing said. Now the later one is noted as the earlier's."""
    from sim.experiment.compare import _same_as, prepare
    from sim.experiment.compare_notes import compare_notes
    from sim.experiment.store import scenario_hash

    plan = prepare(DEFAULT, ["merge_field_departments", "flexible_staffing", "training"])
    names = [o.name for o in plan.opts]
    assert names == ["baseline", "merge_field_departments", "flexible_staffing", "training"]
    same = _same_as(plan.opts, plan.variants, scenario_hash(plan.base))
    assert same == {"flexible_staffing": "merge_field_departments"}
    res = SimpleNamespace(meta={"same_as": same, "scenario": "default", "days": 28},
                          per_rep=pd.DataFrame(), options=plan.opts, names=names,
                          warnings={}, summary=pd.DataFrame(), interactions=pd.DataFrame(),
                          unstable=lambda name: False)  # fmt: skip
    notes = [n for n in compare_notes(res) if "same change" in n]  # type: ignore[arg-type]
    assert notes == ["note (flexible_staffing): in scenario 'default' it makes the same change "
                     "as merge_field_departments (their scenarios are alike to the last field): "
                     "its figures are merge_field_departments's"]  # fmt: skip


def test_a_reform_without_its_running_cost_is_said_to_leave_it_out():
    """A trial planner read "cheaper and faster at once" for `training`, whose cost_per_year
    is 0 (not costed): nothing said its IT, licences or training were left out. A reform
    given its cost, or a scenario with no costs at all, gets no such note; nor does one
    that only changes who pays (`trader_pays_no_find`), which runs nothing."""
    from sim.experiment.compare import _uncosted, prepare
    from sim.experiment.compare_notes import compare_notes
    from sim.experiment.options import reform_option
    from sim.reforms.cost_library import cost_of
    from tests.headlines import one_option

    opts = ["training", "smart_image_review:cost_per_year=2000000", "exam_without_trader",
            "smart_image_review:cost_per_year=1000+training@7d",
            "trader_pays_no_find", "trader_pays_no_find+training"]  # fmt: skip
    plan = prepare(DEFAULT, [reform_option(o) for o in opts])
    found = _uncosted(plan.opts, plan.base)
    names = [o.name for o in plan.opts]
    assert found == {"training": ["training"], "exam_without_trader": ["exam_without_trader"],
                     "training.at.7d": ["training"],  # (the combination's part, and itself:)
                     "smart_image_review.cost_per_year-1000+training.at.7d": ["training"],
                     # (who pays is no running cost: only the training is named)
                     "trader_pays_no_find+training": ["training"]}
    assert _uncosted(plan.opts, plan.base.model_copy(update={"costs": None})) == {}
    res = SimpleNamespace(meta={"uncosted": found, "scenario": "default", "days": 28},
                          per_rep=pd.DataFrame(), options=plan.opts, names=names,
                          warnings={}, summary=pd.DataFrame(), interactions=pd.DataFrame(),
                          unstable=lambda name: False)  # fmt: skip
    notes = [n for n in compare_notes(res) if "cost_per_year not given" in n]  # type: ignore[arg-type]
    assert notes[0] == (
        "note (training): the run counts no running cost of training (cost_per_year not "
        "given: a reform's own costs enter the appraisal, not the run, whose cost figures "
        "count only the staff and equipment the model changes); bordersim appraise takes the "
        "reform library's default running cost of training (a year: training: "
        f"{cost_of('training').running.rule()}; bordersim reforms NAME prices it on a "  # type: ignore[union-attr]
        "scenario)")
    text = one_option([("total_cost_per_year", -1e6, -2e6, -5e5),
                       ("overall_clearance_h_mean", -0.5, -0.6, -0.4),
                       ("consignments_released", 0.0, 0.0, 0.0)],
                      meta={"uncosted": {"o": ["training"]}})  # fmt: skip
    verdict = text.split("cheaper and faster at once")[1].split("</li>")[0]
    assert "; but the run counts no running cost of training (cost_per_year not" in verdict


def test_an_option_whose_figures_are_an_earlier_options_is_said_to_be():
    """dumbbell+merge_affiliated gave the dumbbell's figures in every metric and replication,
    and its interaction read as an effect; now a note says the part adds nothing there."""
    from sim.experiment.compare import identical_to_option
    from sim.experiment.compare_notes import idle_notes
    from sim.experiment.options import Option

    rows = [("baseline", 0, 1.0, 5.0), ("baseline", 1, 2.0, 6.0),
            ("a", 0, 1.5, 5.0), ("a", 1, 2.5, float("nan")),
            ("b", 0, 1.0, 5.0), ("b", 1, 2.0, 6.0),  # (the baseline's: said elsewhere)
            ("a+b", 0, 1.5, 5.0), ("a+b", 1, 2.5, float("nan")),
            ("c", 0, 1.5, 5.0), ("c", 1, 2.5, 7.0)]  # fmt: skip
    per_rep = pd.DataFrame(rows, columns=["option", "replication", "x", "y"])
    opts = [Option(n) for n in ("baseline", "a", "b", "a+b", "c")]
    assert identical_to_option(per_rep, opts) == {"a+b": "a"}
    notes = idle_notes({"identical_to": {"a+b": "a"}, "scenario": "s"})
    assert notes == ["note (a+b): its figures are a's to the last digit in every replication: "
                     "what it has that a lacks acted on nothing in these runs (for a "
                     "combination: its other part adds nothing once this one is in place, "
                     "which is all its interaction says)"]  # fmt: skip


def test_a_running_in_that_covers_the_observed_days_is_said_to():
    """A dumbbell option with transition_days = 60 over 7 + 21 days was running-in on every
    observed day, and its escalation latency could be briefed as the structure's lasting
    cost; the option's note says how much of the observed days the running-in covers."""
    from sim.experiment.composition import running_in, structure_assumptions

    base = sim.load_scenario(SPINDLE, {"days": 21, "warmup_days": 7})
    long = parse("dumbbell:running_in_days=60,running_in_loss=0.2").apply(base)
    text = structure_assumptions(base, {"long": long})["long"]
    assert "; every observed day is running-in (organisation.advantages.transition_days = 60, " \
        "the dumbbell reform's running_in_days, from the run's start; 7 warm-up and 21 " \
        "observed days)" in text and "--days 74 or more" in text
    part = parse("dumbbell:running_in_days=14,running_in_loss=0.2").apply(base)
    assert running_in(part).startswith("; its first 7 of 21 observed days are running-in")
    assert running_in(parse("dumbbell:running_in_days=5,running_in_loss=0.2").apply(base)) == ""
    assert running_in(base) == ""  # (today's structure: no running-in)


def test_a_headcount_change_far_from_saturation_is_said_to_show_in_cost_only():
    """Cutting 32 organisation heads left every time figure the plain dumbbell's: its units
    were at most 14 % busy. An option that changes the headcount there is noted; one whose
    busiest unit is near saturation, or with the baseline's headcount, is not."""
    from sim.experiment.compare_notes import headroom_notes

    def res(lean_busy: float, lean_heads: float = 90.0) -> SimpleNamespace:
        rows = [("baseline", "org_staff_heads", 122.0), ("dumbbell", "org_staff_heads", 122.0),
                ("lean", "org_staff_heads", lean_heads),
                ("baseline", "utilisation_org/gac_management", 0.01),
                ("dumbbell", "utilisation_org/ruling_centre_tariff", 0.14),
                ("lean", "utilisation_org/ruling_centre_tariff", lean_busy),
                ("lean", "utilisation_org/case_centre_anti_smuggling", 0.02),
                ("lean", "utilisation_org/gongbei_risk", float("nan"))]  # fmt: skip
        summary = pd.DataFrame(rows, columns=["option", "metric", "mean"])
        return SimpleNamespace(names=["baseline", "dumbbell", "lean"], summary=summary)

    notes = headroom_notes(res(0.19))
    assert notes == ["note (lean): it has -32 organisation staff, yet its busiest unit and "
                     "role (ruling_centre_tariff) is 19% busy: a change of headcount changes "
                     "the staff cost here, not how long decisions take (a queue forms only "
                     "near saturation), so a cut looks free and an addition useless; try it "
                     "with more escalations or fewer staff to find the limit"]  # fmt: skip
    assert headroom_notes(res(0.8)) == []
    assert headroom_notes(res(0.19, lean_heads=122.0)) == []


def test_a_scenario_without_prices_says_it_has_no_cost_figure_not_even_the_staffs():
    """A Guangdong without [costs]: the dumbbell's comparison showed no agency or trader cost,
    without a word (nor a staff cost: it is reported in [costs]'s currency); and the staff
    cost's "no change" is by construction (every structure places the same heads), now said
    with the assumptions."""
    from sim.experiment.compare_notes import uncosted_scenario
    from sim.experiment.composition import structure_assumptions

    def res(*metrics: str) -> SimpleNamespace:
        rows = [("baseline", m, 1.0) for m in metrics]
        return SimpleNamespace(summary=pd.DataFrame(rows, columns=["option", "metric", "mean"]))

    assert uncosted_scenario(res("org_staff_heads"))[0].startswith(
        "note: the scenario has no [costs] section")
    assert uncosted_scenario(res("org_staff_heads", "total_cost_per_consignment")) == []
    assert uncosted_scenario(res("clearance_h_mean")) == []
    base = sim.load_scenario(SPINDLE)
    dumbbell = parse("dumbbell").apply(base)
    assert "scaled down" in base.description
    text = structure_assumptions(base, {"d": dumbbell})["d"]
    assert text.endswith("so the structure alone leaves the staff cost unchanged by "
                         "construction")
    bare = sim.patch(dumbbell, {"organisation.transfer_to": {}})
    text = structure_assumptions(base, {"d": bare})["d"]
    assert "organisation.transfer_to (none: a request passed up waits for no transfer)" in text


def test_only_the_warnings_that_unsettle_an_option_carry_its_unstable_label():
    """A missed risk target was printed as 'warning (baseline, unstable): ...' beside a queue
    that did not settle: the target's figures are steady (at another rate)."""
    from sim.experiment.compare_notes import compare_notes

    miss = "rep-0000: land_border: the risk engine's inspection rate missed its target of 0.029"
    queue = "rep-0001: sea_port exam_bays: the queue keeps rising"
    res = SimpleNamespace(meta={"scenario": "s", "days": 28}, per_rep=pd.DataFrame(),
                          options=[], names=["baseline"], summary=pd.DataFrame(),
                          interactions=pd.DataFrame(), warnings={"baseline": [miss, queue]},
                          unstable=lambda name: True)  # fmt: skip
    found = [n for n in compare_notes(res) if n.startswith("warning")]  # type: ignore[arg-type]
    assert found == [f"warning (baseline): {miss}", f"warning (baseline, unstable): {queue}"]


FEW_REPS_NOTE = "replications give intervals that are themselves unreliable"


def test_two_or_three_replications_say_their_t_interval_is_unreliable():
    """A Student-t interval of 2 or 3 replications (1 or 2 degrees of freedom) is very wide
    and holds its 95 % only under normality: said, with its multiplier; not of 1 (no
    interval at all: its own note) nor from ``FEW_REPS`` on, nor of a sweep's points."""
    from scipy import stats

    from sim.model.window import FEW_REPS, few_reps_note, window_notes

    assert few_reps_note(1) is None and few_reps_note(None) is None
    for reps in range(2, FEW_REPS):
        note = few_reps_note(reps) or ""
        assert FEW_REPS_NOTE in note and f"{stats.t.ppf(0.975, reps - 1):.2f} standard" in note
        assert note in window_notes(7.0, 21.0, reps)
        assert not any(FEW_REPS_NOTE in n for n in window_notes(7.0, 21.0, reps, points=True))
    assert few_reps_note(FEW_REPS) is None and few_reps_note(FEW_REPS + 6) is None


def test_a_run_of_three_replications_notes_it_on_stderr_json_and_report(tmp_path, capsys):
    """Three replications: the note on stderr, in --json's notes and in the report (four
    say none: the unit test above)."""
    out = tmp_path / "r"
    argv = ["run", str(SMALL), "--days", "0.5", "--set", "warmup_days=0", "--set",
            "drain_days=0.5", "--json"]
    assert main([*argv, "--reps", "3", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"3 {FEW_REPS_NOTE}" in captured.err, captured.err
    assert any(FEW_REPS_NOTE in n for n in json.loads(captured.out)["notes"])
    assert main(["report", str(out)]) == 0
    assert FEW_REPS_NOTE in (out / "report.html").read_text(encoding="utf-8")


def test_a_comparison_of_two_replications_notes_it(tmp_path, capsys):
    """A comparison's intervals of two replications each: said on stderr and in --json."""
    argv = ["compare", str(SMALL), "--option", "r4:ports.sea.review.capacity=4", "--days",
            "0.5", "--set", "warmup_days=0", "--set", "drain_days=0.5", "--reps", "2",
            "--json", "--no-report", "--out", str(tmp_path / "c")]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert f"2 {FEW_REPS_NOTE}" in captured.err, captured.err
    assert any(FEW_REPS_NOTE in n for n in json.loads(captured.out)["notes"])
