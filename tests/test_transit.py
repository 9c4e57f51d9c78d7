"""Transit goods (转关, ``[ports.<name>.transit]``, sim/model/steps/transit.py): imports that
land at an entry port, are sealed there and travel to this office, where they are cleared.
The leg adds its hours to exactly their clearance time; without the section the run is the
run without transit; clearance integration takes the leg out for the goods it covers."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
FORMALITIES = 2.0  # hours: fixed, so that each transit consignment's is known
SHARE = 0.3
TRANSIT = {
    "share": {"*": SHARE},
    "formalities": f"{FORMALITIES:g} h",
    "travel": {"dist": "lognormal", "mean": "20 h", "cv": 0.5},
}


@functools.cache
def _run(transit: str | None, fast: bool = True) -> sim.RunResult:
    """Two days of the small port, one replication (seed 3), with ``transit`` (a
    ``[ports.sea.transit]`` table as JSON) or without the section (shared among the tests)."""
    changes: dict[str, object] = {"days": 2}
    if transit is not None:
        changes["ports.sea.transit"] = json.loads(transit)
    return sim.simulate(sim.load_scenario(SMALL, changes), 3, log=True, fast=fast)


def _items(**over: object) -> str:
    return json.dumps({**TRANSIT, **over}, sort_keys=True)


def _unqueued(log: pd.DataFrame) -> np.ndarray:
    """Consignments out of the flow that met no lane: neither reviewed nor checked (their
    clearance depends on no other consignment's times)."""
    out = (log.outcome == "released") & (log.channel == "green") & ~log.review
    return np.asarray(out & log.released.notna())


def test_the_leg_adds_its_hours_to_exactly_the_transit_goods_clearance():
    base, moved = _run(None).log, _run(_items()).log
    pd.testing.assert_index_equal(base.index, moved.index)
    transit = moved.transit.to_numpy()
    both = _unqueued(base) & _unqueued(moved)
    leg = (moved.transit_formalities + moved.transit_travel).to_numpy()
    grew = (moved.released - moved.arrived - (base.released - base.arrived)).to_numpy()
    assert (both & transit).sum() > 50 and (both & ~transit).sum() > 50
    np.testing.assert_allclose(grew[both & transit], leg[both & transit], rtol=1e-9, atol=1e-9)
    assert (grew[both & ~transit] == 0).all()  # (common random numbers: bit for bit)
    # the leg's milestones: sealed after the formalities, here after the journey
    on = moved[transit & moved.transit_arrived.notna().to_numpy()]
    np.testing.assert_allclose(on.transit_sealed - on.arrived, FORMALITIES, rtol=1e-12)
    np.testing.assert_allclose(on.transit_arrived - on.transit_sealed, on.transit_travel)
    assert moved.loc[~transit, ["transit_sealed", "transit_arrived"]].isna().all().all()
    assert not moved.loc[moved.direction == "export", "transit"].any()  # (imports only)


def test_the_share_in_transit_holds_within_a_binomial_interval():
    log = _run(_items()).log
    imports = log[log.direction == "import"]
    n, k = len(imports), int(imports.transit.sum())
    half = 4 * np.sqrt(SHARE * (1 - SHARE) / n)  # (4 standard errors)
    assert n > 300 and abs(k / n - SHARE) < half


def test_a_trader_class_not_listed_never_travels_in_transit():
    log = _run(_items(share={"general": 0.5})).log
    assert log.loc[log.trader_class != "general", "transit"].sum() == 0
    assert log.loc[log.trader_class == "general", "transit"].mean() > 0.3


def test_without_transit_the_run_is_as_before():
    log = _run(_items(share={"*": 0.0})).log
    assert not log.transit.any() and log.transit_arrived.isna().all()
    cols = [c for c in log.columns if not c.startswith("transit")]
    pd.testing.assert_frame_equal(log[cols], _run(None).log[cols])


def test_transit_in_bulk_equals_the_general_flow():
    fast, slow = _run(_items()), _run(_items(), fast=False)
    assert fast.log.transit.sum() > 50
    pd.testing.assert_frame_equal(fast.log, slow.log)


def test_the_metrics_are_those_of_the_log():
    run = _run(_items())
    m, log = run.metrics(), run.log
    out = log[log.cohort & (log.outcome == "released") & (log.direction == "import")]
    moved = out[out.transit]
    assert len(moved) > 50
    imports = log[log.cohort & (log.direction == "import")]  # (finished or not)
    assert m["transit_share"] == pytest.approx(imports.transit.mean(), rel=1e-12)
    left = imports.transit & (imports.outcome == "censored")
    assert m["transit_unfinished"] == left.sum()
    leg = moved.transit_arrived - moved.arrived
    assert m["transit_h_mean"] == pytest.approx(leg.mean(), rel=1e-9)
    clearance = (out.released - out.arrived).mean()
    assert m["transit_clearance_share"] == pytest.approx(leg.sum() / len(out) / clearance)
    none = _run(None).metrics()
    assert none["transit_share"] == 0 and np.isnan(none["transit_h_mean"])


def test_clearance_integration_takes_the_leg_out_for_the_goods_it_covers():
    """The reform raises the share integrated; the same draws decide, so the goods still in
    transit are among the baseline's, and those it covers clear as if direct."""
    from sim.reforms.compose import apply

    base = sim.load_scenario(SMALL, {"days": 2, "ports.sea.transit": TRANSIT})
    reformed = apply(base, "clearance_integration:share=0.5")
    assert reformed.ports["sea"].transit is not None
    assert reformed.ports["sea"].transit.integrated == 0.5
    after = sim.simulate(reformed, 3, log=True).log
    before, direct = _run(_items()).log, _run(None).log
    was, now = before.transit.to_numpy(), after.transit.to_numpy()
    assert 0 < now.sum() < was.sum() and not (now & ~was).any()
    covered = was & ~now & _unqueued(after) & _unqueued(direct)
    assert covered.sum() > 20
    pd.testing.assert_series_equal(after.released[covered], direct.released[covered])


def test_the_glossary_says_what_a_run_without_transit_gives():
    """Each meaning says 0 without transit only where the run gives 0 (a transit
    consignment's hours are NaN: none came), in Chinese too."""
    from sim.experiment.metric_glossary_transit import TRANSIT as ENTRIES
    from sim.report.zh_meanings import meaning

    m = _run(None).metrics()
    for entry in ENTRIES:
        zh = meaning(entry.stem, entry.meaning)
        assert zh is not None, entry.stem
        zero = m[entry.stem] == 0
        assert ("0 when no import comes in transit" in entry.meaning) == zero, entry.stem
        assert ("NaN" in entry.meaning) == (not zero), entry.stem
        assert ("时为 0" in zh) == zero and ("为 NaN" in zh) == (not zero), entry.stem


def test_a_log_from_before_transit_is_partitioned_as_before():
    """A stored log without the transit milestones (an older version's) reads as one whose
    goods never travelled in transit."""
    from sim.model import intervals as iv

    run = _run(None)
    log = run.log[run.log.cohort & (run.log.outcome == "released")].reset_index(drop=True)
    scenario = sim.load_scenario(SMALL, {"days": 2})
    old = log.drop(columns=["transit_sealed", "transit_arrived"])
    want, got = iv.of_log(log, scenario).hours, iv.of_log(old, scenario).hours
    for name in iv.NAMES:
        np.testing.assert_array_equal(got[name], want[name], err_msg=name)


def test_the_clearance_of_transit_and_direct_imports_is_that_of_the_log():
    """Imports in transit and those cleared directly, apart: each group's count, mean and
    p90 of clearance (a transit consignment's from the entry port) and of overall clearance
    are its goods' in the log; the two make up the imports' figure. A run without transit
    has no such group, and so neither rows nor metrics of them."""
    run = _run(_items())
    m, log = run.metrics(), run.log
    imports = log[log.cohort & (log.direction == "import")]
    cleared = imports[imports.outcome.isin(["released", "censored"]) & imports.released.notna()]
    moved = cleared.transit.to_numpy()
    for kind, goods in (("transit", cleared[moved]), ("direct", cleared[~moved])):
        hours = (goods.released - goods.arrived).to_numpy()
        assert len(hours) > 50 and m[f"clearance_n_{kind}_import"] == len(hours)
        assert m[f"clearance_h_mean_{kind}_import"] == pytest.approx(hours.mean(), rel=1e-9)
        p90 = m[f"clearance_h_p90_{kind}_import"]
        assert p90 == pytest.approx(np.quantile(hours, 0.9), rel=0.02)
        out = goods[goods.outcome == "released"]
        overall = (out.exited - out.arrived).to_numpy()
        assert m[f"overall_clearance_h_mean_{kind}_import"] == pytest.approx(overall.mean())
    parts = [(m[f"clearance_n_{k}_import"], m[f"clearance_h_mean_{k}_import"])
             for k in ("transit", "direct")]
    pooled = sum(n * h for n, h in parts) / sum(n for n, _ in parts)
    assert m["clearance_h_mean_import"] == pytest.approx(pooled, rel=1e-9)
    rows = run.clearance[run.clearance.dimension == "transit_direction"]
    assert set(rows.group) == {"transit/import", "direct/import", "direct/export"}
    assert set(rows.direction) == {"import", "export"}  # (the group taken apart)
    none = _run(None)
    assert not (none.clearance.dimension == "transit_direction").any()
    assert not [k for k in none.metrics() if k.endswith(("_transit_import", "_direct_import"))]


def test_the_goods_integration_covers_are_a_group_of_their_own():
    """Under clearance integration the goods it took out of transit (the baseline's transit
    goods the option no longer has in transit: the same draws) are the group
    ``integrated/import``: its count, mean and p90 are theirs in the log; the three groups
    add up to the imports released; the direct group's goods are the baseline's."""
    run, before = _run(_items(integrated=0.5)), _run(_items()).log
    m, log = run.metrics(), run.log
    assert (log.integrated == (before.transit & ~log.transit)).all()
    assert not (log.integrated & log.transit).any() and log.integrated.sum() > 50
    imports = log[log.cohort & (log.direction == "import")]
    cleared = imports[imports.outcome.isin(["released", "censored"]) & imports.released.notna()]
    goods = cleared[cleared.integrated]
    hours = (goods.released - goods.arrived).to_numpy()
    assert m["clearance_n_integrated_import"] == len(hours) > 50
    assert m["clearance_h_mean_integrated_import"] == pytest.approx(hours.mean(), rel=1e-9)
    p90 = m["clearance_h_p90_integrated_import"]
    assert p90 == pytest.approx(np.quantile(hours, 0.9), rel=0.02)
    out = goods[goods.outcome == "released"]
    overall = m["overall_clearance_h_mean_integrated_import"]
    assert overall == pytest.approx((out.exited - out.arrived).mean(), rel=1e-9)
    kinds = ("transit", "direct", "integrated")
    n = [m[f"clearance_n_{k}_import"] for k in kinds]
    imported = run.clearance[(run.clearance.dimension == "direction")
                             & (run.clearance.group == "import")
                             & (run.clearance.metric == "clearance")]
    assert sum(n) == len(cleared) == int(imported.n.iloc[0])
    assert m["clearance_n_direct_import"] == _run(_items()).metrics()["clearance_n_direct_import"]
    rows = run.clearance[run.clearance.dimension == "transit_direction"]
    assert set(rows.group) == {"transit/import", "direct/import", "integrated/import",
                               "direct/export"}


def test_without_integration_there_is_no_integrated_group():
    """Integration 0 (the default): no consignment is integrated, the clearance table has no
    such group, its count is 0 and its times NaN."""
    run = _run(_items())
    m = run.metrics()
    assert not run.log.integrated.any()
    assert not run.clearance.group.str.startswith("integrated/").any()
    assert m["clearance_n_integrated_import"] == 0
    assert np.isnan(m["clearance_h_mean_integrated_import"])
    assert np.isnan(m["overall_clearance_h_p90_integrated_import"])


@pytest.mark.parametrize("integrated", [0.0, 0.4, 1.0])
def test_an_import_is_integrated_iff_its_uniform_falls_in_the_band(integrated: float):
    """The transit draw's uniform ``u`` (the low part of its column) against the class's
    share: in transit under ``share x (1 - integrated)``, integrated from there to
    ``share``, direct above; exports never either."""
    from sim.model.draws import DRAWS
    from sim.model.registry import SPLIT, Context
    from sim.scenario.schema import TRADER_CLASSES

    share = {"general": 0.6, "*": 0.2}
    scenario = sim.load_scenario(SMALL, {"ports.sea.transit": {**TRANSIT, "share": share,
                                                               "integrated": integrated}})
    u = np.random.default_rng(5).random((20_000, DRAWS.width))
    for export in (False, True):
        x = Context(scenario, scenario.ports["sea"], list(scenario.commodities),
                    np.zeros(len(u)), export=export)
        table = DRAWS.table(x, u)
        got = table[:, DRAWS.index("integrated")] > 0
        if export:
            assert not got.any()
            continue
        low = u[:, DRAWS.column("transit")] * SPLIT % 1
        cls = table[:, DRAWS.index("trader_class")].astype(int)
        p = np.array([share.get(k, share["*"]) for k in TRADER_CLASSES])[cls]
        band = (low >= p * (1 - integrated)) & (low < p)
        np.testing.assert_array_equal(got, band)
        assert got.any() == (integrated > 0)
        assert not (got & (table[:, DRAWS.index("transit")] > 0)).any()
