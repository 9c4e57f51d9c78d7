"""``bordersim sweep --observed FILE``: each observed figure beside every point's mean and
95 % interval (the point's own figures, as its ``intervals.csv``), the swept values where it
falls inside, in English and Chinese; ``observed.csv`` kept when the sweep is resumed."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path
from typing import Any

import pytest

from sim.cli import _fmt, main
from sim.experiment.compare import clip_interval

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
FIELD = 'selection.scan."*"."*"'
METRIC = "overall_clearance_h_mean"  # (a time: no upper end to clip)


def _sweep(out: Path, *extra: str) -> str:
    said = io.StringIO()
    argv = ["sweep", str(SMALL), "--param", f"{FIELD}=0.05,0.3", "--reps", "2", "--days", "1",
            "--set", "warmup_days=1", "--set", "drain_days=1", "--out", str(out), *extra]
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(io.StringIO()):
        assert main(argv) == 0
    return said.getvalue()


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A two-point sweep, then resumed (nothing simulated again) with observed figures: one
    placed inside point 1's interval and above point 0's, one inside neither."""
    out = tmp_path_factory.mktemp("sweep") / "folder"
    _sweep(out)
    spans = {r["point"]: r for r in _csv(out / "intervals.csv") if r["metric"] == METRIC}
    low0, high0 = (float(spans["0"][k]) for k in ("ci_low", "ci_high"))
    low1, high1 = (float(spans["1"][k]) for k in ("ci_low", "ci_high"))
    assert max(low1, high0) < high1  # (point 1's interval reaches above point 0's)
    placed = (max(low1, high0) + high1) / 2
    observed = out.parent / "observed.csv"
    observed.write_text(f"metric,observed,label,source\n{METRIC},{placed!r},placed,test\n"
                        "clearance_h_mean,10000,far,test\n", encoding="utf-8")
    printed = _sweep(out, "--observed", str(observed))
    return {"out": out, "printed": printed, "observed": observed, "spans": spans}


def test_each_cell_is_the_points_own_figures(swept: dict[str, Any]):
    kept = _csv(swept["out"] / "observed.csv")
    assert [(r["point"], r["metric"]) for r in kept] == [
        ("0", METRIC), ("0", "clearance_h_mean"), ("1", METRIC), ("1", "clearance_h_mean")]
    own = {(r["point"], r["metric"]): r for r in _csv(swept["out"] / "intervals.csv")}
    for r in kept:
        theirs = own[(r["point"], r["metric"])]
        low, high = clip_interval(r["metric"], float(theirs["ci_low"]), float(theirs["ci_high"]))
        assert float(r["simulated_mean"]) == float(theirs["mean"])
        assert (float(r["ci_low"]), float(r["ci_high"])) == (low, high)
        assert r["reps"] == "2" and r[FIELD.replace('"', "")] in ("0.05", "0.3")
        cell = f"{_fmt(float(r['simulated_mean']))} [{_fmt(low)}, {_fmt(high)}] {r['inside']}"
        assert cell in swept["printed"]


def test_the_inside_line_names_the_one_value_where_a_figure_is_inside(swept: dict[str, Any]):
    printed = swept["printed"]
    lines = [ln for ln in printed.splitlines() if " inside at: " in ln]
    assert lines == [f"{METRIC} (observed {_fmt(float(_placed(swept)))}) inside at: 0.3",
                     "clearance_h_mean (observed 10,000) inside at: none"]
    assert "the simulation's randomness only" in printed
    assert "observed.csv: the observed figures at each point" in printed.splitlines()[-1]


def _placed(swept: dict[str, Any]) -> str:
    return str(swept["observed"].read_text(encoding="utf-8").splitlines()[1].split(",")[1])


def test_a_resumed_sweep_keeps_its_observed_figures(swept: dict[str, Any]):
    before = (swept["out"] / "observed.csv").read_text(encoding="utf-8")
    printed = _sweep(swept["out"], "--lang", "zh")  # (resumed without --observed)
    assert (swept["out"] / "observed.csv").read_text(encoding="utf-8") == before
    assert f"{METRIC}（实测值 " in printed and "落在区间内的取值：0.3" in printed
    assert "clearance_h_mean（实测值 10,000）落在区间内的取值：无" in printed
    assert "该区间只反映仿真的随机性" in printed
    assert "observed.csv：各扫描点的实测值对比" in printed.splitlines()[-1]


def test_json_object_gives_the_observed_rows(swept: dict[str, Any]):
    import json

    printed = json.loads(_sweep(swept["out"], "--json-object"))
    kept = _csv(swept["out"] / "observed.csv")
    assert [(str(r["point"]), r["metric"], r["inside"]) for r in printed["observed"]] == \
        [(r["point"], r["metric"], r["inside"]) for r in kept]
    assert [r["simulated_mean"] for r in printed["observed"]] == \
        [float(r["simulated_mean"]) for r in kept]


@pytest.mark.parametrize(("extra", "said"), [
    (["--lhs", "4", "--range", f"{FIELD}=0.05:0.3"], "--observed cannot be combined with --lhs"),
    ([], "is not a metric of scenario"),
])
def test_observed_is_checked_before_anything_runs(tmp_path: Path, capsys, extra, said):
    observed = tmp_path / "obs.csv"
    observed.write_text("metric,observed\nno_such_metric,1\n", encoding="utf-8")
    design = extra or ["--param", f"{FIELD}=0.05,0.3"]
    code = main(["sweep", str(SMALL), *design, "--observed", str(observed),
                 "--out", str(tmp_path / "out")])
    assert code == 2 and said in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
