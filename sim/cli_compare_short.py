"""``bordersim compare --by-port``: lead with what a planner reads first. The comparison's
table then holds only the headline metrics (clearance time, release within 24 h, inspection,
detection, value slipped and cost per consignment), imports and exports apart where the
scenario has both, each with its intervals and significance mark, above the ports' table; a
line then says how many rows of the usual table were left out and where they are (``--all``
prints them; every metric is in the results folder's CSVs either way, written unchanged).
A provincial brief reads the ports one by one, and the full table of a many-port scenario ran
to hundreds of lines above them."""

from __future__ import annotations

import argparse
from typing import Any

#: the metrics a planner reads first, each split into imports and exports where it can be
HEADLINE = (
    "clearance_h_mean",
    "overall_clearance_h_mean",
    "released_within_24h",
    "inspection_rate",
    "detection_rate",
    "value_slipped",
    "total_cost_per_consignment",
)


def add_all(p: argparse.ArgumentParser) -> None:
    """The ``--all`` flag of ``bordersim compare``."""
    p.add_argument("--all", action="store_true", dest="all_rows",
                   help="with --by-port: print the comparison's whole usual table above the "
                   "ports' (without it, --by-port leads with the headline metrics only, "
                   "imports and exports apart, and says where the rest is)")


def headline_rows(names: set[str]) -> tuple[str, ...]:
    """:data:`HEADLINE` among the metrics ``names``: each as its import and export rows where
    the comparison has them, else pooled."""
    out: list[str] = []
    for m in HEADLINE:
        split = [f"{m}_{d}" for d in ("import", "export") if f"{m}_{d}" in names]
        out += split or ([m] if m in names else [])
    return tuple(out)


def short(args: argparse.Namespace) -> bool:
    """Whether the table leads with the headline only: ``--by-port`` without ``--all`` or
    ``--only`` (``--only``: the table is what ``--show`` names, as ever)."""
    return bool(getattr(args, "by_port", False) and not getattr(args, "all_rows", False)
                and not getattr(args, "only", False))


def rest_line(left_out: int, out: str, lang: str = "en") -> str:
    """Where the ``left_out`` rows of the usual table are: ``--all``, and the results
    folder ``out``'s CSVs (every metric of every option)."""
    if lang == "zh":
        return (f"通常的对比表另有 {left_out} 行未列出：加 --all 显示；所有方案的全部指标见 "
                f"{out}/summary.csv（均值及区间）和 {out}/differences.csv（配对差值）")
    return (f"{left_out} more rows of the usual table are left out: add --all to print them; "
            f"every metric of every option is in {out}/summary.csv (means and intervals) and "
            f"{out}/differences.csv (paired differences)")


def leading(res: Any, rows: tuple[str, ...], args: argparse.Namespace) -> tuple[
        tuple[str, ...], int]:
    """The rows to print of the usual ``rows`` and how many are left out (0: all printed)."""
    if not short(args):
        return rows, 0
    names = set(res.summary["metric"]) if "metric" in res.summary else set()
    lead = headline_rows(names)
    return lead, len([m for m in rows if m not in lead])
