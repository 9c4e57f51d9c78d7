"""A child scenario drops or replaces a parent's ports (``drop`` in an ``extends`` child)."""

from __future__ import annotations

import pytest

import sim
from sim.cli import main
from sim.scenario.loader import ScenarioError


def test_a_child_drops_the_parents_ports(write):
    child = write(
        'extends = "default"\nname = "district"\ndrop = ["ports.airport", "ports.sea_port"]\n',
        "district.toml",
    )
    s = sim.load_scenario(child)
    assert sorted(s.ports) == ["land_border", "post_hub"]
    assert s.ports["land_border"] == sim.load_scenario("default").ports["land_border"]


def test_a_port_dropped_and_written_again_is_replaced_not_merged(write, small_text):
    """Without ``drop`` the child's port merges into the parent's; with it, none of the
    parent's fields are kept: a field the new port leaves out takes the schema's default."""
    write(small_text, "base.toml")
    parent = sim.load_scenario(write(small_text, "base.toml"))
    assert parent.ports["sea"].exam.booking_lead == pytest.approx(2.0)
    sea = "[ports.sea]\n" + small_text.split("[ports.sea]\n", 1)[1]
    sea = sea.replace('booking_lead = "2 h"', "")
    assert 'booking_lead' not in sea, "test setup: the new port sets no booking lead"
    merged = sim.load_scenario(write(f'extends = "base.toml"\n{sea}', "merged.toml"))
    replaced = sim.load_scenario(
        write(f'extends = "base.toml"\ndrop = ["ports.sea"]\n{sea}', "replaced.toml")
    )
    assert merged.ports["sea"].exam.booking_lead == pytest.approx(2.0)  # the parent's
    default = type(parent.ports["sea"].exam).model_fields["booking_lead"].default
    assert replaced.ports["sea"].exam.booking_lead == default


def test_an_empty_table_over_a_parents_port_says_how_to_drop_it(write, capsys):
    child = write('extends = "default"\nname = "d"\n[ports.airport]\n', "d.toml")
    assert main(["check", str(child)]) == 2
    err = capsys.readouterr().err
    assert f"{child}: ports.airport = {{}}: an empty table clears" in err
    assert 'drop = ["ports.airport"]' in err and "required, but missing" not in err


def test_a_misspelt_drop_is_an_error_with_the_nearest_name(write, capsys):
    child = write('extends = "default"\ndrop = ["ports.sea_prot"]\n', "d.toml")
    assert main(["check", str(child)]) == 2
    err = capsys.readouterr().err
    assert f"{child}: drop = 'ports.sea_prot': the parent (default.toml) has no " in err
    assert "did you mean 'ports.sea_port'?" in err and "airport, land_border" in err


@pytest.mark.parametrize(
    "text, words",
    [
        ('drop = ["ports.airport"]\nname = "x"\n', ["extends no parent", "add extends"]),
        ('extends = "default"\ndrop = "ports.airport"\n', ["must be a list", "drop = ["]),
        ('extends = "default"\ndrop = [3]\n', ["must be a list"]),
    ],
)
def test_a_bad_drop_names_the_file_and_what_is_allowed(write, capsys, text, words):
    child = write(text, "d.toml")
    with pytest.raises(ScenarioError) as exc:
        sim.load_scenario(child)
    message = str(exc.value)
    assert message.startswith(f"{child}: drop = ")
    assert all(w in message for w in words), message


def test_a_parents_field_naming_a_dropped_port_says_what_to_drop_too(write):
    child = write('extends = "beilun-border"\ndrop = ["ports.fangchenggang"]\n', "d.toml")
    with pytest.raises(ScenarioError) as exc:
        sim.load_scenario(child)
    message = str(exc.value)
    assert "smuggling.routes.fangchenggang_sea.port = 'fangchenggang': unknown port" in message
    assert f"({child} drops ports.fangchenggang, which this field of its parent names" in message
    assert "or drop smuggling.routes.fangchenggang_sea too" in message


def test_sources_leave_out_what_the_child_drops(write, capsys):
    child = write('extends = "default"\ndrop = ["ports.airport"]\n', "d.toml")
    assert main(["check", str(child), "--sources", "ports"]) == 0
    fields = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert any(f.startswith("ports.sea_port.") for f in fields)
    assert not any(f.startswith("ports.airport.") for f in fields)
