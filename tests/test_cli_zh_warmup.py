"""``bordersim warmup --lang zh``: the suggestion's lines in Chinese with the English
figures; in English as before."""

from __future__ import annotations

import re
from pathlib import Path

from sim.cli import main
from tests.test_cli_lang_notes import english_left

SMALL = Path(__file__).resolve().parent / "scenarios" / "small.toml"
_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w-])")


def test_warmup_in_chinese_has_the_english_figures(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv = ["warmup", str(SMALL), "--days", "14", "--reps", "1", "--output", "queue"]
    assert main(argv) == 0
    en = capsys.readouterr().out
    assert re.match(r"suggested warm-up: \d+ week\(s\) \(\d+ days\)\nMSER-5 truncation: \d+ of 14 "
                    r"pilot days \(daily queue, longest of series all, 1 replication\(s\)\); "
                    r"scenario warm-up: 7 days\nsaved: results/warmup/\S+\.json\nrunning means: ",
                    en), en
    assert main([*argv, "--lang", "zh"]) == 0
    zh = capsys.readouterr().out
    assert zh.startswith("建议预热期：") and "截去试运行 14 天中的前" in zh
    assert "尚无中文" not in zh and english_left(zh) == [], english_left(zh)
    head = [_FIGURE.findall(ln) for ln in en.splitlines()[:2]]
    assert [sorted(_FIGURE.findall(ln)) for ln in zh.splitlines()[:2]] == [sorted(h) for h in head]


def test_the_pilots_doubts_are_said_in_chinese_with_the_english_figures(tmp_path, capsys,
                                                                        monkeypatch):
    """A queue sampled every other day in a 14-day pilot: MSER stops at the limit of its
    search and sees fewer values than it counts; both doubts have codes and Chinese."""
    monkeypatch.chdir(tmp_path)
    argv = ["warmup", str(SMALL), "--days", "14", "--reps", "1", "--output", "queue",
            "--set", "queue_sample=48 h"]
    assert main(argv) == 0
    en = capsys.readouterr().err
    assert re.search(r"^warning: no steady state found within the pilot: MSER's truncation "
                     r"\(\d+ days\) is the longest it may choose in a 14-day pilot \(half its "
                     r"batches\), so the suggestion is only a lower bound; run a longer pilot "
                     r"\(--days\)$", en, re.M), en
    assert ("warning: the queue is sampled every 48 h: only 7 of the 14 pilot days have a "
            "sample, and the days between repeat the last one, so MSER sees fewer values than "
            "it counts; set queue_sample to a day or less (--set queue_sample='1 h') or use "
            "--output clearance\n") in en
    assert main([*argv, "--lang", "zh"]) == 0
    zh = capsys.readouterr().err
    assert "警告：试运行中未找到稳态：MSER 截断点（" in zh and "警告：排队每 48 小时采样一次" in zh
    assert "尚无中文" not in zh and english_left(zh) == [], english_left(zh)
    doubts = [ln for ln in en.splitlines() if ln.startswith("warning: ")]
    said = [ln for ln in zh.splitlines() if ln.startswith("警告：")]
    digits = re.compile(r"\d+(?:\.\d+)?")
    assert [sorted(digits.findall(ln)) for ln in said] == \
        [sorted(digits.findall(ln)) for ln in doubts]
