"""A grid sweep's ``effects.csv``: each swept key's paired effect at every setting of the
other keys (the point against the one that differs from it in that key alone, at the key's
first value), not against point 0 as ``differences.csv`` sets every point; ``reproduce``
compares it byte for byte, and a folder written before sweeps wrote it is not faulted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.reproduce_compare import Outcome
from sim.reproduce_sweep import EFFECTS, TABLES, _tables

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DOCS = "ports.sea.document_check.capacity"
REVIEW = "ports.sea.review.capacity"
SHORT = ["--executor", "serial", "--days", "1", "--set", "warmup_days=1", "--set", "drain_days=1"]


@pytest.fixture(scope="module")
def grid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2 x 2 grid of small.toml, two replications of one observed day (short warm-up and
    drain: the test is of the pairing, not of the figures)."""
    out = tmp_path_factory.mktemp("effects") / "grid"
    assert main(["sweep", str(SMALL), "--param", f"{DOCS}=1,2", "--param", f"{REVIEW}=2,3",
                 "--grid", "--reps", "2", *SHORT, "--out", str(out)]) == 0
    return out


def test_each_key_is_set_against_its_first_value_at_the_others_settings(grid: Path) -> None:
    """Every row pairs its point with the point equal to it but for the key, the key at its
    first value; its mean is the mean over replications of the two points' difference."""
    effects = pd.read_csv(grid / "effects.csv")
    rows = pd.read_csv(grid / "sweep.csv").set_index(["point", "replication"])
    design = pd.read_csv(grid / "design.csv").set_index("point")
    assert set(effects["key"]) == {DOCS, REVIEW}
    for key, other in ((DOCS, REVIEW), (REVIEW, DOCS)):
        mine = effects[effects["key"] == key]
        first = design[key].iloc[0]
        assert sorted(set(mine["point"])) == sorted(design.index[design[key] != first])
        for _, row in mine[mine["metric"] == "clearance_h_mean"].iterrows():
            p, ref = int(row["point"]), int(row["reference_point"])
            assert design.loc[ref, key] == first and design.loc[p, key] != first
            assert design.loc[ref, other] == design.loc[p, other]
            d = rows.loc[p, "clearance_h_mean"] - rows.loc[ref, "clearance_h_mean"]
            assert row["mean"] == pytest.approx(float(d.mean()), abs=1e-12)
            assert row["ci_low"] <= row["mean"] <= row["ci_high"] and row["n"] == 2


def test_python_gives_the_same_table_from_the_sweeps_rows(grid: Path) -> None:
    """``sim.sweep_effects`` of the folder's sweep.csv is its effects.csv, to the byte."""
    import sim

    rows = pd.read_csv(grid / "sweep.csv")
    made = sim.sweep_effects(rows).to_csv(index=False)
    assert made == (grid / "effects.csv").read_text(encoding="utf-8")


def test_a_sweep_of_one_key_writes_none(tmp_path: Path) -> None:
    """One key's effect is differences.csv already: no effects.csv beside it."""
    out = tmp_path / "one"
    assert main(["sweep", str(SMALL), "--param", f"{DOCS}=1,2", "--reps", "1", *SHORT,
                 "--out", str(out)]) == 0
    assert not (out / "effects.csv").exists()


def test_reproduce_compares_it_and_spares_an_older_folder(grid: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """The re-run's effects.csv is compared with the original's; an original without one
    (written before sweeps wrote it) is not compared on it, and a note says so."""
    out = Outcome(checked_reps=1, all_reps=True)
    assert EFFECTS in _tables(grid, grid, out) and not out.skipped
    older = tmp_path / "older"
    shutil.copytree(grid, older)
    (older / EFFECTS).unlink()
    assert _tables(older, grid, out) == TABLES and EFFECTS in out.skipped[0]
    assert main(["reproduce", str(grid), "--out", str(tmp_path / "again")]) == 0
    said = capsys.readouterr().out
    assert "REPRODUCED" in said and "effects.csv" not in said
    assert (tmp_path / "again" / EFFECTS).read_bytes() == (grid / EFFECTS).read_bytes()
