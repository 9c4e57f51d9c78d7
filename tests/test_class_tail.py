"""A trader class's clearance tail where it trades:
``clearance_h_p90_<class>_port_<port>_<direction>``, the 90th percentile of its clearance at
one port and direction (as its mean there), and its paired difference from ``general``'s in
``class-differences.csv``."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment.class_differences import class_differences

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def small_run() -> tuple[pd.DataFrame, dict[str, float]]:
    import sim

    result = sim.simulate(sim.load_scenario(SMALL, {"days": 1}), 1)
    return result.clearance, result.metrics()


def test_each_class_has_its_p90_at_each_port_and_direction(small_run):
    table, metrics = small_run
    rows = table[(table.metric == "clearance") & (table.dimension == "port_direction_class")]
    assert len(rows) >= 4
    for _, r in rows.iterrows():
        port, direction, cls = str(r["group"]).split("/")
        name = f"clearance_h_p90_{cls}_port_{port}_{direction}"
        assert metrics[name] == r["p90_h"], name
        # the tail, not the mean again
        assert metrics[f"clearance_h_mean_{cls}_port_{port}_{direction}"] == r["mean_h"]
    named = {k for k in metrics if k.startswith("clearance_h_p90_") and "_port_" in k}
    # (not the port's own tail, nor a channel's at the port: customs-broker.md's)
    classes = {k for k in named if not k.startswith(("clearance_h_p90_port_",
                                                     "clearance_h_p90_channel_"))}
    assert len(classes) == len(rows)


def test_the_class_tail_is_set_against_generals_paired():
    name = "clearance_h_p90_{}_port_sea_port_import"
    general, aeo = [30.0, 42.0, 25.0], [20.0, 31.0, 16.0]
    per_rep = pd.DataFrame({name.format("general"): general, name.format("aeo_advanced"): aeo})
    table = class_differences(per_rep)
    row = table[table.metric == "clearance_h_p90"].iloc[0]
    where = (row["port"], row["direction"], row["class"])
    assert where == ("sea_port", "import", "aeo_advanced")
    paired = [a - g for a, g in zip(aeo, general, strict=True)]
    assert row["difference"] == pytest.approx(sum(paired) / 3)
    assert not math.isnan(row["ci_low"]) and row["ci_high"] < 0
