"""What a scenario's [costs] leaves silently uncosted, or looks like a slip of units, is said
(a note with the others on parts that act on nothing, printed by run and check) or refused:
a staffed lane that costs.staff does not price; a value of time typed as a percentage; a
discount rate beyond any appraisal's; a role that prices no one; a currency that is not one;
a currency changed by --set (relabelled, not converted)."""

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
    assert _notes(sim.load_scenario(DEFAULT), "costs.staff has no") == []
    [note] = _notes(_staff_without("document_check"), "costs.staff has no")
    assert "no 'document_check' entry" in note and "cost nothing" in note
    assert "ports.sea_port.document_check" in note and "ports.post_hub.document_check" in note


def test_a_cross_trained_pool_is_priced_by_its_own_entry():
    pooled = {"inspection.joint_staffing": "cross_trained"}
    assert _notes(_staff_without("exam_teams", "quarantine_officers", **pooled),
                  "costs.staff has no") == []  # fmt: skip
    [note] = _notes(_staff_without("exam_officers", **pooled), "costs.staff has no")
    assert "no 'exam_officers' entry" in note and "cross-trained pool" in note
    assert _notes(_staff_without("exam_officers"), "costs.staff has no") == []  # (no pool)


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


@pytest.mark.parametrize(
    ("over", "path"),
    [({"costs.trader.time_cost_per_day": 0.6}, "costs.trader.time_cost_per_day = 0.6"),
     ({"costs.commodities.frozen.time_cost_per_day": 0.21},
      "costs.commodities.frozen.time_cost_per_day = 0.21")],
)
def test_a_value_of_time_above_five_percent_a_day_is_noted(over, path):
    [note] = _notes(sim.load_scenario(DEFAULT, over), "time_cost_per_day")
    assert note.startswith(path) and "0.006 to 0.021" in note and "percentage" in note
    ok = {k: 0.05 for k in over}  # (the highest not noted)
    assert _notes(sim.load_scenario(DEFAULT, ok), "time_cost_per_day") == []


def test_a_discount_rate_beyond_point_three_is_refused_with_its_range_and_why():
    assert sim.load_scenario(DEFAULT, {"costs.discount_rate": 0.3}).costs.discount_rate == 0.3  # type: ignore[union-attr]
    for rate in (1, 8, 0.31):
        with pytest.raises(sim.ScenarioError) as err:
            sim.load_scenario(DEFAULT, {"costs.discount_rate": rate})
        text = str(err.value)
        assert "costs.discount_rate" in text and "allowed 0 to 0.3" in text
        assert "0.03 to 0.10" in text and "percentage typed where a share is meant" in text


def test_a_role_that_prices_no_one_is_noted_with_the_name_it_may_have_meant():
    assert _notes(sim.load_scenario(DEFAULT), "costs.roles") == []
    [note] = _notes(sim.load_scenario(DEFAULT, {"costs.roles.customs_offcer": 25000}),
                    "costs.roles")  # fmt: skip
    assert note.startswith("costs.roles.customs_offcer prices no one")
    assert "did you mean 'customs_officer'?" in note
    # the audit role counts only where there are auditors
    for staff, noted in ((0, True), (3, False)):
        audit = sim.load_scenario(DEFAULT, {"costs.roles.auditor": 30000,
                                            "costs.audit_role": "auditor",
                                            "enforcement.audit.staff": staff})  # fmt: skip
        assert bool(_notes(audit, "costs.roles.auditor")) is noted


def test_a_currency_must_be_an_iso_4217_code():
    for code in ("XYZ", "ABC", "XXX"):
        with pytest.raises(sim.ScenarioError, match="not an ISO 4217 currency code"):
            sim.load_scenario(DEFAULT, {"costs.currency": code})
    for code, label in (("eur", "EUR"), ("HRK", "HRK"), ("CNY", "CNY")):  # (HRK: until 2023)
        assert sim.load_scenario(DEFAULT, {"costs.currency": code}).costs.currency == label  # type: ignore[union-attr]


def test_a_currency_changed_by_set_is_said_to_be_relabelled_not_converted(capsys):
    assert main(["check", "--set", "costs.currency=EUR"]) == 0
    err = capsys.readouterr().err
    assert ("note: --set costs.currency=EUR relabels the money figures, it does not convert "
            "them") in err and "(in USD), now read as EUR" in err
    assert main(["check", "--set", "costs.currency=USD"]) == 0
    assert "relabels" not in capsys.readouterr().err
