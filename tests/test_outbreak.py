"""An outbreak abroad (the ``outbreak`` reform), dated: it raises one illicit type's prevalence
in the stricken origins' goods assessed from its date on, and nothing else; an emergency order
(``epidemic``, dated) then checks every frozen import assessed from its date on."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.reforms.compose import apply
from sim.reforms.reform import ReformError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
EXAMPLE = Path(__file__).parents[1] / "docs" / "examples" / "outbreak" / "asf.toml"
OVER = {
    "days": 4,
    "warmup_days": 0,
    "ports.sea.traffic.origins": {"europe": 0.4, "asia": 0.6},
}
T = 48.0  # the outbreak's date, hours after the start
EUROPE = 0  # (the origin's index: its place in traffic.origins)


@functools.lru_cache(maxsize=4)
def _log(text: str) -> pd.DataFrame:
    base = sim.load_scenario(SMALL, OVER)
    run = sim.simulate(apply(base, text) if text else base, 3, log=True)
    return run.log.sort_values("index").set_index(["port", "index"])


def _frozen(log: pd.DataFrame) -> pd.Series:
    return log.illicit.astype(str) == "frozen"


def test_an_outbreak_changes_only_the_stricken_origins_goods_after_its_date():
    base = _log("")
    hit = _log(f"outbreak:origins=europe,factor=5@{T:g}h")
    assert base.index.equals(hit.index)  # the same consignments
    changed = base.illicit.astype(str) != hit.illicit.astype(str)
    assert changed.sum() > 5
    late = base.assessed >= T
    assert (changed <= (late & (base.origin == EUROPE))).all()  # never before, never asia
    # more of them frozen (a later type's draw shifts with it: the inverse of the shares)
    assert _frozen(hit[changed]).sum() > _frozen(base[changed]).sum()
    early = ~late
    draws = ["commodity", "origin", "illicit", "sel_quarantine", "sample", "arrived"]
    pd.testing.assert_frame_equal(base.loc[early, draws], hit.loc[early, draws])
    stricken = late & (base.origin == EUROPE) & (base.commodity.astype(str) == "frozen")
    assert _frozen(hit[stricken]).mean() > 2.5 * _frozen(base[stricken]).mean()


def test_an_emergency_order_checks_every_frozen_import_from_its_date():
    order = _log(f"outbreak:origins=europe@{T:g}h+epidemic@{T + 24:g}h")
    frozen = (order.commodity.astype(str) == "frozen") & (order.direction.astype(str) == "import")
    after = frozen & (order.assessed >= T + 24)
    before = frozen & (order.assessed < T + 24)
    assert after.sum() > 10 and before.sum() > 10
    assert order[after].sel_quarantine.all()
    assert not order[before].sel_quarantine.all()  # (the usual 30 % before it)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("outbreak:origins=mars", ["origins", "'mars'", "europe, asia"]),
        ("outbreak:kind=gold", ["kind", "'gold'", "tobacco, counterfeit, frozen"]),
        ("outbreak:factor=500", ["factor", "500", "0.0 to 50.0"]),
    ],
)
def test_an_outbreak_s_bad_strength_is_named_with_what_is_allowed(text, words):
    with pytest.raises(ReformError) as err:
        apply(sim.load_scenario(SMALL, OVER), text)
    for w in words:
        assert w in str(err.value)


def test_the_worked_example_runs_its_outbreak_on_its_date():
    """docs/outbreak.md's scenario, briefly: Europe's frozen goods carry more after day 10."""
    scenario = sim.load_scenario(EXAMPLE, {"days": 5, "drain_days": 1})
    assert [e.reform for e in scenario.timeline][0].startswith("outbreak:origins=europe")
    log = sim.simulate(scenario, 1, log=True).log
    europe = list(scenario.ports["sea_port"].traffic.origins).index("europe")
    frozen = log[(log.commodity.astype(str) == "frozen") & (log.origin == europe)]
    before, after = frozen[frozen.assessed < 240], frozen[frozen.assessed >= 240]
    assert len(before) > 20 and len(after) > 10
    assert _frozen(after).mean() > _frozen(before).mean()
