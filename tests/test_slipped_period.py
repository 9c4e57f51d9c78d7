"""The value of illicit goods slipping through is summed over the observed days, while the
harm and the duty evaded beside it are scaled to a year: the headline, its verdict and the
brief say the period beside the value (in Chinese too), so a finance office does not read it
as a year's."""

from __future__ import annotations

import html
from types import SimpleNamespace

import pandas as pd

from sim.report.headline import headline
from sim.report.translate import translate
from tests.headlines import one_option

#: a cheaper, faster option (total cost and time down) that lets more value and harm slip
ROWS = [("total_cost_per_year", -1e6, -2e6, -5e5), ("overall_clearance_h_mean", -0.5, -0.6, -0.4),
        ("agency_cost_per_year", -5e5, -1e6, -2e5), ("consignments_released", 0.0, 0.0, 0.0),
        ("value_slipped", 7.5e5, 2.5e5, 1.25e6), ("value_slipped_total", 9.0e5, 3.0e5, 1.5e6),
        ("harm_slipped", 2.48e6, 1.1e6, 3.9e6)]  # fmt: skip


def test_the_headline_says_the_value_slipped_is_of_the_observed_days_not_a_year():
    text = one_option(ROWS)
    assert ("value of illicit goods slipping through the ports (over the observed days, not a "
            "year): 750,000 USD more") in text
    assert ("value of illicit goods slipping through in all (ports + smuggling routes outside "
            "them; over the observed days, not a year): 900,000 USD more") in text
    verdict = text.split("cheaper and faster at once")[1].split("</li>")[0]
    assert "value slipping through over the observed days higher by 750,000 USD" in verdict
    assert "harm slipping through a year higher by 2,480,000 USD" in verdict


def test_the_brief_and_the_chinese_page_say_the_period_too():
    diffs = pd.DataFrame([("opt", m, *v, True) for m, *v in ROWS],
                         columns=["option", "metric", "mean", "shown_low", "shown_high",
                                  "significant"])
    res = SimpleNamespace(names=["baseline", "opt"], differences=diffs, summary=pd.DataFrame(
        {"option": [], "metric": [], "mean": []}), meta={"currency": "USD"},
        unstable=lambda name: False)
    page = "".join(headline(res))  # type: ignore[arg-type]
    brief = html.unescape(page).split("<ul class='brief'>")[1].split("</ul>")[0]
    assert "value of illicit goods slipping through the ports, over the observed days: " in brief
    zh = html.unescape(translate(page, "zh"))
    assert "口岸漏查违规货值（观测期内合计，非年值）" in zh
    assert "漏查违规货值合计（口岸 + 口岸外走私路线；观测期内合计，非年值）" in zh
    assert "口岸漏查违规货值（观测期内）：" in zh
    assert "slipping through" not in zh


def test_a_sums_chinese_metric_name_says_its_period_as_its_english_does():
    """A money figure the headline says is summed over the observed days has a Chinese name
    (the tables', the workbook's, the glossary's) that says so too (观测期内): beside the
    harm and the duty evaded a year, a bare 漏查违规货值 reads as a year's."""
    from sim.report.headline import HEADLINE
    from sim.report.translate import metric_name

    sums = [m for m, what, kind, _ in HEADLINE
            if kind == "money" and "over the observed days" in what]
    assert "value_slipped" in sums and "value_slipped_total" in sums
    unsaid = {m: metric_name(m) for m in sums if "观测期内" not in (metric_name(m) or "")}
    assert not unsaid, unsaid
