"""The report's trader-class table: a run's ``class-differences.csv`` (each trader class
against ``general`` traders at the same port and direction, paired within each replication:
:mod:`sim.experiment.class_differences`), so that a trader weighing AEO status sees on the
page what a class gets where it trades, and reads it as a comparison of other traders."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from sim.report.folder import Variant

#: the heading of the section
HEADING = "Trader classes against general traders"
#: the table's headings, in order
HEADS = ("metric", "port", "direction", "class", "class mean", "general mean", "difference",
         "95 % CI")  # fmt: skip
NOTE = (
    "Each trader class against general traders at the same port and direction: class - "
    "general in every replication, paired under its seed, with its mean and 95 % interval "
    "(the folder's class-differences.csv): the mean and 90th percentile of clearance (hours) "
    "and, with costs, the border burden and the trader cost (the scenario's currency). These "
    "are other traders with other goods: a class's trader cost differs from general "
    "traders' by its goods' value and commodities as much as by its treatment. What a "
    "certification or a downgrade would change for the same consignments is a comparison "
    "(reforms aeo_mutual_recognition and credit_downgrade, docs/aeo-trader.md)."
)


def class_section(variants: Mapping[str, Variant]) -> list[str]:
    """The section of a run's report (none for a comparison, or a folder without the file)."""
    if len(variants) != 1:
        return []
    from sim.experiment.class_differences import FILE

    path = next(iter(variants.values())).path / FILE
    if not path.exists():
        return []
    table = pd.read_csv(path)
    if table.empty:
        return []
    head = "".join(f"<th>{h}</th>" for h in HEADS)
    rows = "".join(_row(r) for _, r in table.iterrows())
    return [f"<h2>{HEADING}</h2>", f"<p class='note'>{NOTE}</p>",
            f"<table class='classes'><tr>{head}</tr>{rows}</table>"]  # fmt: skip


def _row(r: pd.Series) -> str:
    from sim.report.html import _fmt

    cells = "".join(f"<td>{html.escape(str(r[c]))}</td>"
                    for c in ("metric", "port", "direction", "class"))  # fmt: skip
    for col in ("class_mean", "general_mean", "difference"):
        cells += f"<td>{_fmt(r[col])}</td>"
    cells += f"<td>[{_fmt(r['ci_low'])}, {_fmt(r['ci_high'])}]</td>"
    return f"<tr>{cells}</tr>"
