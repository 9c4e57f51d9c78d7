#!/usr/bin/env python
"""A hash of every result of part (c)'s runs, to check that a speed change moves no result.

    python benchmarks/result_hash.py              # both sides, 7 days, seed 0
    python benchmarks/result_hash.py --days 0     # the risk side at its full length
    python benchmarks/result_hash.py --side risk --days 7 --days 0

Runs the benchmark's sides of part (c) (``bench_flow.risk_sides``: the default scenario with
its risk engine on, and off, both with smugglers) with ``log=True`` and prints one line per
field of the ``RunResult`` (a table hashed by its CSV text, anything else by its ``repr``),
then one hash of them all per run. Run it before and after a change: every line must stay
the same. (``events``, the SimPy events scheduled, is a field too: a change that saves events
moves it and nothing else.) Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "benchmarks"):  # run from a checkout without installing
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_flow import risk_sides  # noqa: E402

from sim.model.run import simulate  # noqa: E402
from sim.scenario.loader import default_scenario_path  # noqa: E402


def digest(value: Any) -> str:
    """A short hash of one result field: a table by its CSV text, anything else by repr."""
    text = value.to_csv() if isinstance(value, pd.DataFrame) else repr(value)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def hashes(side: str, days: float | None, seed: int = 0) -> list[tuple[str, str]]:
    """Each field of one run's result with its hash, by name, then ``ALL``: all of them."""
    sides = risk_sides(default_scenario_path(), days)
    if sides is None:
        raise SystemExit("the default scenario has no [risk] section")
    res = simulate(sides[side], seed, log=True)
    fields = sorted((f.name, digest(getattr(res, f.name))) for f in dataclasses.fields(res))
    total = hashlib.sha256("".join(name + h for name, h in fields).encode()).hexdigest()[:16]
    return [*fields, ("ALL", total)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    ap.add_argument("--side", choices=("risk", "static"), action="append", help="default both")
    ap.add_argument(
        "--days", type=float, action="append", help="run length in days (0: full); default 7"
    )
    args = ap.parse_args(argv)
    for days in args.days or [7.0]:
        for side in args.side or ["risk", "static"]:
            for name, h in hashes(side, days or None):
                print(f"{days:g} {side} {name} {h}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
