"""A reform with nothing to repay at year 0 pays back at once: the report's business case and
the workbook's sheet say "at once" (立即回收, the console's word) in its payback cell, not a 0
that reads as no payback; "never" stays "never". The folder is written by hand
(:func:`tests.test_appraisal._folder`): nothing is simulated."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd

from sim.cli import main
from sim.report.appraisal_section import appraisal_section
from sim.report.translate import translate
from sim.report.workbook_appraisal import appraisal_sheet
from tests.test_appraisal import _folder


def _payback_row(page: str, words: str) -> list[str]:
    row = html.unescape(page).split(f"<th scope='row'>{words}</th>")[1].split("</tr>")[0]
    return re.findall(r"<td>([^<]*)</td>", row)


def _appraised(tmp_path, capsys, outlay: float) -> Path:
    """A folder appraised whose option adds ``outlay`` of equipment to the baseline's."""
    folder = _folder(tmp_path / "c", {"baseline": {}, "o": {}})  # (no set-up cost)
    reps = pd.read_csv(folder / "replications.csv")
    base = reps.loc[reps["option"] == "baseline", "agency_capital_outlay"].to_numpy()
    reps.loc[reps["option"] == "o", "agency_capital_outlay"] = base + outlay
    reps.to_csv(folder / "replications.csv", index=False)
    assert main(["appraise", str(folder), "--json"]) == 0
    capsys.readouterr()
    return folder


def test_a_payback_of_no_years_is_at_once_in_the_report_and_the_workbook(tmp_path, capsys):
    from sim.cli_zh_appraise import FIGURES as ZH
    from sim.experiment.appraisal import FIGURES

    folder = _appraised(tmp_path, capsys, 0.0)  # (nothing to repay at year 0)
    data = json.loads((folder / "appraisal.json").read_text("utf-8"))
    assert data["options"]["o"]["payback_years"]["mean"] == 0
    page = "<html lang='en'><body>" + "".join(appraisal_section(folder)) + "</body></html>"
    assert _payback_row(page, dict(FIGURES)["payback_years"])[0].startswith("at once")
    zh = translate(page, "zh")
    assert _payback_row(zh, ZH["payback_years"])[0].startswith("立即回收")
    for lang, word in (("en", "at once"), ("zh", "立即回收")):
        sheet = appraisal_sheet(folder, lang)
        assert sheet is not None
        rows = sheet.table[sheet.table.iloc[:, 1] == "payback_years"]
        assert rows.iloc[0, 4] == word, rows
        others = sheet.table[sheet.table.iloc[:, 1] != "payback_years"].iloc[:, 4]
        assert word not in set(others)  # (another figure's 0 stays a number)


def test_a_payback_never_stays_never(tmp_path, capsys):
    folder = _appraised(tmp_path, capsys, 1e12)  # (an outlay no saving repays)
    page = "".join(appraisal_section(folder))
    from sim.experiment.appraisal import FIGURES

    assert _payback_row(page, dict(FIGURES)["payback_years"])[0].startswith("never")
    sheet = appraisal_sheet(folder, "en")
    assert sheet is not None
    assert sheet.table[sheet.table.iloc[:, 1] == "payback_years"].iloc[0, 4] == "never"
