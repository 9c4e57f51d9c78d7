"""A Latin-hypercube sweep's report shows its screening: each parameter's PRCC per metric with
its 95 % interval and Holm's star, from prcc.csv (checked against sweep.csv), and the warnings
the sweep printed on stderr (too few points, one replication or simulation noise)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.report.folder_report import render_folder

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2"]
RANGES = ["--range", "ports.sea.review.capacity=1:4",
          "--range", "ports.sea.document_check.service.mean=20:60 min"]  # fmt: skip


@pytest.fixture(scope="module")
def lhs_folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lhs") / "l"
    argv = ["sweep", str(SMALL), *TINY, "--lhs", "7", "--reps", "2", *RANGES,
            "--metric", "clearance_h_mean", "--out", str(out)]
    assert main(argv) == 0
    return out


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_an_lhs_report_shows_each_parameters_prcc_as_prcc_csv_holds_it(lhs_folder):
    page = render_folder(lhs_folder)
    found = re.search(r"<table class='results prcc'>(.*?)</table>", page)
    assert found, "no PRCC table in an LHS sweep's report"
    table = found.group(1)
    screened = pd.read_csv(lhs_folder / "prcc.csv")
    heads = re.findall(r"<th>(.*?)</th>", table.split("</tr>")[0])[1:]
    assert heads[0] == "clearance_h_mean"  # (--metric's first)
    assert set(heads) == set(screened["metric"])
    rows = re.findall(r"<tr data-parameter='(.*?)'>(.*?)</tr>", table)
    assert [p for p, _ in rows] == list(dict.fromkeys(screened["parameter"]))
    shown = 0
    for parameter, row in rows:
        cells = re.findall(r"<td class='prcc'(.*?)>(.*?)</td>", row)
        for metric, (attrs, cell) in zip(heads, cells, strict=True):
            want = screened[(screened["metric"] == metric)
                            & (screened["parameter"] == parameter)].iloc[0]
            if want["prcc"] != want["prcc"]:
                assert cell == "NaN"
                continue
            exact = float(re.search(r"data-prcc='(.*?)'", attrs).group(1))
            assert exact == pytest.approx(want["prcc"], abs=1e-12)
            assert _text(cell).startswith(f"{want['prcc']:+.2f}")
            if abs(want["prcc"]) < 1 and want["ci_low"] == want["ci_low"]:
                assert f"[{want['ci_low']:+.2f}, {want['ci_high']:+.2f}]" in _text(cell)
                assert ("*" in cell) == bool(want["significant"])
                shown += 1
    assert shown >= 2
    assert "simulation noise's share of the spread" in table


def test_an_lhs_report_gives_the_warnings_the_sweep_printed(lhs_folder):
    text = _text(render_folder(lhs_folder))
    assert "warning: with 7 points and 2 parameters a PRCC between ±" in text
    assert "cannot be told from 0; --lhs" in text


def test_an_lhs_report_of_one_replication_says_its_noise_cannot_be_measured(tmp_path):
    out = tmp_path / "one"
    argv = ["sweep", str(SMALL), *TINY, "--lhs", "6", "--reps", "1", *RANGES, "--out", str(out)]
    assert main(argv) == 0
    text = _text(render_folder(out))
    assert "with one replication per point the simulation noise" in text


def test_an_edited_prcc_csv_is_refused_naming_it(lhs_folder, tmp_path):
    folder = tmp_path / "l"
    shutil.copytree(lhs_folder, folder)
    table = pd.read_csv(folder / "prcc.csv")
    row = table["prcc"].first_valid_index()
    table.loc[row, "prcc"] = -float(table.loc[row, "prcc"]) + 0.01
    table.to_csv(folder / "prcc.csv", index=False)
    with pytest.raises(ValueError, match=r"prcc.csv does not match sweep.csv"):
        render_folder(folder)


def test_a_sweep_of_listed_values_has_no_prcc_section(tmp_path):
    out = tmp_path / "p"
    argv = ["sweep", str(SMALL), *TINY, "--param", "ports.sea.review.capacity=2,4", "--reps",
            "2", "--out", str(out)]
    assert main(argv) == 0
    assert "partial rank correlations</h2>" not in render_folder(out)


def test_a_perfect_rank_order_is_said_in_words_not_as_an_interval_of_no_width():
    from sim.report.prcc_section import _cell

    row = pd.Series({"prcc": -1.0, "ci_low": -1.0, "ci_high": -1.0, "significant": True})
    cell = _cell(row)
    assert "-1.00 *" in cell and "every point in rank order" in cell and "[-1.00" not in cell
    row = pd.Series({"prcc": 0.4, "ci_low": float("nan"), "ci_high": float("nan"),
                     "significant": False})
    assert "+0.40 <small>[no interval]</small>" in _cell(row)


def test_an_lhs_report_says_how_its_points_were_drawn_and_over_which_ranges(lhs_folder):
    page = render_folder(lhs_folder)
    what = _text(page.split("<h2>What was run</h2>")[1].split("</table>")[0])
    assert "designLatin hypercube of 7 points (--lhs 7), sample seed 0" in what
    assert "rangeports.sea.review.capacity=1:4" in what
    assert "rangeports.sea.document_check.service.mean=20:60 min" in what
    assert "set at every pointwarmup_days=1" in what
    assert "commandbordersim sweep " in what and "--lhs 7" in what


def test_a_sweeps_design_is_said_for_each_kind_of_sweep():
    from sim.report.sweep_html import design_rows

    rows = dict(design_rows(["bordersim", "sweep", "--sobol", "4", "--range", "a=1:2",
                             "--sample-seed", "3"], 24))  # fmt: skip
    assert rows["design"] == ("Saltelli's sample for Sobol indices of overall_clearance_h_mean: "
                              "24 points (--sobol 4), sample seed 3")
    rows = dict(design_rows(["bordersim", "sweep", "--param", "a=1,2", "--param", "b=3,4",
                             "--grid"], 4))  # fmt: skip
    assert rows["design"] == "every combination of the values listed: 4 points"
    listed = design_rows(["bordersim", "sweep", "--param", "a=1,2"], 2)
    assert listed[:2] == [("design", "the values listed, taken in order: 2 points"),
                          ("values", "a=1,2")]


def test_a_sampled_value_has_four_digits_and_a_whole_number_none():
    import numpy as np

    from sim.report.sweep_html import _value

    assert _value(0.7213644639879532) == "<td data-value='0.7213644639879532'>0.7214</td>"
    assert _value(5.0) == "<td data-value='5.0'>5</td>"  # (a row of mixed columns: 5.0)
    assert _value(np.int64(3)) == "<td>3</td>"
    assert _value("27.4 min") == "<td>27.4 min</td>"


def test_a_sobol_index_is_shown_with_its_interval_not_beside_a_bare_half_width(tmp_path):
    from sim.report.sweep_html import _sobol, sobol_table

    nan = float("nan")
    t = pd.DataFrame({"parameter": ["a", "b"], "S1": [0.5, 0.02], "S1_conf": [0.1, 0.05],
                      "ST": [0.6, 0.03], "ST_conf": [0.2, 0.01], "S1_reps": [nan, nan],
                      "S1_noise": [nan, nan], "ST_reps": [nan, nan], "ST_noise": [nan, nan]})
    page = sobol_table(t)
    assert "0.500 <small>[0.400, 0.600]</small>" in page
    assert "0.020 <small>[-0.030, 0.070]</small>" in page
    assert "0.600 <small>[0.400, 0.800]</small>" in page
    assert "S1 over the replications [" not in page  # (one replication: no such columns)
    t["S1_reps"], t["S1_noise"] = [0.45, 0.0], [0.3, 0.1]
    t["ST_reps"], t["ST_noise"] = [0.55, 0.05], [0.25, 0.02]
    page = sobol_table(t)
    assert "S1 over the replications [± simulation noise, 95 %]" in page
    assert "0.450 <small>[0.150, 0.750]</small>" in page
    assert "data-index='S1_noise'" not in page and "data-half='0.3'" in page
    t.to_csv(tmp_path / "sobol.csv", index=False)  # (the report's section reads the folder's)
    assert "0.450 <small>[0.150, 0.750]</small>" in "".join(_sobol(tmp_path))


def test_an_lhs_reports_paragraphs_and_cells_are_in_chinese(lhs_folder):
    """The Chinese page of the sweep (``report --lang zh``) leaves no English prose: the
    PRCC's, the points' and the differences' paragraphs are in Chinese, and its first line
    does not say that any is left in English."""
    from sim.report.translate import translate
    from tests.test_report_zh_prose import _prose, chinese_texts

    page = translate(render_folder(lhs_folder), "zh")
    texts = chinese_texts(page)
    english = {t[:120]: found for t in texts if (found := _prose(t))}
    assert english == {}, "English prose left in the sweep's Chinese page"
    for shown in ("的偏秩相关系数（PRCC", "仿真噪声占离散程度的比例", "各扫描点各次重复运行的均值",
                  "与扫描点 0 的差值"):
        assert any(shown in t for t in texts), shown
    assert "data-untranslated" not in page


def test_a_sobol_section_is_in_chinese(tmp_path):
    """The Sobol section's heading, columns and note in Chinese: nothing on its page is
    counted as left in English."""
    from sim.report.sweep_html import _sobol
    from sim.report.translate import translate
    from tests.test_report_zh_prose import _prose, chinese_texts

    t = pd.DataFrame({"parameter": ["a"], "S1": [0.5], "S1_conf": [0.1], "ST": [0.6],
                      "ST_conf": [0.2], "S1_reps": [0.45], "S1_noise": [0.3], "ST_reps": [0.55],
                      "ST_noise": [0.25]})
    t.to_csv(tmp_path / "sobol.csv", index=False)
    (tmp_path / "sobol.json").write_text('{"metric": "clearance_h_mean"}')
    page = translate("<body>" + "".join(_sobol(tmp_path)), "zh")
    assert "data-untranslated" not in page
    texts = chinese_texts(page)
    assert [t for t in texts if _prose(t)] == []
    # the heading names the analysis and the metric in Chinese, the columns each index
    assert "敏感性分析（Sobol 指数）：clearance_h_mean（海关通关时间均值）" in texts
    assert {"一阶指数 S1 [95% 自助法置信区间]", "总效应指数 ST [95% 自助法置信区间]"} <= set(texts)
    assert len(texts) >= 6
