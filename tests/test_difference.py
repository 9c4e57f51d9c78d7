"""``bordersim difference``: two run folders set against each other, paired when their seeds
match rep for rep, else Welch; the scenario fields that differ; bad folders refused."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sim.analysis.paired import paired_interval, unpaired_interval
from sim.cli import main
from sim.report.run_difference import read_runs, set_against

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
FAST = ["--days", "2", "--reps", "3", "--set", "warmup_days=1", "--set", "drain_days=3"]
MORE = ["--set", "ports.sea.scan.scanners.capacity=3"]
METRIC = "clearance_h_mean"


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Before; after (one more scanner) on the same seeds; after again on other seeds."""
    root = tmp_path_factory.mktemp("difference")
    out = {"before": root / "before", "after": root / "after", "other": root / "other"}
    for name, extra in (("before", []), ("after", MORE), ("other", [*MORE, "--seed", "7"])):
        assert main(["run", SMALL, *FAST, *extra, "--out", str(out[name])]) == 0
    return out


def _json(capsys: pytest.CaptureFixture[str], *args: object) -> dict:
    capsys.readouterr()
    assert main(["difference", *map(str, args), "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def _per_rep(folder: Path) -> pd.Series:
    return pd.read_csv(folder / "replications.csv").set_index("replication")[METRIC]


def test_same_seeds_pair_replication_by_replication(runs, capsys):
    got = _json(capsys, runs["before"], runs["after"])
    assert got["method"] == "paired" and "same seeds" in got["why"]
    mean, low, high, n = paired_interval(_per_rep(runs["after"]), _per_rep(runs["before"]))
    row = got["metrics"][METRIC]
    assert row["difference"] == pytest.approx(mean)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    assert row["n_after"] == n == 3


def test_other_seeds_take_welchs_interval(runs, capsys):
    got = _json(capsys, runs["before"], runs["other"])
    assert got["method"] == "unpaired (Welch)" and "seeds differ" in got["why"]
    mean, low, high = unpaired_interval(_per_rep(runs["other"]), _per_rep(runs["before"]))
    row = got["metrics"][METRIC]
    assert (row["difference"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    paired = _json(capsys, runs["before"], runs["after"])["metrics"][METRIC]
    assert row["ci_low"] != pytest.approx(paired["ci_low"])  # (not the paired figure)


def test_the_scenario_field_that_differs_is_listed(runs, capsys, monkeypatch):
    got = _json(capsys, runs["before"], runs["after"])
    fields = [c["field"] for c in got["changes"]]
    assert "ports.sea.scan.scanners.capacity" in fields  # (and the schedule it replaced)
    assert all(f.startswith("ports.sea.scan.scanners.") for f in fields)
    assert got["notes"] == []  # (same days, warm-up and replications)
    monkeypatch.setenv("COLUMNS", "200")
    csv = runs["before"].parent / "rows.csv"
    assert main(["difference", str(runs["before"]), str(runs["after"]), "--metric",
                 "clearance_h_*", "--csv", str(csv)]) == 0
    out = capsys.readouterr().out
    assert "ports.sea.scan.scanners.capacity:" in out and "paired" in out
    table = pd.read_csv(csv)
    assert METRIC in set(table["metric"]) and set(table["method"]) == {"paired"}
    assert all(m.startswith("clearance_h_") for m in table["metric"])


def test_the_same_folder_twice_differs_by_nothing(runs, capsys):
    got = _json(capsys, runs["before"], runs["before"])
    assert got["changes"] == [] and got["method"] == "paired"
    row = got["metrics"][METRIC]
    assert (row["difference"], row["ci_low"], row["ci_high"]) == (0, 0, 0)


def test_a_metric_one_run_lacks_is_listed_not_dropped(runs):
    before, after = read_runs(runs["before"], runs["after"])
    lacking = dataclasses.replace(after, per_rep=after.per_rep.drop(columns=[METRIC]))
    diff = set_against(before, lacking)
    assert diff.only["before"] == [METRIC] and diff.only["after"] == []
    assert METRIC not in {r.metric for r in diff.rows}


def test_runs_of_other_lengths_are_noted(runs):
    before, after = read_runs(runs["before"], runs["after"])
    longer = dataclasses.replace(after, meta={**after.meta, "days": 9})
    assert any("days differ" in n for n in set_against(before, longer).lengths)


def test_runs_that_finished_other_numbers_of_replications_say_so_not_that_it_is_measured(runs):
    """Replications change an interval's width, not what a difference measures: the note
    counts the replications each run finished (an interrupted run's, not those it planned)."""
    from sim.cli_zh_difference import header

    before, after = read_runs(runs["before"], runs["after"])
    assert set_against(before, after).lengths == []
    fewer = dataclasses.replace(after, per_rep=after.per_rep.iloc[:2],
                                seeds={r: s for r, s in after.seeds.items() if r < 2},
                                meta={**after.meta, "reps": 40})
    diff = set_against(before, fewer)
    assert diff.lengths == ["the runs finished different numbers of replications (3 before, "
                            "2 after): each run's mean is over its own"]
    assert ("提示：两次运行完成的重复运行次数不同（改动前 3 次，改动后 2 次）：各自的均值按各自"
            "完成的重复运行计算") in header(diff)


def _error(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    capsys.readouterr()
    assert main(["difference", *map(str, args)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err
    return err


def test_bad_folders_are_one_error_line(runs, capsys, tmp_path):
    assert "does not exist" in _error(capsys, runs["before"], tmp_path / "nowhere")
    compared = tmp_path / "compared"
    compared.mkdir()
    (compared / "compare.json").write_text("{}")
    assert "a comparison's folder, not a run's" in _error(capsys, compared, runs["after"])
    empty = tmp_path / "empty"
    shutil.copytree(runs["before"], empty)
    for rep in (empty / "reps").glob("rep-[0-9][0-9][0-9][0-9].json"):
        rep.unlink()
    assert "no finished replication" in _error(capsys, runs["before"], empty)


def test_a_misspelt_metric_is_named_with_a_near_one(runs, capsys):
    err = _error(capsys, runs["before"], runs["after"], "--metric", "clearance_h_maen")
    assert "'clearance_h_maen' is not a metric" in err and "did you mean" in err


def test_an_unstable_runs_rows_are_flagged(runs, monkeypatch):
    from rich.console import Console

    from sim.cli_difference import _table

    before, after = (dataclasses.replace(r, warnings=[])
                     for r in read_runs(runs["before"], runs["after"]))
    steady = set_against(before, after, [METRIC])
    rising = dataclasses.replace(after, warnings=["sea/exam_bays: the queue keeps rising"])
    diff = set_against(before, rising, [METRIC])
    assert diff.unstable == {"before": False, "after": True} and not any(steady.unstable.values())
    monkeypatch.setenv("COLUMNS", "200")

    def shown(d: object) -> str:
        console = Console(width=200, record=True)
        console.print(_table(d, d.rows))  # type: ignore[attr-defined]
        return console.export_text()

    assert "!" in shown(diff) and "not steady-state" in shown(diff) and "!" not in shown(steady)


# --lang zh (or BORDERSIM_LANG=zh): the words of compare --lang zh; --json stays English


def _zh(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        *args: object) -> tuple[str, str]:
    monkeypatch.setenv("COLUMNS", "200")
    capsys.readouterr()
    assert main(["difference", *map(str, args)]) == 0
    got = capsys.readouterr()
    return got.out, got.err


def test_in_chinese_the_header_pairing_and_rows_have_no_english_left(runs, capsys, monkeypatch):
    from sim.cli_compare import _fmt
    from sim.report.translate import metric_name
    from tests.test_cli_lang_notes import english_left

    out, err = _zh(capsys, monkeypatch, runs["before"], runs["after"], "--lang", "zh")
    assert f"改动前：{runs['before']}\n改动后：{runs['after']}" in out
    assert "个情景字段不同（各结果文件夹的 scenario.json）：" in out
    assert "区间：逐次重复运行的随机种子相同（根随机种子 1）：对两者共有的 3 次重复运行配对" in out
    assert "改动后 - 改动前：均值及 95% 置信区间，配对" in out
    diff = _json(capsys, runs["before"], runs["after"])["metrics"][METRIC]
    row = next(ln for ln in out.splitlines() if f" {METRIC} " in ln)
    assert f"{metric_name(METRIC)} {METRIC}" in row and _fmt(diff["difference"]) in row
    assert "警告（改动前，" in err and "警告（改动后，" in err
    for text in (out, err):
        assert "尚无中文" not in text and english_left(text) == [], english_left(text)


def test_the_environment_variable_and_welchs_line_in_chinese(runs, capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    out, _ = _zh(capsys, monkeypatch, runs["before"], runs["other"], "--metric", METRIC)
    assert "区间：随机种子不同（改动前根随机种子 1，改动后 7）：非配对（Welch）" in out
    assert "均值及 95% 置信区间，非配对（Welch）" in out and " 3/3 " in out


def test_the_json_is_the_same_english_in_either_language(runs, capsys):
    english = _json(capsys, runs["before"], runs["after"])
    capsys.readouterr()
    assert main(["difference", str(runs["before"]), str(runs["after"]), "--json",
                 "--lang", "zh"]) == 0
    assert json.loads(capsys.readouterr().out) == english


def test_an_error_is_said_in_chinese(runs, capsys, tmp_path):
    compared = tmp_path / "compared"
    compared.mkdir()
    (compared / "compare.json").write_text("{}")
    capsys.readouterr()
    assert main(["difference", str(compared), str(runs["after"]), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"错误：{compared} 是方案比较（compare）的结果文件夹，不是一次运行的")
    empty = tmp_path / "empty"
    shutil.copytree(runs["before"], empty)
    for rep in (empty / "reps").glob("rep-[0-9][0-9][0-9][0-9].json"):
        rep.unlink()
    assert main(["difference", str(runs["before"]), str(empty), "--lang", "zh"]) == 2
    err += capsys.readouterr().err
    assert f"错误：{empty} 没有已完成的重复运行" in err and "尚无中文" not in err


def test_an_interval_of_no_width_is_said_in_words(runs, capsys, monkeypatch):
    from sim.report.html import SAME

    out, _ = _zh(capsys, monkeypatch, runs["before"], runs["before"], "--metric", METRIC)
    assert SAME in out and "0.000 to 0.000" not in out
    out, _ = _zh(capsys, monkeypatch, runs["before"], runs["before"], "--metric", METRIC,
                 "--lang", "zh")
    assert "（每次重复运行结果相同）" in out and "0.000 至 0.000" not in out
    assert "两次运行的情景逐字段相同" in out


def test_run_lengths_and_a_metric_one_run_lacks_in_chinese(runs):
    from sim.cli_zh_difference import after_table, header
    from sim.cli_zh_errors import error_line
    from tests.test_cli_lang_notes import english_left

    before, after = read_runs(runs["before"], runs["after"])
    longer = dataclasses.replace(after, meta={**after.meta, "days": 9},
                                 per_rep=after.per_rep.drop(columns=[METRIC]))
    diff = set_against(before, longer)
    lines = [*header(diff), *after_table(diff, 3, True)]
    assert (f"提示：观测天数（days）不同（改动前 {before.meta['days']}，改动后 9）："
            "差值中也含有这一不同的影响") in lines
    assert f"仅改动前测得（无差值）：{METRIC}" in lines
    assert english_left("\n".join(lines)) == [] and "尚无中文" not in "".join(lines)
    bad = error_line("d/scenario.json cannot be read as a scenario (x)", "zh")
    assert bad == "错误：d/scenario.json 无法作为情景读取（x）"


def test_the_organisations_rows_are_in_the_headline_table(runs):
    """Two runs of one scenario in two structures differ in the organisation's figures:
    with no --metric they are in the table (as compare shows them), not left to --json."""
    from sim.cli_difference import _shown_rows

    before, after = read_runs(runs["before"], runs["after"])
    diff = set_against(before, after)
    org = ["escalation_latency_h_mean", "directive_propagation_h_mean", "org_staff_cost_per_year"]
    diff.rows += [dataclasses.replace(diff.rows[0], metric=m) for m in org]
    shown = [r.metric for r in _shown_rows(diff, headline=True)]
    assert METRIC in shown and all(m in shown for m in org), shown
    assert len(shown) == len(set(shown))


def test_a_long_list_of_metrics_one_run_lacks_is_cut_short_in_the_headline(runs):
    """A tree's units give hundreds of metrics that only one structure has: with no
    --metric the line names a few and counts the rest (in English and Chinese); with
    --metric (headline False) it names every one."""
    from sim.cli_difference import LISTED, _after_table
    from sim.cli_zh_difference import after_table

    before, after = read_runs(runs["before"], runs["after"])
    diff = set_against(before, after)
    names = [f"utilisation_org/unit_{i}" for i in range(LISTED + 40)]
    diff.only = {"before": names, "after": names[:2]}
    for lines in (_after_table(diff, 3, True), after_table(diff, 3, True)):
        said = "\n".join(lines)
        assert names[LISTED - 1] in said and names[LISTED] not in said, said
        assert "40" in said and names[1] in lines[1]
    assert names[-1] in "\n".join(_after_table(diff, 3, False))
