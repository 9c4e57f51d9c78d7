"""Work per container: the sum-of-k rule keeps mean k*mu and variance k*sigma^2 from one draw."""

from __future__ import annotations

import numpy as np

from sim.model.work import per_container


def test_one_box_is_the_draw_itself():
    x = np.array([0.0, 0.3, 2.5])
    np.testing.assert_array_equal(per_container(x, 1.0, np.ones(3)), x)


def test_k_boxes_have_mean_k_mu_and_variance_k_sigma2():
    rng = np.random.default_rng(5)
    mu, sigma = 1.5, 0.75
    x = rng.gamma((mu / sigma) ** 2, sigma**2 / mu, 400_000)  # per-box times, never negative
    for k in (1, 2, 5, 12):
        total = per_container(x, mu, np.full(len(x), k))
        assert abs(total.mean() - k * mu) < 0.01 * k * mu
        assert abs(total.var() - k * sigma**2) < 0.02 * k * sigma**2
        assert total.min() >= 0.0


def test_never_negative_even_for_a_zero_draw():
    total = per_container(np.zeros(4), 2.0, np.array([1, 2, 3, 40]))
    assert (total >= 0).all() and total[0] == 0.0
