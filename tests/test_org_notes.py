"""Notes on the organisation's staff that its figures would hide: heads whose role has no
price (the staff cost leaves them out) and heads that do no modelled work."""

from __future__ import annotations

from pathlib import Path

from org_scenarios import ports_scenario
from theory_scenarios import build

import sim
from sim.cli import main
from sim.scenario.dormant import unused_parts

SCENARIOS = Path(__file__).parents[1] / "sim" / "scenarios"
SPINDLE = SCENARIOS / "guangdong-spindle.toml"
PRICED = {"tariff": 145700, "quarantine": 145700, "anti_smuggling": 145700, "risk": 145700}


def _org_notes(scenario) -> list[str]:
    mine = ("organisation:", "organisation.generate.staff")
    return [n for n in unused_parts(scenario) if n.startswith(mine)]


def test_the_bundled_organisations_have_no_unpriced_or_idle_heads():
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


def _explicit(**unit_over: dict) -> dict:
    data = ports_scenario(["p1"], 0.5, 1)
    units = {
        "gac": {"level": "national", "staff": {"tariff": {"count": 2, "cost_per_year": 1e5}},
                "tasks": {"ruling": "1 h"}},
        "reg": {"level": "regional", "parent": "gac"},
        "f1": {"level": "field", "parent": "reg", "ports": ["p1"]},
    }
    units.update(unit_over)
    data["organisation"] = {"units": units, "escalations": {"ruling": {"share": 0.1}}}
    return data


def test_heads_with_no_task_are_named():
    """A role no task of its unit uses (regional management heads in a tree with no
    directive task) passed without a note: their cost counts, their work is nothing."""
    staff = {"management": {"count": 2, "cost_per_year": 1e5}}
    data = _explicit(reg={"level": "regional", "parent": "gac", "staff": staff})
    (note,) = _org_notes(build(data))
    assert note.startswith("organisation: 2 management heads at reg do no modelled work")
    assert "'directive'" in note and "no service" in note
    staff = {"anti_smuggling": {"count": 3, "cost_per_year": 1e5}}
    data = _explicit(reg={"level": "regional", "parent": "gac", "staff": staff,
                          "tasks": {"case": "1 h"}})
    data["organisation"]["escalations"]["case"] = {"share": 0.0}
    (note,) = _org_notes(build(data))
    assert "3 anti_smuggling heads at reg" in note
    assert "organisation.escalations.case.share is 0" in note
    assert _org_notes(build(_explicit())) == []


def test_generated_heads_with_no_work_are_named():
    never = sim.load_scenario(SPINDLE, {"organisation.directive_every": "0 h"})
    (note,) = _org_notes(never)
    assert note.startswith("organisation: 30 management heads at gac, ")
    assert "organisation.directive_every is 0" in note
    unplaced = sim.load_scenario(
        SPINDLE,
        {"organisation.generate.service": {"ruling": "1 h", "quarantine": "1 h", "case": "1 h",
                                           "alert": "1 h"}},
    )
    (note,) = [n for n in unused_parts(unplaced) if "places none" in n]
    assert note.startswith("organisation.generate.staff.management gives 30 heads")


def test_the_docs_say_what_management_heads_do():
    """A reader must not take cutting cadre posts for free of service by accident: the
    reference and the Guangdong page say management serves only the directive."""
    docs = Path(__file__).parents[1] / "docs"
    reference = " ".join((docs / "scenario-reference.md").read_text().split())
    assert "management: only the directive" in reference
    assert "costs no service in the model" in reference
    guangdong = " ".join((docs / "scenario-guangdong.md").read_text().split())
    assert "management (30 of the 122 heads) only the weekly directive" in guangdong
