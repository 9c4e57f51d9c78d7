"""The organisation tree's errors said in Chinese (``--lang zh``): each error is made by a
real scenario the tree refuses, so a changed English sentence shows here as untranslated,
and none is left in English; levels and structures are said in Chinese, names kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.cli_zh_errors import error_line
from tests.test_cli_lang_notes import english_left
from tests.test_org_rules import _GENERATE, _UNITS, SCENARIOS

_GD = SCENARIOS / "guangdong.toml"
_EXTRA = '[organisation.units.back]\nlevel = "field"\nparent = "gd"\nports = ["gz_nansha"]\n'

#: (the change to the test tree's units (old, new), the Chinese the error must say)
_UNIT_CASES = {
    "unknown-parent": (('parent = "gd"', 'parent = "gdx"'),
                       "单位 'front'：上级 'gdx' 不是组织中的单位"),
    "field-with-units-under-it": (('level = "regional"', 'level = "field"'),
                                  "单位 'gd' 属于现场层级，其下却有单位 'front'"),
    "above-its-parent": (('level = "field"', 'level = "national"'),
                         "单位 'front'（总署）隶属于 'gd'（直属海关）"),
    "port-uncovered": (('ports = ["gz_nansha", ', "ports = ["),
                       "口岸 'gz_nansha' 不隶属于任何单位"),
    "port-twice": (("[organisation.units.front]", _EXTRA + "[organisation.units.front]"),
                   "口岸 'gz_nansha' 同时隶属于单位"),
    "cycle": (('level = "national"\n', 'level = "national"\nparent = "front"\n'),
              "单位的上下级关系成环：gac -> front -> gd -> gac"),
    "two-roots": (('parent = "gac"\n', ""),
                  "组织树须有且只有一个根（没有上级的单位）；实际为 'gac', 'gd'"),
    "unknown-port": (('ports = ["gz_nansha", ', 'ports = ["nowhere", "gz_nansha", '),
                     "单位 'front' 列出的口岸 'nowhere' 不是情景中的口岸；可用："),
    "no-decider": ((', case = "4 h" }', " }"), "没有直属海关层级的单位处理任务 'case'"),
}


def _refused(text: str, tmp_path: Path, parent: Path = _GD) -> str:
    """The English error of a child of ``parent`` with ``text`` after its name."""
    child = tmp_path / "tree.toml"
    child.write_text(f'extends = "{parent}"\nname = "tree"\n{text}')
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(child)
    return str(err.value)


def _chinese(english: str, words: str) -> None:
    said = error_line(english, "zh")
    _said(said, words)


def _said(said: str, words: str) -> None:
    assert words in said, said
    assert "尚无中文" not in said and english_left(said) == [], said


@pytest.mark.parametrize("case", list(_UNIT_CASES))
def test_an_explicit_trees_error_is_said_in_chinese(case: str, tmp_path: Path):
    (old, new), words = _UNIT_CASES[case]
    assert old in _UNITS
    _chinese(_refused(_UNITS.replace(old, new, 1), tmp_path), words)


@pytest.mark.parametrize(
    ("path", "setting", "words"),
    [
        (_GD, "organisation.generate.staff.quarantine=0",
         "但没有 quarantine（检疫）科室负责人（organisation.generate.staff.quarantine）"
         "在混合型结构中决定它；请给出至少 17 名，或把 "
         "organisation.escalations.quarantine.share 设为 0"),
        (SCENARIOS / "guangdong-spindle.toml", "organisation.generate.staff.tariff=16",
         "16 名 tariff（关税）科室负责人（organisation.generate.staff.tariff）"
         "不足以在纺锤型结构中决定 'ruling'：生成器先给 10 个隶属海关各 1 名（local_heads），"
         "余下的人员分配后，"
         "有直属海关虽负责决定却无人可派；请给出至少 17 名"),
        (_GD, "organisation.generate.staff.tariff=11",
         "负责决定的总署中心无人可派；请给出至少 12 名"),
    ],
    ids=["no-heads", "too-few-local-first", "too-few-national"],
)
def test_a_generated_trees_error_is_said_in_chinese(path: Path, setting: str, words: str,
                                                    capsys: pytest.CaptureFixture[str]):
    assert main(["check", str(path), "--set", setting, "--lang", "zh"]) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"错误：命令行：{setting.replace('=', ' = ')}："), said
    _said(said, words)


def test_a_missing_service_time_is_said_in_chinese(tmp_path: Path):
    generate = _GENERATE.replace(', case = "1 h"', "")
    assert generate != _GENERATE
    units = tmp_path / "units" / "front.toml"
    units.parent.mkdir()
    units.write_text(f'extends = "{_GD}"\nname = "front"\n{_UNITS}')
    _chinese(_refused(generate, tmp_path, units),
             "organisation.generate.service 中没有 'case' 的办理时间：生成器在混合型结构中不会安排 "
             "anti_smuggling（缉私）科室负责人来决定它；请给出 organisation.generate.service.case")


def test_a_structure_the_scenario_cannot_run_is_said_in_chinese(capsys):
    setting = "organisation.escalations.ruling.decided_at.dumbbell=\"local\""
    assert main(["check", str(_GD), "--set", setting, "--lang", "zh"]) == 2
    said = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("错误：")]
    assert len(said) == 1, said
    _said(said[0],
             "在哑铃型结构中（即 --reforms dumbbell 或 --set 'organisation.structure=\"dumbbell\"' "
             "运行时；情景自身的混合型结构可以运行）：")


def test_the_org_command_says_the_structure_a_tree_fails_in(capsys):
    argv = ["org", str(_GD), "--structures", "hybrid,spindle", "--set",
            "organisation.generate.staff.tariff=12", "--lang", "zh"]
    assert main(argv) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"错误：{_GD}（按纺锤型结构）：12 名 tariff（关税）科室负责人"), said
    assert "尚无中文" not in said and english_left(said) == [], said
