"""The report's Trading across Borders table: each port and direction's documentary and
border compliance time and cost (:mod:`sim.experiment.trading_table`), recomputed from the
folder's replication tables as ``trading-across-borders.csv`` is, with each option's
paired difference from the baseline in a comparison."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from sim.report.folder import Variant

#: a cell's attribute that says it holds a port's mode of transport (``land``), which the
#: Chinese page says in Chinese (陆路) where a port's name stays as written
MODE = " class='mode'"
#: the columns shown: (figure, heading)
SHOWN = (
    ("documentary_time_h", "documentary h (lower bound)"),
    ("border_time_h", "border h"),
    ("documentary_cost", "documentary cost"),
    ("border_cost", "border cost"),
)


def trading_section(variants: Mapping[str, Variant]) -> list[str]:
    """The section (none when no replication kept its intervals)."""
    from sim.experiment import trading_table as tt

    frames = {n: tt.folder_frames(v.path / "reps", v.reps) for n, v in variants.items()}
    if not any(frames.values()):
        return []
    first = next(iter(variants.values()))
    modes = {str(p): str(d.get("mode", "")) for p, d in first.scenario.get("ports", {}).items()}
    names = list(variants)
    baseline = "baseline" if "baseline" in variants else names[0]  # (a run: its own)
    table = tt.compare_trading(frames, baseline, modes)
    table = table[table["dimension"] == "port_direction"]
    paired = len(names) > 1
    money = str((first.scenario.get("costs") or {}).get("currency", ""))
    head = "".join(f"<th>{h}</th>" for h in ("option", "port", "mode", "direction"))
    for col, heading in SHOWN:
        heading += f" ({html.escape(money)})" if col.endswith("_cost") and money else ""
        head += f"<th>{heading}</th>" + ("<th>vs baseline</th>" if paired else "")
    rows = "".join(_row(r, paired) for _, r in table.iterrows())
    return [
        "<h2>Trading across Borders</h2>",
        "<p class='note'>As Doing Business splits a shipment's time and cost: documentary "
        "compliance (the declaration's lodging after arrival, its acceptance, a second "
        "declaration, quarantine's clearance form; the broker's fee) and border compliance "
        "(customs' and quarantine's checks and their queues, the port's handling; handling, "
        "storage, inspection and attendance fees), per consignment, means over replications"
        + (" and each option's paired difference from the baseline" if paired else "")
        + ". Documents prepared before arrival count no time, so documentary time is a lower "
        "bound of Doing Business's; the trader's pick-up and the "
        "wait for a cut-off are in neither. The folder's trading-across-borders.csv has "
        "every figure with its 95 % interval, by trader class too.</p>",
        f"<table class='trading'><tr>{head}</tr>{rows}</table>",
    ]


def _row(r: pd.Series, paired: bool) -> str:
    from sim.report.html import _fmt

    cells = "".join(f"<td{MODE if c == 'mode' else ''}>{html.escape(str(r[c]))}</td>"
                    for c in ("option", "port", "mode", "direction"))  # fmt: skip
    for col, _ in SHOWN:
        cells += f"<td>{_fmt(r.get(col, float('nan')))}</td>"
        if paired:
            cells += f"<td>{_fmt(r.get(f'{col}_diff', float('nan')))}</td>"
    return f"<tr>{cells}</tr>"
