"""Exports as their own flow: they arrive by truck, are declared, checked, released and then
loaded (before the next cut-off, or after a crossing delay); they never are discharged or
picked up; imports keep their draws whatever the export settings; clearance is reported by
direction."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from det_scenarios import fixed, port, scenario, unlimited

import sim
from sim.cli import main
from sim.model.consignment import REQUIREMENTS
from sim.model.streams import EXPORT_INDEX
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def small(over: dict, seed: int = 4) -> sim.RunResult:
    return sim.simulate(sim.load_scenario(SMALL, over), seed, log=True)


def test_export_milestones_exist_and_are_ordered():
    r = small({"days": 3, "ports.sea.release.gate": {"capacity": 4, "service": "4 min"}})
    log = r.log
    # only imports go out through the terminal's gate
    gate = r.resources.set_index("lane").loc["gate"]
    assert gate.jobs_total == log.exited.notna().sum()
    ex = log[log.direction == "export"]
    im = log[log.direction == "import"]
    assert len(ex) > 300 and len(im) > 300
    assert (ex["index"] >= EXPORT_INDEX).all() and (im["index"] < EXPORT_INDEX).all()
    done = ex[ex.outcome == "released"]
    assert len(done) > 300
    # an export comes by truck and is loaded: never discharged, never picked up or gated out
    assert ex.discharged.isna().all() and ex.exited.isna().all()
    assert (ex.pickup == 0).all() and (ex.gate_time == 0).all()
    # an import is never loaded
    assert im.loaded.isna().all()
    late = done[~done.advance]
    assert len(late) > 20
    assert (late.lodged >= late.arrived).all()
    assert (done[done.advance].lodged < done[done.advance].arrived).all()
    for a, b in [
        ("lodged", "accepted"),
        ("accepted", "assessed"),
        ("arrived", "released"),
        ("assessed", "released"),
        ("released", "loaded"),
    ]:
        assert (done[a] <= done[b] + 1e-9).all(), (a, b)
    assert done.loaded.notna().all()
    # every hour from arrival to loading is booked to an owner, once
    owned = done[[c for c in done.columns if c.startswith("own_")]].sum(axis=1)
    np.testing.assert_allclose(owned, done.loaded - done.arrived, rtol=1e-9, atol=1e-9)
    # overall clearance of exports runs to loading, of imports to exit
    c = r.clearance.set_index(["metric", "dimension", "group"])
    want = (done[done.cohort].loaded - done[done.cohort].arrived).mean()
    got = c.loc[("overall_clearance", "direction", "export"), "mean_h"]
    assert got == pytest.approx(want, rel=1e-9)


def export_port(loading: dict, **kw) -> dict:
    p = port(rate="1/h")  # imports; exports below
    p["exports"] = {"arrivals": {"rate": "3/h"}, "advance_share": 0.0, "loading": loading, **kw}
    return p


def test_loading_wait_is_the_time_to_the_next_cut_off():
    """Nothing to check, lodged on arrival: released on arrival, loaded at the first cut-off
    at or after release (departures Tue 10:00 and Fri 22:00, cut-off 12 h before)."""
    s = scenario(
        {"land": export_port({"departures": ["Tue 10:00", "Fri 22:00"], "cutoff": "12 h"})},
        days=14,
        drain_days=7,
    )
    log = sim.simulate(s, 3, log=True).log
    ex = log[log.direction == "export"]
    assert len(ex) > 500
    assert (ex.released == ex.arrived).all()
    cutoffs = np.array([24 + 10 - 12, 4 * 24 + 22 - 12], float)  # Mon 22:00, Fri 10:00
    every = np.concatenate([cutoffs + 168 * w for w in range(4)])
    expect = np.array([every[every >= t][0] for t in ex.released])
    np.testing.assert_allclose(ex.loaded - ex.released, expect - ex.released, atol=1e-9)
    assert (ex.own_carrier == ex.loaded - ex.released).all()  # the carrier's schedule
    assert (ex.own_terminal == 0).all()  # (not the terminal's)
    assert set(np.round(ex.loaded % 168, 9)) == set(cutoffs)


def test_a_crossing_loads_after_its_delay():
    s = scenario({"land": export_port({"delay": fixed(0.75)})}, days=3)
    r = sim.simulate(s, 3, log=True)
    ex = r.log.query("direction == 'export'")
    assert not [k for k in r.metrics() if k.startswith("exports_")]  # no departures to miss
    assert len(ex) > 100
    np.testing.assert_allclose(ex.loaded - ex.released, 0.75, rtol=1e-12)


def test_exports_declared_in_advance_are_released_on_arrival():
    p = export_port({"delay": fixed(0.0)}, advance_lead=fixed(30.0))
    p["exports"]["advance_share"] = 1.0
    p["document_check"] = unlimited(0.5)
    s = scenario({"land": p}, selection={"document": 1.0}, days=2)
    ex = sim.simulate(s, 3, log=True).log.query("direction == 'export'")
    assert len(ex) > 100
    np.testing.assert_allclose(ex.lodged, ex.arrived - 30.0)
    # the document check is done before the truck comes: release on arrival
    assert (ex.released == ex.arrived).all()


def test_export_lead_is_capped_at_three_days():
    """A lead's draws beyond the legal window are cut to it (GAC Order 243 art. 18): half of
    a uniform 1-5 d lead (median 3 d, as far as a lead may go: a lead mostly beyond the
    window is refused, see tests/test_advance_window.py) lodges exactly 3 d ahead."""
    lead = {"dist": "uniform", "low": "24 h", "high": "120 h"}
    p = export_port({"delay": fixed(0.0)}, advance_lead=lead)
    p["exports"]["advance_share"] = 1.0
    ex = sim.simulate(scenario({"land": p}), 3, log=True).log.query("direction == 'export'")
    ahead = (ex.arrived - ex.lodged).to_numpy()
    assert ahead.max() == pytest.approx(72.0) and ahead.min() >= 24.0 - 1e-9
    capped = np.isclose(ahead, 72.0).mean()  # (the draws above 3 d: half, within 4 sd)
    assert abs(capped - 0.5) < 4 * np.sqrt(0.25 / len(ahead)), (capped, len(ahead))


@pytest.mark.parametrize(
    "over",
    [
        {},
        {"selection.physical": {"*": {"*": 0.3}}, "ports.sea.exam.bays.capacity": 1},
        {"ports.sea.exports.loading": {"delay": {"dist": "exponential", "mean": "1 h"}}},
    ],
    ids=["small", "queues", "delay"],
)
def test_exports_in_bulk_equal_the_general_flow(over):
    s = sim.load_scenario(SMALL, {"days": 4, **over})
    fast = sim.simulate(s, 8, log=True, fast=True)
    slow = sim.simulate(s, 8, log=True, fast=False)
    assert fast.paths["bulk"] > 0
    assert (fast.log.direction == "export").sum() > 300
    pd.testing.assert_frame_equal(fast.log, slow.log)
    assert fast.counts == slow.counts


def test_exports_without_queues_stay_in_bulk():
    """A green export meets no queue (loading is arithmetic): it never becomes a flow."""
    quiet = {"days": 2, "declaration.review_share": {}, "selection": {}}
    r = sim.simulate(sim.load_scenario(SMALL, quiet), 2)
    assert r.paths["flow"] == 0 and r.paths["bulk"] > 0


def test_imports_keep_their_draws_whatever_the_exports():
    base = small({"days": 4}).log
    other = small(
        {
            "days": 4,
            "ports.sea.exports.arrivals.rate": "600/d",
            "ports.sea.exports.advance_share": 0.1,
            "ports.sea.exports.loading": {"delay": "1 h"},
        }
    ).log
    key = ["port", "index"]
    bi = base[base.direction == "import"].set_index(key)
    oi = other[other.direction == "import"].set_index(key)
    assert len(bi) > 1000 and bi.index.equals(oi.index)
    cols = [c for c in REQUIREMENTS if not c.startswith("sel_")] + ["arrived"]
    pd.testing.assert_frame_equal(bi[cols], oi[cols])
    # the exports did change
    n_base, n_other = (base.direction == "export").sum(), (other.direction == "export").sum()
    assert n_other > 2 * n_base


def test_clearance_by_direction_and_port_in_the_json_summary(capsys, tmp_path):
    code = main(
        ["run", str(SMALL), "--days", "2", "--reps", "2", "--out", str(tmp_path / "r")]
        + ["--set", "warmup_days=1", "--json"]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    for d in ("import", "export"):
        for name in (
            f"clearance_h_mean_{d}",
            f"clearance_h_median_{d}",
            f"clearance_h_p90_{d}",
            f"overall_clearance_h_mean_{d}",
            f"overall_clearance_h_median_{d}",
            f"overall_clearance_h_p90_{d}",
            f"overall_clearance_h_mean_port_sea_{d}",
            f"clearance_h_mean_port_sea_{d}",
        ):
            assert name in summary, name
            assert summary[name]["mean"] is not None and summary[name]["mean"] >= 0, name
    assert "clearance_h_mean" in summary and "overall_clearance_h_mean" in summary


def test_metrics_by_direction_match_the_log():
    r = small({"days": 3})
    m = r.metrics()
    cohort = r.log[r.log.cohort]
    log = cohort[cohort.outcome == "released"]  # out of the flow by the end
    # released by customs by the end (some of them not yet out): the clearance figures
    released = cohort[(cohort.outcome == "released") | (cohort.outcome == "censored")]
    released = released[released.released.notna()]
    for d, end in (("import", "exited"), ("export", "loaded")):
        part, cleared = log[log.direction == d], released[released.direction == d]
        assert m[f"clearance_h_mean_{d}"] == pytest.approx(
            (cleared.released - cleared.arrived).mean()
        )
        overall = (part[end] - part.arrived).mean()
        assert m[f"overall_clearance_h_mean_{d}"] == pytest.approx(overall)
        assert m[f"overall_clearance_h_mean_port_sea_{d}"] == pytest.approx(overall)


@pytest.mark.parametrize(
    "over,words",
    [
        ({"ports.sea.direction": {"import": 1.0}}, ["ports.sea", "replaced by an [exports]"]),
        (
            {"ports.sea.exports.loading": {"departures": ["18:00"], "delay": "1 h"}},
            ["ports.sea.exports.loading", "exactly one"],
        ),
        ({"ports.sea.exports.loading": {}}, ["exactly one"]),
        (
            {"ports.sea.exports.loading": {"departures": ["Someday 18:00"]}},
            ["'Mon 18:00'", "Someday"],
        ),
        ({"ports.sea.exports.loading.cutoff": "8 d"}, ["under a week"]),
        (
            {"ports.sea.exports.arrivals.batch": {"size": 10, "discharge_rate": "10/h"}},
            ["exports arrive by truck"],
        ),
    ],
    ids=["direction", "both", "neither", "weekday", "cutoff", "batch"],
)
def test_bad_export_sections_are_refused_clearly(over, words):
    with pytest.raises(ScenarioError) as err:
        sim.load_scenario(SMALL, over)
    text = err.value.format()
    for w in words:
        assert w in text, text


def test_missed_cut_offs_match_the_log():
    """Of the cohort's exports loaded at a port with departures, the share loaded after the
    first cut-off at or after their arrival and the mean number of cut-offs they missed:
    recomputed from the log by listing every cut-off of the run."""
    r = small({"days": 5})
    m = r.metrics()
    cohort = r.log[r.log.cohort & (r.log.outcome == "released")]
    ex = cohort[cohort.direction == "export"]
    spec = sim.load_scenario(SMALL).ports["sea"].exports
    assert spec is not None
    week = np.array(spec.loading.cutoffs(), float)
    every = np.concatenate([week + 168 * w for w in range(-1, 8)])
    first = np.searchsorted(every, ex.arrived.to_numpy() - 1e-9)
    at = np.searchsorted(every, ex.loaded.to_numpy() - 1e-9)
    assert np.allclose(every[at], ex.loaded, atol=1e-6)  # loaded at a cut-off
    missed = at - first
    assert len(ex) > 300 and 0 < (missed > 0).mean() < 1 and missed.max() >= 1
    assert m["exports_missed_cutoff_share_sea"] == pytest.approx((missed > 0).mean(), rel=1e-12)
    assert m["exports_cutoffs_missed_mean_sea"] == pytest.approx(missed.mean(), rel=1e-12)
    boxes = ex.containers.to_numpy(float)  # (a terminal counts boxes: each with its own)
    assert m["exports_missed_cutoff_containers_share_sea"] == pytest.approx(
        boxes[missed > 0].sum() / boxes.sum(), rel=1e-12)
