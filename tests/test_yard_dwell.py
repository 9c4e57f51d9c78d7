"""A container terminal's yard dwell per container (sim/model/yard_dwell.py): from the box's
discharge (an export's gate-in) to its exit (its vessel's departure), weighted by containers,
checked by hand against the per-consignment log, and named only at sea ports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from det_scenarios import port, scenario

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_dwell_and_boxes_on_the_ground_are_per_container_from_the_log():
    s = sim.load_scenario(SMALL).model_copy(update={"days": 1, "warmup_days": 1, "drain_days": 2})
    res = sim.simulate(s, 1, log=True)
    log, m = res.log, res.metrics()
    out = log[log.cohort.astype(bool) & (log.outcome == "released") & (log.port == "sea")]
    end = np.fmax(out.exited, out.loaded)
    for direction, start, left in (
        ("import", np.fmax(out.discharged, out.arrived), end),
        ("export", out.arrived, np.fmax(out.departed, end)),
    ):
        rows = out.direction == direction
        boxes, hours = out.containers[rows], (left - start)[rows]
        assert rows.sum() > 20 and boxes.sum() > rows.sum()  # (several boxes a declaration)
        box_h = float((boxes * hours).sum())
        dwell = m[f"yard_dwell_h_mean_port_sea_{direction}"]
        assert np.isclose(dwell, box_h / boxes.sum(), rtol=1e-9)
        assert np.isclose(m[f"yard_boxes_mean_port_sea_{direction}"], box_h / 24, rtol=1e-9)
    # an import's dwell starts at its discharge, not at the vessel's arrival
    imports = out[out.direction == "import"]
    assert (imports.discharged > imports.arrived).any()


def test_a_port_that_is_not_a_sea_port_names_no_yard_dwell():
    m = sim.simulate(scenario({"p": port(rate="1/h")}, days=1, drain_days=1), 1).metrics()
    assert not [k for k in m if k.startswith("yard_")]
