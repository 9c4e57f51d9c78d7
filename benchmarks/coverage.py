#!/usr/bin/env python
"""Coverage of the reported 95 % intervals on the M/M/2 teaching lane (run on demand; not a test).

    python benchmarks/coverage.py               # 2,000 groups of 5 replications (minutes)
    python benchmarks/coverage.py --groups 200  # fewer

Each group is what ``bordersim run --seed S --reps 5`` reports for the lane's mean wait;
the script counts the groups whose interval holds Erlang C's Wq, gives the equal-tailed 99 %
acceptance region of binomial(groups, 0.95), and estimates a replication's bias (the mean of
all replications' values minus Wq, with its standard error) against the intervals' width.
The fast version of this check is ``tests/test_theory_coverage.py``; both share
``tests/interval_coverage.py``. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from interval_coverage import (  # noqa: E402
    NOMINAL,
    REPS,
    acceptance_region,
    coverage,
    erlang_c_wait,
    teaching,
)

LEVEL = 0.99
FIRST_SEED = 50_000  # apart from the test's seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--groups", type=int, default=2000)
    args = parser.parse_args(argv)
    truth = erlang_c_wait()
    start = time.perf_counter()
    seeds = [FIRST_SEED + g for g in range(args.groups)]
    got = coverage(teaching(), seeds, truth, REPS)
    took = time.perf_counter() - start
    lo, hi = acceptance_region(args.groups, NOMINAL, LEVEL)
    values = got.all_values.ravel()
    bias = float(values.mean()) - truth
    se = float(values.std(ddof=1)) / math.sqrt(len(values))
    half = float(got.half_widths.mean())
    print(f"groups {args.groups} x {REPS} replications, {took:.0f} s")
    print(f"covered {got.covered} of {args.groups} ({got.share:.2%}); "
          f"{LEVEL:.0%} region of 95 % coverage [{lo}, {hi}]: "
          f"{'ok' if lo <= got.covered <= hi else 'OUTSIDE'}")
    print(f"Wq {truth:.5f} h; mean of replications {values.mean():.5f} h; "
          f"bias {bias:+.5f} h ({bias / truth:+.2%} of Wq), standard error {se:.5f} h")
    print(f"replication sd {values.std(ddof=1):.5f} h ({values.std(ddof=1) / truth:.1%} of Wq); "
          f"mean half-width {half:.5f} h ({half / truth:.1%} of Wq); bias / half-width "
          f"{bias / half:+.3f}")
    return 0 if lo <= got.covered <= hi else 1


if __name__ == "__main__":
    raise SystemExit(main())
