"""detection_rate_goods: the share of illicit goods declarations found before release at the
goods ports alone, where a post or express hub's parcels (scanned at the hub's own target,
which ``risk.target`` does not move) run beside them; the pooled ``detection_rate`` mixes
the two."""

from __future__ import annotations

import math

import pytest

from sim.model.enforcement import EnforcementTally
from sim.model.enforcement_metrics import enforcement_metrics
from sim.model.finders import TRUTH


def _tally(parcels: list[bool]) -> EnforcementTally:
    """A goods port and a post hub, imports: the port's 20 counterfeits, 5 found and 2 held
    at the end; the hub's 100 counterfeits, 90 found; values 10 each, the hub's 1."""
    t = EnforcementTally(["sea", "post"], 1, 0.0, parcels)
    k = TRUTH.index("counterfeit")
    for row, (n, found, held, each) in ((0, (20, 5, 2, 10.0)), (2, (100, 90, 0, 1.0))):
        t.n[row, k], t.detected[row, k], t.held[row, k] = n, found, held
        t.value[row, k], t.detected_value[row, k] = n * each, found * each
        t.held_value[row, k] = held * each
    return t


def test_goods_detection_leaves_the_hubs_parcels_and_the_held_out():
    m = enforcement_metrics(_tally([False, True]))
    assert m["detection_rate_goods"] == pytest.approx(5 / 18)  # (2 held: not known)
    assert m["detection_rate_value_goods"] == pytest.approx(50 / 180)
    assert m["detection_rate"] == pytest.approx(95 / 118)  # (pooled: mostly the hub's)
    assert m["detection_rate_port_sea"] == pytest.approx(m["detection_rate_goods"])


def test_only_where_a_hub_runs_beside_goods_ports():
    assert "detection_rate_goods" not in enforcement_metrics(_tally([False, False]))
    assert "detection_rate_goods" not in enforcement_metrics(_tally([True, True]))
    assert not math.isnan(enforcement_metrics(_tally([False, True]))["detection_rate_goods"])
