"""The headline and the brief give money with the scenario's price year beside the
currency (``USD at 2019 prices``, 「USD（2019 年价格）」), as the run table says it, in
English and Chinese; without a price year in the comparison's record, the currency alone.
Made-up differences, put in Chinese as ``bordersim report --lang zh`` does (no run)."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pandas as pd
import pytest

from sim.experiment.options import Option
from sim.report.headline import headline
from sim.report.translate import _ENGLISH, translate

ROWS = [("agency_cost_per_year", 338866.0, 338866.0, 338866.0),
        ("smuggling_attempts", -2.0, -9.0, 5.0)]  # fmt: skip


def _page(meta: dict[str, object]) -> str:
    diffs = pd.DataFrame([("o", *r, True) for r in ROWS],
                         columns=["option", "metric", "mean", "shown_low", "shown_high",
                                  "significant"])  # fmt: skip
    summary = pd.DataFrame([("baseline", "agency_cost_per_year", 824060.0)],
                           columns=["option", "metric", "mean"])
    res = SimpleNamespace(names=["baseline", "o"], options=[Option("baseline"), Option("o")],
                          differences=diffs, summary=summary, meta={**meta, "days": 14.0},
                          unstable=lambda name: False)  # fmt: skip
    return "<html lang='en'><body>" + "".join(headline(res)) + "</body></html>"  # type: ignore[arg-type]


def _items(page: str) -> list[str]:
    return [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", page)]


@pytest.fixture(scope="module")
def priced() -> str:
    return _page({"currency": "USD", "money": "USD at 2019 prices"})


def test_the_yearly_cost_says_its_price_year_in_english(priced):
    items = _items(priced)
    cost = [i for i in items if i.startswith("agencies' cost per year")]
    assert cost and "338,866 USD at 2019 prices more" in cost[0]
    brief = [i for i in items if i.startswith("Cost: ")]  # (the brief's cost part)
    assert brief and "338,866 USD at 2019 prices more" in brief[0]


def test_the_yearly_cost_says_its_price_year_in_chinese(priced):
    items = _items(translate(priced, "zh"))
    said = [i for i in items if "年度成本" in i]
    assert len(said) >= 2 and not [i for i in said if _ENGLISH.search(i)]
    assert all("增加 338,866 USD（2019 年价格）（95% 置信区间" in i for i in said)


def test_without_a_price_year_the_currency_alone():
    items = _items(_page({"currency": "USD", "money": ""}))
    assert any("338,866 USD more" in i for i in items)
    assert not any("prices" in i for i in items)


def test_a_one_word_ports_cost_line_is_in_chinese_with_the_price_year():
    """A port named by one lowercase word (fangchenggang) is kept as written, not taken for
    English left in the line; a real English word still leaves the line in English."""
    line = ("at fangchenggang, cost per import declaration, agencies and traders: 4.86 USD at "
            "2019 prices more (95 % CI 2.77 to 6.94); per container: not measured")
    page = "<html lang='en'><body><ul><li>{}</li></ul></body></html>"
    (said,) = _items(translate(page.format(line), "zh"))
    assert said == ("口岸 fangchenggang，每份进口报关单成本（政府部门与企业）：增加 4.86 USD"
                    "（2019 年价格）（95% 置信区间 2.77 至 6.94）；每箱：未测得（无置信区间）")
    (left,) = _items(translate(page.format(line + " somewhere"), "zh"))
    assert left == line + " somewhere"
