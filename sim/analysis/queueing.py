"""Queueing theory the model is verified against: Erlang C, M/M/c waits and their quantiles,
Jackson networks, the Pollaczek-Khinchine M/G/1 wait and Cobham's non-preemptive priority
waits.

Rates are per unit of time and service times in the same unit (the tests use hours). Every
function checks stability and raises :class:`ValueError` for a queue that would grow without
bound.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def erlang_c(servers: int, offered: float) -> float:
    """Erlang C: the probability that an arrival waits in an M/M/c queue.

    ``offered`` is the offered load a = lambda / mu in erlangs; the queue is stable for
    0 <= a < c. In closed form

        C(c, a) = [a^c / c! * c / (c - a)] / [sum_{k<c} a^k / k! + a^c / c! * c / (c - a)],

    computed here through the Erlang B recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))
    and C = c B / (c - a (1 - B)), which neither overflows nor loses precision for many
    servers. C(1, a) = a (M/M/1); C(2, a) = a^2 / (2 + a).
    """
    c, a = servers, float(offered)
    if c < 1 or int(c) != c:
        raise ValueError(f"servers must be a whole number >= 1; got {servers}")
    if not a >= 0:
        raise ValueError(f"offered load must be 0 or more erlangs; got {a}")
    if a >= c:
        raise ValueError(f"unstable: offered load {a} >= {c} servers")
    b = 1.0
    for k in range(1, int(c) + 1):
        b = a * b / (k + a * b)
    return c * b / (c - a * (1 - b))


def mmc_wait(arrival_rate: float, mean_service: float, servers: int) -> float:
    """Mean wait in queue of M/M/c: Wq = C(c, a) / (c mu - lambda), a = lambda / mu.

    For M/M/1 this is rho / (mu - lambda).
    """
    mu = 1.0 / mean_service
    return erlang_c(servers, arrival_rate / mu) / (servers * mu - arrival_rate)


def mmc_wait_quantile(
    arrival_rate: float, mean_service: float, servers: int, share: float
) -> float:
    """The ``share``-quantile of the wait in queue of M/M/c (FIFO), in closed form.

    The wait's distribution is P(Wq > t) = C(c, a) exp(-(c mu - lambda) t) for t >= 0 (an
    arrival waits with Erlang C's probability, and then exponentially at the rate the queue
    empties), so its p-quantile, the smallest t with P(Wq <= t) >= p, is

        t_p = ln(C / (1 - p)) / (c mu - lambda)   for p > 1 - C,   and 0 for p <= 1 - C

    (the atom at 0 holds a share 1 - C). It is what a lane's ``wait_h_p90_*`` estimates in
    steady state. For M/M/2 with a = 1 (C = 1/3), t_0.9 = ln(10/3) / 2 h.
    """
    if not 0 < share < 1:
        raise ValueError(f"share must be in (0, 1); got {share}")
    mu = 1.0 / mean_service
    waits = erlang_c(servers, arrival_rate / mu)
    if share <= 1 - waits:
        return 0.0
    return math.log(waits / (1 - share)) / (servers * mu - arrival_rate)


def mg1_wait(arrival_rate: float, mean_service: float, service_cv: float) -> float:
    """Mean wait in queue of M/G/1 by the Pollaczek-Khinchine formula.

    Wq = lambda E[S^2] / (2 (1 - rho)) = rho E[S] (1 + cv^2) / (2 (1 - rho)), rho = lambda E[S],
    ``service_cv`` the coefficient of variation of the service time (0: M/D/1, 1: M/M/1, for
    which it is rho / (mu - lambda)). Source: Pollaczek (1930), Khinchine (1932); e.g.
    Kleinrock, Queueing Systems, Vol. I (1975), ch. 5.
    """
    rho = arrival_rate * mean_service
    if not 0 <= rho < 1:
        raise ValueError(f"unstable: rho = {rho} (must be in [0, 1))")
    if service_cv < 0:
        raise ValueError(f"service cv must be >= 0; got {service_cv}")
    return rho * mean_service * (1 + service_cv**2) / (2 * (1 - rho))


def priority_waits(
    arrival_rates: Sequence[float], mean_service: float, servers: int
) -> list[float]:
    """Mean wait in queue of each class of M/M/c with non-preemptive priority (Cobham).

    ``arrival_rates`` lists the classes' Poisson rates, highest priority first; every class
    has the same exponential service (mean ``mean_service``), and within a class jobs go first
    come first served. With sigma_k = sum_{i<=k} lambda_i / (c mu) and W0 = C(c, a) / (c mu)
    (the mean time until some server frees, for an arrival that waits, times the chance that
    it waits; a = lambda / mu over all classes)

        W_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)).

    One class gives the Erlang C wait. Source: Cobham, "Priority assignment in waiting line
    problems", J. Oper. Res. Soc. America 2 (1954) 70-76; e.g. Gross and Harris,
    Fundamentals of Queueing Theory, section on non-preemptive priorities.
    """
    mu = 1.0 / mean_service
    total = float(sum(arrival_rates))
    w0 = erlang_c(servers, total / mu) / (servers * mu)
    waits, before = [], 0.0
    for rate in arrival_rates:
        if rate < 0:
            raise ValueError(f"arrival rates must be >= 0; got {rate}")
        after = before + rate / (servers * mu)
        waits.append(w0 / ((1 - before) * (1 - after)))
        before = after
    return waits


def jackson_sojourn(arrival_rate: float, stations: Iterable[tuple[float, int, float]]) -> float:
    """Mean sojourn time of an open Jackson network of M/M/c stations.

    ``arrival_rate`` is the Poisson rate lambda of outside arrivals and ``stations`` gives,
    for each station, ``(visits, servers, mean_service)``: the mean number of visits a
    customer pays it (its visit ratio: lambda_i = lambda * visits, from the traffic
    equations; with Bernoulli routing past each station once, the probability of visiting
    it), its number of servers and its mean service time. By Jackson's theorem each
    station behaves as an M/M/c queue fed at lambda_i, and by Little's law

        E[T] = sum_i visits_i * (Wq_i + mean_service_i),

    Wq_i the Erlang C wait of M/M/c_i at lambda_i.
    """
    total = 0.0
    for visits, servers, mean in stations:
        if visits < 0:
            raise ValueError(f"visits must be >= 0; got {visits}")
        if visits == 0:
            continue
        total += visits * (mmc_wait(arrival_rate * visits, mean, servers) + mean)
    return total
