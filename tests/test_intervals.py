"""Values of the ``intervals`` table: exact means on a deterministic scenario, and on a
random run the mean of (to - from) over the released cohort rows of the log."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from det_scenarios import port, scenario, unlimited

import sim

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"

#: enough quarantine work, and staff for it, that every interval is reached by some
EVERY_STEP = {
    "days": 3,
    "declaration.mode": "separate",
    "ports.sea.quarantine.officers.capacity": 4,
    "ports.sea.exam.movers.capacity": 4,
    "commodities.general.quarantine_treat": 0.3,  # so that treatment has data too
    # and the steps around release: duty payment, two-step declaration and processing, and
    # frozen goods sampled, often with pests, released before the result and recalled
    "after_release": {
        "duty_payment": "2 h",
        "two_step_declaration": {"uptake": {"*": 0.5}},
        "two_step_processing": {"uptake": {"*": 0.5}},
        "release_before_test": {"uptake": {"*": 1.0}},
    },
    "selection.quarantine": {"general": {"*": 0.05}, "frozen": {"*": 0.3}},
    "ports.sea.quarantine.sample_share": 1.0,
    "enforcement.prevalence.pest": 0.3,
    "enforcement.sampling.visual_sensitivity": 0.3,  # (recalled: pests the lab alone finds)
}
SCAN = {
    "scanners": unlimited(0.2),
    "image_review": {
        "ai_share": 1.0,  # every image read by AI first (6 min), none cleared: officers read
        "ai_clear": 0.0,
        "ai_time": "6 min",
        "officers": unlimited(0.3),
        "refer": 0.0,
    },
}


def deterministic(advance: float) -> sim.Scenario:
    p = port(
        lodging_h=2.0,
        advance=advance,
        lead_h=5.0,
        assess_h=0.25,
        pickup_h=3.0,
        review=unlimited(0.5),
        document_check=unlimited(1.0),
        scan=SCAN,
    )
    return scenario({"p": p}, selection={"document": 1.0, "scan": 1.0}, review=1.0)


def table(r: sim.RunResult) -> dict[str, tuple[int, float]]:
    return {row.interval: (row.n, row.mean_h) for row in r.intervals.itertuples()}


def test_intervals_by_hand_lodged_after_arrival():
    r = sim.simulate(deterministic(advance=0.0), 1)
    n = r.counts["released"]
    assert n == r.counts["arrived"] > 50
    got = table(r)
    # arrived -> lodged 2, review 0.5, assessment 0.25, document check 1, scan 0.2,
    # AI 0.1 + officer 0.3, released; pick-up 3
    expect = {
        "lodging": 2.0,
        "acceptance": 0.5,
        "assessment": 0.25,
        "document_check": 1.0,
        "scan": 0.2,
        "image_review": 0.4,
        "exit": 3.0,
        "clearance": 4.35,
        "overall_clearance": 7.35,
    }
    for name, mean in expect.items():
        assert got[name][0] == n, name
        assert got[name][1] == pytest.approx(mean, rel=1e-9, abs=1e-12), name
    absent = ("second_declaration", "physical_exam", "quarantine_check", "laboratory")
    for name in ("vessel_discharge", *absent):  # (a land port: the goods ready on arrival)
        assert got[name][0] == 0 and np.isnan(got[name][1]), name


def test_intervals_by_hand_lodged_in_advance():
    """Lodged 5 h before arrival: lodging counts 0 (clipped); review, assessment and the
    document check run before arrival, the scan waits for the goods (at arrival)."""
    r = sim.simulate(deterministic(advance=1.0), 1)
    n = r.counts["released"]
    assert n > 50
    got = table(r)
    expect = {
        "lodging": 0.0,
        "acceptance": 0.5,
        "assessment": 0.25,
        "document_check": 1.0,
        "scan": 0.2,
        "image_review": 0.4,
        "exit": 3.0,
        "clearance": 0.6,  # scan 0.2 + image review 0.4 from arrival
        "overall_clearance": 3.6,
    }
    for name, mean in expect.items():
        assert got[name][0] == n, name
        assert got[name][1] == pytest.approx(mean, rel=1e-9, abs=1e-12), name


def test_intervals_are_means_over_the_log():
    r = sim.simulate(sim.load_scenario(SMALL, EVERY_STEP), 7, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released")]
    assert len(log) == r.counts["released"] > 500
    rows = r.intervals.set_index("interval")
    assert len(rows) == 21  # loading: exports only (small.toml has exports)
    for name, row in rows.iterrows():
        start = log[row["from"]] if row["from"] != "available" else available(log)
        d = (log[row["to"]] - start).dropna()
        if name == "lodging":
            d = d.clip(lower=0.0)
        if name in ("awaiting_discharge", "vessel_discharge"):
            d = d[d > 0]
        assert row["n"] == len(d), name
        if len(d):
            assert row["mean_h"] == pytest.approx(d.mean(), rel=1e-9, abs=1e-12), name
        else:
            assert np.isnan(row["mean_h"]), name
    assert (rows["n"] > 0).all()


def available(log):
    """When an import's goods may leave: released and discharged."""
    return np.fmax(log.released, log.discharged)


def test_an_import_released_before_its_discharge_waits_for_it_in_the_terminals_row():
    """Released before its box is off the vessel, an import waits for the discharge (the
    terminal's hours, as the owners book them), then is picked up: ``awaiting_discharge``
    (terminal) is that wait over those imports only, and ``exit`` (trader) runs from the
    later of release and discharge, so the two add up to release -> exit and the trader's
    row holds no wait for the cranes."""
    s = sim.load_scenario(SMALL, {"days": 4, "ports.sea.declaration.advance_share": 0.9})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released") & r.log.exited.notna()]
    rows = r.intervals.set_index("interval")
    early = log[log.discharged > log.released]
    wait, pickup = rows.loc["awaiting_discharge"], rows.loc["exit"]
    assert wait["owner"] == "terminal" and pickup["owner"] == "trader"
    assert wait["n"] == len(early) > 50
    assert wait["mean_h"] == pytest.approx((early.discharged - early.released).mean(), rel=1e-9)
    assert pickup["n"] == len(log)
    assert pickup["mean_h"] == pytest.approx((log.exited - available(log)).mean(), rel=1e-9)
    total = wait["mean_h"] * wait["n"] + pickup["mean_h"] * pickup["n"]
    assert total == pytest.approx((log.exited - log.released).sum(), rel=1e-9)
    assert pickup["mean_h"] < (log.exited - log.released).mean()


def test_vessel_discharge_is_over_the_imports_unloaded_from_a_call_only():
    """The discharge interval is the sea port's imports' (their boxes come off the vessel
    after arrival), not averaged over every import with the others' 0 h (the default's
    trucks, air shipments and parcels diluted it from 1.24 h to 0.34 h)."""
    s = sim.load_scenario(REPO / "scenarios" / "default.toml", {"days": 2})
    r = sim.simulate(s, 1, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released")]
    sea = log[(log.port == "sea_port") & (log.direction == "import")]
    row = r.intervals.set_index("interval").loc["vessel_discharge"]
    assert row["n"] == len(sea) > 100 and (sea.discharged > sea.arrived).all()
    assert row["mean_h"] == pytest.approx((sea.discharged - sea.arrived).mean(), rel=1e-9)
    others = log[(log.port != "sea_port") & (log.direction == "import")]
    assert len(others) > len(sea) and (others.discharged == others.arrived).all()


def test_the_overall_clearance_row_is_of_imports_only():
    """An interval runs between two milestones: ``overall_clearance`` arrived -> exited, which
    exports never reach (their last stretch is ``loading``). The row is the imports' overall
    clearance of the clearance table, which alone gives every consignment's (the docs say so)."""
    r = sim.simulate(sim.load_scenario(SMALL, {"days": 2}), 1)
    row = r.intervals.set_index("interval").loc["overall_clearance"]
    c = r.clearance.set_index(["metric", "dimension", "group"])
    imports = c.loc[("overall_clearance", "direction", "import")]
    everyone = c.loc[("overall_clearance", "all", "all")]
    exports = c.loc[("overall_clearance", "direction", "export")]
    assert (row["from"], row["to"]) == ("arrived", "exited")
    assert row["n"] == imports["n"] < everyone["n"] and exports["n"] > 0
    assert row["mean_h"] == pytest.approx(imports["mean_h"], rel=1e-9)
    loading = r.intervals.set_index("interval").loc["loading"]
    assert loading["n"] == exports["n"]


def test_treatment_is_the_treatment_alone_not_the_laboratory_before_it():
    """Goods treated after a laboratory test: the ``treatment`` interval is each one's
    treatment time, from the laboratory's result; the laboratory is its own interval. (It
    ran from the check's end, so the laboratory's day or more was read as treatment.)"""
    over = {
        **EVERY_STEP,
        "days": 10,
        "after_release": {},
        "selection.quarantine": {"general": {"*": 0.05}, "frozen": {"*": 1.0}},
        "ports.sea.quarantine.sample_share": 0.7,
        "commodities.frozen.quarantine_treat": 0.5,
    }
    r = sim.simulate(sim.load_scenario(SMALL, over), 7, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released")]
    treated = log[log.treated.notna()]
    tested = treated[treated.lab_end.notna()]
    assert len(tested) > 30 and len(treated) > len(tested)  # (some treated without a sample)
    assert (tested.treatment_start == tested.lab_end).all()
    untested = treated[treated.lab_end.isna()]
    assert (untested.treatment_start >= untested.quarantine_end).all()
    d = treated.treated - treated.treatment_start
    assert np.allclose(d, treated.treatment_time, rtol=1e-12, atol=1e-9)
    row = r.intervals.set_index("interval").loc["treatment"]
    assert row["n"] == len(treated)
    assert row["mean_h"] == pytest.approx(treated.treatment_time.mean(), rel=1e-9)
    lab = r.intervals.set_index("interval").loc["laboratory"]
    assert row["mean_h"] < lab["mean_h"]  # (a 12-36 h treatment, a day or more of laboratory)
