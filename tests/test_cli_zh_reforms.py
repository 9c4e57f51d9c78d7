"""``bordersim reforms --on SCENARIO --lang zh``: what each reform does on a scenario in
Chinese, its reason too, for the bundled scenarios a workshop uses; in English word for word
as before."""

from __future__ import annotations

import re

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    """Lines wrap at the terminal's width: a fixed one, as a test worker's may differ."""
    monkeypatch.setenv("COLUMNS", "100")


@pytest.mark.parametrize("scenario", ["teaching-mmc", "default", "guangdong", "china-2017"])
def test_the_library_on_a_scenario_is_said_in_chinese(scenario: str, capsys):
    assert main(["reforms", "--on", scenario, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"改革库中各项改革在情景 '{scenario}' 上的作用（默认强度）：")
    assert "尚无中文" not in out and english_left(out) == [], english_left(out)
    from sim.cli_zh_reforms import EFFECTS

    entries = re.sub(r"\n\s+", " ", out).splitlines()[1:]  # (each reform's wrapped lines)
    said = [entry.split(maxsplit=1)[1].split("：")[0] for entry in entries]
    assert said and set(said) <= set(EFFECTS.values()), said


def test_in_english_the_library_is_as_before(capsys):
    assert main(["reforms", "--on", "teaching-mmc"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("the reform library on scenario 'teaching-mmc' (default strengths):\n")
    assert ("direct_pickup            changes nothing: the scenario has none of the parts it "
            "acts on\n") in out
    assert "flexible_staffing        no effect: no port has both exam teams and quarantine" in out
