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
