"""``bordersim operating-curve --lang zh``: every line printed (the points, the AUCs' worth,
the notes on stderr) in Chinese with the English output's figures in the same order; each
of the command's own errors in Chinese with the value given."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
#: two AUCs (the worth table), one replication short of none, a shared review centre
ARGV = ["operating-curve", SMALL, "--port", "sea", "--clear", "0.5", "--auc", "0.9,0.95",
        "--reps", "2", "--days", "1", "--set", "warmup_days=1", "--set", "drain_days=1",
        "--set", "ports.sea.scan.image_review.pool=centre"]
NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?(?:e[-+]?\d+)?|nan")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """The command's stdout and stderr in each language (one run each, read by every test)."""
    root = tmp_path_factory.mktemp("oc")
    said = {}
    for lang in ("en", "zh"):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            assert main([*ARGV, "--out", str(root / lang), "--lang", lang]) == 0
        said[lang] = (out.getvalue(), err.getvalue())
    return said


def test_chinese_output_leaves_no_english_sentence(printed):
    out, err = printed["zh"]
    assert out.startswith("sea：2 个工作点 × 每点 2 次重复运行；工作点 0 为情景自身的工作点")
    assert "工作点 1：AUC 0.95，AI 审图比例 1，放行比例（阈值）0.5；AI 漏检率 " in out
    assert "审图中心关员利用率" in out and "sea 的 AUC 0.95 对比 0.9" in out
    assert "提示：sea 的图像在审图中心 'centre' 审读" in err
    assert "尚无中文" not in out + err
    assert english_left(out + err) == [], english_left(out + err)
    # (no English word either, but names: the port, the centre, a field, a column, AUC)
    said = "\n".join(ln for ln in (out + err).splitlines() if not ln.startswith("结果："))
    assert "[无置信区间]" in said
    assert set(re.findall(r"[A-Za-z][A-Za-z_]*", said)) <= {
        "AI", "AUC", "sea", "centre", "clear_same_miss", "nan", "days", "warmup_days"}


def test_english_output_is_as_before(printed):
    out, err = printed["en"]
    assert out.startswith("sea: 2 operating point(s) x 2 replication(s); point 0 is the "
                          "scenario's own;")
    assert "sea's AUC 0.95 against 0.9 at the same threshold" in out
    assert "note: sea's images are read at the review centre 'centre'" in err


def test_chinese_output_has_the_english_figures_in_order(printed):
    (en, en_err), (zh, zh_err) = printed["en"], printed["zh"]
    figures = NUMBER.findall(en)
    assert len(figures) > 40 and NUMBER.findall(zh) == figures
    assert len(en.splitlines()) == len(zh.splitlines())
    assert len(en_err.splitlines()) == len(zh_err.splitlines())


@pytest.mark.parametrize(("extra", "said"), [
    (["--port", "nowhere", "--clear", "0.5"],
     "错误：--port 'nowhere'：情景中没有此口岸；情景中的口岸：sea"),
    (["--port", "sea", "--clear", "0.5,1.5"],
     "错误：--clear：不允许取 1.5；每个值须在 [0, 1] 之内"),
    (["--port", "sea", "--clear", "0.5", "--auc", "0.3"],
     "错误：--auc：不允许取 0.3；每个值须在 [0.5, 0.9999] 之内"),
    (["--port", "sea", "--clear", "0.5", "--share", "-0.2"],
     "错误：--share：不允许取 -0.2；每个值须在 [0, 1] 之内"),
    (["--port", "sea", "--clear", ","], "错误：--clear：请至少给出一个值"),
    (["--port", "sea", "--clear", "half"],
     "错误：参数 --clear：不是数值列表：'half'（请用逗号分隔，如 0.5,0.7）"),
])
def test_each_error_is_chinese_with_its_value(extra, said, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    out = tmp_path / "oc"
    with contextlib.suppress(SystemExit):
        assert main(["operating-curve", SMALL, *extra, "--reps", "1", "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.endswith(said), err
    assert "尚无中文" not in err and english_left(err) == []
    assert not out.exists()


@pytest.mark.parametrize(("ports", "said"), [
    ({"sea": None, "air": object()}, "--port 'sea' 没有集装箱检查设备（扫描），因此没有审图；"
     "配备扫描的口岸：air"),
    ({"sea": None}, "--port 'sea' 没有集装箱检查设备（扫描），因此没有审图；"
     "情景中没有配备扫描的口岸"),
])
def test_a_port_without_scanners_is_said_in_chinese(ports, said):
    from types import SimpleNamespace

    from sim.cli import UsageError
    from sim.cli_operating_curve import _review
    from sim.cli_zh_errors import error_line

    scenario = SimpleNamespace(ports={p: SimpleNamespace(scan=s) for p, s in ports.items()})
    with pytest.raises(UsageError) as exc:
        _review(scenario, "sea")
    assert error_line(str(exc.value), "zh") == "错误：" + said


@pytest.mark.parametrize("centre", ["", "centre"])
def test_every_figure_shown_has_a_chinese_label(centre):
    from sim.cli_zh_operating_curve import LABELS, label
    from sim.experiment.operating_curve import key_metrics

    assert all(label(m, "sea") in LABELS.values() for m in key_metrics("sea", centre))


def test_the_notes_without_a_run_are_said_in_chinese(capsys):
    from argparse import Namespace

    import pandas as pd

    from sim.cli_operating_curve import _notes
    from sim.experiment.operating_curve import key_metrics
    from sim.scenario.loader import load_scenario

    rows = pd.DataFrame({"clearance_h_mean_port_sea_import": [1.0]})
    _notes(load_scenario(SMALL), Namespace(port="sea", reps=5), rows, key_metrics("sea"), "",
           alone=True, zh=True)
    err = capsys.readouterr().err
    assert "提示：所给的值只构成情景自身的工作点（工作点 0）" in err
    assert "提示：这些运行未测得以下指标，因此不列出：clearance_h_p90_port_sea_import、" in err
    assert english_left(err) == [], english_left(err)
