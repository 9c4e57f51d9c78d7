"""Values of the ``intervals`` table: exact means on a deterministic scenario, and on a
random run, group by group, what the partition of the log's released cohort rows gives
(sim/model/intervals.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from det_scenarios import port, scenario, unlimited

import sim
from sim.model import intervals as iv
from sim.model.milestones import OWNERS

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"

#: enough quarantine work, and staff for it, that every interval is reached by some
EVERY_STEP = {
    "days": 3,
    "declaration.mode": "separate",
    "declaration.second_submission": {"dist": "exponential", "mean": "3 h"},
    "ports.sea.release.gate": {"capacity": 1, "service": {"dist": "exponential", "mean": "5 min"}},
    "ports.sea.quarantine.officers.capacity": 4,
    "ports.sea.exam.movers.capacity": 4,
    "commodities.general.quarantine_treat": 0.3,  # so that treatment has data too
    # a third of the imports in transit (转关) from an entry port: the leg's two stretches
    "ports.sea.transit": {"share": {"*": 0.3}, "formalities": "1 h",
                          "travel": {"dist": "exponential", "mean": "12 h"}},
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


def rows(r: sim.RunResult, dimension: str = "all", group: str = "all") -> pd.DataFrame:
    t = r.intervals
    return t[(t.dimension == dimension) & (t.group == group)].set_index("interval")


def test_intervals_by_hand_lodged_after_arrival():
    r = sim.simulate(deterministic(advance=0.0), 1)
    n = r.counts["released"]
    assert n == r.counts["arrived"] > 50
    got = rows(r)
    # arrived -> lodged 2, review 0.5, assessment 0.25, document check 1, scan 0.2, AI
    # reading 0.1 (the officer's wait), officer 0.3, released; pick-up 3
    expect = {
        "lodging": 2.0,
        "acceptance": 0.5,
        "assessment": 0.25,
        "document_check_wait": 0.0,
        "document_check": 1.0,
        "scan_wait": 0.0,
        "scan": 0.2,
        "image_review_wait": 0.1,
        "image_review": 0.3,
        "pickup": 3.0,
        "clearance": 4.35,
        "overall_clearance": 7.35,
    }
    for name, mean in expect.items():
        assert got.loc[name, "n"] == n, name
        assert got.loc[name, "mean_h"] == pytest.approx(mean, rel=1e-9, abs=1e-12), name
        assert got.loc[name, "per_consignment_h"] == pytest.approx(mean, rel=1e-9, abs=1e-12)
    absent = ("second_declaration", "physical_exam", "quarantine_check", "laboratory",
              "exam_yard", "awaiting_goods", "awaiting_discharge", "gate", "loading")
    for name in ("vessel_discharge", *absent):  # (a land port: the goods ready on arrival)
        assert got.loc[name, "n"] == 0 and np.isnan(got.loc[name, "mean_h"]), name
        assert got.loc[name, "per_consignment_h"] == 0, name


def test_intervals_by_hand_lodged_in_advance():
    """Lodged 5 h before arrival: review, assessment and the document check (1.75 h) all
    run before arrival and add nothing; the scan waits for the goods (at arrival). Their
    whole stretches are kept apart."""
    r = sim.simulate(deterministic(advance=1.0), 1)
    n = r.counts["released"]
    assert n > 50
    got = rows(r)
    expect = {  # (added to release time, whole stretch)
        "lodging": (0.0, -5.0),
        "acceptance": (0.0, 0.5),
        "assessment": (0.0, 0.25),
        "document_check": (0.0, 1.0),
        "scan": (0.2, 0.2),
        "image_review_wait": (0.1, 0.1),
        "image_review": (0.3, 0.3),
        "pickup": (3.0, 3.0),
        "clearance": (0.6, 0.6),  # scan 0.2 + image review 0.4 from arrival
        "overall_clearance": (3.6, 3.6),
    }
    for name, (mean, whole) in expect.items():
        assert got.loc[name, "n"] == n, name
        assert got.loc[name, "mean_h"] == pytest.approx(mean, rel=1e-9, abs=1e-12), name
        assert got.loc[name, "whole_mean_h"] == pytest.approx(whole, rel=1e-9, abs=1e-12), name


def test_the_table_is_the_partition_of_the_log_by_group():
    """Each row of every group is what the per-consignment log gives: its consignments,
    mean, hours per consignment, whole stretch and owners (the quantiles within the
    histogram's resolution); so the stretches to release add up to clearance per group."""
    s = sim.load_scenario(SMALL, EVERY_STEP)
    r = sim.simulate(s, 7, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released")].reset_index(drop=True)
    h = iv.of_log(log, s)
    table = r.intervals
    assert set(table.dimension) == {"all", "direction", "port_direction", "port_direction_class"}
    for dimension, group, keep in _groups(log):
        got = table[(table.dimension == dimension) & (table.group == group)].set_index("interval")
        assert got.consignments.iloc[0] == keep.sum() > 0
        for s_ in iv.STRETCHES:
            _check_row(got.loc[s_.name], s_, h, keep)
        adds = got[got.kind == iv.TO_RELEASE].per_consignment_h.sum()
        assert adds == pytest.approx(got.loc["clearance", "mean_h"], rel=1e-9)
    reached = table[table.dimension == "all"].set_index("interval").n > 0
    returns = {"returned_review", "correction", "second_review"}  # (no declaration returned)
    assert set(reached.index[~reached]) == {"escalation", "crossing"} | returns  # (no
    # organisation, and the port's exports leave on departures)


def _groups(log: pd.DataFrame):
    yield "all", "all", np.ones(len(log), bool)
    for d in ("import", "export"):
        yield "direction", d, (log.direction == d).to_numpy()
        yield "port_direction", f"sea/{d}", (log.direction == d).to_numpy()
    cls = (log.direction == "import") & (log.trader_class == "general")
    yield "port_direction_class", "sea/import/general", cls.to_numpy()


def _check_row(row: pd.Series, s_: iv.Stretch, h: iv.Hours, keep: np.ndarray) -> None:
    v = h.hours[s_.name][keep]
    v = v[~np.isnan(v) & ((v > 0) if s_.name in iv.POSITIVE_ONLY else True)]
    assert row["n"] == len(v), s_.name
    assert row["per_consignment_h"] == pytest.approx(v.sum() / keep.sum(), rel=1e-9, abs=1e-12)
    if not len(v):
        assert np.isnan(row["mean_h"]), s_.name
        return
    assert row["mean_h"] == pytest.approx(v.mean(), rel=1e-9, abs=1e-12), s_.name
    for col, q in (("median_h", 0.5), ("p90_h", 0.9)):
        exact = np.quantile(v, q, method="inverted_cdf")
        assert row[col] == pytest.approx(exact, rel=0.0101, abs=1e-4), (s_.name, col)
    if s_.name in iv.WHOLE:
        w = h.whole[s_.name][keep]
        assert row["whole_mean_h"] == pytest.approx(np.nanmean(w), rel=1e-9, abs=1e-12)
    if s_.owner in OWNERS and s_.kind != iv.PARALLEL:
        assert row[f"{s_.owner}_h"] == row["per_consignment_h"], s_.name
    if s_.name == "exam_yard":
        split = h.yard[keep].sum(axis=0) / keep.sum()
        got = [row[f"{o}_h"] for o in OWNERS]
        np.testing.assert_allclose(got, split, rtol=1e-9, atol=1e-12)


def test_the_totals_owners_are_the_owners_hours():
    """The overall clearance row's hours by owner are the owners table's, per direction: the
    stretches' owners add up to whose time it was."""
    r = sim.simulate(sim.load_scenario(REPO / "scenarios" / "default.toml", {"days": 2}), 1)
    owners = r.owners.set_index("owner")
    for d in ("import", "export"):
        row = rows(r, "direction", d).loc["overall_clearance"]
        for o in OWNERS:
            assert row[f"{o}_h"] == pytest.approx(owners.loc[o, f"mean_h_{d}"], rel=1e-9,
                                                  abs=1e-12), (d, o)  # fmt: skip


def test_an_import_released_before_its_discharge_waits_for_it_in_the_terminals_row():
    """Released before its box is off the vessel, an import waits for the discharge (the
    terminal's hours, as the owners book them), then is picked up: ``awaiting_discharge``
    (terminal) is that wait over those imports only, and ``pickup`` (trader) runs from the
    later of release and discharge, so the trader's row holds no wait for the cranes."""
    s = sim.load_scenario(SMALL, {"days": 4, "ports.sea.declaration.advance_share": 0.9})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released") & r.log.exited.notna()]
    got = rows(r)
    early = log[log.discharged > log.released]
    wait, pickup = got.loc["awaiting_discharge"], got.loc["pickup"]
    assert wait["owner"] == "terminal" and pickup["owner"] == "trader"
    assert wait["n"] == len(early) > 50
    assert wait["mean_h"] == pytest.approx((early.discharged - early.released).mean(), rel=1e-9)
    assert pickup["n"] == len(log)
    available = np.fmax(log.released, log.discharged)
    assert pickup["mean_h"] == pytest.approx((log.picked_up - available).mean(), rel=1e-9)
    assert pickup["mean_h"] < (log.exited - log.released).mean()


def test_vessel_discharge_is_over_the_imports_unloaded_from_a_call_only():
    """The discharge interval is the sea port's imports' (their boxes come off the vessel
    after arrival), not averaged over every import with the others' 0 h (the default's
    trucks, air shipments and parcels diluted it from 1.24 h to 0.34 h). It runs beside the
    flow: what of it holds the goods is in ``awaiting_goods`` and ``awaiting_discharge``."""
    s = sim.load_scenario(REPO / "scenarios" / "default.toml", {"days": 2})
    r = sim.simulate(s, 1, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released")]
    sea = log[(log.port == "sea_port") & (log.direction == "import")]
    row = rows(r).loc["vessel_discharge"]
    assert row["kind"] == iv.PARALLEL
    assert row["n"] == len(sea) > 100 and (sea.discharged > sea.arrived).all()
    assert row["mean_h"] == pytest.approx((sea.discharged - sea.arrived).mean(), rel=1e-9)
    others = log[(log.port != "sea_port") & (log.direction == "import")]
    assert len(others) > len(sea) and (others.discharged == others.arrived).all()


def test_overall_clearance_is_the_clearance_tables_by_group():
    """The totals are every consignment's: ``overall_clearance`` runs to the end of the flow
    (an import's exit, an export's loading), as the clearance table's, group by group."""
    r = sim.simulate(sim.load_scenario(SMALL, {"days": 2}), 1)
    c = r.clearance.set_index(["metric", "dimension", "group"])
    for dimension, group in (("all", "all"), ("direction", "import"),
                             ("direction", "export"), ("port_direction", "sea/export")):
        row = rows(r, dimension, group).loc["overall_clearance"]
        want = c.loc[("overall_clearance", dimension, group)]
        assert row["n"] == want["n"] > 0
        assert row["mean_h"] == pytest.approx(want["mean_h"], rel=1e-9)
        assert row["median_h"] == want["median_h"] and row["p90_h"] == want["p90_h"]
    loading = rows(r, "direction", "export").loc["loading"]
    assert loading["n"] == c.loc[("overall_clearance", "direction", "export")]["n"]


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
    row = rows(r).loc["treatment"]
    assert row["n"] == len(treated)
    assert row["mean_h"] == pytest.approx(treated.treatment_time.mean(), rel=1e-9)
    lab = rows(r).loc["laboratory"]
    assert row["mean_h"] < lab["mean_h"]  # (a 12-36 h treatment, a day or more of laboratory)
