"""The report's table of why the risk engine inspected (under its section,
:mod:`sim.report.risk_section`): per option, port and reason (:mod:`sim.model.risk_reasons`),
the inspections a replication, their share and their hit rate (illicit goods per
inspection). An auditor reads here whether random selection and alerts earn their cost; the
intervals are in ``risk-reasons.csv``. Under each port's reasons, a row marked as not
inspections: the candidates a cap let go and the illicit share among them (what the cap
costs in hits), left out of the shares."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import pandas as pd

from sim.model.risk_reasons import NOT_INSPECTED, REASONS

#: the table's note (translated whole in :mod:`sim.report.zh_risk_reasons`)
NOTE = (
    "Why the engine inspected, mean over replications: each inspection under one reason, "
    "a credit rule's floor first, then an alert's raise that took its score over the "
    "threshold, then the score alone, then random selection; the hit rate is the share of "
    "those inspections that held illicit goods (the hidden truth: the exam must still find "
    "them). Intervals: risk-reasons.csv. The last row of each port is not inspections: the "
    "declarations a cap on a credit class (advanced AEOs) let go although the engine chose "
    "them, left out of the shares; its hit rate is the share of them that held illicit goods."
)
#: the table's columns
HEADS = ("option", "port", "reason", "inspections a replication", "share", "hit rate")
#: each reason's words on the page
WORDS = {
    "floor": "credit floor",
    "alert": "alert",
    "score": "score over threshold",
    "random": "random selection",
    NOT_INSPECTED: "let go by the cap (not inspected)",
}


def reasons_table(variants: Mapping[str, pd.DataFrame]) -> list[str]:
    """The note and table of each option's mean reason table (option -> its
    ``risk-reasons`` table averaged over replications); none without one."""
    body = []
    for name, table in variants.items():
        mine = table[table["check"] == "inspected"]
        for port, rows in mine.groupby("port", sort=False):
            n = rows.set_index("reason")[["inspections", "hits"]]
            n = n.reindex([*REASONS, NOT_INSPECTED], fill_value=0)
            total = float(n["inspections"].drop(NOT_INSPECTED).sum())
            for reason, r in n.iterrows():
                ins, hits = float(r["inspections"]), float(r["hits"])
                made = reason != NOT_INSPECTED  # (the cap's row: no share of inspections)
                cells = [name, port, WORDS[str(reason)], f"{ins:,.1f}",
                         _pct(ins / total if total and made else math.nan),
                         _pct(hits / ins if ins else math.nan)]  # fmt: skip
                mark = "" if made else " class='not-inspected'"
                body.append(f"<tr{mark}>"
                            + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
                            + "</tr>")
    if not body:
        return []
    head = "".join(f"<th>{h}</th>" for h in HEADS)
    return [f"<p class='note'>{NOTE}</p>",
            f"<table class='risk' data-table='risk-reasons'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"]  # fmt: skip


def _pct(x: float) -> str:
    return "–" if not math.isfinite(x) else f"{100 * x:.1f} %"
