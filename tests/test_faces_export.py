"""The workshop page's runs so far as a CSV download (:mod:`sim.faces.export`): fast, without
a browser (tests/test_dashboard_e2e.py reads the link on the page)."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import unquote

import pytest

pytest.importorskip("panel")

from sim.faces.export import COLUMNS, download_html, runs_csv  # noqa: E402
from sim.faces.history import History  # noqa: E402
from tests.faces_history import METRICS, two_runs  # noqa: E402


def test_the_csv_holds_every_figure_of_every_run_unrounded():
    """Each run's every row and side, at the page's exact value, with the raw interval and
    the one the page shows (clipped: a share not above 100 %), as the results folder's
    summary.csv names them."""
    history = two_runs()
    rows = list(csv.DictReader(io.StringIO(runs_csv(history.entries))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 2 * len(METRICS) * 3
    for entry in history.entries:
        for row in entry.rows:
            for side in ("baseline", "option", "difference"):
                (line,) = [r for r in rows if r["run"] == str(entry.number)
                           and r["metric"] == row["metric"] and r["side"] == side]
                mean, low, high = row[side]
                assert float(line["mean"]) == mean and float(line["ci_low"]) == low
                assert float(line["ci_high"]) == high
                assert float(line["shown_low"]) <= float(line["shown_high"])
                assert line["seed"] == "1" and line["observed_days"] == "1"
    shares = [r for r in rows if r["metric"] == "released_within_24h_import"
              and r["side"] != "difference"]
    assert any(float(r["ci_high"]) > 1 for r in shares)  # (3 reps near 1: the raw goes over)
    assert all(float(r["shown_high"]) <= 1 for r in shares)
    assert {r["unit"] for r in rows if r["metric"] == "value_slipped"} == {"USD, observed days"}


def test_the_download_link_carries_the_csv_and_its_labels_in_chinese():
    history = two_runs("zh")
    link = download_html(history.entries, "zh")
    href = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)"', link)
    assert href is not None and 'download="bordersim-runs.csv"' in link
    text = unquote(href.group(1))
    assert text.startswith("\ufeff") and text[1:] == runs_csv(history.entries, "zh")
    assert "海关通关时间均值（进口）" in text and "下载" in link
    assert download_html([], "zh") == ""


def _downloaded(history: History) -> list[dict[str, str]]:
    """The rows of the file the page's download link carries."""
    href = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)"', history.download.object)
    assert href is not None
    return list(csv.DictReader(io.StringIO(unquote(href.group(1)).lstrip("\ufeff"))))


def test_the_download_holds_the_b_minus_a_of_the_two_runs_side_by_side():
    """The side-by-side's B − A, exactly as the page shows it, one row per metric of side
    b_minus_a (run B's number, the two options named); empty where it is not paired, and
    gone when no two different runs are chosen."""
    from sim.faces.pairs import pair_rows

    history = two_runs()
    a, b = history.entries
    pair = [r for r in _downloaded(history) if r["side"] == "b_minus_a"]
    assert [r["metric"] for r in pair] == [r["metric"] for r in a.rows]
    for line, row in zip(pair, pair_rows(a, b), strict=True):
        mean, low, high = row["difference"]
        assert (float(line["mean"]), float(line["ci_low"]), float(line["ci_high"])) == (
            mean, low, high)
        assert line["run"] == "2" and line["option"] == "run 2: option 1"
        assert line["baseline"] == "run 1: option 0"
    history.pairs.second.value = 1  # (the same run twice: no B − A)
    assert not [r for r in _downloaded(history) if r["side"] == "b_minus_a"]
    unpaired = [r for r in _downloaded(two_runs(seeds=(1, 2))) if r["side"] == "b_minus_a"]
    assert unpaired and all(r["mean"] == r["ci_low"] == "" for r in unpaired)
