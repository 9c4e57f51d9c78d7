"""One rule for "had a check": a check counts once it started. A consignment still in the
system at the end, queued (or booked ahead in a lane's queue) for a check that had not
started, is not counted as checked, whichever the check (its log keeps what was booked)."""

from __future__ import annotations

import numpy as np

import sim
from sim.model.finders import DOC, SCAN
from sim.model.milestones import CENSORED, RELEASED, M, channel_code
from sim.model.recorder_rows import _S, _SMS, _SOWN, started_only


def _row(outcome: int, checks: int, doc_start: float) -> np.ndarray:
    row = np.full(_SOWN + 1, np.nan)
    row[_S["outcome"]], row[_S["checks"]] = outcome, checks
    row[_S["channel"]] = channel_code(bool(checks & DOC), bool(checks & SCAN), False, False)
    row[_SMS + M["doc_start"]] = doc_start
    row[_SMS + M["scan_start"]] = 5.0
    return row


def test_a_censored_consignments_checks_are_those_started():
    a = np.array([_row(CENSORED, DOC | SCAN, np.nan), _row(CENSORED, DOC, 3.0),
                  _row(RELEASED, DOC, np.nan)])
    got = started_only(a, a[:, _S["outcome"]].astype(int))
    assert got[:, _S["checks"]].tolist() == [SCAN, DOC, DOC]
    assert got[:, _S["channel"]].tolist() == [channel_code(False, True, False, False),
                                               channel_code(True, False, False, False),
                                               channel_code(True, False, False, False)]
    assert a[0, _S["checks"]] == DOC | SCAN  # (the input is left as it was)


def test_check_rates_count_the_checks_started():
    s = sim.patch(sim.load_scenario(sim.default_scenario_path()),
                  {"days": 7, "drain_days": 0.25})
    res = sim.simulate(s, 3, log=True)
    cohort = res.log[res.log.cohort]
    m = res.metrics()
    n = len(cohort)
    assert round(m["document_check_rate"] * n) == cohort.doc_start.notna().sum()
    started = cohort[["scan_start", "exam_start", "quarantine_start"]].notna().any(axis=1)
    assert round(m["inspection_rate"] * n) == started.sum()
    hits = m["hit_rate_document"] * cohort.doc_start.notna().sum()
    assert abs(hits - round(hits)) < 1e-9  # (over the document checks started)
