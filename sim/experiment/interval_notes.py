"""How a results folder's intervals were made, written once into the record a reviewer
reads first (a run's and a sweep's ``meta.json``, a comparison's ``compare.json``, under
``intervals``): the files' ``ci_low`` and ``ci_high`` columns do not say it. Every interval
is a 95 % Student-t interval over the replications; a comparison's and a sweep's
differences are paired replication by replication (the same seeds), and their
``significant`` is Holm's correction over the options (the points), metric by metric."""

from __future__ import annotations

from typing import Any

#: the intervals' confidence level, and the family-wise level Holm's correction holds
LEVEL = 0.95
ALPHA = 0.05

_LEVELS = (
    "ci_low, ci_high (and <figure>_ci_low, <figure>_ci_high): the 95 % Student-t interval "
    "of the mean over the n replications that measured the figure, mean +- t(0.975, n - 1) "
    "* sd / sqrt(n), not clipped; empty with one replication. shown_low, shown_high: the "
    "same clipped to what is possible (a time or count not below 0, a share within [0, 1])"
)
_PAIRED = (
    "paired: {what} minus {whom} within each replication (replication r runs under the same "
    "seed in both: common random numbers), then the 95 % Student-t interval over those "
    "differences; a difference that is float rounding is exactly 0, and a quantile's "
    "interval is never narrower than the resolution of its histogram"
)
_HOLM = (
    "p_value: the paired t test's, uncorrected; significant: Holm's step-down correction "
    "over the {family}, metric by metric, at a family-wise 0.05"
)


def intervals_note(kind: str) -> dict[str, Any]:
    """The ``intervals`` entry of a ``kind`` (``run``, ``compare``, ``sweep``) folder's
    record: the level, how each file's intervals were made, and, for a comparison or a
    sweep, how its differences were paired and corrected."""
    note: dict[str, Any] = {"level": LEVEL, "levels": _LEVELS}
    if kind == "compare":
        note["differences"] = "differences.csv, interactions.csv, each <figure>_diff: " + \
            _PAIRED.format(what="the option", whom="the baseline")
        note["significant"] = _HOLM.format(family="options")
    elif kind == "sweep":
        note["differences"] = "differences.csv: " + _PAIRED.format(
            what="the point", whom="point 0")
        note["significant"] = _HOLM.format(family="points")
    return note
