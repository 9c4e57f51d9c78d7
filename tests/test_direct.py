"""Ship-side pick-up and direct loading: a signed-up trader whose goods were not inspected
picks up in the port's direct time, or needs only its direct lead before a departure; every
other consignment goes exactly as in the baseline (the flag reads the low part of a uniform
whose leading part nothing else changes)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim import load_scenario, simulate
from sim.model.steps.loading import WEEK
from sim.reforms import REFORMS
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DIRECT = {"share": 0.3, "time": "30 min"}
CHECKED = ["sel_scan", "sel_physical", "sel_quarantine"]


def _log(overrides: dict | None = None, seed: int = 3, fast: bool = True) -> pd.DataFrame:
    scenario = load_scenario(SMALL, {"days": 14, **(overrides or {})})
    return simulate(scenario, seed, log=True, fast=fast).log.set_index(["port", "index"])


@pytest.fixture(scope="module")
def base() -> pd.DataFrame:
    return _log()


@pytest.fixture(scope="module")
def pickup() -> pd.DataFrame:
    return _log({"ports.sea.release.direct": DIRECT})


def _direct_users(log: pd.DataFrame, flag: str, direction: str) -> pd.Series:
    done = log["outcome"] == "released"
    uninspected = ~log[CHECKED].astype(bool).any(axis=1)
    return done & (log["direction"] == direction) & log[flag].astype(bool) & uninspected


def test_signed_up_uninspected_imports_pick_up_in_the_direct_time(base, pickup):
    users = _direct_users(pickup, "direct_pickup", "import")
    imports = (pickup["direction"] == "import") & (pickup["outcome"] == "released")
    share = pickup.loc[imports, "direct_pickup"].astype(bool).mean()
    n = int(imports.sum())
    assert abs(share - 0.3) < 4 * (0.3 * 0.7 / n) ** 0.5  # the share signed up
    assert users.sum() > 50
    ready = np.maximum(pickup["released"], pickup["goods_ready"])
    np.testing.assert_allclose((pickup["exited"] - ready)[users], 0.5, atol=1e-9)
    assert ((base["exited"] - ready)[users] > 0.5).mean() > 0.9  # (they took ~24 h before)
    # everyone else, and every release, exactly as in the baseline
    same = ~users & imports
    pd.testing.assert_series_equal(pickup.loc[same, "exited"], base.loc[same, "exited"])
    pd.testing.assert_series_equal(pickup["released"], base["released"])
    # an inspected trader who signed up picks up the usual way
    inspected = imports & pickup["direct_pickup"].astype(bool) & ~users
    assert inspected.sum() > 0
    pd.testing.assert_series_equal(pickup.loc[inspected, "exited"], base.loc[inspected, "exited"])


def test_the_flag_leaves_every_draw_as_it_was(base, pickup):
    """The flag is one more column; every other draw, decision and milestone is the
    baseline's but the pick-up and exit (and the trader's hours they end) of the direct
    users."""
    differing = [c for c in base.columns if not base[c].equals(pickup[c])]
    assert differing == ["direct_pickup", "picked_up", "exited", "own_trader"], differing
    assert not base["direct_pickup"].astype(bool).any()


def test_direct_loading_makes_the_departure_with_the_direct_lead():
    loading = _log({"ports.sea.exports.loading.direct": {"share": 0.5, "time": "1 h"}})
    users = _direct_users(loading, "direct_loading", "export")
    assert users.sum() > 20
    released, loaded = loading.loc[users, "released"], loading.loc[users, "loaded"]
    departures = np.array([24 + 18.0, 4 * 24 + 6.0])  # Tue 18:00, Fri 06:00
    lead = (loaded.to_numpy() + 1.0) % WEEK  # loaded 1 h before a departure, ...
    assert np.isin(np.round(lead, 9), departures).all()
    after = released.to_numpy()  # ... the first whose direct cut-off is not before release
    nxt = np.array([min(c for c in _cutoffs(departures - 1.0, t)) for t in after])
    np.testing.assert_allclose(loaded.to_numpy(), nxt)
    others = (loading["direction"] == "export") & ~users & (loading["outcome"] == "released")
    cut = np.array([min(_cutoffs(departures - 12.0, t)) for t in loading.loc[others, "released"]])
    np.testing.assert_allclose(loading.loc[others, "loaded"].to_numpy(), cut)


def test_direct_loading_leaves_sooner_and_its_later_cut_off_is_no_miss(base):
    """A direct user's box is loaded at its own later cut-off, so its time to loading can
    grow while it leaves on an earlier vessel: ``departed`` (loaded + its cut-off's lead)
    and the export time to departure show the gain; a box that makes the first departure its
    own cut-off allows missed nothing. Both metrics recomputed from the log."""
    direct = _log({"ports.sea.exports.loading.direct": {"share": 0.5, "time": "1 h"}})
    users = _direct_users(direct, "direct_loading", "export")
    departures = np.array([24 + 18.0, 4 * 24 + 6.0])  # Tue 18:00, Fri 06:00
    for log, lead in ((base, np.full(len(base), 12.0)), (direct, np.where(users, 1.0, 12.0))):
        ex = (log["direction"] == "export") & (log["outcome"] == "released")
        left = log.loc[ex, "departed"].to_numpy()
        np.testing.assert_allclose(left, log.loc[ex, "loaded"].to_numpy() + lead[ex.to_numpy()])
        assert np.isin(np.round(left % WEEK, 9), departures).all()
        assert log.loc[log["direction"] == "import", "departed"].isna().all()
    sooner = direct.loc[users, "departed"] - base.loc[users, "departed"]
    later = direct.loc[users, "loaded"] - base.loc[users, "loaded"]
    assert (sooner <= 1e-9).all() and (sooner < -1).sum() > 5  # a vessel earlier, some
    assert (later > 0).sum() > 5  # (while loading, at the later cut-off, reads later)
    r = simulate(load_scenario(SMALL, {"days": 14, "ports.sea.exports.loading.direct": {
        "share": 0.5, "time": "1 h"}}), 3, log=True)  # fmt: skip
    log, m = r.log, r.metrics()
    ex = log[log.cohort & (log.outcome == "released") & (log.direction == "export")]
    assert m["departure_h_mean_port_sea_export"] == pytest.approx(
        (ex.departed - ex.arrived).mean(), rel=1e-12
    )
    every = np.concatenate([departures + WEEK * w for w in range(-1, 5)])
    lead = (ex.departed - ex.loaded).to_numpy()
    first = np.searchsorted(every, ex.arrived.to_numpy() + lead - 1e-9)
    missed = np.searchsorted(every, ex.departed.to_numpy() - 1e-9) - first
    assert m["exports_missed_cutoff_share_sea"] == pytest.approx((missed > 0).mean(), rel=1e-12)
    assert m["exports_cutoffs_missed_mean_sea"] == pytest.approx(missed.mean(), rel=1e-12)
    # direct users who arrived after the ordinary cut-off of the vessel they left on: they
    # made the first departure they could, and missed none
    late = (lead == 1.0) & (ex.arrived.to_numpy() > ex.departed.to_numpy() - 12.0)
    assert late.sum() > 0 and (missed[late] == 0).all()


def _cutoffs(cutoffs: np.ndarray, t: float) -> list[float]:
    base = np.floor(t / WEEK) * WEEK
    times = [base + w * WEEK + c for w in (-1, 0, 1) for c in cutoffs]
    return [x for x in times if x >= t]


def test_bulk_and_flows_agree_with_direct_users():
    over = {
        "ports.sea.release.direct": DIRECT,
        "ports.sea.exports.loading.direct": {"share": 0.4, "time": "2 h"},
    }
    pd.testing.assert_frame_equal(_log(over, fast=True), _log(over, fast=False))


def test_the_reform_sets_the_direct_sections_at_sea_ports():
    scenario = load_scenario(SMALL)
    after = REFORMS["direct_pickup"].apply(scenario)
    direct = after.ports["sea"].release.direct
    assert direct is not None and direct.share == pytest.approx(0.3)
    assert direct.time == pytest.approx(8 / 60)  # (Shenzhen's 5-8 min, its upper end)
    after = REFORMS["direct_loading"].apply(scenario)
    loading = after.ports["sea"].exports.loading.direct  # type: ignore[union-attr]
    assert loading is not None and loading.time == 2.0  # (Shenzhen's port dwell of 2 h)


@pytest.mark.parametrize(
    "value, message",
    [
        ({"share": 1.5, "time": "30 min"}, "share"),
        ({"share": 0.3, "time": "9 d"}, "under a week"),
        ({"share": 0.3}, "time"),
    ],
)
def test_a_bad_direct_section_is_named(value, message):
    with pytest.raises(ScenarioError) as err:
        load_scenario(SMALL, {"ports.sea.release.direct": value})
    text = str(err.value)
    assert "ports.sea.release.direct" in text and message in text, text
