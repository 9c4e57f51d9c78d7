"""Cold-chain durations belong to the consignment, not to the order goods reach the teams: a
change that only moves sampled goods (a slower laboratory) leaves every unsampled covered
import's release where it was, with drawn (not fixed) test and disinfection times."""

from __future__ import annotations

import numpy as np

import sim

WHERE = "ports.sea_port.quarantine.cold_chain"
MEASURES = {
    "commodities": ["frozen"],
    "teams": {"capacity": "unlimited"},
    "disinfect": {"dist": "uniform", "low": "0.2 h", "high": "1 h"},
    "test": {"dist": "lognormal", "mean": "24 h", "cv": 0.5},
    "release": {"dist": "uniform", "low": "1 h", "high": "6 h"},
    "warehouse": {"capacity": "unlimited"},
}
LAB = "ports.sea_port.quarantine.lab.tests.pcr"


def _log(lab: str) -> object:
    over = {"days": 3, "warmup_days": 1, "selection.quarantine.frozen": {"*": 1.0},
            WHERE: MEASURES, LAB: lab}
    run = sim.simulate(sim.load_scenario(sim.default_scenario_path(), over), 3, log=True)
    return run.log.set_index(["port", "index"])


def test_a_slower_lab_moves_no_unsampled_frozen_imports_release():
    fast = _log("1 d")
    slow = _log("2 d").loc[fast.index]
    covered = ((fast.commodity == "frozen") & (fast.direction == "import")
               & (fast.index.get_level_values(0) == "sea_port")
               & fast.quarantine_start.notna() & (fast.outcome == "released"))
    unsampled = covered & (fast["sample"] == 0)
    sampled = covered & (fast["sample"] > 0)
    assert unsampled.sum() > 30 and sampled.sum() > 5
    assert (slow.released - fast.released)[sampled].median() > 12  # (the lab did move them)
    assert np.allclose(fast.released[unsampled].values, slow.released[unsampled].values)


def test_the_note_on_lanes_only_an_option_has_does_not_say_to_set_them_everywhere():
    """The measures' teams and warehouse are in no baseline: the note says to read their
    levels, not to give the setting to every option (which would undo the comparison)."""
    from sim.experiment.compare_notes import unpaired
    from sim.warning_codes import record

    lanes = {"utilisation_sea_port_cold_chain_warehouse", "wait_h_mean_sea_port_cold_chain_teams",
             "waited_share_sea_port_cold_chain_teams",
             "arrivals_per_hour_sea_port_cold_chain_teams"}
    (line,) = unpaired({"baseline": {"a"}, "mandate": {"a", *lanes}}, "baseline")
    assert "lanes the option alone has" in line and "--set" not in line
    assert record(line)["code"] == "metric_unpaired"
    (other,) = unpaired({"baseline": {"a"}, "spoil": {"a", "spoiled_frozen"}}, "baseline")
    assert "--set" in other
