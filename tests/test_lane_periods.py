"""A lane's figures by a timeline's period (``utilisation_<port>_<lane>_era_<k>``) are
periods of a lane, not lanes: the run table's busiest lanes, the near-saturation note and
the outlook's lanes leave them out."""

from __future__ import annotations

import pandas as pd

from sim.cli import _busiest
from sim.experiment.outlook import _lanes
from sim.model.stability import near_saturation
from sim.scenario.loader import load_scenario


def test_a_lanes_periods_are_not_lanes_of_their_own():
    means = {"utilisation_sea_port_scanners": 0.5,
             "utilisation_sea_port_scanners_era_1": 0.95,
             "utilisation_sea_port_general_desk": 0.92}  # ("general": no period)
    summary = {m: {"mean": u} for m, u in means.items()}
    shown, more = _busiest(summary)  # type: ignore[arg-type]
    assert shown == ["utilisation_sea_port_general_desk", "utilisation_sea_port_scanners"]
    assert more == 0
    notes = near_saturation(means)
    assert len(notes) == 1 and notes[0].startswith("sea_port_general_desk ")
    columns = pd.Index(list(means))
    lanes = [lane for _, lane, _ in _lanes(load_scenario("default"), columns)]
    assert lanes == ["scanners", "general_desk"]
