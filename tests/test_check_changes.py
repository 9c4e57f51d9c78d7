"""``bordersim check CHILD --changes``: what a child scenario changes of its parent."""

from __future__ import annotations

from pathlib import Path

from sim.cli import main


def changes(capsys, *argv: str) -> tuple[list[list[str]], str]:
    assert main(["check", *argv, "--changes"]) == 0
    captured = capsys.readouterr()
    return [line.split("\t") for line in captured.out.splitlines()], captured.err


CHILD = """extends = "default"
name = "district"
drop = ["ports.airport"]
days = 28                      # the parent's: not a change

[ports.land_border.scan.scanners]
capacity = 3

[ports.land_border.review.service]
dist = "lognormal"
mean = "20 min"
cv = 0.5
"""


def test_changes_list_each_field_the_child_changes_and_who_set_it(write, capsys):
    child = write(CHILD, "district.toml")
    rows, err = changes(capsys, str(child), "--set", "warmup_days=7")
    assert rows[0] == ["field", "parent", "child", "set in"]
    by_field = {r[0]: r[1:] for r in rows[1:]}
    assert by_field["name"] == ['"default"', '"district"', "district.toml"]
    assert by_field["warmup_days"] == ["14.0", "7.0", "command line"]
    assert by_field["ports.land_border.scan.scanners.capacity"] == ["null", "3", "district.toml"]
    # the schedule the capacity replaced, said as replaced by it
    assert by_field["ports.land_border.scan.scanners.schedule"][1:] == [
        "null", "district.toml (by capacity)"]
    # a distribution replaced is one line, not one per key
    assert by_field["ports.land_border.review.service"][1:] == [
        '{"dist": "lognormal", "mean": 0.3333333333333333, "cv": 0.5}', "district.toml"]
    assert not any(f.startswith("ports.land_border.review.service.") for f in by_field)
    # a dropped port is one line; a value equal to the parent's is no change
    assert by_field["ports.airport"] == ["(a table of 13 fields)", "(absent)",
                                         "district.toml (drop)"]
    assert not any(f.startswith("ports.airport.") for f in by_field)
    assert "days" not in by_field
    assert len(rows) - 1 == 6 and "6 field(s) differ from default.toml" in err


def test_changes_through_a_chain_name_the_file_that_set_each(write, capsys):
    write(CHILD, "district.toml")
    grandchild = write('extends = "district.toml"\nname = "town"\n', "town.toml")
    rows, _ = changes(capsys, str(grandchild))
    by_field = {r[0]: r[1:] for r in rows[1:]}
    assert by_field == {"name": ['"district"', '"town"', "town.toml"]}


def test_changes_of_a_file_without_a_parent_need_a_set(write, small_text, capsys):
    alone = write(small_text, "alone.toml")
    assert main(["check", str(alone), "--changes"]) == 2
    assert "--changes: " in capsys.readouterr().err  # (and why: no extends, no --set)
    rows, err = changes(capsys, str(alone), "--set", "days=3")
    assert [r[0] for r in rows[1:]] == ["days"] and "with the --set given" in err


def test_check_notes_a_child_that_keeps_its_parents_name(write, capsys):
    unnamed = write('extends = "default"\ndays = 7\n', "mine.toml")
    assert main(["check", str(unnamed)]) == 0
    err = capsys.readouterr().err
    assert "note: mine.toml extends default.toml and sets no name: it is named 'default'" in err
    named = write('extends = "default"\nname = "mine"\n', "named.toml")
    assert main(["check", str(named)]) == 0
    assert "sets no name" not in capsys.readouterr().err
    assert main(["check", str(unnamed), "--set", 'name="mine"']) == 0
    assert "sets no name" not in capsys.readouterr().err


def test_a_results_folders_scenario_json_is_checked_without_a_parent(tmp_path, capsys):
    """A resolved scenario.json is no TOML and extends nothing: no traceback, no note."""
    import json

    import sim

    resolved = tmp_path / "scenario.json"
    data = sim.scenario_data(sim.load_scenario(Path(__file__).parent / "scenarios" / "small.toml"))
    resolved.write_text(json.dumps(data))
    assert main(["check", str(resolved)]) == 0
    assert "sets no name" not in capsys.readouterr().err
    assert main(["check", str(resolved), "--changes"]) == 2
    assert "scenario.json is resolved" in capsys.readouterr().err
    rows, _ = changes(capsys, str(resolved), "--set", "days=3")
    assert [r[0] for r in rows[1:]] == ["days"]
