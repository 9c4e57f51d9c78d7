"""A comparison says that seizures are no gain in themselves (sim.experiment.seizure_notes):
for an option that seizes more where the illicit flow is fixed (no deterrence to show), for
any change where smuggling groups adapt, and not otherwise; the note is a coded record with
its figure and is said in Chinese with the clause of its case."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from sim.cli_lang import line
from sim.experiment.seizure_notes import seizure_note, seizure_notes
from sim.warning_codes import record


def _res(diffs: dict[str, float], smugglers: bool) -> SimpleNamespace:
    """A comparison's differences of seizures_per_1000 by option (baseline first)."""
    names = ["baseline", *diffs]
    d = pd.DataFrame({"option": names, "metric": "seizures_per_1000",
                      "mean": [0.0, *diffs.values()]})  # fmt: skip
    metrics = ["seizures_per_1000", *(["smuggling_attempts"] if smugglers else [])]
    return SimpleNamespace(differences=d, summary=pd.DataFrame({"metric": metrics}),
                           names=names)  # fmt: skip


def test_a_rise_is_noted_where_the_illicit_flow_is_fixed_and_a_fall_is_not():
    notes = seizure_notes(_res({"more": 0.5, "fewer": -0.5, "same": 0.0}, smugglers=False))
    assert len(notes) == 1
    assert notes[0].startswith("note (more): it seizes more than the baseline (+0.500 ")
    assert "cannot show deterrence" in notes[0] and "value_slipped" in notes[0]


def test_with_smuggling_groups_a_fall_is_noted_too():
    notes = seizure_notes(_res({"more": 0.5, "fewer": -0.5, "same": 0.0}, smugglers=True))
    assert [n.split(":")[0] for n in notes] == ["note (more)", "note (fewer)"]
    assert all("attempts_deterred" in n and "value_slipped_total" in n for n in notes)


@pytest.mark.parametrize("smugglers", [False, True])
def test_the_note_is_a_coded_record_with_its_figure_and_case(smugglers: bool):
    note = seizure_note("o", -1234.5, smugglers)
    r = record(note)
    assert (r["code"], r["option"], r["metric"]) == ("seizures_not_success", "o",
                                                    "seizures_per_1000")  # fmt: skip
    assert r["figures"]["seizures_per_1000_diff"] == pytest.approx(-1234.5)
    assert ("adaptive" in r["fields"], "fixed_flow" in r["fields"]) == (smugglers, not smugglers)
    assert "fall" in r["fields"] and "rise" not in r["fields"]
    zh = line(note, "zh")
    assert ("走私团伙按预期损失" in zh, "模型无法体现威慑" in zh) == (smugglers, not smugglers)


@pytest.mark.parametrize(("patrols", "noted"), [(3.0, False), (0.0, True)])
def test_fewer_at_the_ports_is_not_noted_when_the_patrols_seized_more_in_all(patrols, noted):
    """Seizures a 1,000 declarations fell by 0.5 (one fewer consignment seized at the ports
    in each replication); with the patrols stopping 3 more loads, every seizure rose and the
    "seizes fewer" note would contradict the cost-per-extra-seizure note: it is left out."""
    res = _res({"patrol": -0.5}, smugglers=True)
    res.per_rep = pd.DataFrame({
        "option": ["baseline", "baseline", "patrol", "patrol"], "replication": [0, 1, 0, 1],
        "consignments_seized": [4, 6, 3, 5], "consignments_detained": 0,
        "consignments_rejected": 0, "smuggling_interdicted": [1, 2, 1 + patrols, 2 + patrols],
    })
    notes = seizure_notes(res)
    assert [n.split(":")[0] for n in notes] == (["note (patrol)"] if noted else [])


@pytest.mark.parametrize("smugglers", [False, True])
def test_where_the_flow_is_fixed_the_note_says_no_displacement_can_show(smugglers: bool):
    """A planner tightening one port of the default scenario looks for goods moved to the
    others: without smuggling groups none can move, and the note says so, in Chinese too."""
    note = seizure_note("o", 0.5, smugglers)
    assert ("nor displacement" in note) == (not smugglers)
    assert ("无法体现转移" in line(note, "zh")) == (not smugglers)


def test_the_default_scenario_has_no_smuggling_groups_as_the_docs_say():
    from pathlib import Path

    import sim

    assert sim.load_scenario(sim.default_scenario_path()).smuggling is None
    page = (Path(__file__).parents[1] / "docs" / "smuggling.md").read_text(encoding="utf-8")
    assert "The default scenario (and every bundled scenario\nwithout a `[smuggling]`" in page
