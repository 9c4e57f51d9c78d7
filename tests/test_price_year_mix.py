"""One price year: a scenario whose organisation's staff are priced at another year's prices
than its ``[costs]`` is refused on load, with the two fields, where each was set and the fix
(deflate the staff's cost, or price the costs at the staff's year), in English and Chinese:
the agency's cost must not add two years' prices, and bordersim applies no deflator."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli_zh_errors import problem
from sim.scenario.loader import ScenarioError

GUANGDONG = Path(__file__).parents[1] / "sim" / "scenarios" / "guangdong.toml"


def test_staff_priced_at_another_year_than_the_costs_are_refused_with_the_fix():
    with pytest.raises(ScenarioError) as caught:
        sim.load_scenario(GUANGDONG, overrides={"organisation.price_year": 2015},
                          source="command line")
    said = str(caught.value)
    assert "organisation.price_year = 2015" in said
    assert "priced at 2015 prices and [costs] at 2019 prices" in said
    assert "the staff's year set in command line" in said
    assert "set organisation.price_year = 2019" in said and "costs.price_year = 2015" in said
    zh = problem(said.splitlines()[-1].removeprefix("error: "))
    assert "海关组织架构的人员按 2015 年价格定价，而 [costs] 按 2019 年价格" in zh, zh
    assert "人员价格年份的来源：命令行" in zh


def test_staff_and_costs_at_one_year_load():
    s = sim.load_scenario(GUANGDONG)
    assert s.costs is not None and s.organisation is not None
    assert s.organisation.price_year == s.costs.price_year == 2019
