"""The report's first section, above the headline, gathers the warnings a reader of the
headline alone would otherwise miss (docs/reports.md: "before you quote these figures"):
options not steady-state, a run too short to tell, failed replications, a precision target
not reached; and says how much every figure rests on."""

from __future__ import annotations

import html
from types import SimpleNamespace
from typing import Any

import pandas as pd

from sim.report.read_first import read_first


def _res(unstable: set[str] = frozenset(), days: float = 28, **meta: Any) -> Any:  # type: ignore[assignment]
    return SimpleNamespace(
        names=["baseline", "scanner", "ai"], unstable=unstable.__contains__, failures=[],
        per_rep=pd.DataFrame(), meta={"days": days, "warmup_days": 14, "reps": 5, **meta},
    )


def _text(res: Any) -> str:
    return html.unescape("".join(read_first(res)))


def test_a_clean_comparison_says_its_basis_and_that_nothing_warned():
    text = _text(_res())
    assert "Before you quote these figures" in text
    assert "5 replications of each option, each of 28 observed days (after a 14-day" in text
    assert "No warning: every queue settled in every replication of every option" in text
    assert "class='warn" not in text


def test_an_unstable_option_and_a_short_run_are_said_before_the_headline():
    text = _text(_res({"ai"}, days=7))
    assert "Not steady-state: Option ai had a queue (or smugglers) that did not settle" in text
    assert "every option's change from it is affected" not in text  # (the baseline settled)
    assert ("Too short to tell whether queues settle: 7 observed days hold 1 whole week, "
            "and 21 days or more are needed") in text
    assert "No warning" not in text
    both = _text(_res({"baseline", "ai"}))
    assert "Options baseline, ai had" in both
    assert "as the baseline is one of them, every option's change from it is affected" in both


def test_failed_replications_and_an_unmet_precision_target_are_said_at_the_top():
    res = _res()
    res.failures = [{"option": "ai", "replication": 3}, {"option": "ai", "replication": 4},
                    {"option": "scanner", "replication": 0}]  # fmt: skip
    res.meta["warnings"] = ["precision target 0.1 not reached at --max-reps 20"]
    text = _text(res)
    assert "Replications that failed (ai: 2 of 5; scanner: 1 of 5)" in text
    assert "precision target 0.1 not reached at --max-reps 20 (see What was run)." in text


def test_a_runs_section_speaks_of_the_run():
    res = _res({"run"}, days=7)
    res.names = ["run"]
    text = _text(res)
    assert "Every figure comes from 5 replications of 7 observed days" in text
    assert "Not steady-state: The run had a queue" in text
