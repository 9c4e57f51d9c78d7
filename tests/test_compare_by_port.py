"""``bordersim compare --by-port``: each port's clearance time, imports and exports, the
baseline's level and each option's change with its 95 % interval, as the folder's own
summary and differences hold them, in English and Chinese."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from rich.console import Console

from sim.cli_compare_ports import port_rows, port_table


def _said(table: object) -> str:
    console = Console(file=io.StringIO(), width=200)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def test_each_port_has_its_baseline_and_its_change_with_the_interval(doc1_compare: Path):
    from sim.report.folder import read_compare

    res, _ = read_compare(doc1_compare)
    head, rows = port_rows(res)
    d = pd.read_csv(doc1_compare / "differences.csv").set_index(["option", "metric"])
    s = pd.read_csv(doc1_compare / "summary.csv").set_index(["option", "metric"])
    assert head == ["import:baseline", "import:doc1", "export:baseline", "export:doc1"]
    assert [r[0] for r in rows] == ["sea"]
    for i, x in enumerate(("import", "export")):
        metric = f"clearance_h_mean_port_sea_{x}"
        level, change = rows[0][1 + 2 * i], rows[0][2 + 2 * i]
        assert level == f"{s.loc[('baseline', metric), 'mean']:.2f}"
        r = d.loc[("doc1", metric)]
        assert change == (f"{r['mean']:+.2f} [{r['shown_low']:+.2f}, {r['shown_high']:+.2f}]")
    en, zh = _said(port_table(res)), _said(port_table(res, "zh"))
    assert "Clearance time by port (h)" in en and "imports: doc1" in en and rows[0][2] in en
    assert "各口岸通关时间（小时）" in zh and "进口：基准方案" in zh and "imports" not in zh


def test_by_port_is_an_option_of_compare(capsys):
    from sim.cli import main

    try:
        main(["compare", "--help"])
    except SystemExit:
        pass
    assert "--by-port" in capsys.readouterr().out
