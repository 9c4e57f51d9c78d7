"""Queueing formulas of sim.analysis.queueing against textbook closed forms."""

from __future__ import annotations

import math

import pytest
from scipy import integrate, optimize

from sim.analysis.queueing import erlang_c, jackson_sojourn, mmc_wait, mmc_wait_quantile


@pytest.mark.parametrize("a", [0.0, 0.1, 0.5, 0.9, 0.99])
def test_erlang_c_one_server_is_the_load(a):
    assert erlang_c(1, a) == pytest.approx(a, rel=1e-14, abs=1e-15)


@pytest.mark.parametrize("a", [0.2, 1.0, 1.5, 1.9])
def test_erlang_c_two_servers_closed_form(a):
    # C(2, a) = a^2 / (2 + a)
    assert erlang_c(2, a) == pytest.approx(a * a / (2 + a), rel=1e-14)


def test_erlang_c_textbook_values():
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3, rel=1e-14)
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9, rel=1e-14)
    # the classic call-centre example: 10 erlangs offered to 11 agents
    assert erlang_c(11, 10.0) == pytest.approx(0.6821, abs=5e-5)


def test_erlang_c_agrees_with_the_factorial_form():
    for c in (1, 2, 3, 5, 8, 20):
        for rho in (0.1, 0.5, 0.8, 0.95):
            a = rho * c
            tail = a**c / math.factorial(c) * c / (c - a)
            direct = tail / (sum(a**k / math.factorial(k) for k in range(c)) + tail)
            assert erlang_c(c, a) == pytest.approx(direct, rel=1e-12)


def test_erlang_c_many_servers_does_not_overflow():
    value = erlang_c(1000, 990.0)
    assert 0 < value < 1


def test_mmc_wait_textbook_values():
    # M/M/1: Wq = rho / (mu - lambda)
    assert mmc_wait(0.5, 1.0, 1) == pytest.approx(1.0, rel=1e-14)
    assert mmc_wait(3.0, 0.25, 1) == pytest.approx(0.75 / (4 - 3), rel=1e-14)
    # M/M/2 at lambda = mu = 1: Wq = 1/3; M/M/3 at lambda = 2, mu = 1: Wq = 4/9
    assert mmc_wait(1.0, 1.0, 2) == pytest.approx(1 / 3, rel=1e-14)
    assert mmc_wait(2.0, 1.0, 3) == pytest.approx(4 / 9, rel=1e-14)


def _wait_cdf(t: float, arrival_rate: float, mean_service: float, servers: int) -> float:
    """P(Wq <= t) of M/M/c written out from its parts: the atom 1 - C at 0, then an
    exponential tail at rate c mu - lambda."""
    mu = 1 / mean_service
    waits = erlang_c(servers, arrival_rate / mu)
    return 1 - waits * math.exp(-(servers * mu - arrival_rate) * t)


@pytest.mark.parametrize(
    "rate, mean, servers", [(2.0, 0.5, 2), (0.8, 1.0, 1), (1.2, 1.0, 2), (0.6, 3.0, 3)]
)
@pytest.mark.parametrize("share", [0.5, 0.75, 0.9, 0.95, 0.99])
def test_mmc_wait_quantile_inverts_the_wait_distribution(rate, mean, servers, share):
    got = mmc_wait_quantile(rate, mean, servers, share)
    if _wait_cdf(0.0, rate, mean, servers) >= share:  # inside the atom at 0
        assert got == 0.0
        return
    root = optimize.brentq(
        lambda t: _wait_cdf(t, rate, mean, servers) - share, 0.0, 1e3, xtol=1e-14
    )
    assert got == pytest.approx(root, rel=1e-9)


def test_mmc_wait_quantile_teaching_lane_and_its_mean():
    # M/M/2, lambda = mu = 2/h: C = 1/3, t_0.9 = ln(10/3) / 2 h; the atom at 0 is 2/3
    assert mmc_wait_quantile(2.0, 0.5, 2, 0.9) == pytest.approx(math.log(10 / 3) / 2)
    assert mmc_wait_quantile(2.0, 0.5, 2, 0.6) == 0.0
    # the quantiles integrate over p to the mean: E[Wq] = int_0^1 t_p dp
    mean, _ = integrate.quad(lambda p: mmc_wait_quantile(2.0, 0.5, 2, p), 0, 1, points=[2 / 3])
    assert mean == pytest.approx(mmc_wait(2.0, 0.5, 2), rel=1e-6)


@pytest.mark.parametrize("share", [0.0, 1.0, -0.1, 1.5])
def test_mmc_wait_quantile_rejects_a_share_outside_0_1(share):
    with pytest.raises(ValueError, match="share must be in"):
        mmc_wait_quantile(2.0, 0.5, 2, share)


@pytest.mark.parametrize(
    "servers, offered, words",
    [(1, 1.0, "unstable"), (2, 2.5, "unstable"), (3, -0.1, "must be 0 or more erlangs")],
)
def test_unstable_or_bad_load_raises(servers, offered, words):
    with pytest.raises(ValueError, match=words):
        erlang_c(servers, offered)


def test_bad_servers_raise():
    for c in (0, 1.5):
        with pytest.raises(ValueError, match="servers"):
            erlang_c(c, 0.1)  # type: ignore[arg-type]


def test_jackson_tandem_of_mm1_queues():
    # two M/M/1 stations in series: E[T] = 1 / (mu1 - lambda) + 1 / (mu2 - lambda)
    lam, mu1, mu2 = 1.0, 2.0, 4.0
    expected = 1 / (mu1 - lam) + 1 / (mu2 - lam)
    assert jackson_sojourn(lam, [(1, 1, 1 / mu1), (1, 1, 1 / mu2)]) == pytest.approx(
        expected, rel=1e-14
    )


def test_jackson_single_queue_with_feedback():
    # M/M/1 with feedback probability q: v = 1 / (1 - q) visits, E[T] = v / (mu - lambda v)
    lam, mu, q = 1.0, 5.0, 0.5
    v = 1 / (1 - q)
    assert jackson_sojourn(lam, [(v, 1, 1 / mu)]) == pytest.approx(v / (mu - lam * v), rel=1e-14)


def test_jackson_bernoulli_routing_and_skipped_stations():
    # station visited with probability p: p * (Wq(lambda p) + s); an unvisited one adds nothing
    got = jackson_sojourn(2.0, [(0.5, 1, 0.5), (0.0, 1, 100.0)])
    assert got == pytest.approx(0.5 * (mmc_wait(1.0, 0.5, 1) + 0.5), rel=1e-14)
    assert got == pytest.approx(0.5 * (0.5 / (2 - 1) + 0.5), rel=1e-14)
