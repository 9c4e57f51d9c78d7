"""A reform's strength refused, said in Chinese: each kind of refusal met by a real bad
strength on the console (``compare --reforms ... --lang zh``), and the English as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_options import UNTRANSLATED
from sim.reforms.reform import ReformError
from sim.reforms.shocks import SHOCKS

SMALL = Path(__file__).parent / "scenarios" / "small.toml"

#: a bad strength, what its English says, and what its Chinese must say
CASES = [
    ("control_order:sample=abc", "must be a number, allowed 0.0 to 1.0",
     "应为数字，可取 0.0 至 1.0"),
    ("control_order:sample=2", "out of range, allowed 0.0 to 1.0", "超出范围，可取 0.0 至 1.0"),
    ("cold_chain_mandate:teams=501", "out of range, allowed a whole number from 1 to 500",
     "超出范围，可取 1 至 500 的整数"),
    ("cold_chain_mandate:teams=2.5", "not a whole number (it counts things)",
     "不是整数（它计数），可取 1 至 500 的整数"),
    ("cold_chain_mandate:teams=two", "must be a whole number", "应为整数，可取 1 至 500 的整数"),
    ("control_order:origins=mars", "unknown origin 'mars'", "未知来源地 'mars'；情景 'small' 中有"),
    ("control_order:checks=xray", "unknown check 'xray'", "未知查验类别 'xray'"),
    ("control_order:commodities=gold", "unknown commodity 'gold'", "未知商品类别 'gold'"),
    ("control_order:direction=up", "allowed import, export, *", "可取 import, export, *"),
    ("fewer_returns:points=-1", "out of range, allowed 0.0 to 1.0", "超出范围，可取 0.0 至 1.0"),
    ("fewer_returns:point=0.1", "unknown parameter 'point'; allowed: points, cost_per_year",
     "未知强度参数 'point'；可取：points, cost_per_year, setup_cost"),
    ("fewer_returns:transition_days=30", "(a transition belongs to a structural reform",
     "未知强度参数 'transition_days'；可取：points, cost_per_year, setup_cost（过渡期只属于"),
]


def _said(capsys: pytest.CaptureFixture[str], tmp_path: Path, reform: str, lang: str) -> str:
    argv = ["compare", str(SMALL), "--reforms", reform, "--reps", "1", "--days", "1",
            "--lang", lang, "--out", str(tmp_path / lang)]
    assert main(argv) == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize(("reform", "english", "chinese"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_strength_is_said_in_chinese_and_in_english_as_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, reform: str, english: str, chinese: str
) -> None:
    name = reform.split(":")[0]
    assert _said(capsys, tmp_path, reform, "en").startswith(f"error: reform {name}: ")
    assert english in _said(capsys, tmp_path, reform, "en")
    zh = _said(capsys, tmp_path, reform, "zh")
    assert UNTRANSLATED not in zh and zh.startswith(f"错误：改革 {name}：")
    assert chinese in zh


def test_the_outbreak_s_bad_kind_names_the_types_in_chinese_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (outbreak,) = [r for r in SHOCKS if r.name == "outbreak"]
    with pytest.raises(ReformError, match="kind = 'gold': allowed tobacco"):
        outbreak(kind="gold")
    zh = _said(capsys, tmp_path, "outbreak:kind=gold", "zh")
    assert "kind = 'gold'：可取 tobacco, counterfeit, frozen, pest, undervaluation, wildlife" in zh
