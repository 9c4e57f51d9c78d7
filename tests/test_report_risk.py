"""The report's risk-engine section: each port and direction's ordinary inspection rate the
engine achieved against its target, the credit classes' rates beside it, its AUC and the
share of decisions alerts raised, and its threshold over time. Before, none of it was in the
report: a planner tuning the engine had to read the replications' CSVs."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.cli import main

DEFAULT = str(sim.default_scenario_path())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("risk") / "run"
    # (no report and no who gains: the test writes the report with ``report``, and the
    # section reads no consignment log; a day's drain: the section's rates are the
    # replications' own risk tables, whatever the run's length)
    argv = ["compare", DEFAULT, "--days", "2", "--set", "warmup_days=1", "--reps", "2",
            "--set", "drain_days=1", "--set", "risk.enabled=true",
            "--option", "tight:risk.target=0.01", "--no-report", "--no-gains",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    return out


def test_the_report_shows_the_engines_achieved_rates_against_its_targets(folder):
    assert main(["report", str(folder)]) == 0
    page = html.unescape((folder / "report.html").read_text())
    assert "<h2>The risk engine</h2>" in page
    section = page.split("<h2>The risk engine</h2>")[1].split("<h2>")[0]
    # the achieved rate is the replications' inspections over their decisions (ordinary)
    reps = folder / "options" / "tight" / "reps"
    frames = [pd.read_csv(p) for p in sorted(reps.glob("rep-*-risk.csv"))]
    t = pd.concat(frames)
    sea = t[(t.port == "sea_port") & (t.direction == "import") & t.target.notna()]
    rate = sea.inspected.sum() / sea.decided.sum()
    row = (f"<td>tight</td><td>sea_port</td><td>import</td><td>{sea.decided.sum() / 2:,.0f}"
           f"</td><td>{100 * rate:.2f} %</td><td>1.00 %</td>")
    assert row in section
    assert "<td>baseline</td><td>sea_port</td><td>import</td>" in section
    assert "<td>2.90 %</td>" in section  # (the default's target)
    assert "data-metric='risk_auc'" in section and "data-metric='alert_raised_share'" in section
    assert 'data-plot="risk-thresholds"' in section


def test_a_report_with_the_engine_off_says_so_and_shows_none_of_its_figures(tmp_path):
    from sim.report.risk_section import OFF

    out = tmp_path / "run"
    assert main(["run", DEFAULT, "--days", "1", "--set", "warmup_days=1", "--reps", "1",
                 "--set", "drain_days=1", "--out", str(out)]) == 0  # fmt: skip
    assert main(["report", str(out)]) == 0
    page = html.unescape((out / "report.html").read_text())
    section = page.split("<h2>The risk engine</h2>")[1].split("<h2>")[0]
    assert OFF in section and "<table" not in section and "data-plot" not in section
