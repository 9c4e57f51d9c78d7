"""The shares within a time target by the period the goods arrived in
(``released_within_24h_era_1_import``): a port manager reading a peak season's service
standard needs the peak weeks' share, which the run's share dilutes with the weeks around it."""

from __future__ import annotations

from pathlib import Path

import sim

SMALL = Path(__file__).resolve().parent / "scenarios" / "small.toml"


def test_each_periods_share_within_24h_is_that_of_its_goods_in_the_log():
    s = sim.load_scenario(SMALL, {"days": 1, "warmup_days": 0, "drain_days": 1,
                                  "periods_at": ["12 h"]})  # fmt: skip
    r = sim.simulate(s, 1, log=True)
    m, log = r.metrics(), r.log
    released = log[log.released.notna() & log.outcome.isin(["released", "censored"])]
    for k in (0, 1):
        in_era = released[(released.arrived >= 12) == (k == 1)]
        for d in ("import", "export"):
            goods = in_era[in_era.direction == d]
            assert len(goods) > 50
            share = float(((goods.released - goods.arrived) <= 24).mean())
            assert m[f"released_within_24h_era_{k}_{d}"] == share, (k, d)
        share = float(((in_era.released - in_era.arrived) <= 24).mean())
        assert m[f"released_within_24h_era_{k}"] == share
        assert 0 <= m[f"exited_within_24h_era_{k}"] <= m[f"released_within_24h_era_{k}"]
