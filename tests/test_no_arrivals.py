"""An option or a sweep's point at which nothing arrives says so (its figures are blanks, not
measurements), as a run where nothing arrives is an error; its plots raise no library
warnings."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from sim.cli import main
from sim.experiment.compare import compare
from sim.report.plots import who_gains

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 1}
NOTHING = 'none:ports.sea.arrivals.rate="0/d",ports.sea.exports.arrivals.rate="0/d"'


def test_an_option_where_nothing_arrives_is_a_warning_naming_it():
    res = compare(SMALL, [NOTHING], reps=2, overrides=SHORT, log=False)
    said = [n for n in res.notes if "no consignment arrived" in n]
    assert said and all(n.startswith("warning (none): ") for n in said), res.notes
    assert "of any replication" in said[0]


def test_who_gains_without_paired_consignments_warns_nothing():
    empty = pd.DataFrame(columns=["option", "measure", "dimension", "port", "direction",
                                  "share_better", "share_worse"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        who_gains(empty)


def test_a_sweep_point_where_nothing_arrives_is_named(tmp_path, capsys):
    argv = ["sweep", str(SMALL), "--reps", "1", "--days", "2", "--set",
            'ports.sea.arrivals.rate="0/d"', "--param",
            'ports.sea.exports.arrivals.rate="0/d","10/d"']
    assert main([*argv, "--out", str(tmp_path / "a")]) == 0
    err = capsys.readouterr().err
    assert "warning (point 0: ports.sea.exports.arrivals.rate=0/d): no consignment" in err
    assert "point 1" not in err


def test_a_sweep_where_nothing_arrives_anywhere_is_an_error(tmp_path, capsys):
    argv = ["sweep", str(SMALL), "--reps", "1", "--days", "2", "--set",
            'ports.sea.arrivals.rate="0/d"', "--param",
            'ports.sea.exports.arrivals.rate="0/d","0/h"']
    assert main([*argv, "--out", str(tmp_path / "a")]) == 2
    assert "no consignment arrived in the observed days at any point" in capsys.readouterr().err


def test_a_sweeps_report_names_the_point_where_nothing_arrives(tmp_path):
    from sim.report.sweep_html import render_sweep

    out = tmp_path / "a"
    argv = ["sweep", str(SMALL), "--reps", "1", "--days", "2", "--set",
            'ports.sea.arrivals.rate="0/d"', "--param",
            'ports.sea.exports.arrivals.rate="0/d","10/d"', "--out", str(out)]
    assert main(argv) == 0
    page = render_sweep(out)
    assert "warning (point 0: ports.sea.exports.arrivals.rate=0/d): no consignment" in page
    assert "warning (point 1" not in page


def test_a_comparisons_report_names_the_option_where_nothing_arrives(tmp_path):
    from sim.report.folder_report import render_folder

    out = tmp_path / "c"
    compare(SMALL, [NOTHING], reps=2, overrides=SHORT, out=out, report=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page = render_folder(out)
    assert "warning (none): no consignment arrived in the observed days" in page
