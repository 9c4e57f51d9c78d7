"""The compare table's footnote says in one sentence what its star means: which test, at
which level (the one the marks use), adjusted for the number of options, not of metrics."""

from __future__ import annotations

import pytest

from sim.cli_compare import _empty_table
from sim.experiment import compare


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_star_note_names_the_test_the_level_and_the_adjustment(lang, monkeypatch):
    caption = str(_empty_table(False, lang).caption)
    star = caption.split("；! " if lang == "zh" else "; ! ")[0]
    if lang == "en":
        assert "two-sided paired t-test" in star and "at the 5 % level" in star
        assert "Holm-adjusted for the number of options but not for the number of metrics" \
            in star
        assert star.count(".") == 0 and star.count(";") == 0  # (one sentence)
    else:
        assert "双侧配对 t 检验" in star and "5% 水平" in star and "不按指标个数校正" in star
    monkeypatch.setattr(compare, "ALPHA", 0.01)  # (the level said is the one tested at)
    assert ("1 %" if lang == "en" else "1%") in str(_empty_table(False, lang).caption)
