"""``bordersim reproduce RESULTS_DIR`` (sim/reproduce.py): a finished run's or comparison's
folder re-run from what it records gives the same figures bit for bit, and a changed seed,
scenario, figure or table in the folder is reported, with exit status 1; a folder that cannot
be re-run is refused with status 2."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left
from tests.test_compare_checks import SMALL

#: a figure that moved, as the verdict writes it: ``a -> b (difference, relative)``
MOVED = re.compile(r"\S+ -> \S+(?: \([^)]*\))?")

RUN = ["--days", "2", "--seed", "7"]


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    """A run kept with --log and a comparison (an option and a --set), 2 replications each."""
    root = tmp_path_factory.mktemp("published")
    run, compare = root / "run", root / "compare"
    assert main(["run", str(SMALL), "--reps", "2", *RUN, "--log", "--out", str(run)]) == 0
    assert main(["compare", str(SMALL), "--reps", "2", *RUN, "--set", "ports.sea.exam.bays"
                 ".capacity=12", "--option", "fast:ports.sea.exam.teams.capacity=8",
                 "--no-report", "--out", str(compare)]) == 0
    return {"run": run, "compare": compare}


def _copy(folder: Path, tmp_path: Path) -> Path:
    shutil.copytree(folder, tmp_path / "copy")
    return tmp_path / "copy"


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_a_run_with_its_logs_reproduces_bit_for_bit(folders, tmp_path, capsys):
    assert main(["reproduce", str(folders["run"]), "--out", str(tmp_path / "again")]) == 0
    out = capsys.readouterr().out
    assert "run, seed 7, 2 of 2 replications, 2 observed days" in out
    assert "compared 2 replication records and 11 summary files" in out
    assert "REPRODUCED: every figure compared is the same, bit for bit" in out
    assert (tmp_path / "again" / "reps" / "rep-0001-log.parquet").exists()  # (--log kept)


def test_a_comparison_reproduces_from_its_baselines_scenario(folders, tmp_path, capsys):
    assert main(["reproduce", str(folders["compare"]), "--out", str(tmp_path / "again")]) == 0
    out = capsys.readouterr().out
    assert "compared 4 replication records and 13 summary files" in out  # (2 options x 2)
    assert "REPRODUCED" in out


def test_the_first_replications_only(folders, tmp_path, capsys):
    assert main(["reproduce", str(folders["run"]), "--reps", "1",
                 "--out", str(tmp_path / "again")]) == 0
    out = capsys.readouterr().out
    assert "1 of 2 replications" in out and "summary files not compared" in out
    assert not (tmp_path / "again" / "reps" / "rep-0001.json").exists()


def test_a_changed_seed_moves_the_figures(folders, tmp_path, capsys):
    copy = _copy(folders["run"], tmp_path)
    _edit(copy / "meta.json", lambda m: m.update(seed=8))
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "NOT REPRODUCED" in out
    assert "replication 0: seed was [7, 0], is [8, 0]" in out
    assert "replication 0: clearance_h_mean" in out or "figures moved" in out


def test_a_changed_scenario_is_named(folders, tmp_path, capsys):
    copy = _copy(folders["compare"], tmp_path)
    _edit(copy / "options" / "baseline" / "scenario.json",
          lambda s: s["ports"]["sea"]["exam"]["teams"].update(capacity=7))
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "option baseline: the scenario re-run is not the original's (hash" in out
    assert "option fast: the scenario re-run" not in out  # (its own teams are set to 8)


def test_a_changed_figure_or_table_is_named_with_how_far_it_moved(folders, tmp_path, capsys):
    copy = _copy(folders["run"], tmp_path)
    _edit(copy / "summary.json", lambda s: s["clearance_h_mean"].update(
        mean=s["clearance_h_mean"]["mean"] * 1.5))
    _edit(copy / "reps" / "rep-0001.json", lambda r: r["tables"].update({"-queues.csv": "0"}))
    summary_csv = copy / "summary.csv"
    summary_csv.write_text(summary_csv.read_text().replace("0.", "1.", 1))
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "summary.json: clearance_h_mean/mean" in out and ", -33.33%)" in out
    assert "replication 1: its table rep-0001-queues.csv differs" in out
    assert "summary.csv differs in 1 of " in out and "cells, in fields " in out
    assert "NOT REPRODUCED: 1 figure moved, 1 table differs, 1 other difference" in out
    assert "the same version, build, Python, libraries and machine" in out


def test_another_platform_is_named_beside_the_verdict(folders, tmp_path, capsys):
    copy = _copy(folders["run"], tmp_path)
    _edit(copy / "meta.json", lambda m: m.update(python="3.11.0", machine="arm64"))
    assert main(["reproduce", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "python: 3.11.0 in the original" in out and "machine: arm64 in the original" in out


def test_folders_that_cannot_be_rerun_are_refused(folders, tmp_path, capsys):
    copy = _copy(folders["run"], tmp_path)
    (copy / "scenario.json").rename(tmp_path / "kept.json")
    assert main(["reproduce", str(copy)]) == 2
    assert f"{copy / 'scenario.json'}: missing; the folder's resolved" in capsys.readouterr().err
    (tmp_path / "kept.json").rename(copy / "scenario.json")
    _edit(copy / "meta.json", lambda m: m["history"][0].update(interrupted=True))
    assert main(["reproduce", str(copy)]) == 2
    assert "its history records an interrupted command" in capsys.readouterr().err
    _edit(copy / "meta.json", lambda m: m.update(kind="sweep"))
    assert main(["reproduce", str(copy)]) == 2
    assert "is not a `bordersim sweep`; only folders of run, compare and sweep" in \
        capsys.readouterr().err
    _edit(copy / "meta.json", lambda m: (m.pop("kind"), m["history"][0].pop("interrupted")))
    (copy / "summary.json").unlink()
    assert main(["reproduce", str(copy)]) == 2
    assert "no summary.json, so the run did not finish" in capsys.readouterr().err
    assert main(["reproduce", str(folders["run"]), "--reps", "3"]) == 2
    assert "--reps 3: the folder has 2 replications; check 1 to 2" in capsys.readouterr().err
    assert main(["reproduce", str(folders["run"]), "--out", str(folders["compare"])]) == 2
    err = capsys.readouterr().err
    assert f"{folders['compare']}: not empty; the re-run goes to a new folder" in err
    assert main(["reproduce", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_a_folders_json_is_never_read_through_a_link(folders, tmp_path, capsys):
    """reproduce read meta.json with a plain read: a link in a folder others can write to
    showed it any file its reader could read. It reads as a report does now."""
    copy = _copy(folders["run"], tmp_path)
    (copy / "meta.json").rename(tmp_path / "meta.json")
    (copy / "meta.json").symlink_to(tmp_path / "meta.json")
    assert main(["reproduce", str(copy)]) == 2
    err = capsys.readouterr().err
    assert f"{copy / 'meta.json'} cannot be read: a symbolic link" in err, err


def test_the_rerun_command_takes_from_the_record_what_defines_the_figures(tmp_path):
    from sim.reproduce import Recorded, rerun_argv

    (tmp_path / "options" / "alt").mkdir(parents=True)
    (tmp_path / "options" / "alt" / "scenario.json").write_text("{}")
    command = ["bordersim", "compare", "gone.toml", "--set", "days=3", "--option",
               "alt:@gone.toml,days=4", "--reforms", "single_window", "joint_inspection",
               "--precision", "0.1", "--metric", "clearance_h_mean", "--executor",
               "processes", "--no-gains", "--declarations-a-year", "800", "--payback-port", "sea",
               "--payback-direction", "import", "--out", "old"]
    rec = Recorded(tmp_path, "compare", tmp_path / "s.json", 3, 12, 2.0, command, [])
    assert rerun_argv(rec, tmp_path / "new", 12) == [
        "compare", str(tmp_path / "s.json"), "--seed", "3", "--days", "2.0", "--out",
        str(tmp_path / "new"), "--no-gains", "--declarations-a-year", "800", "--payback-port",
        "sea", "--payback-direction", "import", "--option",
        f"alt:@{tmp_path / 'options' / 'alt' / 'scenario.json'}", "--reforms",
        "single_window", "joint_inspection", "--precision", "0.1", "--metric",
        "clearance_h_mean", "--no-report"]
    assert rerun_argv(rec, tmp_path / "new", 2)[7:10] == [str(tmp_path / "new"), "--reps", "2"]
    run = Recorded(tmp_path, "run", tmp_path / "s.json", 3, 2, 2.0,
                   ["bordersim", "run", "--observed", "gone.csv", "--log", "--reps=2"], [""])
    assert rerun_argv(run, tmp_path / "new", 2)[-3:] == ["--reps", "2", "--log"]


def test_the_verdict_in_chinese_has_the_english_figures(folders, tmp_path, capsys):
    """``--lang zh``: 未能复现 with exit status 1, each figure that moved and each difference
    as in English, no English sentence left; the files written stay English."""
    copy = _copy(folders["run"], tmp_path)
    _edit(copy / "summary.json", lambda s: s["clearance_h_mean"].update(
        mean=s["clearance_h_mean"]["mean"] * 1.5))
    _edit(copy / "reps" / "rep-0001.json", lambda r: r["tables"].update({"-queues.csv": "0"}))
    _edit(copy / "meta.json", lambda m: m.update(machine="arm64"))
    assert main(["reproduce", str(copy), "--out", str(tmp_path / "en")]) == 1
    english = capsys.readouterr().out
    assert main(["reproduce", str(copy), "--out", str(tmp_path / "zh"), "--lang", "zh"]) == 1
    chinese = capsys.readouterr().out
    assert english_left(chinese) == [] and "尚无中文" not in chinese, chinese
    assert "未能复现：1 个数字有变化，另有 1 处其他差异" in chinese
    assert "NOT REPRODUCED: 1 figure moved, 1 other difference" in english
    assert MOVED.findall(chinese) == MOVED.findall(english) != []
    assert "summary.json：clearance_h_mean/mean " in chinese
    assert "重复运行 1：其表 rep-0001-queues.csv 不同" in chinese
    assert "机器：原为 arm64，现为 " in chinese
    assert (tmp_path / "zh" / "meta.json").read_text().startswith("{")


def test_a_folder_reproduced_is_said_in_chinese(folders, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    assert main(["reproduce", str(folders["run"]), "--reps", "1",
                 "--out", str(tmp_path / "again")]) == 0
    out = capsys.readouterr().out
    assert "复现成功：比较的每个数字都逐位相同" in out and "核对 2 次重复运行中的 1 次" in out
    assert english_left(out) == [], out


def test_refusals_are_said_in_chinese_with_their_values(folders, tmp_path, capsys):
    def refused(*argv: str) -> str:
        assert main(["reproduce", *argv, "--lang", "zh"]) == 2
        err = capsys.readouterr().err
        said = re.sub(r"'bordersim [^']*'", "'…'", err)  # (a command quoted is no sentence)
        assert err.startswith("错误：") and english_left(said) == [], err
        return err

    assert "--reps 3：该文件夹有 2 次重复运行；只能核对第 1 至 2 次" in refused(
        str(folders["run"]), "--reps", "3")
    assert f"{folders['compare']}：不是空文件夹；重新运行须写入新文件夹" in refused(
        str(folders["run"]), "--out", str(folders["compare"]))
    assert f"{tmp_path / 'nowhere'}：不是文件夹" in refused(str(tmp_path / "nowhere"))
    copy = _copy(folders["run"], tmp_path)
    _edit(copy / "meta.json", lambda m: m["history"][0].update(interrupted=True))
    assert f"{copy}：其历史记录中有一条被中断的命令" in refused(str(copy))
    _edit(copy / "meta.json", lambda m: m.update(kind="sweep"))
    assert "不是 `bordersim 参数扫描（sweep）`；只有 run、compare 和 sweep" in refused(str(copy))
    _edit(copy / "meta.json", lambda m: (m.pop("kind"), m["history"][0].pop("interrupted")))
    (copy / "summary.json").unlink()
    assert f"{copy}：没有 summary.json，说明运行未完成" in refused(str(copy))
    (copy / "scenario.json").unlink()
    assert f"{copy / 'scenario.json'}：缺失；重新运行的是" in refused(str(copy))


def test_files_edited_after_the_run_are_named_though_the_rerun_matches(folders, tmp_path,
                                                                        capsys):
    """The re-run is compared with the replication records, which an edited table leaves as
    they were: a hand-edited table and a truncated log were called reproduced, bit for bit.
    The folder's own checksums name each file now, and the verdict is not reproduced."""
    copy = _copy(folders["run"], tmp_path)
    table = copy / "reps" / "rep-0000-clearance.csv"
    table.write_text(table.read_text().replace(",", ",1", 1))
    log = copy / "reps" / "rep-0001-log.parquet"
    log.write_bytes(log.read_bytes()[:500])
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "NOT REPRODUCED: 0 figures moved, 0 other differences, 2 files of the original " \
           "changed since it was written" in out
    assert f"{copy / 'reps' / 'rep-0000.json'}: rep-0000-clearance.csv does not match its " \
           "checksum" in out
    assert "rep-0001-log.parquet does not match its checksum" in out


def test_a_comparisons_files_changed_after_its_finish_are_named(folders, tmp_path, capsys):
    copy = _copy(folders["compare"], tmp_path)
    (copy / "gains.csv").unlink()
    (copy / "options" / "fast" / "reps" / "rep-0001-queues.csv").unlink()
    gains = copy / "gains" / "rep-0000.csv"
    gains.write_bytes(gains.read_bytes()[:-20])
    (copy / "gains" / "rep-0001.csv").unlink()
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert f"{gains} does not match its checksum (changed, truncated" in out
    assert f"{copy / 'gains' / 'rep-0001.csv'}: missing, though every replication" in out
    assert f"{copy / 'gains.csv'}: missing, though {copy / 'finished.json'} records it" in out
    assert "rep-0001-queues.csv, one of its tables, is missing" in out
    assert main(["reproduce", str(copy), "--lang", "zh", "--reps", "1",  # (all checked)
                 "--out", str(tmp_path / "zh")]) == 1
    out = capsys.readouterr().out
    assert english_left(out) == [] and "原文件夹有 4 个文件在写出后被改动" in out, out


def test_a_version_edited_in_the_record_is_not_taken_for_older_code(folders, tmp_path, capsys):
    """meta.json's version edited by hand read as a folder made by other code that still
    reproduced; its replications carry the version that made them, and disagree."""
    copy = _copy(folders["run"], tmp_path)
    _edit(copy / "meta.json", lambda m: m.update(version="0.0.1"))
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "carries version '" in out and "meta.json records version '0.0.1'" in out
    assert "version: 0.0.1 in the original" in out  # (named, but not as the explanation)
    assert "which may explain figures that moved, not files changed since the folder" in out
    assert main(["reproduce", str(copy), "--lang", "zh", "--out", str(tmp_path / "zh")]) == 1
    out = capsys.readouterr().out
    assert english_left(out) == [] and "meta.json 记录的 version 为 '0.0.1'" in out, out
    assert "但不能解释文件夹写出后被改动的文件" in out


def test_files_edited_after_the_run_are_said_in_chinese(folders, tmp_path, capsys):
    copy = _copy(folders["run"], tmp_path)
    table = copy / "reps" / "rep-0000-clearance.csv"
    table.write_text(table.read_text().replace(",", ",1", 1))
    _edit(copy / "scenario.json", lambda s: s.update(drain_days=6.0))
    assert main(["reproduce", str(copy), "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert english_left(out) == [] and "尚无中文" not in out, out
    assert "原文件夹有 2 个文件在写出后被改动" in out
    assert "rep-0000.json：其表 rep-0000-clearance.csv 与校验和不符" in out
    assert "scenario.json 与 " in out and "重新运行的情景并非得出这些数字的情景" in out


def test_a_summary_table_deleted_from_the_folder_is_named(folders, tmp_path, capsys):
    """Only the original's CSV files were compared, so one deleted from it (a run's pooled
    tables have no seal) left the verdict reproduced, over one file fewer."""
    copy = _copy(folders["run"], tmp_path)
    (copy / "enforcement.csv").unlink()
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "NOT REPRODUCED: 0 figures moved, 1 other difference" in out
    assert "enforcement.csv is in only the re-run" in out


def test_check_only_names_an_edited_file_without_rerunning(folders, tmp_path, capsys):
    """An auditor of a long study checks the folder against itself in seconds: every file
    by its checksum and the pooled tables against the replications, nothing re-run."""
    assert main(["reproduce", str(folders["compare"]), "--check-only"]) == 0
    assert "AS WRITTEN: every file matches" in capsys.readouterr().out
    copy = _copy(folders["run"], tmp_path)
    assert main(["reproduce", str(copy), "--check-only"]) == 0
    assert not (tmp_path / "copy-reproduced").exists()  # (nothing re-run)
    capsys.readouterr()
    table = copy / "enforcement.csv"
    table.write_text(table.read_text().replace(",0", ",1", 1))
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    out = capsys.readouterr().out
    assert "CHANGED: 1 file of the folder changed since it was written" in out
    assert f"{table}: changed after the run finished (its SHA-256 is not the one" in out
    (copy / "finished.json").unlink()  # (a folder from before: its tables are checked)
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    out = capsys.readouterr().out
    assert f"{table} does not match the replications' enforcement tables (column" in out
    assert main(["reproduce", str(copy), "--check-only", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert english_left(out) == [] and "尚无中文" not in out and "已被改动：" in out, out
    assert main(["reproduce", str(copy), "--check-only", "--reps", "1"]) == 2
    assert "--check-only re-runs nothing: give no --out, --reps or --point" in \
        capsys.readouterr().err


def test_check_only_names_a_seed_edited_in_compare_json(folders, tmp_path, capsys):
    """compare.json's seed is what a re-run runs by; edited, it no longer agrees with the
    options' meta.json their replications are checked against, and is named (in Chinese
    too), where it once passed as written."""
    copy = _copy(folders["compare"], tmp_path)
    record = copy / "compare.json"
    data = json.loads(record.read_text())
    data["seed"] += 6
    record.write_text(json.dumps(data))
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    out = capsys.readouterr().out
    assert f"{record}: seed is {data['seed']}, but {copy / 'options' / 'baseline'}" in out, out
    # (one line per option disagrees, but one file was edited: the verdict counts files)
    assert out.count(f"{record}: seed is") == 2 and "CHANGED: 1 file of the folder" in out
    assert main(["reproduce", str(copy), "--check-only", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert english_left(out) == [] and "尚无中文" not in out and "记录的 seed 为" in out, out
    assert "结果文件夹有 1 个文件在写出后被改动" in out


@pytest.fixture(scope="module")
def swept(tmp_path_factory) -> Path:
    """A sweep of two points, one replication each, one observed day."""
    sweep = tmp_path_factory.mktemp("swept") / "sweep"
    assert main(["sweep", str(SMALL), "--days", "1", "--reps", "1", "--param",
                 "ports.sea.scan.scanners.capacity=1,2", "--out", str(sweep)]) == 0
    return sweep


def test_check_only_checks_a_sweeps_folder(swept, tmp_path, capsys):
    """A sweep's folder is checked against itself as a run's is."""
    sweep = _copy(swept, tmp_path)
    capsys.readouterr()
    assert main(["reproduce", str(sweep), "--check-only"]) == 0
    out = capsys.readouterr().out
    assert "against itself, re-running nothing: sweep" in out and "AS WRITTEN" in out
    assert "reproduce without --check-only re-runs it and compares every figure" in out
    (sweep / "points" / "p0001-r0000.json").unlink()
    assert main(["reproduce", str(sweep), "--check-only", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "p0001-r0000.json" in out and english_left(out) == [], out


def test_a_sweep_is_rerun_whole_or_point_by_point(swept, tmp_path, capsys):
    """reproduce refused sweeps; it re-runs every point (or those --point picks) from the
    point files' own parameters and compares each point file and the sweep's tables."""
    copy = _copy(swept, tmp_path)
    assert main(["reproduce", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "sweep, seed 1, 2 of 2 points, 1 of 1 replication, 1 observed day" in out
    assert "compared 2 replication records and 6 summary files" in out and "REPRODUCED" in out
    assert "warning-records.json (written by the sweep command as it printed" in out
    assert main(["reproduce", str(copy), "--point", "1"]) == 0  # (RESULTS_DIR-reproduced
    out = capsys.readouterr().out  # is taken: the next free name)
    assert f"into {tmp_path / 'copy-reproduced-2'}: sweep, seed 1, 1 of 2 points" in out
    assert "summary files not compared (they are over all the points" in out
    design = (tmp_path / "copy-reproduced-2" / "design.csv").read_text().splitlines()
    assert design[1:] == ["0,2"]  # (point 1's value: scanners 2)


def test_a_sweeps_changed_scenario_is_named_point_by_point(swept, tmp_path, capsys):
    copy = _copy(swept, tmp_path)
    _edit(copy / "scenario.json", lambda s: s["ports"]["sea"]["exam"]["teams"].update(
        capacity=7))
    assert main(["reproduce", str(copy), "--point", "1", "--out", str(tmp_path / "en")]) == 1
    out = capsys.readouterr().out
    assert "point 1, replication 0: scenario_hash was " in out and "NOT REPRODUCED" in out
    assert main(["reproduce", str(copy), "--point", "1", "--out", str(tmp_path / "zh"),
                 "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "扫描点 1，重复运行 0：scenario_hash 原为 " in out and "2 个扫描点中的 1 个" in out
    assert english_left(out) == [], out


def test_point_is_refused_where_it_picks_nothing(folders, swept, capsys):
    assert main(["reproduce", str(swept), "--point", "0,2"]) == 2
    assert "--point 2: the sweep has 2 points; pick 0 to 1" in capsys.readouterr().err
    assert main(["reproduce", str(folders["run"]), "--point", "0", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert f"--point 用于选择参数扫描的扫描点；{folders['run']} 是运行（run）的结果文件夹" in err
    assert english_left(err) == [], err


def test_check_only_names_a_pooled_file_deleted_or_emptied(folders, tmp_path, capsys):
    """A run's folder had no list of its pooled files, so --check-only passed a deleted
    enforcement.csv and an emptied warning-records.json; finished.json lists them now."""
    copy = _copy(folders["run"], tmp_path)
    seal = json.loads((copy / "finished.json").read_text())
    assert {"enforcement.csv", "warning-records.json", "summary.csv"} <= set(seal["files"])
    (copy / "enforcement.csv").unlink()
    (copy / "warning-records.json").write_text("")
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    out = capsys.readouterr().out
    assert f"{copy / 'enforcement.csv'}: missing, though {copy / 'finished.json'} records " \
           "it as written" in out
    assert f"{copy / 'warning-records.json'}: changed after the run finished" in out
    assert main(["reproduce", str(copy), "--check-only", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "warning-records.json：在运行完成后被改动" in out and english_left(out) == [], out


def test_check_only_says_an_older_run_folder_has_no_list(folders, tmp_path, capsys):
    copy = _copy(folders["run"], tmp_path)
    (copy / "finished.json").unlink()
    assert main(["reproduce", str(copy), "--check-only"]) == 0
    out = capsys.readouterr().out
    assert f"not checked: {copy} has no finished.json (written before run folders" in out
    assert "AS WRITTEN" in out
    assert main(["reproduce", str(copy), "--check-only", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert f"未核对：{copy} 没有 finished.json" in out and english_left(out) == [], out


def test_each_edited_table_is_named_with_its_fields_and_cells(folders, tmp_path, capsys):
    """An edited cell counted as an other difference and only the one that moved most was
    shown; each table that differs is named now, with each field and its cells."""
    import csv

    copy = _copy(folders["run"], tmp_path)
    for name, fields in (("summary.csv", ("mean", "mean", "unit")), ("enforcement.csv",
                                                                    ("declarations",))):
        with (copy / name).open(newline="") as f:
            rows = list(csv.DictReader(f))
        for i, column in enumerate(fields):
            rows[i][column] = "12345"
        with (copy / name).open("w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    assert main(["reproduce", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "NOT REPRODUCED: 0 figures moved, 2 tables differ, 0 other differences" in out
    assert "summary.csv differs in 3 of " in out and "cells, in fields mean (2), unit (1);" in out
    assert "enforcement.csv differs in 1 of " in out and "in fields declarations (1);" in out
    from sim.cli_zh_verdict import verdict
    from sim.reproduce import read_folder
    from sim.reproduce_compare import Outcome

    tables = [line.strip() for line in out.splitlines() if " cells, in fields " in line]
    said = "\n".join(verdict(read_folder(copy), tmp_path / "again", Outcome(
        2, True, tables=tables, environment=["machine: a in the original, b now"])))
    assert "2 个表不同" in said and "分布在字段 mean (2), unit (1)" in said
    assert english_left(said) == [], said


def test_a_run_keeps_its_scenario_files_text_and_hash(folders):
    """Only the resolved scenario was kept: which file on disk a folder came from could not
    be told. scenario-source.json keeps the file's name, SHA-256, size and text."""
    import hashlib

    kept = json.loads((folders["run"] / "scenario-source.json").read_text())
    raw = SMALL.read_bytes()
    assert kept["sha256"] == hashlib.sha256(raw).hexdigest() and kept["bytes"] == len(raw)
    assert kept["text"] == raw.decode() and kept["file"] == "tests/scenarios/small.toml"
    assert kept["where"] == "project"  # (relative to the checkout: no directory of this machine)
    sealed = json.loads((folders["run"] / "finished.json").read_text())["files"]
    assert "scenario-source.json" in sealed  # (an edit of it is named by --check-only)


def test_a_comparison_and_a_sweep_keep_their_scenario_files_text(folders, swept):
    """Only a run kept scenario-source.json; a comparison and a sweep keep it too, and a
    comparison's seal lists it (a sweep's files are checked as its report reads them)."""
    import hashlib

    raw = SMALL.read_bytes()
    for folder in (folders["compare"], swept):
        kept = json.loads((folder / "scenario-source.json").read_text())
        assert kept == {"file": "tests/scenarios/small.toml", "where": "project",
                        "sha256": hashlib.sha256(raw).hexdigest(),
                        "bytes": len(raw), "text": raw.decode()}
    sealed = json.loads((folders["compare"] / "finished.json").read_text())["files"]
    assert {"scenario-source.json", "warning-records.json"} <= set(sealed)


def test_check_only_names_a_comparisons_edited_warning_records(folders, tmp_path, capsys):
    """A comparison sealed its pooled files before warning-records.json was written, so an
    edit of it (or of scenario-source.json) went unseen; the seal lists both now."""
    copy = _copy(folders["compare"], tmp_path)
    assert main(["reproduce", str(copy), "--check-only"]) == 0
    _edit(copy / "warning-records.json", lambda w: w.update(records=[]))
    _edit(copy / "scenario-source.json", lambda s: s.update(text="days = 1\n"))
    capsys.readouterr()
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    out = capsys.readouterr().out
    for name in ("warning-records.json", "scenario-source.json"):
        assert f"{copy / name}: changed after the comparison finished" in out, out


def test_a_run_from_python_lists_its_pooled_files(tmp_path, capsys):
    """A run made with sim.replicate(store=...) wrote no finished.json, so --check-only could
    not notice a pooled file deleted; its store seals the folder now, as the command does."""
    import sim

    folder = tmp_path / "api"
    sim.replicate(sim.load_scenario(SMALL, {"days": 1}), reps=1, seed=3, store=folder)
    sealed = json.loads((folder / "finished.json").read_text())
    assert {"summary.csv", "summary.json", "enforcement.csv"} <= set(sealed["files"])
    assert main(["reproduce", str(folder), "--check-only"]) == 0
    (folder / "enforcement.csv").unlink()
    capsys.readouterr()
    assert main(["reproduce", str(folder), "--check-only"]) == 1
    assert f"{folder / 'enforcement.csv'}: missing, though" in capsys.readouterr().out


def test_check_only_names_a_sweeps_edited_pooled_files(swept, tmp_path, capsys):
    """A sweep's folder had no seal, so an edit of scenario-source.json (which reading the
    folder as a report does not check) went unseen; finished.json lists its pooled files."""
    sweep = _copy(swept, tmp_path)
    seal = json.loads((sweep / "finished.json").read_text())
    assert seal["kind"] == "sweep"
    assert {"summary.csv", "scenario-source.json", "warning-records.json", "design.csv",
            "scenario.json"} <= set(seal["files"])
    assert "meta.json" not in seal["files"]
    _edit(sweep / "scenario-source.json", lambda s: s.update(text="days = 1\n"))
    summary = sweep / "summary.csv"
    summary.write_text(summary.read_text().replace("\n", "\n\n", 1))
    capsys.readouterr()
    assert main(["reproduce", str(sweep), "--check-only"]) == 1
    out = capsys.readouterr().out
    for name in ("scenario-source.json", "summary.csv"):
        assert f"{sweep / name}: changed after the sweep finished" in out, out
    assert "CHANGED: 2 files" in out, out
    assert main(["reproduce", str(sweep), "--check-only", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "scenario-source.json：在参数扫描完成后被改动" in out and english_left(out) == [], out


def test_check_only_says_an_older_sweep_folder_has_no_list(swept, tmp_path, capsys):
    sweep = _copy(swept, tmp_path)
    (sweep / "finished.json").unlink()
    capsys.readouterr()
    assert main(["reproduce", str(sweep), "--check-only"]) == 0
    out = capsys.readouterr().out
    assert f"not checked: {sweep} has no finished.json (written before sweep folders" in out
    assert "AS WRITTEN" in out
    assert main(["reproduce", str(sweep), "--check-only", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert f"未核对：{sweep} 没有 finished.json（写于参数扫描文件夹" in out
    assert english_left(out) == [], out


def test_a_sweep_stopped_before_its_finish_leaves_no_seal(swept, tmp_path, monkeypatch):
    """The seal is removed as a sweep opens its folder and written last: one resumed and
    stopped before it finished leaves none (never one listing the files of the command
    before)."""
    from sim.experiment.sweep_store import SweepStore

    sweep = _copy(swept, tmp_path)

    def stopped(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(SweepStore, "finish", stopped)
    assert main(["sweep", str(SMALL), "--days", "1", "--reps", "2", "--param",
                 "ports.sea.scan.scanners.capacity=1,2", "--out", str(sweep)]) != 0
    assert not (sweep / "finished.json").exists()


def test_an_options_own_scenario_file_is_kept_in_its_folder(tmp_path, capsys):
    """Only the baseline's scenario file was kept; an option given as NAME:@FILE keeps its
    own file's name, hash and text in options/NAME/, listed in the comparison's seal."""
    import hashlib

    mine = tmp_path / "mine.toml"
    mine.write_text(SMALL.read_text() + "\n# the option's own copy\n")
    out = tmp_path / "compare"
    assert main(["compare", str(SMALL), "--reps", "1", "--days", "1", "--option",
                 f"mine:@{mine}", "--no-report", "--no-gains", "--out", str(out)]) == 0
    kept = json.loads((out / "options" / "mine" / "scenario-source.json").read_text())
    assert kept["file"] == "mine.toml" and kept["text"] == mine.read_text()
    assert kept["sha256"] == hashlib.sha256(mine.read_bytes()).hexdigest()
    assert not (out / "options" / "baseline" / "scenario-source.json").exists()
    sealed = json.loads((out / "finished.json").read_text())["files"]
    assert {"scenario-source.json", "options/mine/scenario-source.json"} <= set(sealed)
    _edit(out / "options" / "mine" / "scenario-source.json", lambda s: s.update(text="x"))
    capsys.readouterr()
    assert main(["reproduce", str(out), "--check-only"]) == 1
    edited = out / "options/mine/scenario-source.json"
    assert f"{edited}: changed after the comparison finished" in capsys.readouterr().out


def test_counts_of_one_read_singular_in_both_languages():
    """A count of one reads "1 replication", "1 row", "1 more file" (never "1 replications"),
    and the Chinese reader still knows each such line."""
    from sim.cli_zh_errors import problem
    from sim.reproduce_compare import count

    assert count(1, "replication") == "1 replication" and count(1.0, "observed day") == (
        "1 observed day")
    assert count(2, "more file") == "2 more files" and count(0.5, "observed day") == (
        "0.5 observed days")
    assert count(1_234_567, "row") == "1234567 rows"  # (a large count stays whole)
    for english, zh in (("--reps 2: the folder has 1 replication; check 1 to 1",
                         "该文件夹有 1 次重复运行"),
                        ("the re-run made 1 replication, not 2", "得到 1 次重复运行"),
                        ("a.csv differs: 1 row in the original, 2 now, or other columns",
                         "原文件 1 行")):
        assert zh in problem(english), problem(english)


def _rep_files(folder: Path) -> tuple[Path, Path]:
    """The fast option's first replication's warnings file and record."""
    reps = folder / "options" / "fast" / "reps"
    return reps / "rep-0000-warnings.json", reps / "rep-0000.json"


def test_check_only_names_a_replications_edited_warnings_file(folders, tmp_path, capsys):
    """No checksum covered a comparison's rep-NNNN-warnings.json, so one edited (emptied, to
    hide an unstable queue) passed as written; it must hold what its checksummed record
    keeps, and one deleted is named too (in Chinese as well)."""
    copy = _copy(folders["compare"], tmp_path)
    path, record = _rep_files(copy)
    kept = json.loads(record.read_text())["warnings"]
    assert json.loads(path.read_text()) == kept
    path.write_text(json.dumps(kept[1:] if kept else ["a queue that never settles"]))
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    out = capsys.readouterr().out
    assert f"{path}: not the {len(kept)} warnings its replication's record keeps" in out, out
    assert "CHANGED: 1 file of the folder" in out
    assert main(["reproduce", str(copy), "--check-only", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert english_left(out) == [] and "尚无中文" not in out and "条警告" in out, out
    path.unlink()
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    assert f"{path}: missing, though its replication's record is there" in \
        capsys.readouterr().out


def test_check_only_says_a_warnings_file_of_an_older_record_is_not_covered(folders, tmp_path,
                                                                        capsys):
    """A record written before records kept their warnings cannot vouch for its file: that
    is said as not covered, and the folder is still as written."""
    from sim.experiment.store import _canonical, _sha256

    copy = _copy(folders["compare"], tmp_path)
    path, record = _rep_files(copy)
    data = json.loads(record.read_text())
    del data["warnings"], data["checksum"]
    data["checksum"] = _sha256(_canonical(data))
    record.write_text(json.dumps(data))
    path.write_text(json.dumps(["anything at all"]))
    assert main(["reproduce", str(copy), "--check-only"]) == 0
    out = capsys.readouterr().out
    assert f"not checked: {path}: its replication's record keeps no warnings" in out, out
    assert "AS WRITTEN" in out
    assert main(["reproduce", str(copy), "--check-only", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert f"未核对：{path}：其重复运行的记录未保存警告" in out and english_left(out) == [], out
