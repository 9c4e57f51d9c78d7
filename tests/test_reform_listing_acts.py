"""``bordersim reforms --on SCENARIO`` says a reform "acts" only where a run can change a
figure: the listing's word is checked against a short paired run (one day, one replication,
a fixed seed) of the M/M/2 teaching scenario. There no port lodges before or after arrival,
so advance declaration changes nothing (with a lodging delay it acts again, and the run
shows it); the goods carry no illicit frozen goods, so an outbreak changes nothing; the
crossing has no exam and no quarantine, so a control order for them changes nothing. All
three were listed as acting before."""

from __future__ import annotations

import pytest

import sim
from sim.cli_reforms import ACTS, NO_EFFECT, _verdict
from sim.experiment.compare import compare
from sim.scenario.patch import patch

MMC = sim.default_scenario_path().parent / "teaching-mmc.toml"
SHORT = {"days": 1, "warmup_days": 0, "drain_days": 1}


def _listed(scenario, name: str) -> str:
    return _verdict(name, scenario, MMC)[0]


def _changes(scenario, name: str) -> bool:
    """Whether a short paired run of ``name`` differs from the baseline in any figure."""
    res = compare(scenario, [name], reps=1, seed=3, overrides=SHORT, log=False, report=False)
    return name not in res.meta["identical"]


@pytest.mark.parametrize(
    ("sets", "name", "kind"),
    [
        ({}, "advance_declaration", NO_EFFECT),  # listed as acting before: changed nothing
        ({"ports.crossing.declaration.lodging_delay": "1 h"}, "advance_declaration", ACTS),
        ({}, "training", ACTS),
        ({}, "outbreak", NO_EFFECT),  # the goods carry no frozen: listed as acting before
        ({}, "control_order", NO_EFFECT),  # no exam, no quarantine: listed as acting before
    ],
)
def test_the_listing_says_acts_where_a_short_run_changes_a_figure(sets, name, kind):
    scenario = sim.load_scenario(MMC)
    if sets:
        scenario = patch(scenario, sets, "test")
    assert _listed(scenario, name) == kind
    assert _changes(scenario, name) == (kind == ACTS)


def test_the_listing_says_why_advance_declaration_changes_nothing(capsys):
    from sim.cli import main

    assert main(["reforms", "--on", str(MMC)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines()
                if x.startswith("advance_declaration"))
    assert f"{NO_EFFECT}: no port lodges before or after arrival" in line, line


def test_merging_affiliated_customs_acts_only_where_they_decide_something():
    """In the dumbbell every task is decided at GAC or a centre, so merging the
    directly-affiliated customs pools nothing (a 28-day paired run of guangdong-dumbbell is
    identical to its baseline: too slow for here); in the spindle they decide, and it acts."""
    folder = sim.default_scenario_path().parent
    dumbbell = folder / "guangdong-dumbbell.toml"
    kind, why = _verdict("merge_affiliated", sim.load_scenario(dumbbell), dumbbell)
    assert kind == NO_EFFECT and "no task is decided at the directly-affiliated" in why, why
    spindle = folder / "guangdong-spindle.toml"
    assert _verdict("merge_affiliated", sim.load_scenario(spindle), spindle)[0] == ACTS
