"""``bordersim compliance RESULTS_DIR [--check physical] [--level 0.95]``: customs' own
estimate of its non-compliance rate from a run's inspections, beside the hidden truth
(:mod:`sim.compliance`; docs/compliance-measurement.md). Only the standard library is
imported at start-up."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

#: the checks whose selections may serve as the sample (as sim.analysis.compliance.SAMPLES,
#: not imported at start-up; a test keeps them equal)
SAMPLES = ("document", "scan", "physical")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "compliance",
        help="customs' own estimate of non-compliance from its inspections, beside the truth",
        description="Read a results folder written with --log and print, for each "
        "replication, the non-compliance rate customs could estimate from the consignments "
        "the selection tables chose for a check (Horvitz-Thompson, with its interval), beside "
        "the hidden truth; then, by illicit type, the means and how many intervals held the "
        "truth. A miss looks compliant: a check that finds a share d of what it inspects "
        "estimates d times the true rate. Nothing is simulated again.",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR",
                   help="a run's results folder written with --log")
    p.add_argument("--check", choices=SAMPLES, default="physical",
                   help="the check whose selections are the sample (default: physical)")
    p.add_argument("--level", type=float, default=0.95,
                   help="the interval's level, between 0 and 1 (default 0.95)")
    from sim.cli_lang import add_lang

    add_lang(p)  # (the tables' headings, columns and note)


def run(args: argparse.Namespace) -> int:
    from sim.cli_lang import chosen
    from sim.compliance import report

    return report(args.folder, args.check, args.level, chosen(args))
