"""A run's report shows its ``class-differences.csv`` (each trader class against general
traders at the same port and direction), in English and in Chinese; a comparison's does not
(it has no such file)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.experiment.class_differences import FILE, class_differences
from sim.report import class_section
from sim.report.folder import Variant
from sim.report.translate import translate

NAME = "clearance_h_p90_{}_port_sea_port_import"


def _variant(path: Path) -> Variant:
    return Variant(name="run", path=path, scenario={}, reps=[0, 1, 2])


def _folder(tmp_path: Path) -> Path:
    per_rep = pd.DataFrame({NAME.format("general"): [30.0, 42.0, 25.0],
                            NAME.format("aeo_advanced"): [20.0, 31.0, 16.0]})  # fmt: skip
    class_differences(per_rep).to_csv(tmp_path / FILE, index=False)
    return tmp_path


def test_a_runs_report_shows_each_class_against_general(tmp_path):
    section = "".join(class_section.class_section({"run": _variant(_folder(tmp_path))}))
    assert f"<h2>{class_section.HEADING}</h2>" in section
    row = section[section.index("<tr><td>"):]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
    # the paired difference of the p90 and its interval, as the file has them
    assert cells[:4] == ["clearance_h_p90", "sea_port", "import", "aeo_advanced"]
    assert cells[4:7] == ["22.33", "32.33", "-10.00"]
    assert cells[7].startswith("[-12.") and cells[7].endswith("]")
    # a comparison (several options) and a folder without the file: no section
    assert class_section.class_section({"a": _variant(tmp_path), "b": _variant(tmp_path)}) == []
    assert class_section.class_section({"run": _variant(tmp_path / "none")}) == []


def test_the_section_is_put_in_chinese_whole(tmp_path):
    section = "".join(class_section.class_section({"run": _variant(_folder(tmp_path))}))
    page = translate(f"<html><body>{section}</body></html>", "zh")
    assert class_section.HEADING not in page and "信用类别" in page
    assert class_section.NOTE[:40] not in page
    for head in class_section.HEADS:
        assert f"<th>{head}</th>" not in page, head
