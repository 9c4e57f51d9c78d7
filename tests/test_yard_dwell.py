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


def test_the_reefers_figures_count_the_reefer_commodities_boxes_alone():
    """Frozen goods kept in reefers: their own dwell and plugs taken, from the log; without a
    reefer commodity the figures are not named."""
    base = sim.load_scenario(SMALL)
    assert not [k for k in sim.simulate(sim.patch(base, {"days": 1}), 1).metrics()
                if k.startswith("yard_reefer_")]
    s = sim.patch(base, {"days": 1, "warmup_days": 1, "drain_days": 2,
                         "costs.price_year": 2019, "costs.commodities.frozen.reefer": True})
    res = sim.simulate(s, 1, log=True)
    log, m = res.log, res.metrics()
    out = log[log.cohort.astype(bool) & (log.outcome == "released") & (log.direction == "import")]
    hours = np.fmax(out.exited, out.loaded) - np.fmax(out.discharged, out.arrived)
    frozen = out.commodity == "frozen"
    assert 0 < frozen.sum() < len(out)
    box_h = float((out.containers * hours)[frozen].sum())
    dwell = m["yard_reefer_dwell_h_mean_port_sea_import"]
    assert np.isclose(dwell, box_h / out.containers[frozen].sum(), rtol=1e-9)
    assert np.isclose(m["yard_reefer_boxes_mean_port_sea_import"], box_h / 24, rtol=1e-9)


def test_the_dwell_splits_at_release_into_the_hold_and_the_wait_after_it():
    """Per box, the hours on the ground before customs' release (none where the goods were
    released before the box was there) and after it, from the log; they add up to the mean,
    and both parts are there (an import's pick-up after release, a hold before it)."""
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
        boxes = out.containers[rows]
        held = np.clip(out.released - start, 0, left - start)[rows]
        after = (left - start)[rows] - held
        tail = f"port_sea_{direction}"
        to_release = m[f"yard_dwell_h_to_release_{tail}"]
        after_release = m[f"yard_dwell_h_after_release_{tail}"]
        assert np.isclose(to_release, (boxes * held).sum() / boxes.sum(), rtol=1e-9)
        assert np.isclose(after_release, (boxes * after).sum() / boxes.sum(), rtol=1e-9)
        assert np.isclose(to_release + after_release, m[f"yard_dwell_h_mean_{tail}"], rtol=1e-9)
        assert to_release > 0 and after_release > 0
