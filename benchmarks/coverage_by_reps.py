#!/usr/bin/env python
"""Do more replications close the 5-replication interval's shortfall? (on demand; not a test)

    python benchmarks/coverage_by_reps.py               # 500 groups of 20 replications
    python benchmarks/coverage_by_reps.py --groups 100  # fewer

``benchmarks/coverage.py`` found the reported 95 % interval of the M/M/2 teaching lane's mean
wait holding Erlang C's Wq in 93.75 % of 2,000 groups of 5 replications. Here each group is
``bordersim run --seed S --reps 20``; its first 5 and first 10 replications are exactly what
``--reps 5`` and ``--reps 10`` under the same seed report, so one set of runs gives the
coverage at n = 5, 10 and 20 (each a binomial count, with its 95 % Clopper-Pearson interval
and the equal-tailed 99 % acceptance region of binomial(groups, 0.95)), and the sample
skewness of a replication's value, the suspected cause. The three counts share runs, so they
are not independent of one another. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from interval_coverage import (  # noqa: E402
    NOMINAL,
    acceptance_region,
    erlang_c_wait,
    group_values,
    reported_interval,
    teaching,
)

LEVEL = 0.99
SIZES = (5, 10, 20)
FIRST_SEED = 70_000  # apart from the test's (10,000 ...) and coverage.py's (50,000 ...)


def clopper_pearson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """The exact (Clopper-Pearson) ``level`` interval of a binomial share ``k / n``."""
    ci = stats.binomtest(k, n).proportion_ci(level, method="exact")
    return float(ci.low), float(ci.high)


def report(values: np.ndarray, truth: float, reps: int) -> bool:
    """Print the coverage of the intervals of each group's first ``reps`` values; True when
    the count lies in the acceptance region."""
    groups = len(values)
    intervals = np.array([reported_interval(v[:reps]) for v in values])
    covered = int(np.sum((intervals[:, 0] <= truth) & (truth <= intervals[:, 1])))
    low, high = clopper_pearson(covered, groups)
    lo, hi = acceptance_region(groups, NOMINAL, LEVEL)
    half = float(np.mean(intervals[:, 1] - intervals[:, 0]) / 2)
    p = stats.binomtest(covered, groups, NOMINAL).pvalue
    print(f"n = {reps:2d}: covered {covered} of {groups} ({covered / groups:.2%}; 95 % CP "
          f"{low:.1%} - {high:.1%}); {LEVEL:.0%} region [{lo}, {hi}]: "
          f"{'ok' if lo <= covered <= hi else 'OUTSIDE'}; binomial test p = {p:.3f}; "
          f"mean half-width {half / truth:.1%} of Wq")
    return lo <= covered <= hi


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--groups", type=int, default=500)
    args = parser.parse_args(argv)
    truth = erlang_c_wait()
    start = time.perf_counter()
    scenario = teaching()
    values = np.array(
        [group_values(scenario, FIRST_SEED + g, max(SIZES)) for g in range(args.groups)]
    )
    print(f"groups {args.groups} x {max(SIZES)} replications, "
          f"{time.perf_counter() - start:.0f} s")
    ok = [report(values, truth, n) for n in SIZES]
    flat = values.ravel()
    print(f"replications' mean - Wq {flat.mean() - truth:+.5f} h; sample skewness "
          f"{stats.skew(flat):.2f}")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    raise SystemExit(main())
