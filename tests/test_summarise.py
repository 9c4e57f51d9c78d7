"""``sim.summarise(per_rep, scenario)`` (sim/experiment/summary_table.py): the summary of
``sim.replicate``'s replications as a table in memory, the same figures and units as the
results folder's ``summary.csv`` for the same replications."""

from __future__ import annotations

import pandas as pd
import pytest

import sim
from tests.test_compare_checks import SMALL


def test_the_summary_in_memory_is_the_folders(tmp_path):
    scenario = sim.load_scenario(SMALL, {"days": 1})
    per_rep = sim.replicate(scenario, reps=2, seed=5, store=tmp_path / "run")
    table = sim.summarise(per_rep, scenario)
    on_disk = pd.read_csv(tmp_path / "run" / "summary.csv").set_index("metric")
    assert list(table.index) == list(on_disk.index)
    assert list(table.index) == [c for c in per_rep.columns if c != "replication"]
    for column in table.columns:
        if column == "unit":
            assert (table[column] == on_disk[column]).all()
        else:
            pd.testing.assert_series_equal(table[column].astype(float),
                                           on_disk[column].astype(float), rtol=1e-12)
    assert table.loc["clearance_h_mean", "unit"] == "hours"
    assert table.loc["clearance_h_mean", "n"] == 2


def test_what_is_not_replications_is_refused_saying_what_to_give():
    with pytest.raises(TypeError, match="the DataFrame sim.replicate returns"):
        sim.summarise({"clearance_h_mean": [1.0]})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="a comparison's summary is already res.summary"):
        sim.summarise(pd.DataFrame({"clearance_h_mean": [1.0, 2.0]}))
