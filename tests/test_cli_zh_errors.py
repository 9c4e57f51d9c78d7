"""The errors a workshop participant makes editing a scenario (``--set``, a scenario or a
reform named wrongly), printed in Chinese under ``--lang zh`` or ``BORDERSIM_LANG=zh``: every
one whole, with the field path and value as given; in English word for word as before; a
reason no table knows marked untranslated, never guessed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_errors import error_line
from sim.experiment.metric_names import _NEEDS
from sim.report.zh_metrics import LAYERS
from tests.test_cli_lang_notes import english_left

MMC = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"
#: a participant's mistakes: what is given after ``run teaching-mmc``, and the English error
MISTAKES = [
    (["--set", "ports.crossing.document_check.capacity=-2"],
     "error: command line: ports.crossing.document_check.capacity = -2: a whole number of "
     "servers from 0 to 10,000, or \"unlimited\""),
    (["--set", "ports.crossing.document_check.service.mean=27"],
     "error: command line: ports.crossing.document_check.service.mean = 27: exponential mean: "
     "a duration needs a unit, written as a string such as '15 min' or '2 h' (units: s, min, "
     "h, d, w); got 27.0"),
    (["--set", "ports.crossing.document_check.service.mean=-3 min"],
     "error: command line: ports.crossing.document_check.service.mean = '-3 min': exponential "
     "mean: a duration must be finite and >= 0; got '-3 min'"),
    (["--set", "ports.crossing.arrivals.rate=5"],
     "error: command line: ports.crossing.arrivals.rate = 5: a rate needs a unit, written as a "
     "string such as '20/h' or '1500/d' (per s, min, h, d, w); got 5"),
    (["--set", "warmup_days=-1"],
     "error: command line: warmup_days = -1: out of range: input should be greater than or "
     "equal to 0"),
    (["--set", "ports.crosing.arrivals.rate=5/h"],
     "error: command line: ports.crosing.arrivals.rate = '5/h': unknown port 'crosing'; did "
     "you mean 'crossing'? The scenario's ports are crossing (a new port cannot be created by "
     "setting one of its fields: add [ports.crosing] in a scenario file)"),
    (["--set", "ports.crossing.document_check.servce.mean=3"],
     "error: command line: ports.crossing.document_check.servce.mean = 3: unknown key "
     "'servce'; did you mean 'service'? Allowed here: capacity, schedule, shifts, service"),
    (["--set", "selection.document.*.*=90"],
     "error: command line: selection.document.*.* = 90: out of range: input should be less "
     "than or equal to 1; a share is from 0 to 1: write 90 % as 0.9"),
    (["--set", "selection.document.general=1.5"],
     "error: command line: selection.document.general = 1.5: a table"),
    (["--set", "ports.crossing.document_check.service={dist=\"gama\",mean=\"3 min\"}"],
     "error: command line: ports.crossing.document_check.service = {'dist': 'gama', 'mean': "
     "'3 min'}: unknown distribution; allowed 'dist' values: deterministic, empirical, "
     "exponential, gamma, lognormal, triangular, uniform; for another shape draw a sample of "
     "it into a CSV and give {dist = \"empirical\", csv = ..., unit = ...} "
     "(docs/from-anylogic.md)"),
    (["--set", "export_selection.scann.*.*=0.5"],
     "error: command line: export_selection.scann.*.* = 0.5: export_selection: unknown check "
     "'scann'; allowed: document, scan, physical, quarantine"),
    (["--set", "selection.scan.frozn.*=0.5"],
     "error: command line: selection.scan.frozn.* = 0.5: selection.scan: unknown commodity "
     "'frozn'; allowed: *, general"),
    (["--set", "selection.scan.*.aeo=0.5"],
     "error: command line: selection.scan.*.aeo = 0.5: selection.scan.*: unknown trader class "
     "'aeo'; allowed: *, aeo_advanced, aeo_general, general, discredited"),
    (["--set", "declaration.returns={share={genral=0.1},correction=\"1 h\"}"],
     "error: command line: declaration.returns.share.genral = 0.1: unknown trader class "
     "'genral'; allowed: *, aeo_advanced, aeo_general, general, discredited"),
    (["--set", "enforcement.prevalence.wildlfe=0.01"],
     "error: command line: enforcement.prevalence.wildlfe = 0.01: unknown illicit type "
     "'wildlfe'; allowed: tobacco, counterfeit, frozen, pest, undervaluation, wildlife"),
    (["--set", "enforcement.report_by_port=[\"wildlife\",\"wildlife\"]"],
     "error: command line: enforcement.report_by_port.1 = 'wildlife': illicit type 'wildlife' "
     "named twice; name each once"),
    (["--set", "selection.quarantine.*.*=0.5"],
     "error: command line: selection.quarantine.*.* = 0.5: ports.crossing: selection.quarantine "
     "sends 'general' goods of 'general' traders there with probability 0.5, but the port has "
     "no [ports.crossing.quarantine] (add the section, or set the selection to 0)"),
    (["--set", "export_selection.scan.*.*=0.1", "--set", "risk={target=0.05}"],
     "error: command line: export_selection: export selection tables are not read by the risk "
     "engine (its prior and mix of checks come from direction-less tables); remove them, or "
     "set risk.enabled = false so that the tables decide"),
    (["--set", "enforcement.ipr.reply_days=3 d"],
     "error: command line: enforcement.ipr.reply_days = '3 d': expected a valid number; got "
     "str '3 d'"),
    (["--set", "enforcement.ipr=true"],
     "error: command line: enforcement.ipr = true: a table with the keys holder_confirms, "
     "holder_applies, reply_days, investigation_days, decided_share, decided_days, "
     "undecided_days, court_days, court_notice_share, court_order_days, bond_per_case, "
     "bond_rate, patent_share, counter_bond_share, counter_bond_days, counter_bond_per_case, "
     "counter_bond_rate, counter_bond_held_days, counter_bond_sued_share, "
     "counter_bond_suit_days, counter_bond_awarded_share, withdrawn_share, withdrawn_days, "
     "storage_per_day"),
    (["--set", "warmup_days=nan"],
     "error: command line: warmup_days = nan: expected a finite number; got nan"),
    (["--set", "warmup_days=true"],
     "error: command line: warmup_days = true: expected a valid number, not true"),
    (["--set", "ports.crossing.approach={inside=true, parking=3}"],
     "error: command line: ports.crossing.approach.inside = true: expected a whole number, "
     "not true"),
    (["--set", "ports.crossing.exports.selection.scan.*.*=0.1"],
     "error: command line: ports.crossing.exports.selection.scan.*.* = 0.1: created "
     "[ports.crossing.exports], absent from the scenario, which also needs "
     "ports.crossing.exports.arrivals (trucks (declarations) arriving; no batch) and "
     "ports.crossing.exports.loading; set them too"),
    # a value the units cannot read: no unit known, a unit mistyped, a zero time base
    (["--set", "ports.crossing.arrivals.rate=abc"],
     "error: command line: ports.crossing.arrivals.rate = 'abc': cannot read 'abc' as a rate; "
     "write e.g. '20/h' or '1500/d'"),
    (["--set", "ports.crossing.arrivals.rate=5/hr"],
     "error: command line: ports.crossing.arrivals.rate = '5/hr': unknown time unit 'hr' in "
     "'5/hr'; allowed: per s, min, h, d, w (or sec, second, seconds, minute, minutes, hour, "
     "hours, day, days, week, weeks), month (30.44 d), year (365.25 d)"),
    (["--set", "ports.crossing.document_check.service.mean=27 mn"],
     "error: command line: ports.crossing.document_check.service.mean = '27 mn': exponential "
     "mean: unknown time unit 'mn' in '27 mn'; did you mean 'min'? allowed: s, min, h, d, w "
     "(or sec, second, seconds, minute, minutes, hour, hours, day, days, week, weeks)"),
    (["--set", "ports.crossing.document_check.service.mean=abc"],
     "error: command line: ports.crossing.document_check.service.mean = 'abc': exponential "
     "mean: cannot read 'abc' as a duration; write e.g. '15 min', '2 h', '3 d'"),
    (["--set", "ports.crossing.arrivals.rate=3/0 h"],
     "error: command line: ports.crossing.arrivals.rate = '3/0 h': a rate's time base must be "
     "> 0; got '3/0 h'"),
    (["--days", "2", "--set", "days=3"],
     "error: the observed days are given twice: --days 2 and --set days=3; give one"),
]


def _error(argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    assert main(argv + ["--reps", "1", "--out", str(tmp_path / "r")]) == 2
    return capsys.readouterr().err.strip()


@pytest.mark.parametrize("given, english", MISTAKES, ids=[" ".join(m[0])[:60] for m in MISTAKES])
def test_a_mistake_is_said_in_chinese_and_in_english_as_before(
        given: list[str], english: str, capsys, tmp_path: Path):
    assert _error(["run", str(MMC), *given], capsys, tmp_path) == english
    zh = _error(["run", str(MMC), *given, "--lang", "zh"], capsys, tmp_path)
    assert zh.startswith("错误：") and "尚无中文" not in zh, zh
    assert english_left(zh) == [], zh


def test_a_wrong_name_in_compare_is_said_in_chinese(capsys, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    for argv, said in ((["compare", str(MMC), "--reforms", "nosuch"], "错误：未知改革 'nosuch'"),
                       (["compare", str(MMC), "--reforms", "single_windows"],
                        "错误：未知改革 'single_windows'（是否应为 'single_window'？）"),
                       (["compare", str(MMC), "--option", "bad"], "错误：方案 'bad' 没有给出"),
                       (["run", "nosuch"], "错误：找不到情景文件：nosuch"),
                       (["run", "defualt"], "错误：找不到情景文件：defualt（只写名称即可"),
                       (["run", "single_window"], "错误：找不到情景文件：single_window（"),
                       (["compare", str(MMC), "--reforms", "dumbbell"],
                        "错误：改革 dumbbell 要修改 [organisation] 部分，而情景 'teaching-mmc' "
                        "中没有该部分"),
                       (["compare", str(MMC), "--reforms", "training:cost_per_year=5000"],
                        "错误：改革 training：cost_per_year = 5000 要计入 [costs] 部分，而情景 "
                        "'teaching-mmc' 中没有该部分")):
        err = _error(argv, capsys, tmp_path)
        assert err.startswith(said) and english_left(err) == [], err


def test_an_unknown_reason_is_marked_and_a_wrong_language_variable_is_english(
        capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert error_line("command line: x = 1: a reason never written", "zh") == (
        "错误：（此条尚无中文译文）command line: x = 1: a reason never written")
    assert error_line("anything", "en") == "error: anything"
    monkeypatch.setenv("BORDERSIM_LANG", "cn")
    err = _error(["run", str(MMC)], capsys, tmp_path)
    assert err.startswith("error: environment variable BORDERSIM_LANG='cn'"), err


@pytest.mark.parametrize("command", ["report", "workbook"])
def test_a_folder_that_is_no_results_folder_is_said_in_chinese(command: str, capsys,
                                                              tmp_path: Path):
    missing = tmp_path / "nosuch"
    assert main([command, str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"error: {missing} does not exist, not a results folder: give the folder bordersim "
        "run, compare or sweep wrote (its --out)\n")
    for folder, said in ((missing, "不存在，不是结果文件夹"),
                         (tmp_path, "不是 bordersim 结果文件夹")):
        assert main([command, str(folder), "--lang", "zh"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"错误：{folder} {said}") and english_left(err) == [], err


def test_a_section_created_without_its_required_fields_names_them_in_chinese(capsys,
                                                                          tmp_path: Path):
    """An export table set on a port without exports creates its [exports] section, which
    needs its arrivals and loading: the fields named, their English descriptions left out."""
    given = ["--set", "ports.crossing.exports.selection.scan.*.*=0.1", "--lang", "zh"]
    assert _error(["run", str(MMC), *given], capsys, tmp_path) == (
        "错误：命令行：ports.crossing.exports.selection.scan.*.* = 0.1：新建了情景中原本没有的 "
        "[ports.crossing.exports] 部分，该部分还必须有 ports.crossing.exports.arrivals、"
        "ports.crossing.exports.loading；请一并设置")
    assert error_line("f: x.y = 1: created [x], absent from the scenario, which also needs x.a "
                      "(a (b) c); set it too", "zh").endswith("还必须有 x.a；请一并设置")


def test_an_export_table_sending_goods_to_a_missing_lane_is_said_in_chinese():
    """(The bundled scenarios' ports with exports have every lane: the reason alone.)"""
    english = ("command line: ports.p.exports.selection.scan.*.* = 0.1: ports.p: the export "
               "selection of scan sends 'frozen' goods of 'general' traders there with "
               "probability 0.1, but the port has no [ports.p.scan] (add the section, or set "
               "the selection to 0)")
    zh = error_line(english, "zh")
    assert zh == ("错误：命令行：ports.p.exports.selection.scan.*.* = 0.1：ports.p："
                  "出口布控表 scan 以概率 0.1 选中 'general' 企业的 'frozen' 货物，"
                  "但该口岸没有 [ports.p.scan]"
                  "（请添加该部分，或将布控概率设为 0）"), zh


#: the command line's own checks of a run, a comparison and ``check``: what follows the
#: scenario, and how the Chinese error begins ({tmp}: the test's folder)
COMMAND_MISTAKES = [
    (["run", "{tmp}"], "错误：{tmp} 是文件夹，不是情景文件"),
    (["run", str(MMC), "--out", "{tmp}/file/x"],
     "错误：{tmp}/file 是文件而不是文件夹，无法在其中创建 {tmp}/file/x；请用 --out"),
    (["compare", str(MMC), "--option", "a:days=2", "--out", "{tmp}/run"],
     "错误：{tmp}/run 存放的是一次运行的结果（bordersim run），不是一次方案比较的；"),
    (["run", str(MMC), "--workers", "2"], "错误：--workers 2 用于 --executor processes 或 dask"),
    (["run", str(MMC), "--dask", "x", "--executor", "dask"],
     "bordersim run: 错误：参数 --dask：'x'：没有端口号；"),
    (["run", str(MMC), "--dask", "ftp://a:1", "--executor", "dask"],
     "bordersim run: 错误：参数 --dask：'ftp://a:1'：未知的协议 'ftp'"),
    (["run", str(MMC), "--days", "1", "--set", "warmup_days=0", "--set",
      "ports.crossing.arrivals.rate=0/h", "--out", "{tmp}/empty"],
     "错误：预热期 0 天之后的 1 个观测日内没有货物到港"),
    (["compare", str(MMC)], "错误：没有可比较的内容：请至少给出一个 --option"),
    (["compare", str(MMC), "--metric", "clearance_h_mean", "--option", "a:days=2"],
     "错误：给出了 --metric clearance_h_mean 但没有 --precision"),
    (["compare", str(MMC), "--max-reps", "9", "--option", "a:days=2"],
     "错误：给出了 --max-reps 9 但没有 --precision"),
    (["sweep", str(MMC), "--lhs", "4", "--sobol", "4"], "错误：--lhs 和 --sobol 只能选其一"),
    (["sweep", str(MMC), "--param", "days=1,2", "--lhs", "4", "--range", "days=1:2"],
     "错误：--param 不能与 --lhs 同时使用（请改用 --range）"),
    (["sweep", str(MMC), "--range", "days=1:2"], "错误：--range 需要 --lhs N 或 --sobol N"),
    (["sweep", str(MMC), "--metric", "x"], "错误：--metric x 需要 --sobol 或 --lhs："),
    (["sweep", str(MMC)], "错误：没有可扫描的内容："),
    (["sweep", str(MMC), "--param", "days=1,2", "--param", "days=3"],
     "错误：--param days 给出了两次；"),
    (["sweep", str(MMC), "--param", "days=1,1"], "错误：--param days：取值 1 给出了两次"),
    (["sweep", str(MMC), "--sobol", "99999999", "--range", "days=1:2"],
     "错误：--sobol 99999999：最多 10,000 个基础点；"),
    (["sweep", str(MMC), "--param", "days=1,2", "--days", "3"],
     "错误：days 正在扫描，而 --days 也给出了 days = 3.0；"),
    (["reforms", "--tfa", "single_window"], "错误：--tfa 按《贸易便利化协定》条款列出所有改革"),
    (["compare", str(MMC), "--reforms", "control_order@400d", "--days", "1", "--out",
      "{tmp}/late"],
     "错误：改革 control_order@400d：timeline.0.at：400 天晚于运行结束：最多 365 天"),
    (["check", str(MMC), "--changes"], f"错误：--changes：{MMC} 没有继承任何情景（文件中没有"),
    (["check", str(MMC), "--sources", "porst"],
     f"错误：--sources porst：{MMC} 中 'porst' 之下没有注明出处或假设的取值"),
]


def _status(argv: list[str]) -> int | str | None:
    """The exit status of ``bordersim ARGV`` (argparse's errors exit, the others return)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.mark.parametrize("given, said", COMMAND_MISTAKES,
                         ids=[" ".join(m[0][2:])[:50] or m[0][0] for m in COMMAND_MISTAKES])
def test_the_command_lines_own_checks_are_said_in_chinese(
        given: list[str], said: str, capsys, tmp_path: Path):
    """Each whole, in Chinese, nothing left in English or marked untranslated; in English
    as before (an ``error:`` line)."""
    (tmp_path / "file").write_text("")
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "meta.json").write_text('{"scenario_hash": "0"}')
    argv = [a.replace("{tmp}", str(tmp_path)) for a in given]
    assert _status(argv) == 2
    assert "error: " in capsys.readouterr().err
    assert _status([*argv, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if "错误：" in ln]
    assert lines and lines[0].startswith(said.replace("{tmp}", str(tmp_path))), err
    commands = re.sub(r"bordersim(?: [a-z-]+)+(?: [A-Z]+)?", "", "\n".join(lines))  # (named)
    assert "尚无中文" not in err and english_left(commands) == [], err


def test_a_results_folder_in_use_or_not_made_and_a_scheduler_not_reached_are_in_chinese():
    """(Their English is built in sim/cli.py and sim/experiment/executors.py.)"""
    for english, chinese in (
            ("cannot make the results folder r/x: Permission denied; give one that can be "
             "written with --out", "错误：无法创建结果文件夹 r/x：没有权限；请用 --out 给出可写入的"
             "文件夹"),
            ("cannot write the results folder r/x (r/x/meta.json): Disk quota exceeded; choose "
             "a writable folder with --out", "错误：无法写入结果文件夹 r/x (r/x/meta.json)："
             "Disk quota exceeded；请用 --out 给出可写入的文件夹"),
            ("--dask needs --executor dask (got --executor processes)",
             "错误：--dask 需要 --executor dask（实际为 --executor processes）"),
            ("cannot reach the Dask scheduler at tcp://a:1: Timed out; is it running, and is "
             "the address right?", "错误：无法连接位于 tcp://a:1 的 Dask 调度器：Timed out；它是否"
             "在运行，地址是否正确？")):
        assert error_line(english, "zh") == chinese
    english = ("results/x is being written by another bordersim command now; wait for it to "
               "end (give the same command again then to resume it if it is stopped), or "
               "choose another --out folder")
    assert error_line(english, "zh") == (
        "错误：results/x 正由另一个 bordersim 命令写入；请等其结束（若它中断了，届时再给出同一"
        "命令即可续跑），或用 --out 另选文件夹")


@pytest.mark.parametrize("layer", sorted(_NEEDS))
def test_a_metric_of_a_kind_the_scenario_yields_none_of_is_said_in_chinese(layer: str):
    """Each layer a scenario may lack (costs, smuggling, ...) and what it needs, said whole;
    a layer or a need this table does not know leaves the line in English, marked."""
    english = (f"--metric 'm' is not a metric of scenario 's'; did you mean 'n'?: it is one of "
               f"the {layer} metrics, and runs of this scenario yield none of them (they need "
               f"{_NEEDS[layer]})")
    zh = error_line(english, "zh")
    assert zh.startswith("错误：--metric 'm' 不是情景 's' 的指标；是否应为 'n'？：它属于"), zh
    assert LAYERS[layer][1] in zh and "尚无中文" not in zh and english_left(zh) == [], zh
    other = english.replace(_NEEDS[layer], "a [new] section")
    assert "尚无中文" in error_line(other, "zh")


def test_a_cost_metric_without_costs_and_a_pattern_matching_nothing(capsys, tmp_path: Path):
    err = _error(["run", str(MMC), "--metric", "agency_cost_per_consignment", "--precision",
                  "0.5", "--lang", "zh"], capsys, tmp_path)
    assert err.splitlines()[0] == (
        "错误：--metric 'agency_cost_per_consignment' 不是情景 'teaching-mmc' 的指标：它属于成本"
        "类指标，而本情景的运行不产生其中任何一项（需要 [costs] 部分）")
    assert "尚无中文" not in err, err
    err = _error(["run", str(MMC), "--show", "truth_*", "--lang", "zh"], capsys, tmp_path)
    assert err.startswith("错误：--show 'truth_*' 没有匹配情景 'teaching-mmc' 的任何指标；"
                          "全部 "), err
    assert err.endswith(" --metrics") and "尚无中文" not in err, err


def test_a_misspelt_metric_is_said_in_chinese_line_by_line(capsys, tmp_path: Path):
    """``--metric`` (and the other flags that name a metric): the name, the nearest names
    and the hint of the names allowed, each line in Chinese, the names kept."""
    err = _error(["run", str(MMC), "--metric", "clearnce_h_mean", "--precision", "0.5",
                  "--lang", "zh"], capsys, tmp_path)
    lines = err.splitlines()
    assert lines[0] == ("错误：--metric 'clearnce_h_mean' 不是情景 'teaching-mmc' 的指标；是否应为 "
                        "'clearance_h_mean' 或 'clearance_h_median' 或 'clearance_h_mean_import'？")
    assert lines[1].startswith("错误：  指标包括 clearance_h_mean, ") and lines[1].endswith(" 等")
    assert lines[2].startswith("错误：  按口岸、方向、信用类别和作业线细分：")
    assert lines[3] == ("错误：  其中 <port> 为 crossing 之一；<direction>：import, export；"
                        "<class>：aeo_advanced, aeo_general, general, discredited")
    assert lines[4].startswith("错误：  全部 ") and lines[4].endswith(" --metrics")
    assert "尚无中文" not in err, err
    observed = tmp_path / "ob.csv"
    observed.write_text("metric,observed\nclearnce_h_mean,5\n", encoding="utf-8")
    err = _error(["run", str(MMC), "--observed", str(observed), "--lang", "zh"], capsys,
                 tmp_path)
    assert err.splitlines()[0].startswith(f"错误：{str(observed)!r} 第 2 行，'metric' 列：metric "
                                          "'clearnce_h_mean' 不是情景 'teaching-mmc' 的指标；"), err
    assert "尚无中文" not in err, err


@pytest.mark.parametrize("reform, said", [
    ("merged_inspection+separate_inspection",
     "'merged_inspection+separate_inspection'（于 3 d）无法在其日期生效：改革 merged_inspection 与 "
     "separate_inspection 都修改 inspection.mode；"),
    ("flexible_staffing", "'flexible_staffing' 修改 inspection.joint_staffing（改为 "
     "'cross_trained'），而该字段在运行开始时一次建成"),
])
def test_a_dated_reform_that_cannot_apply_at_its_date_is_said_in_chinese(
        reform: str, said: str, capsys, tmp_path: Path):
    """The timeline entry's error, its head (which reform, when) and its why, all Chinese;
    in English as before."""
    f = tmp_path / "dated.toml"
    small = Path(__file__).resolve().parent / "scenarios" / "small.toml"
    f.write_text(f'extends = "{small.as_posix()}"\n[[timeline]]\nat = "3d"\n'
                 f'reform = "{reform}"\n', encoding="utf-8")
    assert main(["check", str(f)]) == 2
    assert f"timeline.0.reform: '{reform}' " in capsys.readouterr().err
    assert main(["check", str(f), "--lang", "zh"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"错误：{f.resolve()}：timeline.0.reform：{said}"), err
    assert "尚无中文" not in err and english_left(err.replace(str(f.resolve()), "")) == [], err


def test_a_dated_reforms_why_no_table_knows_leaves_the_line_untranslated():
    """Never half Chinese: an unknown why keeps the whole line in English, marked."""
    from sim.cli_zh_errors import problem

    text = "timeline.0.reform: 'x' (at 3 d) cannot apply at its date: no table knows this"
    assert problem(text) == problem("no table knows this at all").replace(
        "no table knows this at all", text)


@pytest.mark.parametrize("parse, value", [
    ("parse_duration", "abc"), ("parse_duration", "15 mn"), ("parse_duration", {"dist": "x"}),
    ("parse_rate", "abc"), ("parse_rate", "20/hr"), ("parse_rate", "-1/h"),
    ("parse_rate", "3/0 h"), ("parse_clock", "9h30"), ("parse_clock", "25:00")])
def test_every_value_the_units_cannot_read_is_said_in_chinese(parse: str, value: object):
    from sim.scenario import units

    with pytest.raises(units.UnitError) as raised:
        getattr(units, parse)(value)
    zh = error_line(f"my.toml: ports.p.field = {value!r}: {raised.value}", "zh")
    assert zh.startswith("错误：my.toml：ports.p.field = ") and "尚无中文" not in zh, zh
    assert english_left(zh) == [], zh


#: a distribution written as another tool writes it: each hint of sim.scenario.dist_hints
DISTS = ['{dist="normal",mean="30 min"}', '{dist="erlang",mean="30 min"}',
         '{dist="fixed",mean="30 min"}', '{dist="exponential",lambda=2}',
         '{dist="lognormal",mu=1,sigma=1}', '{dist="gamma",shape=2,mean="1 h"}',
         '{dist="triangular",min="1 min",mode="2 min",max="3 min"}']


@pytest.mark.parametrize("given", DISTS)
def test_a_distribution_as_another_tool_writes_it_is_said_in_chinese(given: str, capsys,
                                                                      tmp_path: Path):
    argv = ["run", str(MMC), "--set", f"ports.crossing.document_check.service={given}"]
    english = _error(argv, capsys, tmp_path)
    assert "docs/from-anylogic.md" in english, english  # (a hint, not the bare message)
    zh = _error([*argv, "--lang", "zh"], capsys, tmp_path)
    assert zh.startswith("错误：命令行：") and "尚无中文" not in zh, zh
    assert english_left(zh) == [] and "（见 docs/from-anylogic.md）" in zh, zh
