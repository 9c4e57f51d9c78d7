#!/usr/bin/env python
"""Coverage of the reported 95 % intervals of a p90 wait and a network's mean sojourn (on demand).

    python benchmarks/quantile_coverage.py                  # 1,000 groups of each (minutes)
    python benchmarks/quantile_coverage.py --groups 200     # fewer
    python benchmarks/quantile_coverage.py --days 7         # shorter observed runs of the lane

The p90: each group is what ``bordersim run --seed S --reps 5`` reports for the M/M/2
teaching lane's ``wait_h_p90_crossing_document_check``; the truth is the exact p90 of M/M/2's
wait, ln(10/3) / 2 h. Besides the coverage (its 95 % Clopper-Pearson interval, the equal-
tailed 99 % acceptance region of binomial(groups, 0.95), the exact binomial test) it gives the
two suspected causes of a shortfall: the bias of a replication's sample p90 (mean of all
replications minus the truth, with its standard error) and the histogram's rounding (at most
1 % of the value) against the mean half-width, and the coverage without the widening to the
histogram's resolution. ``--days`` overrides the lane's observed days (the warm-up stays 7
days) to see the bias of a shorter run. The network: the same for ``clearance_h_mean`` of
``scenarios/teaching-jackson.toml`` against Jackson's E[T]. The fast version is
``tests/test_quantile_coverage.py``; both share ``tests/quantile_coverage.py``. Nothing is
written to disk; the exit code is 1 when a count is outside its region.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from interval_coverage import NOMINAL, REPS, acceptance_region, teaching  # noqa: E402
from quantile_coverage import (  # noqa: E402
    P90_METRIC,
    SOJOURN_METRIC,
    count_covered,
    group_of,
    jackson,
    lane_p90,
    network_clearance,
    network_sojourn,
    p90_wait,
)

from sim.analysis.sketch import RELATIVE_ERROR  # noqa: E402

LEVEL = 0.99
FIRST_SEED = 90_000  # apart from the tests' seeds (10,000 ..., 20,000 ..., 30,000 ...)


def report(name: str, values: np.ndarray, truth: float, metric: str) -> bool:
    """Print the coverage of ``values``' groups and the bias; True when in the region."""
    groups = len(values)
    got = count_covered(values, truth, metric)
    lo, hi = acceptance_region(groups, NOMINAL, LEVEL)
    ci = stats.binomtest(got.covered, groups).proportion_ci(0.95, method="exact")
    p = stats.binomtest(got.covered, groups, NOMINAL).pvalue
    flat = values.ravel()
    bias = float(flat.mean()) - truth
    se = float(flat.std(ddof=1)) / math.sqrt(len(flat))
    half = float(got.half_widths.mean())
    ok = lo <= got.covered <= hi
    print(f"{name}: truth {truth:.5f} h; covered {got.covered} of {groups} ({got.share:.2%}; "
          f"95 % CP {ci.low:.1%} - {ci.high:.1%}); {LEVEL:.0%} region [{lo}, {hi}]: "
          f"{'ok' if ok else 'OUTSIDE'}; binomial test p = {p:.3f}")
    print(f"  mean of replications - truth {bias:+.5f} h ({bias / truth:+.2%}), standard error "
          f"{se:.5f} h; mean half-width {half:.5f} h ({half / truth:.1%}); bias / half-width "
          f"{bias / half:+.3f}; sample skewness {stats.skew(flat):.2f}")
    return ok


def unwidened(values: np.ndarray, truth: float) -> int:
    """Groups whose plain t-interval (no widening to the resolution) holds ``truth``."""
    n = values.shape[1]
    half = stats.t.ppf(0.975, n - 1) * values.std(axis=1, ddof=1) / math.sqrt(n)
    return int(np.sum(np.abs(values.mean(axis=1) - truth) <= half))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--days", type=float, default=None, help="the lane's observed days")
    args = parser.parse_args(argv)
    seeds = [FIRST_SEED + g for g in range(args.groups)]
    start = time.perf_counter()
    lane = teaching({"days": args.days} if args.days else None)
    p90s = np.array([group_of(lane, s, REPS, lane_p90) for s in seeds])
    print(f"lane: {args.groups} groups x {REPS} replications of {lane.days:g} days, "
          f"{time.perf_counter() - start:.0f} s")
    truth = p90_wait()
    ok = report("p90 wait", p90s, truth, P90_METRIC)
    print(f"  histogram's rounding at most {RELATIVE_ERROR * truth:.5f} h; without the widening "
          f"{unwidened(p90s, truth)} of {args.groups} cover")
    start = time.perf_counter()
    network = np.array([group_of(jackson(), s, REPS, network_clearance) for s in seeds])
    print(f"network: {args.groups} groups x {REPS} replications, "
          f"{time.perf_counter() - start:.0f} s")
    ok = report("mean sojourn", network, network_sojourn(), SOJOURN_METRIC) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
