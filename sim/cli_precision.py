"""``bordersim run --precision H``: replications added until the watched intervals are narrow
enough, as ``compare --precision`` does for a comparison (see
:class:`sim.experiment.precision.Target`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sim.reps import FIRST_REPS, MOST_REPS

if TYPE_CHECKING:
    from sim.experiment.precision import Target


def add_precision(run: argparse.ArgumentParser) -> None:
    """``--precision H``, ``--metric M`` (repeatable) and ``--max-reps N`` on ``run``."""
    from sim.cli import _positive_int
    from sim.cli_compare import _positive_float

    run.add_argument(
        "--precision", type=_positive_float, metavar="H",
        help=f"add replications (at least {FIRST_REPS}, or --reps if more) until the "
        "--metric 95 %% half-widths are within H: relative for times, costs and counts "
        "(0.05: 5 %% of the mean), absolute for shares and rates",
    )  # fmt: skip
    run.add_argument(
        "--metric", dest="metrics", action="append", default=[], metavar="METRIC",
        help="metric the --precision target watches (repeatable; default clearance_h_mean "
        "and overall_clearance_h_mean)",
    )  # fmt: skip
    run.add_argument(
        "--max-reps", type=_positive_int, default=None,
        help=f"most replications with --precision (default {MOST_REPS})",
    )  # fmt: skip


def run_target(args: argparse.Namespace, scenario: Any) -> Target | None:
    """The run's precision target, its flags checked before anything runs (a flag only a
    target reads, given without one, or a metric the scenario's runs cannot yield:
    UsageError); None without ``--precision``."""
    from sim.cli import UsageError
    from sim.experiment.metric_names import MetricError, check_metrics, metric_names
    from sim.experiment.precision import Target

    if args.precision is None:
        if args.metrics:
            raise UsageError(
                f"--metric {args.metrics[0]} without --precision: --metric names what the "
                "--precision target watches; give --precision H too (every metric is "
                "reported either way)"
            )
        if args.max_reps is not None:
            raise UsageError(
                f"--max-reps {args.max_reps} without --precision: --max-reps caps how many "
                "replications a --precision target may run; give --precision H too, or "
                "--reps N for a fixed number"
            )
        return None
    most = MOST_REPS if args.max_reps is None else args.max_reps
    first = max(args.reps, FIRST_REPS)
    if most < first:
        raise UsageError(
            f"--max-reps {most} is below the {first} replications a --precision target "
            f"starts with (at least {FIRST_REPS}: fewer give too unsteady an interval to stop "
            f"on, or --reps); give --max-reps {first} or more"
        )
    try:
        check_metrics(args.metrics, [metric_names(scenario, args.scenario or "")])
    except MetricError as exc:
        raise UsageError(str(exc)) from None
    if args.metrics:
        return Target(args.precision, tuple(dict.fromkeys(args.metrics)), most)
    return Target(args.precision, max_reps=most)
