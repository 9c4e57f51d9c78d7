"""The default scenario against published figures it was built to reproduce.

China 2019 (english.www.gov.cn, 2020-06-03): inspection rate 0.57 % for advanced-certified AEOs
and 84.76 % for discredited traders; the AEO rate must stay below 20 % of the ordinary rate
(GACC Order 237 of 2019; Order 251 kept it). "Inspection" counts scans, physical and
quarantine exams, not document checks.
Tolerances: about three binomial standard errors at the sample sizes of a 14-day run.
The rates are those of goods declarations: cross-border e-commerce lists at a post hub are
counted apart in China's statistics, so post ports are left out.
"""

from __future__ import annotations

import pytest

import sim


@pytest.fixture(scope="module")
def run():
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 14})
    return s, sim.simulate(s, 2024, log=True)


@pytest.fixture(scope="module")
def rates(run):
    s, result = run
    log = result.log
    posts = [name for name, port in s.ports.items() if port.mode == "post"]
    log = log[log.cohort & ~log.port.isin(posts)]
    inspected = log.scan_start.notna() | log.exam_start.notna() | log.quarantine_start.notna()
    return inspected.groupby(log.trader_class, observed=True).agg(["mean", "size"])


def test_aeo_inspection_rate(rates):
    p, n = rates.loc["aeo_advanced"]
    assert n > 5000
    assert p == pytest.approx(0.0057, abs=0.003)


def test_discredited_inspection_rate(rates):
    p, n = rates.loc["discredited"]
    assert n > 500
    assert p == pytest.approx(0.8476, abs=0.05)


def test_aeo_rate_below_a_fifth_of_the_ordinary_rate(rates):
    assert rates.loc["aeo_advanced", "mean"] < 0.2 * rates.loc["general", "mean"]


def test_the_goods_metrics_are_these_rates_and_the_pooled_ones_are_not(run, rates):
    """`inspection_rate_<class>_goods` leaves the post hub out, as China's statistics do; the
    pooled `inspection_rate_<class>` keeps its parcels (nearly all scanned) and is far above."""
    m = run[1].metrics()
    for cls, (p, _) in rates.iterrows():
        assert m[f"inspection_rate_{cls}_goods"] == pytest.approx(p, rel=1e-12)
    total = (rates["mean"] * rates["size"]).sum() / rates["size"].sum()
    assert m["inspection_rate_goods"] == pytest.approx(total, rel=1e-12)
    assert m["inspection_rate_aeo_advanced"] > 5 * m["inspection_rate_aeo_advanced_goods"]


def test_an_officer_reads_a_sea_declarations_images_in_the_published_time(run):
    """Tianjin published 18.5 min of image review per consignment before intelligent review
    (china-figures.md §3.6); the model times each image, so the sea port's time per image is
    that over its mean boxes a declaration: an officer-read declaration averages 18.5 min
    (within 3.29 standard errors: 99.9 %)."""
    import math

    _, result = run
    log = result.log[result.log.cohort].astype({"port": str})
    sea = log[(log.port == "sea_port") & log.image_start.notna()]
    read = sea[~(sea.ai_read.astype(bool) & sea.ai_clear.astype(bool))]
    minutes = (read.image_end - read.image_start) * 60
    assert len(minutes) > 200
    se = minutes.std() / math.sqrt(len(minutes))
    assert abs(minutes.mean() - 18.5) < 3.29 * se + 0.1, (minutes.mean(), se)


def test_the_china_2017_header_gives_what_its_first_weeks_give():
    """china-2017's header says its first weeks give imports about 16 h and exports about
    4 h overall (arrival to exit or loading); one replication of 14 days gives that."""
    import re

    path = sim.default_scenario_path().parent / "china-2017.toml"
    header = " ".join(path.read_text(encoding="utf-8").replace("#", " ").split())
    said = re.search(r"give imports about (\d+) h and exports about (\d+) h overall", header)
    assert said, "the header no longer states its first weeks' figures"
    metrics = sim.simulate(sim.load_scenario(path, {"days": 14}), 1).metrics()
    for value, metric in zip(said.groups(), ("import", "export"), strict=True):
        got = metrics[f"overall_clearance_h_mean_{metric}"]
        assert abs(got - float(value)) < 0.15 * float(value), (metric, got, value)


def test_guangdong_inspects_discredited_and_aeo_goods_near_the_published_rates():
    """Guangdong's selection tables are fitted to China's 2019 rates too: discredited
    traders' goods at or above the 80 % floor (84.76 % published), advanced AEOs' near 0.57 %
    and below a fifth of the ordinary rate. One replication of 28 days (the AEO rate rests on
    some tens of inspections, so its band is wide)."""
    path = sim.default_scenario_path().parent / "guangdong-spindle.toml"
    m = sim.simulate(sim.load_scenario(path, {"days": 28}), 2024).metrics()
    assert 0.80 <= m["inspection_rate_discredited_goods"] <= 0.90
    assert 0.0057 / 2 <= m["inspection_rate_aeo_advanced_goods"] <= 0.0057 * 2
    assert m["inspection_rate_aeo_advanced_goods"] < 0.2 * m["inspection_rate_general_goods"]


def test_the_goods_inspection_rate_by_direction(run):
    """Imports and exports apart for goods alone too (the pooled direction rates keep the post
    hub's parcels: imports' 41 % against goods imports' 9 % in the default)."""
    s, result = run
    log = result.log
    posts = [name for name, port in s.ports.items() if port.mode == "post"]
    log = log[log.cohort & ~log.port.isin(posts)]
    inspected = log.scan_start.notna() | log.exam_start.notna() | log.quarantine_start.notna()
    m = result.metrics()
    for direction, rate in inspected.groupby(log.direction.astype(str)).mean().items():
        assert m[f"inspection_rate_goods_{direction}"] == pytest.approx(rate, rel=1e-12)
        assert m[f"inspection_rate_{direction}"] > 2 * rate
