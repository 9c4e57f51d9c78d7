"""Parcels a post or express hub holds (sim/model/parcel_holds.py): the share taken off the
line for a physical exam or a quarantine check, and their time to release, checked against
the per-parcel log of a short run of the default scenario's hub alone."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

import sim
from sim.experiment.metric_names import metric_names

ROOT = Path(__file__).resolve().parents[1]
HUB = """
extends = "default"
drop = ["ports.sea_port", "ports.land_border", "ports.airport",
        "enforcement.by_port.land_border", "idling"]
name = "hub-alone"
days = 1
warmup_days = 0
drain_days = 1
[ports.post_hub.arrivals]
rate = "400/d"   # (half the default's parcels: a cheaper test)
"""


def test_the_held_share_and_hours_are_the_logs_parcels_opened_or_checked(tmp_path):
    path = tmp_path / "hub.toml"
    path.write_text(HUB)
    res = sim.simulate(sim.load_scenario(path), 1, log=True)
    m, log = res.metrics(), res.log
    end = 2 * 24.0  # (the observed day and the drain day)
    for direction in ("import", "export"):
        mine = log[log.cohort.astype(bool) & (log.direction == direction)]
        held = (mine.exam_start <= end) | (mine.quarantine_start <= end)
        scanned = mine.scan_start <= end
        assert 0 < held.sum() < scanned.sum()  # (a scan alone holds nothing)
        tail = f"port_post_hub_{direction}"
        assert math.isclose(m[f"parcels_held_share_{tail}"], held.mean())
        out = mine[held & (mine.released <= end)]
        hours = float(np.mean(out.released - out.arrived))
        assert math.isclose(m[f"parcels_held_clearance_h_mean_{tail}"], hours)
        assert m[f"parcels_held_clearance_h_mean_{tail}"] > m[f"clearance_h_mean_{tail}"]


def test_only_post_hubs_name_the_held_parcels():
    names = metric_names(sim.load_scenario(ROOT / "sim" / "scenarios" / "default.toml")).names
    held = {n for n in names if n.startswith("parcels_held_")}
    assert held == {f"parcels_held_{m}_port_post_hub_{d}" for m in ("share", "clearance_h_mean")
                    for d in ("import", "export")}
