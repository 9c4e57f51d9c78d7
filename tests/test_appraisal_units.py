"""appraisal.csv names each figure's unit and meaning, so that a reader of the file alone
(a spreadsheet, pandas) knows money from hours, years and finds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.experiment.appraisal import FIGURES, Appraisal
from sim.experiment.appraisal_folder import NOT_MONEY, Folder, with_units, write_appraisal

DOCS = Path(__file__).parent.parent / "docs"


def _table() -> pd.DataFrame:
    return pd.DataFrame([{"option": "a", "figure": f, "mean": 1.0, "ci_low": 0.5,
                          "ci_high": 1.5, "n": 3} for f, _ in FIGURES])  # fmt: skip


def test_every_figure_has_its_unit_and_meaning():
    out = with_units(_table(), "USD at 2019 prices").set_index("figure")
    assert out["unit"].notna().all() and out["meaning"].notna().all()
    assert out.loc["net_present_value", "unit"] == "USD at 2019 prices"
    assert out.loc["running_cost_per_year", "unit"] == "USD at 2019 prices per year"
    assert out.loc["hours_saved_per_year", "unit"] == "consignment-hours per year"
    assert out.loc["payback_years", "unit"] == "years"
    assert out.loc["finds_gained_per_year", "unit"] == "declarations per year"
    assert out.loc["budget_per_hour_saved", "unit"] == "USD at 2019 prices per consignment-hour"
    assert out.loc["payback_years", "meaning"] == dict(FIGURES)["payback_years"]
    # (no money recorded: said, not left blank)
    assert with_units(_table(), "")["unit"].iloc[0] == "the scenario's currency"


def test_the_file_has_them_after_the_old_columns(tmp_path):
    folder = Folder(pd.DataFrame(), ["a"], 14.0, 0.08, "USD at 2019 prices")
    write_appraisal(tmp_path, _table(), Appraisal(10, 0.08, 14.0), folder)
    got = pd.read_csv(tmp_path / "appraisal.csv")
    assert list(got.columns) == ["option", "figure", "mean", "ci_low", "ci_high", "n", "unit",
                                 "meaning"]
    assert got["unit"].str.startswith("USD").sum() == len(FIGURES) - len(NOT_MONEY)


def test_the_data_dictionary_names_the_columns():
    text = (DOCS / "results-folder.md").read_text()
    section = text.split("### `report.html`, `appraisal.csv`, `appraisal.json`")[1]
    section = section.split("\n### ")[0]
    for column in ("option", "figure", "mean", "ci_low", "ci_high", "n", "unit", "meaning"):
        assert f"`{column}`" in section, column
