"""Each credit class's document check rate (``document_check_rate_<class>``, by direction and
by port): what a declarant's clients of that class see of the paperwork checks, counted as
the pooled ``document_check_rate`` counts them (a check that started)."""

from __future__ import annotations

import math
from pathlib import Path

import sim
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_each_class_rate_is_the_logs_share_of_its_declarations_document_checked():
    r = sim.simulate(sim.load_scenario(SMALL), 3, log=True)
    m = r.metrics()
    log = r.log[r.log.cohort]
    checked = log.doc_start.notna()
    cls, direction, port = (log[c].astype(str) for c in ("trader_class", "direction", "port"))
    seen = 0
    for c in TRADER_CLASSES:
        mine = cls == c
        if not mine.any():
            assert math.isnan(m[f"document_check_rate_{c}"])  # (small has no aeo_general)
            continue
        assert m[f"document_check_rate_{c}"] == checked[mine].sum() / mine.sum()
        assert m[f"document_check_rate_{c}_port_sea"] == m[f"document_check_rate_{c}"]
        for d in DIRECTIONS:
            rows = mine & (direction == d)
            assert m[f"document_check_rate_{c}_{d}"] == checked[rows].sum() / rows.sum()
        seen += 1
    assert seen == 3 and set(port) == {"sea"}
    # the classes partition the pooled rate: their counts add up to it
    n = {c: (cls == c).sum() for c in TRADER_CLASSES}
    pooled = sum(m[f"document_check_rate_{c}"] * n[c] for c in TRADER_CLASSES if n[c])
    assert math.isclose(pooled / sum(n.values()), m["document_check_rate"], rel_tol=1e-12)


def test_the_discredited_have_their_papers_checked_more_than_the_aeo_at_the_default_port():
    """The default scenario's document selection favours certified traders: the rates must
    show it at the sea port (0.08 general, about 0.4 discredited, about 0.01 AEO advanced)."""
    scenario = sim.load_scenario(sim.default_scenario_path(), {"days": 7, "warmup_days": 2})
    m = sim.simulate(scenario, 1).metrics()
    at = {c: m[f"document_check_rate_{c}_port_sea_port"] for c in TRADER_CLASSES}
    assert at["aeo_advanced"] < at["general"] < at["discredited"]
    assert 0.2 < at["discredited"] < 0.7 and at["aeo_advanced"] < 0.04
