"""``bordersim compare --by-port`` leads with the headline metrics (imports and exports apart,
with intervals and significance marks) above the ports' table, then says how many rows of the
usual table were left out and where they are; ``--all`` prints the whole usual table. Shown
from a finished folder: nothing is simulated here (the folder is the shared ``doc1_compare``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import Notes, build_parser
from sim.cli_compare import _show, table_rows
from sim.cli_compare_short import HEADLINE, headline_rows, short


def _printed(folder: Path, capsys: pytest.CaptureFixture[str], *flags: str,
             lang: str = "en") -> str:
    from sim.report.folder import read_compare

    res, _ = read_compare(folder)
    args = build_parser().parse_args(["compare", "--no-report", *flags])
    capsys.readouterr()
    _show(res, args, folder, Notes(lang))
    return capsys.readouterr().out


def _metric_rows(out: str, names: set[str]) -> list[str]:
    """The metrics the table has a row for, in order."""
    return [w for ln in out.splitlines() for w in ln.strip("│┃ ").split()[:1] if w in names]


def test_by_port_leads_with_the_headline_and_says_where_the_rest_is(doc1_compare, capsys):
    from sim.report.folder import read_compare

    res, _ = read_compare(doc1_compare)
    names = set(res.summary["metric"])
    usual = table_rows(res)
    out = _printed(doc1_compare, capsys, "--by-port")
    shown = _metric_rows(out, names)
    assert shown == list(headline_rows(names))
    assert "clearance_h_mean_import" in shown and "clearance_h_mean_export" in shown
    assert "clearance_h_mean" not in shown  # (imports and exports apart)
    assert {m.removesuffix("_import").removesuffix("_export") for m in shown} <= set(HEADLINE)
    assert "Clearance time by port (h)" in out
    left = len([m for m in usual if m not in shown])
    assert left > 0
    assert (f"{left} more rows of the usual table are left out: add --all to print them; "
            f"every metric of every option is in {doc1_compare}/summary.csv") in out
    assert out.index("Clearance time by port") < out.index("more rows of the usual table")


def test_all_prints_the_usual_table_and_without_by_port_nothing_changes(doc1_compare, capsys):
    from sim.report.folder import read_compare

    res, _ = read_compare(doc1_compare)
    names = set(res.summary["metric"])
    out = _printed(doc1_compare, capsys, "--by-port", "--all")
    shown = _metric_rows(out, names)
    assert set(shown) <= set(table_rows(res)) and len(shown) > len(headline_rows(names))
    assert "consignments_released" in shown and "clearance_h_mean" in shown
    assert "left out" not in out
    assert not short(build_parser().parse_args(["compare"]))  # (without --by-port: as ever)
    assert not short(build_parser().parse_args(["compare", "--by-port", "--only"]))
    zh = _printed(doc1_compare, capsys, "--by-port", lang="zh")
    assert "通常的对比表另有" in zh and "加 --all 显示" in zh
