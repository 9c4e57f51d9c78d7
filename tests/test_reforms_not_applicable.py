"""A reform a scenario cannot take: the outbreak's default factor on beilun-border, where
one combination of the Dongxing crossing's own traffic already has illicit shares adding up
to 0.564 (frozen 0.45 of it), so doubling frozen makes 1.014 (not a rounding of 1). The
reform says so itself, with the factor that fits, and ``bordersim reforms --on`` lists it
as not applicable and goes on to the rest, in English and Chinese (no run)."""

from __future__ import annotations

import pytest

import sim
from sim.reforms.compose import parse
from sim.reforms.prevalence_room import worst
from sim.reforms.reform import ReformError
from sim.scenario.loader import default_scenario_path
from sim.scenario.patch import scenario_data

BEILUN = default_scenario_path().parent / "beilun-border.toml"


@pytest.fixture(scope="module")
def beilun() -> sim.Scenario:
    return sim.load_scenario(BEILUN)


def test_the_outbreak_is_refused_with_the_largest_factor_that_fits(beilun):
    data = scenario_data(beilun)
    total, where = worst(data, {})
    assert 0.5 < total < 1 and where.startswith("port dongxing (frozen, discredited")
    with pytest.raises(ReformError, match=r"add up to 1\.01\d+, .* at most 1\.96 ") as refused:
        parse("outbreak").apply(beilun)
    assert "outbreak:factor=1.96" in str(refused.value)
    fits = parse("outbreak:factor=1.96").apply(beilun)  # the factor it names applies
    assert worst(scenario_data(fits), {})[0] <= 1
    with pytest.raises(ReformError, match="at most 1.96"):
        parse("outbreak:factor=1.97").apply(beilun)
    assert worst(data, parse("smuggling_pressure").fields(beilun))[0] <= 1  # (1.3 fits)


def _listing(capsys, lang: str) -> dict[str, str]:
    from sim.cli import main
    from sim.reforms import REFORMS

    assert main(["reforms", "--on", str(BEILUN), "--lang", lang]) == 0
    out = capsys.readouterr().out
    lines = {}
    for line in out.splitlines()[1:]:
        name = line.split(" ", 1)[0]
        if name in REFORMS:
            lines[name] = line
        elif lines:  # (a wrapped reason)
            lines[list(lines)[-1]] += " " + line.strip()
    assert list(lines) == list(REFORMS)  # every reform, those after the refused one too
    return lines


def test_the_listing_says_not_applicable_with_the_reason_in_both_languages(capsys):
    from sim.report.zh_reforms import UNTRANSLATED

    english = _listing(capsys, "en")["outbreak"]
    assert "not applicable: reform outbreak: factor = 2" in english and "1.96" in english
    chinese = _listing(capsys, "zh")["outbreak"]
    assert "不适用：改革 outbreak" in chinese and UNTRANSLATED not in chinese
    assert "最多为 1.96" in chinese


def test_a_scenario_error_from_one_reform_leaves_the_rest_listed(capsys, monkeypatch):
    """Whatever a reform's changes break, the listing names it and lists the others."""
    from sim.reforms import REFORMS
    from sim.reforms.reform import Reform

    broken = Reform("broken", "a reform whose change the scenario refuses",
                    lambda data, s: {"days": -1})
    monkeypatch.setitem(REFORMS, "broken", broken)
    monkeypatch.setattr("sim.reforms.compose.REFORMS", REFORMS, raising=False)
    lines = _listing(capsys, "en")
    assert lines["broken"].split()[1:3] == ["not", "applicable:"]


def test_the_refusal_keeps_the_strengths_given_in_the_factor_that_fits(beilun):
    """An outbreak in Vietnam alone refused at factor 3 names the Vietnam-only reform at the
    factor that fits, not the all-origins default (which is another reform)."""
    with pytest.raises(ReformError) as refused:
        parse('outbreak:origins=["vietnam"],factor=3').apply(beilun)
    fit = 'outbreak:origins=["vietnam"],factor=1.96'
    assert str(refused.value).endswith(f"({fit})")
    assert getattr(refused.value, "fit", None) == fit
    parse(fit).apply(beilun)  # (it applies as written)


def test_the_listing_gives_the_command_that_runs_it_at_the_factor_that_fits(capsys):
    import shlex

    english = _listing(capsys, "en")["outbreak"]
    words = ["bordersim", "compare", "beilun-border", "--reforms", "outbreak:factor=1.96"]
    assert shlex.split(english.split("it runs at that strength with: ", 1)[1]) == words
    chinese = _listing(capsys, "zh")["outbreak"]
    assert shlex.split(chinese.split("按此强度运行：", 1)[1]) == words
