"""Which check a find is credited to (``detection_rate_by_<finder>``): a fixed order, which in
separate inspection mode is not the order in time, and the glossary says so."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.experiment.metric_glossary import lookup

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: frozen goods carry frozen products or pests; every frozen consignment has a quarantine check
#: and most a physical exam, both of which can find either type
OVERLAP = {
    "inspection.mode": "separate",
    "selection.quarantine": {"frozen": {"*": 1.0}},
    "selection.physical": {"frozen": {"*": 0.8}},
    "enforcement.prevalence": {"frozen": 0.3, "pest": 0.3},
    "enforcement.detection": {
        "exam": {"frozen": 0.8, "pest": 0.5},
        "quarantine": {"frozen": 0.6},
    },
    "ports.sea.exam.bays.capacity": 200,
    "ports.sea.exam.teams.capacity": 200,
    "ports.sea.exam.movers.capacity": 200,
    "ports.sea.quarantine.officers.capacity": 200,
}


def test_separate_mode_credits_the_exam_though_the_quarantine_check_came_first():
    r = sim.simulate(sim.load_scenario(SMALL, OVERLAP), 4, log=True)
    log = r.log[r.log.cohort]
    illicit = log[log.illicit != "compliant"]
    n = len(illicit)
    undervalued = illicit.illicit == "undervaluation"
    document = illicit.doc_start.notna() & illicit.doc_alarm & undervalued
    exam = illicit.exam_start.notna() & illicit.exam_finds
    recalled = illicit.recalled.notna()
    quarantine = illicit.quarantine_start.notna() & illicit.quarantine_finds & ~recalled
    # recomputed from the log: the fixed order document, exam, quarantine
    m = r.metrics()
    assert m["detection_rate_by_document"] == pytest.approx(document.sum() / n)
    assert m["detection_rate_by_exam"] == pytest.approx((exam & ~document).sum() / n)
    credited_q = quarantine & ~exam & ~document
    assert m["detection_rate_by_quarantine"] == pytest.approx(credited_q.sum() / n)
    by = sum(m[f"detection_rate_by_{f}"] for f in ("document", "exam", "quarantine"))
    assert by == pytest.approx(m["detection_rate"])
    # the documented case: found by both, the quarantine check first in time, credited to
    # the exam
    both = illicit[exam & quarantine & ~document]
    assert len(both) > 20
    assert (both.quarantine_start < both.exam_start).all()
    entry = lookup("detection_rate_by_exam")
    assert entry is not None
    text = " ".join(entry.meaning.split())
    assert 'with `inspection.mode = "separate"` the quarantine check comes before the exam' in text
    assert "not always the order in time" in text
