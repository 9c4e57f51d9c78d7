"""Where an appraised option's set-up and running costs came from: "given" only of a figure
someone supplied (``--setup``, ``--running``), "library default (an assumption)" of the
reform library's (:mod:`sim.reforms.cost_library`), in every place that labels them: the
terminal (English and Chinese), ``appraisal.csv``, ``appraisal.json``, the report and the
workbook's sheet. Folders are written by hand (:func:`tests.test_appraisal_defaults`)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from sim.cli import main
from sim.report.appraisal_section import appraisal_section
from sim.report.workbook_appraisal import appraisal_sheet
from tests.test_appraisal_defaults import _reform_folder

SETUP = "one-off set-up cost (year 0, the state)"
RUNNING = ("of which the running cost added at appraisal (IT, licences, staff the model does "
           "not count)")
DEFAULT = "library default (an assumption)"


def _meanings(folder: Path) -> dict[str, str]:
    """appraisal.csv's meaning of option o's set-up and running cost added."""
    table = pd.read_csv(folder / "appraisal.csv").set_index("figure")
    return {f: str(table.loc[f, "meaning"]) for f in ("setup_cost", "running_cost_given_per_year")}


def test_a_library_default_is_never_labelled_given(tmp_path, capsys):
    """single_window's default costs (no --setup, no --running) are the library's: said so."""
    folder = _reform_folder(tmp_path / "c", "single_window")
    assert main(["appraise", str(folder)]) == 0
    text = capsys.readouterr().out
    assert f"  {SETUP}, {DEFAULT}: 253,200 " in text, text
    assert f"  {RUNNING}, {DEFAULT}: 42,200 " in text, text
    assert " given" not in text.split("Option o takes")[0], text
    assert _meanings(folder) == {"setup_cost": f"{SETUP}, {DEFAULT}",
                                 "running_cost_given_per_year": f"{RUNNING}, {DEFAULT}"}
    data = json.loads((folder / "appraisal.json").read_text())
    assert data["cost_sources"] == {"o": {"setup": "library_default",
                                          "running": "library_default"}}
    page = "".join(appraisal_section(folder))
    assert "<th scope='row'>where the set-up cost came from</th><td>" + DEFAULT in page, page
    sheet = appraisal_sheet(folder, "en")
    assert sheet is not None and f"o 253,200 ({DEFAULT})" in sheet.about, sheet.about
    assert main(["appraise", str(folder), "--lang", "zh"]) == 0
    assert "（第 0 年，政府承担），改革库默认值（假设）：253,200" in capsys.readouterr().out


def test_a_running_cost_given_is_labelled_given_and_the_setup_default_is_not(tmp_path, capsys):
    """--running o=7 is given; the set-up cost stays the library's default, and says so."""
    folder = _reform_folder(tmp_path / "c", "single_window")
    assert main(["appraise", str(folder), "--running", "o=7", "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "（第 0 年，政府承担），改革库默认值（假设）：253,200" in text, text
    assert "人员），给定：7（" in text, text
    assert _meanings(folder) == {"setup_cost": f"{SETUP}, {DEFAULT}",
                                 "running_cost_given_per_year": f"{RUNNING}, given"}
    data = json.loads((folder / "appraisal.json").read_text())
    assert data["cost_sources"]["o"] == {"setup": "library_default", "running": "given"}
    page = "".join(appraisal_section(folder))
    assert "<th scope='row'>where the running cost added came from</th><td>given</td>" in page
    sheet = appraisal_sheet(folder, "zh")
    assert sheet is not None
    meaning = dict(zip(sheet.table["指标代码"], sheet.table["含义"], strict=True))
    assert meaning["running_cost_given_per_year"].endswith("，给定")
    assert meaning["setup_cost"].endswith("，改革库默认值（假设）")
    assert "o 7/年（给定）" in sheet.about and "o 253,200（改革库默认值（假设））" in sheet.about


def test_the_command_to_run_again_gives_no_library_default_as_a_figure(tmp_path, capsys):
    """Run again with --setup of a library default, the new appraisal would call it given."""
    from sim.report.workbook_appraisal import given_flags

    folder = _reform_folder(tmp_path / "c", "single_window")
    assert main(["appraise", str(folder), "--running", "o=7", "--json"]) == 0
    terms = json.loads(capsys.readouterr().out)
    assert given_flags(folder, terms) == ["--running", "o=7"]
