"""The brief says what its money and volumes are (:mod:`sim.report.brief_money`): every
amount's currency and price year, the organisation's staff cost converted into it (in a
record written before staff were converted: in CNY with its own price year beside its
figure), and, for a scenario whose description says its volumes are scaled
down (the Guangdong scenarios), to quote differences, not levels; all of it in Chinese too.
Made-up differences, put in Chinese as ``bordersim report --lang zh`` does (no run)."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from sim.experiment.options import Option
from sim.report.brief_money import scaled, scaled_volumes
from sim.report.headline import headline
from sim.report.translate import _ENGLISH, translate

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
#: Guangdong's record: costs in USD, the organisation's staff priced in CNY a head
GUANGDONG = {"currency": "USD",
             "money": "USD at 2019 prices (the organisation's staff cost figures in CNY, "
                      "2019 prices)"}  # fmt: skip
#: Guangdong's record now: the organisation's staff converted into USD at costs.exchange
CONVERTED = {"currency": "USD",
             "money": "USD at 2019 prices (the organisation's staff converted from CNY at "
                      "0.145 USD a CNY, costs.exchange)"}  # fmt: skip
ROWS = [("total_cost_per_consignment", 3.5, 1.25, 5.75),
        ("org_staff_cost_per_year", -145700.0, -150000.0, -140000.0)]  # fmt: skip


def _page(meta: dict[str, object], is_scaled: bool = False) -> str:
    diffs = pd.DataFrame([("o", *r, True) for r in ROWS],
                         columns=["option", "metric", "mean", "shown_low", "shown_high",
                                  "significant"])  # fmt: skip
    res = SimpleNamespace(names=["baseline", "o"], options=[Option("baseline"), Option("o")],
                          differences=diffs, summary=None, meta={**meta, "days": 14.0},
                          unstable=lambda name: False)  # fmt: skip
    parts = headline(res, scaled=is_scaled)  # type: ignore[arg-type]
    return "<html lang='en'><body>" + "".join(parts) + "</body></html>"


def _items(page: str) -> list[str]:
    return [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", page)]


def test_the_staff_cost_says_its_currency_and_price_year_beside_its_figure():
    items = _items(_page(GUANGDONG))
    (staff,) = [i for i in items if i.startswith("organisation: staff cost per year")]
    assert "145,700 CNY at 2019 prices less" in staff, staff
    (cost,) = [i for i in items if i.startswith("cost per declaration")]
    assert "3.50 USD at 2019 prices more" in cost, cost


def test_staff_converted_into_the_scenarios_currency_are_said_in_it_one_money():
    """The staff cost converted at costs.exchange is in the brief's one money: said in USD
    beside its figure, and the money line names one currency, not two."""
    items = _items(_page(CONVERTED))
    (staff,) = [i for i in items if i.startswith("organisation: staff cost per year")]
    assert "145,700 USD at 2019 prices less" in staff and "CNY" not in staff, staff
    (money,) = [i for i in items if i.startswith("Money: ")]
    assert "every amount in USD at 2019 prices" in money and "staff" not in money, money
    chinese = _items(translate(_page(CONVERTED), "zh"))
    assert not [i for i in chinese if _ENGLISH.search(i)]
    assert any("人员成本" in i and "145,700" in i and "USD（2019 年价格）" in i for i in chinese)


def test_the_brief_names_both_currencies_where_the_staff_are_priced_in_another():
    items = _items(_page(GUANGDONG))
    (money,) = [i for i in items if i.startswith("Money: ")]
    assert "every amount in USD at 2019 prices" in money
    assert "staff cost (below) in CNY at 2019 prices" in money
    (alone,) = [i for i in _items(_page({"currency": "CNY", "money": "CNY at 2019 prices"}))
                if i.startswith("Money: ")]  # fmt: skip
    assert "CNY at 2019 prices" in alone and "staff" not in alone  # (one currency: said once)


def test_scaled_volumes_are_said_on_the_brief_only_when_scaled():
    assert not [i for i in _items(_page(GUANGDONG)) if i.startswith("Volumes: ")]
    (said,) = [i for i in _items(_page(GUANGDONG, True)) if i.startswith("Volumes: ")]
    assert "quote the differences between options, not the levels" in said


@pytest.mark.parametrize("is_scaled", [False, True])
def test_the_briefs_money_and_volumes_lines_are_in_chinese(is_scaled):
    items = _items(translate(_page(GUANGDONG, is_scaled), "zh"))
    english = [i for i in items if _ENGLISH.search(i)]
    assert not english, english
    assert any("所有金额均以 USD（2019 年价格）计" in i and "以 CNY（2019 年价格）计" in i
               for i in items), items
    assert any("CNY（2019 年价格）" in i and "人员成本" in i and "145,700" in i for i in items)
    assert any(i.startswith("贸易量：") for i in items) is is_scaled


def _description(name: str) -> str:
    return str(tomllib.loads((SCENARIOS / name).read_text("utf-8")).get("description", ""))


@pytest.mark.parametrize("name", sorted(p.name for p in SCENARIOS.glob("*.toml")))
def test_the_bundled_scenarios_that_say_their_volumes_are_scaled_are_the_guangdong_ones(name):
    assert scaled(_description(name)) is name.startswith("guangdong"), _description(name)


def test_a_folders_scaling_is_read_from_its_baselines_scenario():
    said = {"description": _description("guangdong-dumbbell.toml")}
    assert scaled_volumes({"baseline": SimpleNamespace(scenario=said)})
    assert not scaled_volumes({"baseline": SimpleNamespace(scenario={"description": ""})})
    assert not scaled_volumes({})
