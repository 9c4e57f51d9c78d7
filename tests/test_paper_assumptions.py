"""``bordersim paper-table --assumptions``: what each option of a comparison assumes, a row
per reform strength and per field set by hand, each strength's basis read from the reform
library's own sources (an assumption where a source says so, never a guess called sourced),
each reform's sources under the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from sim.reforms import REFORMS
from sim.reforms.reform import RUNNING_COST, TRANSITION
from sim.report.paper_assumptions import (
    ASSUMED,
    BY_HAND,
    SOURCED,
    UNSOURCED,
    _first_sentence,
    assumption_rows,
    basis,
)


def test_a_strength_is_an_assumption_only_where_a_source_says_so() -> None:
    said = ("survey 2019: uptake of the portal", "assumption: cut, the share saved")
    assert basis("cut", said) == ASSUMED
    assert basis("uptake", said) == SOURCED
    assert basis("shift", said) == UNSOURCED
    assert basis("cut", ("a shortcut of the survey",)) == UNSOURCED  # (a word, not a part)
    # the library's own: single_window's preparation_cut is named an assumption there
    sources = REFORMS["single_window"].sources
    assert any("assumption" in s and "preparation_cut" in s for s in sources)
    assert basis("preparation_cut", sources) == ASSUMED


def test_each_option_gets_its_strengths_fields_and_sources() -> None:
    options = [
        {"name": "baseline", "overrides": {}, "reform": ""},
        {"name": "doc1", "overrides": {"ports.sea.document_check.capacity": 1}, "reform": ""},
        {"name": "sw", "overrides": {}, "reform": "single_window:uptake=0.8"},
        {"name": "later", "overrides": {}, "reform": "training@3d"},
    ]
    rows, sources = assumption_rows(options)
    firsts = [label for label, _ in rows if label]
    assert firsts == ["doc1", "sw", "later"]  # (the baseline assumes nothing of its own)
    cells = {(c[0], c[1]): c for _, c in rows}
    assert cells[("", "ports.sea.document_check.capacity")][4] == BY_HAND
    uptake = cells[("single_window", "uptake")]
    assert uptake[2].startswith("0.8 (set here; default 1.0")
    assert uptake[4].startswith("chosen for this comparison")
    sw = REFORMS["single_window"]
    shown = {c[1] for c in cells.values() if c[0] == "single_window"}
    assert shown == set(sw.params) - set(RUNNING_COST) - set(TRANSITION)
    assert ("training", "speedup") in cells  # (a dated reform's strengths too)
    assert sources == {"single_window": list(sw.sources),
                       "training": list(REFORMS["training"].sources)}


def test_a_strengths_meaning_is_never_cut_inside_a_parenthesis() -> None:
    for reform in REFORMS.values():
        for key, param in reform.params.items():
            short = _first_sentence(param.doc)
            assert short, (reform.name, key)
            assert short.count("(") == short.count(")"), (reform.name, key, short)


def test_the_command_writes_the_table_and_refuses_two_tables_at_once(
    doc1_compare: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["paper-table", str(doc1_compare), "--assumptions"]) == 0
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ln.startswith("| ")]
    assert [c.strip() for c in lines[0].strip("|").split("|")][:3] == [
        "option", "reform", "strength"]
    assert any("doc1" in ln and BY_HAND in ln for ln in lines[1:])
    assert "--reps 2" in out  # (the command that made the folder, to make it again)
    argv = ["paper-table", str(doc1_compare), "--assumptions", "--gains", "clearance"]
    assert main(argv) == 2
    assert "give one of them" in capsys.readouterr().err



def test_the_notes_list_each_reforms_default_costs_and_their_grounds(
    doc1_compare: Path, tmp_path: Path
) -> None:
    """paper-table --assumptions gives under the table each reform's default set-up and
    running cost as appraise takes them, with their grounds, and says where there is none."""
    import json
    import shutil

    from sim.report.paper_assumptions import build_assumptions

    folder = tmp_path / "c"
    shutil.copytree(doc1_compare, folder)
    record = json.loads((folder / "compare.json").read_text("utf-8"))
    record["options"][1]["reform"] = "single_window+two_step_declaration"
    (folder / "compare.json").write_text(json.dumps(record), "utf-8")
    notes = " ".join(build_assumptions(folder).notes)
    assert ("Default costs of single_window for bordersim appraise (not in the run's cost "
            "rows): set-up 3 x a customs officer's cost a year") in notes, notes
    assert "assumption: connecting a port's systems to the portal" in notes
    assert ("Default costs of two_step_declaration for bordersim appraise (not in the run's "
            "cost rows): set-up no figure (built nationally") in notes
    assert "appraise leaves its payback not known" in notes


def test_every_figure_of_the_library_names_its_basis() -> None:
    """Each strength whose default is a number is named by its reform's sources, as a
    source or as an assumption, so that the assumptions table never says "no source names
    it" of a default the library ships."""
    unnamed = [
        (reform.name, key)
        for reform in REFORMS.values()
        for key, param in reform.params.items()
        if key not in RUNNING_COST and key not in TRANSITION
        and isinstance(param.default, int | float) and not isinstance(param.default, bool)
        and basis(key, reform.sources) == UNSOURCED
    ]
    assert unnamed == []
