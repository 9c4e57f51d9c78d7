"""``bordersim appraise``'s residual value of the equipment an option adds: what is left of it
beyond a horizon shorter than its life, or its replacement within a longer one, from the life
the comparison's own equipment charge implies; in what the state pays only when asked."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment.appraisal_residual import annuity, implied_life

#: the option's scanner: its outlay, life and the scenario's rate (the run's charge a year)
OUTLAY, LIFE, RATE = 1000.0, 10, 0.08


def _folder(path: Path) -> Path:
    """A comparison's folder: option ``o`` adds equipment of OUTLAY, charged by the run at its
    equivalent annual cost over LIFE years at RATE, and saves traders 400 a year."""
    path.mkdir()
    (path / "compare.json").write_text(json.dumps({"days": 365, "money": "USD at 2019 prices"}))
    charge = OUTLAY / annuity(RATE, LIFE)
    rows = []
    for r, level in enumerate((1.0, 2.0, 3.0)):
        for name, saved, extra in (("baseline", 0.0, 0.0), ("o", 400.0, 1.0)):
            rows.append({"option": name, "replication": r,
                         "agency_capital_outlay": 5000.0 + extra * OUTLAY,
                         "agency_capital_cost_per_year": 700.0 + extra * charge,
                         "agency_running_cost_per_year": 2000.0 * level,
                         "trader_cost_per_year": 4000.0 * level - saved,
                         "trader_cost_per_consignment": 4.0, "time_per_consignment": 3.0,
                         "overall_clearance_h_mean": 10.0 * level - extra / 2,
                         "consignments_released": 1000.0})
    pd.DataFrame(rows).to_csv(path / "replications.csv", index=False)
    for name in ("baseline", "o"):
        (path / "options" / name).mkdir(parents=True)
        scenario = {"costs": {"discount_rate": RATE, "currency": "USD", "price_year": 2019}}
        (path / "options" / name / "scenario.json").write_text(json.dumps(scenario))
    return path


def _o(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    from sim.cli import main

    assert main(["appraise", str(folder), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["options"]["o"]  # type: ignore[no-any-return]


def test_the_life_is_the_one_the_runs_charge_implies():
    assert implied_life(OUTLAY, OUTLAY / annuity(RATE, LIFE), RATE) == pytest.approx(LIFE)
    assert implied_life(OUTLAY, OUTLAY / 8, 0.0) == pytest.approx(8)
    assert implied_life(-OUTLAY, -OUTLAY / annuity(RATE, LIFE), RATE) == pytest.approx(LIFE)
    assert math.isnan(implied_life(OUTLAY, 1.0, RATE))  # (no life repays it at that charge)


@pytest.mark.parametrize("years, rate", [(5, RATE), (10, RATE), (20, RATE), (5, 0.03),
                                         (20, 0.0)])
def test_the_residual_value_is_what_is_left_or_the_replacement(tmp_path, capsys, years, rate):
    folder = _folder(tmp_path / "c")
    terms = ["--years", str(years), "--discount-rate", str(rate)]
    apart = _o(folder, capsys, *terms)
    counted = _o(folder, capsys, *terms, "--count-residual-value")
    # by hand: the outlay less its equivalent annual cost at the appraisal's rate for N years
    want = OUTLAY - OUTLAY / annuity(rate, LIFE) * annuity(rate, years)
    got = apart["equipment_residual_value"]["mean"]
    assert got == pytest.approx(want, abs=1e-6)
    assert (got == 0) == (years == LIFE)  # (at its life exactly 0, not float noise)
    assert (got > 1e-6, got < -1e-6) == (years < LIFE, years > LIFE)
    # only counted when asked: the state pays the less by it, the NPV is the more
    assert counted["equipment_residual_value"]["mean"] == pytest.approx(got)
    for figure, sign in (("budget_present_value", -1), ("net_present_value", 1)):
        assert counted[figure]["mean"] == pytest.approx(apart[figure]["mean"] + sign * want)
    assert counted["payback_years"] == apart["payback_years"]


def test_it_is_said_and_worked_out_again(tmp_path, capsys):
    from sim.appraisal_check import appraisal_problems
    from sim.cli import main
    from sim.report.workbook_appraisal import given_flags

    folder = _folder(tmp_path / "c")
    assert main(["appraise", str(folder), "--years", "20", "--count-residual-value"]) == 0
    assert "The state's cost counts the equipment's residual value" in capsys.readouterr().out
    assert appraisal_problems(folder) == []
    terms = json.loads((folder / "appraisal.json").read_text())
    assert terms["count_residual_value"] is True
    assert "--count-residual-value" in given_flags(folder, terms)
    assert main(["appraise", str(folder), "--lang", "zh"]) == 0
    assert "--count-residual-value 将其计入" in capsys.readouterr().out


def test_the_report_says_whether_it_is_counted(tmp_path, capsys):
    from sim.experiment.appraisal_folder import RESIDUAL_APART, RESIDUAL_COUNTED
    from sim.report.appraisal_section import appraisal_section
    from sim.report.zh_appraisal import text

    folder = _folder(tmp_path / "c")
    _o(folder, capsys, "--count-residual-value")
    import html

    page = " ".join(appraisal_section(folder))
    assert html.escape(RESIDUAL_COUNTED) in page and html.escape(RESIDUAL_APART) not in page
    assert "设备" in (text(RESIDUAL_COUNTED) or "") and "设备" in (text(RESIDUAL_APART) or "")
