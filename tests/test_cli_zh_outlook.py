"""``bordersim outlook --lang zh``: the plan's words and notes in Chinese, each lane's row
the English one (the same figures); in English word for word as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left

MMC = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"


def _outlook(capsys: pytest.CaptureFixture[str], lang: str) -> tuple[str, str]:
    argv = ["outlook", str(MMC), "--growth", "30%", "--years", "4", "--every", "2", "--reps",
            "2", "--days", "3", "--reform", "training", "--lang", lang]
    assert main(argv) == 0
    got = capsys.readouterr()
    return got.out, got.err


def test_an_outlook_in_chinese_leaves_no_english_sentence(capsys):
    out, err = _outlook(capsys, "zh")
    assert out.startswith("贸易量每年增长 30.0%，至第 4 年（为目前的 2.86 倍）：")
    assert "每 2 年模拟一次" in out and "提示：此处只按超负荷" in err
    assert "尚无中文" not in out + err
    assert english_left(out + err) == [], english_left(out + err)


def test_an_outlooks_rows_and_english_are_as_before(capsys):
    en, en_err = _outlook(capsys, "en")
    assert en.startswith("trade growing 30.0% a year, to year 4 (2.86 times today's):\n")
    assert en_err.startswith("note: a lane stops here only by overload (above 95 %), not by a "
                             "wait that keeps rising: ")
    zh, _ = _outlook(capsys, "zh")
    rows = [ln for ln in en.splitlines() if ln.startswith("crossing ")]
    assert rows and all(row in zh.splitlines() for row in rows)


@pytest.mark.parametrize(("args", "said"), [
    (["--growth", "1.1"], "--growth 1.1：每年增长率是 -0.5 至 1 之间的比例"),
    (["--growth", "0.1", "--years", "99"], "--years 99：推算年限须为 1 至 50 的整年数"),
    (["--growth", "0.1", "--years", "4", "--every", "5"],
     "--every 5：步长须为 1 年至推算年限（4 年）"),
])
def test_an_outlooks_refused_growth_horizon_or_step_is_said_in_chinese(capsys, args, said):
    """check_growth's three refusals, whole in Chinese (the values kept as given)."""
    assert main(["outlook", str(MMC), *args, "--reps", "2", "--lang", "zh"]) != 0
    err = capsys.readouterr().err
    assert said in err, err
    assert "尚无中文" not in err and english_left(err) == [], err
