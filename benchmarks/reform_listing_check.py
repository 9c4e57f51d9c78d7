#!/usr/bin/env python
"""Check ``bordersim reforms --on`` against short runs: for every bundled scenario and every
reform the listing says acts (or acts in part) there, does a short paired run change any
figure at all?

    python benchmarks/reform_listing_check.py               # every scenario, 2 days
    python benchmarks/reform_listing_check.py --days 14 teaching-mmc

Each scenario's acting reforms are compared at once (``sim.compare``: one replication, a
fixed seed, no warm-up, ``--days`` observed days); a reform whose every metric equals the
baseline's is printed as ``same``. A short run may miss a rare consignment (a recall after
a laboratory test, an audit): run such a pair longer before calling the listing wrong. Too
slow for the test suite (minutes); tests/test_reform_listing_acts.py checks a few pairs.
Prints tab-separated lines (scenario, reform, the listing's word, changes or same).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))


def check(path: Path, days: float, seed: int) -> list[tuple[str, str, str, str]]:
    """(scenario, reform, listed, changes/same) for each reform listed as acting on ``path``."""
    from sim.cli_reforms import ACTS, PART, _verdicts
    from sim.experiment.compare import compare
    from sim.scenario.loader import load_scenario

    scenario = load_scenario(path)
    acting = [(n, kind) for n, kind, _ in _verdicts(scenario, path) if kind in (ACTS, PART)]
    res = compare(scenario, [n for n, _ in acting], reps=1, seed=seed, log=False,
                  report=False, overrides={"days": days, "warmup_days": 0})
    same = set(res.meta.get("identical", []))
    return [(path.stem, n, kind, "same" if n in same else "changes") for n, kind in acting]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("scenarios", nargs="*", help="bundled scenario names (default: all)")
    p.add_argument("--days", type=float, default=2.0, help="observed days of each run")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    paths = sorted((ROOT / "scenarios").glob("*.toml"))
    for path in paths:
        if args.scenarios and path.stem not in args.scenarios:
            continue
        for row in check(path, args.days, args.seed):
            print("\t".join(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
