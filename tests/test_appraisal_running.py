"""``bordersim appraise --running OPTION=AMOUNT``: a reform's running cost a year given at
appraisal time, counted as a cost a year would be, and refused where the comparison already
counts one; the payback's words (one year, at once) and a folder that is one option's. Every
folder here is written by hand (:func:`tests.test_appraisal._folder`): nothing is simulated."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from tests.test_appraisal import _folder


def _appraised(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["appraise", str(folder), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["options"]["o"]


def test_a_running_cost_given_moves_the_npv_by_its_discounted_sum(tmp_path, capsys):
    """R a year for the horizon lowers the NPV by R discounted over it, the net benefit a year
    by R, and raises the cost per hour saved by R over the hours saved a year."""
    folder = _folder(tmp_path / "c", {"baseline": {}, "o": {"portal": 100.0}})
    years, rate, amount = 7, 0.05, 50.5
    terms = ("--years", str(years), "--discount-rate", str(rate))
    before = _appraised(folder, capsys, *terms)
    after = _appraised(folder, capsys, *terms, "--running", f"o={amount}")
    discounted = sum(amount / (1 + rate) ** t for t in range(1, years + 1))

    def moved(figure: str) -> float:
        return float(after[figure]["mean"]) - float(before[figure]["mean"])

    assert moved("net_present_value") == pytest.approx(-discounted, rel=1e-12)
    assert moved("budget_present_value") == pytest.approx(discounted, rel=1e-12)
    assert moved("net_benefit_per_year") == pytest.approx(-amount, rel=1e-12)
    assert moved("running_cost_per_year") == pytest.approx(amount, rel=1e-12)
    assert moved("payback_years") > 0  # (less benefit a year: later)
    hours = float(before["hours_saved_per_year"]["mean"])
    assert moved("budget_per_hour_saved") == pytest.approx(amount / hours, rel=1e-9)
    assert after["running_cost_given_per_year"]["mean"] == amount
    # written as given: the JSON's terms, the CSV's row
    assert json.loads((folder / "appraisal.json").read_text())["running"] == {"o": amount}
    table = pd.read_csv(folder / "appraisal.csv").set_index("figure")
    assert table.loc["running_cost_given_per_year", "mean"] == amount
    assert "per year" in table.loc["running_cost_given_per_year", "unit"]


def _counted(tmp_path: Path) -> Path:
    """Option o's comparison counts single_window's cost_per_year (in costs.systems, beyond
    the baseline's, which has a system of its own at the same price)."""
    folder = _folder(tmp_path / "c", {"baseline": {}, "o": {}})
    for name, systems in (("baseline", {"portal": 50.0}),
                          ("o", {"portal": 50.0, "single_window": 80_000.0})):
        file = folder / "options" / name / "scenario.json"
        scenario = json.loads(file.read_text())
        scenario["costs"]["systems"] = systems
        file.write_text(json.dumps(scenario))
    return folder


@pytest.mark.parametrize("given, words, zh", [
    ("q=5", "--running q=5: no option 'q' in", "--running q=5：{folder} 中没有方案 'q'"),
    ("o=-5", "--running o=-5: a cost is 0 or more", "--running o=-5：成本应不小于 0"),
    ("o=lots", "--running o lots: not a number", "--running o lots：不是数字"),
    ("o", "--running o: not OPTION=AMOUNT (its options: o)", "--running o：格式应为"),
    ("o=10", "--running o=10: option o's comparison already counts a running cost beyond the "
     "baseline's (costs.systems: single_window 80,000 a year; a reform's cost_per_year); give "
     "it one way only", "（costs.systems：single_window 80,000/年；即改革的 cost_per_year）"),
])
def test_a_running_cost_is_refused_in_one_line(tmp_path, capsys, given, words, zh):
    folder = _counted(tmp_path)
    assert main(["appraise", str(folder), "--running", given]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1, err
    assert main(["appraise", str(folder), "--running", given, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert zh.format(folder=folder) in err and len(err.strip().splitlines()) == 1, err
    assert not (folder / "appraisal.json").exists()


def test_an_item_the_baseline_has_too_is_no_running_cost_of_the_option(tmp_path, capsys):
    folder = _counted(tmp_path)
    scenario = folder / "options" / "o" / "scenario.json"
    data = json.loads(scenario.read_text())
    del data["costs"]["systems"]["single_window"]
    scenario.write_text(json.dumps(data))
    assert _appraised(folder, capsys, "--running", "o=10")["running_cost_given_per_year"][
        "mean"] == 10.0


@pytest.mark.parametrize("extra, en, zh", [
    (200.0, "(payback): 1 year (", "（回收期）：1 年（"),
    (0.0, "(payback): at once (no year-0 cost to repay) (", "（回收期）：立即回收（第 0 年没有"),
])
def test_the_payback_is_said_in_words(tmp_path, capsys, extra, en, zh):
    """One year is "1 year"; nothing to repay at year 0 is "at once", not "0 years"."""
    folder = _folder(tmp_path / "c", {"baseline": {}, "o": {}})
    reps = pd.read_csv(folder / "replications.csv")
    base = reps.loc[reps["option"] == "baseline", "agency_capital_outlay"].to_numpy()
    reps.loc[reps["option"] == "o", "agency_capital_outlay"] = base + extra
    reps.to_csv(folder / "replications.csv", index=False)
    assert main(["appraise", str(folder)]) == 0
    text = capsys.readouterr().out
    assert en.replace("(payback)", "repays year 0's cost") in text, text
    assert " 1 years" not in text and " 0 years" not in text
    assert main(["appraise", str(folder), "--lang", "zh"]) == 0
    assert zh in capsys.readouterr().out


def test_an_options_folder_is_not_the_comparisons(tmp_path, capsys):
    folder = _folder(tmp_path / "c", {"baseline": {}, "o": {}})
    for lang, words in (("en", f"{folder / 'options' / 'o'}: one option's folder of a "
                               f"comparison; give the comparison's folder ({folder})"),
                        ("zh", f"请给出比较的文件夹（{folder}）")):
        assert main(["appraise", str(folder / "options" / "o"), "--lang", lang]) == 2
        assert words in capsys.readouterr().err
