"""Sobol indices: the wrapper against functions whose indices are known, and a small real
sweep through the whole plumbing (design -> runs -> indices -> CSV and PNG)."""

from __future__ import annotations

import contextlib
import io
import json
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.sensitivity import (
    plot_sobol,
    saltelli_unit,
    sobol,
    sobol_design,
    sobol_indices,
)
from sim.experiment.sweep import Range

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def ishigami(x: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def ishigami_indices(a: float = 7.0, b: float = 0.1) -> tuple[list[float], list[float]]:
    v1 = 0.5 * (1 + b * math.pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * math.pi**8 * (1 / 18 - 1 / 50)
    v = v1 + v2 + v13
    return [v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v]


def test_ishigami():
    u = saltelli_unit(3, 4096, seed=1)
    y = ishigami(-math.pi + 2 * math.pi * u)
    got = sobol_indices(["x1", "x2", "x3"], y, seed=1)
    s1, st = ishigami_indices()
    assert list(got.columns) == ["S1", "S1_conf", "ST", "ST_conf"]
    assert got["S1"].to_numpy() == pytest.approx(s1, abs=0.03)
    assert got["ST"].to_numpy() == pytest.approx(st, abs=0.03)
    assert (got["S1_conf"] > 0).all() and (got["S1_conf"] < 0.1).all()
    assert (got["ST_conf"] > 0).all()


def test_linear_model():
    # y = x1 + 2 x2 + 0 x3 with independent uniforms: S1 = ST = (1/5, 4/5, 0)
    design = sobol_design({"a": Range(0, 1), "b": Range(0, 1), "c": Range(0, 1)}, 1024, seed=2)
    y = design["a"] + 2 * design["b"]
    got = sobol_indices(list(design.columns), y, seed=2)
    assert got["S1"].to_numpy() == pytest.approx([0.2, 0.8, 0.0], abs=0.02)
    assert got["ST"].to_numpy() == pytest.approx([0.2, 0.8, 0.0], abs=0.02)
    assert got.loc["c", "ST"] == 0.0  # c never changes y: its total index is exactly zero


def test_nan_output_is_refused():
    with pytest.raises(ValueError, match="NaN"):
        sobol_indices(["a"], [1.0, math.nan, 2.0])


def test_plot_is_a_png(tmp_path):
    idx = pd.DataFrame(
        {"S1": [0.3, 0.6], "S1_conf": [0.05, 0.04], "ST": [0.35, 0.65], "ST_conf": [0.05, 0.06]},
        index=pd.Index(["a", "b"], name="parameter"),
    )
    path = plot_sobol(idx, tmp_path / "s.png", title="t")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_small_real_sobol_sweep(tmp_path):
    # The arrival rate sets how many consignments arrive; review capacity cannot. With common
    # random numbers the capacity's total index must be exactly zero, whatever N.
    out = tmp_path / "sobol"
    ranges = {"ports.sea.arrivals.rate": Range(2, 8, "/d"), "ports.sea.review.capacity": "1:4"}
    # (the scenario's week of warm-up is kept: without it the rate's total index, from one
    # day of arrivals and N = 4, fell to 0.47)
    res = sobol(SMALL, ranges, 4, "consignments_arrived", reps=1, overrides={"days": 1}, out=out)
    assert len(res.runs) == 4 * (2 + 2)
    idx = res.indices
    assert list(idx.index) == list(ranges)
    assert idx.loc["ports.sea.review.capacity", "ST"] == 0.0
    assert idx.loc["ports.sea.review.capacity", "S1"] == 0.0
    assert idx.loc["ports.sea.arrivals.rate", "ST"] > 0.5
    assert (out / "sobol.png").read_bytes()[:4] == b"\x89PNG"
    assert len(pd.read_csv(out / "sobol.csv")) == 2
    assert len(list((out / "points").glob("*.json"))) == 16


#: the small Sobol sweep of the command line the tests below share: N = 2, one replication
SOBOL_ARGV = ["sweep", str(SMALL), "--days", "1", "--sobol", "2", "--reps", "1",
              "--range", "ports.sea.review.capacity=1:4",
              "--range", "ports.sea.arrivals.rate=2:8 /d"]  # fmt: skip
ARRIVED = ["--metric", "consignments_arrived"]


@pytest.fixture(scope="module")
def arrived_sweep(tmp_path_factory):
    """One fresh run of the command line's Sobol sweep of consignments_arrived (the tests
    that only read it share it; a test that writes into its folder works on a copy): its
    folder and what it printed on standard output and standard error."""
    out = tmp_path_factory.mktemp("sobol") / "c"
    printed, said = io.StringIO(), io.StringIO()  # (capsys is a test's, not a module's)
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(said):
        code = main([*SOBOL_ARGV, *ARRIVED, "--out", str(out), "--json"])
    assert code == 0, said.getvalue()
    return out, printed.getvalue(), said.getvalue()


def _copy(folder: Path, tmp_path: Path) -> Path:
    """The shared sweep's folder, copied for a test that writes into it."""
    return Path(shutil.copytree(folder, tmp_path / folder.name))


def test_cli_sobol(arrived_sweep, tmp_path, capsys):
    shared, out, err = arrived_sweep
    folder = _copy(shared, tmp_path)  # (the report and the resumed run below write into it)
    rows = json.loads(out)
    widest = max(max(r["S1_conf"], r["ST_conf"]) for r in rows)
    # N = 2: intervals far too wide to rank anything, and the user is told so
    assert widest > 0.1 and "the Sobol indices are uncertain" in err
    assert f"the widest 95 % half-width is {widest:.3g}" in err
    names = [r["parameter"] for r in rows]
    assert names == ["ports.sea.review.capacity", "ports.sea.arrivals.rate"]
    assert set(rows[0]) == {"parameter", "S1", "S1_conf", "ST", "ST_conf", "S1_reps", "S1_noise",
                            "ST_reps", "ST_noise"}  # fmt: skip
    assert rows[0]["S1_noise"] is None  # one replication: the noise cannot be measured
    # ... and the user is told the intervals leave it out, and to raise --reps and --days
    assert "with one replication per point the Sobol intervals exclude simulation noise" in err
    assert "run --reps 2 or more" in err and "longer runs (--days)" in err
    assert (folder / "sobol.png").is_file()
    # the folder says which metric the indices are of, and the report shows it and the warning
    about = json.loads((folder / "sobol.json").read_text())
    assert about["metric"] == "consignments_arrived" and about["n"] == 2
    assert "the Sobol indices are uncertain" in about["warning"]
    assert any("exclude simulation noise" in w for w in about["warnings"])
    assert about["reps"] == 1 and about["noise"]["intervals_include_noise"] is False
    assert main(["report", str(folder)]) == 0
    page = (folder / "report.html").read_text()
    assert "<h2>Sobol indices of consignments_arrived</h2>" in page
    assert "<p class='warn'>warning: the Sobol indices are uncertain" in page
    assert "<p class='warn'>warning: with one replication per point the Sobol" in page

    bad = [*SOBOL_ARGV, "--metric", "no_such_metric", "--out", str(folder)]  # resumes
    assert main(bad) == 2
    assert "'no_such_metric' is not a metric of scenario 'small'" in capsys.readouterr().err


def test_narrow_sobol_indices_give_no_warning():
    from sim.experiment.sensitivity import SobolResult

    narrow = pd.DataFrame({"S1": [0.5], "S1_conf": [0.05], "ST": [0.6], "ST_conf": [0.1]})
    assert SobolResult(narrow, pd.DataFrame(), "m").uncertainty(1024) is None
    wide = narrow.assign(ST_conf=[0.11])
    assert "raise --sobol N (now 1024" in SobolResult(wide, pd.DataFrame(), "m").uncertainty(1024)


@pytest.mark.parametrize("seed", [0, 3])
def test_two_analyses_of_the_same_outputs_give_identical_intervals(seed):
    """The bootstrap behind the half-widths is seeded (seed 0 included, which SALib would
    take for no seed at all), so the intervals are a function of the outputs and the seed."""
    u = saltelli_unit(3, 64, seed=1)
    y = ishigami(-math.pi + 2 * math.pi * u)
    first = sobol_indices(["x1", "x2", "x3"], y, seed=seed)
    pd.testing.assert_frame_equal(sobol_indices(["x1", "x2", "x3"], y, seed=seed), first,
                                  check_exact=True)
    other = sobol_indices(["x1", "x2", "x3"], y, seed=seed + 1)
    assert (other["S1"] == first["S1"]).all()  # the indices themselves take no resampling
    assert not (other["S1_conf"] == first["S1_conf"]).all()


def test_sobol_files_are_identical_on_rerun_and_with_another_executor(
    arrived_sweep, tmp_path, capsys
):
    """sobol.csv and sobol.png: a rerun that simulates nothing, and the same sweep run by
    local processes, give the very same files."""
    shared, _, _ = arrived_sweep
    argv = [*SOBOL_ARGV, *ARRIVED]
    files = ("sobol.csv", "sobol.png")
    first = {f: (shared / f).read_bytes() for f in files}
    again = _copy(shared, tmp_path)  # (the rerun rewrites the files it then compares)
    assert main([*argv, "--out", str(again)]) == 0
    history = json.loads((again / "meta.json").read_text())["history"]
    assert not history[-1]["computed"], history  # (the rerun took the stored points)
    assert {f: (again / f).read_bytes() for f in files} == first
    processes = ["--executor", "processes", "--workers", "2"]
    assert main([*argv, *processes, "--out", str(tmp_path / "b")]) == 0
    assert {f: (tmp_path / "b" / f).read_bytes() for f in files} == first
    capsys.readouterr()


def test_another_metric_into_the_same_folder_simulates_nothing(arrived_sweep, tmp_path, capsys):
    """The README's way to get the indices of several outputs from one sample: the same
    command with another --metric into the same --out computes nothing again (the history
    says so) and its files are then that metric's, the same as a fresh sweep's."""
    shared, _, _ = arrived_sweep
    out = _copy(shared, tmp_path)  # (computed by consignments_arrived's sweep, fresh)
    assert main([*SOBOL_ARGV, "--metric", "clearance_h_mean", "--out", str(out)]) == 0
    history = json.loads((out / "meta.json").read_text())["history"]
    assert history[0]["computed"] and not history[1]["computed"], history
    assert json.loads((out / "sobol.json").read_text())["metric"] == "clearance_h_mean"
    fresh = tmp_path / "b"
    assert main([*SOBOL_ARGV, "--metric", "clearance_h_mean", "--out", str(fresh)]) == 0
    assert (out / "sobol.csv").read_bytes() == (fresh / "sobol.csv").read_bytes()
    readme = " ".join((Path(__file__).parents[1] / "docs" / "commands.md").read_text().split())
    assert "with another `--metric` into the same `--out` computes its indices" in readme
    capsys.readouterr()


TWO_PORTS = Path(__file__).parent / "scenarios" / "two_ports.toml"


def test_noise_of_each_replication_is_reported_beside_the_bootstrap(tmp_path):
    """Two identical, independent ports: their capacities are interchangeable (true indices
    0.5 each), but every point of a replication shares its random numbers, so each
    replication's indices split the mass unevenly. With replications, the indices of each
    one are computed, and their spread is reported beside the bootstrap half-widths."""
    ranges = {f"ports.{p}.document_check.capacity": "2:4" for p in ("p", "q")}
    out = tmp_path / "s"
    # (one observed day after none of warm-up: shorter runs are noisier, not calmer)
    day = {"days": 1, "warmup_days": 0, "drain_days": 1}
    res = sobol(TWO_PORTS, ranges, 4, "clearance_h_mean", reps=3, overrides=day, out=out)
    assert res.per_rep is not None
    assert sorted(res.per_rep["replication"].unique()) == [0, 1, 2]
    assert len(pd.read_csv(out / "sobol-replications.csv")) == 3 * 2
    idx = res.indices
    assert (idx[["S1_noise", "ST_noise"]].to_numpy() > 0).all()
    spread = res.per_rep.groupby("parameter")["ST"].std()
    assert spread.gt(0).all()  # the replications disagree: the noise moves the indices
    about = json.loads((out / "sobol.json").read_text())
    assert about["reps"] == 3 and about["noise"]["replications_used"] == 3
    for col in ("S1_reps", "S1_noise", "ST_reps", "ST_noise"):
        assert about["noise"][col] == pytest.approx(idx[col].to_dict())
    assert pd.read_csv(out / "sobol.csv").columns.tolist()[-4:] == [
        "S1_reps", "S1_noise", "ST_reps", "ST_noise"]  # fmt: skip
    # the noise's interval is about the mean of the replications' own indices
    for col in ("S1", "ST"):
        mean = res.per_rep.groupby("parameter")[col].mean()
        assert idx[f"{col}_reps"].to_dict() == pytest.approx(mean.to_dict(), rel=1e-12)


def test_noise_wider_than_the_bootstrap_is_a_warning():
    from sim.experiment.sobol_noise import noise_halfwidths, noise_warning

    per_rep = pd.DataFrame({"replication": [0, 1, 0, 1], "parameter": ["a", "a", "b", "b"],
                            "S1": [0.2, 0.8, 0.8, 0.2], "ST": [0.2, 0.8, 0.8, 0.2]})  # fmt: skip
    noise = noise_halfwidths(per_rep, ["a", "b"])
    # t(0.975, 1) * sd / sqrt(2) with sd = 0.6 / sqrt(2)
    assert noise.loc["a", "S1_noise"] == pytest.approx(12.7062 * 0.3, rel=1e-4)
    idx = pd.DataFrame({"S1": [0.5, 0.5], "S1_conf": [0.05, 0.05], "ST": [0.5, 0.5],
                        "ST_conf": [0.05, 0.05]}, index=["a", "b"]).join(noise)  # fmt: skip
    warning = noise_warning(idx, 2)
    assert warning is not None and "more than their bootstrap intervals show" in warning
    assert "a S1 ±3.81 (bootstrap ±0.05)" in warning and "raise --reps or --days" in warning
    calm = idx.assign(S1_noise=0.01, ST_noise=0.01)
    assert noise_warning(calm, 2) is None
    assert "exclude simulation noise" in str(noise_warning(calm, 1))


def test_sobol_takes_a_scenario_as_well_as_a_file_and_defaults_to_the_clis_reps():
    """A scenario made in Python (``sim.patch``) needs no file: the indices are those of the
    file it came from; and ``sobol`` runs 3 replications a point unless told, as the
    command line does."""
    import inspect

    import sim

    assert inspect.signature(sobol).parameters["reps"].default == 3
    ranges = {f"ports.{p}.document_check.capacity": "2:4" for p in ("p", "q")}
    over = {"days": 1, "warmup_days": 0}  # (the same sample either way, at any length)
    by_file = sobol(TWO_PORTS, ranges, 2, "clearance_h_mean", reps=2, overrides=over)
    loaded = sobol(sim.load_scenario(TWO_PORTS), ranges, 2, "clearance_h_mean", reps=2,
                   overrides=over)  # fmt: skip
    assert by_file.indices.equals(loaded.indices)


def test_a_base_size_not_a_power_of_two_is_warned_with_the_sizes_to_use():
    """Saltelli's sample rests on a Sobol' sequence balanced only at powers of two: N = 6
    warns and names 4 and 8; powers of two do not warn, and the result's warnings carry it."""
    from sim.experiment.sensitivity import SobolResult, unbalanced

    assert [unbalanced(n) for n in (2, 4, 64, 1024)] == [None] * 4
    said = unbalanced(6)
    assert said is not None and said.endswith("use --sobol 4 or 8"), said
    assert unbalanced(1000).endswith("use --sobol 512 or 1,024")
    idx = pd.DataFrame({"S1_conf": [0.01], "ST_conf": [0.01]})
    assert SobolResult(idx, pd.DataFrame(), "m", n=6).warnings() == [said]
    assert SobolResult(idx, pd.DataFrame(), "m", n=8).warnings() == []
