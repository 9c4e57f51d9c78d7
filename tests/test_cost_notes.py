"""What a scenario's [costs] leaves silently uncosted, or looks like a slip of units, is said
(a note with the others on parts that act on nothing, printed by run and check) or refused:
a staffed lane that costs.staff does not price."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sim
from sim.cli import main
from sim.scenario.dormant import unused_parts

DEFAULT = Path(sim.__file__).parent / "scenarios" / "default.toml"


def _staff_without(*keys: str, **over: Any) -> sim.Scenario:
    """The default scenario whose costs.staff leaves out ``keys``."""
    staff = sim.load_scenario(DEFAULT).costs.staff  # type: ignore[union-attr]
    kept = {k: v.model_dump() for k, v in staff.items() if k not in keys}
    return sim.load_scenario(DEFAULT, {"costs.staff": kept, **over})


def _notes(scenario: sim.Scenario, words: str) -> list[str]:
    return [n for n in unused_parts(scenario) if words in n]


def test_a_staffed_lane_without_a_price_is_named_and_said_to_cost_nothing():
    assert _notes(sim.load_scenario(DEFAULT), "costs.staff") == []
    [note] = _notes(_staff_without("document_check"), "costs.staff")
    assert "no 'document_check' entry" in note and "cost nothing" in note
    assert "ports.sea_port.document_check" in note and "ports.post_hub.document_check" in note


def test_a_cross_trained_pool_is_priced_by_its_own_entry():
    pooled = {"inspection.joint_staffing": "cross_trained"}
    assert _notes(_staff_without("exam_teams", "quarantine_officers", **pooled),
                  "costs.staff") == []  # fmt: skip
    [note] = _notes(_staff_without("exam_officers", **pooled), "costs.staff")
    assert "no 'exam_officers' entry" in note and "cross-trained pool" in note
    assert _notes(_staff_without("exam_officers"), "costs.staff") == []  # (no pool)


def test_check_prints_the_note(tmp_path, capsys):
    staff = '{declaration_review={role="customs_officer",heads=1}}'
    assert main(["check", "--set", f"costs.staff={staff}"]) == 0
    err = capsys.readouterr().err
    assert "note: costs.staff has no 'document_check' entry" in err
    assert "costs.staff has no 'declaration_review'" not in err
    assert "costs.staff has no" not in _check_err(capsys)


def _check_err(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check"]) == 0
    return capsys.readouterr().err
