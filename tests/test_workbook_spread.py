"""The workbook carries the NPV's spread ``bordersim appraise`` gives: the tornado (each cost
input at its low and high end, ranked by the swing) and the seeded Monte Carlo (its summary
and every draw), each under notes of what it assumes and which ranges are sourced; worked
again with appraise's own functions from the terms appraisal.json records, even where it
holds no spread. One comparison is run (test_appraisal's) and one workbook built."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from sim.cli import main
from sim.experiment.appraisal_spread import INPUTS
from sim.report.folder import ResultsFolderError
from sim.report.workbook_spread import spread_sheets
from tests.test_appraisal import compared  # noqa: F401  (the comparison, run once)

#: a cell holds a figure to 16 significant digits (as .xlsx writers write doubles)
SIGNIFICANT = 1e-15
#: the terms appraised: a set-up cost given, and its range given (the others the defaults)
TERMS = ["--setup", "s4=500000", "--cost-range", "setup_cost=0.3:3"]


@pytest.fixture(scope="module")
def appraised(compared: Path, tmp_path_factory: pytest.TempPathFactory  # noqa: F811
              ) -> tuple[Path, dict]:
    """A copy of the comparison appraised on :data:`TERMS`, and appraise's --json."""
    import contextlib
    import io

    folder = tmp_path_factory.mktemp("spread") / "c"
    shutil.copytree(compared, folder)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["appraise", str(folder), "--json", *TERMS]) == 0
    return folder, json.loads(printed.getvalue())


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def _same(got: list, want: list) -> bool:
    """The cells hold the figures (numbers to :data:`SIGNIFICANT`, others exactly)."""
    return got == pytest.approx(want, rel=SIGNIFICANT, abs=0)


def test_the_workbooks_tornado_and_monte_carlo_are_appraises(appraised, tmp_path):
    folder, data = appraised
    out = tmp_path / "w.xlsx"
    assert main(["workbook", str(folder), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[-3:] == ["business-case", "npv-tornado", "npv-monte-carlo"]
    money = data["money"]
    tornado = _rows(book["npv-tornado"])
    assert tornado[0][0] == data["input_spread_assumes"]  # (what it assumes, as appraise)
    assert tornado[1][0] == (
        "ranges from a source: the value of the goods' time, the equipment's price; ranges "
        "assumed: the running cost added a year, the discount rate; ranges given "
        "(--cost-range): the set-up cost (each row's 'where the range comes from' says which)")
    head = tornado[2]
    assert head[5] == f"NPV at the low end ({money})" and "prices" in money
    want = data["input_spread"]["s4"]
    got = tornado[3:]
    assert len(got) == len(want) == len(INPUTS)
    for rank, (row, w) in enumerate(zip(got, want, strict=True), start=1):
        assert row[:2] == ("s4", INPUTS[w["input"]])
        assert _same(list(row[3:8]), [w["low"], w["high"], w["npv_at_low"],
                                      w["npv_at_high"], w["swing"]])
        assert row[8] == rank and row[9] == w["why"]
    setup = next(r for r in got if r[1] == INPUTS["setup_cost"])
    assert setup[2] == money and _same(list(setup[3:5]), [0.3 * 500000, 3 * 500000])

    joint = data["input_spread_together"]["s4"]
    carlo = _rows(book["npv-monte-carlo"])
    assert "2.5 % and 97.5 % points" in carlo[0][0] and carlo[1] == tornado[1]
    assert carlo[2][3] == f"mean NPV ({money})" and carlo[2][9] == f"NPV of s4's draw ({money})"
    summary = carlo[3]
    assert summary[:3] == ("s4", joint["draws"], joint["seed"])
    assert _same(list(summary[3:8]), [joint["mean"], joint["p5"], joint["p50"], joint["p95"],
                                      joint["share_below_zero"]])
    draws = np.array([r[9] for r in carlo[3:]], dtype=float)
    assert [r[8] for r in carlo[3:]] == list(range(1, joint["draws"] + 1))
    # the draws are those appraise summed up: its 95 % range and share below 0 again
    assert len(draws) == joint["draws"] and np.isfinite(draws).all()
    assert _same(np.percentile(draws, [2.5, 97.5]).tolist(), [joint["low"], joint["high"]])
    assert float(np.mean(draws < 0)) == joint["share_below_zero"]
    assert _same([float(np.mean(draws)), *np.percentile(draws, [5, 50, 95]).tolist()],
                 [joint["mean"], joint["p5"], joint["p50"], joint["p95"]])


def test_an_appraisal_without_its_spread_gets_it_worked_again(appraised, tmp_path):
    """appraisal.json written before the spread was: the sheets are the same."""
    folder, _ = appraised
    older = tmp_path / "c"
    shutil.copytree(folder, older)
    terms = json.loads((older / "appraisal.json").read_text("utf-8"))
    for key in ("input_spread", "input_spread_together", "input_spread_assumes"):
        terms.pop(key)
    (older / "appraisal.json").write_text(json.dumps(terms), encoding="utf-8")
    for a, b in zip(spread_sheets(folder, "en"), spread_sheets(older, "en"), strict=True):
        assert a.table.equals(b.table) and a.notes == b.notes


def test_the_chinese_sheets_name_their_columns_and_inputs_in_chinese(appraised):
    folder, data = appraised
    tornado, carlo = spread_sheets(folder, "zh")
    assert (tornado.name, carlo.name) == ("净现值敏感性", "净现值蒙特卡洛")
    money = "USD（" + data["money"].split(" at ")[1].split()[0] + " 年价格）"
    for sheet in (tornado, carlo):
        for column in sheet.table.columns:
            left = str(column).replace(money, "").replace("s4", "")
            assert not any("a" <= ch.lower() <= "z" for ch in left), column
    assert "下限处的净现值（" + money + "）" in tornado.table.columns
    from sim.report.zh_appraisal_spread import INPUTS as ZH

    assert set(tornado.table["输入"]) == set(ZH.values())
    assert "由 --cost-range 给定的输入：建设成本" in tornado.notes[1]
    assert carlo.table.iloc[0, 3] == data["input_spread_together"]["s4"]["mean"]


def test_no_sheets_unappraised_and_terms_that_cannot_be_worked_again_are_refused(
        appraised, tmp_path):
    folder, _ = appraised
    bad = tmp_path / "c"
    shutil.copytree(folder, bad)
    terms = json.loads((bad / "appraisal.json").read_text("utf-8"))
    (bad / "appraisal.json").write_text(json.dumps({**terms, "years": 500}), encoding="utf-8")
    with pytest.raises(ResultsFolderError, match=r"appraisal\.json: its terms .*--years 500"):
        spread_sheets(bad, "en")
    (bad / "appraisal.json").unlink()
    assert spread_sheets(bad, "en") == []
