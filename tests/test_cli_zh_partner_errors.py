"""``bordersim both-sides --lang zh``: a partner file's mistakes, and a port the run cannot
time on both sides, said in Chinese (no English sentence left, none marked untranslated); in
English as before. No run is needed: the partner file is read before the folder's logs."""

from __future__ import annotations

import json

import pytest

from sim.analysis.partner_spec import PartnerSpecError, partner_from
from sim.cli import main
from sim.cli_zh_errors import error_line
from tests.test_both_sides import EXAMPLE
from tests.test_cli_lang_notes import english_left

#: a change to the example partner file (its first occurrence), the Chinese said of it
MISTAKES = [
    ("officers = 3", "officers = 0", "outbound.officers：0；应为不小于 1 的整数"),
    ('hours = ["07:00", "19:00"]', 'hours = ["19:00", "07:00"]',
     "outbound.hours：['19:00', '07:00']；应为关闭时刻晚于开放时刻"),
    ("inspect_share = 0.05", "inspect_share = 5", "outbound.inspect_share：5；应为0 至 1 的比例"),
    ("joint_exam = true", 'joint_exam = "yes"', "one_stop.joint_exam：'yes'；应为true 或 false"),
    ('port = "dongxing"', 'port = ""', "port：''；应为本次运行中由其查验货车的陆路口岸的名称"),
    ("teams = 1", "", "outbound.teams：缺失；应为给出取值（每个字段都必须填写）"),
    ('name = "', 'colour = 1\nname = "', "colour：1；应为以下字段之一：name, port, outbound"),
    ('{ mean = "15 min", cv = 0.8 }', '{ mean = "15 min" }',
     "outbound.service：{'mean': '15 min'}；应为{ mean = \"15 min\", cv = 0.8 }（对数正态分布"),
    ('cv = 0.8 }', 'cv = 11 }', "outbound.service.cv：11；应为0 至 10 的变异系数"),
    ('mean = "15 min"', 'mean = "0 min"', "outbound.service.mean：'0 min'；应为大于 0 的时长"),
    ("[one_stop]", "[one_stop", "：无法读取对方查验设置文件：第 "),
]


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    return capsys.readouterr().err


def _assert_chinese(said: str) -> None:
    assert said.startswith("错误：") and "尚无中文" not in said, said
    assert english_left(said) == [], english_left(said)


@pytest.mark.parametrize("old, new, zh", MISTAKES, ids=[m[1][:20] for m in MISTAKES])
def test_a_partner_files_mistake_is_said_in_chinese(old, new, zh, tmp_path, capsys,
                                                    monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    partner = tmp_path / "p.toml"
    partner.write_text(EXAMPLE.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    argv = ["both-sides", str(tmp_path), "--partner", str(partner)]
    said = _error([*argv, "--lang", "zh"], capsys)
    assert said.startswith(f"错误：{partner}：") and zh in said, said
    _assert_chinese(said)
    assert _error(argv, capsys).startswith(f"error: {partner}: ")


@pytest.mark.parametrize("raw, zh", [
    ({"port": "d", "outbound": 3}, "outbound：3；应为表 [outbound]，含字段 officers, hours"),
    ({"port": "d", "name": 3}, "name：3；应为字符串"),
    ({"port": "d", "one_stop": 3}, "one_stop：3；应为表"),
])
def test_a_partner_tables_mistake_is_said_in_chinese(raw, zh):
    with pytest.raises(PartnerSpecError) as caught:
        partner_from(raw, "p.toml")
    said = error_line(str(caught.value), "zh")
    assert said.startswith(f"错误：p.toml：{zh}"), said
    _assert_chinese(said)


def test_an_unreadable_partner_file_is_said_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    said = _error(["both-sides", str(tmp_path), "--partner", str(tmp_path / "no.toml"),
                   "--lang", "zh"], capsys)
    assert said == f"错误：{tmp_path / 'no.toml'}：无法读取对方查验设置文件：路径不存在\n"


@pytest.mark.parametrize("port, zh", [
    ("dongxing", "不是 {f} 情景中的口岸；应为其陆路口岸之一（无）"),
    ("qinzhou", "是海运口岸；应为 {f} 的陆路口岸之一（无）：只有陆路口岸才计算边境两侧的时间"),
])
def test_a_port_not_on_land_is_said_in_chinese(port, zh, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    (tmp_path / "scenario.json").write_text(json.dumps({"ports": {"qinzhou": {"mode": "sea"}}}))
    partner = tmp_path / "p.toml"
    partner.write_text(EXAMPLE.read_text(encoding="utf-8").replace('"dongxing"', f'"{port}"', 1),
                       encoding="utf-8")
    argv = ["both-sides", str(tmp_path), "--partner", str(partner)]
    said = _error([*argv, "--lang", "zh"], capsys)
    assert said == f"错误：{partner}：port：'{port}' {zh.format(f=tmp_path)}\n"
    _assert_chinese(said)
    english = _error(argv, capsys)
    assert "land ports (none)" in english and ("a sea port" in english) == (port == "qinzhou")


def test_every_mode_has_its_words():
    from typing import get_args

    from sim.report.zh_glossary import MODES
    from sim.scenario.schema import Port

    assert set(MODES) == set(get_args(Port.model_fields["mode"].annotation))
