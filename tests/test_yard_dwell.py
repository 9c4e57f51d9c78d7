"""A container terminal's yard dwell per container (sim/model/yard_dwell.py): from the box's
discharge (an export's gate-in) to its exit (its vessel's departure), weighted by containers,
checked by hand against the per-consignment log, and named only at sea ports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from det_scenarios import port, scenario

import sim
from sim.model.milestones import OWNERS
from sim.scenario.schema import DIRECTIONS

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


def _held_by_owner(patch: dict) -> dict[str, dict[str, float]]:
    """The sea port's hours per box before release by owner, imports and exports, of a
    one-day run of the small scenario with ``patch``."""
    s = sim.patch(sim.load_scenario(SMALL), {"days": 1, "warmup_days": 1, "drain_days": 2, **patch})
    m = sim.simulate(s, 1).metrics()
    return {d: {o: m[f"yard_dwell_h_to_release_{o}_port_sea_{d}"] for o in OWNERS}
            for d in DIRECTIONS}


def test_the_hold_before_release_splits_by_owner_and_adds_up_to_it():
    """Per box, the owners' hours on the ground before release add up to the dwell to
    release, at imports and exports; the trader's, customs' and the terminal's are there."""
    s = sim.load_scenario(SMALL).model_copy(update={"days": 1, "warmup_days": 1, "drain_days": 2})
    m = sim.simulate(s, 1).metrics()
    for direction in DIRECTIONS:
        tail = f"port_sea_{direction}"
        parts = [m[f"yard_dwell_h_to_release_{o}_{tail}"] for o in OWNERS]
        assert np.isclose(sum(parts), m[f"yard_dwell_h_to_release_{tail}"], rtol=1e-12)
        assert min(parts) >= -1e-9
        for owner in ("trader", "terminal", "customs"):
            assert m[f"yard_dwell_h_to_release_{owner}_{tail}"] > 0


@pytest.mark.parametrize("patch, owner", [
    # slower scanners: customs' queue and scan (the exports, many of them scanned ahead of
    # their cut-off, hold their boxes longest for it)
    ({"ports.sea.scan.scanners.service": {"dist": "lognormal", "mean": "60 min", "cv": 0.3}},
     "customs"),
    # the trader lodging later: its own time
    ({"ports.sea.declaration.lodging_delay": {"dist": "lognormal", "mean": "36 h", "cv": 1}},
     "trader"),
])
def test_a_slower_owner_lengthens_its_own_hours_before_release_and_no_others(patch, owner):
    """An owner's work made slower adds hours to that owner's part of the hold before
    release, the most of any owner's; each other owner's moves by under half an hour
    (a wait beside the checks, such as the duty payment, binds less when they take longer)."""
    base, slower = _held_by_owner({}), _held_by_owner(patch)
    for direction in DIRECTIONS:
        change = {o: slower[direction][o] - base[direction][o] for o in OWNERS}
        assert change[owner] > 0.3 and change[owner] == max(change.values()), change
        for other in OWNERS:
            if other != owner:
                assert abs(change[other]) < 0.5, (direction, other, change)
