"""Which check a find is credited to (``detection_rate_by_<finder>``): the first in the
order of the flow, and in separate inspection mode the one that came first in time."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.experiment.metric_glossary import lookup
from sim.model.finders import FINDERS

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


def test_separate_mode_credits_the_check_that_came_first_in_time():
    r = sim.simulate(sim.load_scenario(SMALL, OVERLAP), 4, log=True)
    log = r.log[r.log.cohort]
    illicit = log[log.illicit != "compliant"]
    n = len(illicit)
    undervalued = illicit.illicit == "undervaluation"
    document = illicit.doc_start.notna() & illicit.doc_alarm & undervalued
    exam = illicit.exam_start.notna() & illicit.exam_finds
    recalled = illicit.recalled.notna()
    quarantine = illicit.quarantine_start.notna() & illicit.quarantine_finds & ~recalled
    earlier = illicit.quarantine_start < illicit.exam_start
    # recomputed from the log: document first, then whichever of exam and quarantine check
    # came first in time (the exam when they were at once)
    m = r.metrics()
    credited_e = exam & ~document & ~(quarantine & earlier)
    credited_q = quarantine & ~document & (~exam | earlier)
    assert m["detection_rate_by_document"] == pytest.approx(document.sum() / n)
    assert m["detection_rate_by_exam"] == pytest.approx(credited_e.sum() / n)
    assert m["detection_rate_by_quarantine"] == pytest.approx(credited_q.sum() / n)
    by = sum(m[f"detection_rate_by_{f}"] for f in ("document", "exam", "quarantine"))
    assert by == pytest.approx(m["detection_rate"])
    # the case that matters: found by both, the quarantine check first in time
    assert (exam & quarantine & ~document & earlier).sum() > 20
    entry = lookup("detection_rate_by_exam")
    assert entry is not None
    assert "a quarantine check that started before it" in " ".join(entry.meaning.split())


def test_a_joint_examination_credits_its_finds_to_the_exam():
    r = sim.simulate(sim.load_scenario(SMALL, {**OVERLAP, "inspection.mode": "joint"}), 4, log=True)
    log = r.log[r.log.cohort]
    illicit = log[log.illicit != "compliant"]
    exam = illicit.exam_start.notna() & illicit.exam_finds
    quarantine = illicit.quarantine_start.notna() & illicit.quarantine_finds
    assert (exam & quarantine).sum() > 20  # (both found, at once)
    m = r.metrics()
    only_q = quarantine & ~exam & ~(illicit.doc_start.notna() & illicit.doc_alarm)
    assert m["detection_rate_by_quarantine"] == pytest.approx(only_q.sum() / len(illicit))


def test_each_find_is_credited_once_as_a_mask():
    """:func:`credited` gives boolean masks, one find per consignment, the quarantine check's
    when it came first and both found the goods."""
    import numpy as np

    from sim.model.finders import FINDERS, credited

    found = {f: np.zeros(4, bool) for f in FINDERS}
    found["document"][0] = True
    found["exam"][[0, 1, 2]] = True
    found["quarantine"][[1, 2, 3]] = True
    first = np.array([False, False, True, False])
    out = dict(zip(FINDERS, credited(found, first), strict=True))
    assert all(x.dtype == bool for x in out.values())
    assert out["document"].tolist() == [True, False, False, False]
    assert out["exam"].tolist() == [False, True, False, False]
    assert out["quarantine"].tolist() == [False, False, True, True]
    assert sum(x.astype(int) for x in out.values()).tolist() == [1, 1, 1, 1]


#: every finder at work: the overlap above, plus undervaluation (the document check, the tax
#: review of two-step processing), pests treated and released, goods released before their
#: laboratory result (recalls: goods whose find only the laboratory makes) and a wide
#: post-clearance audit
EVERY_FINDER = {
    **OVERLAP,
    "enforcement.prevalence": {"frozen": 0.3, "pest": 0.3, "undervaluation": 0.1},
    "enforcement.detection": {
        **OVERLAP["enforcement.detection"],
        "document": {"undervaluation": 0.6},
    },
    "enforcement.sampling.visual_sensitivity": 0.5,  # (recalled: what the lab alone finds)
    "enforcement.pest_treat": 0.5,
    "enforcement.audit": {"share": 0.5, "finds": {"undervaluation": 1.0, "frozen": 1.0}},
    "after_release.two_step_processing.uptake": {"*": 0.5},
    "after_release.release_before_test.uptake": {"*": 0.5},
    "ports.sea.release.pickup": "24 h",  # (all picked up within the drain)
}
BEFORE, AFTER = ["document", "exam", "quarantine"], ["review", "recall", "audit"]


def _found_by(r: sim.RunResult) -> pd.Series:
    """The cohort's finds per finder, from the log's ``found_by``."""
    return r.log[r.log.cohort].found_by.value_counts()


def test_the_log_says_which_check_found_the_goods_as_the_tally_credits_it():
    r = sim.simulate(sim.load_scenario(SMALL, EVERY_FINDER), 4, log=True)
    m, found = r.metrics(), _found_by(r)
    assert r.counts["censored"] == 0  # (the drain empties the port: every consignment out)
    known = m["illicit_declarations"]
    for finder in FINDERS:
        assert found[finder] > 0
        assert found[finder] == round(m[f"detection_rate_by_{finder}"] * known), finder
    table = r.enforcement
    assert found[BEFORE].sum() == table.detected.sum()
    assert found[AFTER].sum() == table.audit_detected.sum()
    log = r.log[r.log.cohort]
    # an inspection's finds (the hits of seizures-by-layer): an exam or a quarantine check
    # that was done and found the goods, whichever check is credited; the rest of the finds
    # before release are the document check's alone, which are no inspection's hits
    illicit = log[log.illicit != "compliant"]
    inspected = ((illicit.exam_finds & illicit.exam_end.notna())
                 | (illicit.quarantine_finds & illicit.quarantine_end.notna()))  # fmt: skip
    by_inspection = illicit.found_by.isin(BEFORE) & inspected
    assert 0 < by_inspection.sum() == table.found_on_inspection.sum() < table.detected.sum()
    assert log.found_by[log.illicit == "compliant"].isna().all()
    # a pest found and treated is released, and is the quarantine check's find
    treated = log[(log.illicit == "pest") & log.treated.notna() & log.quarantine_finds]
    assert len(treated) > 5 and (treated.outcome == "released").all()
    assert (treated.found_by == "quarantine").all()
    # separate inspection: goods the exam finds too, the quarantine check first in time
    first = log.quarantine_start < log.exam_start
    both = log.exam_finds & log.exam_end.notna() & first & (log.found_by == "quarantine")
    assert both.sum() > 20


def test_a_find_after_release_is_credited_only_to_goods_released():
    """Without a drain, goods still in the flow at the end had no review, recall or audit:
    the log credits after-release finds as ``audit_detected`` counts them."""
    r = sim.simulate(sim.load_scenario(SMALL, {**EVERY_FINDER, "drain_days": 0}), 4, log=True)
    m, found = r.metrics(), _found_by(r)
    known = m["illicit_declarations"] - m["illicit_held"]
    for finder in BEFORE:
        assert found[finder] == round(m[f"detection_rate_by_{finder}"] * known), finder
    assert found[BEFORE].sum() == r.enforcement.detected.sum()
    assert found[AFTER].sum() == r.enforcement.audit_detected.sum()
    log = r.log[r.log.cohort]
    # goods not out of the flow by the end would be found later, but are credited to no one:
    # neither in the log nor in the tally's ``detection_rate_by_<finder>`` after release
    illicit = log[(log.illicit != "compliant") & log.found_by.isna()]
    reviewed = illicit.tax_reviewed.notna() & illicit.doc_alarm & (
        illicit.illicit == "undervaluation"
    )
    later = illicit.audit_finds | reviewed | illicit.recovered.notna()
    out = illicit.outcome == "released"
    assert later[~out].sum() > 20 and not later[out].any()
    tally = sum(m[f"detection_rate_by_{f}"] for f in AFTER) * known
    assert round(tally) == found[AFTER].sum()
