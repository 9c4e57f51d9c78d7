"""Overrides (``--set``, ``sweep --param``) and ``extends``: an error an override causes names
the command line, not the file; a lane's capacity and schedule replace each other; a capacity
error is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.scenario.patch import patch

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DEFAULT = sim.default_scenario_path()
HOURS = [1] * 8 + [3] * 10 + [1] * 6


def check(capsys, path: Path, *sets: str) -> tuple[int, str]:
    argv = ["check", str(path)]
    for s in sets:
        argv += ["--set", s]
    code = main(argv)
    return code, capsys.readouterr().err


# -- an error an override causes names the command line -----------------------------------


def test_a_misspelt_nested_key_names_the_command_line_the_override_and_its_value(capsys):
    code, err = check(capsys, DEFAULT, "ports.sea_port.scan.scaners.capacity=4")
    assert code == 2
    assert err == (
        "error: command line: ports.sea_port.scan.scaners.capacity = 4: unknown key "
        "'scaners'; did you mean 'scanners'? Allowed here: scanners, image_review\n"
    )


def test_sweep_param_errors_name_the_command_line(tmp_path, capsys):
    code = main(
        ["sweep", str(SMALL), "--param", "ports.sea.scan.scaners.capacity=3,4", "--reps", "1",
         "--out", str(tmp_path / "out")]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "command line: ports.sea.scan.scaners.capacity = 3: unknown key 'scaners'" in err
    assert str(SMALL) not in err


def test_a_sweep_value_error_quotes_the_bad_value_not_a_good_one(tmp_path, capsys):
    code = main(
        ["sweep", str(SMALL), "--param", "ports.sea.scan.scanners.capacity=3,three",
         "--reps", "1", "--out", str(tmp_path / "out")]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert "capacity = 'three': " in err and "= '3'" not in err


@pytest.mark.parametrize(
    "key", ['selection.scan."*".general', "selection.scan.'*'.general",
            'selection . scan . "*" . "general"', "selection.scan.*.general"],
)  # fmt: skip
def test_a_key_quoted_as_toml_quotes_it_is_read_as_toml_reads_it(key, capsys):
    """``selection.scan."*"`` on a command line is TOML's dotted key: the name ``*``, in
    ``--set``, ``--option`` and a sweep's ``--param`` and ``--range`` alike."""
    import json

    from sim.cli import _setting
    from sim.cli_experiments import _range, _values
    from sim.experiment.options import parse_option

    assert _setting(f"{key}=0.3") == ("selection.scan.*.general", 0.3)
    assert parse_option(f"x:{key}=0.3,days=3").overrides == {
        "selection.scan.*.general": 0.3, "days": 3,
    }
    assert _values(f"{key}=0.1,0.2") == ("selection.scan.*.general", [0.1, 0.2])
    assert _range(f"{key}=0.1:0.2")[0] == "selection.scan.*.general"
    code = main(["check", str(SMALL), "--set", f"{key}=0.3"])
    assert code == 0, capsys.readouterr().err
    resolved = json.loads(capsys.readouterr().out)
    assert resolved["selection"]["scan"]["*"]["general"] == 0.3


def test_a_quoted_key_that_cannot_be_a_dotted_path_says_why(tmp_path, capsys):
    """A quoted name holding a dot cannot be carried by a dotted path (say what can), and a
    quote left open is no path at all: each one line, before anything runs."""
    with pytest.raises(SystemExit) as stop:
        main(["check", str(SMALL), "--set", 'selection.quarantine."fro.zen".general=0.3'])
    assert stop.value.code == 2
    assert capsys.readouterr().err.endswith(
        "argument --set: selection.quarantine.\"fro.zen\".general: a dotted path cannot name "
        "'fro.zen', which holds a dot; set the table that holds it whole "
        '(selection.quarantine = {"fro.zen" = ...})\n'
    )
    code, _ = _compare(tmp_path, "--option", 'x:selection.scan."*.general=0.3')
    assert code == 2
    assert capsys.readouterr().err == (
        "error: --option 'x:selection.scan.\"*.general=0.3': selection.scan.\"*.general: not a "
        "dotted path (a quoted name must be closed, and followed by a dot or the end)\n"
    )


def test_an_option_setting_one_key_twice_is_an_error(tmp_path, capsys):
    code, _ = _compare(tmp_path, "--option", "x:days=3,days=4")
    assert code == 2
    assert capsys.readouterr().err == (
        "error: --option 'x:days=3,days=4': days is set twice; give it one value\n"
    )


@pytest.mark.parametrize(
    "text", ["x:days=3,,warmup_days=1", "x:days=3,", "x:days=3, ,drain_days=2"]
)
def test_an_option_with_an_empty_change_is_an_error(tmp_path, capsys, text):
    """Two commas together used to be read as one, silently."""
    code, _ = _compare(tmp_path, "--option", text)
    assert code == 2
    assert capsys.readouterr().err == (
        f"error: --option {text!r}: an empty change (two commas together, or one at the end); "
        "give NAME:KEY=VALUE[,KEY=VALUE] with one comma between changes\n"
    )


@pytest.mark.parametrize("command", ["check", "run", "compare", "sweep", "org", "warmup"])
def test_a_set_key_given_twice_is_an_error_not_the_last_one_winning(tmp_path, capsys, command):
    """``--set K=1 --set K=2`` used to run with 2, silently."""
    key = "ports.post_hub.arrivals.extra"
    argv = [command, str(DEFAULT), "--set", f"{key}=1", "--set", f"{key}=2"]
    code = main(argv + (["--out", str(tmp_path / "o")] if command in ("run", "compare") else []))
    assert code == 2
    assert capsys.readouterr().err == (
        f"error: command line: {key} = 2: set twice (= 1, then = 2); give it one value\n"
    )
    assert not (tmp_path / "o").exists()


def test_a_set_key_also_given_inside_its_table_is_set_twice(capsys):
    key = "ports.post_hub.arrivals"
    code, err = check(capsys, DEFAULT, f"{key}={{rate=3, extra=1}}", f"{key}.extra=2")
    assert code == 2
    assert err == (
        f"error: command line: {key}.extra = 2: set twice (= 1 inside {key}, then = 2); "
        "give it one value\n"
    )
    code, err = check(capsys, DEFAULT, f"{key}.extra=2", f"{key}={{rate=3, extra=1}}")
    assert code == 2 and "set twice (= 2, then = 1 inside ports.post_hub.arrivals)" in err


def test_a_table_set_after_a_field_inside_it_would_drop_the_field(capsys):
    key = "ports.post_hub.arrivals"
    code, err = check(capsys, DEFAULT, f"{key}.extra=2", f"{key}={{rate=3}}")
    assert code == 2
    assert err == (
        f"error: command line: {key} = {{'rate': 3}}: replaces the whole table {key}, "
        f"dropping {key}.extra = 2 set before it; give {key}.extra inside the table, or "
        "after it\n"
    )
    # the field after the table adds to it: allowed
    code, err = check(capsys, DEFAULT, f"{key}={{rate=\"3/h\"}}", f"{key}.extra=2")
    assert code == 0, err


def test_an_unknown_port_is_one_error_naming_the_ports(capsys):
    code, err = check(capsys, DEFAULT, "ports.nowhere.scan.scanners.capacity=2")
    assert code == 2
    assert err.startswith(
        "error: command line: ports.nowhere.scan.scanners.capacity = 2: unknown port "
        "'nowhere'; the scenario's ports are sea_port, land_border, airport, post_hub"
    )
    assert "cannot be created" in err and "add [ports.nowhere] in a scenario file" in err
    assert len(err.strip().splitlines()) == 1, err


def test_an_entry_unknown_to_a_nested_table_names_that_table_not_the_ports(capsys):
    """`[idling.ports]` names the ports whose vehicles idle (the default: its land border
    only); a port it does not name is not said to be missing from the scenario."""
    code, err = check(capsys, DEFAULT, "idling.ports.sea_port.engine_on=0.3")
    assert code == 2
    assert err.startswith(
        "error: command line: idling.ports.sea_port.engine_on = 0.3: unknown port "
        "'sea_port'; the scenario's idling.ports are land_border (a new port cannot be "
        "created by setting one of its fields: add [idling.ports.sea_port] in a scenario "
        "file)"
    ), err


def _compare(tmp_path, *argv: str) -> tuple[int, str]:
    args = ["compare", str(SMALL), "--reps", "2", "--days", "2", "--no-report",
            "--out", str(tmp_path / "o")]
    return main([*args, *argv]), str(tmp_path / "o")


def test_an_options_file_override_error_names_the_file_and_the_option(tmp_path, capsys):
    opts = tmp_path / "opts.toml"
    opts.write_text('[options.big]\nset = { "ports.sea.scan.scanners.capacity" = -3 }\n')
    code, out = _compare(tmp_path, "--options-file", str(opts))
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"error: {opts} [options.big]: ports.sea.scan.scanners.capacity = -3: ")
    assert "command line" not in err
    assert not Path(out).exists()
    # so is a check of a whole table that the option's override fails
    opts.write_text('[options.late]\nset = { "ports.sea.exam.slots.day_end" = "07:00" }\n')
    code, _ = _compare(tmp_path, "--options-file", str(opts))
    assert code == 2
    assert capsys.readouterr().err == (
        f"error: {opts} [options.late]: ports.sea.exam.slots.day_end = '07:00': "
        "day_end must be after day_start\n"
    )


def test_an_option_and_a_set_errors_each_name_their_own_source(tmp_path, capsys):
    code, _ = _compare(tmp_path, "--option", "big:ports.sea.scan.scanners.capacity=-3")
    assert code == 2
    assert capsys.readouterr().err.startswith(
        "error: option big: ports.sea.scan.scanners.capacity = -3: "
    )
    code, _ = _compare(
        tmp_path, "--set", "ports.sea.scan.scanners.capacity=-3",
        "--option", "big:ports.sea.exam.bays.capacity=2",
    )
    assert code == 2
    assert capsys.readouterr().err.startswith(
        "error: command line: ports.sea.scan.scanners.capacity = -3: "
    )


def test_an_options_error_found_in_another_field_names_the_option(
    write, small_text, tmp_path, capsys
):
    """An error an option's override causes names the option even when it shows in a field
    the option did not set (a section it created, a port it changed)."""
    code, _ = _compare(tmp_path, "--option", "bad:risk.enabled=true")
    assert code == 2
    assert capsys.readouterr().err.startswith(
        "error: option bad: risk.enabled = true: created [risk], absent from the scenario, "
        "which also needs risk.target ("
    )
    no_lab = small_text.replace("sample_share = 0.3\n", "", 1)
    no_lab = no_lab.replace('lab = {batch_size = 20, cutoffs = ["10:00", "16:00"], '
                            'incubation = "24 h"}\n', "", 1)
    path = write(no_lab)
    code = main(["compare", str(path), "--reps", "2", "--days", "2", "--out",
                 str(tmp_path / "o"), "--option", "s:ports.sea.quarantine.sample_share=0.5"])
    err = capsys.readouterr().err
    assert code == 2 and "command line" not in err, err
    assert err.startswith("error: option s: ports.sea"), err
    # so it does when the scenario is given as a Scenario, not a file
    from sim.experiment.compare import prepare
    from sim.scenario.loader import ScenarioError

    with pytest.raises(ScenarioError, match=r"^option bad: risk.enabled = true: created \[risk\]"):
        prepare(sim.load_scenario(SMALL), ["bad:risk.enabled=true"])


def test_an_override_that_creates_a_section_says_which_fields_it_still_needs(
    write, small_text, capsys
):
    """``risk.enabled = true`` on a scenario without ``[risk]`` creates the section, which
    needs a target: the error says the override created it and what it still needs, not
    only that a field the user never named is missing."""
    code, err = check(capsys, SMALL, "risk.enabled=true")
    assert code == 2
    assert err == (
        "error: command line: risk.enabled = true: created [risk], absent from the scenario, "
        "which also needs risk.target (target inspection rate (scan, physical or quarantine) "
        "of declarations of traders without a credit rule); set it too\n"
    )
    code, err = check(capsys, SMALL, "risk={enabled=true}")  # (the whole table)
    assert code == 2 and "risk = {'enabled': True}: created [risk]" in err
    no_lab = write(small_text.replace('lab = {batch_size = 20, cutoffs = ["10:00", "16:00"], '
                                      'incubation = "24 h"}\n', "", 1))
    code, err = check(capsys, no_lab, "ports.sea.quarantine.lab.batch_size=5")
    assert code == 2 and len(err.splitlines()) == 1
    assert (
        "command line: ports.sea.quarantine.lab.batch_size = 5: created "
        "[ports.sea.quarantine.lab], absent from the scenario, which also needs "
        "ports.sea.quarantine.lab.cutoffs and ports.sea.quarantine.lab.incubation ("
    ) in err and err.endswith("; set them too\n")
    with pytest.raises(sim.ScenarioError, match=r"^overrides: risk.enabled = true: created"):
        sim.load_scenario(SMALL, {"risk.enabled": True})


def test_a_whole_table_check_an_override_fails_names_the_override(capsys):
    code, err = check(capsys, SMALL, 'ports.sea.exam.slots.day_end="07:00"')
    assert code == 2
    assert err == (
        "error: command line: ports.sea.exam.slots.day_end = '07:00': "
        "day_end must be after day_start\n"
    )


def test_the_files_own_errors_still_name_the_file(write, small_text, capsys):
    """With an unrelated override, a problem of the file (even one that only shows once the
    override fixes another) names the file."""
    bad = small_text.replace("sample_share = 0.3", "sample_share = 1.3", 1)
    code, err = check(capsys, write(bad), "days=2")
    assert code == 2 and "command line" not in err
    assert "scenario.toml: ports.sea.quarantine.sample_share = 1.3" in err
    masked = small_text.replace("days = 7", 'days = "a week"', 1).replace(
        "commodities = {general = 0.9, frozen = 0.1}",
        "commodities = {general = 0.9, frozne = 0.1}",
        1,
    )
    assert masked.count("frozne") == 1 and '"a week"' in masked
    code, err = check(capsys, write(masked), "days=2")
    assert code == 2 and "command line" not in err, err
    assert "scenario.toml" in err and "unknown commodity 'frozne'" in err
    # a fault of a table the override also writes into, there before it: still the file's
    lead = 'booking_lead = "2 h"'
    slots = small_text.replace(lead, lead + '\nslots = {day_end = "07:00"}', 1)
    code, err = check(capsys, write(slots), 'ports.sea.exam.slots.every="2 h"')
    assert code == 2 and "command line" not in err, err
    assert "scenario.toml: ports.sea.exam.slots = " in err and "day_end must be after" in err


# -- a lane's capacity and schedule replace each other ------------------------------------


def test_set_capacity_replaces_a_schedule_and_schedule_a_capacity():
    s = sim.load_scenario(
        SMALL, {"ports.sea.scan.scanners.capacity": 4, "ports.sea.exam.teams.schedule": HOURS}
    )
    assert s.ports["sea"].scan.scanners.capacity == 4
    assert s.ports["sea"].scan.scanners.schedule is None
    assert s.ports["sea"].exam.teams.schedule == HOURS
    assert s.ports["sea"].exam.teams.capacity is None
    # the bundled default's scheduled exam teams, as in the README's example
    d = sim.load_scenario(DEFAULT, {"ports.sea_port.exam.teams.capacity": 5})
    assert d.ports["sea_port"].exam.teams.capacity == 5


def test_the_other_either_or_pairs_replace_each_other_too():
    """A patrol's staff replaces its schedule; export loading's delay replaces its
    departures and their cut-off; both of a pair at once stay an error."""
    beilun = DEFAULT.parent / "beilun-border.toml"
    river = "smuggling.routes.beilun_river.patrol"
    s = sim.load_scenario(beilun, {f"{river}.staff": 4})
    patrol = s.smuggling.routes["beilun_river"].patrol
    assert (patrol.staff, patrol.schedule) == (4, None)
    loading = "ports.sea_port.exports.loading"
    delay = {"dist": "lognormal", "mean": "6 h", "cv": 0.5}
    s = sim.load_scenario(DEFAULT, {f"{loading}.delay": delay})
    got = s.ports["sea_port"].exports.loading
    assert got.departures is None and got.delay.mean == pytest.approx(6.0)
    with pytest.raises(sim.ScenarioError, match="give either 'delay' or 'departures'"):
        sim.load_scenario(DEFAULT, {f"{loading}.delay": delay, f"{loading}.departures": ["03:00"]})


def test_a_reform_or_option_capacity_replaces_a_schedule():
    s = patch(sim.load_scenario(SMALL), {"ports.sea.scan.scanners.capacity": 4}, "option x")
    assert s.ports["sea"].scan.scanners.hourly_capacity() == [4] * 168


def test_extends_capacity_replaces_the_parents_schedule_and_back(write):
    child = write(
        'extends = "default.toml"\nname = "c"\n[ports.sea_port.exam]\nteams = { capacity = 5 }\n',
        "child.toml",
    )
    s = sim.load_scenario(child)
    assert s.ports["sea_port"].exam.teams.capacity == 5
    assert s.ports["sea_port"].exam.teams.schedule is None
    grandchild = write(
        f'extends = "child.toml"\nname = "g"\n[ports.sea_port.exam]\nteams = {{ schedule = '
        f"{HOURS} }}\n",
        "grandchild.toml",
    )
    s = sim.load_scenario(grandchild)
    assert s.ports["sea_port"].exam.teams.schedule == HOURS
    assert s.ports["sea_port"].exam.teams.capacity is None


def test_capacity_and_schedule_in_one_table_are_still_an_error(write, capsys):
    child = write(
        f'extends = "default.toml"\nname = "c"\n[ports.sea_port.exam]\n'
        f"teams = {{ capacity = 5, schedule = {HOURS} }}\n",
        "child.toml",
    )
    code, err = check(capsys, child)
    assert code == 2
    assert f"{child}: ports.sea_port.exam.teams = " in err
    assert "give one of 'capacity', 'schedule' or 'shifts', not capacity and schedule" in err
    code, err = check(capsys, SMALL, f"ports.sea.exam.teams={{capacity=5, schedule={HOURS}}}")
    assert code == 2 and "command line: ports.sea.exam.teams = " in err
    assert "give one of 'capacity', 'schedule' or 'shifts', not capacity and schedule" in err


def test_capacity_and_schedule_set_by_two_overrides_are_an_error(capsys):
    code, err = check(
        capsys, SMALL, "ports.sea.exam.teams.capacity=5", f"ports.sea.exam.teams.schedule={HOURS}"
    )
    assert code == 2
    assert err.startswith("error: command line: ports.sea.exam.teams.schedule = [1, 1")
    assert "give either 'capacity' or 'schedule', not both" in err


# -- a capacity error is one line ---------------------------------------------------------


@pytest.mark.parametrize("value", ["-1", "abc", "2.5", "10001", "true", '"four"'])
def test_a_bad_capacity_is_one_message_saying_what_is_allowed(capsys, value):
    code, err = check(capsys, SMALL, f"ports.sea.exam.teams.capacity={value}")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: command line: ports.sea.exam.teams.capacity = ")
    assert lines[0].endswith(': a whole number of servers from 0 to 10,000, or "unlimited"')


def test_a_whole_capacity_written_as_a_float_says_it_was_read_as_one(write, small_text, capsys):
    """``capacity = 1e4`` (TOML: a float) used to be refused with no word of why."""
    path = write(small_text.replace("teams = {capacity = 6}", "teams = {capacity = 1e4}", 1))
    code, err = check(capsys, path)
    assert code == 2
    assert err == (
        f"error: {path}: ports.sea.exam.teams.capacity = 10000.0: a whole number of servers "
        'from 0 to 10,000, or "unlimited"; 10000.0 was read as a float (a number with an '
        "exponent or a decimal point is one): write 10000\n"
    )
    code, err = check(capsys, SMALL, "ports.sea.exam.slots.capacity=4.0")
    assert code == 2 and err.strip().endswith("write 4")
    code, err = check(capsys, SMALL, "ports.sea.exam.teams.capacity=1e5")  # too many anyway
    assert code == 2 and "float" not in err
    code, err = check(capsys, SMALL, f"ports.sea.exam.teams.schedule={[2.0] + HOURS[1:]}")
    assert code == 2
    assert "schedule.0 = 2.0: expected a whole number; got 2.0; 2.0 was read as a float" in err


def test_a_bad_capacity_in_a_file_names_the_file(write, small_text, capsys):
    path = write(small_text.replace("teams = {capacity = 6}", 'teams = {capacity = "four"}', 1))
    code, err = check(capsys, path)
    assert code == 2
    assert err == (
        f"error: {path}: ports.sea.exam.teams.capacity = 'four': a whole number of servers "
        'from 0 to 10,000, or "unlimited"\n'
    )


def test_a_slot_capacity_of_zero_says_slots_start_at_one(capsys):
    code, err = check(capsys, SMALL, "ports.sea.exam.slots.capacity=0")
    assert code == 2
    assert err.strip().endswith('a whole number of examinations from 1 to 10,000, or "unlimited"')
    assert len(err.strip().splitlines()) == 1


def test_an_override_that_creates_a_section_is_blamed_even_when_the_file_is_bad(
    write, small_text, capsys
):
    """A section an override creates is the override's, even if the file also has a fault."""
    bad = small_text.replace("sample_share = 0.3", "sample_share = 1.3", 1)
    code, err = check(capsys, write(bad), "ports.sea.release.gate.capacity=2")
    assert code == 2
    assert (
        "command line: ports.sea.release.gate.capacity = 2: created [ports.sea.release.gate], "
        "absent from the scenario, which also needs ports.sea.release.gate.service; set it too"
    ) in err
    assert "scenario.toml: ports.sea.quarantine.sample_share = 1.3" in err


def test_a_displaced_field_is_said_by_what_it_is_in_english_and_chinese():
    """``delay`` over export loading's departures was said to replace "2 hourly values": a
    departures list is departure hours in the week, a delay a distribution, a schedule a
    profile of hourly values; each is said so, and in Chinese under --lang zh."""
    from sim.cli_lang import line
    from sim.scenario.loader import load_scenario
    from sim.scenario.patch import displaced, scenario_data

    base = scenario_data(load_scenario(SMALL))
    loading = "ports.sea.exports.loading"
    dist = {"dist": "lognormal", "mean": "1 h", "cv": 1.0}
    said = displaced(base, {f"{loading}.delay": dist})
    assert said[0].startswith(f"{loading}.delay = ")
    assert (f"replaces {loading}.departures (a list of 2 departure hours in the week, from "
            "hour 42 to 102); set") in said[0]
    assert "hourly values" not in said[0]
    assert line(f"note: {said[0]}", "zh").endswith(
        f"{loading}.departures 原为每周离港时刻表，共 2 个离港时刻，自一周第 42 小时至第 102 小时")
    back = {**base, "ports": {"sea": {"exports": {"loading": {"delay": dist}}}}}
    said = displaced(back, {f"{loading}.departures": ["Tue 18:00"]})
    assert f"replaces {loading}.delay (a lognormal distribution: mean 1 h, cv 1); set" in said[0]
    assert line(f"note: {said[0]}", "zh").endswith(
        f"{loading}.delay 原为 lognormal 分布（mean 1 h, cv 1）")
    said = displaced(base, {"ports.sea.scan.scanners.capacity": 3})
    assert "(a profile of 24 hourly values from 1 to 2)" in said[0]
    assert line(f"note: {said[0]}", "zh").endswith("原为逐时值曲线，共 24 个逐时值，介于 1 至 2")


def test_setting_a_capacity_over_a_schedule_says_what_it_replaces(tmp_path, capsys):
    """"3 scanners" over a day-shaped schedule means 3 round the clock: said, not silent."""
    code, err = check(capsys, SMALL, "ports.sea.scan.scanners.capacity=3")
    assert code == 0
    assert err == (
        "note: ports.sea.scan.scanners.capacity = 3 replaces ports.sea.scan.scanners.schedule "
        "(a profile of 24 hourly values from 1 to 2); set ports.sea.scan.scanners.schedule "
        "instead to keep its shape\n"
    )
    code, err = check(capsys, SMALL, "ports.sea.review.capacity=4")  # (no rival set: quiet)
    assert code == 0 and err == ""
    code, _ = _compare(tmp_path, "--option", "x:ports.sea.scan.scanners.capacity=3")
    assert code == 0
    assert "note (x): ports.sea.scan.scanners.capacity = 3 replaces" in capsys.readouterr().err
    # a sweep's keys too (it was silent): its values or range, at every point
    from sim.cli import main

    common = [str(SMALL), "--reps", "1", "--days", "1", "--set", "warmup_days=0"]
    for how, shown in (("--param", "=3,4"), ("--range", "=2:4")):
        argv = ["sweep", *common, how, f"ports.sea.scan.scanners.capacity{shown}"]
        if how == "--range":
            argv += ["--lhs", "2"]
        assert main([*argv, "--out", str(tmp_path / how)]) == 0
        value = "[3, 4]" if how == "--param" else "'2:4'"
        assert (f"note: ports.sea.scan.scanners.capacity = {value} replaces "
                "ports.sea.scan.scanners.schedule (a profile of 24 hourly values from 1 to 2); "
                "set ports.sea.scan.scanners.schedule instead to keep its shape (at every point)"
                ) in capsys.readouterr().err
    argv = ["sweep", *common, "--param", "ports.sea.review.capacity=3,4"]
    assert main([*argv, "--out", str(tmp_path / "quiet")]) == 0
    assert "replaces" not in capsys.readouterr().err


def test_an_override_that_creates_an_optional_section_says_so(tmp_path, capsys):
    """``risk.target`` on a scenario without ``[risk]`` turns the risk engine on with defaults
    for the rest: said on stderr, not silent (a --set and an option alike)."""
    code, err = check(capsys, SMALL, "risk.target=0.1")
    assert code == 0
    assert err == (
        "note: risk.target = 0.1 creates the [risk] section, absent from the scenario; the risk "
        "engine is then on and selects instead of the selection tables; its other fields take "
        "their defaults (bordersim check shows them)\n"
    )
    code, err = check(capsys, SMALL, "risk.target=0.1", "risk.enabled=false")
    assert code == 0 and "creates the [risk] section" in err and "engine is then on" not in err
    code, err = check(capsys, SMALL, "ports.sea.review.capacity=4")  # (nothing created)
    assert code == 0 and err == ""
    code, _ = _compare(tmp_path, "--option", "r:risk.target=0.1")
    assert code == 0
    assert "note (r): risk.target = 0.1 creates the [risk] section" in capsys.readouterr().err
