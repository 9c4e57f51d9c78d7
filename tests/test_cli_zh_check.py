"""``bordersim check SCENARIO --lang zh``: the notes and errors on stderr in Chinese (a good
scenario's notes, a bad one's errors), the resolved scenario on stdout unchanged; in English
word for word as before. A note or error whose English changes falls back to the English,
marked untranslated, which these tests refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left

CHILD = 'extends = "teaching-mmc"\ndays = 3  # assumption\n'
#: a bad file's text -> its English error, word for word (of a long path's value, its end)
BAD = {
    'name = "x"\nname = "y"\n':
        "error: {f}: not valid TOML at line 2: name is given twice (each key and table may "
        "be given once)",
    'name = "x"\ndays = \n': "error: {f}: not valid TOML at line 2: Invalid value",
    'extends = "teaching-mmcx"\nname = "x"\n':
        "no such file beside the file that extends it, nor among the bundled scenarios "
        "(beilun-border.toml, china-2017.toml, "
        "default.toml, guangdong-dumbbell.toml, guangdong-enforcement.toml, guangdong-four.toml, "
        "guangdong-spindle.toml, "
        "guangdong.toml, teaching-jackson.toml, teaching-mmc.toml); did you mean "
        "'teaching-mmc.toml'?",
}


def _check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["check", *argv])
    said = capsys.readouterr()
    return status, said.out, said.err


def test_a_good_scenarios_notes_are_chinese_and_its_print_unchanged(tmp_path: Path, capsys,
                                                                   monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    child = tmp_path / "child.toml"
    child.write_text(CHILD, encoding="utf-8")
    status, out_en, err_en = _check([str(child)], capsys)
    assert status == 0 and err_en == (
        "note: child.toml extends teaching-mmc.toml and sets no name: it is named "
        "'teaching-mmc', as its parent, and so are its runs' results folders "
        "(results/teaching-mmc-<date>-<time>) and reports; give it its own name = \"...\"\n")
    status, out_zh, err_zh = _check([str(child), "--lang", "zh"], capsys)
    assert status == 0 and out_zh == out_en
    assert err_zh.startswith("提示：child.toml 继承情景 teaching-mmc.toml，但没有设置 name")
    assert "尚无中文" not in err_zh and english_left(err_zh) == [], err_zh


def test_check_changes_note_is_chinese(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    child = tmp_path / "child.toml"
    child.write_text(CHILD + 'name = "c"\n', encoding="utf-8")
    _, out_en, err_en = _check([str(child), "--changes"], capsys)
    assert err_en == ("note: 2 field(s) differ from teaching-mmc.toml; values as resolved "
                      "(times in hours, rates per hour)\n")
    _, out_zh, err_zh = _check([str(child), "--changes", "--lang", "zh"], capsys)
    assert out_zh.split("\n", 1)[1] == out_en.split("\n", 1)[1]  # (only the header is Chinese)
    assert out_zh.startswith("字段\t上级情景的值\t") and err_zh == (
        "提示：与 teaching-mmc.toml相比，有 2 个字段不同；数值为解析后的值（时间以小时计，"
        "速率以每小时计）\n")


@pytest.mark.parametrize("text", sorted(BAD))
def test_a_bad_scenarios_errors_are_chinese(text: str, tmp_path: Path, capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    status, _, err_en = _check([str(bad)], capsys)
    english = BAD[text].format(f=bad)
    assert status == 2 and (err_en == english + "\n" if english.startswith("error: ") else
                            err_en.startswith(f"error: {bad}: extends = '")
                            and err_en.endswith(": " + english + "\n")), err_en
    status, _, err_zh = _check([str(bad), "--lang", "zh"], capsys)
    assert status == 2 and err_zh.startswith(f"错误：{bad}：不是有效的 TOML" if "TOML" in
                                             err_en else f"错误：{bad}：extends = ")
    assert "尚无中文" not in err_zh and english_left(err_zh) == [], err_zh
