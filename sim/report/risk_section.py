"""The report's risk-engine section: what the engine achieved against what it was set to do
(each port and direction's ordinary inspection rate against its target, the credit classes'
rates beside it, the AUC its scores reached and the share of decisions alerts raised) and its
threshold over time. A planner who switches the engine on, or tunes it, reads here whether it
held its target and how well it ranked; the tables are the replications' ``-risk.csv`` and
``-risk-thresholds.csv``. Where the scenario sets the engine up but it was off, the section
says so in one line (a planner must not read the static tables' rates as the engine's)."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd
from matplotlib.figure import Figure

from sim.report.flow_plots import panel_lines
from sim.report.risk_reasons_section import reasons_table

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult
    from sim.report.folder import Variant

#: the credit classes shown beside the ordinary rate (the rules' two ends)
CLASSES = (("aeo_advanced", "advanced AEO"), ("discredited", "discredited"))


def risk_section(variants: Mapping[str, Variant], res: CompareResult) -> list[str]:
    """The section (none where no option ran the risk engine)."""
    from sim.report.sections import img

    rates = {n: v.tables["risk"] for n, v in variants.items() if "risk" in v.tables}
    if not rates:
        return _engine_off(variants)
    out = [
        "<h2>The risk engine</h2>",
        "<p class='note'>What the engine achieved over the cohort's declarations, mean over "
        "replications: the ordinary classes' inspection rate (its selections for a scan, "
        "exam or quarantine check over its decisions) against the target it holds, and the "
        "credit classes' rates it sets by rule (a floor for discredited traders, a cap on "
        "advanced AEO traders' rate against ordinary traders'). Exams that follow a "
        "document check's alarm are not its selections.</p>",
        _rates_table(rates),
        *_scores(res, list(rates)),
        *reasons_table({n: v.tables["risk-reasons"] for n, v in variants.items()
                        if "risk-reasons" in v.tables}),
    ]
    trace = {n: v.tables["risk-thresholds"] for n, v in variants.items()
             if "risk-thresholds" in v.tables and not v.tables["risk-thresholds"].empty}
    if trace:
        first = next(iter(variants.values())).scenario
        warmup_h = 24 * float(first.get("warmup_days") or 0)
        out.append(img(lambda: thresholds_plot(trace, warmup_h), "Lines: the score threshold of "
                       "each port and direction at each refresh, for each option",
                       "risk-thresholds"))
    return out


#: the section when the scenario sets up the engine but no option switched it on
OFF = ("The risk engine was off in this run (its scenario's [risk] enabled = false): the "
       "static selection tables chose the inspections, and no figure here measures the engine.")


def _engine_off(variants: Mapping[str, Variant]) -> list[str]:
    """A line saying the engine was off, where a scenario has a [risk] section (else none:
    a scenario without one never meant to run it)."""
    if not any(isinstance(v.scenario.get("risk"), dict) for v in variants.values()):
        return []
    return ["<h2>The risk engine</h2>", f"<p class='note'>{OFF}</p>"]


def achieved(table: pd.DataFrame) -> pd.DataFrame:
    """Per port and direction: ordinary decisions a replication, their achieved rate (the
    ratio of the mean counts) and target, and each :data:`CLASSES` rate."""
    t = table.assign(ordinary=table["target"].notna())
    rows = []
    for (port, direction), g in t.groupby(["port", "direction"], sort=False):
        o = g[g["ordinary"]]
        row = {"port": port, "direction": direction, "decided": float(o["decided"].sum()),
               "rate": _ratio(o["inspected"].sum(), o["decided"].sum()),
               "target": float(o["target"].mean()) if len(o) else math.nan}  # fmt: skip
        for cls, _ in CLASSES:
            c = g[g["trader_class"] == cls]
            row[cls] = _ratio(c["inspected"].sum(), c["decided"].sum())
        rows.append(row)
    return pd.DataFrame(rows)


def _rates_table(rates: Mapping[str, pd.DataFrame]) -> str:
    head = "".join(f"<th>{h}</th>" for h in (
        "option", "port", "direction", "ordinary decisions a replication",
        "ordinary rate achieved", "target", *(f"{w} rate" for _, w in CLASSES)))
    body = []
    for name, table in rates.items():
        for r in achieved(table).to_dict("records"):
            cells = [name, r["port"], r["direction"], f"{r['decided']:,.0f}",
                     _pct(r["rate"]), _pct(r["target"]), *(_pct(r[c]) for c, _ in CLASSES)]
            body.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
                        + "</tr>")
    return (f"<table class='risk' data-table='risk'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _scores(res: CompareResult, names: list[str]) -> list[str]:
    """The AUC the engine's scores reached and the share of its decisions alerts raised,
    per option (from the comparison's means)."""
    s = res.summary
    if s.empty or "metric" not in s:
        return []
    out = []
    for metric, what in (("risk_auc", "AUC its scores reached against the hidden truth "
                          "(0.5 chance, 1 perfect)"),
                         ("alert_raised_share", "share of its decisions an alert raised")):
        means = s[s["metric"] == metric].set_index("option")["mean"]
        shown = [f"{html.escape(n)} {float(means[n]):.3f}" for n in names
                 if n in means and math.isfinite(float(means[n]))]
        if shown:
            out.append(f"<p class='note' data-metric='{metric}'>The {what}, mean over "
                       f"replications: {', '.join(shown)}.</p>")
    return out


def thresholds_plot(trace: Mapping[str, pd.DataFrame], warmup_h: float = 0.0) -> Figure:
    """The threshold at each refresh, one panel per port and direction (the first option's),
    one line per option; the warm-up shaded."""
    first = trace[next(iter(trace))]
    cells = list(dict.fromkeys(zip(first["port"], first["direction"], strict=True)))
    return panel_lines(
        trace, ("port", "direction"), cells, "threshold", "score threshold",
        "The risk engine's threshold at each refresh (mean over replications)", warmup_h,
    )


def _ratio(a: Any, b: Any) -> float:
    return float(a) / float(b) if float(b) else math.nan


def _pct(x: float) -> str:
    return "–" if not math.isfinite(x) else f"{100 * x:.2f} %"
