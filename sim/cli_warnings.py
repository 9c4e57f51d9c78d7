"""The warnings and notes of ``run``, ``compare`` and ``sweep`` for a program: each as a
coded record (:mod:`sim.warning_codes`) in the results folder's ``warning-records.json``
and in the ``--json`` output's ``warning_records`` (a sweep's JSON stays its list of
points), and ``--fail-on``, an exit status a scheduler can page on when a result is not to
be trusted, without reading any English."""

from __future__ import annotations

import argparse
import fnmatch
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

#: the exit status of a command that finished but whose records reach ``--fail-on``
#: (1: an option failed; 2: a usage error; 130/143: interrupted)
FAIL_EXIT = 3
#: ``--fail-on`` levels, from the least to the most strict
LEVELS = ("never", "warning", "note")
RECORDS_FILE = "warning-records.json"


def add_fail_on(parser: argparse.ArgumentParser) -> None:
    """The ``--fail-on`` option of a command that writes warning records."""
    parser.add_argument(
        "--fail-on", choices=LEVELS, default="never", metavar="LEVEL",
        help=f"exit with status {FAIL_EXIT} (after writing every result) when a warning "
             "(LEVEL warning: an overloaded lane, a queue that does not settle, a run too "
             "short, one replication...) or any note (LEVEL note) was given; each is coded "
             f"in {RECORDS_FILE} (LEVEL: never, warning or note; default: never)",
    )


def coded(lines: Iterable[str], by_rep: Mapping[str, Iterable[str]] | None = None
          ) -> list[dict[str, Any]]:
    """The records of a command's printed notes and warnings (``by_rep``: a run's warnings
    by replication, to name all the replications of each)."""
    from sim.warning_codes import records

    return records(lines, by_rep)


def unmeasured(
    summary: Mapping[str, Any], shown: Iterable[str], asked: Iterable[str] = ()
) -> list[str]:
    """A warning for each metric asked for by name (``--show``) that no replication
    measured (its mean is null): a figure a nightly job expects is missing. ``asked``: the
    ``--show`` texts; a metric a pattern picked (``wait_h_mean_crossing_*``) warns only when
    nothing that pattern picked was measured, since a pattern also picks the lanes a
    scenario switches off, which no one asked for."""
    names = list(shown)
    items = {p.strip() for text in asked for p in text.split(",")}
    patterns = {p for p in items if any(ch in p for ch in "*?[")}
    empty = [p for p in patterns if all(_null(summary, n) for n in fnmatch.filter(names, p))]
    wanted = (items - patterns) | {m for p in empty for m in fnmatch.filter(names, p)}
    missing = [m for m in names if _null(summary, m) and (not items or m in wanted)]
    return [f"warning: {m} was asked for (--show) but measured in no replication: "
            "its figure is missing (null in summary.json)" for m in missing]


def _null(summary: Mapping[str, Any], metric: str) -> bool:
    """Whether no replication measured ``metric`` (absent, or its mean null)."""
    stats = summary.get(metric)
    return not isinstance(stats, Mapping) or stats.get("mean") is None


def write_records(out: Path, recs: list[dict[str, Any]]) -> None:
    """``warning-records.json`` in ``out``: the records and how many of each severity and
    code (replaced as a whole: a resumed run's are its latest)."""
    from sim.experiment.store import atomic_write, dump_json

    atomic_write(out / RECORDS_FILE, dump_json({"counts": counts_of(recs), "records": recs}))


def counts_of(recs: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """How many records there are of each severity and each code."""
    counts: dict[str, dict[str, int]] = {"severity": {}, "code": {}}
    for r in recs:
        for key in counts:
            counts[key][r[key]] = counts[key].get(r[key], 0) + 1
    return counts


def exit_status(recs: list[dict[str, Any]], fail_on: str) -> int:
    """``FAIL_EXIT`` when a record is at least as severe as ``fail_on`` asks (saying which
    on stderr), else 0."""
    if fail_on == "never":
        return 0
    hit = [r for r in recs if fail_on == "note" or r["severity"] == "warning"]
    if not hit:
        return 0
    codes = ", ".join(dict.fromkeys(r["code"] for r in hit))
    print(f"failing (--fail-on {fail_on}): {len(hit)} record(s) at that level ({codes}); "
          f"exit status {FAIL_EXIT}", file=sys.stderr)
    return FAIL_EXIT
