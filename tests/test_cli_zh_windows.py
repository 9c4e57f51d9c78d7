"""Every refusal of a dated capacity window (sim.scenario.capacity_windows) is said in
Chinese under ``--lang zh`` (sim.cli_zh_windows): whole, with its field path and values as
given, no English sentence left and never marked untranslated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sim
from sim.cli_zh_errors import error_line
from sim.report.zh_reforms import UNTRANSLATED
from tests.test_cli_lang_notes import english_left

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")


def _w(**kw: Any) -> dict[str, Any]:
    window = {"port": "sea", "lane": "scanners", "at": "8 d", "lasts": "1 d", "servers": 0}
    return {"capacity_windows": [{k: v for k, v in {**window, **kw}.items() if v is not None}]}


MISTAKES = {
    "port": _w(port="nowhere"),
    "lane": _w(lane="cranes"),
    "both": _w(added=1),
    "hours": _w(at="8.5 h"),
    "short": _w(lasts="0 h"),
    "warm-up": _w(at="1 d"),
    "late": _w(at="30 d"),
    "too long": _w(lasts="30 d"),
    "overlap": {"capacity_windows": _w()["capacity_windows"] * 2},
    "added 0": _w(servers=None, added=0),
    "leave closes": _w(lane="*", servers=None, added=-1),
    "not a date": _w(at="2026-13-01"),
    "no start_date": _w(at="2026-01-13"),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_a_capacity_windows_refusal_is_said_in_chinese(mistake: str):
    with pytest.raises(sim.ScenarioError) as caught:
        sim.load_scenario(SMALL, MISTAKES[mistake])
    english = str(caught.value)
    assert "capacity_windows.0" in english or "capacity_windows.1" in english, english
    zh = error_line(english, "zh")
    assert UNTRANSLATED not in zh and not english_left(zh), zh
    assert error_line(english, "en") == f"error: {english}"
