"""The default scenario against published figures it was built to reproduce.

China 2019 (english.www.gov.cn, 2020-06-03): inspection rate 0.57 % for advanced-certified AEOs
and 84.76 % for discredited traders; the AEO rate must stay below 20 % of the ordinary rate
(GACC Order 251). "Inspection" counts scans, physical and quarantine exams, not document checks.
Tolerances: about three binomial standard errors at the sample sizes of a 14-day run.
The rates are those of goods declarations: cross-border e-commerce lists at a post hub are
counted apart in China's statistics, so post ports are left out.
"""

from __future__ import annotations

import pytest

import sim


@pytest.fixture(scope="module")
def rates():
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 14})
    log = sim.simulate(s, 2024, log=True).log
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
