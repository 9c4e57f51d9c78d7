"""Notes on the organisation's staff that its figures would hide: heads whose role has no
price (the staff cost leaves them out)."""

from __future__ import annotations

from pathlib import Path

import sim
from sim.cli import main
from sim.scenario.dormant import unused_parts

SCENARIOS = Path(__file__).parents[1] / "sim" / "scenarios"
SPINDLE = SCENARIOS / "guangdong-spindle.toml"
PRICED = {"tariff": 145700, "quarantine": 145700, "anti_smuggling": 145700, "risk": 145700}


def _org_notes(scenario) -> list[str]:
    mine = ("organisation:", "organisation.generate.staff")
    return [n for n in unused_parts(scenario) if n.startswith(mine)]


def test_the_bundled_organisations_have_no_unpriced_heads():
    for name in ("guangdong", "guangdong-spindle", "guangdong-dumbbell", "guangdong-four"):
        assert _org_notes(sim.load_scenario(SCENARIOS / f"{name}.toml")) == [], name


def test_heads_of_a_role_without_a_price_are_named(capsys):
    """30 management heads with no cost_per_year counted 0 in the staff cost, unsaid."""
    scenario = sim.load_scenario(SPINDLE, {"organisation.generate.cost_per_year": PRICED})
    (note,) = [n for n in _org_notes(scenario) if "cost nothing" in n]
    assert note.startswith("organisation: 30 management heads")
    assert "org_staff_cost_per_year" in note
    assert "organisation.generate.cost_per_year.management" in note
    code = main(["check", str(SPINDLE), "--set",
                 "organisation.generate.cost_per_year={tariff=145700, quarantine=145700, "
                 "anti_smuggling=145700, risk=145700}"])
    assert code == 0
    assert "note: organisation: 30 management heads" in capsys.readouterr().err
