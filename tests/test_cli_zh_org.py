"""``bordersim org --lang zh``: the structures' table, the line under it and the notes in
Chinese with the same figures as the English, and its own errors in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left

SPINDLE = Path(__file__).resolve().parents[1] / "scenarios" / "guangdong-spindle.toml"
SHORT = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=1"]


def _org(capsys: pytest.CaptureFixture[str], *more: str) -> tuple[str, str]:
    assert main(["org", str(SPINDLE), *SHORT, *more]) == 0
    out = capsys.readouterr()
    return out.out, out.err


@pytest.fixture(scope="module")
def said() -> dict[str, tuple[str, str]]:
    """The English and the Chinese of one run of each structure (same seed)."""
    out: dict[str, tuple[str, str]] = {}
    import contextlib
    import io

    for lang in ("en", "zh"):
        text, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(text), contextlib.redirect_stderr(err):
            assert main(["org", str(SPINDLE), *SHORT, "--lang", lang]) == 0
        out[lang] = (text.getvalue(), err.getvalue())
    return out


def test_the_table_has_the_same_figures_in_chinese(said):
    en, zh = said["en"][0].splitlines(), said["zh"][0].splitlines()
    assert len(en) == len(zh) and zh[0].split() == en[0].split()  # (the structures, as given)
    heads = next(i for i, line in enumerate(en) if line.startswith("where the heads sit"))
    local = next(i for i, line in enumerate(en) if line.startswith("local knowledge"))
    assert local < heads and zh[local].startswith("属地知识"), zh[local]  # (after the table)
    for english, chinese in zip(en[1:local], zh[1:local], strict=True):
        cells = [re.split(r"\s{2,}", line.strip())[1:] for line in (english, chinese)]
        assert cells[0] == cells[1] and len(cells[0]) == 2, (english, chinese)
        assert not re.search(r"[a-z]{4,}", chinese.split("  ")[0]), chinese
    assert zh[heads].startswith("组织人员所在层级"), zh[heads]  # (where the heads sit)
    assert zh[heads + 1].split() == en[heads + 1].split()  # (the structures and the change)
    for english, chinese in zip(en[heads + 2:-2], zh[heads + 2:-2], strict=True):
        numbers = [re.split(r"\s{2,}", line.strip())[1:] for line in (english, chinese)]
        assert numbers[0] == numbers[1] and len(numbers[0]) == 3, (english, chinese)
        assert not re.search(r"[a-z]{4,}", chinese.split("  ")[0].strip()), chinese
    assert sorted(re.findall(r"\d+", zh[-2])) == sorted(re.findall(r"\d+", en[-2])), zh[-2]
    assert zh[1].startswith("请示上报至批复时间均值（小时）"), zh[1]
    assert zh[-1].startswith("每种结构只运行一次（种子 1），因此没有区间"), zh[-1]
    assert zh[-1].endswith(en[-1].rsplit(": ", 1)[1]), zh[-1]  # (the command, as in English)


def test_the_notes_are_in_chinese_with_the_structures_named(said):
    err = said["zh"][1]
    assert "（spindle、dumbbell；情景自身的结构为 spindle）：哪种组织结构决策更快" in err, err
    assert "提示（dumbbell）：自动生成的 dumbbell（哑铃型）结构" in err, err
    assert "尚无中文" not in err and english_left(err) == [], err
    assert len(err.splitlines()) == len(said["en"][1].splitlines())


def test_the_environment_says_zh_as_the_flag_does(said, capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    assert _org(capsys) == said["zh"]


@pytest.mark.parametrize("given, chinese", [
    (["--structures", "spindel"], "错误：--structures：未知的结构 'spindel'；可用：spindle, "
     "hybrid, dumbbell"),
    (["--plot", "{tmp}"], "错误：--plot {tmp}：是文件夹；请给出一个已存在的文件夹中的文件"),
    (["--plot", "{tmp}/missing/trees.png"], "错误：--plot {tmp}/missing/trees.png："
     "{tmp}/missing 不是可写入的文件夹；"),
])
def test_its_errors_are_in_chinese(given, chinese, capsys, tmp_path: Path):
    argv = ["org", str(SPINDLE), *[g.replace("{tmp}", str(tmp_path)) for g in given]]
    assert main([*argv, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(chinese.replace("{tmp}", str(tmp_path))), err
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("error: --")


def test_a_scenario_without_an_organisation_is_said_in_chinese(capsys):
    small = Path(__file__).resolve().parent / "scenarios" / "small.toml"
    assert main(["org", str(small), "--lang", "zh"]) == 2
    assert capsys.readouterr().err == f"错误：{small} 没有 [organisation] 部分（海关组织）\n"


def test_the_staff_cost_row_names_its_currency_and_price_year(said):
    """The organisation's staff cost is in CNY a head, beside agency figures in the costs'
    currency: its row says so, and the year of its prices (``organisation.price_year``)."""
    import sim
    from sim import cli_zh_org
    from sim.cli_org import staff_cost_words

    year = sim.load_scenario(SPINDLE).organisation.price_year  # type: ignore[union-attr]
    assert year is not None
    en, zh = said["en"][0], said["zh"][0]
    assert f"staff cost per year (CNY, {year} prices)" in en, en
    assert f"关员年度人员成本（人民币元，{year} 年价格）" in zh, zh
    # and beside it converted into the scenario's currency, the rate said: both, each named
    cny, usd = (next(line for line in en.splitlines() if line.startswith(w)) for w in (
        "staff cost per year (CNY", "staff cost per year (USD at 2019 prices: CNY x 0.145, "))
    as_priced, converted = (float(re.split(r"\s{2,}", r)[1].replace(",", "")) for r in (cny, usd))
    assert converted == pytest.approx(as_priced * 0.145, abs=1)
    assert "关员年度人员成本（USD，2019 年价格；人民币按汇率 0.145 折算）" in zh, zh
    # a scenario that gives no year is told where to give it, in both languages
    assert staff_cost_words(None).endswith("(CNY, no price year given: organisation.price_year)")
    chinese = cli_zh_org.label("org_staff_cost_cny", staff_cost_words(None), None)
    assert chinese == "关员年度人员成本（人民币元，未注明价格年份：organisation.price_year）"
