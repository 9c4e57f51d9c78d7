"""The clearance flow step by step: each rule of DESIGN.md section 2, on the log."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
QUIET = {"declaration.review_share": {}, "selection": {}}  # nothing checked, nothing reviewed


def run(over: dict, seed: int = 3):
    return sim.simulate(sim.load_scenario(SMALL, over), seed, log=True)


def test_advance_declaration_releases_on_arrival():
    r = run({**QUIET, "ports.sea.declaration.advance_share": 1.0})
    log = r.log[r.log.outcome == "released"]
    assert (log.lodged < log.arrived).all()
    assert (log.released == log.arrived).all()  # "declare in advance, release on arrival"
    # the goods still leave only after discharge and the trader's pick-up
    np.testing.assert_allclose(log.exited, log.discharged + log.pickup, rtol=1e-12)
    c = r.clearance
    assert c[(c.metric == "clearance") & (c.dimension == "all")].mean_h.iloc[0] == 0.0


def test_lodging_after_arrival_is_the_traders_time():
    r = run({**QUIET, "ports.sea.declaration.advance_share": 0.0})
    log = r.log[r.log.outcome == "released"]
    np.testing.assert_allclose(log.lodged, log.arrived + log.lodging_delay, rtol=1e-12)
    assert (log.own_trader >= log.lodged - log.arrived - 1e-9).all()
    o = r.owners.set_index("owner")
    assert o.share.sum() == pytest.approx(1.0)
    overall = r.clearance[
        (r.clearance.metric == "overall_clearance") & (r.clearance.dimension == "all")
    ].mean_h.iloc[0]
    assert o.mean_h.sum() == pytest.approx(overall, rel=1e-9)


def test_whose_time_it_is_is_told_for_imports_and_exports_apart():
    """Pooled, the trader owned 58 % of the time; by direction, 92 % of an import's and 4 %
    of an export's (whose time is mostly the wait for a departure, the terminal's): the
    owners table and the metrics give each direction's shares and hours, as the log has
    them (the cohort's consignments out of the flow)."""
    r = run({}, seed=1)
    log = r.log[r.log.cohort & (r.log.outcome == "released")]
    owners = r.owners.set_index("owner")
    m = r.metrics()
    for d in ("import", "export"):
        mine = log[log.direction == d]
        hours = mine[[f"own_{o}" for o in owners.index]].sum().to_numpy()
        assert len(mine) > 100
        np.testing.assert_allclose(owners[f"share_{d}"], hours / hours.sum(), rtol=1e-9)
        np.testing.assert_allclose(owners[f"mean_h_{d}"], hours / len(mine), rtol=1e-9)
        for o in owners.index:
            assert m[f"owner_share_{o}_{d}"] == owners.loc[o, f"share_{d}"]
    assert owners.loc["trader", "share_import"] > 0.5 > owners.loc["trader", "share_export"]


def test_sea_containers_discharged_by_cranes():
    r = run(QUIET)
    log = r.log[r.log.direction == "import"]  # exports come by truck: nothing discharged
    assert (log.discharged >= log.arrived).all()
    # one call of n declarations takes (their containers) / (100 per hour) to discharge
    for _, call in log.groupby("arrived"):
        span = call.containers.sum() / 100.0
        assert (call.discharged - call.arrived <= span + 1e-9).all()


def test_separate_declarations_wait_for_the_quarantine_form():
    r = run(
        {
            "declaration.mode": "separate",
            "declaration.second_submission": {"dist": "exponential", "mean": "6 h"},
            "ports.sea.quarantine.clearance_form": "2 h",
        }
    )
    log = r.log[r.log.outcome == "released"]
    np.testing.assert_allclose(log.lodged_quarantine, log.lodged + log.second_submission)
    assert (log.released >= log.quarantine_cleared - 1e-9).all()
    assert (log.quarantine_cleared >= log.lodged_quarantine + 2.0 - 1e-9).all()
    q = log[log.quarantine_start.notna()]
    assert len(q) > 20 and (q.quarantine_start >= q.lodged_quarantine - 1e-9).all()


def test_lab_runs_batches_at_cut_offs_with_fixed_incubation():
    r = run({"selection.quarantine": {"*": {"*": 0.5}}, "ports.sea.quarantine.sample_share": 1.0})
    lab = r.log[r.log.lab_end.notna()]
    assert len(lab) > 100
    start = lab.lab_end - 24.0  # incubation is a fixed 24 h
    hour = np.round(start % 24, 9)
    assert set(hour.unique()) <= {10.0, 16.0}  # batches start only at the cut-offs
    assert (start >= lab.lab_start - 1e-9).all()
    # no batch holds more than batch_size (20) samples
    assert lab.groupby("lab_end").size().max() <= 20


def test_physical_exams_start_in_daytime_slots_after_the_booking_lead():
    big = {"capacity": 1000}  # no queue: every exam starts at its slot
    r = run(
        {
            "selection.physical": {"*": {"*": 0.3}},
            "ports.sea.exam.bays": big,
            "ports.sea.exam.teams": big,
            "ports.sea.exam.movers": big,
            "ports.sea.quarantine.officers": big,
        }
    )
    ex = r.log[r.log.exam_start.notna()]
    assert len(ex) > 100
    moved_in = ex.exam_start - ex.move  # the box is brought to the bay at the appointment
    hour = np.round(moved_in % 24, 9)
    assert ((hour >= 8) & (hour < 17)).all()
    assert np.allclose(hour, np.round(hour))  # slots every hour on the hour
    ready = ex[["assessed", "discharged", "image_end", "doc_end"]].max(axis=1)
    assert (moved_in >= ready + 2.0 - 1e-9).all()  # booking lead 2 h


def test_joint_inspection_is_one_move_separate_is_two():
    both = {"selection.physical": {"*": {"*": 0.5}}, "selection.quarantine": {"*": {"*": 0.5}}}
    joint = run(both).log
    j = joint[joint.exam_start.notna() & joint.quarantine_start.notna()]
    assert len(j) > 50 and (j.exam_start == j.quarantine_start).all()
    sep = run({**both, "inspection.mode": "separate"}).log
    s = sep[sep.exam_start.notna() & sep.quarantine_start.notna()]
    assert len(s) > 15 and (s.quarantine_end <= s.exam_start + 1e-9).all()  # (a busy yard)


def test_joint_exam_takes_the_longer_time_with_both_kinds_or_a_pool():
    """Two officers work side by side (a customs team and a quarantine officer, or two of a
    cross-trained pool); while learning, the pool's times are slowed by its factor."""
    both = {"selection.physical": {"*": {"*": 0.5}}, "selection.quarantine": {"*": {"*": 0.5}}}
    for staffing, slowdown in (("both", 1.0), ("cross_trained", 1.0), ("cross_trained", 1.25)):
        over = {"inspection.joint_staffing": staffing}
        if staffing == "cross_trained":
            over["inspection.cross_training_slowdown"] = slowdown
        log = run({**both, **over}).log
        j = log[log.exam_start.notna() & log.quarantine_start.notna()]
        assert len(j) > 20
        np.testing.assert_allclose(
            j.exam_end - j.exam_start,
            slowdown * np.maximum(j.exam_time, j.quarantine_time),
            rtol=1e-9,
        )


def test_seized_goods_leave_the_clearance_statistics():
    r = run(
        {
            "selection.physical": {"frozen": {"*": 1.0}},
            "enforcement.prevalence": {"frozen": 1.0},
        }
    )
    log = r.log[r.log.cohort]
    frozen = log[(log.commodity == "frozen") & log.exam_start.notna()]
    assert (frozen.outcome.isin(["seized", "censored"])).all()
    assert r.counts["seized"] == int((log.outcome == "seized").sum()) > 10
    c = r.clearance
    n = c[(c.metric == "clearance") & (c.dimension == "all")].n.iloc[0]
    assert n == r.counts["released"]
    assert "frozen" not in set(c[(c.dimension == "commodity") & (c.n > 0)].group) or c[
        (c.dimension == "commodity") & (c.group == "frozen")
    ].n.iloc[0] == int(((log.commodity == "frozen") & (log.outcome == "released")).sum())


def test_censored_consignments_are_counted_not_dropped():
    r = run({"drain_days": 0, "ports.sea.release.pickup": "30 h"})
    n = r.counts
    assert n["censored"] > 100
    assert n["arrived"] == n["released"] + n["seized"] + n["rejected"] + n["censored"]
    cens = r.log[r.log.cohort & (r.log.outcome == "censored")]
    stop = (7 + 7) * 24 + 0  # warm-up + days, no drain
    assert (cens.exited.isna() | (cens.exited > stop)).all()


def test_cohort_is_the_arrivals_between_warm_up_and_end():
    s = sim.load_scenario(SMALL)
    r = sim.simulate(s, 4, log=True)
    log = r.log
    warm, stop = s.warmup_days * 24, (s.warmup_days + s.days) * 24
    expect = (log.arrived >= warm) & (log.arrived < stop)
    assert (log.cohort == expect).all()
    assert log.arrived.max() < stop  # arrivals stop at the end
    assert r.counts["arrived"] == int(expect.sum())


def test_log_is_parquet_ready(tmp_path):
    r = run({})
    path = tmp_path / "log.parquet"
    r.log.to_parquet(path)
    import pandas as pd

    back = pd.read_parquet(path)
    assert back.shape == r.log.shape and list(back.columns) == list(r.log.columns)


def test_weekly_schedule_closes_a_lane_on_sundays():
    week = [2] * (24 * 6) + [0] * 24  # 168 hours from Monday 00:00; nobody on Sundays
    r = run(
        {
            "selection.document": {"*": {"*": 0.5}},
            "ports.sea.document_check": {
                "schedule": week,
                "service": {"dist": "exponential", "mean": "20 min"},
            },
        }
    )
    doc = r.log[r.log.doc_start.notna()]
    assert len(doc) > 500
    assert ((doc.doc_start // 24) % 7 != 6).all()  # no check starts on a Sunday
    monday = doc[(doc.doc_start // 24) % 7 == 0]
    assert (np.round(monday.doc_start % 24, 9) == 0).any()  # Sunday's queue starts at 00:00
