"""Goods released before their laboratory result (release_before_test) still go through the
imported cold-chain measures: the nucleic-acid test, disinfection and supervision warehouse
are a hold of their own, not the laboratory's pest or pathogen test, so no covered import
leaves sooner than they allow."""

from __future__ import annotations

import sim
from sim.reforms.compose import apply
from tests.test_cold_chain_mandate import MEASURES, WHERE  # (the measures both test)


def test_goods_released_before_their_lab_result_are_still_held():
    over = {"days": 3, "warmup_days": 1, "selection.quarantine.frozen": {"*": 1.0},
            WHERE: MEASURES}
    s = apply(sim.load_scenario(sim.default_scenario_path(), over),
              "release_before_test:general_uptake=1")
    log = sim.simulate(s, 2, log=True).log
    covered = ((log.port == "sea_port") & (log.commodity == "frozen")
               & (log.direction == "import") & (log.outcome == "released")
               & log.quarantine_end.notna())
    early = covered & log.lab_end.notna() & (log.released < log.lab_end)
    assert early.sum() > 5  # (some were released before their result)
    least = 28.0 + 0.5 * log.containers  # test + release papers + disinfection per box
    assert ((log.released - log.quarantine_end)[covered] >= least[covered] - 1e-9).all()
