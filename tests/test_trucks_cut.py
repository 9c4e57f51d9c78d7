"""The trucks table gives a level as its mean +- half its t interval: over few replications of
a small figure (a held share, an hour's hold) that reaches below 0, which the figure cannot.
Such a cell is marked and the mark said once, in English and in Chinese; a paired change,
which can be negative, is not marked."""

from __future__ import annotations

import pandas as pd
import pytest

from sim.cli_trucks import CUT, _print


def _table(column: str, low: float) -> pd.DataFrame:
    """One group's held share (0.4 %, its interval from ``low``) and its mean turnaround."""
    return pd.DataFrame([
        {"direction": "import", "group": "all", "figure": "held_share", column: 0.004,
         "low": low, "high": 0.009, "n": 3},
        {"direction": "import", "group": "all", "figure": "turnaround_h_mean", column: 2.0,
         "low": 1.8, "high": 2.2, "n": 3},
    ])  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_levels_interval_below_0_is_marked_and_said_once(lang, capsys):
    _print(_table("mean", -0.001), "mean", "what", lang)
    out = capsys.readouterr().out
    assert "0.4+-0.5" + CUT in out and "2.00+-0.20" + CUT not in out
    assert out.count(CUT) == 2  # (the cell and its note)
    _print(_table("mean", 0.001), "mean", "what", lang)
    assert CUT not in capsys.readouterr().out


def test_a_paired_change_below_0_is_not_marked(capsys):
    _print(_table("change", -0.001), "change", "what")
    assert CUT not in capsys.readouterr().out
