"""Where a scenario's numbers come from (sim.scenario.provenance, ``bordersim check FILE
--sources``): a value's own comment or the block above it, source, assumption or both, a
child's value in place of its parent's, a --set shown as such, and a field with none named
with the nearest."""

from __future__ import annotations

from pathlib import Path

from sim.cli import main
from sim.scenario.provenance import COMMAND_LINE, of_file, of_text, unsaid

BEILUN = Path(__file__).parent.parent / "scenarios" / "beilun-border.toml"

TEXT = """\
# a note on the section: source: a yearbook
[smuggling.routes.river]
kind = "river"
cost = 800          # assumption (USD): boatmen
# assumption: no public figure
perceived = 0.15
label = "Night crossings"
rate = "4/d"        # source: a report; split by hour: assumption
"""


def test_a_values_own_comment_or_the_block_above_it_says_what_it_rests_on():
    rows = {r.field: r for r in of_text(TEXT, "x.toml")}
    assert rows["smuggling.routes.river.cost"].kind == "assumption"
    assert rows["smuggling.routes.river.cost"].note == "assumption (USD): boatmen"
    assert rows["smuggling.routes.river.perceived"].kind == "assumption"  # (the block above)
    assert rows["smuggling.routes.river.rate"].kind == "source and assumption"
    assert rows["smuggling.routes.river.rate"].value == '"4/d"'
    # a comment-less value is not listed, and a section's note is not its values' source
    assert set(rows) == {"smuggling.routes.river.cost", "smuggling.routes.river.perceived",
                         "smuggling.routes.river.rate"}  # fmt: skip


def test_each_entry_of_an_array_of_tables_keeps_its_own_line(capsys):
    """china-2017's four dated reforms ([[timeline]]) are four entries, not the last one
    four times; ``timeline`` picks them all."""
    assert main(["check", "china-2017", "--sources", "timeline"]) == 0
    fields = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert fields == [f"timeline[{i}].{k}" for i in range(4) for k in ("reform", "at")]
    assert main(["check", "china-2017", "--sources", "timelin"]) == 2
    assert "did you mean 'timeline'" in capsys.readouterr().err


def test_a_child_file_replaces_its_parents_values_and_a_set_replaces_both(tmp_path):
    (tmp_path / "parent.toml").write_text(TEXT)
    (tmp_path / "child.toml").write_text(
        'extends = "parent.toml"\n[smuggling.routes.river]\ncost = 900  # assumption: dearer\n')
    rows = {r.field: r for r in of_file(tmp_path / "child.toml")}
    assert (rows["smuggling.routes.river.cost"].value, rows["smuggling.routes.river.cost"].file
            ) == ("900", "child.toml")  # fmt: skip
    assert rows["smuggling.routes.river.perceived"].file == "parent.toml"
    over = {r.field: r for r in of_file(tmp_path / "child.toml",
                                        {"smuggling.routes.river.cost": 2000})}  # fmt: skip
    cost = over["smuggling.routes.river.cost"]
    assert (cost.value, cost.kind) == ("2000", COMMAND_LINE)
    assert cost.note == "was 900 in child.toml: assumption: dearer"


def test_every_smuggling_number_of_beilun_says_what_it_rests_on(capsys):
    """The behavioural assumptions a deterrence study varies (route costs, beliefs, patrols,
    the groups' margins, values, rates and profit scales) each have a line, and a --set
    shows as the command line's with what the file had."""
    argv = ["check", str(BEILUN), "--sources", "smuggling",
            "--set", "smuggling.groups.tobacco_ring.margin=0.3"]
    assert main(argv) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    rows = {line[0]: line for line in lines}
    assert all(f.startswith("smuggling.") for f in rows) and all(len(x) == 5 for x in lines)
    for route in ("dongxing_road", "fangchenggang_sea", "beilun_river", "resident_trade",
                  "coastal_boats"):
        for field in ("cost", "perceived"):
            assert rows[f"smuggling.routes.{route}.{field}"][2] != "", (route, field)
    for route in ("beilun_river", "resident_trade", "coastal_boats"):
        assert f"smuggling.routes.{route}.patrol" in rows
    for group in ("tobacco_ring", "frozen_gang"):
        for field in ("value", "margin", "rate", "profit_scale"):
            assert f"smuggling.groups.{group}.{field}" in rows, (group, field)
    margin = rows["smuggling.groups.tobacco_ring.margin"]
    assert margin[1:3] == ["0.3", COMMAND_LINE] and margin[3].startswith("was 0.2 in ")


def test_a_field_with_no_source_or_assumption_is_named_with_the_nearest(capsys):
    assert main(["check", str(BEILUN), "--sources", "smuggling.routes.beilun_rivr"]) == 2
    err = capsys.readouterr().err
    assert "--sources smuggling.routes.beilun_rivr" in err
    assert "did you mean 'smuggling.routes.beilun_river'" in err


def test_unsaid_names_the_figures_no_comment_speaks_for():
    """A number (or a distribution's name) needs a source or an assumption, its own or the
    block above it; a name does not; an array's tables are numbered as the loader numbers
    them."""
    text = (
        'name = "x"\n'
        "days = 7   # assumption: a week\n"
        "# source: a report\n"
        "warmup_days = 2\n"
        "drain_days = 3\n"
        "[commodities.frozen]\n"
        'hs = "02"\n'
        "[[holds]]\n"
        'at = "9 d"   # assumption: the day studied\n'
        "[[holds]]\n"
        'at = "10 d"\n'
        "[ports.p.scan.service]\n"
        'dist = "lognormal"\n'
    )
    assert unsaid(text) == ["drain_days", "holds[1].at", "ports.p.scan.service.dist"]
