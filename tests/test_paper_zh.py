"""``bordersim paper-table`` and ``bordersim tornado`` under ``--lang zh`` (and
``BORDERSIM_LANG=zh``): every text they print, the table (Markdown and LaTeX), its caption,
rows, cells and notes, the assumptions table, who gains, the methods paragraph and their
messages, in Chinese with no English sentence left and nothing marked untranslated; the
figures as the English prints them; each caption and note pattern, range reason and refusal
known to the Chinese tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sim.cli import main
from sim.reforms.ranges import RANGES
from sim.report.zh_paper_ranges import WHY
from sim.report.zh_reforms import UNTRANSLATED
from tests.test_cli_lang_notes import english_left

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
SHORT = ["--reps", "2", "--days", "1", "--set", "warmup_days=1", "--set", "drain_days=1"]
#: every text of a comparison's folder paper-table writes (each one a call)
COMPARE_TEXTS: tuple[list[str], ...] = (
    [], ["--define"], ["--raw-names", "--format", "latex"], ["--assumptions"], ["--methods"],
    ["--methods", "--format", "latex"], ["--gains", "clearance"],
    ["--metric", "clearance_h_mean", "--metric", "trader_cost_per_consignment"])
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """A comparison (a reform and a field set by hand) and a sweep of two points; the
    comparison's folder read and checked once (the checks are test_paper_table's), so that
    each text costs its translation, not the reading."""
    import functools

    from sim.report import folder

    root = tmp_path_factory.mktemp("paper-zh")
    out = {k: root / k for k in ("cmp", "sweep", "tornado")}
    assert main(["compare", SMALL, "--reforms", "single_window", "--option",
                 "fast:ports.sea.document_check.service.mean=20 min", *SHORT,
                 "--no-report", "--out", str(out["cmp"])]) == 0
    assert main(["sweep", SMALL, "--param", "ports.sea.document_check.capacity=1,2", *SHORT,
                 "--out", str(out["sweep"])]) == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(folder, "read_compare", functools.cache(folder.read_compare))
        yield out


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    main(argv)
    got = capsys.readouterr()
    return got.out + got.err


def _left(text: str) -> list[str]:
    """Lines with an English sentence or a text marked untranslated; the command lines
    (``生成命令：``, LaTeX comments) are kept as typed and not read."""
    lines = [re.sub(r"`[^`]*`|\\texttt\{[^}]*\}", "", ln) for ln in text.splitlines()
             if not ln.startswith("%") and "生成命令" not in ln]
    return english_left("\n".join(lines)) + [ln for ln in lines if UNTRANSLATED in ln]


def test_every_text_of_a_comparison_is_in_chinese(folders, capsys):
    for extra in COMPARE_TEXTS:
        said = _said(["paper-table", str(folders["cmp"]), *extra, "--lang", "zh"], capsys)
        assert _left(said) == [], (extra, _left(said))


def test_a_sweeps_table_and_a_tornado_are_in_chinese(folders, capsys, monkeypatch, tmp_path):
    said = _said(["paper-table", str(folders["sweep"]), "--define", "--lang", "zh"], capsys)
    assert _left(said) == [], _left(said)
    assert "&nbsp;&nbsp;与扫描点 0 之差（配对）" in said and "| 扫描点 |" in said
    monkeypatch.setenv("BORDERSIM_LANG", "zh")  # (the setting, not --lang)
    said = _said(["tornado", SMALL, "--reform", "training", "--range", "speedup=0.05,0.2",
                  *SHORT, "--out", str(tmp_path / "t")], capsys)  # (the library's ranges'
    assert _left(said) == [], _left(said)  # reasons: test_every_range_reason_has_its_chinese)
    assert ("| 设定：结果指标 | 依据 | 范围 | 低端效果 | 所给取值下的效果 | 高端效果 | 正负 |"
            in said)
    assert "| speedup：海关通关时间均值（小时） | 假设 | 0.05 至 0.2 |" in said
    assert "speedup 的范围：在此给定（--range）" in said
    assert (tmp_path / "t" / "tornado.md").read_text(encoding="utf-8") in said


def test_the_chinese_table_has_the_english_figures_and_exact_words(folders, capsys):
    en = _said(["paper-table", str(folders["cmp"]), "--lang", "en"], capsys)
    zh = _said(["paper-table", str(folders["cmp"]), "--lang", "zh"], capsys)
    body = [ln for ln in zh.splitlines() if ln.startswith("| ")]
    assert body[0] == "| 指标 | 基准方案 | fast | single_window |"
    assert body[1].startswith("| 海关通关时间均值（进口）（小时） | ")
    assert body[2].startswith("| &nbsp;&nbsp;与基准方案之差（配对） |  | ")
    # (every cell's figures, in order, as the English table's)
    cells = [ln.split(" | ", 1)[1] for ln in en.splitlines() if ln.startswith("| ")][1:]
    assert [NUMBER.findall(c) for c in cells] == [
        NUMBER.findall(ln.split(" | ", 1)[1]) for ln in body[1:]]
    assert "\n提示：以下指标不在本次比较中，故未列入：" in zh
    assert zh.startswith(": 情景 small：各方案 2 次重复运行的均值及 95% Student-t 置信区间，"
                         "预热期 1 天后观测 1 天")
    assert "每个数值仅有 2 次重复运行" in zh and "；复现并核对：`bordersim reproduce cmp`" in zh


def test_the_assumptions_and_methods_say_the_library_in_its_chinese(folders, capsys):
    zh = _said(["paper-table", str(folders["cmp"]), "--assumptions", "--lang", "zh"], capsys)
    assert ("| single_window | single_window | uptake | 1.0 | 使用它的企业（报关单）比例 | "
            "假设 |") in zh
    assert "| fast |  | ports.sea.document_check.service.mean | '20 min' |  | 为本次比较设定" in zh
    assert "single_window 的来源：国际贸易“单一窗口”" in zh
    zh = _said(["paper-table", str(folders["cmp"]), "--methods", "--lang", "zh"], capsys)
    assert "我们将 2 个方案与基准方案比较（情景 small" in zh and "根随机种子 1" in zh


@pytest.mark.parametrize("argv, said", [
    (["--define", "--gains", "clearance"], "错误：--define 只用于数值表的各行"),
    (["--methods", "--assumptions"], "错误：--gains、--assumptions 和 --methods 各自写出"),
    (["--metric", "nope"], "：没有指标 nope；该结果文件夹的指标即其 summary.csv 中的指标"),
    (["--gains", "nope"], "错误：--gains 'nope'：不是 "),
])
def test_the_refusals_are_in_chinese(folders, capsys, argv, said):
    text = _said(["paper-table", str(folders["cmp"]), *argv, "--lang", "zh"], capsys)
    assert said in text and _left(text) == [], text


def test_a_sweeps_refusal_and_a_tornados_are_in_chinese(folders, capsys):
    text = _said(["paper-table", str(folders["sweep"]), "--methods", "--lang", "zh"], capsys)
    assert "参数扫描的结果文件夹没有方案" in text and _left(text) == []
    text = _said(["tornado", SMALL, "--reform", "single_window+training", "--reps", "2",
                  "--lang", "zh"], capsys)
    assert "请只给出一项改革" in text and _left(text) == []
    argv = ["tornado", SMALL, "--reform", "training", "--range", "speedup=0.1,0.2", "--reps",
            "2", "--metric", "nope"]  # (refused before any run, in the command's words)
    text = _said([*argv, "--lang", "zh"], capsys)
    assert "错误：--metric 'nope' 不是情景 'small' 的指标" in text and _left(text) == [], text
    assert re.search(r"all [\d,]+ names: bordersim check ", _said(argv, capsys))


def test_every_range_reason_has_its_chinese():
    reasons = {s.why for spans in RANGES.values() for s in spans.values()}
    assert reasons - set(WHY) == set(), "translate these in sim/report/zh_paper_ranges.py"


def test_the_captions_of_other_designs_and_a_precision_target_are_known():
    from sim.report.zh_paper_methods import methods_text_zh
    from sim.report.zh_paper_notes import caption

    sampled = ("Scenario s, 8 points of a sweep: each point's mean and 95 % Student-t "
               "interval over 3 replications, 1 day observed after 0.5 days of warm-up. The "
               "points are a sampled design (--lhs or --sobol): point 0 is a sample like the "
               "others, not a baseline, so no change from it is given. Money in USD at 2019 "
               "prices.")
    said = caption(sampled, {})
    assert said == ("情景 s，参数扫描的 8 个扫描点：各点 3 次重复运行的均值及 95% Student-t "
                    "置信区间，预热期 0.5 天后观测 1 天。各扫描点为抽样设计（--lhs 或 --sobol）："
                    "扫描点 0 与其他各点一样只是一个样本，不是基准，故不给出与它之差。"
                    "货币单位：USD（2019 年价格）。")
    assert caption(sampled + " And more.", {}).startswith(UNTRANSLATED)
    meta = {"options": [{}, {}], "precision": 0.05, "precision_metrics": ["clearance_h_mean"],
            "max_reps": 40, "days": 14, "warmup_days": 7, "drain_days": 7,
            "arrivals_changed": {"fast": 1}}
    text = methods_text_zh(meta, 10, 12, "f")
    assert "10 至 12 次独立的重复运行，其次数由精度目标决定" in text
    assert "方案 fast 改变了到港" in text
    assert english_left(text) == []


def test_a_structures_assumptions_are_said_as_the_console_says_them():
    from sim.report.zh_paper_notes import note

    english = ("which structure decides faster, and what it does to clearance, rests on the "
               "scenario's stated assumptions, not on the structure alone: "
               "organisation.transfer_to (to national: lognormal mean 4.0 h, cv 1.0: a request "
               "passed up to that level waits this long first) and organisation.advantages "
               "(middle_filter 0.2); try other values with --set (e.g. --set "
               "'organisation.transfer_to={}')")
    said = note(f"Assumptions the structure's effect rests on (dumbbell): {english}", {}, {})
    assert said.startswith("组织结构效果所依据的假设（方案 dumbbell）：哪种组织结构决策更快")
    assert "均值 4.0 小时" in said and english_left(said) == []
    unknown = note("Assumptions the structure's effect rests on (dumbbell): a new clause", {}, {})
    assert unknown.startswith(UNTRANSLATED)
