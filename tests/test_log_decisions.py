"""The log's selection columns for consignments never assessed hold what docs/log.md says
they hold: the tables' decisions, made when the consignment was made; under the risk engine
no selection (some no decision at all: each reads True). And what docs/log.md says of
lab_start: the sample's submission, not the test's start."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.docs_log import log_page

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
SEL = ["sel_document", "sel_scan", "sel_physical", "sel_quarantine"]


def _never_assessed(risk: bool):
    changes = {"days": 3, "warmup_days": 1, "drain_days": 0.1}
    if risk:
        changes |= {"risk.enabled": True, "risk.target": 0.1}
    s = sim.patch(sim.load_scenario(SMALL), changes)
    log = sim.simulate(s, 3, log=True).log
    never = log[log.cohort & log.assessed.isna()]
    assert len(never) > 5
    return never


def test_the_page_says_what_the_selection_columns_hold_where_nothing_was_assessed():
    page = log_page()
    assert "*Decisions.*" in page and "`assessed` NaN" in page
    assert "| `sel_scan` | decision, bool | selected for a scan (see *Decisions* below) |" in page
    assert "decided at assessment" not in page


@pytest.mark.parametrize("risk", [False, True])
def test_what_a_never_assessed_consignment_holds_is_as_documented(risk):
    never = _never_assessed(risk)
    held = never[SEL]
    if risk:  # (some hold no decision: each reads True; see the page)
        assert held[never.review].all(axis=1).any()
    else:  # (the tables' decisions, most not selected)
        assert not held.all(axis=1).any() and held.any(axis=1).any()


def test_the_page_says_lab_start_is_the_samples_submission_not_the_tests_start():
    row = next(line for line in log_page().splitlines() if line.startswith("| `lab_start` |"))
    assert "submitted to the laboratory, not when its test began" in row
    assert "waits for a cut-off" in row
