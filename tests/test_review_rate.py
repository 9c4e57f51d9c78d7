"""How often a declaration is sent to an officer's review (``review_rate``,
sim/model/review_tally.py): the cohort's declarations whose review draw sends them to a port
with a review lane, pooled, by direction, port and class, as the log shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _run(changes: dict | None = None) -> sim.RunResult:
    scenario = sim.load_scenario(SMALL, {"days": 2, **(changes or {})})
    return sim.simulate(scenario, 3, log=True)


def test_the_review_rate_is_the_cohorts_share_sent_to_review():
    run = _run()
    m, log = run.metrics(), run.log
    cohort = log[log["cohort"].astype(bool)]
    sent = cohort["review"].astype(bool)
    assert 0.1 < sent.mean() < 0.3  # (small.toml reviews a fifth)
    assert m["review_rate"] == pytest.approx(sent.mean(), rel=1e-12)
    for direction in ("import", "export"):
        mine = cohort["direction"] == direction
        assert m[f"review_rate_{direction}"] == pytest.approx(sent[mine].mean(), rel=1e-12)
        assert m[f"review_rate_port_sea_{direction}"] == pytest.approx(
            sent[mine].mean(), rel=1e-12
        )
    general = cohort["trader_class"] == "general"
    assert m["review_rate_general"] == pytest.approx(sent[general].mean(), rel=1e-12)
    assert m["review_rate_general_port_sea"] == pytest.approx(sent[general].mean(), rel=1e-12)


def test_a_class_reviewed_more_shows_it():
    """``declaration.review_share`` by class moves that class's rate alone."""
    m = _run({"declaration.review_share": {"*": 0.2, "discredited": 0.9}}).metrics()
    assert m["review_rate_discredited"] > 0.6 > 0.3 > m["review_rate_general"]
