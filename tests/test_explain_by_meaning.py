"""``bordersim check --explain PATTERN`` where the pattern names no metric: the stems whose
meaning mentions its word, so a trader's word for a figure (demurrage, inventory holding),
which is not in the metric's name, still finds it; in Chinese too."""

from __future__ import annotations

import pytest

from sim.cli import main


def _said(capsys: pytest.CaptureFixture[str], lang: str, *patterns: str) -> list[str]:
    assert main(["check", "--explain", *patterns, "--lang", lang]) == 2  # (names nothing)
    return capsys.readouterr().out.splitlines()


def test_a_word_no_name_holds_points_at_the_metrics_whose_meaning_has_it(capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    demurrage, inventory, nothing = _said(capsys, "en", "demurrage*", "inventory*", "xyzzy*")
    assert demurrage.startswith("demurrage*\t?\t(matches no metric of scenario 'default'; ")
    assert "meanings that mention 'demurrage': " in demurrage
    assert "storage_per_container" in demurrage and "trader_cost_per_consignment" in demurrage
    assert "trader_cost_per_consignment" in inventory
    assert nothing == "xyzzy*\t?\t(matches no metric of scenario 'default')"
    (zh,) = _said(capsys, "zh", "demurrage*")
    assert "说明中提到 'demurrage' 的指标：" in zh and "尚无中文" not in zh, zh
    assert "storage_per_container、" in zh or "、storage_per_container" in zh
