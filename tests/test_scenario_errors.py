"""Bad input gets one clear message: the file, the field path, the bad value, what is allowed.

Each case runs ``bordersim check`` as a user would and requires exit status 2, no traceback,
and a message that names the file, the field and what is allowed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import sim
from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def check(path, capsys) -> tuple[int, str]:
    code = main(["check", str(path)])
    return code, capsys.readouterr().err


def replace(text: str, old: str, new: str) -> str:
    assert old in text, f"test setup: {old!r} not in the scenario"
    return text.replace(old, new, 1)


CASES = [
    # (name, old, new, words the message must contain)
    ("toml syntax", 'name = "small"', 'name = "small', ["not valid TOML", "line 1"]),
    (
        "key given twice",
        'name = "small"',
        'name = "small"\nname = "again"',
        ["not valid TOML at line 2", "name is given twice"],
    ),
    (
        "key given twice in a table",
        "[ports.sea]\n",
        '[ports.sea]\nkind = "sea"\nkind = "sea"\n',
        ["ports.sea.kind is given twice"],
    ),
    (
        "table given twice",
        "[ports.sea]\n",
        "[ports.sea]\n[ports.sea]\n",
        ["ports.sea is given twice"],
    ),
    ("empty extends", 'name = "small"', 'extends = ""\nname = "small"', ["extends", "is empty"]),
    (
        "misspelt key",
        "review = {capacity = 3, service",
        "review = {capacity = 3, sevice",
        ["ports.sea.review.sevice", "unknown key 'sevice'", "did you mean 'service'"],
    ),
    ("wrong type", "days = 7", 'days = "a week"', ["days", "'a week'", "valid number"]),
    (  # a value shown as the file writes it (TOML's true), not as Python's True
        "boolean as a number",
        "review = {capacity = 3, service",
        "review = {capacity = true, service",
        ["ports.sea.review.capacity = true:", "a whole number of servers"],
    ),
    (
        "negative rate",
        'rate = "3/d"',
        'rate = "-3/d"',
        ["ports.sea.arrivals.rate", "'-3/d'", ">= 0"],
    ),
    (
        "probability above 1",
        "sample_share = 0.3",
        "sample_share = 1.3",
        ["ports.sea.quarantine.sample_share", "1.3", "less than or equal to 1"],
    ),
    (
        "unknown unit",
        'mean = "20 min"}}',
        'mean = "20 minnows"}}',
        ["ports.sea.review.service", "'minnows'", "allowed: s, min, h, d, w"],
    ),
    (
        "duration without unit",
        'booking_lead = "2 h"',
        "booking_lead = 2",
        ["ports.sea.exam.booking_lead", "needs a unit"],
    ),
    (
        "unknown distribution",
        '{dist = "exponential", mean = "30 min"}',
        '{dist = "weibull", mean = "30 min"}',
        ["ports.sea.document_check.service", "allowed 'dist' values", "lognormal"],
    ),
    (
        "shares not adding up",
        "commodities = {general = 0.9, frozen = 0.1}",
        "commodities = {general = 0.9, frozen = 0.2}",
        ["ports.sea.traffic", "add up to 1"],
    ),
    (
        "unknown commodity",
        'frozen = {"*" = 0.3}',
        'frozne = {"*" = 0.3}',
        ["selection.quarantine", "'frozne'", "allowed: *, general, frozen"],
    ),
    (
        "unknown trader class",
        "discredited = 0.8}",
        "discreditted = 0.8}",
        ["'discreditted'", "allowed: *, aeo_advanced"],
    ),
    ("missing required", 'name = "small"\n', "", ["name", "required"]),
    (
        "a lab cut-off twice",
        'cutoffs = ["10:00", "16:00"]',
        'cutoffs = ["10:00", "16:00", "10:00"]',
        ["ports.sea.quarantine.lab.cutoffs", "10:00 given twice; give each cut-off once"],
    ),
    (
        "a departure twice",
        'departures = ["Tue 18:00", "Fri 06:00"]',
        'departures = ["Tue 18:00", "Fri 06:00", "06:00"]',
        ["ports.sea.exports.loading.departures", "'06:00' repeats a departure already given "
         "(Fri 06:00)"],
    ),
    (
        "a unit spelt another way",
        'mean = "20 min"}}',
        'mean = "20 mins"}}',
        ["'mins'", "did you mean 'min'?", "minutes, hour, hours"],
    ),
    (
        "no containers",
        'containers = {dist = "uniform", low = 1, high = 3}',
        "containers = 0",
        ["ports.sea.traffic.containers = 0", "at least 1"],
    ),
    (
        "a distribution of containers from 0",
        'containers = {dist = "uniform", low = 1, high = 3}',
        'containers = {dist = "uniform", low = 0, high = 3}',
        ["ports.sea.traffic.containers", "at least 1", "got low 0"],
    ),
    (
        "sea port without vessels",
        'arrivals = {rate = "3/d", batch = {size = {dist = "uniform", '
        'low = 70, high = 210}, discharge_rate = "100/h"}}',
        'arrivals = {rate = "3/d"}',
        ["ports.sea", "needs [arrivals.batch]"],
    ),
    *(
        (f"time target {bad}", "drain_days = 7\n", f"drain_days = 7\nwithin_hours = {bad}\n",
         ["within_hours", *words])
        for bad, words in (
            ("[-2]", ["finite number of hours, 0 or more", "got -2"]),
            ("[-0.5]", ["0 or more (0: released on arrival)"]),
            ("[inf]", ["finite number"]),
            ("[nan]", ["finite number"]),
            ("[24, 48, 24]", ["24 h is given twice"]),
            ("[0.01]", ["whole hours or whole minutes"]),
            ('["48 h"]', ["expected a valid number"]),
            ("[9000]", ["at most 8760 h"]),
            ("[1, 2, 3, 4, 5, 6, 7, 8, 9]", ["at most 8"]),
        )
    ),
]


@pytest.mark.parametrize("name,old,new,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_message(write, small_text, capsys, name, old, new, words):
    path = write(replace(small_text, old, new))
    code, err = check(path, capsys)
    assert code == 2, err
    assert "Traceback" not in err
    assert str(path) in err
    for w in words:
        assert w in err, f"{w!r} missing from:\n{err}"


def test_command_exit_status_without_traceback(write, small_text):
    """The real command, in its own process: status 2 and one readable line."""
    path = write(replace(small_text, "sample_share = 0.3", "sample_share = 1.3"))
    proc = subprocess.run(
        [sys.executable, "-m", "sim.cli", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{path}: ports.sea.quarantine.sample_share = 1.3" in proc.stderr


def test_port_without_lane_it_needs(write, small_text, capsys):
    # selection sends goods to a scan, but the port has no scanners
    text = small_text
    start = text.index("[ports.sea.scan]")
    end = text.index("[ports.sea.exam]")
    path = write(text[:start] + text[end:])
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ports.sea" in err and "[ports.sea.scan]" in err and "selection.scan" in err
    assert "Traceback" not in err


def test_review_without_officers(write, small_text, capsys):
    path = write(
        replace(
            small_text,
            'review = {capacity = 3, service = {dist = "exponential", mean = "20 min"}}\n',
            "",
        )
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[ports.sea.review]" in err and "review_share" in err


def test_missing_file(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err
    assert "nope.toml" in err and "Traceback" not in err


def test_error_in_parent_names_parent_file(write, small_text, capsys):
    parent = write(replace(small_text, 'rate = "3/d"', 'rate = "3 per day"'), "parent.toml")
    child = write('extends = "parent.toml"\nname = "child"\n', "child.toml")
    assert main(["check", str(child)]) == 2
    err = capsys.readouterr().err
    assert str(parent) in err and "ports.sea.arrivals.rate" in err


def test_a_misspelt_parent_names_where_it_was_looked_for_and_the_nearest_name(write, capsys):
    """`extends = "defualt.toml"`: not just "no such file", but where bordersim looked (beside
    the file, then among the bundled scenarios) and the nearest name there."""
    write("name = 'p'\n", "my_base.toml")
    for typo, meant in (("defualt.toml", "default.toml"), ("my_bse.toml", "my_base.toml")):
        child = write(f'extends = "{typo}"\nname = "child"\n', "child.toml")
        assert main(["check", str(child)]) == 2
        err = capsys.readouterr().err
        assert "no such file beside the file that extends it" in err
        assert "among the bundled scenarios (beilun-border.toml" in err
        assert f"did you mean {meant!r}?" in err and "Traceback" not in err


def test_extends_takes_a_bundled_scenarios_name_as_the_command_line_does(write):
    """`extends = "default"` used to be "no such file ... did you mean 'default.toml'?"."""
    import sim

    child = write('extends = "default"\nname = "child"\n', "child.toml")
    by_name = sim.load_scenario(child)
    assert by_name.name == "child"
    assert by_name.ports == sim.load_scenario("default").ports


def test_extends_merges_and_overrides(write, small_text):
    import sim

    write(small_text, "base.toml")
    child = write(
        'extends = "base.toml"\nname = "child"\ndays = 3\n'
        "[ports.sea.document_check]\ncapacity = 5\n",
        "child.toml",
    )
    s = sim.load_scenario(child)
    assert s.name == "child" and s.days == 3
    assert s.ports["sea"].document_check.capacity == 5
    # untouched fields come from the parent, including the rest of the same table
    assert s.ports["sea"].document_check.service.mean == pytest.approx(0.5)
    assert s.ports["sea"].exam.booking_lead == pytest.approx(2.0)


def test_extends_cycle(write, capsys):
    a = write('extends = "b.toml"\nname = "a"\n', "a.toml")
    write('extends = "a.toml"\nname = "b"\n', "b.toml")
    assert main(["check", str(a)]) == 2
    assert "cycle" in capsys.readouterr().err


def test_check_prints_resolved_scenario(capsys):
    assert main(["check", str(SMALL)]) == 0
    out = capsys.readouterr().out
    assert "small" in out and "sea" in out


def test_overrides_never_write_into_the_callers_tables():
    """An override that sets a table, then one that writes inside it, must leave the
    caller's dict as it was (a shared constant would otherwise leak into the next run)."""
    empty: dict = {}
    over = {"selection": empty, "selection.physical": {"*": {"*": 0.5}}}
    sim.load_scenario(SMALL, over)
    assert empty == {}
    assert sim.load_scenario(SMALL, {"selection": empty}).selection == {}


def test_a_bad_port_field_gives_one_error_not_a_false_unknown_port(write, capsys):
    """A section that failed is missing from the cross-checks: ``[risk.ports]`` must not then
    call every port unknown (a second, false error)."""
    from sim.scenario.loader import default_scenario_path

    text = default_scenario_path().read_text()
    assert "[risk.ports." in text  # (what the false error came from)
    path = write(
        replace(text, "capacity = 3                 # assumption: H986", "capacitty = 3 #")
    )
    code, err = check(path, capsys)
    assert code == 2 and "Traceback" not in err
    assert "ports.sea_port.scan.scanners.capacitty" in err and "did you mean 'capacity'" in err
    assert "unknown port" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_an_unknown_key_in_a_distribution_lists_that_distributions_keys(write, small_text, capsys):
    """The keys allowed in a distribution's table are those of the one its 'dist' names."""
    old = 'service = {dist = "lognormal", mean = "8 min", cv = 0.3}'
    path = write(
        replace(small_text, old, 'service = {dist = "lognormal", mean = "8 min", cvv = 0.3}')
    )
    code, err = check(path, capsys)
    assert code == 2, err
    assert "unknown key 'cvv'; did you mean 'cv'? Allowed here: dist, mean, cv" in err
    path = write(
        replace(small_text, old, 'service = {dist = "uniform", low = "1 min", hi = "9 min"}')
    )
    code, err = check(path, capsys)
    assert "unknown key 'hi'; did you mean 'high'? Allowed here: dist, low, high" in err
    path = write(replace(small_text, old, 'service = {dist = "uniform", low = "1 min", zz = 1}'))
    code, err = check(path, capsys)
    assert "unknown key 'zz'; Allowed here: dist, low, high" in err


def test_extends_a_table_naming_another_distribution_replaces_it(write, small_text):
    """A child that changes a distribution's kind gets its own keys, not the parent's too."""
    write(small_text, "base.toml")
    child = write(
        'extends = "base.toml"\nname = "child"\n[ports.sea.scan.scanners]\n'
        'service = {dist = "triangular", low = "4 min", mode = "6 min", high = "14 min"}\n'
        '[ports.sea.document_check]\nservice = {mean = "40 min"}\n',
        "child.toml",
    )
    s = sim.load_scenario(child)
    service = s.ports["sea"].scan.scanners.service
    assert service.dist == "triangular" and service.mean == pytest.approx(8 / 60)
    # the same kind (or none named) still merges key by key
    doc = s.ports["sea"].document_check.service
    assert doc.dist == "exponential" and doc.mean == pytest.approx(40 / 60)


def test_a_field_missing_from_a_childs_new_distribution_names_the_child(
    write, small_text, capsys
):
    """A child naming another distribution gives a table of its own: a field it leaves out
    is the child's to give, so the error names the child, not the parent whose mean it no
    longer inherits."""
    parent = write(small_text, "base.toml")
    child = write(
        'extends = "base.toml"\nname = "child"\n[ports.sea.document_check.service]\n'
        'dist = "lognormal"\ncv = 0.5\n',
        "child.toml",
    )
    assert main(["check", str(child)]) == 2
    err = capsys.readouterr().err
    assert f"{child}: ports.sea.document_check.service.mean" in err, err
    assert str(parent) not in err


def test_extends_a_bundled_scenario_from_any_folder(write):
    """``extends = "default.toml"`` in a file kept elsewhere finds the bundled default, unless
    a file of that name lies beside it."""
    from sim.scenario.loader import default_scenario_path

    child = write('extends = "default.toml"\nname = "mine"\ndays = 3\n', "mine.toml")
    s = sim.load_scenario(child)
    assert s.name == "mine" and s.days == 3
    assert s.ports.keys() == sim.load_scenario(default_scenario_path()).ports.keys()
    write(SMALL.read_text(), "default.toml")  # one beside it comes first
    assert set(sim.load_scenario(child).ports) == {"sea"}


TIMELINE = '\n[[timeline]]\nreform = "training"\nat = "2 d"\n'

#: (name, old, new, words): the scenario's own errors, which a timeline must not take over
OWN_ERRORS = [
    ("misspelt check", "[selection.scan]", "[selection.sacn]", ["selection", "'sacn'"]),
    ("unknown commodity", 'frozen = {"*" = 0.3}', 'frozne = {"*" = 0.3}', ["'frozne'"]),
    (
        "unknown commodity in traffic",
        "commodities = {general = 0.9, frozen = 0.1}",
        "commodities = {general = 0.9, frozne = 0.1}",
        ["ports.sea.traffic.commodities", "'frozne'"],
    ),
    ("unknown trader class", "discredited = 0.8}", "discreditted = 0.8}", ["'discreditted'"]),
    ("lane missing", "[ports.sea.scan]", "", ["ports.sea", "[ports.sea.scan]"]),
    (
        "lab test missing",
        "quarantine_treat = 0.1",
        'quarantine_treat = 0.1\nlab_test = "pcr"',
        ["commodities.frozen.lab_test = 'pcr'", "no such test"],
    ),
    ("queue sample of 0", "days = 7\n", 'days = 7\nqueue_sample = "0 h"\n', ["queue_sample"]),
]


@pytest.mark.parametrize("name,old,new,words", OWN_ERRORS, ids=[c[0] for c in OWN_ERRORS])
def test_a_timeline_does_not_take_over_the_scenarios_own_errors(
    write, small_text, capsys, name, old, new, words
):
    """With a ``[[timeline]]``, an error of the scenario itself still names the file and
    the field, as without one: the timeline's eras are checked only once the scenario is
    valid."""
    if old == "[ports.sea.scan]":  # the whole section
        old = small_text[small_text.index(old) : small_text.index("[ports.sea.exam]")]
    path = write(replace(small_text, old, new) + TIMELINE)
    code, err = check(path, capsys)
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"error: {path}: "), err
    assert "timeline" not in err.replace(str(path), ""), err
    for w in words:
        assert w in err, f"{w!r} missing from:\n{err}"


@pytest.mark.parametrize(
    "sets,expected",
    [
        (
            ["risk.target=8%"],
            "command line: risk.target = '8%': a share from 0 to 1, or a table by direction "
            "{import = ..., export = ...}",
        ),
        (
            ["ports.sea.declaration.advance_share=high"],
            "command line: ports.sea.declaration.advance_share = 'high': a share from 0 to 1, "
            "or a table by direction {import = ..., export = ...}",
        ),
        (
            ["risk.target=0.1", "risk.document=tabel"],
            "command line: risk.document = 'tabel': allowed: 'table', or a share from 0 to 1, "
            "or a table by direction {import = ..., export = ...}",
        ),
        (
            ["risk.target=0.1", "risk.document=1.5"],
            "command line: risk.document = 1.5: allowed: 'table', or a share from 0 to 1, or a "
            "table by direction {import = ..., export = ...} (out of range: input should be "
            "less than or equal to 1; a share is from 0 to 1: write 1.5 % as 0.015)",
        ),
        (  # a cap may not name 'general' (the rate the caps refer to): not listed
            ["risk.target=0.1", "risk.caps.aeo_advnced=0.1"],
            "command line: risk.caps.aeo_advnced = 0.1: unknown trader class 'aeo_advnced'; "
            "allowed: aeo_advanced, aeo_general, discredited",
        ),
        (
            ["risk.target=0.1", "risk.floors.general=0.5"],
            "command line: risk.floors.general = 0.5: 'general' is the ordinary class whose "
            "rate the caps and floors refer to; allowed: aeo_advanced, aeo_general, discredited",
        ),
        (
            ["ports.sea.quarantine.lab.cutoffs=[]"],
            "command line: ports.sea.quarantine.lab.cutoffs = []: at least 1 entry; got 0",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_one_plain_message(capsys, sets, expected):
    """Not pydantic's words (``valid dictionary or instance of ByDirection``, a union
    member's name in the path, ``List should have``): one line saying what is allowed."""
    argv = ["check", str(SMALL)]
    for s in sets:
        argv += ["--set", s]
    assert main(argv) == 2
    assert capsys.readouterr().err == f"error: {expected}\n"


def test_a_timeline_date_may_be_a_toml_date(write, capsys):
    """``at = 2024-01-10`` (a TOML date, unquoted) is the date it looks like; a time of day
    is refused in plain words, the value shown as written."""
    head = f'extends = "{SMALL.as_posix()}"\nstart_date = 2024-01-08\n[[timeline]]\n'
    path = write(head + 'reform = "training"\nat = 2024-01-10\n')
    assert sim.load_scenario(path).timeline[0].hours(sim.load_scenario(path).start_date) == 48
    path = write(head + 'reform = "training"\nat = 08:00:00\n')
    code, err = check(path, capsys)
    assert code == 2
    assert err == (
        f"error: {path}: timeline.0.at = 08:00:00 (a date or time, not quoted): a time after "
        "the run's start ('60 d') or a date ('2018-04-20', with start_date)\n"
    )


def test_a_start_date_whose_run_would_end_after_the_last_date_is_refused(write, capsys):
    """The run (warm-up + days + drain, 21 days) must end by 9999-12-31: a later start is
    named (with a timeline, ``check`` and ``run`` used to end in an OverflowError)."""
    head = f'extends = "{SMALL.as_posix()}"\n'
    timeline = '[[timeline]]\nreform = "single_window"\nat = "20 d"\n'
    path = write(head + 'start_date = "9999-12-25"\n' + timeline)
    code, err = check(path, capsys)
    assert code == 2 and "Traceback" not in err
    assert err == (
        f"error: {path}: start_date = '9999-12-25': a run of 21 days (warm-up + days + "
        "drain) from 9999-12-25 would end after 9999-12-31, the last date there is: start it "
        "on 9999-12-06 (a Monday) at the latest\n"
    )
    assert main(["run", str(path), "--reps", "1", "--out", str(path.parent / "o")]) == 2
    assert "start_date" in capsys.readouterr().err
    last = sim.load_scenario(write(head + 'start_date = "9999-12-06"\n' + timeline))
    assert last.start_date.isoformat() == "9999-12-06"
    from sim.scenario.timeline import _day

    assert _day(30, last.start_date) == "day 30"  # (past the last date: the day alone)


def test_a_missing_parent_suggests_only_a_close_name(write, capsys):
    """``.toml`` is no likeness: "nothere.toml" is not "near" any short name beside it."""
    write("name = 'p'\n", "n.toml")
    child = write('extends = "nothere.toml"\nname = "child"\n', "child.toml")
    assert main(["check", str(child)]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "did you mean" not in err
    child = write('extends = "beilun.toml"\nname = "child"\n', "child.toml")
    assert main(["check", str(child)]) == 2
    assert "did you mean 'beilun-border.toml'?" in capsys.readouterr().err


def test_a_duration_in_words_is_accepted():
    """The spellings the unknown-unit message lists are accepted."""
    from sim.scenario.units import parse_duration

    assert parse_duration("5 hours") == 5 and parse_duration("30 minutes") == 0.5


def test_a_misspelt_port_in_a_child_file_says_did_you_mean(write, capsys):
    """``[ports.sea_prot.review]`` used to give six "required, but missing" lines and no
    hint; its own other faults are still told."""
    default = sim.default_scenario_path().as_posix()
    child = write(f'extends = "{default}"\n[ports.sea_prot.review]\ncapcity = 3\n')
    code, err = check(child, capsys)
    assert code == 2
    assert err == (
        f"error: {child}: ports.sea_prot: unknown port 'sea_prot'; did you mean 'sea_port'? "
        "(as a new port it lacks the required fields mode, arrivals, traffic, declaration, "
        "review.service, release)\n"
        f"{child}: ports.sea_prot.review.capcity = 3: unknown key 'capcity'; did you mean "
        "'capacity'? Allowed here: capacity, schedule, shifts, service\n"
    )
    # a new port whose name is like no other's: what it lacks, field by field
    child = write(f'extends = "{default}"\n[ports.brand_new.review]\ncapacity = 3\n')
    code, err = check(child, capsys)
    assert code == 2 and "did you mean" not in err
    assert f"{child}: ports.brand_new.mode: required, but missing\n" in err


def test_a_set_of_a_misspelt_port_says_did_you_mean(capsys):
    code = main(["check", str(sim.default_scenario_path()), "--set", "ports.sea_prot.days=1"])
    assert code == 2
    assert capsys.readouterr().err.startswith(
        "error: command line: ports.sea_prot.days = 1: unknown port 'sea_prot'; did you mean "
        "'sea_port'? The scenario's ports are sea_port, land_border, airport, post_hub"
    )


def test_a_commodity_no_consignment_can_be_of_is_noted_with_the_name_it_resembles(
    write, capsys
):
    """``[commodities.genral]`` needs no field, so it used to be a new commodity, silently."""
    default = sim.default_scenario_path().as_posix()
    child = write(f'extends = "{default}"\n[commodities.genral]\nstatutory = 0.1\n')
    code, err = check(child, capsys)
    assert code == 0
    assert (
        "note: commodities.genral is in no port's traffic mix and no smuggling group declares "
        "its goods as it: no consignment is of it (did you mean 'general'?)\n"
    ) in err
    code, err = check(sim.default_scenario_path(), capsys)
    assert code == 0 and "no consignment is of it" not in err


def test_a_missing_scenario_file_is_named_once(tmp_path):
    """"scenarios/nope.toml: no such file", not the path again as if it were a value."""
    missing = tmp_path / "nope.toml"
    with pytest.raises(sim.ScenarioError) as info:
        sim.load_scenario(missing)
    assert info.value.format() == f"{missing}: no such file"


def test_a_reform_or_a_mistyped_name_given_as_a_scenario_is_told_what_it_is(capsys):
    """``--option aeo30:@aeo_mutual_recognition`` said only "no such file": a reform's name
    given where a scenario goes is told to come with --reforms, by run and by an option; a
    mistyped bundled name after ``@`` gets the nearest name, as a run's scenario does."""
    reform = "aeo_mutual_recognition is a reform of the library, not a scenario: compare it "
    for argv in (["run", "aeo_mutual_recognition", "--days", "1"],
                 ["compare", "--option", "a:@aeo_mutual_recognition", "--days", "1"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert reform + "with --reforms aeo_mutual_recognition" in err, err
    assert main(["compare", "--option", "g:@guangdon", "--days", "1"]) == 2
    err = capsys.readouterr().err
    assert "guangdon: no such file" in err and "did you mean guangdong?" in err, err


def test_an_option_without_its_name_says_the_name_comes_first(capsys):
    """``--option ports.sea.review.capacity=4`` (no ``NAME:``) is told the form it needs,
    not that an option's name may hold only some characters."""
    argv = ["compare", str(SMALL), "--option", "ports.sea.review.capacity=4", "--days", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "a change needs the option's name first: NAME:KEY=VALUE" in err
    assert "e.g. mine:ports.sea.review.capacity=4" in err


def test_an_option_named_with_an_equals_sign_is_shown_the_colon(capsys):
    """``--option sea_scanner=ports.sea.review.capacity=4``: the example is the fix
    (``sea_scanner:ports...``), not ``mine:sea_scanner=ports...``."""
    argv = ["compare", str(SMALL), "--option", "review4=ports.sea.review.capacity=4"]
    assert main([*argv, "--days", "1"]) == 2
    err = capsys.readouterr().err
    assert "e.g. review4:ports.sea.review.capacity=4" in err, err
    assert "mine:" not in err, err


def test_a_fixed_time_given_a_distribution_says_it_takes_one_duration(capsys):
    """``assess`` is a fixed time: a distribution there is refused saying so (it used to
    say a duration needs a unit)."""
    argv = ["check", str(SMALL), "--set",
            'ports.sea.declaration.assess={dist="exponential", mean="1 h"}']
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "ports.sea.declaration.assess" in err, err
    assert "this time is fixed: write one duration" in err, err


def test_api_misuse_gets_a_plain_message():
    """Overrides given as a list, and a negative offered load, are named as such."""
    from sim.analysis.queueing import erlang_c

    with pytest.raises(TypeError, match="overrides must map dotted paths to values"):
        sim.load_scenario(SMALL, [("days", 3)])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="offered load must be 0 or more erlangs; got -1.0"):
        erlang_c(2, -1.0)


def test_a_service_lane_must_say_how_many_servers(tmp_path, capsys):
    """A document check written without ``capacity`` or ``schedule`` used to get one server
    silently (a run at utilisation 1.5 then only warned of overload); it is refused."""
    text = SMALL.read_text()
    old = 'document_check = {capacity = 2, service = {dist = "exponential", mean = "30 min"}}'
    cut = text.replace(old, old.replace("capacity = 2, ", ""))
    assert cut != text, "small.toml's document check changed: update this test"
    bad = tmp_path / "bad.toml"
    bad.write_text(cut)
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "ports.sea.document_check" in err and "how many servers?" in err, err


def test_selection_rows_are_looked_up_as_the_reference_says():
    """A commodity's own row replaces the whole ``*`` row; a class missing from the row
    used takes its ``*``, else 0 (docs/scenario-reference.md, ``selection``)."""
    table = {"*": {"*": 0.0, "discredited": 1.0}, "general": {"*": 0.5, "aeo_advanced": 0.1}}
    s = sim.load_scenario(SMALL, {"selection.scan": table})
    assert s.probability("scan", "general", "discredited") == 0.5  # (not the * row's 1.0)
    assert s.probability("scan", "general", "aeo_advanced") == 0.1
    assert s.probability("scan", "tobacco", "discredited") == 1.0  # (the * row)
    only = sim.load_scenario(SMALL, {"selection.scan": {"general": {"general": 0.3}}})
    assert only.probability("scan", "general", "aeo_general") == 0.0
    assert only.probability("scan", "tobacco", "general") == 0.0


def test_exports_count_in_the_limit_on_consignments_and_a_big_run_says_so(capsys):
    """The limit on the consignments a run makes counts exports too (a million export trucks
    a day passed: only imports were counted), and a run that will make millions of
    consignments a replication says how many, and about how long one takes, before it
    starts."""
    from sim.scenario.loader import ScenarioError

    rate = "ports.sea.exports.arrivals.rate"
    with pytest.raises(ScenarioError, match=r"ports\.sea\.exports\.arrivals\.rate.*"
                       r"consignments \(imports and exports\) would arrive"):
        sim.load_scenario(SMALL, {rate: "1000000/d", "days": 200})
    assert main(["check", str(SMALL), "--set", f"{rate}='200000/d'", "--set", "days=30"]) == 0
    err = capsys.readouterr().err
    assert "note: about 7," in err and "consignments arrive in each replication" in err
    assert main(["check", str(SMALL)]) == 0
    assert "consignments arrive in each replication" not in capsys.readouterr().err


def test_a_run_whose_waiting_consignments_could_exhaust_memory_is_warned(capsys, monkeypatch):
    """The run-size note says what memory the run could need if its queues do not keep up
    (each waiting consignment holds about 1.5 KB); a warning when that is more than the
    machine has, a note when a good share; never a refusal (the run may keep up)."""
    import sim.scenario.run_size as run_size

    rate = "--set=ports.sea.exports.arrivals.rate='20000/d'"  # (about 286,000 a replication)
    monkeypatch.setattr(run_size, "machine_memory", lambda: 4 * 10**8)
    assert main(["check", str(SMALL), rate]) == 0
    err = capsys.readouterr().err
    assert "warning: about 285,880 consignments arrive in each replication" in err, err
    assert "could take up to 429 MB of memory (about 1,500 bytes each)" in err, err
    assert "more than this machine's 400 MB: it could run out of memory" in err, err
    assert "minutes a replication" not in err  # (short: its time is not worth saying)
    monkeypatch.setattr(run_size, "machine_memory", lambda: 10**9)  # (a good share of it)
    assert main(["check", str(SMALL), rate]) == 0
    err = capsys.readouterr().err
    assert err.count("note: about 285,880") == 1 and "(this machine has 1 GB)" in err, err
    monkeypatch.setattr(run_size, "machine_memory", lambda: 64 * 10**9)  # (not worth a note)
    assert main(["check", str(SMALL), rate]) == 0
    assert "consignments arrive in each replication" not in capsys.readouterr().err
    monkeypatch.setattr(run_size, "machine_memory", lambda: None)  # (not known: said alone)
    assert main(["check", str(SMALL), "--set", "days=30",
                 rate.replace("20000/d", "200000/d")]) == 0
    err = capsys.readouterr().err
    assert "note: about 7," in err and "for each replication running at once;" in err, err


def test_run_says_the_memory_warning_as_a_warning(tmp_path, capsys, monkeypatch):
    import sim.scenario.run_size as run_size

    monkeypatch.setattr(run_size, "run_size", lambda s, *a: ("warning", "it could run out"))
    argv = ["run", str(SMALL), "--days", "1", "--reps", "1", "--out", str(tmp_path / "r")]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "warning: it could run out" in err and "note: it could run out" not in err, err
    notes = json.loads((tmp_path / "r" / "warnings.json").read_text())["notes"]
    assert "it could run out" in notes


@pytest.mark.parametrize(
    "key,value",
    [("risk.enabled", "no"), ("ports.sea.exam.aeo_priority", "on"), ("risk.enabled", 1),
     ("ports.sea.exam.aeo_priority", 0.0)],
)
def test_a_switch_takes_true_or_false_only(key, value):
    """A switch written as a word or a number ("no", "on", 1, 0.0) is refused, naming the
    field and the value, as a number written as true/false is (it was read silently: "no"
    as false, "on" as true); true and false, as `--set KEY=true` gives them, still pass."""
    from sim.scenario.loader import ScenarioError

    base = {"risk.target": 0.1} if key.startswith("risk") else {}
    with pytest.raises(ScenarioError, match=rf"{key.replace('.', '[.]')}.*expected true or false"):
        sim.load_scenario(SMALL, {**base, key: value})
    assert sim.load_scenario(SMALL, {**base, key: True}).name == "small"
    assert main(["check", str(SMALL), "--set", f"{key}=true",
                 *(["--set", "risk.target=0.1"] if base else [])]) == 0  # fmt: skip


def test_a_bundled_scenario_is_found_by_its_name_and_a_missing_one_gets_the_nearest(
    tmp_path, monkeypatch, capsys
):
    """``guangdong`` (no file of that name here) is the bundled scenario, as ``extends``
    finds it; a misspelt one lists the bundled scenarios and the nearest name."""
    monkeypatch.chdir(tmp_path)
    assert main(["check", "guangdong"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "guangdong"
    assert main(["run", "scenarios/defualt.toml", "--days", "1"]) == 2
    err = capsys.readouterr().err
    assert "scenario file not found: scenarios/defualt.toml" in err, err
    assert "guangdong-four" in err and "did you mean default?" in err, err
    (tmp_path / "mine.toml").write_text('extends = "default.toml"\n')
    assert main(["check", "mines.toml"]) == 2
    assert f"did you mean {Path('mine.toml')}?" in capsys.readouterr().err
    # a file of that name here: the name alone still gives the bundled one, but says so
    (tmp_path / "guangdong.toml").write_text('extends = "default.toml"\nname = "mine"\n')
    assert main(["check", "guangdong"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["name"] == "guangdong"
    assert ("note: guangdong is the bundled scenario guangdong.toml, not the file "
            "guangdong.toml here: give guangdong.toml for that one") in captured.err
    assert main(["check", "guangdong.toml"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["name"] == "mine" and "bundled" not in captured.err


@pytest.mark.parametrize("name", [".", "", "./", "/", ".."])
def test_a_folder_without_a_name_is_refused_as_a_folder(name, tmp_path, monkeypatch, capsys):
    """``bordersim run .`` (a likely slip): the folder is named, for every command that takes
    a scenario (it was a traceback from the bundled-name lookup: ``.`` has an empty name)."""
    monkeypatch.chdir(tmp_path)
    shown = str(Path(name))
    for argv in (["check", name], ["run", name, "--reps", "1", "--days", "1"],
                 ["compare", name, "--option", "a:days=2", "--reps", "1", "--days", "1"],
                 ["sweep", name, "--param", "days=1,2", "--reps", "1"],
                 ["warmup", name, "--days", "7", "--reps", "1"],
                 ["reforms", "single_window", name], ["org", name]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert f"error: {shown} is a folder, not a scenario file" in err, (argv, err)
    assert not list(tmp_path.iterdir())  # (nothing written)


def test_an_option_a_command_does_not_take_gets_the_nearest_it_does(capsys):
    """``--reform`` for ``--reforms``: argparse's 'unrecognized arguments' says which."""
    with pytest.raises(SystemExit):
        main(["compare", "--reform", "training", "--days", "1"])
    err = capsys.readouterr().err
    assert "unrecognized arguments: --reform (did you mean --reforms?)" in err, err


def test_reforms_written_with_commas_are_told_to_use_spaces(capsys):
    """A comma separates a reform's parameters: ``single_window,training`` is two reforms
    given as one, and said so (not 'unknown reform ... did you mean single_window')."""
    for text in ("single_window,training", "single_window:uptake=0.5,training"):
        assert main(["compare", str(SMALL), "--reforms", text, "--days", "1"]) == 2
        err = capsys.readouterr().err
        assert "reforms are separated by spaces, not commas" in err, err
        assert "--reforms single_window" in err and " training" in err, err


def test_an_out_folder_that_is_a_file_is_refused_naming_it(tmp_path, capsys):
    """``--out`` naming a file (or a folder inside one): one clear error, the file as it was
    (it was '[Errno 20] Not a directory')."""
    file = tmp_path / "notes.txt"
    file.write_text("mine")
    for out in (file, file / "sub"):
        argv = ["compare", str(SMALL), "--reforms", "training", "--days", "1", "--out", str(out)]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"{file} is a file, not a folder" in err and "Errno" not in err, err
    assert file.read_text() == "mine"


def test_a_pest_probability_for_the_quarantine_check_is_refused(write, capsys):
    """``detection.quarantine.pest`` used to be accepted and ignored (the sampling plan
    decides pest detection): it is refused, with the file, the field, the value and where
    pest detection is set instead."""
    default = sim.default_scenario_path().as_posix()
    child = write(
        f'extends = "{default}"\n[enforcement.detection]\n'
        "quarantine = { frozen = 0.9, pest = 0.5 }\n"
    )
    code, err = check(child, capsys)
    assert code == 2 and "Traceback" not in err
    assert f"{child}: enforcement.detection.quarantine.pest = 0.5" in err
    assert "comes from enforcement.sampling" in err
    assert "visual_sensitivity" in err and "lab_sensitivity" in err


@pytest.mark.parametrize("heads", [1e300, -1.0])
def test_a_ports_posts_outside_zero_to_a_million_heads_are_refused(heads: float):
    """``costs.posts`` took any number of heads above 0 (the battery found 1e300 accepted)."""
    over = {"costs.posts": {"*": {"customs_officer": heads}}}
    with pytest.raises(sim.ScenarioError, match=r"costs\.posts\.\*\.customs_officer.*1000000"):
        sim.load_scenario(sim.default_scenario_path(), over)


def test_a_start_date_that_is_not_a_monday_is_refused(write, capsys):
    """Time 0 is Monday 00:00 in every weekly schedule and arrival profile: a run starting
    on a Wednesday would read it as a Monday, silently. The error names the Mondays around
    it; a Monday loads."""
    head = f'extends = "{SMALL.as_posix()}"\n'
    path = write(head + 'start_date = "2020-01-01"\n')
    code, err = check(path, capsys)
    assert code == 2 and "Traceback" not in err
    assert err == (
        f"error: {path}: start_date = '2020-01-01': 2020-01-01 is a Wednesday: the run starts "
        "on a Monday (time 0 is Monday 00:00 in every weekly schedule and arrival profile); "
        "start it on 2019-12-30 or 2020-01-06\n"
    )
    monday = sim.load_scenario(write(head + 'start_date = "2019-12-30"\n'))
    assert monday.start_date.weekday() == 0


@pytest.mark.parametrize(
    "field,value,hint",
    [
        ("ports.sea.scan.image_review.ai_clear", "90", "write 90 % as 0.9"),
        ('selection.scan."*".general', "4.5", "write 4.5 % as 0.045"),
        ("ports.sea.scan.image_review.ai_share", "100", "write 100 % as 1"),
        ("ports.sea.scan.image_review.ai_clear", "150", None),  # (no percentage either)
        ("ports.sea.scan.image_review.ai_clear", "-0.5", None),
    ],
)
def test_a_share_written_as_a_percentage_says_how_to_write_it(capsys, field, value, hint):
    """A buyer who types the AI's clear rate as 90 (for 90 %) is told to write 0.9; a value
    that is no percentage gets the range alone."""
    assert main(["check", str(SMALL), "--set", f"{field}={value}"]) == 2
    err = capsys.readouterr().err
    assert f"= {value}: out of range" in err
    if hint is None:
        assert "a share is from 0 to 1: write" not in err
    else:
        assert f"a share is from 0 to 1: {hint}" in err
