"""``bordersim trucks`` reads a comparison's folder (``bordersim compare``): its baseline, then
each option against it, with the same figures as the same options run apart with ``run
--log`` (a comparison's saved logs keep the columns trucks reads:
:mod:`sim.experiment.trip_columns`)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.compare import compare
from sim.experiment.trip_columns import TRIP_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
TWO_PORTS = ROOT / "tests" / "scenarios" / "two_ports.toml"
THREE = "ports.p.document_check.capacity=3"  # (not overloaded when slower)
SLOWER = "ports.p.document_check.service.mean=0.8 h"
COMMON = ["--reps", "1", "--days", "1", "--seed", "1", "--set", THREE]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A comparison of the baseline and a slower document check (without its report: not
    read here), and the same two run apart with their logs."""
    root = tmp_path_factory.mktemp("trucks_compare")
    compare(TWO_PORTS, [f"slow:{SLOWER}"], reps=1, seed=1, out=root / "cmp", report=False,
            overrides={"days": 1, "ports.p.document_check.capacity": 3})
    for name, extra in (("base", []), ("slow", ["--set", SLOWER])):
        assert main(["run", str(TWO_PORTS), *COMMON, *extra, "--log",
                     "--out", str(root / name)]) == 0
    return root


def test_a_comparisons_folder_gives_the_figures_of_its_options_run_apart(runs, capsys):
    capsys.readouterr()
    assert main(["trucks", str(runs / "cmp"), "--port", "p", "--csv",
                 str(runs / "cmp.csv")]) == 0
    out = capsys.readouterr().out
    assert "slow against the baseline:" in out
    assert main(["trucks", str(runs / "base"), "--port", "p", "--against",
                 f"slow={runs / 'slow'}", "--csv", str(runs / "apart.csv")]) == 0
    both = pd.read_csv(runs / "cmp.csv"), pd.read_csv(runs / "apart.csv")
    assert set(both[0]["option"]) == {"baseline", "slow"}
    pd.testing.assert_frame_equal(*both)
    saved = pd.read_parquet(runs / "cmp" / "options" / "slow" / "reps" / "rep-0000-log.parquet")
    assert "exam_start" in saved and "own_customs" in saved


def test_a_comparison_saved_without_the_columns_says_to_run_it_again(runs, tmp_path, capsys):
    """A comparison's logs saved before they kept the trucks' columns: a clear error."""
    import shutil

    old = tmp_path / "old"
    shutil.copytree(runs / "cmp", old)
    for path in (old / "options").glob("*/reps/rep-*-log.parquet"):
        log = pd.read_parquet(path)
        log.drop(columns=[c for c in TRIP_COLUMNS if c in log and c not in
                          {"outcome", "arrived", "released", "exited", "loaded",
                           "departed"}]).to_parquet(path)
    capsys.readouterr()
    assert main(["trucks", str(old), "--port", "p"]) == 2
    assert "keep no exam columns" in capsys.readouterr().err
    (old / "compare.json").write_text(json.dumps({"options": []}))
    assert main(["trucks", str(old), "--port", "p"]) == 2
    assert "without its baseline's runs" in capsys.readouterr().err
