"""A comparison's headline says what an option's smuggling patrols cost (their own line,
``agency_cost_patrol_per_year``), in English and Chinese, under the agencies' cost per year
and in the brief's cost line: doubling the Beilun river patrol, a planner saw its
deterrence and displacement and not its cost. Only with smuggling routes and a change
clear of 0."""

from __future__ import annotations

import html
import re

import pytest

import sim
from sim.experiment.compare import CompareResult, compare
from sim.experiment.options import Option
from sim.report.headline import headline
from sim.report.headline_patrol import PATROL
from sim.report.translate import text
from tests.headlines import one_option
from tests.test_patrol_cost import PRICED


@pytest.fixture(scope="module")
def doubled() -> CompareResult:
    """Beilun priced, 1 observed day, 2 replications: its river patrol doubled."""
    base = sim.load_scenario("beilun-border", PRICED)
    more = Option("more", reform='patrol_staff:routes=["beilun_river"]')
    return compare(base, [more], reps=2, log=False, report=False)


def _items(res: CompareResult) -> list[str]:
    page = "".join(headline(res))
    return [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", page)]


def test_the_patrols_cost_follows_the_agencies_cost_in_english_and_chinese(doubled):
    d = doubled.differences.set_index(["option", "metric"])["mean"]
    change = float(d[("more", "agency_cost_patrol_per_year")])
    assert change > 0
    items = _items(doubled)
    at = [k for k, i in enumerate(items) if i.startswith(PATROL)]
    assert len(at) == 1 and items[at[0] - 1].startswith("agencies' cost per year ("), items
    line = items[at[0]]
    assert f": {change:,.0f} USD at 2019 prices more (95 % CI " in line, line
    zh = text(line)
    assert zh is not None and zh.startswith("其中口岸外缉私巡查人员成本（年度）：增加 "), zh
    assert f"{change:,.0f}" in zh
    (cost,) = [i for i in items if i.startswith("Cost: ")]
    assert f"; {line}" in cost, cost  # (the brief's cost line says it too)
    zh_cost = text(cost)
    assert zh_cost is not None and "其中口岸外缉私巡查人员成本（年度）：增加" in zh_cost


ROUTE = ("smuggling_attempts_route_river", -3.0, -5.0, -1.0, True)
AGENCY = ("agency_cost_per_year", 900.0, 800.0, 1000.0, True)


def test_no_patrol_line_when_its_change_holds_0_or_without_smuggling_routes():
    clear = ("agency_cost_patrol_per_year", 900.0, 800.0, 1000.0, True)
    assert PATROL in one_option([ROUTE, AGENCY, clear])
    unclear = ("agency_cost_patrol_per_year", 900.0, -100.0, 1900.0, True)
    assert PATROL not in one_option([ROUTE, AGENCY, unclear])
    assert PATROL not in one_option([AGENCY, clear])  # (no smuggling routes)
