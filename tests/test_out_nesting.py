"""An ``--out`` inside a results folder is refused by every command that writes one (run,
compare, sweep, reproduce), in one line naming the folder it would be made in; a plain folder
that holds results folders, and a results folder resumed into, stay allowed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment.nesting import check_not_nested, enclosing_results_folder

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
RUN = ["run", SMALL, "--reps", "1", "--days", "1"]


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    """The smallest real run: one replication of one day, in a plain folder ``results``."""
    out = tmp_path_factory.mktemp("nest") / "results" / "r"
    assert main([*RUN, "--out", str(out)]) == 0
    return out


def _refusal(outer: Path, inner: Path) -> str:
    return (f"error: {inner} is inside the results folder {outer}: a results folder made in "
            "another is read as part of it (by report, tables and the warehouse); choose an "
            f"--out folder outside {outer}\n")


def test_run_inside_a_run_is_refused_and_nothing_is_made(run_folder, capsys):
    inner = run_folder / "reps" / "again"
    assert main([*RUN, "--out", str(inner)]) == 2
    assert capsys.readouterr().err == _refusal(run_folder, inner)
    assert not inner.exists()


def test_compare_inside_an_option_names_the_whole_comparison(tmp_path, capsys):
    outer = tmp_path / "c"
    option = outer / "options" / "baseline"
    (option / "reps").mkdir(parents=True)
    (outer / "compare.json").write_text("{}")
    (option / "meta.json").write_text(json.dumps({"scenario_hash": "x"}))
    inner = option / "x"
    argv = ["compare", SMALL, "--option", "r4:ports.sea.review.capacity=4", "--days", "1",
            "--reps", "1", "--out", str(inner)]
    assert main(argv) == 2
    assert capsys.readouterr().err == _refusal(outer, inner)


def test_sweep_inside_a_sweep_is_refused_in_chinese_as_named(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    outer = Path("s")
    outer.mkdir()
    (outer / "meta.json").write_text(json.dumps({"kind": "sweep"}))
    inner = outer / "points" / "x"
    argv = ["sweep", SMALL, "--param", "ports.sea.review.capacity=2,4", "--reps", "1",
            "--days", "1", "--out", str(inner), "--lang", "zh"]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"错误：{inner} 位于结果文件夹 {outer} 之内：结果文件夹中再建的结果文件夹会被当作它的一部分"
        f"读取（report、tables 和数据仓库导出都会如此）；请用 --out 另选 {outer} 之外的文件夹\n")


def test_a_folder_with_a_damaged_meta_beside_its_replications_is_one(tmp_path):
    outer = tmp_path / "damaged"
    (outer / "reps").mkdir(parents=True)
    (outer / "meta.json").write_text("{half")
    assert enclosing_results_folder(outer / "again") == outer
    (outer / "reps").rmdir()  # (a stray meta.json alone does not make a results folder)
    assert enclosing_results_folder(outer / "again") is None


def test_the_outermost_folder_is_named_and_a_link_does_not_hide_it(run_folder, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(run_folder / "reps")
    assert enclosing_results_folder(link / "x") == run_folder.resolve()
    assert enclosing_results_folder(run_folder / "reps" / "a" / "b") == run_folder


def test_a_plain_folder_of_results_and_a_resumed_folder_are_allowed(run_folder, capsys):
    check_not_nested(run_folder.parent / "another")  # results/ holds r: still plain
    assert main([*RUN, "--out", str(run_folder)]) == 0  # resumed: computes nothing
    assert "inside the results folder" not in capsys.readouterr().err


def test_reproduce_into_the_folder_it_reproduces_is_refused(run_folder, capsys):
    inner = run_folder / "again"
    assert main(["reproduce", str(run_folder), "--out", str(inner)]) == 2
    assert capsys.readouterr().err == _refusal(run_folder, inner)
    assert not inner.exists()
