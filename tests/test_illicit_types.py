"""Each illicit type's outcome pooled in every run (sim.model.illicit_types): found by which
check, slipped, held, and the value seized and slipped, without
``enforcement.report_by_port``; they agree with each consignment's own outcome in the log,
add up to the type's count and to the pooled values. (A comparison pairs them:
tests/test_risk_achieved.py, whose comparison runs anyway.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.model.finders import AFTER, FINDERS
from sim.scenario.base import ILLICIT

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: counterfeits on general goods (an exam finds them, the audit a share of those released),
#: frozen goods found by an exam, pests by quarantine
FAKES = {
    "days": 2,
    "enforcement.prevalence": {"counterfeit": 0.05, "frozen": 0.1, "pest": 0.05},
    "enforcement.by_commodity": {"general": {"frozen": 0, "pest": 0}},
    "enforcement.detection.exam": {"counterfeit": 0.8, "frozen": 0.7},
    "enforcement.audit": {"share": 0.3, "finds": {"counterfeit": 0.5}, "lag": "1 d"},
}


@pytest.fixture(scope="module")
def run() -> sim.RunResult:
    return sim.simulate(sim.load_scenario(SMALL, {**FAKES, "drain_days": 0}), 3, log=True)


def test_each_types_finds_by_check_agree_with_the_log_and_add_up(run):
    m = run.metrics()
    log = run.log
    for kind in ILLICIT:
        mine = log[log.cohort & (log.illicit == kind)]
        by = mine.found_by.astype(str).value_counts()
        for finder in FINDERS:
            assert m[f"found_{kind}_by_{finder}"] == by.get(finder, 0), (kind, finder)
        before = sum(m[f"found_{kind}_by_{f}"] for f in FINDERS if f not in AFTER)
        assert before == m[f"detected_{kind}"]
        after = sum(m[f"found_{kind}_by_{f}"] for f in AFTER)
        assert after == m[f"found_after_release_{kind}"]
        four = ("detected", "slipped", "found_after_release", "held")
        assert sum(m[f"{s}_{kind}"] for s in four) == m[f"illicit_{kind}"]
    assert m["found_counterfeit_by_exam"] > 0 and m["found_counterfeit_by_audit"] > 0
    assert m["slipped_counterfeit"] > 0 and m["value_slipped_counterfeit"] > 0
    assert m["found_pest_by_quarantine"] > 0


def test_each_types_values_add_up_to_the_pooled_ones(run):
    m = run.metrics()
    for stem in ("value_seized", "value_slipped"):
        total = sum(m[f"{stem}_{kind}"] for kind in ILLICIT)
        assert total == pytest.approx(m[stem], rel=1e-9)
    assert m["value_seized_counterfeit"] > 0 and m["value_slipped_frozen"] > 0
