"""Clearance by channel (the checks a declaration met, sim/model/result_clearance.py): each
channel's figures are the clearance table's pooled rows of that channel, named for every
channel (``+`` written ``_``), NaN where the run released none."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import sim
from sim.model.milestones import CHANNELS

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_each_channels_figures_are_its_rows_of_the_clearance_table():
    run = sim.simulate(sim.load_scenario(SMALL, {"days": 1}), 3)
    m, c = run.metrics(), run.clearance
    rows = c[c["dimension"] == "channel"].set_index(["metric", "group"])
    seen, joint = 0, 0
    for channel in CHANNELS:
        name = channel.replace("+", "_")
        for metric, stat in (("clearance", "mean"), ("clearance", "p90"),
                             ("declared_to_release", "mean")):
            got = m[f"{metric}_h_{stat}_channel_{name}"]
            if (metric, channel) in rows.index:
                assert got == pytest.approx(rows.loc[(metric, channel), f"{stat}_h"], rel=1e-12)
                seen += 1
                joint += "+" in channel
            else:
                assert math.isnan(got)
    assert seen >= 9 and joint  # (a channel with quarantine among them: frozen goods)
