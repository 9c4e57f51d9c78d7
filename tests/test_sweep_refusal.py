"""A sweep resumed into a folder holding another sweep is refused saying what differs, as a
run's refusal names the field: its parameters, values or ranges and sample, its number of
points, the --days and --set every point has, the scenario, the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment.store import StoreMismatch
from sim.experiment.sweep import sweep

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
CAP = "ports.sea.review.capacity"
SWEEP = ["sweep", str(SMALL), "--reps", "1", "--days", "1"]
LHS = [*SWEEP, "--lhs", "2", "--range", f"{CAP}=1:4"]
TAIL = "; resume it with the same points, settings and seed, or choose another --out folder"


@pytest.fixture(scope="module")
def listed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("s") / "listed"
    assert main([*SWEEP, "--param", f"{CAP}=2,3", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sampled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("s") / "sampled"
    assert main([*LHS, "--out", str(out)]) == 0
    return out


def _refusal(argv: list[str], out: Path, capsys) -> str:
    capsys.readouterr()
    before = sorted(p.name for p in out.rglob("*"))
    assert main([*argv, "--out", str(out)]) == 2
    assert sorted(p.name for p in out.rglob("*")) == before  # (left as it was)
    return capsys.readouterr().err.strip()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ([*SWEEP, "--param", f"{CAP}=2,4"],
         f"--param {CAP}=2,3 (this sweep: {CAP}=2,4)"),
        ([*SWEEP, "--param", f"{CAP}=2,3,4"],
         f"--param {CAP}=2,3 (this sweep: {CAP}=2,3,4); 2 points (this sweep: 3)"),
        ([*SWEEP, "--param", "ports.sea.document_check.capacity=2,3"],
         f"parameters {CAP} (this sweep: ports.sea.document_check.capacity)"),
        ([*SWEEP[:-1], "2", "--param", f"{CAP}=2,3"], "--days 1 (this sweep: 2)"),
        ([*SWEEP, "--param", f"{CAP}=2,3", "--set", "ports.sea.document_check.capacity=4"],
         "--set ports.sea.document_check.capacity not given (this sweep: 4)"),
        ([*SWEEP, "--param", f"{CAP}=2,3", "--seed", "4"], "seed 1 (this sweep: 4)"),
    ],
    ids=["values", "points", "parameters", "days", "set", "seed"],
)
def test_a_sweep_resumed_otherwise_is_told_what_differs(listed, capsys, argv, said):
    assert _refusal(argv, listed, capsys) == (
        f"error: {listed} already holds another sweep: {said}{TAIL}"
    )


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ([*SWEEP, "--lhs", "2", "--range", f"{CAP}=1:5"],
         f"--range {CAP}=1:4 (this sweep: {CAP}=1:5)"),
        ([*LHS, "--sample-seed", "3"], "--sample-seed not given (this sweep: 3)"),
    ],
    ids=["range", "sample-seed"],
)
def test_a_sample_resumed_otherwise_names_its_range_or_seed(sampled, capsys, argv, said):
    assert _refusal(argv, sampled, capsys) == (
        f"error: {sampled} already holds another sweep: {said}{TAIL}"
    )


def test_another_scenario_is_named_with_its_fields(listed, tmp_path, capsys):
    other = tmp_path / "other.toml"
    other.write_text(SMALL.read_text().replace("document_check = {capacity = 2",
                                               "document_check = {capacity = 5"))
    assert other.read_text() != SMALL.read_text()
    argv = ["sweep", str(other), *SWEEP[2:], "--param", f"{CAP}=2,3"]
    err = _refusal(argv, listed, capsys)
    assert err.startswith(
        f"error: {listed} already holds another sweep: scenario 'tests/scenarios/small.toml' "
        f"(this sweep: {other.name!r}) with ports.sea.document_check.capacity 2 (this sweep: 5)"
    ), err


def test_from_python_the_points_that_differ_are_named(tmp_path):
    """Without command lines to compare, design.csv says which points' values differ."""
    out = tmp_path / "s"
    sweep(SMALL, {CAP: [1, 3]}, 1, overrides={"days": 1}, out=out)
    with pytest.raises(StoreMismatch) as refused:
        sweep(SMALL, {CAP: [1, 2]}, 1, overrides={"days": 1}, out=out)
    assert str(refused.value) == (
        f"{out} already holds another sweep: point 1: {CAP} 3 (this sweep: 2){TAIL}"
    )


def test_an_option_not_given_before_is_said_without_a_stray_word_in_chinese(tmp_path, capsys):
    """A sweep run without --days, resumed with it: the Chinese refusal says the option was
    not given (``--days 未给出``), not that its value was the words "not given"."""
    one_day = tmp_path / "one_day.toml"
    one_day.write_text(SMALL.read_text().replace("days = 7", "days = 1", 1))
    out = tmp_path / "s"
    points = ["--reps", "1", "--param", f"{CAP}=2,3", "--out", str(out)]
    assert main(["sweep", str(one_day), *points]) == 0
    capsys.readouterr()
    assert main(["sweep", str(one_day), *points, "--days", "2", "--lang", "zh"]) == 2
    line = capsys.readouterr().err.strip()
    assert line == (f"错误：{out} 已存放另一次参数扫描：--days 未给出（本次扫描：2）；请用相同的"
                    "点、设置和随机种子续算，或用 --out 另选文件夹")
